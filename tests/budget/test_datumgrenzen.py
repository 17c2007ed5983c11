"""Budget date rules at month ends, year ends and on 29 February.

A spend fits its budget from the first through the last day of the period; a time-out
lasts at most 14 days counting both ends, also across a month or year end, and counts
for the calendar year it starts in; months of a period are calendar months.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from budget import services
from budget.constants import BudgetSoort
from budget.models import TimeOut, Uitgave
from budget.selectors import maanden, per_maand, time_outs_in_jaar

pytestmark = pytest.mark.django_db

D = dt.date
DAG = dt.timedelta(days=1)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(datum: dt.date, uur: int, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(uur, minuut), tzinfo=AMSTERDAM)


@pytest.fixture
def ver_na_2028():
    """Every date of these tests lies in the past."""
    with time_machine.travel(lokaal(D(2030, 6, 15), 12), tick=False):
        yield


def budget(team, coordinator, soort, van, tot, naam=None):
    return services.budget_aanmaken(
        team=team,
        naam=naam or f"{soort} {van}",
        soort=soort,
        van=van,
        tot=tot,
        bedrag=Decimal("50000.00"),
        door=coordinator,
    )


@pytest.mark.usefixtures("ver_na_2028")
@pytest.mark.parametrize(
    ("van", "tot"),
    [
        pytest.param(D(2027, 1, 1), D(2027, 12, 31), id="kalenderjaar"),
        pytest.param(D(2027, 3, 1), D(2028, 2, 29), id="tot-29-februari"),
        pytest.param(D(2028, 2, 29), D(2028, 3, 31), id="vanaf-29-februari"),
        pytest.param(D(2027, 12, 1), D(2028, 1, 31), id="over-de-jaargrens"),
    ],
)
def test_uitgave_van_de_eerste_tot_en_met_de_laatste_dag(team, coordinator, casemanager, van, tot):
    flex = budget(team, coordinator, BudgetSoort.FLEXBUDGET, van, tot)

    def uitgeven(datum):
        return services.uitgave_registreren(
            budget=flex, datum=datum, bedrag=Decimal("10.00"), categorie="kleding", door=casemanager
        )

    assert uitgeven(van).datum == van
    assert uitgeven(tot).datum == tot
    for buiten in (van - DAG, tot + DAG):
        with pytest.raises(ValidationError, match="buiten de periode"):
            uitgeven(buiten)
    assert sorted(Uitgave.objects.values_list("datum", flat=True)) == [van, tot]


@pytest.mark.parametrize("vandaag", [D(2028, 1, 1), D(2028, 2, 29), D(2027, 10, 31)])
def test_uitgave_van_vandaag_net_na_middernacht(team, coordinator, casemanager, vandaag):
    """Just after local midnight UTC still has yesterday; the spend of today is accepted,
    and one for tomorrow is refused just before midnight."""
    flex = budget(team, coordinator, BudgetSoort.FLEXBUDGET, D(2027, 1, 1), D(2028, 12, 31))
    gegevens = {"budget": flex, "bedrag": Decimal("10.00"), "categorie": "kleding"}
    with time_machine.travel(lokaal(vandaag, 0, 5), tick=False):
        services.uitgave_registreren(datum=vandaag, door=casemanager, **gegevens)
    with (
        time_machine.travel(lokaal(vandaag, 23, 55), tick=False),
        pytest.raises(ValidationError, match="in de toekomst"),
    ):
        services.uitgave_registreren(datum=vandaag + DAG, door=casemanager, **gegevens)
    assert list(Uitgave.objects.values_list("datum", flat=True)) == [vandaag]


@pytest.mark.usefixtures("ver_na_2028")
class TestTimeOut:
    @pytest.fixture
    def registreer(self, team, coordinator, casemanager, client_van_team):
        budget(team, coordinator, BudgetSoort.TIME_OUT, D(2027, 1, 1), D(2028, 12, 31))

        def time_out(van, tot):
            return services.timeout_registreren(
                client=client_van_team,
                locatie="Het Hoogeland, Beekbergen",
                van=van,
                tot=tot,
                dagtarief=Decimal("100.00"),
                door=casemanager,
            )

        return time_out

    @pytest.mark.parametrize(
        ("van", "veertiende_dag"),
        [
            pytest.param(D(2027, 12, 25), D(2028, 1, 7), id="over-de-jaargrens"),
            pytest.param(D(2028, 2, 16), D(2028, 2, 29), id="tot-29-februari"),
            pytest.param(D(2028, 2, 17), D(2028, 3, 1), id="over-29-februari"),
            pytest.param(D(2027, 2, 16), D(2027, 3, 1), id="over-28-februari"),
            pytest.param(D(2027, 1, 18), D(2027, 1, 31), id="tot-31-januari"),
        ],
    )
    def test_veertien_dagen_met_begin_en_einde(self, registreer, van, veertiende_dag):
        with pytest.raises(ValidationError, match="deze duurt 15 dagen"):
            registreer(van, veertiende_dag + DAG)
        time_out = registreer(van, veertiende_dag)
        assert (time_out.dagen, time_out.kosten) == (14, Decimal("1400.00"))

    def test_telt_in_het_jaar_waarin_ze_begint(self, registreer, team):
        for maand in range(1, 6):
            registreer(D(2027, maand, 1), D(2027, maand, 2))
        registreer(D(2027, 12, 31), D(2028, 1, 3))  # the sixth of 2027
        assert time_outs_in_jaar(team, 2027) == 6
        assert time_outs_in_jaar(team, 2028) == 0
        with pytest.raises(ValidationError, match="in 2027 al 6 time-outs"):
            registreer(D(2027, 12, 31), D(2027, 12, 31))
        # 1 January starts a new count.
        assert registreer(D(2028, 1, 1), D(2028, 1, 1)).van == D(2028, 1, 1)
        assert time_outs_in_jaar(team, 2028) == 1
        assert TimeOut.objects.count() == 7


@pytest.mark.parametrize(
    ("van", "tot", "verwacht"),
    [
        (
            D(2027, 11, 15),
            D(2028, 2, 10),
            [D(2027, 11, 1), D(2027, 12, 1), D(2028, 1, 1), D(2028, 2, 1)],
        ),
        (D(2028, 1, 31), D(2028, 3, 1), [D(2028, 1, 1), D(2028, 2, 1), D(2028, 3, 1)]),
        (D(2027, 1, 31), D(2027, 3, 31), [D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1)]),
        (D(2027, 12, 31), D(2027, 12, 31), [D(2027, 12, 1)]),
        (D(2028, 2, 29), D(2028, 2, 29), [D(2028, 2, 1)]),
        (D(2027, 1, 1), D(2027, 12, 31), [D(2027, maand, 1) for maand in range(1, 13)]),
    ],
)
def test_maanden_van_een_periode(van, tot, verwacht):
    assert maanden(van, tot) == verwacht


@pytest.mark.usefixtures("ver_na_2028")
def test_gebruik_per_maand_rond_de_jaargrens(team, coordinator, casemanager):
    flex = budget(team, coordinator, BudgetSoort.FLEXBUDGET, D(2027, 12, 1), D(2028, 2, 29))
    for datum, bedrag in [
        (D(2027, 12, 31), "10.00"),
        (D(2028, 1, 1), "20.00"),
        (D(2028, 1, 31), "30.00"),
        (D(2028, 2, 29), "40.00"),
    ]:
        services.uitgave_registreren(
            budget=flex, datum=datum, bedrag=Decimal(bedrag), categorie="kleding", door=casemanager
        )
    assert [(rij["maand"], rij["totaal"]) for rij in per_maand(flex)] == [
        (D(2027, 12, 1), Decimal("10.00")),
        (D(2028, 1, 1), Decimal("50.00")),
        (D(2028, 2, 1), Decimal("40.00")),
    ]
