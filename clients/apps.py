from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "clients"
    verbose_name = "Cliënten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from clients import onderdelen, signalen, stand  # noqa: F401 (stand: its receivers)

        signalen.registreer(signalen.ToestemmingSignalen())
        signalen.registreer(signalen.GeenContactSignaal())
        onderdelen.registreer_alles()
        onderdelen.registreer_inzage_en_anonimisering()
        onderdelen.registreer_startblok()
