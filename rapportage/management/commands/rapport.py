"""``manage.py rapport evaluatie --team CODE --van D --tot D --formaat json|xlsx|pdf|html
[--uitvoer PAD]``: the evaluation report of ONTWERP §6 for one team and period.

Without ``--uitvoer`` the JSON goes to standard output (other formats need a path).
Every report made is written to the access log: which team, which period, which format.
"""

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rapportage.evaluatie_uitvoer import FORMATEN, evaluatierapport, logregel, maak
from stapteam.audit import log_systeem
from stapteam.constants import Actie
from stapteam.models import Team


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"'{tekst}' is geen datum; schrijf JJJJ-MM-DD.") from None


class Command(BaseCommand):
    help = "Maakt een rapport: het evaluatierapport (ONTWERP §6) van een team over een periode."

    def add_arguments(self, parser):
        soorten = parser.add_subparsers(dest="soort", required=True, title="rapporten")
        evaluatie = soorten.add_parser("evaluatie", help="Het evaluatierapport.")
        evaluatie.add_argument("--team", required=True, help="Code van het team.")
        evaluatie.add_argument("--van", required=True, help="Eerste dag (JJJJ-MM-DD).")
        evaluatie.add_argument("--tot", required=True, help="Laatste dag, de peildatum.")
        evaluatie.add_argument("--formaat", required=True, choices=sorted(FORMATEN))
        evaluatie.add_argument("--uitvoer", help="Bestand; zonder: JSON naar de uitvoer.")

    def handle(self, *args, soort, team, van, tot, formaat, uitvoer=None, **options):
        begin, einde = _datum(van), _datum(tot)
        if begin > einde:
            raise CommandError(f"De periode begint ({van}) na haar einde ({tot}).")
        gevonden = Team.objects.filter(code=team).select_related("gemeente").first()
        if gevonden is None:
            raise CommandError(f"Onbekend team '{team}'.")
        if uitvoer is None and formaat != "json":
            raise CommandError(f"Geef met --uitvoer een bestand voor formaat {formaat}.")
        rapport = evaluatierapport(gevonden, begin, einde)
        inhoud = maak(rapport, formaat)
        log_systeem(actie=Actie.RAPPORT, team=gevonden, omschrijving=logregel(rapport, formaat))
        if uitvoer is None:
            sys.stdout.buffer.write(inhoud + b"\n")
            sys.stdout.flush()
            return
        Path(uitvoer).write_bytes(inhoud)
        self.stderr.write(f"Geschreven: {uitvoer} ({len(inhoud)} bytes).")
