"""Budget figures, computed in the database: spent, pending, remaining, per month and per
category. The services check the balance with the same sums (``saldo``).

- ``besteed``: approved rows (spends, counter-entries and time-out charges) summed.
- ``in_afwachting``: spends waiting for the coordinator's approval.
- ``resterend`` = bedrag − besteed; ``beschikbaar`` = resterend − in_afwachting.

Pending spends reserve their money: a new spend must fit in ``beschikbaar``, so approving
a pending spend can never take the budget below zero, and rejecting one frees it again.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth

from budget.constants import Categorie, UitgaveStatus
from budget.geld import NUL
from budget.models import Budget, TimeOut, Uitgave
from stapteam.models import Team

GELD = DecimalField(max_digits=12, decimal_places=2)


def _som(status: str, pad: str = ""):
    """Σ bedrag of the rows with ``status``; ``pad`` reaches the rows through a relation."""
    return Coalesce(
        Sum(f"{pad}bedrag", filter=Q(**{f"{pad}status": status})), Value(NUL), output_field=GELD
    )


def met_cijfers(budgetten: QuerySet[Budget]) -> QuerySet[Budget]:
    """Annotate ``besteed``, ``in_afwachting``, ``resterend``, ``beschikbaar`` and
    ``wachtend`` (the number of spends waiting for approval)."""
    return budgetten.annotate(
        besteed=_som(UitgaveStatus.GOEDGEKEURD, "uitgaven__"),
        in_afwachting=_som(UitgaveStatus.INGEDIEND, "uitgaven__"),
        wachtend=Count("uitgaven", filter=Q(uitgaven__status=UitgaveStatus.INGEDIEND)),
    ).annotate(
        resterend=ExpressionWrapper(F("bedrag") - F("besteed"), output_field=GELD),
        beschikbaar=ExpressionWrapper(
            F("bedrag") - F("besteed") - F("in_afwachting"), output_field=GELD
        ),
    )


@dataclass(frozen=True)
class Saldo:
    bedrag: Decimal
    besteed: Decimal
    in_afwachting: Decimal

    @property
    def resterend(self) -> Decimal:
        return self.bedrag - self.besteed

    @property
    def beschikbaar(self) -> Decimal:
        return self.bedrag - self.besteed - self.in_afwachting


def saldo(budget: Budget) -> Saldo:
    """The balance of one budget, read now (the services call it under a row lock)."""
    sommen = Uitgave.objects.filter(budget=budget).aggregate(
        besteed=_som(UitgaveStatus.GOEDGEKEURD), in_afwachting=_som(UitgaveStatus.INGEDIEND)
    )
    return Saldo(bedrag=budget.bedrag, **sommen)


def maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    """The first days of the months from ``van`` to ``tot``."""
    uitkomst, maand = [], van.replace(day=1)
    while maand <= tot:
        uitkomst.append(maand)
        maand = (maand + dt.timedelta(days=32)).replace(day=1)
    return uitkomst


def per_maand(budget: Budget) -> list[dict]:
    """Approved use per month of the budget's period (months without use included)."""
    totalen = {
        rij["maand"]: rij["totaal"]
        for rij in Uitgave.objects.filter(budget=budget, status=UitgaveStatus.GOEDGEKEURD)
        .annotate(maand=TruncMonth("datum"))
        .order_by()
        .values("maand")
        .annotate(totaal=Sum("bedrag"))
    }
    totalen = {
        (maand.date() if isinstance(maand, dt.datetime) else maand): totaal
        for maand, totaal in totalen.items()
    }
    return [
        {"maand": maand, "totaal": totalen.get(maand, NUL)}
        for maand in maanden(budget.van, budget.tot)
    ]


def per_categorie(budget: Budget) -> list[dict]:
    """Approved use per category, in the order of the vocabulary; time-outs last."""
    totalen = dict(
        Uitgave.objects.filter(budget=budget, status=UitgaveStatus.GOEDGEKEURD)
        .order_by()
        .values_list("categorie")
        .annotate(totaal=Sum("bedrag"))
        .values_list("categorie", "totaal")
    )
    rijen = [
        {"categorie": categorie.label, "totaal": totalen[categorie.value]}
        for categorie in Categorie
        if categorie.value in totalen
    ]
    if "" in totalen:
        rijen.append({"categorie": "Time-outs", "totaal": totalen[""]})
    return rijen


def met_correcties(uitgaven: QuerySet[Uitgave]) -> QuerySet[Uitgave]:
    """Annotate ``gecorrigeerd``: the sum of the counter-entries of each spend (≤ 0)."""
    correcties = (
        Uitgave.objects.filter(correctie_van=OuterRef("pk"))
        .order_by()
        .values("correctie_van")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )
    return uitgaven.annotate(
        gecorrigeerd=Coalesce(
            Subquery(correcties, output_field=GELD), Value(NUL), output_field=GELD
        )
    )


def uitgavenlijst(uitgaven: QuerySet[Uitgave]) -> QuerySet[Uitgave]:
    """Spends ready to show: related records fetched and corrections summed."""
    return met_correcties(uitgaven).select_related(
        "budget", "client", "medewerker", "beoordeeld_door", "correctie_van", "timeout"
    )


def time_outs_in_jaar(team: Team, jaar: int) -> int:
    """The team's time-outs starting in calendar year ``jaar`` (the 6-per-year rule)."""
    return TimeOut.objects.filter(uitgave__budget__team=team, van__year=jaar).count()
