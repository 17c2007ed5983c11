"""Anonymising a closed dossier after the retention period (ONTWERP §8).

Personal data goes — names, BSN, contact details, free text, files — from the records
and from their history tables. What reports count stays: the client record with its
team, gender, dates, status and coded facts (situation, contacts, scores, permits,
spends). Which fields go is declared on each model (``avg = AVG(wissen=...)``); every
model about a client is found by ``clients.clientgegevens``, so nothing is missed.
"""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import FileField
from django.utils import timezone

from clients.clientgegevens import clientmodellen, declaratie, gewist, is_historie, records
from clients.constants import Status
from clients.models import Client
from stapteam.audit import log_systeem
from stapteam.constants import Actie

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


def anonimiseer_verklaarde_velden(client: Client) -> None:
    """Clear every field declared ``wissen`` in every record about her and in every
    history row of those records; files are deleted from storage first."""
    for model in clientmodellen():
        avg = declaratie(model)
        if avg is None or not avg.wissen:
            continue
        # A history table keeps a file as its name in a text column: the model's own
        # field says what it is and where it is stored.
        eigen = model.instance_type if is_historie(model) else model
        rijen = records(model, client)
        for naam in avg.wissen:
            veld = eigen._meta.get_field(naam)
            if isinstance(veld, FileField):
                for bestand in rijen.exclude(**{naam: ""}).values_list(naam, flat=True):
                    veld.storage.delete(bestand)
        leeg = {naam: gewist(eigen._meta.get_field(naam)) for naam in avg.wissen}
        if is_historie(model):
            leeg["history_change_reason"] = None
        rijen.update(**leeg)


def anonimiseer_client(client: Client) -> None:
    """Mark the dossier as anonymised (after its fields were cleared)."""
    client.refresh_from_db()
    client.geanonimiseerd_op = timezone.now()
    client.save()
    # The save above wrote one more history row; it holds only the cleared values.
