"""Logins, logouts and failed login attempts go into the access log too (NEN 7513)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from stapteam.audit import log_toegang
from stapteam.constants import Actie


def _ingelogd(sender, request, user, **kwargs):
    if request is not None:
        log_toegang(request, actie=Actie.INLOGGEN, omschrijving="Ingelogd", gebruiker=user)


def _uitgelogd(sender, request, user, **kwargs):
    if request is not None and user is not None:
        log_toegang(request, actie=Actie.UITLOGGEN, omschrijving="Uitgelogd", gebruiker=user)


def _mislukt(sender, credentials, request=None, **kwargs):
    if request is not None:
        naam = str(credentials.get("username", ""))[:150]
        log_toegang(
            request,
            actie=Actie.INLOGPOGING_MISLUKT,
            omschrijving=f"Mislukte inlogpoging voor gebruikersnaam '{naam}'",
        )


def verbind() -> None:
    user_logged_in.connect(_ingelogd, dispatch_uid="toegangslog_inloggen")
    user_logged_out.connect(_uitgelogd, dispatch_uid="toegangslog_uitloggen")
    user_login_failed.connect(_mislukt, dispatch_uid="toegangslog_mislukt")
