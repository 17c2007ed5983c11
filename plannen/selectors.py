"""Reads with rules for support: the current plan, first and latest ZRM, "as of" plans."""

import datetime as dt

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When

from clients.models import Client
from plannen.constants import DoelStatus, PlanStatus, ZRMDomein
from plannen.models import Plan, ZRMMeting
from stapteam.grafieken import staafdiagram


def plan_actief_op(datum: dt.date) -> Q:
    """Condition on Plan: drawn up on or before ``datum`` and active on that day.

    A plan is active from its drawing up until it is closed; a concept never counts.
    """
    return Q(opgesteld_op__lte=datum) & (
        Q(status=PlanStatus.ACTIEF) | Q(status=PlanStatus.AFGESLOTEN, afgesloten_op__gt=datum)
    )


def _huidig_eerst(client: Client) -> QuerySet[Plan]:
    gesloten = Case(When(status=PlanStatus.AFGESLOTEN, then=Value(1)), default=Value(0))
    return (
        Plan.objects.filter(client=client)
        .annotate(gesloten=gesloten)
        .order_by("gesloten", "-opgesteld_op", "-id")
    )


def huidig_plan(client: Client) -> Plan | None:
    """The plan being worked on (not closed), or else her most recent one."""
    return _huidig_eerst(client).first()


def huidig_plan_met_doelen(client: Client) -> Plan | None:
    """Her current plan (as ``huidig_plan``) with its goals counted in the same query:
    ``doelen_totaal``, ``doelen_lopend`` (open or running) and ``doelen_behaald``."""
    return (
        _huidig_eerst(client)
        .annotate(
            doelen_totaal=Count("doelen"),
            doelen_lopend=Count(
                "doelen", filter=Q(doelen__status__in=[DoelStatus.OPEN, DoelStatus.LOOPT])
            ),
            doelen_behaald=Count("doelen", filter=Q(doelen__status=DoelStatus.BEHAALD)),
        )
        .first()
    )


def eerste_en_laatste_zrm(
    client: Client, *, op: dt.date | None = None
) -> tuple[ZRMMeting | None, ZRMMeting | None]:
    """Her first and latest measurement (dated on or before ``op`` when given)."""
    metingen = ZRMMeting.objects.filter(client=client)
    if op is not None:
        metingen = metingen.filter(datum__lte=op)
    eerste = metingen.order_by("datum", "id").first()
    laatste = metingen.order_by("-datum", "-id").first()
    return eerste, laatste


def zrm_vergelijking(
    eerste: ZRMMeting | None, laatste: ZRMMeting | None, domeinen=tuple(ZRMDomein)
) -> list[dict]:
    """Per domain: first and latest score and the change (None where not scored)."""
    rijen = []
    for domein in domeinen:
        a = getattr(eerste, domein.value) if eerste else None
        b = getattr(laatste, domein.value) if laatste else None
        rijen.append(
            {
                "domein": domein,
                "eerste": a,
                "laatste": b,
                "verschil": b - a if a is not None and b is not None else None,
            }
        )
    return rijen


def met_plan_evaluatie(clienten: QuerySet[Client]) -> QuerySet[Client]:
    """Annotate ``plan_evaluatie``: the evaluation date of her active plan (or None),
    read from the plans. Lists read it from her current state (``plannen.stand``); this
    is the definition on the records that ``tests/clients/test_stand.py`` holds it to."""
    actief = Plan.objects.filter(client=OuterRef("pk"), status=PlanStatus.ACTIEF).exclude(
        evaluatie_op=None
    )
    return clienten.annotate(
        plan_evaluatie=Subquery(actief.order_by("evaluatie_op").values("evaluatie_op")[:1])
    )


def met_laatste_zrm(clienten: QuerySet[Client]) -> QuerySet[Client]:
    """Annotate ``laatste_zrm``: the date of her latest measurement (or None), read from
    the measurements (lists use her current state; see ``met_plan_evaluatie``)."""
    laatste = ZRMMeting.objects.filter(client=OuterRef("pk")).order_by("-datum")
    return clienten.annotate(laatste_zrm=Subquery(laatste.values("datum")[:1]))


def zrm_grafiek(
    eerste: ZRMMeting | None, laatste: ZRMMeting | None, domeinen=tuple(ZRMDomein)
) -> dict | None:
    """First against latest measurement per domain, as a bar chart (None: fewer than one)."""
    if laatste is None:
        return None
    vergelijking = zrm_vergelijking(eerste, laatste, domeinen)
    reeksen = [(f"Laatste ({laatste.datum:%d-%m-%Y})", [r["laatste"] for r in vergelijking])]
    if eerste is not None and eerste.pk != laatste.pk:
        reeksen.insert(
            0, (f"Eerste ({eerste.datum:%d-%m-%Y})", [r["eerste"] for r in vergelijking])
        )
    return staafdiagram(
        titel="ZRM per domein: eerste en laatste meting (1 = acute problematiek, "
        "5 = volledig zelfredzaam)",
        categorieen=[domein.label for domein in domeinen],
        reeksen=reeksen,
        maximum=5,
        schaal=[1, 2, 3, 4, 5],
    )
