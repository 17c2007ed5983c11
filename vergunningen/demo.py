"""Demo permits for the Nijmegen clients, all fictional. Part of ``manage.py seed_demo``.

Most women hold a permit: a new one when she came into view, then yearly renewals up to
today. One renewal is still being decided, two first applications were refused and
objected to (one objection still running), and the two women who left have none. Dates
are relative to today, so the list and its signals stay varied whenever the demo is made.
"""

import datetime as dt
import random

from django.utils import timezone

from clients.constants import Status
from clients.models import Client
from stapteam.datums import maanden_terug
from stapteam.demo import DemoContext
from vergunningen import services
from vergunningen.constants import Besluit, Soort
from vergunningen.models import Vergunning

GEWEIGERD = {"0003": "ongegrond", "0017": "lopend"}  # client code: objection status
VERLENGING_LOPEND = "0008"


def _vergunningen_van(client, door, vandaag, willekeur, teller) -> None:
    aanvraag_op = client.in_beeld_sinds + dt.timedelta(days=willekeur.randint(14, 60))
    if client.code in GEWEIGERD:
        vergunning = services.aanvraag_registreren(
            client=client,
            aanvraag_op=aanvraag_op,
            soort=Soort.NIEUW,
            werkt_sinds_peildatum=False,
            zorg_sinds_peildatum=False,
            door=door,
        )
        besluit_op = aanvraag_op + dt.timedelta(days=21)
        services.besluit_vastleggen(
            vergunning=vergunning,
            besluit=Besluit.GEWEIGERD,
            besluit_op=besluit_op,
            weigeringsgrond="Niet aangetoond dat zij sinds de peildatum in Nijmegen werkt of "
            "het zorgaanbod gebruikt.",
            door=door,
        )
        services.bezwaar_vastleggen(
            vergunning=vergunning,
            bezwaar_op=besluit_op + dt.timedelta(days=20),
            bezwaar_status=GEWEIGERD[client.code],
            bezwaar_door="Zijzelf, met hulp van haar casemanager",
            door=door,
        )
        return
    soort = Soort.NIEUW
    while aanvraag_op <= vandaag:
        vergunning = services.aanvraag_registreren(
            client=client,
            aanvraag_op=aanvraag_op,
            soort=soort,
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=willekeur.random() < 0.6,
            door=door,
        )
        besluit_op = min(aanvraag_op + dt.timedelta(days=willekeur.randint(7, 21)), vandaag)
        # A year: through the day before the anniversary (364 days fell short over a 29 February).
        geldig_tot = maanden_terug(besluit_op, -12) - dt.timedelta(days=1)
        teller[besluit_op.year] = teller.get(besluit_op.year, 0) + 1
        services.besluit_vastleggen(
            vergunning=vergunning,
            besluit=Besluit.VERLEEND,
            besluit_op=besluit_op,
            geldig_tot=geldig_tot,
            registratienummer=f"TZ-{besluit_op.year}-{teller[besluit_op.year]:03d}",
            door=door,
        )
        if geldig_tot >= vandaag:
            break
        aanvraag_op, soort = (
            geldig_tot - dt.timedelta(days=willekeur.randint(10, 30)),
            Soort.VERLENGING,
        )
    if client.code == VERLENGING_LOPEND:
        services.aanvraag_registreren(
            client=client,
            aanvraag_op=vandaag - dt.timedelta(days=5),
            soort=Soort.VERLENGING,
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=True,
            door=door,
        )


def vergunningen(context: DemoContext) -> None:
    team = context.teams["stapteam-nijmegen"]
    if Vergunning.objects.filter(client__team=team).exists():
        return
    vandaag = timezone.localdate()
    willekeur = random.Random("demo-vergunningen")
    teller: dict[int, int] = {}
    door = context.gebruikers["coordinator1"]
    for client in (
        Client.objects.filter(team=team).exclude(status=Status.UITGESTROOMD).order_by("code")
    ):
        _vergunningen_van(client, door, vandaag, willekeur, teller)
