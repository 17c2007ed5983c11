"""The municipal dashboard as a page: tables per team and for all teams together, every
number a person could be recognised by suppressed (``rapportage.onderdrukking``), and a
chart beside each table.

Suppression rules, as the page's legend says them:
- counts of women (in view, inflow, outflow, housing, intensity, permits, barriers) from 1
  up to the team's threshold show as "<5" (the threshold; 5 by default);
- events and amounts (contacts, time-outs, escalations, money spent) show only when at
  least that many women are behind them, else "×";
- "×" also marks a cell hidden because the page's totals, the other cells of its table,
  the other teams or the month before would otherwise give a hidden number away.
For all teams together the highest threshold of those teams applies.
"""

import datetime as dt
import itertools
from dataclasses import dataclass, field
from decimal import Decimal

from clients.constants import ContactSoort, Intensiteit, UitstroomReden, Woonsituatie
from plannen.models import Knelpuntcategorie, Knelpuntnotitie
from rapportage import dashboard as cijfers
from rapportage.dashboard import GEEN_WAARDE, SAMEN, Maand, maanden
from rapportage.onderdrukking import Blad, onderdruk, som, weergave
from stapteam.grafieken import staafdiagram
from stapteam.models import Team

MAANDNAMEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
GEBEURTENISSEN = [
    *((f"contact_{soort.value}", f"Contacten: {soort.label.lower()}") for soort in ContactSoort),
    ("time_outs", "Time-outs gestart"),
    ("escalaties_geopend", "Escalaties aangevraagd"),
    ("escalaties_afgerond", "Escalaties afgerond"),
    ("besteed", "Flexbudget besteed (euro)"),
]


@dataclass
class Rij:
    label: str
    cellen: list[str]
    anker: str = ""  # the team's memo on this row's barrier category, further down
    sleutel: str = ""  # the barrier category's code


@dataclass
class Notitie:
    """A team's memo on a category, with the category's counts as the page shows them."""

    anker: str
    categorie: str
    cijfers: list[tuple[str, str]]
    notitie: Knelpuntnotitie


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]
    rijen: list[Rij]
    grafiek: dict | None = None
    notitiekolom: bool = False  # a column linking each row to the team's memo


@dataclass
class Sectie:
    titel: str
    sleutel: str
    tabellen: list[Tabel] = field(default_factory=list)
    notities: list[Notitie] = field(default_factory=list)
    team_code: str = ""  # empty for all teams together


def maandlabel(maand: Maand) -> str:
    return f"{MAANDNAMEN[maand.begin.month - 1]} {maand.begin:%Y}"


@dataclass
class Dashboard:
    teams: list[Team]
    reeks: list[Maand]
    secties: list[Sectie]
    van: dt.date
    tot: dt.date
    blad: Blad  # every published figure and relation of the page, for the audit
    verborgen: dict  # the hidden cells and why


KNELPUNTKOLOMMEN = ["Open aan het eind", "Nieuw", "Opgelost", "Gemiddeld dagen open (opgelost)"]


def knelpuntcategorieen(knelpunten: dict) -> list[Knelpuntcategorie]:
    """The categories a page shows: every active one, and one switched off only while
    barriers of these teams still count in it (one query)."""
    geteld = {
        sleutel.split("_", 1)[1]
        for per_team in knelpunten.values()
        for sleutel, n in per_team.items()
        if n and not sleutel.startswith("dagen_")
    }
    return [c for c in Knelpuntcategorie.objects.all() if c.actief or c.code in geteld]


def knelpuntnotities(teams: list[Team]) -> dict[tuple[int, str], Knelpuntnotitie]:
    """The teams' memos that say something, by (team pk, category code); one query."""
    return {
        (n.team_id, n.categorie.code): n
        for n in Knelpuntnotitie.objects.filter(team__in=teams).select_related(
            "categorie", "gewijzigd_door"
        )
        if not n.is_leeg
    }


def _waarden(teams, reeks, knelpunten, categorieen):
    """All figures of the page as (unit, measure, value, month) → number, with for events
    the number of women behind them; units are team pks and SAMEN."""
    personen = cijfers.personen(teams, reeks)
    verdelingen = cijfers.verdelingen(teams, reeks)
    gebeurtenissen = cijfers.gebeurtenissen(teams, reeks)
    waarden, achter, dagen = {}, {}, {}
    for team in teams:
        p, v, k = (
            personen.get(team.pk, {}),
            verdelingen.get(team.pk, {}),
            knelpunten.get(team.pk, {}),
        )
        for m in reeks:
            s = m.sleutel
            waarden[(team.pk, "in_beeld", "", s)] = p.get(f"in_beeld_{s}", 0)
            waarden[(team.pk, "instroom", "", s)] = p.get(f"instroom_{s}", 0)
            for reden in UitstroomReden.values:
                waarden[(team.pk, "uitstroom", reden, s)] = p.get(f"uitstroom_{reden}_{s}", 0)
            waarden[(team.pk, "uitstroom", "", s)] = sum(
                waarden[(team.pk, "uitstroom", r, s)] for r in UitstroomReden.values
            )
            waarden[(team.pk, "met_vergunning", "", s)] = p.get(f"met_vergunning_{s}", 0)
            for naam, (_, keuzes) in cijfers.VERDELINGEN.items():
                for waarde in [*keuzes.values, GEEN_WAARDE]:
                    waarden[(team.pk, naam, waarde, s)] = v.get(f"{naam}_{waarde}_{s}", 0)
            for sleutel, _ in GEBEURTENISSEN:
                n, vrouwen = gebeurtenissen.get((team.pk, s), {}).get(sleutel, (0, 0))
                waarden[(team.pk, sleutel, "", s)] = (
                    int(Decimal(n) * 100) if sleutel == "besteed" else n
                )
                achter[(team.pk, sleutel, "", s)] = vrouwen
        for categorie in categorieen:
            for soort in ("open", "nieuw", "opgelost"):
                waarden[(team.pk, f"knelpunt_{soort}", categorie, "")] = k.get(
                    f"{soort}_{categorie}", 0
                )
            dagen[(team.pk, categorie)] = k.get(f"dagen_{categorie}", 0)
    for (team_pk, meting, waarde, maand), getal in list(waarden.items()):
        sleutel = (SAMEN, meting, waarde, maand)
        waarden[sleutel] = waarden.get(sleutel, 0) + getal
        if (team_pk, meting, waarde, maand) in achter:
            achter[sleutel] = achter.get(sleutel, 0) + achter[(team_pk, meting, waarde, maand)]
    for (_team_pk, categorie), d in list(dagen.items()):
        dagen[(SAMEN, categorie)] = dagen.get((SAMEN, categorie), 0) + d
    return waarden, achter, dagen


def _relaties(eenheden, reeks, waarden):
    relaties = []
    for eenheid in eenheden:
        for vorige, m in itertools.pairwise(reeks):
            relaties.append(
                {
                    (eenheid, "in_beeld", "", m.sleutel): 1,
                    (eenheid, "in_beeld", "", vorige.sleutel): -1,
                    (eenheid, "instroom", "", m.sleutel): -1,
                    (eenheid, "uitstroom", "", m.sleutel): 1,
                }
            )
        for m in reeks:
            s = m.sleutel
            relaties.append(
                som(
                    (eenheid, "uitstroom", "", s),
                    [(eenheid, "uitstroom", r, s) for r in UitstroomReden.values],
                )
            )
            for naam, (_, keuzes) in cijfers.VERDELINGEN.items():
                relaties.append(
                    som(
                        (eenheid, "in_beeld", "", s),
                        [(eenheid, naam, w, s) for w in [*keuzes.values, GEEN_WAARDE]],
                    )
                )
    teams = [e for e in eenheden if e != SAMEN]
    if len(teams) > 1:
        for sleutel in waarden:
            if sleutel[0] == SAMEN:
                relaties.append(som(sleutel, [(t, *sleutel[1:]) for t in teams]))
    return relaties


def dashboard(teams: list[Team], van: dt.date, tot: dt.date) -> Dashboard:
    reeks = maanden(van, tot)
    knelpunten = cijfers.knelpunten(teams, van, tot)
    categorieen = knelpuntcategorieen(knelpunten)
    notities = knelpuntnotities(teams)
    waarden, achter, dagen = _waarden(teams, reeks, knelpunten, [c.code for c in categorieen])
    eenheden = [team.pk for team in teams] + ([SAMEN] if len(teams) > 1 else [])
    waarden = {k: w for k, w in waarden.items() if k[0] in eenheden}
    drempels = {team.pk: team.onderdrukkingsdrempel for team in teams}
    drempels[SAMEN] = max(drempels.values(), default=5)

    def drempel(sleutel) -> int:
        return drempels[sleutel[0]]

    gebeurtenis = {sleutel for sleutel, _ in GEBEURTENISSEN}
    blad = Blad(
        waarden=waarden,
        relaties=_relaties(eenheden, reeks, waarden),
        personen={k for k in waarden if k[1] not in gebeurtenis},
    )
    verborgen = onderdruk(
        blad,
        drempel,
        primair=[
            k
            for k in waarden
            if k[1] in gebeurtenis and waarden[k] and achter.get(k, 0) < drempel(k)
        ],
    )
    getoond = weergave(blad, verborgen, drempel)
    for sleutel in verborgen:
        if sleutel[1] in gebeurtenis:
            getoond[sleutel] = "×"
    for sleutel, waarde in waarden.items():
        if sleutel[1] == "besteed" and sleutel not in verborgen:
            getoond[sleutel] = f"{Decimal(waarde) / 100:.2f}"

    namen = {team.pk: team.naam for team in teams} | {SAMEN: "Alle teams samen"}
    knelpuntcijfers = Knelpuntcijfers(categorieen, waarden, getoond, verborgen, dagen, notities)
    secties = [
        _sectie(eenheid, namen[eenheid], reeks, waarden, getoond, verborgen, knelpuntcijfers)
        for eenheid in ([SAMEN] if len(teams) > 1 else []) + [team.pk for team in teams]
    ]
    codes = {str(team.pk): team.code for team in teams}
    for sectie in secties:
        sectie.team_code = codes.get(sectie.sleutel, "")
    return Dashboard(teams, reeks, secties, van, tot, blad, verborgen)


def _maandtabel(sleutel, titel, eenheid, reeks, regels, waarden, getoond, verborgen, grafiek=True):
    """A table with a row per measure and a column per month, and its chart."""
    rijen = [
        Rij(label, [getoond[(eenheid, meting, waarde, m.sleutel)] for m in reeks])
        for label, meting, waarde in regels
    ]
    diagram = None
    if grafiek:
        reeksen = [
            (
                label,
                [
                    None
                    if (eenheid, meting, waarde, m.sleutel) in verborgen
                    else waarden[(eenheid, meting, waarde, m.sleutel)]
                    for m in reeks
                ],
            )
            for label, meting, waarde in regels[:2]
        ]
        hoogste = max([w or 0 for _, ws in reeksen for w in ws] + [1])
        diagram = staafdiagram(
            titel=titel,
            categorieen=[maandlabel(m) for m in reeks],
            reeksen=reeksen,
            maximum=hoogste,
        )
    return Tabel(sleutel, titel, [maandlabel(m) for m in reeks], rijen, diagram)


def _sectie(eenheid, naam, reeks, waarden, getoond, verborgen, knelpunten) -> Sectie:
    args = (eenheid, reeks)
    sectie = Sectie(naam, str(eenheid))
    sectie.tabellen.append(
        _maandtabel(
            f"clienten-{eenheid}",
            "Cliënten: in beeld (einde maand), instroom en uitstroom",
            *args,
            [
                ("In beeld", "in_beeld", ""),
                ("Met geldige vergunning", "met_vergunning", ""),
                ("Instroom", "instroom", ""),
                ("Uitstroom", "uitstroom", ""),
                *((f"Uitstroom: {r.label.lower()}", "uitstroom", r.value) for r in UitstroomReden),
            ],
            waarden,
            getoond,
            verborgen,
        )
    )
    for naam_verdeling, keuzes, titel in [
        ("woonsituatie", Woonsituatie, "Woonsituatie (einde maand)"),
        ("intensiteit", Intensiteit, "Intensiteit van de begeleiding (einde maand)"),
    ]:
        sectie.tabellen.append(
            _maandtabel(
                f"{naam_verdeling}-{eenheid}",
                titel,
                *args,
                [(k.label, naam_verdeling, k.value) for k in keuzes]
                + [("Niet vastgelegd", naam_verdeling, GEEN_WAARDE)],
                waarden,
                getoond,
                verborgen,
                grafiek=False,
            )
        )
    sectie.tabellen.append(
        _maandtabel(
            f"gebeurtenissen-{eenheid}",
            "Contacten, time-outs, escalaties en budget",
            *args,
            [(label, sleutel, "") for sleutel, label in GEBEURTENISSEN],
            waarden,
            getoond,
            verborgen,
        )
    )
    tabel, notities = knelpuntentabel(eenheid, knelpunten)
    sectie.tabellen.append(tabel)
    sectie.notities = notities
    return sectie


@dataclass
class Knelpuntcijfers:
    """The barrier figures of a page: what the table per unit and the memos are made of."""

    categorieen: list[Knelpuntcategorie]
    waarden: dict
    getoond: dict  # as shown: suppressed on the dashboard, exact for the coordinator
    verborgen: dict | set
    dagen: dict
    notities: dict[tuple[int, str], Knelpuntnotitie]


def exacte_knelpuntcijfers(team: Team, van: dt.date, tot: dt.date) -> Knelpuntcijfers:
    """One team's barrier figures, exact (the coordinator's own view). Three queries."""
    knelpunten = cijfers.knelpunten([team], van, tot)
    categorieen = knelpuntcategorieen(knelpunten)
    per_team = knelpunten.get(team.pk, {})
    waarden, dagen = {}, {}
    for categorie in categorieen:
        for soort in ("open", "nieuw", "opgelost"):
            waarden[(team.pk, f"knelpunt_{soort}", categorie.code, "")] = per_team.get(
                f"{soort}_{categorie.code}", 0
            )
        dagen[(team.pk, categorie.code)] = per_team.get(f"dagen_{categorie.code}", 0)
    getoond = {sleutel: str(waarde) for sleutel, waarde in waarden.items()}
    return Knelpuntcijfers(categorieen, waarden, getoond, set(), dagen, knelpuntnotities([team]))


def knelpuntentabel(eenheid, k: Knelpuntcijfers) -> tuple[Tabel, list[Notitie]]:
    """The barriers per category of one unit, and the unit's memos beside them (a team
    has memos; all teams together have none of their own)."""
    rijen, notities = [], []
    for categorie in k.categorieen:
        cellen = [
            k.getoond[(eenheid, f"knelpunt_{soort}", categorie.code, "")]
            for soort in ("open", "nieuw", "opgelost")
        ]
        opgelost = (eenheid, "knelpunt_opgelost", categorie.code, "")
        n = k.waarden[opgelost]
        cellen.append(
            "–"
            if not n
            else "×"
            if opgelost in k.verborgen
            else f"{k.dagen.get((eenheid, categorie.code), 0) / n:.0f}"
        )
        label = categorie.naam if categorie.actief else f"{categorie.naam} (niet meer in gebruik)"
        notitie = k.notities.get((eenheid, categorie.code))
        anker = f"notitie-{eenheid}-{categorie.code}" if notitie else ""
        rijen.append(Rij(label, cellen, anker, categorie.code))
        if notitie:
            notities.append(
                Notitie(anker, label, list(zip(KNELPUNTKOLOMMEN, cellen, strict=True)), notitie)
            )
    tabel = Tabel(
        f"knelpunten-{eenheid}",
        "Knelpunten per categorie in de gekozen periode",
        KNELPUNTKOLOMMEN,
        rijen,
        notitiekolom=eenheid != SAMEN,
    )
    return tabel, notities
