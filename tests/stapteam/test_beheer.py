"""The administrator's pages: accounts with their role and grants, through the services."""

import pytest
from allauth.mfa.models import Authenticator

from stapteam.constants import AanvraagStatus, Actie, Rol
from stapteam.models import Toegangsaanvraag, Toegangslog, User
from stapteam.toegang import gemeenten_van, teams_van
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(als):
    return als(UserFactory(rol=Rol.BEHEERDER))


def nieuw_account(**meer):
    return {
        "username": "nieuwe.casemanager",
        "naam": "Nieuwe Casemanager",
        "email": "nieuw@example.org",
        "rol": Rol.CASEMANAGER,
        "is_active": "on",
        **meer,
    }


def test_account_aanmaken_met_rol_en_team(beheerder, team):
    antwoord = beheerder.post("/beheer/stapteam/user/add/", nieuw_account(teams=[team.pk]))
    assert antwoord.status_code == 302, antwoord.content.decode()[:500]
    user = User.objects.get(username="nieuwe.casemanager")
    assert user.rol == Rol.CASEMANAGER
    # The team waits for its coordinator's confirmation (four eyes).
    assert list(teams_van(user)) == []
    aanvraag = Toegangsaanvraag.objects.get(gebruiker=user)
    assert (aanvraag.team, aanvraag.rol, aanvraag.status) == (
        team,
        Rol.CASEMANAGER,
        AanvraagStatus.WACHT,
    )
    assert not user.has_usable_password()  # she sets it herself through the activation link
    assert not user.is_staff
    assert user.history.first().history_user.rol == Rol.BEHEERDER


def test_rol_en_toegang_moeten_passen(beheerder, team):
    pagina = beheerder.post(
        "/beheer/stapteam/user/add/",
        nieuw_account(rol=Rol.GEMEENTE, teams=[team.pk]),
    )
    assert "kan geen lid van een team zijn" in pagina.content.decode()
    assert not User.objects.filter(username="nieuwe.casemanager").exists()


def test_gemeente_krijgt_cijfers_van_haar_gemeente(beheerder, team):
    beheerder.post(
        "/beheer/stapteam/user/add/",
        nieuw_account(rol=Rol.GEMEENTE, gemeenten=[team.gemeente.pk]),
    )
    user = User.objects.get(username="nieuwe.casemanager")
    assert list(gemeenten_van(user)) == [team.gemeente]
    assert list(teams_van(user)) == []


def test_superusers_zijn_niet_van_de_beheerder(beheerder):
    technisch = User.objects.create_superuser("technisch", "t@example.org", "x" * 20, naam="T")
    assert beheerder.get(f"/beheer/stapteam/user/{technisch.pk}/change/").status_code == 302
    assert "technisch" not in beheerder.get("/beheer/stapteam/user/").content.decode()


def test_mfa_resetten_bij_verloren_telefoon(beheerder):
    kwijt = UserFactory(rol=Rol.CASEMANAGER, username="telefoon.kwijt")
    assert Authenticator.objects.filter(user=kwijt).exists()
    beheerder.post(
        "/beheer/stapteam/user/",
        {"action": "mfa_resetten", "_selected_action": [kwijt.pk]},
    )
    assert not Authenticator.objects.filter(user=kwijt).exists()
    regel = Toegangslog.objects.get(
        actie=Actie.WIJZIGEN, object_type="stapteam.user", object_id=str(kwijt.pk)
    )
    assert "telefoon.kwijt" in regel.omschrijving


def test_geen_accounts_verwijderen(beheerder):
    ander = UserFactory(rol=Rol.CASEMANAGER)
    assert beheerder.get(f"/beheer/stapteam/user/{ander.pk}/delete/").status_code == 403
