"""``manage.py anonimiseer_verlopen``: anonymise dossiers past their retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from clients.anonimisering import anonimiseer, grensdatum, te_anonimiseren


class Command(BaseCommand):
    help = (
        "Anonimiseert de dossiers waarvan de uitstroom langer geleden is dan de "
        "bewaartermijn (BEWAARTERMIJN_JAREN, standaard 15 jaar). Persoonsgegevens, vrije "
        "tekst en bestanden verdwijnen, ook uit de geschiedenis; de tellingen voor "
        "rapporten blijven kloppen. Elke anonimisering komt in het toegangslog."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen tonen welke dossiers het betreft."
        )

    def handle(self, *args, dry_run=False, **options):
        vandaag = timezone.localdate()
        clienten = list(te_anonimiseren(vandaag=vandaag).select_related("team"))
        grens = grensdatum(vandaag, settings.BEWAARTERMIJN_JAREN)
        self.stdout.write(
            f"{len(clienten)} dossier(s) met uitstroom vóór {grens:%d-%m-%Y} "
            f"(bewaartermijn {settings.BEWAARTERMIJN_JAREN} jaar)."
        )
        for client in clienten:
            if dry_run:
                self.stdout.write(f"  zou anonimiseren: {client.team.code} {client.code}")
                continue
            anonimiseer(client)
            self.stdout.write(f"  geanonimiseerd: {client.team.code} {client.code}")
        if not dry_run and clienten:
            self.stdout.write(self.style.SUCCESS(f"{len(clienten)} dossier(s) geanonimiseerd."))
