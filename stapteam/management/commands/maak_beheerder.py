"""``manage.py maak_beheerder GEBRUIKERSNAAM --naam NAAM --email ADRES --url ADRES
[--organisatie CODE]``: the first administrator of an installation.

In the application the administrator role takes effect only when another administrator
confirms it (four eyes), so the first one cannot be made there. Whoever can run this
command already controls the server; the account is registered as confirmed "vanaf de
opdrachtregel" and gets an activation link by e-mail to set her own password and MFA.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stapteam import services
from stapteam.constants import Rol
from stapteam.models import Organisatie, User


class Command(BaseCommand):
    help = "Maakt een beheerder vanaf de opdrachtregel (de eerste beheerder van een installatie)."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--naam", required=True, help="Volledige naam.")
        parser.add_argument("--email", required=True, help="Daar gaat de activatielink heen.")
        parser.add_argument(
            "--url",
            required=True,
            help="Adres van de installatie voor de activatielink, bijvoorbeeld "
            "https://stapteam.example.nl.",
        )
        parser.add_argument("--organisatie", help="Code van haar organisatie (mag leeg).")

    def handle(self, *args, gebruikersnaam, naam, email, url, organisatie, **options):
        if User.objects.filter(username=gebruikersnaam).exists():
            raise CommandError(f"Er is al een account {gebruikersnaam}.")
        gevonden = None
        if organisatie:
            gevonden = Organisatie.objects.filter(code=organisatie).first()
            if gevonden is None:
                raise CommandError(f"Organisatie {organisatie} bestaat niet.")
        try:
            with transaction.atomic():
                beheerder = services.gebruiker_opslaan(
                    gebruikersnaam=gebruikersnaam,
                    naam=naam,
                    rol=Rol.BEHEERDER,
                    email=email,
                    organisatie=gevonden,
                    door=None,
                )
                services.activatielink_versturen(gebruiker=beheerder, basis_url=url.rstrip("/"))
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stdout.write(
            f"Beheerder {gebruikersnaam} gemaakt; de activatielink is naar {email} gestuurd."
        )
