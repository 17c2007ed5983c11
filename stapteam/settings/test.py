"""The test suite: as close to production as is useful, but fast and self-contained.

MFA stays required, so tests log in with users that have an authenticator (see
``tests/factories.py``). The database comes from DATABASE_URL (PostgreSQL in CI) or is
an in-memory SQLite database.
"""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import STORAGES

STAPTEAM_OMGEVING = "test"
DEBUG = False
SECRET_KEY = "test-sleutel-niet-geheim-" + "x" * 40
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MFA_VERPLICHT = True
# The query-count tests compare two requests with data built in between; a session
# renewal in one of them only (when building took over a minute) would differ by a
# query. The idle-clock tests set the production interval themselves.
SESSIE_VERNIEUWEN_NA_SECONDEN = 10 * 60
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PRIVE_BESTANDEN_MAP = Path(tempfile.mkdtemp(prefix="stapteam-test-prive-"))
STORAGES = {
    **STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVE_BESTANDEN_MAP, "base_url": None},
    },
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Serve static files from the app folders; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
