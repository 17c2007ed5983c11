from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportage"
    default_auto_field = "django.db.models.BigAutoField"
