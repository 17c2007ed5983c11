"""Settings shared by every environment.

Every value that differs between installations is read from the environment with a
documented default; secrets have none. ``.env.example`` lists every variable.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from . import omgeving

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Which kind of installation this is: "ontwikkeling", "test" or "productie". The demo
# seeder refuses to run on "productie".
STAPTEAM_OMGEVING = "productie"

SECRET_KEY = omgeving.tekst("DJANGO_SECRET_KEY", "")
DEBUG = omgeving.boolean("DJANGO_DEBUG", False)
ALLOWED_HOSTS = omgeving.lijst("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = omgeving.lijst("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "stapteam",
    "clients",
    "plannen",
    "vergunningen",
    "budget",
    "rapportage",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "guardian",
    "simple_history",
    "csp",
]

MIDDLEWARE = [
    # Answers the container's health check before host validation and SSL redirects.
    "stapteam.middleware.GezondheidMiddleware",
    # Refuses an oversized body before anything reads it (sessions, CSRF, login).
    "stapteam.middleware.AanvraagLimietMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Ends an idle session before anything else reads who is logged in.
    "stapteam.middleware.InactiviteitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "stapteam.middleware.MFAVerplichtMiddleware",
    "stapteam.middleware.BeveiligingsheadersMiddleware",
]

ROOT_URLCONF = "stapteam.urls"
WSGI_APPLICATION = "stapteam.wsgi.application"

# Forms and their widgets written in Python, the same HTML as Django's templates (faster).
FORM_RENDERER = "stapteam.widgetweergave.Widgetweergave"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stapteam.context_processors.navigatie",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# DATABASE_URL chooses the database; without it the embedded SQLite file is used (the
# demo). Production and CI use PostgreSQL: postgres://user:password@host:5432/name
DATABASE_URL = omgeving.tekst("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=omgeving.geheel_getal("DATABASE_CONN_MAX_AGE", 60)
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: PostgreSQL turns it on by the planner's cost estimate, and
        # for the report queries of a large team (many subqueries per client) compiling
        # took seconds where running them takes a few hundred milliseconds
        # (docs/prestaties.md, "The evaluation report").
        # Random reads priced as on solid-state storage (PostgreSQL's own advice for SSDs;
        # its default of 4 assumes spinning disks): a team's list then looks up its
        # clients' current state by index instead of reading every team's
        # (docs/prestaties.md, "National scale"). DATABASE_RANDOM_PAGE_COST changes it.
        kosten = omgeving.getal("DATABASE_RANDOM_PAGE_COST", 1.1)
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
            f"-c jit=off -c random_page_cost={kosten:g}"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            # IMMEDIATE takes the write lock at the start of a transaction, so two
            # writers queue instead of failing halfway (the demo has several users).
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (backs the login rate limits) ----------------------------------------------
REDIS_URL = omgeving.tekst("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stapteam",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts, login and sessions -----------------------------------------------------
AUTH_USER_MODEL = "stapteam.User"
AUTHENTICATION_BACKENDS = [
    # allauth's backend, reading role and permissions in one query.
    "stapteam.backends.RolBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"

ACCOUNT_ADAPTER = "stapteam.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_USER_DISPLAY = "stapteam.models.weergavenaam"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Stapteam] "
ACCOUNT_PREVENT_ENUMERATION = True
# Failed logins: at most 10 a minute from one address and 5 per 5 minutes for one
# account name. The limits live in the cache, so production needs Redis.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}

MFA_ADAPTER = "stapteam.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Stapteam"
# Accounts are only made by an administrator, so the attack this guards against (a
# stranger signing up with someone else's address) cannot happen here.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Every account must set up an authenticator app before anything else. Only the
# development settings (the demo) may switch this off.
MFA_VERPLICHT = True

# Idle sessions end: a request moves the end of the session forward, but the session is
# only saved for that when it was last renewed a minute or more ago
# (stapteam.middleware.InactiviteitMiddleware).
SESSIE_TIMEOUT_MINUTEN = omgeving.geheel_getal("SESSIE_TIMEOUT_MINUTEN", 30)
SESSION_COOKIE_AGE = SESSIE_TIMEOUT_MINUTEN * 60
SESSIE_VERNIEUWEN_NA_SECONDEN = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "stapteam.views.csrf_fout"

# django-guardian: no anonymous user object; nobody gets in unnamed.
ANONYMOUS_USER_NAME = None

SIMPLE_HISTORY_REVERT_DISABLED = True
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Number of proxies in front of the app that set X-Forwarded-For (0: use the socket's
# address). Used for the access log and the login rate limits alike.
ALLAUTH_TRUSTED_PROXY_COUNT = omgeving.geheel_getal("VERTROUWDE_PROXIES", 0)

# --- E-mail (password reset) ----------------------------------------------------------
EMAIL_BACKEND = omgeving.tekst("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = omgeving.tekst("EMAIL_HOST", "localhost")
EMAIL_PORT = omgeving.geheel_getal("EMAIL_PORT", 587)
EMAIL_HOST_USER = omgeving.tekst("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = omgeving.tekst("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = omgeving.boolean("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = omgeving.tekst("DEFAULT_FROM_EMAIL", "Stapteam <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security headers -----------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: only for the QR code of the authenticator set-up (an inline SVG image).
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Language and time ----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (signed consent forms, receipts) are never served by URL; a view checks
# access and logs every download. They live outside the static tree.
PRIVE_BESTANDEN_MAP = Path(omgeving.tekst("PRIVE_BESTANDEN_MAP", str(BASE_DIR / "prive")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVE_BESTANDEN_MAP, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAX_UPLOAD_MB = omgeving.geheel_getal("MAX_UPLOAD_MB", 10)
# A request body larger than this is refused with 413 before it is read, before the
# login check (``stapteam.middleware.AanvraagLimietMiddleware``); Caddy has the same
# limit in front (docker/Caddyfile). One upload plus room for the form's other fields.
MAX_AANVRAAG_MB = omgeving.geheel_getal("MAX_AANVRAAG_MB", MAX_UPLOAD_MB + 2)
# An exchange workbook (XLSX is a ZIP archive) may unpack to at most this many megabytes;
# what declares more is refused before it is opened (a "zip bomb").
WERKBOEK_MAX_UITGEPAKT_MB = omgeving.geheel_getal("WERKBOEK_MAX_UITGEPAKT_MB", 500)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# --- Application ----------------------------------------------------------------------
# The Django admin (for the functional administrator) lives under this path.
BEHEER_URL = omgeving.tekst("BEHEER_URL", "beheer/")
# Years after outflow before a closed dossier is anonymised.
BEWAARTERMIJN_JAREN = omgeving.geheel_getal("BEWAARTERMIJN_JAREN", 15)
# Months after the last ZRM measurement before the caseload asks for a new one.
ZRM_SIGNAAL_MAANDEN = omgeving.geheel_getal("ZRM_SIGNAAL_MAANDEN", 6)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "eenvoudig": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "eenvoudig"}},
    "root": {"handlers": ["console"], "level": omgeving.tekst("LOG_NIVEAU", "INFO")},
}
