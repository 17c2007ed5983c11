"""The municipal dashboard (ONTWERP §6): figures per month for the teams of the user's
municipalities, per team and together, that a municipality can steer on without ever
seeing a person.

Every figure is computed in the database, a fixed number of queries for any range and any
number of teams: each query counts per team with one conditional aggregate per month
(and per value), or groups by team and month. ``blad`` then lays the figures out as the
cells and additive relations the page shows, for ``rapportage.onderdrukking``.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth

from budget.constants import UitgaveStatus
from budget.models import TimeOut, Uitgave
from clients.constants import Intensiteit, Kenmerk, UitstroomReden, Woonsituatie
from clients.models import Client, Contact, Situatie
from plannen.constants import KnelpuntStatus
from plannen.models import Escalatie, Knelpunt
from stapteam.datums import maanden_terug, op_dagen
from stapteam.models import Team
from vergunningen.models import Vergunning
from vergunningen.selectors import geldig_op

SAMEN = "samen"  # the key of the municipality's total over its teams
GEEN_WAARDE = "geen_waarde"
VERDELINGEN = {
    "woonsituatie": (Kenmerk.WOONSITUATIE, Woonsituatie),
    "intensiteit": (Kenmerk.INTENSITEIT, Intensiteit),
}


@dataclass(frozen=True)
class Maand:
    begin: dt.date

    @property
    def einde(self) -> dt.date:
        return maanden_terug(self.begin, -1) - dt.timedelta(days=1)

    @property
    def sleutel(self) -> str:
        return f"{self.begin:%Y-%m}"


def maanden(van: dt.date, tot: dt.date) -> list[Maand]:
    """The calendar months from the one of ``van`` to the one of ``tot``."""
    uitkomst, maand = [], van.replace(day=1)
    while maand <= tot:
        uitkomst.append(Maand(maand))
        maand = maanden_terug(maand, -1)
    return uitkomst


def _in_beeld_op(datum: dt.date, pad: str = "") -> Q:
    return Q(**{f"{pad}in_beeld_sinds__lte": datum}) & (
        Q(**{f"{pad}uitstroom_datum__isnull": True}) | Q(**{f"{pad}uitstroom_datum__gt": datum})
    )


def _per_team(queryset, tellingen: dict, veld: str = "team") -> dict[int, dict]:
    rijen = queryset.order_by().values(veld).annotate(**tellingen)
    return {rij[veld]: rij for rij in rijen}


def personen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Per team and month: in view at month end, inflow, outflow per reason, with a valid
    permit at month end. One query."""
    tellingen = {}
    for m in reeks:
        k = m.sleutel
        tellingen[f"in_beeld_{k}"] = Count("pk", filter=_in_beeld_op(m.einde))
        tellingen[f"instroom_{k}"] = Count(
            "pk", filter=Q(in_beeld_sinds__gte=m.begin, in_beeld_sinds__lte=m.einde)
        )
        for reden in UitstroomReden.values:
            tellingen[f"uitstroom_{reden}_{k}"] = Count(
                "pk",
                filter=Q(
                    uitstroom_datum__gte=m.begin,
                    uitstroom_datum__lte=m.einde,
                    uitstroom_reden=reden,
                ),
            )
    vergunningen = {
        f"vg_{m.sleutel}": Exists(
            Vergunning.objects.filter(geldig_op(m.einde), client=OuterRef("pk"))
        )
        for m in reeks
    }
    for m in reeks:
        tellingen[f"met_vergunning_{m.sleutel}"] = Count(
            "pk", filter=_in_beeld_op(m.einde) & Q(**{f"vg_{m.sleutel}": True})
        )
    clienten = Client.objects.filter(team__in=teams).annotate(**vergunningen)
    return _per_team(clienten, tellingen)


def verdelingen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Per team and month: housing and intensity of those in view at month end, with
    'geen waarde' for who has none, so each breakdown adds up to the number in view.
    One query."""
    annotaties, tellingen = {}, {}
    for naam, (kenmerk, _) in VERDELINGEN.items():
        for m in reeks:
            annotaties[f"{naam}_op_{m.sleutel}"] = Subquery(
                Situatie.objects.filter(client=OuterRef("pk"), kenmerk=kenmerk, datum__lte=m.einde)
                .order_by("-datum")
                .values("waarde")[:1]
            )
    for naam, (_, waarden) in VERDELINGEN.items():
        for m in reeks:
            veld = f"{naam}_op_{m.sleutel}"
            for waarde in waarden.values:
                tellingen[f"{naam}_{waarde}_{m.sleutel}"] = Count(
                    "pk", filter=_in_beeld_op(m.einde) & Q(**{veld: waarde})
                )
            tellingen[f"{naam}_{GEEN_WAARDE}_{m.sleutel}"] = Count(
                "pk", filter=_in_beeld_op(m.einde) & Q(**{f"{veld}__isnull": True})
            )
    clienten = Client.objects.filter(team__in=teams).annotate(**annotaties)
    return _per_team(clienten, tellingen)


def knelpunten(teams: list[Team], van: dt.date, tot: dt.date) -> dict:
    """Per team and category code over the range: barriers open at its end, new in it,
    solved in it, and the days the solved ones had been open in total (for the mean).
    Two queries, however many categories the vocabulary has."""
    open_aan_het_eind = Q(datum__lte=tot) & (Q(opgelost_op__isnull=True) | Q(opgelost_op__gt=tot))
    opgelost = Q(status=KnelpuntStatus.OPGELOST, opgelost_op__gte=van, opgelost_op__lte=tot)
    alle = Knelpunt.objects.filter(client__team__in=teams)
    uitkomst: dict = defaultdict(dict)
    for rij in (
        alle.order_by()
        .values("client__team", "categorie__code")
        .annotate(
            open=Count("pk", filter=open_aan_het_eind),
            nieuw=Count("pk", filter=Q(datum__gte=van, datum__lte=tot)),
            opgelost=Count("pk", filter=opgelost),
        )
    ):
        for soort in ("open", "nieuw", "opgelost"):
            uitkomst[rij["client__team"]][f"{soort}_{rij['categorie__code']}"] = rij[soort]
    # Days open: the dates of the solved ones (one row per barrier solved in the range).
    for team, categorie, begin, einde in alle.filter(opgelost).values_list(
        "client__team", "categorie__code", "datum", "opgelost_op"
    ):
        rij = uitkomst[team]
        rij[f"dagen_{categorie}"] = rij.get(f"dagen_{categorie}", 0) + (einde - begin).days
    return dict(uitkomst)


def gebeurtenissen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Events and amounts per team and month, each with the number of distinct clients
    behind it (their suppression rule): contacts by kind, time-outs, escalations opened
    and closed, approved spends. Five queries."""
    van, tot = reeks[0].begin, reeks[-1].einde
    uitkomst: dict = defaultdict(dict)

    def verzamel(rijen, naam, team):
        for rij in rijen:
            maand = rij["maand"].date() if isinstance(rij["maand"], dt.datetime) else rij["maand"]
            sleutel = (rij[team], f"{maand:%Y-%m}")
            uitkomst[sleutel][naam(rij) if callable(naam) else naam] = (rij["n"], rij["clienten"])

    verzamel(
        Contact.objects.filter(client__team__in=teams, **op_dagen(van, tot))
        .annotate(maand=TruncMonth("tijdstip"))
        .values("client__team", "maand", "soort")
        .annotate(n=Count("pk"), clienten=Count("client", distinct=True))
        .order_by(),
        lambda rij: f"contact_{rij['soort']}",
        team="client__team",
    )
    verzamel(
        TimeOut.objects.filter(client__team__in=teams, van__gte=van, van__lte=tot)
        .annotate(maand=TruncMonth("van"))
        .values("client__team", "maand")
        .annotate(n=Count("pk"), clienten=Count("client", distinct=True))
        .order_by(),
        "time_outs",
        team="client__team",
    )
    for naam, veld in (
        ("escalaties_geopend", "aangevraagd_op"),
        ("escalaties_afgerond", "afgerond_op"),
    ):
        verzamel(
            Escalatie.objects.filter(
                client__team__in=teams, **{f"{veld}__gte": van, f"{veld}__lte": tot}
            )
            .annotate(maand=TruncMonth(veld))
            .values("client__team", "maand")
            .annotate(n=Count("pk"), clienten=Count("client", distinct=True))
            .order_by(),
            naam,
            team="client__team",
        )
    verzamel(
        Uitgave.objects.filter(
            budget__team__in=teams,
            status=UitgaveStatus.GOEDGEKEURD,
            datum__gte=van,
            datum__lte=tot,
        )
        .annotate(maand=TruncMonth("datum"))
        .values("budget__team", "maand")
        .annotate(n=Sum("bedrag"), clienten=Count("client", distinct=True))
        .order_by(),
        "besteed",
        team="budget__team",
    )
    return uitkomst
