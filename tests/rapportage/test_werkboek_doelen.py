"""Each imported goal goes with her plan that was current on the goal's date
(``rapportage/werkboek/plan_van_doel.py``, docs/beslissingen.md)."""

import datetime as dt

import pytest

from clients import services as client_services
from plannen import services as plannen_services
from plannen.models import Doel, Plan
from rapportage.werkboek.plan_van_doel import plan_van_doel, plannen_op_volgorde

from .conftest import werkboek_bytes

D = dt.date


def plan(pk: int, client_id: int, opgesteld_op: dt.date) -> Plan:
    return Plan(pk=pk, client_id=client_id, opgesteld_op=opgesteld_op)


# --- The rule on its own ---------------------------------------------------------------


def test_plannen_op_volgorde_per_client_van_vroeg_naar_laat():
    laat = plan(1, 7, D(2023, 1, 1))
    vroeg = plan(2, 7, D(2021, 4, 1))
    ander = plan(3, 8, D(2022, 1, 1))
    assert plannen_op_volgorde([laat, vroeg, ander]) == {7: [vroeg, laat], 8: [ander]}


def test_plannen_van_een_dag_in_de_volgorde_waarin_ze_zijn_geschreven():
    tweede, eerste = plan(12, 7, D(2023, 1, 1)), plan(11, 7, D(2023, 1, 1))
    assert plannen_op_volgorde([tweede, eerste]) == {7: [eerste, tweede]}
    # A goal of that day goes with the later-written one: the latest plan.
    assert plan_van_doel([eerste, tweede], D(2023, 1, 1)) is tweede


@pytest.mark.parametrize(
    ("gesteld_op", "verwacht"),
    [
        (D(2021, 1, 15), "eerste"),  # before both: the first plan
        (D(2021, 3, 31), "eerste"),  # the day before the first
        (D(2021, 4, 1), "eerste"),  # the first plan's own day
        (D(2022, 6, 1), "eerste"),  # between the two
        (D(2022, 12, 31), "eerste"),  # the day before the second
        (D(2023, 1, 1), "tweede"),  # the second plan's own day
        (D(2025, 6, 1), "tweede"),  # after both
    ],
)
def test_een_doel_hoort_bij_het_laatste_plan_van_voor_of_op_zijn_datum(gesteld_op, verwacht):
    plannen = {"eerste": plan(1, 7, D(2021, 4, 1)), "tweede": plan(2, 7, D(2023, 1, 1))}
    volgorde = plannen_op_volgorde(plannen.values())[7]
    assert plan_van_doel(volgorde, gesteld_op) is plannen[verwacht]


@pytest.mark.parametrize("gesteld_op", [D(2020, 1, 1), D(2021, 4, 1), D(2026, 1, 1)])
def test_met_een_plan_hoort_elk_doel_bij_dat_plan(gesteld_op):
    enige = plan(1, 7, D(2021, 4, 1))
    assert plan_van_doel([enige], gesteld_op) is enige


def test_zonder_plan_hoort_een_doel_bij_geen_plan():
    assert plan_van_doel([], D(2021, 4, 1)) is None


# --- Through the importer ----------------------------------------------------------------


def doelen_werkboek() -> dict[str, list[list]]:
    """Kim with two plans (written in the workbook latest first), Noor with one, Lotte
    with none; goals before, on and between their plans' days."""
    return {
        "clienten": [
            ["0001", "Kim", *[None] * 5, "2021-01-01", "actief", None, None, None, None],
            ["0002", "Noor", *[None] * 5, "2021-01-01", "actief", None, None, None, None],
            ["0003", "Lotte", *[None] * 5, "2021-01-01", "actief", None, None, None, None],
        ],
        "plannen": [
            ["0001", "2023-01-01", "actief", "2026-06-01"],
            ["0001", "2021-04-01", "afgesloten", None],
            ["0002", "2022-05-01", "actief", None],
        ],
        "doelen": [
            ["0001", "wonen", "voor het eerste plan", "behaald", "2021-02-01"],
            ["0001", "wonen", "op de dag van het eerste", "behaald", "2021-04-01"],
            ["0001", "financien", "ertussen", "behaald", "2022-06-01"],
            ["0001", "financien", "de dag voor het tweede", "loopt", "2022-12-31"],
            ["0001", "veiligheid", "op de dag van het tweede", "loopt", "2023-01-01"],
            ["0001", "veiligheid", "erna", "open", "2025-06-01"],
            ["0002", "wonen", "voor haar plan", "loopt", "2021-06-01"],
            ["0002", "wonen", "na haar plan", "loopt", "2024-06-01"],
            ["0003", "wonen", "zonder plan", "open", "2023-01-01"],
        ],
    }


def plan_per_doel(team) -> dict[str, dt.date | None]:
    """Goal → the day its plan was drawn up (None: no plan)."""
    return dict(
        Doel.objects.filter(client__team=team).values_list("omschrijving", "plan__opgesteld_op")
    )


@pytest.mark.django_db
def test_import_koppelt_elk_doel_aan_het_plan_van_zijn_datum(team, importeer, coordinator):
    verslag = importeer(werkboek_bytes(doelen_werkboek()), team.code, door=coordinator)
    assert verslag.geslaagd, verslag.regels()
    assert verslag.aantallen["doelen"] == 9
    assert plan_per_doel(team) == {
        "voor het eerste plan": D(2021, 4, 1),
        "op de dag van het eerste": D(2021, 4, 1),
        "ertussen": D(2021, 4, 1),
        "de dag voor het tweede": D(2021, 4, 1),
        "op de dag van het tweede": D(2023, 1, 1),
        "erna": D(2023, 1, 1),
        "voor haar plan": D(2022, 5, 1),
        "na haar plan": D(2022, 5, 1),
        "zonder plan": None,
    }
    # Each goal's plan is her own.
    for doel in Doel.objects.filter(client__team=team, plan__isnull=False):
        assert doel.plan.client_id == doel.client_id


@pytest.mark.django_db
def test_twee_plannen_op_een_dag_het_later_geschreven_krijgt_de_doelen_van_die_dag(
    team, importeer, coordinator
):
    bladen = doelen_werkboek()
    bladen["plannen"] = [
        ["0001", "2023-01-01", "afgesloten", None],
        ["0001", "2023-01-01", "actief", None],
    ]
    bladen["doelen"] = [["0001", "wonen", "die dag", "loopt", "2023-01-01"]]
    verslag = importeer(werkboek_bytes(bladen), team.code, door=coordinator)
    assert verslag.geslaagd, verslag.regels()
    doel = Doel.objects.get(client__team=team)
    assert doel.plan.status == "actief"
    assert doel.plan == Plan.objects.filter(client__team=team).latest("pk")


@pytest.mark.django_db
def test_doelen_bij_een_plan_dat_het_team_al_had(team, casemanager, importeer, coordinator):
    """A goal for a client already in the team goes with her plan in the database."""
    kim = client_services.client_aanmaken(
        team=team, door=casemanager, roepnaam="Kim", in_beeld_sinds=D(2021, 1, 1)
    )
    bestaand = plannen_services.plan_opstellen(
        client=kim, door=casemanager, opgesteld_op=D(2021, 4, 1), status="actief"
    )
    bladen = {"doelen": [[kim.code, "wonen", "een eigen kamer", "loopt", "2024-01-01"]]}
    verslag = importeer(werkboek_bytes(bladen), team.code, door=coordinator)
    assert verslag.geslaagd, verslag.regels()
    assert Doel.objects.get(client=kim).plan == bestaand
