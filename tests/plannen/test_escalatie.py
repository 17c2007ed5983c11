"""Escalation: the consent gate and its override, and the procesregisseur's access that
comes with an open escalation and goes when it is closed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import ClientToegang
from plannen import services
from plannen.models import Escalatie
from stapteam.constants import Actie, Rol
from stapteam.models import Toegangslog
from tests.factories import ClientFactory, GemeenteFactory, UserFactory

pytestmark = pytest.mark.django_db

VERZOEK = {"reden": "Wachtlijst BW", "verzoek": "Doorbraak op een plek"}


def openen(client, procesregisseur, door, **extra):
    return services.escalatie_openen(
        client=client, procesregisseur=procesregisseur, door=door, **VERZOEK, **extra
    )


class TestToestemming:
    def test_zonder_toestemming_weigert_de_casemanager(self, kim, casemanager, procesregisseur):
        with pytest.raises(ValidationError, match="geldige toestemming"):
            openen(kim, procesregisseur, casemanager)
        assert not Escalatie.objects.exists()
        assert not ClientToegang.objects.exists()

    def test_toestemming_zonder_zvh_telt_niet(
        self, kim, casemanager, procesregisseur, toestemming_zvh
    ):
        toestemming_zvh.partijen.remove(toestemming_zvh.partijen.get(code="zvh"))
        with pytest.raises(ValidationError, match="geldige toestemming"):
            openen(kim, procesregisseur, casemanager)

    def test_met_toestemming_geeft_toegang(
        self, kim, casemanager, procesregisseur, toestemming_zvh
    ):
        escalatie = openen(kim, procesregisseur, casemanager)
        assert not escalatie.zonder_toestemming
        assert ClientToegang.objects.filter(
            user=procesregisseur, content_object=kim, permission__codename="escalatie_inzien"
        ).exists()

    def test_coordinator_moet_een_reden_geven(self, kim, coordinator, procesregisseur):
        with pytest.raises(ValidationError) as fout:
            openen(kim, procesregisseur, coordinator)
        assert "reden_zonder_toestemming" in fout.value.error_dict
        escalatie = openen(
            kim, procesregisseur, coordinator, reden_zonder_toestemming="Acuut gevaar"
        )
        assert escalatie.zonder_toestemming
        assert escalatie.history.first().history_user == coordinator
        regel = Toegangslog.objects.get(actie=Actie.WIJZIGEN, client_id=kim.pk)
        # Who and when, never the reason itself: that stays in the escalation.
        assert "zonder toestemming" in regel.omschrijving
        assert "Acuut gevaar" not in regel.omschrijving
        assert escalatie.reden_zonder_toestemming == "Acuut gevaar"
        assert regel.gebruiker == coordinator

    def test_alleen_een_procesregisseur_van_de_gemeente(self, kim, coordinator, toestemming_zvh):
        elders = UserFactory(rol=Rol.PROCESREGISSEUR, gemeente=GemeenteFactory(naam="Elders"))
        casemanager = UserFactory(rol=Rol.CASEMANAGER, team=kim.team)
        for ongeschikt in (elders, casemanager):
            with pytest.raises(ValidationError) as fout:
                openen(kim, ongeschikt, coordinator)
            assert "procesregisseur" in fout.value.error_dict

    def test_pagina_zonder_toestemming_legt_uit(self, als, kim, casemanager):
        html = (
            als(casemanager).get(reverse("plannen:escalatie_nieuw", args=[kim.pk])).content.decode()
        )
        assert "Opschalen kan nog niet" in html


class TestToegangVanDeProcesregisseur:
    @pytest.fixture
    def escalatie(self, kim, casemanager, procesregisseur, toestemming_zvh):
        return openen(kim, procesregisseur, casemanager)

    def test_ziet_samenvatting_en_escalatie_niet_het_dossier(
        self, als, procesregisseur, escalatie, kim
    ):
        regisseur = als(procesregisseur)
        lijst = regisseur.get(reverse("plannen:escalaties")).content.decode()
        assert "Kim" in lijst
        pagina = regisseur.get(reverse("plannen:escalatie", args=[escalatie.pk]))
        html = pagina.content.decode()
        assert pagina.status_code == 200
        assert "Wachtlijst BW" in html
        assert "Samenvatting" in html
        assert regisseur.get(reverse("clients:dossier", args=[kim.pk])).status_code == 403
        assert regisseur.get(reverse("clients:contacten", args=[kim.pk])).status_code == 403
        regel = Toegangslog.objects.filter(gebruiker=procesregisseur, client_id=kim.pk).last()
        assert regel.actie == Actie.INZIEN

    def test_andere_escalaties_niet(self, als, procesregisseur, escalatie, team, casemanager):
        # A fixed name: hers is on the page, and a generated one can contain "Kim".
        collega = UserFactory(
            rol=Rol.PROCESREGISSEUR, gemeente=team.gemeente, naam="Fleur Regisseur"
        )
        adres = reverse("plannen:escalatie", args=[escalatie.pk])
        assert adres in als(procesregisseur).get(reverse("plannen:escalaties")).content.decode()
        assert als(collega).get(adres).status_code == 404
        lijst = als(collega).get(reverse("plannen:escalaties")).content.decode()
        assert adres not in lijst
        assert "Kim" not in lijst

    def test_voortgang_en_afronden_trekt_toegang_in(self, als, procesregisseur, escalatie):
        adres = reverse("plannen:escalatie", args=[escalatie.pk])
        regisseur = als(procesregisseur)
        regisseur.post(adres, {"voortgang-tekst": "Gesprek met BW gepland"})
        escalatie.refresh_from_db()
        assert escalatie.status == "in_behandeling"
        assert escalatie.voortgang.get().door == procesregisseur

        fout = regisseur.post(adres, {"afronden-uitkomst": ""})
        assert fout.status_code == 200
        assert "Dit veld is verplicht" in fout.content.decode()

        regisseur.post(adres, {"afronden-uitkomst": "Plek per 1 maart"})
        escalatie.refresh_from_db()
        assert (escalatie.status, escalatie.uitkomst) == ("afgerond", "Plek per 1 maart")
        assert not ClientToegang.objects.filter(user=procesregisseur).exists()
        assert regisseur.get(adres).status_code == 404
        assert "Kim" not in regisseur.get(reverse("plannen:escalaties")).content.decode()

    def test_tweede_open_escalatie_houdt_toegang(
        self, kim, casemanager, procesregisseur, escalatie
    ):
        tweede = openen(kim, procesregisseur, casemanager)
        services.escalatie_afronden(escalatie=escalatie, uitkomst="Klaar", door=casemanager)
        assert ClientToegang.objects.filter(user=procesregisseur, content_object=kim).exists()
        services.escalatie_afronden(escalatie=tweede, uitkomst="Ook klaar", door=casemanager)
        assert not ClientToegang.objects.filter(user=procesregisseur, content_object=kim).exists()

    def test_afgeronde_escalatie_kan_niet_opnieuw(self, casemanager, escalatie):
        services.escalatie_afronden(escalatie=escalatie, uitkomst="Klaar", door=casemanager)
        with pytest.raises(ValidationError, match="al afgerond"):
            services.escalatie_afronden(escalatie=escalatie, uitkomst="Nog eens", door=casemanager)
        with pytest.raises(ValidationError, match="afgerond"):
            services.voortgang_vastleggen(escalatie=escalatie, tekst="x", door=casemanager)


def test_gemeente_ziet_geen_escalaties(
    als, team, kim, casemanager, procesregisseur, toestemming_zvh
):
    escalatie = openen(kim, procesregisseur, casemanager)
    gemeente = UserFactory(rol=Rol.GEMEENTE, gemeente=team.gemeente)
    assert als(gemeente).get(reverse("plannen:escalaties")).status_code == 403
    assert als(gemeente).get(reverse("plannen:escalatie", args=[escalatie.pk])).status_code == 403


def test_ander_team_ziet_de_escalatie_niet(
    als, ander_team, kim, casemanager, procesregisseur, toestemming_zvh
):
    escalatie = openen(kim, procesregisseur, casemanager)
    vreemde = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
    assert als(vreemde).get(reverse("plannen:escalatie", args=[escalatie.pk])).status_code == 404
    ClientFactory(team=ander_team)
