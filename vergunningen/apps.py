from django.apps import AppConfig


class VergunningenConfig(AppConfig):
    name = "vergunningen"
    verbose_name = "Vergunningen"
    default_auto_field = "django.db.models.BigAutoField"
