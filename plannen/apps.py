from django.apps import AppConfig


class PlannenConfig(AppConfig):
    name = "plannen"
    verbose_name = "Begeleiding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from plannen import onderdelen

        onderdelen.registreer_alles()
