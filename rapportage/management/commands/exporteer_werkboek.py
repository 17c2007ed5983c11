"""``manage.py exporteer_werkboek PAD --team CODE``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rapportage.werkboek.exporteren import werkboek_exporteren
from rapportage.werkboek.logboek import export_loggen
from stapteam.models import Team


class Command(BaseCommand):
    help = "Schrijft alle gegevens van één team als uitwisselwerkboek (ONTWERP §7)."

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Het XLSX-bestand dat wordt geschreven.")
        parser.add_argument("--team", required=True, help="Code van het team.")

    def handle(self, *args, pad, team, **options):
        gevonden = Team.objects.filter(code=team).first()
        if gevonden is None:
            raise CommandError(f"Team {team} bestaat niet.")
        with Path(pad).open("wb") as uitvoer:
            aantallen = werkboek_exporteren(gevonden, uitvoer)
        export_loggen(gevonden, pad=Path(pad).name, aantallen=aantallen, gebruiker=None)
        self.stdout.write(f"Team {team} geschreven naar {pad}:")
        for blad, aantal in aantallen.items():
            self.stdout.write(f"  {blad}: {aantal}")
