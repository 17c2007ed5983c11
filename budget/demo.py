"""A demo flex budget with a believable year of spends, and a time-out budget with two
time-outs, for Stapteam Nijmegen. All fictional; part of ``manage.py seed_demo``.

The budgets run over the last twelve months (so a year of spends exists whenever the demo
is made). A few spends above the threshold were approved, one was rejected, the newest
still waits for the coordinator; one spend was partly corrected; some have a receipt.
"""

import datetime as dt
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from budget import services
from budget.constants import BudgetSoort
from budget.models import Budget
from budget.selectors import maanden, saldo
from clients.constants import Status
from clients.models import Client
from stapteam.datums import maanden_terug
from stapteam.demo import DemoContext
from stapteam.demo_pdf import eenvoudige_pdf

# category, description, lowest and highest amount in euros
UITGAVEN = [
    ("kleding", "Winterjas en schoenen", 25, 90),
    ("kleding", "Ondergoed en sokken", 10, 35),
    ("voeding", "Boodschappen voor de week", 15, 45),
    ("voeding", "Warme maaltijd na de avondronde", 6, 14),
    ("vervoer", "Buskaart naar afspraak", 4, 18),
    ("vervoer", "Treinkaartje naar intake", 12, 40),
    ("telefoon", "Beltegoed om bereikbaar te blijven", 10, 20),
    ("documenten", "Pasfoto's voor ID-kaart", 9, 16),
    ("zorgkosten", "Eigen bijdrage medicatie", 5, 40),
    ("slaapplek", "Nacht in het pension", 35, 60),
    ("activiteit", "Kookmiddag in de huiskamer", 15, 40),
    ("dierenarts", "Vaccinatie van haar hond", 30, 75),
    ("overig", "Kapper voor sollicitatiegesprek", 15, 30),
]
# Kept free for the spend that still waits for approval at the end.
RESERVE = Decimal("400.00")
# Larger spends, above the approval threshold.
GROOT = [
    ("documenten", "Aanvraag ID-kaart met spoedlevering", Decimal("284.50")),
    ("huisvesting", "Borg voor een kamer", Decimal("450.00")),
    ("huisvesting", "Eerste huur van de kamer", Decimal("395.00")),
]


def _periode(vandaag: dt.date) -> tuple[dt.date, dt.date]:
    """Twelve whole calendar months ending with the current one, so today's spends fit."""
    van = maanden_terug(vandaag.replace(day=1), 11)
    tot = van.replace(year=van.year + 1) - dt.timedelta(days=1)
    return van, tot


def _bon(regels) -> SimpleUploadedFile:
    return SimpleUploadedFile("bon.pdf", eenvoudige_pdf(regels), content_type="application/pdf")


def budgetten(context: DemoContext) -> None:
    team = context.teams["stapteam-nijmegen"]
    if Budget.objects.filter(team=team).exists():
        return
    g = context.gebruikers
    coordinator, casemanagers = g["coordinator1"], [g["casemanager1"], g["casemanager2"]]
    vandaag = timezone.localdate()
    willekeur = random.Random("demo-budget")
    van, tot = _periode(vandaag)
    jaren = f"{van.year}" if van.year == tot.year else f"{van.year}/{tot.year}"
    flex = services.budget_aanmaken(
        team=team,
        naam=f"Flexbudget {jaren}",
        soort=BudgetSoort.FLEXBUDGET,
        van=van,
        tot=tot,
        bedrag=Decimal("5000.00"),
        door=coordinator,
    )
    clienten = list(
        Client.objects.filter(team=team).exclude(status=Status.UITGESTROOMD).order_by("code")
    )

    eerste_maanden = maanden(van, vandaag)
    for nummer, maand in enumerate(eerste_maanden):
        laatste_dag = min(
            vandaag, (maand + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        )
        for _ in range(willekeur.randint(3, 6)):
            categorie, omschrijving, laag, hoog = willekeur.choice(UITGAVEN)
            datum = maand + dt.timedelta(days=willekeur.randint(0, (laatste_dag - maand).days))
            medewerker = willekeur.choice(casemanagers)
            client = willekeur.choice(clienten)
            bedrag = Decimal(willekeur.randint(laag * 100, hoog * 100)) / 100
            if bedrag > saldo(flex).beschikbaar - RESERVE:
                continue
            services.uitgave_registreren(
                budget=flex,
                datum=datum,
                bedrag=bedrag,
                categorie=categorie,
                client=client,
                omschrijving=omschrijving,
                bonnetje=_bon(["Kassabon (fictief, demo)", omschrijving, f"EUR {bedrag}"])
                if willekeur.random() < 0.35
                else None,
                door=medewerker,
            )
        if nummer % 4 == 1:  # now and then a larger spend for the coordinator
            categorie, omschrijving, bedrag = GROOT[(nummer // 4) % len(GROOT)]
            if bedrag > saldo(flex).beschikbaar - RESERVE:
                continue
            uitgave = services.uitgave_registreren(
                budget=flex,
                datum=laatste_dag,
                bedrag=bedrag,
                categorie=categorie,
                client=willekeur.choice(clienten),
                omschrijving=omschrijving,
                bonnetje=_bon(["Factuur (fictief, demo)", omschrijving, f"EUR {bedrag}"]),
                door=willekeur.choice(casemanagers),
            )
            services.uitgave_beoordelen(
                uitgave=uitgave,
                goedkeuren=nummer != 5,
                toelichting=""
                if nummer != 5
                else "Eerst navragen of de woningcorporatie dit betaalt.",
                door=coordinator,
            )
    # The newest ones: one correction, one spend still waiting for approval.
    gewone = flex.uitgaven.filter(categorie="kleding", status="goedgekeurd").order_by("-datum")
    if gewone.exists():
        services.uitgave_corrigeren(
            uitgave=gewone.first(),
            bedrag=Decimal("10.00"),
            reden="Deel van de kleding teruggebracht; geld terug in de kas.",
            door=coordinator,
        )
    services.uitgave_registreren(
        budget=flex,
        datum=vandaag,
        bedrag=Decimal("312.00"),
        categorie="huisvesting",
        client=clienten[0],
        omschrijving="Borg voor een kamer via de woningcorporatie",
        door=casemanagers[0],
    )

    timeout_budget = services.budget_aanmaken(
        team=team,
        naam=f"Time-outbudget {jaren}",
        soort=BudgetSoort.TIME_OUT,
        van=van,
        tot=tot,
        bedrag=Decimal("8000.00"),
        door=coordinator,
    )
    for client, dagen_geleden, dagen in [
        (clienten[3], 120, 10),
        (clienten[16 % len(clienten)], 30, 7),
    ]:
        begin = max(van, vandaag - dt.timedelta(days=dagen_geleden))
        services.timeout_registreren(
            client=client,
            locatie="Het Hoogeland, Beekbergen",
            van=begin,
            tot=begin + dt.timedelta(days=dagen - 1),
            dagtarief=Decimal("148.75"),
            budget=timeout_budget,
            door=casemanagers[0],
        )
