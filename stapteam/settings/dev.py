"""Development and the demo (``make demo``): debug on, e-mail to the console, and MFA
optional unless MFA_VERPLICHT=true is set."""

from .base import *  # noqa: F403
from .omgeving import boolean, tekst

STAPTEAM_OMGEVING = "ontwikkeling"
DEBUG = boolean("DJANGO_DEBUG", True)
SECRET_KEY = tekst("DJANGO_SECRET_KEY", "ontwikkeling-alleen-niet-geheim-" + "x" * 32)
EMAIL_BACKEND = tekst("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MFA_VERPLICHT = boolean("MFA_VERPLICHT", False)

# Serve static files straight from the source folders, also with DJANGO_DEBUG=false.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
