"""``manage.py importeer_werkboek PAD --team CODE [--gemeente NAAM] [--dry-run]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rapportage.werkboek.importeren import werkboek_importeren
from rapportage.werkboek.logboek import import_loggen
from stapteam.models import User


class Command(BaseCommand):
    help = (
        "Importeert een uitwisselwerkboek (ONTWERP §7) in een team: alles of niets. "
        "Een onbekend team wordt alleen met --gemeente aangemaakt."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Het XLSX-bestand.")
        parser.add_argument("--team", required=True, help="Code van het team.")
        parser.add_argument("--gemeente", default="", help="Gemeente van een nieuw team.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren; er wordt niets vastgelegd."
        )
        parser.add_argument(
            "--door",
            default="",
            help="Gebruikersnaam van wie importeert (voor de geschiedenis); leeg: het systeem.",
        )

    def handle(self, *args, pad, team, gemeente, dry_run, door, **options):
        bestand = Path(pad)
        if not bestand.is_file():
            raise CommandError(f"Het bestand {pad} bestaat niet.")
        gebruiker = None
        if door:
            gebruiker = User.objects.filter(username=door).first()
            if gebruiker is None:
                raise CommandError(f"Er is geen account {door}.")
        with bestand.open("rb") as invoer:
            verslag = werkboek_importeren(
                bestand=invoer,
                grootte=bestand.stat().st_size,
                bestandsnaam=bestand.name,
                team_code=team,
                gemeente_naam=gemeente,
                door=gebruiker,
                proef=dry_run,
            )
        import_loggen(verslag, gebruiker=gebruiker)
        self.stdout.write("\n".join(verslag.regels()))
        if options["verbosity"] > 1:
            self.stdout.write("Duur per stap (seconden):")
            for stap, seconden in verslag.duur.items():
                self.stdout.write(f"  {stap}: {seconden:.1f}")
        if not verslag.geslaagd:
            raise CommandError("Het werkboek is geweigerd; er is niets vastgelegd.")
