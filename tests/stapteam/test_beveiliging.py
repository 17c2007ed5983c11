"""Security headers on every response, and production settings that refuse to be unsafe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def csp_directieven(antwoord) -> dict[str, str]:
    kop = antwoord["Content-Security-Policy"]
    return {
        deel.strip().split(" ", 1)[0]: deel.strip().split(" ", 1)[1]
        for deel in kop.split(";")
        if deel.strip()
    }


@pytest.fixture(params=["anoniem", "ingelogd"])
def antwoord(request, client, als):
    if request.param == "ingelogd":
        als(UserFactory())
        return client.get(reverse("start"))
    return client.get("/accounts/login/")


def test_content_security_policy_zonder_inline(antwoord):
    csp = csp_directieven(antwoord)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert "unsafe-inline" not in antwoord["Content-Security-Policy"]
    assert "unsafe-eval" not in antwoord["Content-Security-Policy"]


def test_overige_beveiligingsheaders(antwoord):
    assert antwoord["X-Frame-Options"] == "DENY"
    assert antwoord["Referrer-Policy"] == "same-origin"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Cross-Origin-Opener-Policy"] == "same-origin"
    assert antwoord["Cross-Origin-Resource-Policy"] == "same-origin"
    assert antwoord["Permissions-Policy"] == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    )
    assert "no-store" in antwoord["Cache-Control"]


def test_foutpaginas_hebben_ook_de_headers(client, als):
    als(UserFactory())
    antwoord = client.get("/bestaat-niet/")
    assert antwoord.status_code == 404
    assert "Niet gevonden" in antwoord.content.decode()
    assert antwoord["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in antwoord
    assert antwoord["Cross-Origin-Resource-Policy"] == "same-origin"
    assert antwoord["X-Content-Type-Options"] == "nosniff"


def test_gezondheid_zonder_toegestane_hostnaam(client):
    antwoord = client.get("/gezondheid/", HTTP_HOST="interne-naam:8000")
    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok"}


def productie(code: str, **omgeving: str) -> subprocess.CompletedProcess:
    """Load the production settings in a fresh interpreter, with only ``omgeving`` set."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "stapteam.settings.production",
        **omgeving,
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


GEHEIM = "p" * 20 + "-echt-willekeurig-genoeg-voor-deze-test-0123456789"
REDIS = "redis://127.0.0.1:6379/0"


def test_productie_weigert_zonder_geheime_sleutel():
    uitkomst = productie("", REDIS_URL=REDIS)
    assert uitkomst.returncode != 0
    assert "DJANGO_SECRET_KEY" in uitkomst.stderr


def test_productie_weigert_met_debug():
    uitkomst = productie("", DJANGO_SECRET_KEY=GEHEIM, REDIS_URL=REDIS, DJANGO_DEBUG="true")
    assert uitkomst.returncode != 0
    assert "DJANGO_DEBUG" in uitkomst.stderr


def test_productie_weigert_zonder_redis():
    uitkomst = productie("", DJANGO_SECRET_KEY=GEHEIM)
    assert uitkomst.returncode != 0
    assert "REDIS_URL" in uitkomst.stderr


def test_productie_zet_hsts_en_veilige_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.MFA_VERPLICHT, s.DEBUG)"
    )
    uitkomst = productie(code, DJANGO_SECRET_KEY=GEHEIM, REDIS_URL=REDIS, MFA_VERPLICHT="false")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.split() == ["31536000", "True", "True", "True", "True", "False"]


def test_productie_cookies_heten_host_en_zijn_veilig():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_HTTPONLY, "
        "s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SESSION_COOKIE_DOMAIN, "
        "s.CSRF_COOKIE_DOMAIN)"
    )
    uitkomst = productie(code, DJANGO_SECRET_KEY=GEHEIM, REDIS_URL=REDIS)
    assert uitkomst.returncode == 0, uitkomst.stderr
    # A __Host- cookie is refused by the browser unless Secure, path / and no Domain.
    assert uitkomst.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "Lax",
        "Lax",
        "None",
        "None",
    ]


def test_productie_stuurt_http_naar_https_met_hsts():
    # Over HTTPS: a page that answers without a template or the database (405 on a GET),
    # as the production settings expect collected static files and PostgreSQL.
    code = (
        "from django.test import Client; p = '/sessie/verlengen/'; "
        "a = Client().get('/accounts/login/', HTTP_HOST='stapteam.example.org'); "
        "b = Client().get(p, HTTP_HOST='stapteam.example.org', secure=True); "
        "print(a.status_code, a['Location'], b['Strict-Transport-Security'])"
    )
    uitkomst = productie(
        code,
        DJANGO_SECRET_KEY=GEHEIM,
        REDIS_URL=REDIS,
        DJANGO_ALLOWED_HOSTS="stapteam.example.org",
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    status, naar, hsts = uitkomst.stdout.strip().split(" ", 2)
    assert (status, naar) == ("301", "https://stapteam.example.org/accounts/login/")
    assert hsts == "max-age=31536000; includeSubDomains; preload"


def test_productie_check_deploy_is_schoon():
    uitkomst = productie(
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')",
        DJANGO_SECRET_KEY=GEHEIM,
        REDIS_URL=REDIS,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr


def test_te_grote_anonieme_post_krijgt_413_voor_het_lezen(client, settings):
    """A large anonymous upload is refused on its Content-Length, before the body is read
    and before the login check (issue 9, item 8)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stapteam.models import Toegangslog

    settings.MAX_AANVRAAG_MB = 1

    def groot():
        return SimpleUploadedFile("groot.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024))

    antwoord = client.post("/accounts/login/", {"login": "x", "password": "y", "bestand": groot()})
    assert antwoord.status_code == 413
    assert "te groot" in antwoord.content.decode()
    assert not Toegangslog.objects.exists()  # no login attempt was even processed
    # Also on a page behind the login: 413, not a redirect to the login page.
    assert client.post("/clienten/", {"bestand": groot()}).status_code == 413


def test_aanvraag_onder_de_limiet_gaat_door(client, settings):
    settings.MAX_AANVRAAG_MB = 1
    antwoord = client.post("/accounts/login/", {"login": "x", "password": "y"})
    assert antwoord.status_code == 200


def test_caddy_begrenst_de_aanvraag_ook():
    caddyfile = (PROJECT / "docker" / "Caddyfile").read_text()
    assert "request_body" in caddyfile and "max_size" in caddyfile
