"""Reads with rules: which permit is valid on a date, who holds one, what is pending.

Computed in the database, so a list of any length costs one query and reports can count
on the same definitions.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.lookups import IsNull

from clients.models import Client
from vergunningen.constants import Besluit, BezwaarStatus
from vergunningen.models import Vergunning


def geldig_op(op: dt.date, *, pad: str = "") -> Q:
    """The condition "this permit is valid on ``op``" (ONTWERP §4): ``verleend``, decided
    on or before ``op``, and no end date or one on or after ``op`` (the last day counts).

    ``pad`` reaches permits through a relation, e.g. ``"vergunningen__"`` from clients.
    """
    return Q(**{f"{pad}besluit": Besluit.VERLEEND, f"{pad}besluit_op__lte": op}) & (
        Q(**{f"{pad}geldig_tot__isnull": True}) | Q(**{f"{pad}geldig_tot__gte": op})
    )


def geldige_vergunningen(op: dt.date) -> QuerySet[Vergunning]:
    return Vergunning.objects.filter(geldig_op(op))


def heeft_geldige_vergunning(op: dt.date) -> IsNull:
    """For a client queryset: whether she holds a permit valid on ``op``.

    Asked as "she has a current permit" (one index lookup per client of the queryset)
    rather than with EXISTS, which PostgreSQL turned into a hashed scan of every team's
    permits once the installation held many teams."""
    huidige = geldige_vergunningen(op).filter(client=OuterRef("pk")).values("pk")[:1]
    return IsNull(Subquery(huidige), False)


def met_huidige_vergunning(clienten: QuerySet[Client], *, op: dt.date) -> QuerySet[Client]:
    """Annotate each client with the permit that is valid on ``op`` (the most recently
    decided one when renewals overlap): ``vg_pk``, ``vg_soort``, ``vg_registratienummer``,
    ``vg_besluit_op``, ``vg_geldig_tot``. All None when she holds none."""
    huidige = geldige_vergunningen(op).filter(client=OuterRef("pk")).order_by("-besluit_op", "-id")
    return clienten.annotate(
        **{
            f"vg_{veld}": Subquery(huidige.values(veld)[:1])
            for veld in ("pk", "soort", "registratienummer", "besluit_op", "geldig_tot")
        }
    )


def houders(clienten: QuerySet[Client], *, op: dt.date) -> QuerySet[Client]:
    """Of ``clienten``, those holding a valid permit on ``op``, with that permit.

    Decided on her current permit (one index lookup per client of ``clienten``) rather
    than with EXISTS, which PostgreSQL turned into a scan of every team's permits."""
    return met_huidige_vergunning(clienten, op=op).filter(vg_pk__isnull=False)


def huidige_vergunningen(
    clienten: Iterable[Client], *, op: dt.date, uit: QuerySet[Vergunning] | None = None
) -> dict[int, Vergunning]:
    """Of each of ``clienten`` who holds one, the permit valid on ``op`` (the most recently
    decided one when renewals overlap, as ``met_huidige_vergunning``), by her pk; chosen
    from ``uit`` when given (a page passes the permits the user may see).

    For a page of a list: one query for the whole page, instead of a subquery per column
    and client."""
    uitkomst: dict[int, Vergunning] = {}
    basis = Vergunning.objects.all() if uit is None else uit
    geldig = basis.filter(geldig_op(op), client__in=[client.pk for client in clienten])
    for vergunning in geldig.order_by("-besluit_op", "-id"):
        uitkomst.setdefault(vergunning.client_id, vergunning)
    return uitkomst


def lopende_aanvragen_en_bezwaren(
    vergunningen: QuerySet[Vergunning],
) -> tuple[list[Vergunning], list[Vergunning]]:
    """Of ``vergunningen``, the pending applications (oldest application first) and the
    pending objections (oldest objection first), in one query."""
    aanvragen, bezwaren = [], []
    lopend = Q(besluit=Besluit.IN_BEHANDELING) | Q(bezwaar_status=BezwaarStatus.LOPEND)
    for vergunning in vergunningen.filter(lopend).order_by("aanvraag_op", "id"):
        if vergunning.besluit == Besluit.IN_BEHANDELING:
            aanvragen.append(vergunning)
        if vergunning.bezwaar_status == BezwaarStatus.LOPEND:
            bezwaren.append(vergunning)
    bezwaren.sort(key=lambda vergunning: (vergunning.bezwaar_op, vergunning.pk))
    return aanvragen, bezwaren
