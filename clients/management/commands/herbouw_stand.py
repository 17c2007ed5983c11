"""``manage.py herbouw_stand [--team CODE]``: recompute every client's current state."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clients.models import Client
from clients.stand import herbouwen
from stapteam.models import Team


class Command(BaseCommand):
    help = (
        "Berekent de huidige stand van elke cliënt (laatste contact, toestemming, "
        "vergunning, planevaluatie, laatste ZRM, huidige situatie) opnieuw uit haar "
        "gegevens. De diensten houden de stand bij; dit is voor na een bulkimport of "
        "een herstel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--team", help="Alleen de cliënten van het team met deze code.")

    def handle(self, *args, team=None, **options):
        clienten = Client.objects.all()
        if team:
            gevonden = Team.objects.filter(code=team).first()
            if gevonden is None:
                raise CommandError(f"Onbekend team '{team}'.")
            clienten = clienten.filter(team=gevonden)
        begin = time.perf_counter()
        with transaction.atomic():
            aantal = herbouwen(clienten)
        self.stdout.write(
            self.style.SUCCESS(
                f"Huidige stand van {aantal} cliënt(en) herbouwd "
                f"in {time.perf_counter() - begin:.1f} s."
            )
        )
