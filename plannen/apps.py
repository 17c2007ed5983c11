from django.apps import AppConfig


class PlannenConfig(AppConfig):
    name = "plannen"
    verbose_name = "Begeleiding"
    default_auto_field = "django.db.models.BigAutoField"
