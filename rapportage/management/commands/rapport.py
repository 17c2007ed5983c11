"""Reports by command:

- ``manage.py rapport evaluatie --team CODE --van D --tot D --formaat json|xlsx|pdf|html
  [--uitvoer PAD]``: the evaluation report of ONTWERP §6 for one team and period; without
  ``--uitvoer`` the JSON goes to standard output (other formats need a path).
- ``manage.py rapport monitor --team CODE (--maand JJJJ-MM | --kwartaal JJJJ-Qn)
  --formaat xlsx|csv --uitvoer PAD --aan ORGCODE --doel TEKST
  [--reden-zonder-toestemming TEKST]``: the progress monitor of a month or quarter. Its
  rows are clients, so each gets an entry in the register of disclosures; a client
  whose valid consent does not name the recipient needs the reason, else nothing is
  registered or written and the command ends with exit code 1.

Every report made is written to the access log: which team, which period, which format.
"""

import datetime as dt
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rapportage import monitor_uitvoer
from rapportage.evaluatie_uitvoer import FORMATEN, evaluatierapport, logregel, maak
from rapportage.monitor import monitor_periode
from stapteam.audit import log_per_client, log_systeem
from stapteam.constants import Actie
from stapteam.models import Organisatie, Team


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
        monitor = soorten.add_parser("monitor", help="De voortgangsmonitor.")
        monitor.add_argument("--team", required=True, help="Code van het team.")
        periode = monitor.add_mutually_exclusive_group(required=True)
        periode.add_argument("--maand", help="JJJJ-MM")
        periode.add_argument("--kwartaal", help="JJJJ-Qn, bijvoorbeeld 2026-Q4")
        monitor.add_argument("--formaat", required=True, choices=sorted(monitor_uitvoer.MAKERS))
        monitor.add_argument("--uitvoer", required=True, help="Bestand.")
        monitor.add_argument(
            "--aan",
            required=True,
            metavar="ORGCODE",
            help="Code van de organisatie die de monitor krijgt.",
        )
        monitor.add_argument(
            "--doel", required=True, metavar="TEKST", help="Waarom de monitor het team verlaat."
        )
        monitor.add_argument(
            "--reden-zonder-toestemming",
            default="",
            metavar="TEKST",
            help="Nodig als de geldige toestemming van een of meer cliënten de ontvanger "
            "niet noemt.",
        )

    def handle(self, *args, soort, team, **options):
        gevonden = Team.objects.filter(code=team).select_related("gemeente").first()
        if gevonden is None:
            raise CommandError(f"Onbekend team '{team}'.")
        if soort == "monitor":
            self.monitor(gevonden, **options)
        else:
            self.evaluatie(gevonden, **options)

    def monitor(
        self,
        team,
        *,
        maand,
        kwartaal,
        formaat,
        uitvoer,
        aan,
        doel,
        reden_zonder_toestemming,
        **options,
    ):
        try:
            van, tot = monitor_periode(maand=maand, kwartaal=kwartaal)
        except ValueError as fout:
            raise CommandError(str(fout)) from None
        if not Organisatie.objects.filter(code=aan, actief=True).exists():
            raise CommandError(f"Organisatie {aan} bestaat niet (of is niet actief).")
        pad = Path(uitvoer)
        try:
            # The file is written inside the transaction of the disclosures: a failed
            # write takes them back.
            with transaction.atomic():
                resultaat, inhoud = monitor_uitvoer.monitor_verstrekken(
                    team,
                    van,
                    tot,
                    formaat=formaat,
                    organisatie_code=aan,
                    waarom=doel,
                    door=None,
                    reden_zonder_toestemming=reden_zonder_toestemming,
                )
                pad.write_bytes(inhoud)
        except ValidationError as fout:
            raise CommandError(
                "Geweigerd, er is niets geschreven en niets vastgelegd: " + " ".join(fout.messages)
            ) from None
        log_systeem(
            actie=Actie.RAPPORT,
            team=team,
            omschrijving=monitor_uitvoer.logregel(resultaat, formaat),
        )
        log_per_client(
            None,
            actie=Actie.EXPORTEREN,
            clienten=monitor_uitvoer.clienten_in_de_monitor(team, van, tot),
            team=team,
            omschrijving=f"Opgenomen in de voortgangsmonitor {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
        )
        self.stderr.write(f"Geschreven: {uitvoer} ({len(inhoud)} bytes).")

    def evaluatie(self, gevonden, *, van, tot, formaat, uitvoer=None, **options):
        begin, einde = _datum(van), _datum(tot)
        if begin > einde:
            raise CommandError(f"De periode begint ({van}) na haar einde ({tot}).")
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
