"""Who may see and change which client. Every client view fetches clients through here.

- Team roles (casemanager, ervaringsdeskundige, coordinator) see the clients of their
  teams; the ervaringsdeskundige sees a reduced dossier.
- Nobody sees another team's clients: such a client answers 404, exactly like one that
  does not exist.
- Anonymised dossiers are shown to nobody.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from clients.models import Client
from stapteam.audit import gebruiker_van, log_opgehaald
from stapteam.models import User
from stapteam.toegang import mag, team_ids_van


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
