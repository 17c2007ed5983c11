"""Anonymising a closed dossier after the retention period (ONTWERP §8).

Personal data goes — names, BSN, contact details, free text, files — from the records
and from their history tables. What reports count stays: the client record with its
team, gender, dates, status and coded facts (situation, contacts, scores, permits,
spends). Each app registers the function that clears its own records.
"""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clients.constants import Status
from clients.models import Client
from stapteam.audit import log_systeem
from stapteam.constants import Actie

ANONIEM = "Geanonimiseerd"

ONDERDELEN: dict[str, Callable[[Client], None]] = {}


def registreer(naam: str, onderdeel: Callable[[Client], None]) -> None:
    ONDERDELEN[naam] = onderdeel


def grensdatum(vandaag: dt.date, jaren: int) -> dt.date:
    """The first outflow date that is not yet ``jaren`` years ago: an outflow before it is.

    Normally the same day ``jaren`` years earlier. On 29 February, when that year has no
    29 February, it is 1 March: 28 February of that year had its anniversary yesterday.
    """
    try:
        return vandaag.replace(year=vandaag.year - jaren)
    except ValueError:
        return dt.date(vandaag.year - jaren, 3, 1)


def te_anonimiseren(*, vandaag: dt.date, jaren: int | None = None):
    """Closed dossiers whose outflow lies longer ago than the retention period."""
    grens = grensdatum(vandaag, settings.BEWAARTERMIJN_JAREN if jaren is None else jaren)
    return Client.objects.filter(
        status=Status.UITGESTROOMD, uitstroom_datum__lt=grens, geanonimiseerd_op__isnull=True
    ).order_by("pk")


@transaction.atomic
def anonimiseer(client: Client) -> None:
    """Clear her personal data everywhere; all of it or, on any error, nothing."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    for onderdeel in ONDERDELEN.values():
        onderdeel(client)
    log_systeem(
        actie=Actie.WIJZIGEN,
        client=client,
        obj=client,
        omschrijving="Dossier geanonimiseerd: bewaartermijn na uitstroom verstreken",
    )


def anonimiseer_client(client: Client) -> None:
    """The client record itself and its history."""
    leeg = {
        "roepnaam": ANONIEM,
        "voornaam": "",
        "achternaam": "",
        "geboortedatum": None,
        "bsn": "",
        "telefoon": "",
        "postadres": "",
        "is_briefadres": False,
    }
    client.history.model.objects.filter(id=client.pk).update(**leeg)
    for veld, waarde in leeg.items():
        setattr(client, veld, waarde)
    client.geanonimiseerd_op = timezone.now()
    client.save()
    # The save above wrote one more history row; it holds only the cleared values.


def anonimiseer_toestemmingen(client: Client) -> None:
    """The scans are deleted from storage; the dates and parties stay (they are counted)."""
    for toestemming in client.toestemmingen.all():
        namen = set(toestemming.history.exclude(scan="").values_list("scan", flat=True)) | (
            {toestemming.scan.name} if toestemming.scan else set()
        )
        for naam in namen:
            toestemming.scan.storage.delete(naam)
        toestemming.history.update(scan="")
        type(toestemming).objects.filter(pk=toestemming.pk).update(scan="")


def anonimiseer_overdrachten(client: Client) -> None:
    overdrachten = client.overdrachten.all()
    overdrachten.model.history.model.objects.filter(client_id=client.pk).update(notitie="")
    overdrachten.update(notitie="")
