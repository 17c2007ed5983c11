"""Who may see and change which client. Every client view fetches clients through here.

- Team roles (casemanager, ervaringsdeskundige, coordinator) see the clients of their
  teams; the ervaringsdeskundige sees a reduced dossier.
- Nobody sees another team's clients: such a client answers 404, exactly like one that
  does not exist.
- Anonymised dossiers are shown to nobody.

Her records (consent forms, contacts, situation, and through ``plannen.toegang`` her
plans and barriers) are fetched here too, through her: a record of a client the user
does not see, or of another client than the one in the address, answers 404. The
function that hands a page a record by its id also writes the page's access-log line.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from clients.constants import FINANCIELE_KENMERKEN, Kenmerk
from clients.models import Client, Contact, Situatie, Toestemming
from stapteam.audit import gebruiker_van, log_opgehaald, log_toegang
from stapteam.constants import Actie
from stapteam.models import User
from stapteam.toegang import mag, team_ids_van

Record = TypeVar("Record", bound=models.Model)


def clienten_voor_gebruiker(user: User) -> QuerySet[Client]:
    """Every client the user may see, as a queryset to filter further."""
    if not mag(user, "clients.view_client"):
        return Client.objects.none()
    return Client.objects.filter(team_id__in=team_ids_van(user), geanonimiseerd_op__isnull=True)


def mijn_clienten(user: User) -> QuerySet[Client]:
    """The user's own caseload: she is primary or second casemanager, or linked peer worker."""
    return clienten_voor_gebruiker(user).filter(
        Q(casemanager=user) | Q(tweede_casemanager=user) | Q(ervaringsdeskundige=user)
    )


def client_voor_gebruiker(
    user: User, pk: int, *, verrijk: Callable[[QuerySet[Client]], QuerySet[Client]] | None = None
) -> Client:
    """The client if the user may see her, else 404 (also when she does not exist).

    ``verrijk`` lets a view add annotations to the one query that fetches her.
    """
    basis = clienten_voor_gebruiker(user)
    if verrijk is not None:
        basis = verrijk(basis)
    try:
        return basis.select_related(
            "team", "casemanager", "tweede_casemanager", "ervaringsdeskundige"
        ).get(pk=pk)
    except Client.DoesNotExist:
        raise Http404("Cliënt niet gevonden") from None


def client_voor_wijziging(
    wie: User | HttpRequest, pk: int, permissie: str = "clients.change_client"
) -> Client:
    """The client for a change: the role must carry ``permissie`` (else 403) and she must
    be one of the user's clients (else 404). Given the request, the form page that shows
    her data is logged on her access log."""
    user = gebruiker_van(wie)
    if not mag(user, permissie):
        raise PermissionDenied
    client = client_voor_gebruiker(user, pk)
    log_opgehaald(wie, obj=client, client=client)
    return client


def volledig_dossier(user: User) -> bool:
    """Whether the user sees the full dossier (not the reduced one of the peer worker)."""
    return mag(user, "clients.volledig_dossier_inzien")


def ziet_vertrouwelijk(user: User) -> bool:
    """Whether the user sees confidential contacts (the peer worker never does)."""
    return mag(user, "clients.vertrouwelijk_inzien")


def record_van_client(
    wie: User | HttpRequest,
    records: QuerySet[Record],
    client_pk: int,
    pk: int,
    permissie: str,
    *,
    via: str = "client",
    omschrijving: str | None = None,
) -> tuple[Client, Record]:
    """Her record for a page about it: the role must carry ``permissie`` (else 403), she
    must be one of the user's clients and the record hers (else 404, also when either
    does not exist). ``via`` is the path from the record to her.

    Given the request, the page is logged once, on the record and on her access log.
    """
    user = gebruiker_van(wie)
    if not mag(user, permissie):
        raise PermissionDenied
    client = client_voor_gebruiker(user, client_pk)
    try:
        record = records.filter(**{via: client}).get(pk=pk)
    except records.model.DoesNotExist:
        naam = records.model._meta.verbose_name.capitalize()
        raise Http404(f"{naam} niet gevonden") from None
    if via == "client":
        record.client = client  # she is known: no query when a service reads her again
    log_opgehaald(wie, obj=record, client=client, omschrijving=omschrijving)
    return client, record


def toestemming_voor_gebruiker(
    wie: User | HttpRequest, client_pk: int, pk: int, permissie: str
) -> tuple[Client, Toestemming]:
    """Her consent form for a page (see ``record_van_client``)."""
    return record_van_client(wie, Toestemming.objects.all(), client_pk, pk, permissie)


def toestemmingscan_voor_download(
    request: HttpRequest, client_pk: int, pk: int
) -> tuple[Client, Toestemming]:
    """Her consent form with its scan, for whose role may see scans (else 403); 404 when
    the form has no scan. Every download is logged."""
    client, toestemming = toestemming_voor_gebruiker(
        request.user, client_pk, pk, "clients.scan_inzien"
    )
    if not toestemming.scan:
        raise Http404("Geen scan")
    log_toegang(
        request,
        actie=Actie.DOWNLOADEN,
        obj=toestemming,
        client=client,
        omschrijving=f"Scan toestemmingsformulier van {toestemming.ondertekend_op:%d-%m-%Y}",
    )
    return client, toestemming


def _zonder_verborgen(user: User, contacten: QuerySet[Contact]) -> QuerySet[Contact]:
    """Confidential contacts only when the user's role may see them (the peer worker
    never does)."""
    return contacten if ziet_vertrouwelijk(user) else contacten.filter(vertrouwelijk=False)


def zichtbare_contacten(user: User) -> QuerySet[Contact]:
    """The contacts the user may see: of her clients, confidential ones only when her
    role may."""
    return _zonder_verborgen(user, Contact.objects.filter(client__in=clienten_voor_gebruiker(user)))


def contacten_van_client(user: User, client: Client) -> QuerySet[Contact]:
    """Her contacts the user may see, of a client fetched through ``client_voor_gebruiker``
    (so she is known to be visible: no need to ask again which clients the user sees);
    confidential ones only when the user's role may see them."""
    return _zonder_verborgen(user, Contact.objects.filter(client=client))


def contact_voor_gebruiker(
    wie: User | HttpRequest, client_pk: int, pk: int, permissie: str
) -> tuple[Client, Contact]:
    """Her contact for a page (see ``record_van_client``); a confidential contact is
    missing (404) for whose role does not see them."""
    return record_van_client(wie, zichtbare_contacten(gebruiker_van(wie)), client_pk, pk, permissie)


def laatste_locatie(user: User) -> str:
    """Where the user last logged a contact (with a location), to offer it again."""
    return (
        Contact.objects.filter(medewerker=user)
        .exclude(locatie="")
        .order_by("-tijdstip")
        .values_list("locatie", flat=True)
        .first()
        or ""
    )


def situaties_voor_gebruiker(user: User, client: Client, kenmerk: Kenmerk) -> QuerySet[Situatie]:
    """Her registrations of one kenmerk, if the user may see her and that kenmerk (the
    financial ones are outside the reduced dossier); none otherwise."""
    if kenmerk in FINANCIELE_KENMERKEN and not volledig_dossier(user):
        return Situatie.objects.none()
    return Situatie.objects.filter(
        client=client, client__in=clienten_voor_gebruiker(user), kenmerk=kenmerk
    ).select_related("geregistreerd_door")
