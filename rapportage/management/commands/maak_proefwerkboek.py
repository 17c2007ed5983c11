"""``manage.py maak_proefwerkboek PAD``: a large synthetic workbook to measure the import."""

from pathlib import Path

from django.core.management.base import BaseCommand

from rapportage.werkboek.proefwerkboek import proefwerkboek


class Command(BaseCommand):
    help = "Schrijft een groot fictief uitwisselwerkboek (om de import te meten)."

    def add_arguments(self, parser):
        parser.add_argument("pad")
        parser.add_argument("--clienten", type=int, default=2000)
        parser.add_argument("--contacten", type=int, default=100, help="per cliënt")

    def handle(self, *args, pad, clienten, contacten, **options):
        with Path(pad).open("wb") as uitvoer:
            aantallen = proefwerkboek(uitvoer, clienten=clienten, contacten_per_client=contacten)
        grootte = Path(pad).stat().st_size / 1024 / 1024
        self.stdout.write(
            f"{pad} ({grootte:.1f} MB): "
            + ", ".join(f"{blad} {aantal}" for blad, aantal in aantallen.items())
        )
