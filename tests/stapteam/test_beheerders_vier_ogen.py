"""Administrators cannot make administrators alone (issue 9, four eyes).

The administrator role given in the admin takes effect only when a different, active
administrator who was one before the request was made confirms it; until then the
account has no role. Nobody decides on her own request or a request about herself, and
an account waiting for the role decides nothing. The first administrator of an
installation is made from the command line.
"""

import datetime as dt
import io

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from stapteam import services
from stapteam.constants import AanvraagStatus, Actie, Rol
from stapteam.models import Team, Toegangsaanvraag, Toegangslog, User
from stapteam.toegang import aanvragen_voor_beoordeling, teams_van
from tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

BEGIN = dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC)


@pytest.fixture
def klok():
    """A frozen clock the test moves on by hand: 'before the request' is then exact."""
    with time_machine.travel(BEGIN, tick=False) as reis:
        yield reis


@pytest.fixture
def beheerders(klok):
    """Two administrators from the command line, confirmed at BEGIN."""
    return UserFactory(rol=Rol.BEHEERDER, username="anna"), UserFactory(
        rol=Rol.BEHEERDER, username="carla"
    )


def later(klok, minuten=1):
    klok.shift(dt.timedelta(minutes=minuten))


def nieuwe_beheerder(client, door: User, gebruikersnaam: str) -> User:
    """``door`` adds an account with the administrator role in the admin."""
    client.force_login(door)
    client.post(
        "/beheer/stapteam/user/add/",
        {
            "username": gebruikersnaam,
            "naam": gebruikersnaam.title(),
            "email": f"{gebruikersnaam}@example.org",
            "rol": Rol.BEHEERDER,
            "is_active": "on",
        },
    )
    nieuw = User.objects.get(username=gebruikersnaam)
    # She activated her account and set up MFA: what stops her now is only the role.
    TOTP.activate(nieuw, generate_totp_secret())
    return nieuw


def beoordelen(client, door: User, aanvraag: Toegangsaanvraag, besluit="bevestigen"):
    client.force_login(door)
    return client.post(f"/toegangsaanvragen/{aanvraag.pk}/beoordelen/", {"besluit": besluit})


def test_beheerderrol_gaat_pas_in_na_bevestiging_door_een_ander(client, klok, beheerders):
    anna, carla = beheerders
    later(klok)
    bert = nieuwe_beheerder(client, anna, "bert")
    assert bert.rol is None and not bert.is_staff
    aanvraag = Toegangsaanvraag.objects.get(gebruiker=bert, status=AanvraagStatus.WACHT)
    assert (aanvraag.team, aanvraag.rol, aanvraag.aangevraagd_door) == (None, Rol.BEHEERDER, anna)
    assert Toegangslog.objects.filter(
        actie=Actie.WIJZIGEN, gebruiker=anna, object_id=str(aanvraag.pk)
    ).exists()
    # Shown in the admin: the account waits.
    wijzig = client.get(f"/beheer/stapteam/user/{bert.pk}/change/").content.decode()
    assert "Beheerder van de hele installatie" in wijzig

    # Not by the one who asked, not by the account itself (it has no role yet).
    assert beoordelen(client, anna, aanvraag).status_code == 404
    assert beoordelen(client, bert, aanvraag).status_code == 403
    assert User.objects.get(pk=bert.pk).rol is None

    later(klok)
    pagina = (client.force_login(carla), client.get("/toegangsaanvragen/"))[1].content.decode()
    assert "bert" in pagina and "beheer van de installatie" in pagina
    beoordelen(client, carla, aanvraag)
    bert = User.objects.get(pk=bert.pk)
    assert bert.rol == Rol.BEHEERDER and bert.is_staff
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.beoordeeld_door) == (AanvraagStatus.BEVESTIGD, carla)
    assert Toegangslog.objects.filter(gebruiker=carla, object_id=str(aanvraag.pk)).exists()
    # Visible afterwards to the administrators, with who decided.
    client.force_login(anna)
    overzicht = client.get("/toegangsaanvragen/").content.decode()
    assert "Alle aanvragen voor de rol beheerder" in overzicht and "Bevestigd" in overzicht


def test_afgewezen_geeft_geen_rol(client, klok, beheerders):
    anna, carla = beheerders
    later(klok)
    bert = nieuwe_beheerder(client, anna, "bert")
    later(klok)
    beoordelen(client, carla, bert.toegangsaanvragen.get(), besluit="afwijzen")
    bert = User.objects.get(pk=bert.pk)
    assert bert.rol is None and not bert.is_staff
    assert bert.toegangsaanvragen.get().status == AanvraagStatus.AFGEWEZEN


def test_wie_pas_na_de_aanvraag_beheerder_werd_beslist_er_niet_over(client, klok, beheerders):
    anna, carla = beheerders
    later(klok)
    bert = nieuwe_beheerder(client, anna, "bert")
    eva = nieuwe_beheerder(client, anna, "eva")
    later(klok)
    beoordelen(client, carla, bert.toegangsaanvragen.get())
    later(klok)
    aanvraag_eva = eva.toegangsaanvragen.get()
    bert = User.objects.get(pk=bert.pk)
    assert bert.rol == Rol.BEHEERDER
    # Bert was confirmed after Eva's request was made: not his to decide.
    assert beoordelen(client, bert, aanvraag_eva).status_code == 404
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(aanvraag=aanvraag_eva, bevestigd=True, door=bert)
    assert User.objects.get(pk=eva.pk).rol is None
    # Carla was one before: she may.
    beoordelen(client, carla, aanvraag_eva)
    assert User.objects.get(pk=eva.pk).rol == Rol.BEHEERDER


def test_niemand_beslist_over_een_aanvraag_over_zichzelf(klok, beheerders):
    anna, carla = beheerders
    later(klok)
    over_carla = Toegangsaanvraag.objects.create(
        gebruiker=carla, rol=Rol.BEHEERDER, aangevraagd_door=anna, reden="proef"
    )
    assert over_carla not in aanvragen_voor_beoordeling(carla)
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(aanvraag=over_carla, bevestigd=True, door=carla)


def test_een_beheerder_alleen_maakt_geen_coordinator_via_een_tweede_beheerder(client, klok):
    """The attack: one administrator makes a second one, who then confirms the first
    coordinator of a new team she also asked for. Neither step takes effect."""
    anna = UserFactory(rol=Rol.BEHEERDER, username="anna")
    team = TeamFactory()
    later(klok)
    bert = nieuwe_beheerder(client, anna, "bert")
    coordinator = services.gebruiker_opslaan(
        gebruikersnaam="coord",
        naam="Coördinator",
        rol=Rol.COORDINATOR,
        email="coord@example.org",
        teams=[team],
        door=anna,
    )
    aanvraag = coordinator.toegangsaanvragen.get()
    bert = User.objects.get(pk=bert.pk)
    assert not aanvragen_voor_beoordeling(bert).exists()
    assert not aanvragen_voor_beoordeling(anna).exists()
    for door in (anna, bert):
        with pytest.raises(ValidationError):
            services.toegangsaanvraag_beoordelen(aanvraag=aanvraag, bevestigd=True, door=door)
    assert list(teams_van(User.objects.get(pk=coordinator.pk))) == []
    # Bert's own administrator request is not Anna's to confirm either.
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(
            aanvraag=bert.toegangsaanvragen.get(), bevestigd=True, door=anna
        )
    assert User.objects.get(pk=bert.pk).rol is None


def test_inactieve_beheerder_beslist_niet(client, klok, beheerders):
    anna, carla = beheerders
    later(klok)
    bert = nieuwe_beheerder(client, anna, "bert")
    User.objects.filter(pk=carla.pk).update(is_active=False)
    with pytest.raises(ValidationError):
        services.toegangsaanvraag_beoordelen(
            aanvraag=bert.toegangsaanvragen.get(),
            bevestigd=True,
            door=User.objects.get(pk=carla.pk),
        )


def test_casemanager_die_beheerder_wordt_verliest_haar_toegang_terwijl_zij_wacht(
    client, klok, beheerders, team, casemanager
):
    anna, _ = beheerders
    later(klok)
    client.force_login(anna)
    client.post(
        f"/beheer/stapteam/user/{casemanager.pk}/change/",
        {
            "username": casemanager.username,
            "naam": casemanager.naam,
            "email": casemanager.email,
            "rol": Rol.BEHEERDER,
            "is_active": "on",
        },
    )
    casemanager = User.objects.get(pk=casemanager.pk)
    assert casemanager.rol is None and not casemanager.is_staff
    assert list(teams_van(casemanager)) == []
    assert casemanager.toegangsaanvragen.get(status=AanvraagStatus.WACHT).rol == Rol.BEHEERDER
    # Saving the waiting account again keeps one request, with the role still chosen.
    pagina = client.get(f"/beheer/stapteam/user/{casemanager.pk}/change/").content.decode()
    assert '<option value="beheerder" selected>' in pagina
    client.post(
        f"/beheer/stapteam/user/{casemanager.pk}/change/",
        {
            "username": casemanager.username,
            "naam": "Nieuwe Naam",
            "email": casemanager.email,
            "rol": Rol.BEHEERDER,
            "is_active": "on",
        },
    )
    assert casemanager.toegangsaanvragen.filter(status=AanvraagStatus.WACHT).count() == 1


def test_staf_en_superuser_niet_te_zetten_via_het_formulier(client, klok, beheerders, team):
    anna, _ = beheerders
    gemeente = UserFactory(rol=Rol.GEMEENTE, gemeente=team.gemeente)
    client.force_login(anna)
    client.post(
        f"/beheer/stapteam/user/{gemeente.pk}/change/",
        {
            "username": gemeente.username,
            "naam": gemeente.naam,
            "email": gemeente.email,
            "rol": Rol.GEMEENTE,
            "gemeenten": [team.gemeente.pk],
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    gemeente = User.objects.get(pk=gemeente.pk)
    assert (gemeente.is_staff, gemeente.is_superuser) == (False, False)


def test_eerste_beheerder_vanaf_de_opdrachtregel(klok):
    assert not Team.objects.exists() and not User.objects.exists()
    uitvoer = io.StringIO()
    call_command(
        "maak_beheerder",
        "eerste",
        "--naam",
        "Eerste Beheerder",
        "--email",
        "eerste@example.org",
        "--url",
        "https://stapteam.example.nl/",
        stdout=uitvoer,
    )
    eerste = User.objects.get(username="eerste")
    assert eerste.rol == Rol.BEHEERDER and eerste.is_staff
    assert not eerste.has_usable_password()
    registratie = eerste.toegangsaanvragen.get()
    assert (registratie.status, registratie.reden) == (
        AanvraagStatus.BEVESTIGD,
        "vanaf de opdrachtregel",
    )
    assert "https://stapteam.example.nl/account/activeren/" in mail.outbox[0].body
    # She is the one who confirms the next administrator.
    later(klok)
    tweede = services.gebruiker_opslaan(
        gebruikersnaam="tweede",
        naam="Tweede",
        rol=Rol.BEHEERDER,
        email="tweede@example.org",
        door=UserFactory(rol=Rol.BEHEERDER, username="andere"),
    )
    later(klok)
    services.toegangsaanvraag_beoordelen(
        aanvraag=tweede.toegangsaanvragen.get(), bevestigd=True, door=eerste
    )
    assert User.objects.get(pk=tweede.pk).rol == Rol.BEHEERDER
