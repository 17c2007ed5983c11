"""Many people spending at the same moment: the balance never goes below zero.

Only meaningful on PostgreSQL, where transactions really run side by side (SQLite takes
one writer at a time anyway). Each thread has its own database connection and its own
transaction; a barrier lets them start together.
"""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from budget import services
from budget.constants import BudgetSoort, UitgaveStatus
from budget.models import Budget, TimeOut, Uitgave
from budget.selectors import saldo
from stapteam.constants import Rol
from tests.factories import ClientFactory, TeamFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="gelijktijdige transacties: alleen PostgreSQL"
    ),
    # serialized_rollback: the flush after each test would otherwise also remove what the
    # migrations put in (organisations), for this test and every test after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AANTAL = 20


def tegelijk(aantal: int, werk) -> list[str]:
    """Run ``werk(i)`` in ``aantal`` threads at once; 'ok' or the refusal, per thread."""
    start = threading.Barrier(aantal)
    uitkomsten: list[str] = []
    slot = threading.Lock()

    def draai(i: int) -> None:
        try:
            start.wait()
            werk(i)
            uitkomst = "ok"
        except ValidationError as fout:
            uitkomst = " ".join(fout.messages)
        except Exception as fout:
            uitkomst = f"onverwacht: {fout!r}"
        finally:
            connection.close()
        with slot:
            uitkomsten.append(uitkomst)

    draden = [threading.Thread(target=draai, args=(i,)) for i in range(aantal)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return uitkomsten


def test_parallelle_uitgaven_gaan_nooit_onder_nul():
    team = TeamFactory(goedkeuringsdrempel=Decimal("1000.00"))
    casemanagers = [UserFactory(rol=Rol.CASEMANAGER, team=team) for _ in range(4)]
    budget = services.budget_aanmaken(
        team=team,
        naam="Flexbudget",
        soort=BudgetSoort.FLEXBUDGET,
        van=dt.date(2024, 1, 1),
        tot=dt.date(2024, 12, 31),
        bedrag=Decimal("1000.00"),
        door=None,
    )
    # 150.00 each: 6 fit (900.00), the 7th would make 1050.00.
    uitkomsten = tegelijk(
        AANTAL,
        lambda i: services.uitgave_registreren(
            budget=budget,
            datum=dt.date(2024, 5, 1),
            bedrag=Decimal("150.00"),
            categorie="voeding",
            door=casemanagers[i % len(casemanagers)],
        ),
    )

    assert len(uitkomsten) == AANTAL
    assert uitkomsten.count("ok") == 6, uitkomsten
    geweigerd = [u for u in uitkomsten if u != "ok"]
    assert len(geweigerd) == AANTAL - 6
    assert all("past niet in Flexbudget" in u and "€ 100,00 beschikbaar" in u for u in geweigerd)
    budget.refresh_from_db()
    stand = saldo(budget)
    assert stand.besteed == Decimal("900.00")
    assert stand.resterend == Decimal("100.00") >= 0
    assert Uitgave.objects.filter(status=UitgaveStatus.GOEDGEKEURD).count() == 6


def test_parallelle_wachtende_uitgaven_reserveren_ook():
    """Above the threshold they wait for approval, and still cannot overbook together."""
    team = TeamFactory(goedkeuringsdrempel=Decimal("10.00"))
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    budget = services.budget_aanmaken(
        team=team,
        naam="Flexbudget",
        soort=BudgetSoort.FLEXBUDGET,
        van=dt.date(2024, 1, 1),
        tot=dt.date(2024, 12, 31),
        bedrag=Decimal("500.00"),
        door=None,
    )
    uitkomsten = tegelijk(
        AANTAL,
        lambda i: services.uitgave_registreren(
            budget=budget,
            datum=dt.date(2024, 5, 1),
            bedrag=Decimal("120.00"),
            categorie="slaapplek",
            door=casemanager,
        ),
    )
    assert uitkomsten.count("ok") == 4, uitkomsten
    assert saldo(Budget.objects.get(pk=budget.pk)).beschikbaar == Decimal("20.00")


def test_parallelle_time_outs_houden_het_jaarmaximum():
    team = TeamFactory()
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    clienten = [ClientFactory(team=team) for _ in range(AANTAL)]
    services.budget_aanmaken(
        team=team,
        naam="Time-out",
        soort=BudgetSoort.TIME_OUT,
        van=dt.date(2024, 1, 1),
        tot=dt.date(2024, 12, 31),
        bedrag=Decimal("100000.00"),
        door=None,
    )
    uitkomsten = tegelijk(
        AANTAL,
        lambda i: services.timeout_registreren(
            client=clienten[i],
            locatie="Het Hoogeland",
            van=dt.date(2024, 6, 1),
            tot=dt.date(2024, 6, 3),
            dagtarief=Decimal("100.00"),
            door=casemanager,
        ),
    )
    assert uitkomsten.count("ok") == 6, uitkomsten
    assert all("al 6 time-outs" in u for u in uitkomsten if u != "ok")
    assert TimeOut.objects.count() == 6
