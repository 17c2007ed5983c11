"""Production: only hardening on top of ``base``. Refuses to start when unsafe."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, REDIS_URL, SECRET_KEY, STORAGES
from .omgeving import boolean, geheel_getal

STAPTEAM_OMGEVING = "productie"

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG staat aan: dat mag nooit in productie.")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("django-insecure", "ontwikkeling", "test")):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY ontbreekt of is te kort (minstens 50 tekens, willekeurig)."
    )
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL ontbreekt: de inlogbeperking heeft een gedeelde cache nodig."
    )

MFA_VERPLICHT = True  # not configurable: production always requires MFA

SECURE_SSL_REDIRECT = boolean("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = geheel_getal("DJANGO_HSTS_SECONDEN", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = boolean("DJANGO_HSTS_PRELOAD", True)
if boolean("DJANGO_ACHTER_PROXY", False):
    # The reverse proxy terminates TLS and says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are only sent over HTTPS, to this exact host, for the whole site.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
