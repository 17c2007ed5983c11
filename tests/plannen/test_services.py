"""Plans, goals, ZRM, results and barriers: their rules, and that refused input saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plannen import services
from plannen.constants import DoelStatus, PlanStatus
from plannen.models import Doel, Knelpunt, Plan, Resultaat, Resultaattype, ZRMMeting
from plannen.selectors import (
    eerste_en_laatste_zrm,
    huidig_plan,
    huidig_plan_met_doelen,
    plan_actief_op,
    zrm_vergelijking,
)

pytestmark = pytest.mark.django_db
D = dt.date


def plan(kim, casemanager, **velden):
    return services.plan_opstellen(
        client=kim,
        door=casemanager,
        **({"opgesteld_op": D(2024, 1, 10), "status": PlanStatus.ACTIEF} | velden),
    )


class TestPlan:
    def test_een_lopend_plan_tegelijk(self, kim, casemanager):
        eerste = plan(kim, casemanager)
        with pytest.raises(ValidationError, match="al een lopend plan"):
            plan(kim, casemanager, status=PlanStatus.CONCEPT)
        services.plan_wijzigen(plan=eerste, door=casemanager, status=PlanStatus.AFGESLOTEN)
        tweede = plan(kim, casemanager, opgesteld_op=D(2024, 6, 1))
        assert huidig_plan(kim) == tweede

    def test_huidig_plan_met_zijn_doelen_geteld(self, kim, casemanager):
        oud = plan(kim, casemanager, opgesteld_op=D(2023, 1, 10))
        doel = {"levensdomein": "wonen", "omschrijving": "Een dak boven mijn hoofd"}
        services.doel_toevoegen(client=kim, door=casemanager, plan=oud, **doel)
        services.plan_wijzigen(plan=oud, door=casemanager, status=PlanStatus.AFGESLOTEN)
        nu = plan(kim, casemanager)
        for status in [DoelStatus.OPEN, DoelStatus.LOOPT, DoelStatus.BEHAALD, DoelStatus.VERVALLEN]:
            services.doel_toevoegen(client=kim, door=casemanager, plan=nu, status=status, **doel)
        services.doel_toevoegen(client=kim, door=casemanager, **doel)  # outside any plan
        gevonden = huidig_plan_met_doelen(kim)
        assert gevonden == huidig_plan(kim) == nu
        assert (gevonden.doelen_totaal, gevonden.doelen_lopend, gevonden.doelen_behaald) == (
            4,
            2,
            1,
        )

    def test_afsluiten_legt_de_datum_vast(self, kim, casemanager):
        p = plan(kim, casemanager)
        services.plan_wijzigen(plan=p, door=casemanager, status=PlanStatus.AFGESLOTEN)
        p.refresh_from_db()
        assert p.afgesloten_op == timezone.localdate()
        services.plan_wijzigen(plan=p, door=casemanager, status=PlanStatus.ACTIEF)
        p.refresh_from_db()
        assert p.afgesloten_op is None

    @pytest.mark.parametrize(
        ("velden", "veld"),
        [
            ({"evaluatie_op": D(2023, 12, 31)}, "evaluatie_op"),
            ({"opgesteld_op": D(2999, 1, 1)}, "opgesteld_op"),
            ({"methodieken": ["toveren"]}, "methodieken"),
        ],
    )
    def test_foute_invoer(self, kim, casemanager, velden, veld):
        with pytest.raises(ValidationError) as fout:
            plan(kim, casemanager, **velden)
        assert veld in fout.value.error_dict
        assert not Plan.objects.exists()

    @pytest.mark.parametrize(
        ("status", "afgesloten", "op", "actief"),
        [
            (PlanStatus.ACTIEF, None, D(2024, 1, 9), False),  # before it was drawn up
            (PlanStatus.ACTIEF, None, D(2024, 1, 10), True),
            (PlanStatus.CONCEPT, None, D(2024, 3, 1), False),
            (PlanStatus.AFGESLOTEN, D(2024, 5, 1), D(2024, 4, 30), True),
            (PlanStatus.AFGESLOTEN, D(2024, 5, 1), D(2024, 5, 1), False),  # closed that day
        ],
    )
    def test_actief_op_een_datum(self, kim, casemanager, status, afgesloten, op, actief):
        plan(kim, casemanager, status=status, afgesloten_op=afgesloten)
        assert Plan.objects.filter(plan_actief_op(op)).exists() == actief


class TestDoelen:
    def test_doel_zonder_levensdomein_wordt_geweigerd(self, kim, casemanager):
        p = plan(kim, casemanager)
        with pytest.raises(ValidationError) as fout:
            services.doel_toevoegen(client=kim, plan=p, door=casemanager, omschrijving="Iets")
        assert "levensdomein" in fout.value.error_dict
        assert not Doel.objects.exists()

    def test_doel_en_actiepunt(self, kim, casemanager):
        p = plan(kim, casemanager)
        doel = services.doel_toevoegen(
            client=kim, plan=p, door=casemanager, levensdomein="wonen", omschrijving="Een huis"
        )
        actie = services.actiepunt_toevoegen(
            doel=doel, door=casemanager, wie="client", omschrijving="Inschrijven"
        )
        assert (doel.client, doel.plan, actie.doel) == (kim, p, doel)

    def test_doel_in_plan_van_een_ander_kan_niet(self, kim, casemanager, team):
        from tests.factories import ClientFactory

        ander_plan = plan(ClientFactory(team=team), casemanager)
        with pytest.raises(ValidationError, match="andere cliënt"):
            services.doel_toevoegen(
                client=kim,
                plan=ander_plan,
                door=casemanager,
                levensdomein="wonen",
                omschrijving="x",
            )


class TestZRM:
    @pytest.mark.parametrize("score", [0, 6, -1])
    def test_score_buiten_1_tot_5(self, kim, casemanager, score):
        with pytest.raises(ValidationError, match="1, 2, 3, 4 of 5"):
            services.zrm_vastleggen(
                client=kim, datum=D(2024, 1, 1), door=casemanager, scores={"financien": score}
            )
        assert not ZRMMeting.objects.exists()

    def test_lege_meting_en_onbekend_domein(self, kim, casemanager):
        with pytest.raises(ValidationError, match="minstens één domein"):
            services.zrm_vastleggen(client=kim, datum=D(2024, 1, 1), door=casemanager, scores={})
        with pytest.raises(ValidationError, match="Onbekend ZRM-domein"):
            services.zrm_vastleggen(
                client=kim, datum=D(2024, 1, 1), door=casemanager, scores={"geluk": 3}
            )

    def test_eerste_en_laatste_per_domein(self, kim, casemanager):
        for datum, financien, justitie in [
            (D(2023, 1, 1), 2, None),
            (D(2023, 7, 1), 3, 4),
            (D(2024, 1, 1), 4, 4),
        ]:
            services.zrm_vastleggen(
                client=kim,
                datum=datum,
                door=casemanager,
                scores={"financien": financien, "justitie": justitie},
            )
        eerste, laatste = eerste_en_laatste_zrm(kim)
        assert (eerste.datum, laatste.datum) == (D(2023, 1, 1), D(2024, 1, 1))
        rijen = {r["domein"].value: r for r in zrm_vergelijking(eerste, laatste)}
        assert (rijen["financien"]["eerste"], rijen["financien"]["laatste"]) == (2, 4)
        assert rijen["financien"]["verschil"] == 2
        assert rijen["justitie"]["verschil"] is None  # not scored the first time
        assert eerste_en_laatste_zrm(kim, op=D(2023, 12, 31))[1].datum == D(2023, 7, 1)
        assert laatste.versie == "2017"


class TestResultatenEnKnelpunten:
    def test_resultaat_uit_de_catalogus(self, kim, casemanager):
        services.resultaat_vastleggen(
            client=kim, soort="tandarts", datum=D(2024, 2, 1), door=casemanager
        )
        assert Resultaat.objects.get().soort.naam == "Tandarts"
        with pytest.raises(ValidationError, match="Onbekende resultaatsoort"):
            services.resultaat_vastleggen(
                client=kim, soort="loterij", datum=D(2024, 2, 1), door=casemanager
            )

    def test_catalogus_is_compleet_en_uitbreidbaar(self):
        assert Resultaattype.objects.count() == 22
        Resultaattype.objects.create(code="rijbewijs", naam="Rijbewijs", groep="overig")
        assert Resultaattype.objects.filter(code="rijbewijs").exists()

    def test_knelpunt_oplossen(self, kim, casemanager):
        knelpunt = services.knelpunt_vastleggen(
            client=kim,
            door=casemanager,
            datum=D(2024, 1, 1),
            levensdomein="wonen",
            categorie="bw_wachtlijst",
            omschrijving="Wachtlijst",
        )
        services.knelpunt_wijzigen(knelpunt=knelpunt, door=casemanager, status="opgelost")
        knelpunt.refresh_from_db()
        assert knelpunt.opgelost_op == timezone.localdate()
        with pytest.raises(ValidationError):
            services.knelpunt_vastleggen(
                client=kim,
                door=casemanager,
                datum=D(2024, 1, 1),
                levensdomein="wonen",
                categorie="bestaat_niet",
                omschrijving="x",
            )
        assert Knelpunt.objects.count() == 1
