"""Login, MFA, sign-up, rate limits, the admin login and idle sessions."""

import datetime as dt

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from stapteam.constants import Rol
from stapteam.models import User
from stapteam.settings import base
from tests.factories import WACHTWOORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def mfa_instellen_na_login(client, user: User) -> str:
    """Walk the forced set-up: confirm the password (allauth asks it again before a
    security change), then return the secret the activation page offers."""
    antwoord = client.get(reverse("mfa_activate_totp"))
    if antwoord.status_code == 302 and "reauthenticate" in antwoord["Location"]:
        client.post(antwoord["Location"], {"password": WACHTWOORD})
        antwoord = client.get(reverse("mfa_activate_totp"))
    assert antwoord.status_code == 200
    return antwoord.context["form"].secret


def code_voor(geheim: str) -> str:
    return format_hotp_value(hotp_value(geheim, int(timezone.now().timestamp()) // 30))


def totp_code(user: User) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return code_voor(decrypt(authenticator.data["secret"]))


def test_aanmelden_is_gesloten(client):
    pagina = client.get("/accounts/signup/")
    assert "Aanmelden is niet mogelijk" in pagina.content.decode()

    client.post(
        "/accounts/signup/",
        {
            "username": "indringer",
            "password1": "Heel-lang-wachtwoord-1",
            "password2": "Heel-lang-wachtwoord-1",
        },
    )
    assert not User.objects.filter(username="indringer").exists()


def test_loginpagina_biedt_geen_aanmelden_aan(client):
    html = client.get(LOGIN).content.decode()
    assert "Inloggen" in html
    assert "/accounts/signup/" not in html


def test_zonder_mfa_eerst_naar_mfa_instellen(client):
    user = UserFactory(mfa=False)
    antwoord = client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    assert antwoord.status_code == 302

    start = client.get(reverse("start"))
    assert start.status_code == 302
    assert start["Location"] == reverse("mfa_activate_totp")
    # Also every other page, the admin included.
    assert client.get(reverse("mijn_account"))["Location"] == reverse("mfa_activate_totp")
    assert client.get("/beheer/")["Location"] == reverse("mfa_activate_totp")
    assert mfa_instellen_na_login(client, user)


def test_mfa_instellen_opent_de_rest(client):
    user = UserFactory(mfa=False)
    client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    geheim = mfa_instellen_na_login(client, user)

    antwoord = client.post(reverse("mfa_activate_totp"), {"code": code_voor(geheim)})

    assert antwoord.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("start")).status_code == 200


def test_met_mfa_vraagt_login_om_de_code(client):
    user = UserFactory(mfa=True)
    antwoord = client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    assert antwoord["Location"] == reverse("mfa_authenticate")
    # Password alone is not enough.
    assert client.get(reverse("start")).status_code == 302

    antwoord = client.post(reverse("mfa_authenticate"), {"code": totp_code(user)})
    assert antwoord.status_code == 302
    assert client.get(reverse("start")).status_code == 200


def test_mfa_geheim_wordt_versleuteld_opgeslagen(client):
    user = UserFactory(mfa=False)
    client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    geheim = mfa_instellen_na_login(client, user)
    client.post(reverse("mfa_activate_totp"), {"code": code_voor(geheim)})

    opgeslagen = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert opgeslagen != geheim
    assert geheim not in opgeslagen


def test_herstelcodes_worden_aangemaakt_bij_activeren(client):
    user = UserFactory(mfa=False)
    client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    geheim = mfa_instellen_na_login(client, user)
    client.post(reverse("mfa_activate_totp"), {"code": code_voor(geheim)})
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()


def test_inlogpogingen_worden_begrensd(client):
    user = UserFactory()
    for _ in range(5):
        mislukt = client.post(LOGIN, {"login": user.username, "password": "fout-wachtwoord"})
        assert mislukt.status_code == 200  # the form again, with an error

    # Even the right password is refused now: the limit is on the account name.
    geblokkeerd = client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    assert "Te veel inlogpogingen" in geblokkeerd.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("start")).status_code == 302


def test_inactief_account_kan_niet_inloggen(client):
    user = UserFactory(actief=False)
    client.post(LOGIN, {"login": user.username, "password": WACHTWOORD})
    assert "_auth_user_id" not in client.session


def test_beheer_login_gaat_via_allauth(client):
    antwoord = client.get("/beheer/login/?next=/beheer/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(LOGIN)


def test_beheer_is_niet_voor_teamrollen(client, als, team):
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    antwoord = als(casemanager).get("/beheer/", follow=True)
    assert antwoord.status_code == 403


def _einde(client) -> dt.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_sessie_verloopt_na_inactiviteit(client, als):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    begin = timezone.now()
    with time_machine.travel(begin, tick=False) as klok:
        als(UserFactory())
        assert client.get(reverse("start")).status_code == 200
        assert _einde(client) == begin + dt.timedelta(minutes=30)

        # 29:59 after the last renewal she is still logged in; that request renews.
        klok.shift(dt.timedelta(minutes=29, seconds=59))
        assert client.get(reverse("start")).status_code == 200
        vernieuwd = timezone.now()
        assert _einde(client) == vernieuwd + dt.timedelta(minutes=30)

        # Thirty minutes without a request: the session has ended.
        klok.shift(dt.timedelta(minutes=30))
        antwoord = client.get(reverse("start"))
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(LOGIN)


def test_sessie_wordt_pas_na_een_minuut_weer_opgeslagen(client, als, tel_queries, settings):
    """A request within a minute of the last renewal does not save the session: the idle
    clock still ends it thirty minutes after that renewal, so never later than thirty
    minutes after the last request."""
    assert base.SESSIE_VERNIEUWEN_NA_SECONDEN == 60
    settings.SESSIE_VERNIEUWEN_NA_SECONDEN = 60  # the test settings renew less often
    interval = dt.timedelta(minutes=1)
    begin = timezone.now()
    with time_machine.travel(begin, tick=False) as klok:
        als(UserFactory())
        client.get(reverse("start"))
        einde = _einde(client)
        zonder_opslaan = tel_queries(lambda: client.get(reverse("start")))

        klok.shift(interval - dt.timedelta(seconds=1))
        assert tel_queries(lambda: client.get(reverse("start"))) == zonder_opslaan
        assert _einde(client) == einde

        klok.shift(dt.timedelta(seconds=1))
        assert tel_queries(lambda: client.get(reverse("start"))) > zonder_opslaan
        assert _einde(client) == timezone.now() + dt.timedelta(minutes=30)

        # Requests a few seconds apart renew the session once a minute, so she stays in.
        for _ in range(40):
            klok.shift(dt.timedelta(seconds=59))
            assert client.get(reverse("start")).status_code == 200

        # The page tells the idle warning how long is left since the last renewal.
        klok.shift(dt.timedelta(seconds=30))
        pagina = client.get(reverse("start"))
        over = pagina.context["sessie_timeout_seconden"]
        assert 28 * 60 <= over < 30 * 60


def test_sessie_eindigt_ook_zonder_einddatum_van_de_database(client, als):
    """The middleware checks the idle clock itself, whatever the session engine keeps."""
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        als(UserFactory())
        assert client.get(reverse("start")).status_code == 200
        sessie = client.session
        sessie["laatste_activiteit"] = int(begin.timestamp()) - 30 * 60
        sessie.save()  # the stored end date moves 30 minutes ahead, the clock does not
        antwoord = client.get(reverse("start"))
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(LOGIN)
        assert "_auth_user_id" not in client.session


def test_anonieme_bezoeker_krijgt_geen_sessie(client):
    client.get(LOGIN)
    assert not Session.objects.exists()


def test_sessie_verlengen_vraagt_post_en_login(client, als):
    assert client.post(reverse("sessie_verlengen")).status_code == 302
    als(UserFactory())
    assert client.get(reverse("sessie_verlengen")).status_code == 405
    assert client.post(reverse("sessie_verlengen")).status_code == 204


def test_uitloggen_kan_alleen_met_post(client, als):
    als(UserFactory())
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
