"""``manage.py laad_zrm_ankers PAD``: load licensed ZRM anchor texts from a CSV file."""

import csv
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from plannen.constants import ZRM_VERSIE
from plannen.models import ZRMAnker
from stapteam.services import opslaan

KOLOMMEN = {"domein", "niveau", "tekst"}


class Command(BaseCommand):
    help = (
        "Laadt de ankerteksten van de ZRM (© GGD Amsterdam; alleen met licentie) uit een "
        "CSV-bestand met de kolommen domein, niveau, tekst en optioneel versie. Bestaande "
        "teksten van dezelfde versie, domein en niveau worden vervangen. Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", type=Path)

    def handle(self, *args, pad: Path, **options):
        if not pad.exists():
            raise CommandError(f"Bestand {pad} bestaat niet.")
        with pad.open(newline="", encoding="utf-8-sig") as bestand:
            lezer = csv.DictReader(bestand)
            ontbreekt = KOLOMMEN - set(lezer.fieldnames or [])
            if ontbreekt:
                raise CommandError(f"Kolommen ontbreken: {', '.join(sorted(ontbreekt))}.")
            rijen = list(lezer)
        fouten, aantal = [], 0
        with transaction.atomic():
            for regel, rij in enumerate(rijen, start=2):
                versie = (rij.get("versie") or ZRM_VERSIE).strip()
                try:
                    niveau = int(rij["niveau"])
                except ValueError:
                    fouten.append(f"regel {regel}: niveau '{rij['niveau']}' is geen getal")
                    continue
                anker = ZRMAnker.objects.filter(
                    versie=versie, domein=rij["domein"].strip(), niveau=niveau
                ).first() or ZRMAnker(versie=versie, domein=rij["domein"].strip(), niveau=niveau)
                anker.tekst = rij["tekst"].strip()
                try:
                    opslaan(anker, door=None)
                except ValidationError as fout:
                    fouten.append(f"regel {regel}: {'; '.join(fout.messages)}")
                    continue
                aantal += 1
            if fouten:
                raise CommandError("Niets geladen. Fouten:\n" + "\n".join(fouten))
        self.stdout.write(self.style.SUCCESS(f"{aantal} ankerteksten geladen."))
