"""No administrator path to client data (issue 9, items 1 and 2).

The administrator never sees or sets a password, cannot change her own role or grants,
and a team role with client content takes effect only after the team's coordinator (or,
for a team without one, a second administrator) confirms it.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError

from stapteam import services
from stapteam.constants import AanvraagStatus, Actie, Rol
from stapteam.models import Toegangsaanvraag, Toegangslog, User
from stapteam.toegang import teams_van
from tests.factories import WACHTWOORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder():
    return UserFactory(rol=Rol.BEHEERDER, username="beheer")


def formulier(user: User, **meer) -> dict:
    return {
        "username": user.username,
        "naam": user.naam,
        "email": user.email,
        "rol": user.rol,
        "is_active": "on",
        **meer,
    }


def test_wijzigformulier_toont_en_zet_geen_wachtwoord(client, beheerder, casemanager):
    client.force_login(beheerder)
    pagina = client.get(f"/beheer/stapteam/user/{casemanager.pk}/change/")
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert casemanager.password not in html
    assert casemanager.password.split("$")[-1] not in html  # not even the hash's tail
    assert 'name="password"' not in html
    assert "/password/" not in html

    oud = casemanager.password
    client.post(
        f"/beheer/stapteam/user/{casemanager.pk}/change/",
        formulier(casemanager, teams=[t.pk for t in teams_van(casemanager)], password="x"),
    )
    casemanager.refresh_from_db()
    assert casemanager.password == oud
    assert casemanager.check_password(WACHTWOORD)


def test_wachtwoord_wijzigen_pagina_is_dicht(client, beheerder, casemanager):
    client.force_login(beheerder)
    adres = f"/beheer/stapteam/user/{casemanager.pk}/password/"
    assert client.get(adres).status_code == 403
    client.post(adres, {"password1": "Nieuw-wachtwoord-123", "password2": "Nieuw-wachtwoord-123"})
    casemanager.refresh_from_db()
    assert casemanager.check_password(WACHTWOORD)


def test_nieuw_account_krijgt_activatielink_en_geen_wachtwoord(client, beheerder, team):
    client.force_login(beheerder)
    client.post(
        "/beheer/stapteam/user/add/",
        {
            "username": "nieuw",
            "naam": "Nieuwe Collega",
            "email": "nieuw@example.org",
            "rol": Rol.GEMEENTE,
            "gemeenten": [team.gemeente.pk],
            "is_active": "on",
            "wachtwoord1": "Gekozen-door-beheerder-1",
            "wachtwoord2": "Gekozen-door-beheerder-1",
        },
    )
    nieuw = User.objects.get(username="nieuw")
    assert not nieuw.has_usable_password()
    assert [bericht.to for bericht in mail.outbox] == [["nieuw@example.org"]]
    link = re.search(r"http://testserver(/account/activeren/\S+)", mail.outbox[0].body).group(1)

    client.logout()
    formulierpagina = client.get(link, follow=True)
    assert formulierpagina.status_code == 200
    instellen = formulierpagina.redirect_chain[-1][0]
    client.post(
        instellen,
        {
            "new_password1": "Zelf-gekozen-wachtwoord-9",
            "new_password2": "Zelf-gekozen-wachtwoord-9",
        },
    )
    nieuw.refresh_from_db()
    assert nieuw.check_password("Zelf-gekozen-wachtwoord-9")
    # One time only: the link no longer works.
    assert "al gebruikt of verlopen" in client.get(link, follow=True).content.decode()


def test_toevoegpagina_vraagt_geen_wachtwoord(client, beheerder):
    client.force_login(beheerder)
    pagina = client.get("/beheer/stapteam/user/add/")
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert 'type="password"' not in html
    assert "wachtwoord1" not in html and "password1" not in html


def test_nieuw_account_zonder_email_geweigerd(client, beheerder):
    client.force_login(beheerder)
    pagina = client.post(
        "/beheer/stapteam/user/add/",
        {"username": "zonder", "naam": "Zonder Mail", "rol": Rol.GEMEENTE, "is_active": "on"},
    )
    assert "activatielink" in pagina.content.decode()
    assert not User.objects.filter(username="zonder").exists()


def test_beheerder_wijzigt_eigen_rol_niet(client, beheerder, team):
    client.force_login(beheerder)
    pagina = client.post(
        f"/beheer/stapteam/user/{beheerder.pk}/change/",
        formulier(beheerder, rol=Rol.COORDINATOR, teams=[team.pk]),
    )
    assert "eigen rol, teams en toegang niet wijzigen" in pagina.content.decode()
    beheerder.refresh_from_db()
    assert beheerder.rol == Rol.BEHEERDER
    # Only her own registration as administrator (from the command line) is there.
    assert not Toegangsaanvraag.objects.exclude(gebruiker=beheerder, team=None).exists()
    with pytest.raises(ValidationError, match="eigen rol"):
        services.gebruiker_opslaan(
            gebruiker=beheerder,
            gebruikersnaam=beheerder.username,
            naam=beheerder.naam,
            rol=Rol.GEMEENTE,
            gemeenten=[team.gemeente],
            door=beheerder,
        )


def test_beheerder_zet_geen_wachtwoord_via_de_service(beheerder):
    with pytest.raises(ValueError):
        services.gebruiker_opslaan(
            gebruikersnaam="x", naam="X", rol=Rol.GEMEENTE, wachtwoord="geheim", door=beheerder
        )


def test_coordinatorrol_gaat_pas_in_na_bevestiging(client, beheerder, team, coordinator):
    """An administrator makes an account coordinator of a team: no access until the
    team's coordinator confirms; the request and decision are logged and shown to her."""
    ander = UserFactory(rol=Rol.GEMEENTE, gemeente=team.gemeente)
    client.force_login(beheerder)
    client.post(
        f"/beheer/stapteam/user/{ander.pk}/change/",
        formulier(ander, rol=Rol.COORDINATOR, teams=[team.pk]),
    )
    ander = User.objects.get(pk=ander.pk)
    assert ander.rol == Rol.COORDINATOR
    assert list(teams_van(ander)) == []
    aanvraag = Toegangsaanvraag.objects.get(gebruiker=ander, status=AanvraagStatus.WACHT)
    assert Toegangslog.objects.filter(
        actie=Actie.WIJZIGEN, object_id=str(aanvraag.pk), gebruiker=beheerder
    ).exists()

    # The administrator cannot confirm her own request, nor when the team has a coordinator.
    assert client.post(f"/toegangsaanvragen/{aanvraag.pk}/beoordelen/").status_code == 404
    tweede_beheerder = UserFactory(rol=Rol.BEHEERDER)
    client.force_login(tweede_beheerder)
    assert (
        client.post(
            f"/toegangsaanvragen/{aanvraag.pk}/beoordelen/", {"besluit": "bevestigen"}
        ).status_code
        == 404
    )
    assert list(teams_van(User.objects.get(pk=ander.pk))) == []

    client.force_login(coordinator)
    pagina = client.get("/toegangsaanvragen/").content.decode()
    assert ander.username in pagina and "Wacht op bevestiging" in pagina
    client.post(f"/toegangsaanvragen/{aanvraag.pk}/beoordelen/", {"besluit": "bevestigen"})
    assert list(teams_van(User.objects.get(pk=ander.pk))) == [team]
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.beoordeeld_door) == (AanvraagStatus.BEVESTIGD, coordinator)
    assert "Bevestigd" in client.get("/toegangsaanvragen/").content.decode()
    assert Toegangslog.objects.filter(gebruiker=coordinator, object_id=str(aanvraag.pk)).exists()


def test_afgewezen_aanvraag_geeft_geen_toegang(beheerder, team, coordinator):
    nieuw = services.gebruiker_opslaan(
        gebruikersnaam="cm",
        naam="CM",
        rol=Rol.CASEMANAGER,
        email="c@example.org",
        teams=[team],
        door=beheerder,
    )
    aanvraag = nieuw.toegangsaanvragen.get()
    services.toegangsaanvraag_beoordelen(aanvraag=aanvraag, bevestigd=False, door=coordinator)
    assert list(teams_van(User.objects.get(pk=nieuw.pk))) == []
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(aanvraag=aanvraag, bevestigd=True, door=coordinator)


def test_eerste_coordinator_bevestigt_een_tweede_beheerder(client, beheerder, team):
    nieuw = services.gebruiker_opslaan(
        gebruikersnaam="eerste",
        naam="Eerste Coördinator",
        rol=Rol.COORDINATOR,
        email="e@example.org",
        teams=[team],
        door=beheerder,
    )
    aanvraag = nieuw.toegangsaanvragen.get()
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(aanvraag=aanvraag, bevestigd=True, door=beheerder)
    # A casemanager of the team is no coordinator and cannot confirm either.
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(
            aanvraag=aanvraag,
            bevestigd=True,
            door=UserFactory(rol=Rol.CASEMANAGER, team=team),
        )
    tweede = UserFactory(rol=Rol.BEHEERDER)
    services.toegangsaanvraag_beoordelen(aanvraag=aanvraag, bevestigd=True, door=tweede)
    assert list(teams_van(User.objects.get(pk=nieuw.pk))) == [team]


def test_ruimere_rol_in_eigen_team_wacht_ook(beheerder, team, coordinator, casemanager):
    services.gebruiker_opslaan(
        gebruiker=casemanager,
        gebruikersnaam=casemanager.username,
        naam=casemanager.naam,
        rol=Rol.COORDINATOR,
        email=casemanager.email,
        teams=[team],
        door=beheerder,
    )
    assert list(teams_van(User.objects.get(pk=casemanager.pk))) == []
    # A step down (casemanager to peer worker) in the same team keeps the membership.
    ervaring = UserFactory(rol=Rol.CASEMANAGER, team=team)
    services.gebruiker_opslaan(
        gebruiker=ervaring,
        gebruikersnaam=ervaring.username,
        naam=ervaring.naam,
        rol=Rol.ERVARINGSDESKUNDIGE,
        email=ervaring.email,
        teams=[team],
        door=beheerder,
    )
    assert list(teams_van(User.objects.get(pk=ervaring.pk))) == [team]


def test_mfa_reset_zet_teamtoegang_in_afwachting(client, beheerder, team, casemanager):
    """Password reset plus MFA reset must not give the administrator her clients."""
    services.mfa_resetten(gebruiker=casemanager, door=beheerder)
    assert not Authenticator.objects.filter(user=casemanager).exists()
    assert list(teams_van(User.objects.get(pk=casemanager.pk))) == []
    aanvraag = casemanager.toegangsaanvragen.get()
    assert (aanvraag.team, aanvraag.status) == (team, AanvraagStatus.WACHT)
    assert aanvraag.reden == "tweestapsverificatie gereset"


def test_demo_seeder_pad_werkt_direct(team):
    """The seeder (door=None) still makes members with a password at once."""
    user = UserFactory(rol=Rol.COORDINATOR, team=team)
    assert list(teams_van(user)) == [team]
    assert user.check_password(WACHTWOORD)
