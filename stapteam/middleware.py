"""Middleware of the core: health check, request size limit, the idle clock of a session,
enforced MFA, extra security headers."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import logout
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect


class GezondheidMiddleware:
    """``/gezondheid/`` answers whether the app and its database are up.

    First in the chain, so the container's health check needs no allowed host name and
    is not redirected to HTTPS. It says nothing about the data.
    """

    PAD = "/gezondheid/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != self.PAD:
            return self.get_response(request)
        try:
            connection.ensure_connection()
        except Exception:
            return JsonResponse({"status": "database onbereikbaar"}, status=503)
        return JsonResponse({"status": "ok"})


class AanvraagLimietMiddleware:
    """Refuse a request whose body is larger than ``MAX_AANVRAAG_MB`` with 413.

    Decided on the Content-Length header alone, so nothing of the body is read, and
    before the session and login checks, so an anonymous sender cannot make the server
    read (or spool to disk) a large upload. A body without a length (chunked) is
    limited by Caddy in front, and Django's own ``DATA_UPLOAD_MAX_MEMORY_SIZE``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Ongeldige Content-Length.", status=400, content_type="text/plain")
        if lengte > settings.MAX_AANVRAAG_MB * 1024 * 1024:
            return HttpResponse(
                f"Deze aanvraag is te groot: het maximum is {settings.MAX_AANVRAAG_MB} MB.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


# The session key holding when the session was last renewed (seconds since the epoch).
LAATSTE_ACTIVITEIT = "laatste_activiteit"


def sessie_rest_seconden(request) -> int:
    """Seconds until the idle clock ends the session, counted from its last renewal."""
    laatste = request.session.get(LAATSTE_ACTIVITEIT)
    if laatste is None:
        return settings.SESSION_COOKIE_AGE
    return max(0, settings.SESSION_COOKIE_AGE - int(time.time() - laatste))


class InactiviteitMiddleware:
    """Idle sessions end after ``SESSION_COOKIE_AGE`` seconds without a request.

    Saving the session on every request (three statements on PostgreSQL) only to move
    its end forward is most of a page's fixed cost. Instead the session is renewed, and
    thus saved with a new end, only when its last renewal is at least
    ``SESSIE_VERNIEUWEN_NA_SECONDEN`` old. A session therefore ends at the latest
    ``SESSION_COOKIE_AGE`` after the last request, and at the earliest that interval
    sooner: never later than the configured idle time.

    The database session's own end date enforces this; the check below enforces it as
    well, so the rule does not depend on the session engine.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = time.time()
            laatste = request.session.get(LAATSTE_ACTIVITEIT)
            if laatste is not None and nu - laatste >= settings.SESSION_COOKIE_AGE:
                logout(request)
            elif laatste is None or nu - laatste >= settings.SESSIE_VERNIEUWEN_NA_SECONDEN:
                request.session[LAATSTE_ACTIVITEIT] = int(nu)
        return self.get_response(request)


# Pages a logged-in user without an authenticator app may still open: setting it up
# (which can ask for the password again), viewing the recovery codes, and logging out.
MFA_VRIJE_PAGINAS = frozenset(
    {
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "mfa_generate_recovery_codes",
        "account_reauthenticate",
        "mfa_reauthenticate",
        "account_logout",
    }
)


class MFAVerplichtMiddleware:
    """A logged-in user without an authenticator app is sent to set one up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_VERPLICHT or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in MFA_VRIJE_PAGINAS:
            return None
        if is_mfa_enabled(request.user, [Authenticator.Type.TOTP]):
            return None
        return redirect("mfa_activate_totp")


class BeveiligingsheadersMiddleware:
    """Headers Django does not set itself.

    - Permissions-Policy: the app never needs camera, microphone or location.
    - Cross-Origin-Resource-Policy: same-origin, so another site cannot embed a page,
      an image or a download of the app (a scan, a receipt) in its own.
    - Cache-Control: no-store on every page, so personal data does not stay in a shared
      phone's cache or come back with the back button after logging out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response
