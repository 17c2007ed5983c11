"""The evaluation report (ONTWERP §6) on hand-built cohorts whose every figure is known.

The period is the calendar year 2025: van = 2025-01-01, tot = peildatum = 2025-12-31.
The 13-week window is 2025-10-02 up to and including 2025-12-31.
"""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from budget import services as budget_services
from clients import services as client_services
from clients.constants import ContactSoort, Kenmerk, Status
from plannen import services as plannen_services
from plannen.models import Resultaattype
from rapportage.evaluatie import evaluatie
from rapportage.evaluatie_secties import hoofdstukken
from tests.factories import ClientFactory
from vergunningen import services as vergunning_services

pytestmark = pytest.mark.django_db

D = dt.date
VAN, TOT = D(2025, 1, 1), D(2025, 12, 31)
VENSTER_BEGIN = D(2025, 10, 2)
IN_BEELD = D(2024, 6, 1)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def rapport(team, van=VAN, tot=TOT):
    return evaluatie(team, van, tot)


def nieuwe(team, casemanager, naam="Kim", in_beeld=IN_BEELD, **gegevens):
    return ClientFactory(
        team=team,
        roepnaam=naam,
        casemanager=casemanager,
        gegevens={"in_beeld_sinds": in_beeld, **gegevens},
    )


def situatie(client, door, kenmerk, waarde, datum):
    client_services.situatie_vastleggen(
        client=client, kenmerk=kenmerk, waarde=waarde, datum=datum, door=door
    )


def contacten(client, door, dagen, soort=ContactSoort.FACE_TO_FACE):
    for dag in dagen:
        client_services.contact_registreren(
            client=client,
            door=door,
            soort=soort,
            tijdstip=timezone.make_aware(dt.datetime.combine(dag, dt.time(23, 30))),
        )


def dagen_terug(vanaf: dt.date, aantal: int) -> list[dt.date]:
    return [vanaf - dt.timedelta(days=i) for i in range(aantal)]


class TestDoelgroep:
    def test_in_beeld_op_de_randen_van_de_periode(self, team, casemanager):
        nieuwe(team, casemanager, "OpPeildatum", in_beeld=TOT)
        nieuwe(team, casemanager, "NaPeildatum", in_beeld=TOT + dt.timedelta(days=1))
        weg = nieuwe(team, casemanager, "VoorVan")
        client_services.client_wijzigen(
            client=weg,
            door=casemanager,
            status=Status.UITGESTROOMD,
            uitstroom_datum=VAN - dt.timedelta(days=1),
            uitstroom_reden="verhuisd",
        )
        binnen = nieuwe(team, casemanager, "InPeriode")
        client_services.client_wijzigen(
            client=binnen,
            door=casemanager,
            status=Status.UITGESTROOMD,
            uitstroom_datum=VAN,
            uitstroom_reden="uitgestapt",
        )
        nieuwe(team, casemanager, "Man", geslacht="man")
        d = rapport(team)["doelgroep"]
        assert d["in_beeld"] == 3
        assert d["geslacht"] == {"vrouw": 2, "man": 1, "anders": 0}

    def test_situatie_op_de_peildatum_zelf(self, team, casemanager):
        kim = nieuwe(team, casemanager, "Kim")
        situatie(kim, casemanager, Kenmerk.WOONSITUATIE, "dakloos", D(2024, 7, 1))
        situatie(kim, casemanager, Kenmerk.WOONSITUATIE, "zelfstandig", TOT)
        naomi = nieuwe(team, casemanager, "Naomi")
        situatie(naomi, casemanager, Kenmerk.WOONSITUATIE, "dakloos", D(2024, 7, 1))
        situatie(naomi, casemanager, Kenmerk.WOONSITUATIE, "zelfstandig", D(2026, 1, 1))
        situatie(naomi, casemanager, Kenmerk.BEWINDVOERING, "ja", D(2025, 3, 1))
        nieuwe(team, casemanager, "ZonderWaarde")
        d = rapport(team)["doelgroep"]
        assert d["woonsituatie"]["zelfstandig"] == 1
        assert d["woonsituatie"]["dakloos"] == 1
        assert sum(d["woonsituatie"].values()) == 2  # without a value: left out
        assert len(d["woonsituatie"]) == 14  # every value of the vocabulary
        assert d["bewindvoering"] == 1 and d["budgetbeheer"] == 0

    def test_vergunning_geldig_tot_en_met_de_peildatum(self, team, casemanager, coordinator):
        for naam, geldig_tot in [("Tot", TOT), ("DagErvoor", TOT - dt.timedelta(days=1))]:
            client = nieuwe(team, casemanager, naam, geboortedatum=D(1990, 1, 1))
            vergunning = vergunning_services.aanvraag_registreren(
                client=client,
                aanvraag_op=D(2024, 12, 1),
                soort="nieuw",
                werkt_sinds_peildatum=True,
                zorg_sinds_peildatum=True,
                door=casemanager,
            )
            vergunning_services.besluit_vastleggen(
                vergunning=vergunning,
                besluit="verleend",
                besluit_op=D(2024, 12, 20),
                geldig_tot=geldig_tot,
                registratienummer=f"TZ-{naam}",
                door=coordinator,
            )
        assert rapport(team)["doelgroep"]["met_vergunning"] == 1


class TestVergunningen:
    def test_aanvragen_in_de_periode_naar_besluit(self, team, casemanager, coordinator):
        def aanvraag(naam, op, soort="nieuw", besluit=None, bezwaar=None):
            client = nieuwe(team, casemanager, naam, geboortedatum=D(1990, 1, 1))
            v = vergunning_services.aanvraag_registreren(
                client=client,
                aanvraag_op=op,
                soort=soort,
                werkt_sinds_peildatum=True,
                zorg_sinds_peildatum=True,
                door=casemanager,
            )
            if besluit:
                vergunning_services.besluit_vastleggen(
                    vergunning=v,
                    besluit=besluit,
                    besluit_op=op + dt.timedelta(days=10),
                    geldig_tot=op + dt.timedelta(days=300) if besluit == "verleend" else None,
                    registratienummer=f"TZ-{naam}" if besluit == "verleend" else "",
                    weigeringsgrond="Niet aangetoond." if besluit == "geweigerd" else "",
                    door=coordinator,
                )
            if bezwaar:
                vergunning_services.bezwaar_vastleggen(
                    vergunning=v, bezwaar_op=bezwaar, bezwaar_status="lopend", door=casemanager
                )

        aanvraag("Eerste", VAN, besluit="verleend")
        aanvraag("Verlenging", D(2025, 6, 1), soort="verlenging", besluit="verleend")
        aanvraag("Geweigerd", D(2025, 5, 1), besluit="geweigerd", bezwaar=D(2025, 6, 1))
        aanvraag("Lopend", TOT)  # no decision yet
        aanvraag("Ervoor", VAN - dt.timedelta(days=1), besluit="verleend")
        assert rapport(team)["vergunningen"] == {
            "aanvragen": 4,
            "verleend": 2,
            "verleend_nieuw": 1,
            "verleend_verlenging": 1,
            "geweigerd": 1,
            "in_behandeling": 1,
            "bezwaren": 1,
        }


class TestZorgaanpak:
    def test_contactfrequentie_over_het_venster(self, team, casemanager):
        # Exactly on the boundaries of the buckets, with the window's first and last day.
        for naam, aantal in [("Dertien", 13), ("Twaalf", 12), ("Drie", 3), ("Twee", 2)]:
            contacten(nieuwe(team, casemanager, naam), casemanager, dagen_terug(TOT, aantal))
        rand = nieuwe(team, casemanager, "Rand")
        contacten(rand, casemanager, [VENSTER_BEGIN, VENSTER_BEGIN, VENSTER_BEGIN])
        buiten = nieuwe(team, casemanager, "Buiten")
        contacten(buiten, casemanager, [VENSTER_BEGIN - dt.timedelta(days=1)] * 3)
        contacten(buiten, casemanager, [TOT] * 5, soort=ContactSoort.POGING)
        contacten(buiten, casemanager, [TOT + dt.timedelta(days=1)] * 5)
        z = rapport(team)["zorgaanpak"]
        assert z["contactfrequentie"] == {
            "wekelijks": 1,
            "maandelijks": 3,  # Twaalf, Drie, Rand
            "minder_dan_maandelijks": 2,  # Twee, Buiten
        }

    def test_met_ervaringsdeskundige(self, team, casemanager, ervaringsdeskundige):
        contacten(nieuwe(team, casemanager, "Drie"), ervaringsdeskundige, dagen_terug(TOT, 3))
        contacten(nieuwe(team, casemanager, "Twee"), ervaringsdeskundige, dagen_terug(TOT, 2))
        contacten(nieuwe(team, casemanager, "Ander"), casemanager, dagen_terug(TOT, 5))
        assert rapport(team)["zorgaanpak"]["met_ervaringsdeskundige"] == 1

    def test_intensiteit_en_actief_ondersteund(self, team, casemanager):
        for naam, waarde in [("A", "licht"), ("B", "intensief"), ("C", "geen")]:
            situatie(nieuwe(team, casemanager, naam), casemanager, Kenmerk.INTENSITEIT, waarde, VAN)
        nieuwe(team, casemanager, "Zonder")
        z = rapport(team)["zorgaanpak"]
        assert z["actief_ondersteund"] == 2
        assert z["intensiteit"] == {"geen": 1, "licht": 1, "intensief": 1, "zeer_intensief": 0}

    def test_plan_en_levensdomeinen_op_de_peildatum(self, team, casemanager):
        def plan(naam, opgesteld, status="actief", afgesloten=None, doelen=()):
            client = nieuwe(team, casemanager, naam)
            p = plannen_services.plan_opstellen(
                client=client, door=casemanager, opgesteld_op=opgesteld, status="actief"
            )
            for domein, gesteld in doelen:
                plannen_services.doel_toevoegen(
                    client=client,
                    plan=p,
                    door=casemanager,
                    levensdomein=domein,
                    omschrijving="Doel",
                    gesteld_op=gesteld,
                )
            if status != "actief":
                plannen_services.plan_wijzigen(
                    plan=p, door=casemanager, status=status, afgesloten_op=afgesloten
                )

        plan("OpPeildatum", TOT, doelen=[("wonen", TOT), ("financien", TOT + dt.timedelta(1))])
        plan("NaPeildatum", TOT + dt.timedelta(days=1), doelen=[("wonen", TOT)])
        plan("GeslotenErvoor", D(2025, 2, 1), "afgesloten", TOT, doelen=[("wonen", VAN)])
        plan("GeslotenErna", D(2025, 2, 1), "afgesloten", D(2026, 1, 5), doelen=[("justitie", VAN)])
        z = rapport(team)["zorgaanpak"]
        assert z["met_plan"] == 2
        assert z["levensdomeinen_in_plan"]["wonen"] == 1
        assert z["levensdomeinen_in_plan"]["justitie"] == 1
        assert z["levensdomeinen_in_plan"]["financien"] == 0
        assert len(z["levensdomeinen_in_plan"]) == 14


class TestZRM:
    def meting(self, client, door, datum, **scores):
        plannen_services.zrm_vastleggen(client=client, datum=datum, door=door, scores=scores)

    def test_eerste_en_laatste_per_domein(self, team, casemanager):
        a = nieuwe(team, casemanager, "A")
        self.meting(a, casemanager, D(2025, 1, 10), financien=1, huisvesting=3, justitie=2)
        self.meting(a, casemanager, D(2025, 6, 10), financien=2, huisvesting=3)
        self.meting(a, casemanager, TOT, financien=3, huisvesting=1, justitie=None)
        b = nieuwe(team, casemanager, "B")
        self.meting(b, casemanager, D(2025, 3, 1), financien=2, huisvesting=2)
        self.meting(b, casemanager, D(2025, 9, 1), financien=3, huisvesting=2)
        self.meting(b, casemanager, TOT + dt.timedelta(days=1), financien=5)  # after peildatum
        enkel = nieuwe(team, casemanager, "EenMeting")
        self.meting(enkel, casemanager, D(2025, 3, 1), financien=1)
        z = rapport(team)["zrm"]
        assert z["clienten_met_twee_metingen"] == 2
        assert z["per_domein"]["financien"] == {
            "eerste": 1.5,
            "laatste": 3.0,
            "n": 2,
            "grote_stijgers": 1,
            "grote_dalers": 0,
        }
        assert z["per_domein"]["huisvesting"] == {
            "eerste": 2.5,
            "laatste": 1.5,
            "n": 2,
            "grote_stijgers": 0,
            "grote_dalers": 1,
        }
        assert z["per_domein"]["justitie"] == {
            "eerste": None,
            "laatste": None,
            "n": 0,
            "grote_stijgers": 0,
            "grote_dalers": 0,
        }
        assert (z["domeinen_hoger"], z["domeinen_lager"], z["domeinen_gelijk"]) == (1, 1, 0)
        assert z["clienten_max_1_punt"] == 1  # B: +1 and 0
        assert z["clienten_2_of_meer_punten"] == 1  # A: +2 and −2

    def test_gemiddelden_half_naar_boven(self, team, casemanager):
        # First scores 2,2,2,2,2,2,2,3 (mean 2.125) → 2.13; latest all 2 → domain lower.
        for nummer in range(8):
            client = nieuwe(team, casemanager, f"K{nummer}")
            self.meting(client, casemanager, D(2025, 2, 1), werk_opleiding=3 if nummer == 7 else 2)
            self.meting(client, casemanager, D(2025, 8, 1), werk_opleiding=2)
        z = rapport(team)["zrm"]
        assert z["per_domein"]["werk_opleiding"]["eerste"] == 2.13
        assert z["per_domein"]["werk_opleiding"]["laatste"] == 2.0
        assert z["domeinen_lager"] == 1 and z["domeinen_hoger"] == 0


class TestResultaten:
    def test_elke_soort_uit_de_catalogus_ook_nul(self, team, casemanager, ander_team):
        kim = nieuwe(team, casemanager, "Kim")
        naomi = nieuwe(team, casemanager, "Naomi")
        vreemde = nieuwe(ander_team, None, "Vreemd")
        for client, datum in [
            (kim, VAN),
            (kim, TOT),
            (naomi, D(2025, 5, 5)),
            (kim, D(2024, 12, 31)),
        ]:
            plannen_services.resultaat_vastleggen(
                client=client, soort="tandarts", datum=datum, door=casemanager
            )
        plannen_services.resultaat_vastleggen(
            client=vreemde, soort="tandarts", datum=D(2025, 5, 5), door=None
        )
        r = rapport(team)["resultaten"]
        assert set(r) == set(Resultaattype.objects.values_list("code", flat=True))
        assert (r["tandarts"]["aantal"], r["tandarts"]["clienten"]) == (3, 2)
        assert (r["huisarts"]["aantal"], r["huisarts"]["clienten"]) == (0, 0)

    def test_de_tabel_noemt_de_resultaten_bij_naam(self, team, casemanager):
        kim = nieuwe(team, casemanager, "Kim")
        plannen_services.resultaat_vastleggen(
            client=kim, soort="tandarts", datum=D(2025, 5, 5), door=casemanager
        )
        tabel = next(
            tabel
            for hoofdstuk in hoofdstukken(rapport(team))
            for tabel in hoofdstuk.tabellen
            if tabel.sleutel == "resultaten"
        )
        namen = dict(Resultaattype.objects.values_list("code", "naam"))
        assert [rij[0] for rij in tabel.rijen] == [
            namen[code] for code in rapport(team)["resultaten"]
        ]
        assert {rij[0]: rij[1:] for rij in tabel.rijen}["Tandarts"] == [1, 1]


class TestBudget:
    def test_budgetten_categorieen_en_time_outs(self, team, casemanager, coordinator):
        kim = nieuwe(team, casemanager, "Kim")
        flex = budget_services.budget_aanmaken(
            team=team,
            naam="Flex 2024/2025",
            soort="flexbudget",
            van=D(2024, 7, 1),
            tot=D(2025, 6, 30),
            bedrag=Decimal("1000.00"),
            door=coordinator,
        )
        budget_services.budget_aanmaken(
            team=team,
            naam="Flex 2023",
            soort="flexbudget",
            van=D(2023, 1, 1),
            tot=D(2023, 12, 31),
            bedrag=Decimal("500.00"),
            door=coordinator,
        )
        timeout_budget = budget_services.budget_aanmaken(
            team=team,
            naam="Time-out 2024/2025",
            soort="time_out",
            van=D(2024, 7, 1),
            tot=D(2025, 6, 30),
            bedrag=Decimal("5000.00"),
            door=coordinator,
        )
        for datum, bedrag, categorie in [
            (D(2024, 12, 31), "100.00", "kleding"),  # before the period
            (VAN, "20.10", "kleding"),
            (D(2025, 6, 30), "5.05", "voeding"),
        ]:
            budget_services.uitgave_registreren(
                budget=flex,
                datum=datum,
                bedrag=Decimal(bedrag),
                categorie=categorie,
                client=kim,
                door=coordinator,
            )
        for van, dagen in [(D(2024, 12, 30), 3), (D(2025, 3, 1), 14)]:
            budget_services.timeout_registreren(
                client=kim,
                locatie="Het Hoogeland",
                van=van,
                tot=van + dt.timedelta(days=dagen - 1),
                dagtarief=Decimal("148.75"),
                budget=timeout_budget,
                door=coordinator,
            )
        b = rapport(team)["budget"]
        assert b["budgetten"] == [
            {
                "naam": "Flex 2024/2025",
                "soort": "flexbudget",
                "bedrag": "1000.00",
                "besteed": "25.15",
                "resterend": "874.85",
            },
            {
                "naam": "Time-out 2024/2025",
                "soort": "time_out",
                "bedrag": "5000.00",
                "besteed": "2082.50",
                "resterend": "2471.25",  # 5000 − 3 × 148.75 − 14 × 148.75
            },
        ]
        assert b["per_categorie"]["kleding"] == "20.10"
        assert b["per_categorie"]["voeding"] == "5.05"
        assert b["per_categorie"]["dierenarts"] == "0.00"
        assert b["time_outs"] == {"aantal": 1, "dagen": 14, "kosten": "2082.50"}


def test_leeg_team_heeft_elke_sleutel(team):
    r = rapport(team)
    assert list(r) == [
        "team",
        "van",
        "tot",
        "doelgroep",
        "vergunningen",
        "zorgaanpak",
        "zrm",
        "resultaten",
        "uitstappen",
        "tevredenheid",
        "budget",
    ]
    assert r["doelgroep"]["in_beeld"] == 0
    assert r["zorgaanpak"]["contactfrequentie"] == {
        "wekelijks": 0,
        "maandelijks": 0,
        "minder_dan_maandelijks": 0,
    }
    assert r["zrm"]["per_domein"]["financien"] == {
        "eerste": None,
        "laatste": None,
        "n": 0,
        "grote_stijgers": 0,
        "grote_dalers": 0,
    }
    assert r["uitstappen"] == {"niet": 0, "in_proces": 0, "uitgestapt": 0}
    assert r["budget"] == {
        "budgetten": [],
        "per_categorie": dict.fromkeys(r["budget"]["per_categorie"], "0.00"),
        "time_outs": {"aantal": 0, "dagen": 0, "kosten": "0.00"},
    }
    assert len(r["budget"]["per_categorie"]) == 11


def test_een_vast_aantal_queries(team, casemanager, django_assert_max_num_queries):
    contacten(nieuwe(team, casemanager, "Een"), casemanager, dagen_terug(TOT, 3))
    with django_assert_max_num_queries(7) as weinig:
        rapport(team)
    for nummer in range(10):
        client = nieuwe(team, casemanager, f"Meer{nummer}")
        contacten(client, casemanager, dagen_terug(TOT, 5))
        TestZRM().meting(client, casemanager, D(2025, 2, 1), financien=2)
        TestZRM().meting(client, casemanager, D(2025, 8, 1), financien=3)
    with django_assert_max_num_queries(7) as veel:
        rapport(team)
    assert len(veel.captured_queries) == len(weinig.captured_queries)
