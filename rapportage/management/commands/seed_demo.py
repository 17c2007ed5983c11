"""``manage.py seed_demo``: a fictional installation to try the application with."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clients.models import Client
from rapportage import demo as geschiedenis
from stapteam import demo

STANDAARD_WACHTWOORD = "stapteam-demo-2026"

# The teams and accounts first, then what happened in each team.
STAPPEN = [demo.teams_en_accounts, geschiedenis.geschiedenis]


class Command(BaseCommand):
    help = (
        "Vult de database met een fictieve installatie (teams, accounts per rol). "
        "Idempotent: nogmaals draaien verandert niets. Weigert met productie-instellingen."
    )

    def handle(self, *args, **options):
        if settings.STAPTEAM_OMGEVING == "productie":
            raise CommandError("seed_demo draait niet met productie-instellingen.")
        wachtwoord = os.environ.get("DEMO_WACHTWOORD") or STANDAARD_WACHTWOORD
        context = demo.DemoContext(wachtwoord=wachtwoord)
        with transaction.atomic():
            for stap in STAPPEN:
                stap(context)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo klaar: {len(context.teams)} teams, {len(context.gebruikers)} accounts, "
                f"{Client.objects.count()} cliënten "
                f"(wachtwoord uit DEMO_WACHTWOORD, standaard '{STANDAARD_WACHTWOORD}')."
            )
        )
