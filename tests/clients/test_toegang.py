"""The access functions for her records (clients, plannen and budget ``toegang``): another
team's record, or another client's, answers 404; a role without the permission 403; a
confidential contact is missing for the peer worker; a page is logged once, on the record."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from budget import services as budget_services
from budget.constants import BudgetSoort
from budget.selectors import met_correcties
from budget.toegang import bonnetje_voor_download, uitgave_voor_gebruiker
from clients import services
from clients.constants import Kenmerk
from clients.toegang import (
    contact_voor_gebruiker,
    contacten_van_client,
    situaties_voor_gebruiker,
    toestemming_voor_gebruiker,
    toestemmingscan_voor_download,
    zichtbare_contacten,
)
from plannen import services as plannen_services
from plannen.toegang import (
    actiepunt_voor_gebruiker,
    doel_voor_gebruiker,
    doelen_voor_gebruiker,
    knelpunt_voor_gebruiker,
    plan_voor_gebruiker,
    zrm_metingen_voor_gebruiker,
)
from stapteam.constants import Actie, Rol
from stapteam.models import Organisatie, Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

WIJZIGEN = "clients.change_toestemming"


def verzoek(user, methode: str = "get"):
    request = getattr(RequestFactory(), methode)("/clients/1/pagina/")
    request.user = user
    return request


@pytest.fixture
def andere_client(ander_team):
    """A client of another team, with a casemanager of her own."""
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    return ClientFactory(team=ander_team, roepnaam="Noor", casemanager=casemanager)


def toestemming(client, door):
    return services.toestemming_vastleggen(
        client=client,
        ondertekend_op=dt.date(2024, 1, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code="iriszorg"),
        door=door,
    )


class TestToestemming:
    def test_haar_formulier_met_een_logregel_op_het_formulier(self, casemanager, client_van_team):
        formulier = toestemming(client_van_team, casemanager)
        client, gevonden = toestemming_voor_gebruiker(
            verzoek(casemanager), client_van_team.pk, formulier.pk, WIJZIGEN
        )
        assert (client, gevonden) == (client_van_team, formulier)
        regel = Toegangslog.objects.get()
        assert (regel.actie, regel.object_type, regel.object_id, regel.client_id) == (
            Actie.INZIEN,
            "clients.toestemming",
            str(formulier.pk),
            client_van_team.pk,
        )

    def test_van_een_ander_team_404_zonder_logregel(self, casemanager, andere_client):
        formulier = toestemming(andere_client, andere_client.casemanager)
        with pytest.raises(Http404):
            toestemming_voor_gebruiker(
                verzoek(casemanager), andere_client.pk, formulier.pk, WIJZIGEN
            )
        assert not Toegangslog.objects.exists()

    def test_van_een_andere_client_onder_haar_adres_404(self, team, casemanager, client_van_team):
        ander = ClientFactory(team=team, casemanager=casemanager)
        formulier = toestemming(ander, casemanager)
        with pytest.raises(Http404):
            toestemming_voor_gebruiker(casemanager, client_van_team.pk, formulier.pk, WIJZIGEN)

    def test_zonder_de_permissie_403(self, ervaringsdeskundige, casemanager, client_van_team):
        formulier = toestemming(client_van_team, casemanager)
        with pytest.raises(PermissionDenied):
            toestemming_voor_gebruiker(
                ervaringsdeskundige, client_van_team.pk, formulier.pk, WIJZIGEN
            )

    def test_geen_scan_404_en_niets_gelogd(self, casemanager, client_van_team):
        formulier = toestemming(client_van_team, casemanager)
        with pytest.raises(Http404):
            toestemmingscan_voor_download(verzoek(casemanager), client_van_team.pk, formulier.pk)
        assert not Toegangslog.objects.exists()


class TestContact:
    @pytest.fixture
    def vertrouwelijk(self, casemanager, client_van_team):
        return services.contact_registreren(
            client=client_van_team, door=casemanager, soort="face_to_face", vertrouwelijk=True
        )

    def test_vertrouwelijk_contact_is_er_niet_voor_de_ervaringsdeskundige(
        self, ervaringsdeskundige, casemanager, client_van_team, vertrouwelijk
    ):
        with pytest.raises(Http404):
            contact_voor_gebruiker(
                verzoek(ervaringsdeskundige),
                client_van_team.pk,
                vertrouwelijk.pk,
                "clients.add_contact",
            )
        assert not zichtbare_contacten(ervaringsdeskundige).exists()
        assert list(zichtbare_contacten(casemanager)) == [vertrouwelijk]
        assert not contacten_van_client(ervaringsdeskundige, client_van_team).exists()
        assert list(contacten_van_client(casemanager, client_van_team)) == [vertrouwelijk]

    def test_de_casemanager_krijgt_het_met_een_logregel(
        self, casemanager, client_van_team, vertrouwelijk
    ):
        client, contact = contact_voor_gebruiker(
            verzoek(casemanager, "post"),
            client_van_team.pk,
            vertrouwelijk.pk,
            "clients.add_contact",
        )
        assert (client, contact) == (client_van_team, vertrouwelijk)
        regel = Toegangslog.objects.get()
        assert (regel.actie, regel.object_type, regel.client_id) == (
            Actie.WIJZIGEN,
            "clients.contact",
            client_van_team.pk,
        )

    def test_van_een_ander_team_404(self, casemanager, andere_client):
        contact = services.contact_registreren(
            client=andere_client, door=andere_client.casemanager, soort="face_to_face"
        )
        with pytest.raises(Http404):
            contact_voor_gebruiker(casemanager, andere_client.pk, contact.pk, "clients.add_contact")


class TestSituatie:
    def test_financiele_kenmerken_niet_in_het_beperkte_dossier(
        self, casemanager, ervaringsdeskundige, client_van_team
    ):
        services.situatie_vastleggen(
            client=client_van_team,
            kenmerk=Kenmerk.BEWINDVOERING,
            waarde="ja",
            datum=dt.date(2024, 1, 1),
            door=casemanager,
        )
        assert situaties_voor_gebruiker(casemanager, client_van_team, Kenmerk.BEWINDVOERING).count()
        assert not situaties_voor_gebruiker(
            ervaringsdeskundige, client_van_team, Kenmerk.BEWINDVOERING
        ).exists()

    def test_van_een_ander_team_niets(self, casemanager, andere_client):
        services.situatie_vastleggen(
            client=andere_client,
            kenmerk=Kenmerk.WOONSITUATIE,
            waarde="dakloos",
            datum=dt.date(2024, 1, 1),
            door=andere_client.casemanager,
        )
        assert not situaties_voor_gebruiker(
            casemanager, andere_client, Kenmerk.WOONSITUATIE
        ).exists()


class TestPlannen:
    @pytest.fixture
    def plan_van(self):
        def maak(client, door):
            plan = plannen_services.plan_opstellen(
                client=client, door=door, opgesteld_op=dt.date(2024, 1, 1), status="actief"
            )
            doel = plannen_services.doel_toevoegen(
                client=client, plan=plan, door=door, levensdomein="wonen", omschrijving="Huis"
            )
            actiepunt = plannen_services.actiepunt_toevoegen(
                doel=doel, door=door, wie="client", omschrijving="Inschrijven"
            )
            return plan, doel, actiepunt

        return maak

    def test_plan_met_de_eigen_logregel_van_de_pagina(self, casemanager, client_van_team, plan_van):
        plan, doel, _ = plan_van(client_van_team, casemanager)
        client, gevonden = plan_voor_gebruiker(
            verzoek(casemanager), client_van_team.pk, plan.pk, omschrijving="Plan ingezien"
        )
        assert (client, gevonden) == (client_van_team, plan)
        assert list(doelen_voor_gebruiker(casemanager, plan)) == [doel]
        regel = Toegangslog.objects.get()
        assert (regel.object_type, regel.omschrijving) == ("plannen.plan", "Plan ingezien")

    def test_van_een_ander_team_404_en_geen_doelen(self, casemanager, andere_client, plan_van):
        plan, doel, actiepunt = plan_van(andere_client, andere_client.casemanager)
        pk = andere_client.pk
        with pytest.raises(Http404):
            plan_voor_gebruiker(casemanager, pk, plan.pk)
        with pytest.raises(Http404):
            doel_voor_gebruiker(casemanager, pk, doel.pk, "plannen.change_doel")
        with pytest.raises(Http404):
            actiepunt_voor_gebruiker(casemanager, pk, actiepunt.pk, "plannen.change_actiepunt")
        assert not doelen_voor_gebruiker(casemanager, plan).exists()

    def test_actiepunt_van_een_andere_client_onder_haar_adres_404(
        self, team, casemanager, client_van_team, plan_van
    ):
        ander = ClientFactory(team=team, casemanager=casemanager)
        _, _, actiepunt = plan_van(ander, casemanager)
        with pytest.raises(Http404):
            actiepunt_voor_gebruiker(
                casemanager, client_van_team.pk, actiepunt.pk, "plannen.change_actiepunt"
            )
        client, gevonden = actiepunt_voor_gebruiker(
            casemanager, ander.pk, actiepunt.pk, "plannen.change_actiepunt"
        )
        assert (client, gevonden) == (ander, actiepunt)

    def test_doel_zonder_plan_alleen_waar_het_mag(self, casemanager, client_van_team):
        los = plannen_services.doel_toevoegen(
            client=client_van_team, door=casemanager, levensdomein="wonen", omschrijving="Los"
        )
        pk = client_van_team.pk
        assert doel_voor_gebruiker(casemanager, pk, los.pk, "plannen.change_doel")[1] == los
        with pytest.raises(Http404):
            doel_voor_gebruiker(casemanager, pk, los.pk, "plannen.add_actiepunt", in_plan=True)

    def test_knelpunt_en_zrm_van_een_ander_team_niet(self, casemanager, andere_client):
        knelpunt = plannen_services.knelpunt_vastleggen(
            client=andere_client,
            door=andere_client.casemanager,
            datum=dt.date(2024, 1, 1),
            levensdomein="wonen",
            categorie="bw_wachtlijst",
            omschrijving="Wachtlijst",
        )
        plannen_services.zrm_vastleggen(
            client=andere_client,
            datum=dt.date(2024, 1, 1),
            scores={"financien": 2},
            door=andere_client.casemanager,
        )
        with pytest.raises(Http404):
            knelpunt_voor_gebruiker(
                casemanager, andere_client.pk, knelpunt.pk, "plannen.change_knelpunt"
            )
        assert zrm_metingen_voor_gebruiker(casemanager, andere_client) == []
        assert len(zrm_metingen_voor_gebruiker(andere_client.casemanager, andere_client)) == 1


class TestUitgave:
    def uitgave(self, team, coordinator, casemanager, client):
        budget = budget_services.budget_aanmaken(
            team=team,
            naam="Flexbudget 2024",
            soort=BudgetSoort.FLEXBUDGET,
            van=dt.date(2024, 1, 1),
            tot=dt.date(2024, 12, 31),
            bedrag=Decimal("1000.00"),
            door=coordinator,
        )
        return budget_services.uitgave_registreren(
            budget=budget,
            datum=dt.date(2024, 3, 5),
            bedrag=Decimal("25.00"),
            categorie="kleding",
            client=client,
            door=casemanager,
        )

    def test_van_een_ander_team_404(self, ander_team, casemanager, andere_client):
        coordinator = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
        uitgave = self.uitgave(ander_team, coordinator, andere_client.casemanager, andere_client)
        with pytest.raises(Http404):
            uitgave_voor_gebruiker(verzoek(casemanager), uitgave.pk)
        assert not Toegangslog.objects.exists()

    def test_verrijkt_in_dezelfde_query_en_gelogd(
        self, team, coordinator, casemanager, client_van_team
    ):
        uitgave = self.uitgave(team, coordinator, casemanager, client_van_team)
        gevonden = uitgave_voor_gebruiker(verzoek(casemanager), uitgave.pk, verrijk=met_correcties)
        assert (gevonden, gevonden.gecorrigeerd) == (uitgave, Decimal("0.00"))
        regel = Toegangslog.objects.get()
        assert (regel.object_type, regel.client_id) == ("budget.uitgave", client_van_team.pk)

    def test_geen_bonnetje_404_en_niets_gelogd(
        self, team, coordinator, casemanager, client_van_team
    ):
        uitgave = self.uitgave(team, coordinator, casemanager, client_van_team)
        with pytest.raises(Http404):
            bonnetje_voor_download(verzoek(casemanager), uitgave.pk)
        assert not Toegangslog.objects.exists()
