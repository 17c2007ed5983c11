"""Writing the access log. Every view that shows, searches, serves or exports personal
data calls ``log_toegang`` once; commands without a request call ``log_systeem``.
"""

from allauth.account.adapter import get_adapter
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from stapteam.constants import Actie
from stapteam.models import Team, Toegangslog, User


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, honouring the configured number of trusted proxies."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def _regel(
    *,
    gebruiker: User | None,
    actie: Actie,
    omschrijving: str,
    obj: models.Model | None,
    client: models.Model | None,
    team: Team | None,
    ip_adres: str | None,
) -> Toegangslog:
    if team is None and client is not None:
        team = client.team
    return Toegangslog.objects.create(
        gebruiker=gebruiker,
        rol=(gebruiker.rol or "") if gebruiker else "",
        team=team,
        actie=actie,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        client_id=client.pk if client is not None else None,
        omschrijving=omschrijving[:500],
        ip_adres=ip_adres,
    )


def log_toegang(
    request: HttpRequest,
    *,
    actie: Actie,
    omschrijving: str = "",
    obj: models.Model | None = None,
    client: models.Model | None = None,
    team: Team | None = None,
    gebruiker: User | None = None,
) -> Toegangslog:
    """Record that the requesting user (or ``gebruiker``) did ``actie`` on ``obj``."""
    if gebruiker is None:
        user = getattr(request, "user", None)
        gebruiker = user if user is not None and user.is_authenticated else None
    return _regel(
        gebruiker=gebruiker,
        actie=actie,
        omschrijving=omschrijving,
        obj=obj,
        client=client,
        team=team,
        ip_adres=client_ip(request),
    )


def gebruiker_van(wie: "User | HttpRequest") -> User:
    """Access functions take the request (to log what they fetch) or only the user."""
    return wie.user if isinstance(wie, HttpRequest) else wie


def log_opgehaald(
    wie: "User | HttpRequest",
    *,
    obj: models.Model,
    client: models.Model | None,
    omschrijving: str | None = None,
) -> None:
    """Log that an access function handed a page this record (when given the request):
    an edit form shows her data just as a detail page does. Without ``omschrijving`` the
    line names the record's kind and the page's address."""
    if not isinstance(wie, HttpRequest):
        return
    actie = Actie.INZIEN if wie.method in ("GET", "HEAD") else Actie.WIJZIGEN
    log_toegang(
        wie,
        actie=actie,
        obj=obj,
        client=client,
        omschrijving=omschrijving or f"{obj._meta.verbose_name.capitalize()} geopend ({wie.path})",
    )


def log_per_client(
    request: HttpRequest | None,
    *,
    actie: Actie,
    clienten,
    omschrijving: str,
    team: Team | None = None,
) -> int:
    """One line per client for an export or list of many clients, so that it shows on
    each client's own access log. Written in one query; returns the number of lines.
    A command passes no request (no user, no address)."""
    user = getattr(request, "user", None)
    gebruiker = user if user is not None and user.is_authenticated else None
    ip_adres = client_ip(request) if request is not None else None
    regels = [
        Toegangslog(
            gebruiker=gebruiker,
            rol=(gebruiker.rol or "") if gebruiker else "",
            team=team or client.team,
            actie=actie,
            object_type=client._meta.label_lower,
            object_id=str(client.pk),
            client_id=client.pk,
            omschrijving=omschrijving[:500],
            ip_adres=ip_adres,
        )
        for client in clienten
    ]
    Toegangslog.objects.bulk_create(regels)
    return len(regels)


def log_systeem(
    *,
    actie: Actie,
    omschrijving: str,
    gebruiker: User | None = None,
    obj: models.Model | None = None,
    client: models.Model | None = None,
    team: Team | None = None,
) -> Toegangslog:
    """Record an action of a management command (no request, no address)."""
    return _regel(
        gebruiker=gebruiker,
        actie=actie,
        omschrijving=omschrijving,
        obj=obj,
        client=client,
        team=team,
        ip_adres=None,
    )
