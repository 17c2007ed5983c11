from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "Budget"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from budget import onderdelen

        onderdelen.registreer_alles()
