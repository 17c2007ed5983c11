"""Writes of permits. Views, the workbook importer and the demo seeder all call these.

Each function is one transaction, validates with ``full_clean`` before saving and takes
the acting user (``door``), who is recorded in the history. Nothing is deleted: a wrong
entry is corrected, and the history keeps what it said before.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client
from stapteam.models import User
from stapteam.services import opslaan
from vergunningen.constants import GENOMEN_BESLUITEN, Besluit
from vergunningen.models import Vergunning

AANVRAAGVELDEN = frozenset(
    {"aanvraag_op", "soort", "werkt_sinds_peildatum", "zorg_sinds_peildatum"}
)


def controleer_nieuwe_aanvraag(client: Client, lopend: Vergunning | None) -> None:
    """The rules of a new application: her dossier is not anonymised, and she has no
    other application in behandeling (``lopend``) — decide that one first."""
    if client.is_geanonimiseerd:
        raise ValidationError("Dit dossier is geanonimiseerd.")
    if lopend is not None:
        raise ValidationError(
            {
                "aanvraag_op": f"Er loopt al een aanvraag van {lopend.aanvraag_op:%d-%m-%Y}. "
                "Leg eerst het besluit daarover vast."
            }
        )


@transaction.atomic
def aanvraag_registreren(
    *,
    client: Client,
    aanvraag_op: dt.date,
    soort: str,
    werkt_sinds_peildatum: bool,
    zorg_sinds_peildatum: bool,
    door: User | None,
) -> Vergunning:
    """Register an application (in behandeling). The team's reference date is stored
    with it, so the criteria stay judged by the date that applied when she applied."""
    # Holding her row serialises two simultaneous registrations of the same application.
    Client.objects.select_for_update().filter(pk=client.pk).exists()
    lopend = Vergunning.objects.filter(client=client, besluit=Besluit.IN_BEHANDELING).first()
    controleer_nieuwe_aanvraag(client, lopend)
    vergunning = Vergunning(
        client=client,
        soort=soort,
        aanvraag_op=aanvraag_op,
        peildatum=client.team.vergunning_peildatum,
        werkt_sinds_peildatum=werkt_sinds_peildatum,
        zorg_sinds_peildatum=zorg_sinds_peildatum,
        geregistreerd_door=door,
    )
    return opslaan(vergunning, door=door)


@transaction.atomic
def aanvraag_wijzigen(*, vergunning: Vergunning, door: User | None, **velden) -> Vergunning:
    """Correct the application: its date, kind or the two answers about the reference
    date. A granted permit is checked against the criteria again."""
    onbekend = set(velden) - AANVRAAGVELDEN
    if onbekend:
        raise ValueError(f"Niet via aanvraag_wijzigen te wijzigen: {', '.join(sorted(onbekend))}")
    vergunning = (
        Vergunning.objects.select_for_update(of=("self",))
        .select_related("client")
        .get(pk=vergunning.pk)
    )
    for veld, waarde in velden.items():
        setattr(vergunning, veld, waarde)
    return opslaan(vergunning, door=door)


@transaction.atomic
def besluit_vastleggen(
    *,
    vergunning: Vergunning,
    besluit: str,
    besluit_op: dt.date,
    registratienummer: str = "",
    geldig_tot: dt.date | None = None,
    weigeringsgrond: str = "",
    afwijking_reden: str = "",
    door: User | None,
) -> Vergunning:
    """Record the municipality's decision (or correct it; the history keeps the earlier).

    Granting an application that fails the criteria needs ``afwijking_reden``: why the
    permit was granted all the same. It is stored and kept in the history.
    """
    if besluit not in GENOMEN_BESLUITEN:
        raise ValidationError({"besluit": "Kies verleend, geweigerd of ingetrokken."})
    vergunning = (
        Vergunning.objects.select_for_update(of=("self",))
        .select_related("client")
        .get(pk=vergunning.pk)
    )
    vergunning.besluit = besluit
    vergunning.besluit_op = besluit_op
    vergunning.registratienummer = registratienummer.strip()
    vergunning.geldig_tot = geldig_tot
    vergunning.weigeringsgrond = weigeringsgrond.strip()
    vergunning.afwijking_reden = afwijking_reden.strip()
    return opslaan(vergunning, door=door)


@transaction.atomic
def bezwaar_vastleggen(
    *,
    vergunning: Vergunning,
    bezwaar_op: dt.date,
    bezwaar_status: str,
    bezwaar_door: str = "",
    door: User | None,
) -> Vergunning:
    """Record an objection against the decision, or its outcome.

    A well-founded objection (``gegrond``) usually leads to a new decision: record that
    with ``besluit_vastleggen``.
    """
    vergunning = (
        Vergunning.objects.select_for_update(of=("self",))
        .select_related("client")
        .get(pk=vergunning.pk)
    )
    vergunning.bezwaar_op = bezwaar_op
    vergunning.bezwaar_status = bezwaar_status
    vergunning.bezwaar_door = bezwaar_door.strip()
    return opslaan(vergunning, door=door)
