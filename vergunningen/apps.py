from django.apps import AppConfig


class VergunningenConfig(AppConfig):
    name = "vergunningen"
    verbose_name = "Vergunningen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from vergunningen import onderdelen

        onderdelen.registreer_alles()
