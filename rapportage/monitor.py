"""The progress monitor (voortgangsmonitor, ONTWERP §6): the coordinator's periodic export
for a month or a quarter.

Three parts, each computed in the database with a fixed number of queries:
- the key figures of the evaluation report for the period (``rapportage.evaluatie``);
- one row per client in view, by her team client number (never a name);
- the team's effort for the subsidy: direct contact time, attempts and network time, per
  client per week and per staff organisation.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from budget.constants import UitgaveStatus
from budget.models import Uitgave
from clients import signalen
from clients.constants import GEREALISEERD, ContactSoort, Intensiteit, Kenmerk, Status
from clients.models import Contact
from clients.selectors import met_situatie, situatie_veld
from plannen.constants import PlanStatus
from plannen.models import Plan, ZRMMeting
from rapportage.evaluatie import Periode, evaluatie, in_beeld
from rapportage.periodes import kwartaal
from stapteam.datums import maanden_terug, op_dagen
from stapteam.models import Team, User
from vergunningen.selectors import met_huidige_vergunning

GELD = DecimalField(max_digits=14, decimal_places=2)
TIEND = Decimal("0.1")


def maand_periode(tekst: str) -> tuple[dt.date, dt.date]:
    """'2026-11' → the first and last day of that month."""
    gevonden = re.fullmatch(r"(\d{4})-(\d{2})", tekst)
    if not gevonden or not 1 <= int(gevonden[2]) <= 12:
        raise ValueError(f"'{tekst}' is geen maand; schrijf JJJJ-MM.")
    van = dt.date(int(gevonden[1]), int(gevonden[2]), 1)
    return van, maanden_terug(van, -1) - dt.timedelta(days=1)


def kwartaal_periode(tekst: str) -> tuple[dt.date, dt.date]:
    """'2026-Q4' → the first and last day of that quarter."""
    gevonden = re.fullmatch(r"(\d{4})-[Qq]([1-4])", tekst)
    if not gevonden:
        raise ValueError(f"'{tekst}' is geen kwartaal; schrijf JJJJ-Qn, bijvoorbeeld 2026-Q4.")
    return kwartaal(int(gevonden[1]), int(gevonden[2]))


def monitor_periode(*, maand: str | None = None, kwartaal: str | None = None):
    """The month or the quarter asked for, as (first day, last day)."""
    if maand:
        return maand_periode(maand)
    if kwartaal:
        return kwartaal_periode(kwartaal)
    raise ValueError("Kies een maand (JJJJ-MM) of een kwartaal (JJJJ-Qn).")


@dataclass
class Monitor:
    team: Team
    van: dt.date
    tot: dt.date
    kerncijfers: dict
    clienten: list[dict]
    inzet: dict

    @property
    def weken(self) -> Decimal:
        return Decimal((self.tot - self.van).days + 1) / 7


def _per_client_per_week(minuten: int, clienten: int, weken: Decimal) -> Decimal:
    """Hours per client per week, to one decimal (half up)."""
    if not clienten or not weken:
        return Decimal("0.0")
    return (Decimal(minuten) / 60 / clienten / weken).quantize(TIEND, rounding=ROUND_HALF_UP)


def _clientregels(periode: Periode, gebruiker: User | None) -> list[dict]:
    """One row per client in view: what the coordinator checks each month. Two queries:
    the figures of the period, and her signals as they stand today (as ``gebruiker`` sees
    them; None: the whole team's view, for the command)."""
    in_periode = Q(**op_dagen(periode.van, periode.tot, veld="contacten__tijdstip"))
    gerealiseerd = in_periode & Q(contacten__soort__in=GEREALISEERD)
    plan = Plan.objects.filter(client=OuterRef("pk"), opgesteld_op__lte=periode.tot).order_by(
        "-opgesteld_op", "-id"
    )
    zrm = ZRMMeting.objects.filter(client=OuterRef("pk"), datum__lte=periode.tot)
    besteed = (
        Uitgave.objects.filter(
            client=OuterRef("pk"),
            status=UitgaveStatus.GOEDGEKEURD,
            datum__gte=periode.van,
            datum__lte=periode.tot,
        )
        .order_by()
        .values("client")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )
    laatste = (
        Contact.objects.filter(
            client=OuterRef("pk"), soort__in=GEREALISEERD, **op_dagen(tot=periode.tot)
        )
        .order_by("-tijdstip")
        .values("tijdstip")[:1]
    )
    clienten = met_huidige_vergunning(
        met_situatie(in_beeld(periode), op=periode.tot, kenmerken=[Kenmerk.INTENSITEIT]),
        op=periode.tot,
    ).annotate(
        gerealiseerd=Count("contacten", filter=gerealiseerd, distinct=True),
        minuten=Coalesce(Sum("contacten__duur_minuten", filter=gerealiseerd), Value(0)),
        pogingen=Count(
            "contacten", filter=in_periode & Q(contacten__soort=ContactSoort.POGING), distinct=True
        ),
        netwerk=Count(
            "contacten",
            filter=in_periode & Q(contacten__soort=ContactSoort.NETWERKOVERLEG),
            distinct=True,
        ),
        laatste_contact=Subquery(laatste),
        plan_status=Subquery(plan.values("status")[:1]),
        plan_evaluatie=Subquery(plan.values("evaluatie_op")[:1]),
        eerste_zrm=Subquery(zrm.order_by("datum", "id").values("datum")[:1]),
        laatste_zrm=Subquery(zrm.order_by("-datum", "-id").values("datum")[:1]),
        besteed=Coalesce(
            Subquery(besteed, output_field=GELD), Value(Decimal(0)), output_field=GELD
        ),
    )
    vandaag = timezone.localdate()
    open_signalen = {
        client.pk: signalen.signalen_van(client, vandaag=vandaag)
        for client in signalen.met_signalen(in_beeld(periode), vandaag=vandaag, gebruiker=gebruiker)
    }
    rijen = []
    for client in clienten.select_related("casemanager").order_by("code"):
        intensiteit = getattr(client, situatie_veld(Kenmerk.INTENSITEIT))
        rijen.append(
            {
                "clientnummer": client.code,
                "casemanager": str(client.casemanager) if client.casemanager else "",
                "status": Status(client.status).label,
                "intensiteit": Intensiteit(intensiteit).label if intensiteit else "",
                "gerealiseerde_contacten": client.gerealiseerd,
                "contactminuten": client.minuten,
                "pogingen": client.pogingen,
                "netwerkoverleggen": client.netwerk,
                "laatste_contact": client.laatste_contact.date()
                if client.laatste_contact
                else None,
                "plan": PlanStatus(client.plan_status).label if client.plan_status else "geen plan",
                "evaluatie_op": client.plan_evaluatie,
                "eerste_zrm": client.eerste_zrm,
                "laatste_zrm": client.laatste_zrm,
                "vergunning_geldig_tot": client.vg_geldig_tot,
                "met_vergunning": client.vg_pk is not None,
                "besteed": client.besteed.quantize(Decimal("0.01")),
                "signalen": "; ".join(s.tekst for s in open_signalen.get(client.pk, [])),
            }
        )
    return rijen


def _inzet(periode: Periode, aantal_clienten: int, weken: Decimal) -> dict:
    """Contact time, attempts and network time in the period, for the team and per staff
    organisation. One query."""
    contacten = Contact.objects.filter(
        client__team=periode.team,
        **op_dagen(periode.van, periode.tot),
    )
    minuten = Coalesce(Sum("duur_minuten"), Value(0))
    per_organisatie = (
        contacten.values(organisatie_naam=F("medewerker__organisatie__naam"))
        .annotate(
            direct=Coalesce(Sum("duur_minuten", filter=Q(soort__in=GEREALISEERD)), Value(0)),
            pogingen=Count("pk", filter=Q(soort=ContactSoort.POGING)),
            poging_minuten=Coalesce(
                Sum("duur_minuten", filter=Q(soort=ContactSoort.POGING)), Value(0)
            ),
            netwerk=Coalesce(
                Sum("duur_minuten", filter=Q(soort=ContactSoort.NETWERKOVERLEG)), Value(0)
            ),
            totaal=minuten,
        )
        .order_by("organisatie_naam")
    )
    regels = [
        {
            "organisatie": regel["organisatie_naam"] or "Onbekend",
            "direct_minuten": regel["direct"],
            "pogingen": regel["pogingen"],
            "poging_minuten": regel["poging_minuten"],
            "netwerk_minuten": regel["netwerk"],
            "uur_per_client_per_week": _per_client_per_week(
                regel["totaal"], aantal_clienten, weken
            ),
        }
        for regel in per_organisatie
    ]
    team = {
        sleutel: sum(regel[sleutel] for regel in regels)
        for sleutel in ("direct_minuten", "pogingen", "poging_minuten", "netwerk_minuten")
    }
    return {
        "clienten_in_beeld": aantal_clienten,
        "weken": weken.quantize(TIEND, rounding=ROUND_HALF_UP),
        "team": {
            **team,
            "direct_uur_per_client_per_week": _per_client_per_week(
                team["direct_minuten"], aantal_clienten, weken
            ),
            "poging_uur_per_client_per_week": _per_client_per_week(
                team["poging_minuten"], aantal_clienten, weken
            ),
            "netwerk_uur_per_client_per_week": _per_client_per_week(
                team["netwerk_minuten"], aantal_clienten, weken
            ),
            "uur_per_client_per_week": _per_client_per_week(
                team["direct_minuten"] + team["poging_minuten"] + team["netwerk_minuten"],
                aantal_clienten,
                weken,
            ),
        },
        "per_organisatie": regels,
    }


def voortgangsmonitor(
    team: Team, van: dt.date, tot: dt.date, *, gebruiker: User | None = None
) -> Monitor:
    periode = Periode(team=team, van=van, tot=tot)
    kerncijfers = evaluatie(team, van, tot)
    clienten = _clientregels(periode, gebruiker)
    weken = Decimal((tot - van).days + 1) / 7
    return Monitor(
        team=team,
        van=van,
        tot=tot,
        kerncijfers=kerncijfers,
        clienten=clienten,
        inzet=_inzet(periode, len(clienten), weken),
    )
