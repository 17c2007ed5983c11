"""The demo: two teams' coherent history, ending today (``manage.py seed_demo``).

``stapteam.demo`` makes the teams and one account per role; this package tells what
happened in each team — women coming into view and some leaving, their contacts,
situations, plans, ZRM, results, barriers, permits, a handover or two, an escalation, a
budget year, and what the team tells the municipality about its barriers — and replays it
through the services with the clock at each moment (``tijdlijn``). Each team kept
spreadsheets until it moved onto Stapteam some ten months ago: what they held then comes
in through the importer (``overstap``). Same data every run (seeded randomness), relative
to today.
"""

from decimal import Decimal

from clients.models import Client
from rapportage.demo import verhaal
from rapportage.demo.budget import budgetjaar
from rapportage.demo.clienten import Bezetting, Verhaal
from rapportage.demo.notities import knelpuntnotities
from rapportage.demo.overstap import overstappen
from rapportage.demo.tijdlijn import Tijdlijn
from stapteam.demo import DemoContext
from stapteam.models import Organisatie

PARTIJEN = ["iriszorg", "leger_des_heils", "ggd", "zvh", "huisarts", "gemeente"]

TEAMS = [
    # team, cast, casemanagers, coordinator, peer worker, procesregisseur, flex budget,
    # spends per month
    (
        "stapteam-nijmegen",
        verhaal.NIJMEGEN,
        ["casemanager1", "casemanager2"],
        "coordinator1",
        "ervaringsdeskundige1",
        "procesregisseur1",
        Decimal("5000.00"),
        (3, 6),
    ),
    (
        "stapteam-arnhem",
        verhaal.ARNHEM,
        ["casemanager3"],
        "coordinator2",
        None,
        None,
        Decimal("2000.00"),
        (1, 3),
    ),
]


def geschiedenis(context: DemoContext) -> None:
    """Each team's story, unless the team has clients already (running twice changes
    nothing)."""
    partijen = list(Organisatie.objects.filter(code__in=PARTIJEN))
    for code, cast, casemanagers, coordinator, ed, regisseur, bedrag, per_maand in TEAMS:
        team = context.teams[code]
        if Client.objects.filter(team=team).exists():
            continue
        g = context.gebruikers
        bezetting = Bezetting(
            team=team,
            casemanagers=[g[naam] for naam in casemanagers],
            coordinator=g[coordinator],
            ervaringsdeskundige=g[ed] if ed else None,
            procesregisseur=g[regisseur] if regisseur else None,
            partijen=partijen,
        )
        tijdlijn = Tijdlijn()
        verhalen = [
            Verhaal(vrouw, nummer, bezetting, tijdlijn)
            for nummer, vrouw in enumerate(cast, start=1)
        ]
        for verhaal_ in verhalen:
            verhaal_.vertellen()
        budgetjaar(bezetting, verhalen, tijdlijn, bedrag=bedrag, per_maand=per_maand)
        knelpuntnotities(bezetting, tijdlijn)
        overstappen(bezetting, tijdlijn, verhalen)
        tijdlijn.afspelen()
