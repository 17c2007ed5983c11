"""A team's budget year as events on the timeline: a flex budget over twelve calendar
months ending with the current one, spends every month (some with a receipt), larger ones
approved or rejected by the coordinator, one corrected, the newest still waiting; and a
time-out budget that pays the time-outs of the story.

The budgets and the spends before the team's move onto Stapteam come from its workbook
(``overstap``), so every event looks its budget up by name when it happens."""

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from budget import services
from budget.constants import BudgetSoort
from budget.models import Budget
from budget.selectors import maanden, saldo
from clients.models import Client
from rapportage.demo.clienten import Bezetting, Verhaal, _pdf
from rapportage.demo.tijdlijn import Tijdlijn
from stapteam.datums import maanden_terug

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
# Larger spends, above the approval threshold; the second one is rejected.
GROOT = [
    ("documenten", "Aanvraag ID-kaart met spoedlevering", Decimal("284.50")),
    ("huisvesting", "Borg voor een kamer", Decimal("450.00")),
    ("huisvesting", "Eerste huur van de kamer", Decimal("395.00")),
]
# Kept free for the spend that still waits for approval at the end.
RESERVE = Decimal("400.00")
DAGTARIEF_TIMEOUT = Decimal("148.75")


def periode(vandaag: dt.date) -> tuple[dt.date, dt.date]:
    """Twelve whole calendar months ending with the current one, so today's spends fit."""
    van = maanden_terug(vandaag.replace(day=1), 11)
    return van, maanden_terug(van, -12) - dt.timedelta(days=1)


def budgetjaar(
    t: Bezetting,
    verhalen: list[Verhaal],
    tijdlijn: Tijdlijn,
    *,
    bedrag: Decimal,
    per_maand: tuple[int, int],
) -> None:
    vandaag = tijdlijn.vandaag
    van, tot = periode(vandaag)
    w = random.Random(f"demo-budget-{t.team.code}")
    jaren = f"{van.year}" if van.year == tot.year else f"{van.year}/{tot.year}"
    namen = {"flex": f"Flexbudget {jaren}", "time_out": f"Time-outbudget {jaren}"}

    def budgetten(soort: str) -> Budget:
        return Budget.objects.get(team=t.team, naam=namen[soort])

    def aanmaken():
        services.budget_aanmaken(
            team=t.team,
            naam=namen["flex"],
            soort=BudgetSoort.FLEXBUDGET,
            van=van,
            tot=tot,
            bedrag=bedrag,
            door=t.coordinator,
        )
        services.budget_aanmaken(
            team=t.team,
            naam=namen["time_out"],
            soort=BudgetSoort.TIME_OUT,
            van=van,
            tot=tot,
            bedrag=Decimal("8000.00"),
            door=t.coordinator,
        )

    tijdlijn.op(tijdlijn.tijdstip(van, 8), aanmaken)

    def in_beeld_op(datum: dt.date) -> list[Verhaal]:
        return [v for v in verhalen if v.in_beeld < datum and (v.einde is None or v.einde > datum)]

    for nummer, maand in enumerate(maanden(van, vandaag)):
        laatste_dag = min(vandaag, maanden_terug(maand, -1) - dt.timedelta(days=1))
        for _ in range(w.randint(*per_maand)):
            categorie, omschrijving, laag, hoog = w.choice(UITGAVEN)
            datum = maand + dt.timedelta(days=w.randint(0, (laatste_dag - maand).days))
            kandidaten = in_beeld_op(datum)
            if not kandidaten:
                continue
            verhaal = w.choice(kandidaten)
            _uitgave(
                t,
                tijdlijn,
                budgetten,
                datum=datum,
                verhaal=verhaal,
                categorie=categorie,
                omschrijving=omschrijving,
                bedrag=Decimal(w.randint(laag * 100, hoog * 100)) / 100,
                bon=w.random() < 0.35,
            )
        if nummer % 4 == 1 and laatste_dag < vandaag:  # now and then a larger spend
            categorie, omschrijving, groot = GROOT[(nummer // 4) % len(GROOT)]
            kandidaten = in_beeld_op(laatste_dag)
            if kandidaten:
                _uitgave(
                    t,
                    tijdlijn,
                    budgetten,
                    datum=laatste_dag,
                    verhaal=w.choice(kandidaten),
                    categorie=categorie,
                    omschrijving=omschrijving,
                    bedrag=groot,
                    bon=True,
                    goedkeuren=nummer != 5,
                )

    def corrigeren():
        gewone = budgetten("flex").uitgaven.filter(categorie="kleding", status="goedgekeurd")
        laatste = gewone.order_by("-datum", "-id").first()
        if laatste is not None:
            services.uitgave_corrigeren(
                uitgave=laatste,
                bedrag=min(Decimal("10.00"), laatste.bedrag),
                reden="Deel van de kleding teruggebracht; geld terug in de kas.",
                door=t.coordinator,
            )

    tijdlijn.op(tijdlijn.tijdstip(vandaag, 9), corrigeren)
    nu = in_beeld_op(vandaag)
    if nu:
        _uitgave(
            t,
            tijdlijn,
            budgetten,
            datum=vandaag,
            verhaal=nu[0],
            categorie="huisvesting",
            omschrijving="Borg voor een kamer via de woningcorporatie",
            bedrag=Decimal("312.00"),
            bon=False,
            goedkeuren=None,
        )

    for verhaal in verhalen:
        if verhaal.v.time_out:
            dagen_geleden, dagen = verhaal.v.time_out
            begin = tijdlijn.dag(dagen_geleden)
            tijdlijn.op(
                tijdlijn.tijdstip(begin, 12),
                lambda verhaal=verhaal, begin=begin, dagen=dagen: services.timeout_registreren(
                    client=verhaal.d.client,
                    locatie="Het Hoogeland, Beekbergen",
                    van=begin,
                    tot=begin + dt.timedelta(days=dagen - 1),
                    dagtarief=DAGTARIEF_TIMEOUT,
                    budget=budgetten("time_out"),
                    door=verhaal.casemanager_op(begin),
                ),
            )


def _uitgave(
    t: Bezetting,
    tijdlijn: Tijdlijn,
    budgetten: Callable[[str], Budget],
    *,
    datum: dt.date,
    verhaal: Verhaal,
    categorie: str,
    omschrijving: str,
    bedrag: Decimal,
    bon: bool,
    goedkeuren: bool | None = True,
) -> None:
    """A spend on ``datum`` by her casemanager; above the threshold the coordinator
    approves (or rejects) it the same afternoon, unless ``goedkeuren`` is None."""
    door = verhaal.casemanager_op(datum)
    staat = {}

    def registreren():
        flex = budgetten("flex")
        if bedrag > saldo(flex).beschikbaar - RESERVE and goedkeuren is not None:
            return
        client: Client = verhaal.d.client
        staat["uitgave"] = services.uitgave_registreren(
            budget=flex,
            datum=datum,
            bedrag=bedrag,
            categorie=categorie,
            client=client,
            omschrijving=omschrijving,
            # A receipt from before the move stays in the old paper files (§7 has none).
            bonnetje=_pdf("bon.pdf", ["Kassabon (fictief, demo)", omschrijving, f"EUR {bedrag}"])
            if bon and tijdlijn.na_overstap(datum)
            else None,
            door=door,
        )

    def beoordelen():
        uitgave = staat.get("uitgave")
        if uitgave is None or uitgave.status != "ingediend":
            return
        services.uitgave_beoordelen(
            uitgave=uitgave,
            goedkeuren=goedkeuren,
            toelichting="" if goedkeuren else "Eerst navragen of de woningcorporatie dit betaalt.",
            door=t.coordinator,
        )

    tijdlijn.op(tijdlijn.tijdstip(datum, 13), registreren)
    if goedkeuren is not None:
        tijdlijn.op(tijdlijn.tijdstip(datum, 16), beoordelen)
