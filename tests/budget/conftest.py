import datetime as dt
from decimal import Decimal

import pytest

from budget import services
from budget.constants import BudgetSoort

JAAR = dt.date(2024, 1, 1)


@pytest.fixture
def flexbudget(team, coordinator):
    return services.budget_aanmaken(
        team=team,
        naam="Flexbudget 2024",
        soort=BudgetSoort.FLEXBUDGET,
        van=dt.date(2024, 1, 1),
        tot=dt.date(2024, 12, 31),
        bedrag=Decimal("1000.00"),
        door=coordinator,
    )


@pytest.fixture
def timeoutbudget(team, coordinator):
    return services.budget_aanmaken(
        team=team,
        naam="Time-outbudget 2024",
        soort=BudgetSoort.TIME_OUT,
        van=dt.date(2024, 1, 1),
        tot=dt.date(2024, 12, 31),
        bedrag=Decimal("20000.00"),
        door=coordinator,
    )


@pytest.fixture
def uitgeven(flexbudget, casemanager):
    """``uitgeven(bedrag, **meer)``: a spend from the flex budget by the casemanager."""

    def uitgave(bedrag, **meer):
        gegevens = {
            "budget": flexbudget,
            "datum": dt.date(2024, 3, 5),
            "bedrag": Decimal(bedrag),
            "categorie": "kleding",
            "door": casemanager,
        } | meer
        return services.uitgave_registreren(**gegevens)

    return uitgave
