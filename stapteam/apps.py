from django.apps import AppConfig
from django.db.models.signals import post_migrate


class StapteamConfig(AppConfig):
    name = "stapteam"
    verbose_name = "Stapteam (kern)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from stapteam import signalen
        from stapteam.rollen import synchroniseer_rollen

        signalen.verbind()
        post_migrate.connect(synchroniseer_rollen, sender=self, dispatch_uid="rollen")
