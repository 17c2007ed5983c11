"""``manage.py exporteer_werkboek PAD --team CODE --aan ORGCODE --doel TEKST
[--reden-zonder-toestemming TEKST]``.

The workbook holds every dossier of the team, so writing it is a disclosure: each
client gets an entry in the register (to whom, what, why, on which consent). A client
whose valid consent does not name the recipient goes along only with
``--reden-zonder-toestemming``; without it nothing is registered, nothing is written,
and the command ends with exit code 1. A backup names the organisation that keeps it
(docs/beslissingen.md).
"""

import secrets
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rapportage.werkboek.exporteren import werkboek_verstrekken
from rapportage.werkboek.logboek import export_loggen
from stapteam.models import Organisatie, Team


class Command(BaseCommand):
    help = (
        "Schrijft alle gegevens van één team als uitwisselwerkboek (ONTWERP §7) en legt per "
        "cliënt de verstrekking vast."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Het XLSX-bestand dat wordt geschreven.")
        parser.add_argument("--team", required=True, help="Code van het team.")
        parser.add_argument(
            "--aan",
            required=True,
            metavar="ORGCODE",
            help="Code van de organisatie die het bestand krijgt of bewaart (bij een "
            "reservekopie: de organisatie die de kopie bewaart).",
        )
        parser.add_argument(
            "--doel", required=True, metavar="TEKST", help="Waarom de gegevens het team verlaten."
        )
        parser.add_argument(
            "--reden-zonder-toestemming",
            default="",
            metavar="TEKST",
            help="Nodig als de geldige toestemming van een of meer cliënten de ontvanger "
            "niet noemt.",
        )

    def handle(self, *args, pad, team, aan, doel, reden_zonder_toestemming, **options):
        gevonden = Team.objects.filter(code=team).first()
        if gevonden is None:
            raise CommandError(f"Team {team} bestaat niet.")
        if not Organisatie.objects.filter(code=aan, actief=True).exists():
            raise CommandError(f"Organisatie {aan} bestaat niet (of is niet actief).")
        doelpad = Path(pad)
        # Written beside the target and renamed as the last step of the transaction: a
        # refusal or a failure leaves neither a file nor a registered disclosure.
        tijdelijk = doelpad.with_name(f".{doelpad.name}.{secrets.token_hex(6)}.deel")
        try:
            with transaction.atomic():
                with tijdelijk.open("wb") as uitvoer:
                    aantallen, verstrekt = werkboek_verstrekken(
                        gevonden,
                        uitvoer,
                        organisatie_code=aan,
                        waarom=doel,
                        door=None,
                        reden_zonder_toestemming=reden_zonder_toestemming,
                    )
                tijdelijk.replace(doelpad)
        except ValidationError as fout:
            raise CommandError(
                "Geweigerd, er is niets geschreven en niets vastgelegd: " + " ".join(fout.messages)
            ) from None
        finally:
            tijdelijk.unlink(missing_ok=True)
        export_loggen(gevonden, pad=doelpad.name, aantallen=aantallen, gebruiker=None)
        self.stdout.write(f"Team {team} geschreven naar {pad}:")
        for blad, aantal in aantallen.items():
            self.stdout.write(f"  {blad}: {aantal}")
        self.stdout.write(f"  verstrekkingen vastgelegd: {verstrekt}")
