"""The evaluation report (ONTWERP §6): every figure of the commissioned evaluation,
computed in the database from the registrations alone.

Each part is one query, however many clients and contacts the team has: the clients in
view are annotated with what the definitions need ("as of" the peildatum through the
apps' selectors, counts in the 13-week window), or their latest ZRM measurement with the
scores of their first, and the database counts, sums and averages them. Python only
divides and rounds the means, so they come out exactly (half up to two decimals).

The two large queries are built once per process (``rapportage.querysjablonen``): their
shape does not depend on the period, and building them cost more than running them.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    RowRange,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Abs, Coalesce, Greatest, LastValue, RowNumber
from django.db.models.lookups import IsNull

from budget.constants import Categorie, UitgaveStatus
from budget.models import Budget, TimeOut, Uitgave
from clients.constants import (
    GEREALISEERD,
    Geslacht,
    Intensiteit,
    JaNee,
    Kenmerk,
    Levensdomein,
    Tevredenheid,
    UitstapStatus,
    Woonsituatie,
    ZoneActiviteit,
)
from clients.models import Client
from clients.selectors import met_situatie, situatie_veld
from plannen.constants import ZRMDomein
from plannen.models import Doel, Plan, Resultaattype, ZRMMeting
from plannen.selectors import plan_actief_op
from rapportage.querysjablonen import Aggregatie
from stapteam.constants import Rol
from stapteam.datums import dagbegin
from stapteam.models import Team
from vergunningen.constants import Besluit, Soort
from vergunningen.models import Vergunning
from vergunningen.selectors import heeft_geldige_vergunning

# The window of the contact frequency: the 91 days up to and including the peildatum.
VENSTER_DAGEN = 91
WEKELIJKS_VANAF = 13
MAANDELIJKS_VANAF = 3
ERVARINGSDESKUNDIGE_VANAF = 3
GROTE_STAP = 2
CENT = Decimal("0.01")
GELD = DecimalField(max_digits=14, decimal_places=2)

# The as-of breakdowns of §6 and the vocabulary each lists in full.
VERDELINGEN = {
    "zone_activiteit": (Kenmerk.ZONE_ACTIVITEIT, ZoneActiviteit),
    "woonsituatie": (Kenmerk.WOONSITUATIE, Woonsituatie),
    "intensiteit": (Kenmerk.INTENSITEIT, Intensiteit),
    "uitstap_status": (Kenmerk.UITSTAP_STATUS, UitstapStatus),
    "tevredenheid": (Kenmerk.TEVREDENHEID, Tevredenheid),
}
# The kenmerken the report reads as of the peildatum.
KENMERKEN = [
    *(kenmerk for kenmerk, _ in VERDELINGEN.values()),
    Kenmerk.BEWINDVOERING,
    Kenmerk.BUDGETBEHEER,
]


@dataclass(frozen=True)
class Periode:
    team: Team
    van: dt.date
    tot: dt.date

    @property
    def peildatum(self) -> dt.date:
        return self.tot

    @property
    def venster_begin(self) -> dt.date:
        """The first day of the window (the window is (peildatum − 91, peildatum])."""
        return self.peildatum - dt.timedelta(days=VENSTER_DAGEN - 1)


def in_beeld(periode: Periode) -> QuerySet[Client]:
    """§6 "in beeld": in view on or before ``tot``, except who left before ``van``."""
    return Client.objects.filter(team=periode.team, in_beeld_sinds__lte=periode.tot).exclude(
        uitstroom_datum__lt=periode.van
    )


def _gemiddelde(som, n: int) -> float | None:
    if not n:
        return None
    return float((Decimal(som) / Decimal(n)).quantize(CENT, rounding=ROUND_HALF_UP))


def _bedrag(waarde) -> str:
    return str(Decimal(waarde or 0).quantize(CENT, rounding=ROUND_HALF_UP))


# --- Doelgroep and zorgaanpak: one query ----------------------------------------------------


def _heeft_een(rijen: QuerySet) -> IsNull:
    """For a client queryset: whether ``rijen`` (correlated to her) holds a row.

    Asked as "her first such row is not NULL" (one index lookup per client in view)
    rather than with EXISTS, which PostgreSQL may answer by hashing every team's rows
    (``vergunningen.selectors.heeft_geldige_vergunning`` does the same)."""
    return IsNull(Subquery(rijen.order_by().values("pk")[:1]), False)


def _clienten_op_peildatum(periode: Periode) -> QuerySet[Client]:
    """The clients in view, each with what the figures need as of the peildatum.

    The contacts in the window are counted through a join, which groups the query per
    client: PostgreSQL then works out each client's values once, rather than once for
    every figure below that uses them (it would merge an ungrouped query into the one
    that counts, repeating each subquery per figure)."""
    peil = periode.peildatum
    # The window by the contact's date, written as a range of moments (from the first
    # day's midnight up to the midnight after the peildatum) so the index serves it.
    venster = FilteredRelation(
        "contacten",
        condition=Q(
            contacten__soort__in=GEREALISEERD,
            contacten__tijdstip__gte=dagbegin(periode.venster_begin),
            contacten__tijdstip__lt=dagbegin(peil + dt.timedelta(days=1)),
        ),
    )
    plan = Plan.objects.filter(plan_actief_op(peil), client=OuterRef("pk"))
    domeinen = {
        f"plan_{domein}": _heeft_een(
            Doel.objects.filter(client=OuterRef("pk"), levensdomein=domein, gesteld_op__lte=peil)
        )
        for domein in Levensdomein.values
    }
    return (
        met_situatie(in_beeld(periode), op=peil, kenmerken=KENMERKEN)
        .alias(venster=venster)
        .annotate(
            met_vergunning=heeft_geldige_vergunning(peil),
            met_plan=_heeft_een(plan),
            # distinct: a contact counts once, whatever groups its medewerker is in
            contacten_venster=Count("venster", distinct=True),
            contacten_ed=Count(
                "venster",
                filter=Q(venster__medewerker__groups__name=Rol.ERVARINGSDESKUNDIGE),
                distinct=True,
            ),
            **domeinen,
        )
    )


def _doelgroep_en_zorg_query(periode: Periode) -> tuple[QuerySet[Client], dict]:
    tellingen = {"in_beeld": Count("pk")}
    for geslacht in Geslacht.values:
        tellingen[f"geslacht_{geslacht}"] = Count("pk", filter=Q(geslacht=geslacht))
    tellingen["n_met_vergunning"] = Count("pk", filter=Q(met_vergunning=True))
    for naam, (kenmerk, waarden) in VERDELINGEN.items():
        for waarde in waarden.values:
            tellingen[f"{naam}_{waarde}"] = Count(
                "pk", filter=Q(**{situatie_veld(kenmerk): waarde})
            )
    for kenmerk in (Kenmerk.BEWINDVOERING, Kenmerk.BUDGETBEHEER):
        tellingen[kenmerk] = Count("pk", filter=Q(**{situatie_veld(kenmerk): JaNee.JA}))
    tellingen["actief_ondersteund"] = Count(
        "pk",
        filter=Q(**{f"{situatie_veld(Kenmerk.INTENSITEIT)}__isnull": False})
        & ~Q(**{situatie_veld(Kenmerk.INTENSITEIT): Intensiteit.GEEN}),
    )
    tellingen["n_met_plan"] = Count("pk", filter=Q(met_plan=True))
    for domein in Levensdomein.values:
        tellingen[f"domein_{domein}"] = Count(
            "pk", filter=Q(met_plan=True, **{f"plan_{domein}": True})
        )
    tellingen["wekelijks"] = Count("pk", filter=Q(contacten_venster__gte=WEKELIJKS_VANAF))
    tellingen["maandelijks"] = Count(
        "pk",
        filter=Q(contacten_venster__gte=MAANDELIJKS_VANAF, contacten_venster__lt=WEKELIJKS_VANAF),
    )
    tellingen["minder_dan_maandelijks"] = Count(
        "pk", filter=Q(contacten_venster__lt=MAANDELIJKS_VANAF)
    )
    tellingen["met_ervaringsdeskundige"] = Count(
        "pk", filter=Q(contacten_ed__gte=ERVARINGSDESKUNDIGE_VANAF)
    )
    return _clienten_op_peildatum(periode), tellingen


_doelgroep_en_zorg_tellingen = Aggregatie(_doelgroep_en_zorg_query)


def doelgroep_en_zorg(periode: Periode) -> dict:
    """Doelgroep, zorgaanpak, uitstappen and tevredenheid of §6, as of the peildatum."""
    t = _doelgroep_en_zorg_tellingen(periode)

    def verdeling(naam: str) -> dict[str, int]:
        return {waarde: t[f"{naam}_{waarde}"] for waarde in VERDELINGEN[naam][1].values}

    return {
        "doelgroep": {
            "in_beeld": t["in_beeld"],
            "geslacht": {g: t[f"geslacht_{g}"] for g in Geslacht.values},
            "met_vergunning": t["n_met_vergunning"],
            "zone_activiteit": verdeling("zone_activiteit"),
            "woonsituatie": verdeling("woonsituatie"),
            "bewindvoering": t[Kenmerk.BEWINDVOERING],
            "budgetbeheer": t[Kenmerk.BUDGETBEHEER],
        },
        "zorgaanpak": {
            "actief_ondersteund": t["actief_ondersteund"],
            "met_plan": t["n_met_plan"],
            "levensdomeinen_in_plan": {d: t[f"domein_{d}"] for d in Levensdomein.values},
            "contactfrequentie": {
                "wekelijks": t["wekelijks"],
                "maandelijks": t["maandelijks"],
                "minder_dan_maandelijks": t["minder_dan_maandelijks"],
            },
            "intensiteit": verdeling("intensiteit"),
            "met_ervaringsdeskundige": t["met_ervaringsdeskundige"],
        },
        "uitstappen": verdeling("uitstap_status"),
        "tevredenheid": verdeling("tevredenheid"),
    }


# --- Vergunningen: one query ----------------------------------------------------------------


def vergunningen(periode: Periode) -> dict:
    """The team's applications with an application date in the period."""
    aanvragen = Vergunning.objects.filter(
        client__team=periode.team, aanvraag_op__gte=periode.van, aanvraag_op__lte=periode.tot
    )
    verleend = Q(besluit=Besluit.VERLEEND)
    return aanvragen.aggregate(
        aanvragen=Count("pk"),
        verleend=Count("pk", filter=verleend),
        verleend_nieuw=Count("pk", filter=verleend & Q(soort=Soort.NIEUW)),
        verleend_verlenging=Count("pk", filter=verleend & Q(soort=Soort.VERLENGING)),
        geweigerd=Count("pk", filter=Q(besluit=Besluit.GEWEIGERD)),
        in_behandeling=Count("pk", filter=Q(besluit=Besluit.IN_BEHANDELING)),
        bezwaren=Count("pk", filter=Q(bezwaar_op__isnull=False)),
    )


# --- ZRM: one query -------------------------------------------------------------------------


def _laatste_met_eerste_meting(periode: Periode) -> QuerySet[ZRMMeting]:
    """Per in-view client with at least two measurements on or before the peildatum: her
    latest measurement, annotated with the scores of her first (``e_<domein>``).

    One pass over the measurements of the clients in view, numbered per client from the
    latest (window functions), rather than a subquery per domain per client."""
    nieuwste_eerst = {
        "partition_by": [F("client")],
        "order_by": [F("datum").desc(), F("id").desc()],
    }
    hele_reeks = {**nieuwste_eerst, "frame": RowRange(start=None, end=None)}
    return (
        ZRMMeting.objects.filter(client__in=in_beeld(periode), datum__lte=periode.peildatum)
        .annotate(
            volgnummer=Window(RowNumber(), **nieuwste_eerst),
            aantal_metingen=Window(Count("pk"), **hele_reeks),
            **{
                f"e_{domein}": Window(LastValue(domein), **hele_reeks)
                for domein in ZRMDomein.values
            },
        )
        .filter(volgnummer=1, aantal_metingen__gte=2)
    )


def _zrm_query(periode: Periode) -> tuple[QuerySet[ZRMMeting], dict]:
    # The change per domain; NULL unless scored in both, and so left out of every count.
    verschillen = {
        f"v_{domein}": ExpressionWrapper(F(domein) - F(f"e_{domein}"), output_field=IntegerField())
        for domein in ZRMDomein.values
    }
    metingen = (
        _laatste_met_eerste_meting(periode)
        .annotate(**verschillen)
        .annotate(
            # The largest change over the domains scored in both; -1 where there is none.
            grootste=Greatest(*(Coalesce(Abs(F(v)), Value(-1)) for v in verschillen)),
        )
    )
    tellingen = {"clienten": Count("pk")}
    for d in ZRMDomein.values:
        beide = Q(**{f"v_{d}__isnull": False})
        tellingen[f"n_{d}"] = Count(f"v_{d}")
        tellingen[f"se_{d}"] = Sum(f"e_{d}", filter=beide)
        tellingen[f"sl_{d}"] = Sum(d, filter=beide)
        tellingen[f"stijgers_{d}"] = Count("pk", filter=Q(**{f"v_{d}__gte": GROTE_STAP}))
        tellingen[f"dalers_{d}"] = Count("pk", filter=Q(**{f"v_{d}__lte": -GROTE_STAP}))
    tellingen["max_1"] = Count("pk", filter=Q(grootste__gte=0, grootste__lte=1))
    tellingen["max_2"] = Count("pk", filter=Q(grootste__gte=GROTE_STAP))
    return metingen, tellingen


_zrm_tellingen = Aggregatie(_zrm_query)


def zrm(periode: Periode) -> dict:
    """First against latest measurement (both on or before the peildatum) of the in-view
    clients with at least two; per domain over the clients scored in both."""
    t = _zrm_tellingen(periode)

    per_domein, hoger, lager, gelijk = {}, 0, 0, 0
    for d in ZRMDomein.values:
        n, se, sl = t[f"n_{d}"], t[f"se_{d}"] or 0, t[f"sl_{d}"] or 0
        per_domein[d] = {
            "eerste": _gemiddelde(se, n),
            "laatste": _gemiddelde(sl, n),
            "n": n,
            "grote_stijgers": t[f"stijgers_{d}"],
            "grote_dalers": t[f"dalers_{d}"],
        }
        if n:  # the exact means compare as their sums do, over the same n
            hoger += sl > se
            lager += sl < se
            gelijk += sl == se
    return {
        "clienten_met_twee_metingen": t["clienten"],
        "per_domein": per_domein,
        "domeinen_hoger": hoger,
        "domeinen_lager": lager,
        "domeinen_gelijk": gelijk,
        "clienten_max_1_punt": t["max_1"],
        "clienten_2_of_meer_punten": t["max_2"],
    }


# --- Resultaten: one query ------------------------------------------------------------------


def resultaten(periode: Periode) -> dict:
    """Per result type of the catalogue (zeros included): its name, the results of the
    team's clients dated in the period, and the distinct clients among them."""
    in_periode = Q(
        resultaten__client__team=periode.team,
        resultaten__datum__gte=periode.van,
        resultaten__datum__lte=periode.tot,
    )
    soorten = Resultaattype.objects.annotate(
        aantal=Count("resultaten", filter=in_periode),
        clienten=Count("resultaten__client", filter=in_periode, distinct=True),
    ).order_by("groep", "volgorde", "naam")
    return {
        soort.code: {"naam": soort.naam, "aantal": soort.aantal, "clienten": soort.clienten}
        for soort in soorten
    }


# --- Budget: three queries ------------------------------------------------------------------


def budget(periode: Periode) -> dict:
    goedgekeurd = Q(uitgaven__status=UitgaveStatus.GOEDGEKEURD)
    budgetten = (
        Budget.objects.filter(team=periode.team, van__lte=periode.tot, tot__gte=periode.van)
        .annotate(
            besteed=Coalesce(
                Sum(
                    "uitgaven__bedrag",
                    filter=goedgekeurd
                    & Q(uitgaven__datum__gte=periode.van, uitgaven__datum__lte=periode.tot),
                ),
                Value(Decimal(0)),
                output_field=GELD,
            ),
            tot_peildatum=Coalesce(
                Sum("uitgaven__bedrag", filter=goedgekeurd & Q(uitgaven__datum__lte=periode.tot)),
                Value(Decimal(0)),
                output_field=GELD,
            ),
        )
        .order_by("soort", "van", "naam")
    )
    categorie = Uitgave.objects.filter(
        budget__team=periode.team,
        status=UitgaveStatus.GOEDGEKEURD,
        timeout__isnull=True,
        datum__gte=periode.van,
        datum__lte=periode.tot,
    ).aggregate(**{f"som_{c}": Sum("bedrag", filter=Q(categorie=c)) for c in Categorie.values})
    time_outs = TimeOut.objects.filter(
        client__team=periode.team, van__gte=periode.van, van__lte=periode.tot
    ).aggregate(
        n=Count("pk"),
        n_dagen=Sum("dagen"),
        n_kosten=Sum(ExpressionWrapper(F("dagen") * F("dagtarief"), output_field=GELD)),
    )
    return {
        "budgetten": [
            {
                "naam": b.naam,
                "soort": b.soort,
                "bedrag": _bedrag(b.bedrag),
                "besteed": _bedrag(b.besteed),
                "resterend": _bedrag(b.bedrag - b.tot_peildatum),
            }
            for b in budgetten
        ],
        "per_categorie": {c: _bedrag(categorie[f"som_{c}"]) for c in Categorie.values},
        "time_outs": {
            "aantal": time_outs["n"],
            "dagen": time_outs["n_dagen"] or 0,
            "kosten": _bedrag(time_outs["n_kosten"]),
        },
    }


def evaluatie(team: Team, van: dt.date, tot: dt.date) -> dict:
    """The whole report, shaped as the JSON of §6 (every key present, zeros included)."""
    if van > tot:
        raise ValueError("De periode begint na haar einde.")
    periode = Periode(team=team, van=van, tot=tot)
    return {
        "team": team.code,
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        **_volgorde(doelgroep_en_zorg(periode), periode),
    }


def begin_van_periode(team: Team, van: dt.date) -> dict:
    """The as-of parts of the report on the first day of the period (who was in view
    then, their values that day), to show beside the figures at the peildatum."""
    return doelgroep_en_zorg(Periode(team=team, van=van, tot=van))


def _volgorde(doelgroep: dict, periode: Periode) -> dict:
    return {
        "doelgroep": doelgroep["doelgroep"],
        "vergunningen": vergunningen(periode),
        "zorgaanpak": doelgroep["zorgaanpak"],
        "zrm": zrm(periode),
        "resultaten": resultaten(periode),
        "uitstappen": doelgroep["uitstappen"],
        "tevredenheid": doelgroep["tevredenheid"],
        "budget": budget(periode),
    }
