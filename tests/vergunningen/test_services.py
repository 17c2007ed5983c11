"""Permits: the criteria on their boundaries, decisions, objections, validity on D."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from clients import services as client_services
from clients.models import Client
from tests.factories import ClientFactory
from vergunningen import services
from vergunningen.constants import Besluit
from vergunningen.models import Vergunning, leeftijd_op, toets_criteria
from vergunningen.selectors import (
    geldig_op,
    houders,
    huidige_vergunningen,
    lopende_aanvragen_en_bezwaren,
    met_huidige_vergunning,
)

pytestmark = pytest.mark.django_db

D = dt.date
PEILDATUM = D(2020, 1, 1)
AANVRAAG, BESLUIT, GELDIG_TOT = D(2024, 6, 15), D(2024, 7, 1), D(2025, 6, 30)


def criteria(geboortedatum, aanvraag_op, *, werkt=True, zorg=False):
    return toets_criteria(
        geboortedatum=geboortedatum,
        aanvraag_op=aanvraag_op,
        werkt_sinds_peildatum=werkt,
        zorg_sinds_peildatum=zorg,
        peildatum=PEILDATUM,
    )


@pytest.fixture
def met_geboortedatum(client_van_team):
    def zet(geboortedatum):
        return client_services.client_wijzigen(
            client=client_van_team, door=None, geboortedatum=geboortedatum
        )

    return zet


def aanvraag(client, aanvraag_op=AANVRAAG, *, werkt=True, zorg=False, soort="nieuw"):
    return services.aanvraag_registreren(
        client=client,
        aanvraag_op=aanvraag_op,
        soort=soort,
        werkt_sinds_peildatum=werkt,
        zorg_sinds_peildatum=zorg,
        door=None,
    )


def verleen(vergunning, besluit_op=BESLUIT, geldig_tot=GELDIG_TOT, **meer):
    return services.besluit_vastleggen(
        vergunning=vergunning,
        besluit=Besluit.VERLEEND,
        besluit_op=besluit_op,
        geldig_tot=geldig_tot,
        registratienummer="TZ-001",
        door=None,
        **meer,
    )


def verleende_verlenging(client):
    """A renewal applied for on 1 May 2025, granted on 1 June until 30 June 2026."""
    return services.besluit_vastleggen(
        vergunning=aanvraag(client, D(2025, 5, 1), soort="verlenging"),
        besluit="verleend",
        besluit_op=D(2025, 6, 1),
        geldig_tot=D(2026, 6, 30),
        registratienummer="TZ-002",
        door=None,
    )


class TestLeeftijd:
    @pytest.mark.parametrize(
        ("aanvraag_op", "leeftijd", "meerderjarig"),
        [
            (D(2024, 6, 14), 17, False),  # the day before her 18th birthday
            (D(2024, 6, 15), 18, True),  # on her 18th birthday exactly she is 18
            (D(2024, 6, 16), 18, True),
        ],
    )
    def test_achttiende_verjaardag(self, aanvraag_op, leeftijd, meerderjarig):
        uitkomst = criteria(D(2006, 6, 15), aanvraag_op)
        assert (uitkomst.leeftijd, uitkomst.meerderjarig) == (leeftijd, meerderjarig)

    def test_geboren_op_29_februari(self):
        assert leeftijd_op(D(2004, 2, 29), D(2022, 2, 28)) == 17
        assert leeftijd_op(D(2004, 2, 29), D(2022, 3, 1)) == 18
        assert leeftijd_op(D(2004, 2, 29), D(2024, 2, 29)) == 20

    def test_onbekende_geboortedatum_voldoet_niet(self):
        uitkomst = criteria(None, D(2024, 1, 1))
        assert not uitkomst.voldaan
        assert "geboortedatum is onbekend" in uitkomst.tekortkomingen[0]


class TestSindsPeildatum:
    @pytest.mark.parametrize(
        ("werkt", "zorg", "voldaan"),
        [(True, False, True), (False, True, True), (True, True, True), (False, False, False)],
    )
    def test_werk_of_zorg_is_genoeg(self, werkt, zorg, voldaan):
        uitkomst = criteria(D(1990, 1, 1), D(2024, 1, 1), werkt=werkt, zorg=zorg)
        assert uitkomst.voldaan is voldaan
        if not voldaan:
            assert "sinds 01-01-2020" in uitkomst.tekortkomingen[0]

    def test_peildatum_van_het_team_wordt_bij_de_aanvraag_bewaard(self, client_van_team, team):
        team.vergunning_peildatum = D(2021, 8, 1)
        team.save()
        vergunning = aanvraag(Client.objects.get(pk=client_van_team.pk))
        assert vergunning.peildatum == D(2021, 8, 1)
        team.vergunning_peildatum = D(2023, 1, 1)
        team.save()
        vergunning.refresh_from_db()
        assert vergunning.peildatum == D(2021, 8, 1)
        assert "sinds 01-08-2021" in " ".join(
            toets_criteria(
                geboortedatum=None,
                aanvraag_op=vergunning.aanvraag_op,
                werkt_sinds_peildatum=False,
                zorg_sinds_peildatum=False,
                peildatum=vergunning.peildatum,
            ).tekortkomingen
        )


class TestVerlenen:
    def test_voldoet_zij_dan_zonder_reden(self, client_van_team, met_geboortedatum):
        met_geboortedatum(D(2006, 6, 15))
        vergunning = verleen(aanvraag(client_van_team, D(2024, 6, 15)))
        assert vergunning.besluit == Besluit.VERLEEND
        assert vergunning.afwijking_reden == ""

    def test_een_dag_te_jong_vraagt_een_reden(self, client_van_team, met_geboortedatum):
        met_geboortedatum(D(2006, 6, 15))
        vergunning = aanvraag(client_van_team, D(2024, 6, 14))
        with pytest.raises(ValidationError) as fout:
            verleen(vergunning)
        melding = " ".join(fout.value.message_dict["afwijking_reden"])
        assert "was op de aanvraagdatum 17 jaar" in melding
        vergunning.refresh_from_db()
        assert vergunning.besluit == Besluit.IN_BEHANDELING  # nothing saved

        verleend = verleen(vergunning, afwijking_reden="Gemeente maakte een uitzondering")
        assert verleend.afwijking_reden == "Gemeente maakte een uitzondering"
        laatste = verleend.history.first()
        assert (laatste.besluit, laatste.afwijking_reden) == (
            "verleend",
            "Gemeente maakte een uitzondering",
        )

    def test_zonder_werk_of_zorg_sinds_peildatum_vraagt_een_reden(
        self, client_van_team, met_geboortedatum
    ):
        met_geboortedatum(D(1990, 1, 1))
        vergunning = aanvraag(client_van_team, werkt=False, zorg=False)
        with pytest.raises(ValidationError, match="sinds 01-01-2020"):
            verleen(vergunning)

    def test_later_gecorrigeerde_aanvraag_wordt_opnieuw_getoetst(
        self, client_van_team, met_geboortedatum
    ):
        met_geboortedatum(D(1990, 1, 1))
        vergunning = verleen(aanvraag(client_van_team))
        with pytest.raises(ValidationError) as fout:
            services.aanvraag_wijzigen(
                vergunning=vergunning, werkt_sinds_peildatum=False, door=None
            )
        assert "afwijking_reden" in fout.value.message_dict


class TestBesluit:
    def test_weigeren_vraagt_een_grond(self, client_van_team):
        vergunning = aanvraag(client_van_team)
        with pytest.raises(ValidationError) as fout:
            services.besluit_vastleggen(
                vergunning=vergunning, besluit="geweigerd", besluit_op=D(2024, 7, 1), door=None
            )
        assert "weigeringsgrond" in fout.value.message_dict
        geweigerd = services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="geweigerd",
            besluit_op=D(2024, 7, 1),
            weigeringsgrond="Werkt niet in Nijmegen",
            door=None,
        )
        assert geweigerd.besluit == Besluit.GEWEIGERD

    @pytest.mark.parametrize(
        ("besluit_op", "geldig_tot", "veld"),
        [
            (D(2024, 6, 14), None, "besluit_op"),  # before the application
            (D(2999, 1, 1), None, "besluit_op"),  # in the future
            (D(2024, 7, 1), D(2024, 6, 30), "geldig_tot"),  # valid until before decided
        ],
    )
    def test_onlogische_datums(
        self, client_van_team, met_geboortedatum, besluit_op, geldig_tot, veld
    ):
        met_geboortedatum(D(1990, 1, 1))
        vergunning = aanvraag(client_van_team, D(2024, 6, 15))
        with pytest.raises(ValidationError) as fout:
            verleen(vergunning, besluit_op=besluit_op, geldig_tot=geldig_tot)
        assert veld in fout.value.message_dict

    def test_terug_naar_in_behandeling_kan_niet(self, client_van_team):
        with pytest.raises(ValidationError):
            services.besluit_vastleggen(
                vergunning=aanvraag(client_van_team),
                besluit="in_behandeling",
                besluit_op=D(2024, 7, 1),
                door=None,
            )

    def test_een_lopende_aanvraag_tegelijk(self, client_van_team):
        aanvraag(client_van_team)
        with pytest.raises(ValidationError, match="loopt al een aanvraag"):
            aanvraag(client_van_team, D(2024, 6, 20), soort="verlenging")


class TestBezwaar:
    def test_bezwaar_tegen_een_weigering(self, client_van_team):
        vergunning = services.besluit_vastleggen(
            vergunning=aanvraag(client_van_team),
            besluit="geweigerd",
            besluit_op=D(2024, 7, 1),
            weigeringsgrond="Te kort in de gemeente",
            door=None,
        )
        vergunning = services.bezwaar_vastleggen(
            vergunning=vergunning,
            bezwaar_op=D(2024, 7, 20),
            bezwaar_status="lopend",
            bezwaar_door="Zijzelf, met hulp van haar casemanager",
            door=None,
        )
        assert vergunning.bezwaar_status == "lopend"
        vergunning = services.bezwaar_vastleggen(
            vergunning=vergunning, bezwaar_op=D(2024, 7, 20), bezwaar_status="gegrond", door=None
        )
        assert [h.bezwaar_status for h in vergunning.history.order_by("history_id")] == [
            "",
            "",
            "lopend",
            "gegrond",
        ]

    def test_niet_zonder_besluit_of_voor_het_besluit(self, client_van_team):
        vergunning = aanvraag(client_van_team)
        with pytest.raises(ValidationError, match="pas worden gemaakt"):
            services.bezwaar_vastleggen(
                vergunning=vergunning, bezwaar_op=D(2024, 7, 1), bezwaar_status="lopend", door=None
            )
        vergunning = services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="geweigerd",
            besluit_op=D(2024, 7, 1),
            weigeringsgrond="x",
            door=None,
        )
        with pytest.raises(ValidationError, match="vóór de besluitdatum"):
            services.bezwaar_vastleggen(
                vergunning=vergunning, bezwaar_op=D(2024, 6, 30), bezwaar_status="lopend", door=None
            )
        with pytest.raises(ValidationError):
            services.bezwaar_vastleggen(
                vergunning=vergunning, bezwaar_op=D(2024, 7, 2), bezwaar_status="onzin", door=None
            )


class TestGeldigOpD:
    @pytest.fixture
    def vergunning(self, client_van_team, met_geboortedatum):
        met_geboortedatum(D(1990, 1, 1))
        return verleen(
            aanvraag(client_van_team), besluit_op=D(2024, 7, 1), geldig_tot=D(2025, 6, 30)
        )

    @pytest.mark.parametrize(
        ("op", "geldig"),
        [
            (D(2024, 6, 30), False),  # before the decision
            (D(2024, 7, 1), True),  # decided that day
            (D(2025, 6, 30), True),  # the valid-until day itself
            (D(2025, 7, 1), False),  # the day after
        ],
    )
    def test_grenzen_in_python_en_in_de_database(self, vergunning, op, geldig):
        assert vergunning.is_geldig_op(op) is geldig
        assert Vergunning.objects.filter(geldig_op(op), pk=vergunning.pk).exists() is geldig
        assert houders(Client.objects.all(), op=op).exists() is geldig

    def test_zonder_einddatum_altijd_na_het_besluit(self, client_van_team, met_geboortedatum):
        met_geboortedatum(D(1990, 1, 1))
        vergunning = verleen(aanvraag(client_van_team), geldig_tot=None)
        assert vergunning.is_geldig_op(D(2099, 1, 1))
        assert Vergunning.objects.filter(geldig_op(D(2099, 1, 1))).exists()

    @pytest.mark.parametrize("besluit", ["geweigerd", "ingetrokken", "in_behandeling"])
    def test_alleen_verleend_is_geldig(self, client_van_team, besluit):
        vergunning = aanvraag(client_van_team)
        if besluit != "in_behandeling":
            services.besluit_vastleggen(
                vergunning=vergunning,
                besluit=besluit,
                besluit_op=D(2024, 7, 1),
                weigeringsgrond="x" if besluit == "geweigerd" else "",
                door=None,
            )
        assert not Vergunning.objects.filter(geldig_op(D(2024, 8, 1))).exists()

    def test_bij_een_verlenging_telt_de_laatst_verleende(self, vergunning, client_van_team):
        verlenging = verleende_verlenging(client_van_team)
        rij = met_huidige_vergunning(Client.objects.all(), op=D(2025, 6, 15)).get()
        assert (rij.vg_pk, rij.vg_registratienummer, rij.vg_soort) == (
            verlenging.pk,
            "TZ-002",
            "verlenging",
        )

    def test_huidige_vergunningen_van_een_pagina_zoals_de_annotatie(
        self, vergunning, client_van_team, team
    ):
        verlenging = verleende_verlenging(client_van_team)
        zonder = ClientFactory(team=team, roepnaam="Bo")
        clienten = [client_van_team, zonder]
        assert huidige_vergunningen(clienten, op=D(2025, 6, 15)) == {client_van_team.pk: verlenging}
        assert huidige_vergunningen(clienten, op=D(2025, 5, 1)) == {client_van_team.pk: vergunning}
        assert huidige_vergunningen(clienten, op=D(2026, 7, 1)) == {}
        assert huidige_vergunningen([], op=D(2025, 6, 15)) == {}


def test_lopende_aanvragen_en_bezwaren_elk_in_hun_eigen_volgorde(team):
    """Applications by application date, objections by objection date, from one query."""

    def geweigerd_met_bezwaar(roepnaam, aanvraag_op, bezwaar_op):
        vergunning = services.besluit_vastleggen(
            vergunning=aanvraag(ClientFactory(team=team, roepnaam=roepnaam), aanvraag_op),
            besluit="geweigerd",
            besluit_op=aanvraag_op + dt.timedelta(days=10),
            weigeringsgrond="Geen binding",
            door=None,
        )
        return services.bezwaar_vastleggen(
            vergunning=vergunning, bezwaar_op=bezwaar_op, bezwaar_status="lopend", door=None
        )

    vroeg = geweigerd_met_bezwaar("Ada", D(2023, 1, 1), D(2024, 3, 1))
    laat = geweigerd_met_bezwaar("Bo", D(2024, 1, 1), D(2024, 2, 1))
    later = aanvraag(ClientFactory(team=team, roepnaam="Cas"), D(2024, 5, 1))
    eerder = aanvraag(ClientFactory(team=team, roepnaam="Dee"), D(2024, 4, 1))
    aanvragen, bezwaren = lopende_aanvragen_en_bezwaren(Vergunning.objects.all())
    assert aanvragen == [eerder, later]
    assert bezwaren == [laat, vroeg]
