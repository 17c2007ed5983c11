"""Support pages through HTTP: wrong input gets a Dutch message and saves nothing; the
dossier shows plan, ZRM chart, results and barriers; the plan prints cleanly."""

import datetime as dt

import pytest
from django.urls import reverse

from plannen import services
from plannen.constants import PlanStatus
from plannen.models import Doel, Plan, ZRMMeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(kim, casemanager):
    return services.plan_opstellen(
        client=kim,
        door=casemanager,
        opgesteld_op=dt.date(2024, 1, 10),
        status=PlanStatus.ACTIEF,
        evaluatie_op=dt.date(2024, 6, 1),
    )


def test_plan_opstellen(als, casemanager, kim):
    antwoord = als(casemanager).post(
        reverse("plannen:plan_nieuw", args=[kim.pk]),
        {
            "opgesteld_op": "2024-02-01",
            "met_client": "on",
            "status": "actief",
            "evaluatie_op": "2024-05-01",
            "methodieken": ["presentie", "krachtwerk"],
        },
    )
    plan = Plan.objects.get()
    assert antwoord["Location"] == reverse("plannen:plan", args=[kim.pk, plan.pk])
    assert plan.methodieken == ["presentie", "krachtwerk"]
    assert plan.opgesteld_door == casemanager


def test_doel_zonder_domein_via_het_formulier(als, casemanager, kim, plan):
    pagina = als(casemanager).post(
        reverse("plannen:doel_nieuw", args=[kim.pk, plan.pk]),
        {
            "levensdomein": "",
            "omschrijving": "Een eigen huis",
            "status": "open",
            "gesteld_op": "2024-02-01",
        },
    )
    html = pagina.content.decode()
    assert "Kies het levensdomein van dit doel" in html
    assert "Er is niets opgeslagen" in html
    assert not Doel.objects.exists()


def test_zrm_score_zes_via_het_formulier(als, casemanager, kim):
    pagina = als(casemanager).post(
        reverse("plannen:zrm_nieuw", args=[kim.pk]),
        {"datum": "2024-02-01", "financien": "6", "huisvesting": "2"},
    )
    assert "Een ZRM-score is 1, 2, 3, 4 of 5" in pagina.content.decode()
    assert not ZRMMeting.objects.exists()

    goed = als(casemanager).post(
        reverse("plannen:zrm_nieuw", args=[kim.pk]),
        {"datum": "2024-02-01", "financien": "3", "huisvesting": ""},
    )
    assert goed.status_code == 302
    meting = ZRMMeting.objects.get()
    assert (meting.financien, meting.huisvesting, meting.afgenomen_door) == (3, None, casemanager)


def test_zrm_toekomst_datum(als, casemanager, kim):
    pagina = als(casemanager).post(
        reverse("plannen:zrm_nieuw", args=[kim.pk]), {"datum": "2999-01-01", "financien": "3"}
    )
    assert "De datum ligt in de toekomst" in pagina.content.decode()
    assert not ZRMMeting.objects.exists()


def test_dossier_toont_zrm_als_grafiek_en_tabel(als, casemanager, kim):
    for datum, score in [(dt.date(2023, 1, 1), 2), (dt.date(2024, 1, 1), 4)]:
        services.zrm_vastleggen(
            client=kim, datum=datum, door=casemanager, scores={"financien": score}
        )
    html = als(casemanager).get(reverse("clients:dossier", args=[kim.pk])).content.decode()
    assert '<svg class="grafiek"' in html
    assert "Eerste (01-01-2023)" in html and "Laatste (01-01-2024)" in html
    assert 'style="' not in html[html.index("<svg") : html.index("</svg>")]  # strict CSP
    assert '<td class="getal">+2</td>' in html


def test_dossier_toont_resultaten_in_tijdsvolgorde(als, casemanager, kim):
    services.resultaat_vastleggen(
        client=kim, soort="huisarts", datum=dt.date(2024, 3, 1), door=casemanager
    )
    services.resultaat_vastleggen(
        client=kim, soort="tandarts", datum=dt.date(2023, 3, 1), door=casemanager
    )
    html = als(casemanager).get(reverse("clients:dossier", args=[kim.pk])).content.decode()
    assert html.index("Tandarts") < html.index("Huisarts")


def test_afdrukversie_zonder_menu(als, casemanager, kim, plan):
    services.doel_toevoegen(
        client=kim, plan=plan, door=casemanager, levensdomein="wonen", omschrijving="Een eigen huis"
    )
    html = (
        als(casemanager)
        .get(reverse("plannen:plan_afdrukken", args=[kim.pk, plan.pk]))
        .content.decode()
    )
    assert "Een eigen huis" in html
    assert 'id="hoofdmenu"' not in html
    assert "data-afdrukken" in html


def test_ervaringsdeskundige_leest_het_plan_maar_wijzigt_niet(als, ervaringsdeskundige, kim, plan):
    assert (
        als(ervaringsdeskundige).get(reverse("plannen:plan", args=[kim.pk, plan.pk])).status_code
        == 200
    )
    assert (
        als(ervaringsdeskundige)
        .get(reverse("plannen:plan_wijzigen", args=[kim.pk, plan.pk]))
        .status_code
        == 403
    )


def test_plan_van_ander_team_bestaat_niet(als, ander_team, kim, plan):
    from stapteam.constants import Rol
    from tests.factories import UserFactory

    vreemde = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    assert als(vreemde).get(reverse("plannen:plan", args=[kim.pk, plan.pk])).status_code == 404
