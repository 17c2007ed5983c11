"""``manage.py seed_demo``: a fictional installation to try the application with."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from budget import demo as budget_demo
from clients import demo as clients_demo
from clients.models import Client
from plannen import demo as plannen_demo
from stapteam import demo
from vergunningen import demo as vergunningen_demo

STANDAARD_WACHTWOORD = "stapteam-demo-2026"

# Each app adds its step here, in the order the data depends on each other.
STAPPEN = [
    demo.teams_en_accounts,
    clients_demo.clienten,
    clients_demo.contacten,
    plannen_demo.begeleiding,
    vergunningen_demo.vergunningen,
    budget_demo.budgetten,
]


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
