"""Who may see and change which permit. Every permit view fetches permits through here.

A permit is seen through its client: only the clients the user may see
(``clients.toegang``), and only by a role that sees permit details (not the
ervaringsdeskundige). Another team's permit answers 404, exactly like a missing one.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from clients.toegang import clienten_voor_gebruiker
from stapteam.audit import gebruiker_van, log_opgehaald
from stapteam.models import Team, User
from stapteam.toegang import mag
from vergunningen.models import Vergunning

LEZEN = "vergunningen.view_vergunning"
WIJZIGEN = "vergunningen.change_vergunning"


def vergunningen_voor_gebruiker(user: User, *, team: Team | None = None) -> QuerySet[Vergunning]:
    """Every permit the user may see, as a queryset to filter further; with ``team``, only
    those of that team's clients, which the database then reads first (the team's
    clients, then their permits) instead of every permit of every team."""
    if not mag(user, LEZEN):
        return Vergunning.objects.none()
    clienten = clienten_voor_gebruiker(user)
    if team is not None:
        clienten = clienten.filter(team=team)
    return Vergunning.objects.filter(client__in=clienten)


def vergunning_voor_gebruiker(user: User, pk: int) -> Vergunning:
    """The permit if the user may see it, else 404 (also when it does not exist)."""
    try:
        return (
            vergunningen_voor_gebruiker(user)
            .select_related("client", "client__team", "geregistreerd_door")
            .get(pk=pk)
        )
    except Vergunning.DoesNotExist:
        raise Http404("Vergunning niet gevonden") from None


def vergunning_voor_wijziging(
    wie: User | HttpRequest, pk: int, permissie: str = WIJZIGEN
) -> Vergunning:
    """The permit for a change: the role must carry ``permissie`` (else 403) and the
    permit must be of one of the user's clients (else 404). Given the request, the form
    page is logged on her access log."""
    user = gebruiker_van(wie)
    if not mag(user, permissie):
        raise PermissionDenied
    vergunning = vergunning_voor_gebruiker(user, pk)
    log_opgehaald(wie, obj=vergunning, client=vergunning.client)
    return vergunning
