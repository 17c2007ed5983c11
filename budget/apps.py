from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "Budget"
    default_auto_field = "django.db.models.BigAutoField"
