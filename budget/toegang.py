"""Who may see and change which budget and spend. Every budget view fetches through here.

Budgets belong to a team: only the team's members whose role sees budgets (casemanager,
coordinator) see them. Another team's budget or spend answers 404, exactly like a
missing one; a role without the permission gets 403 for the whole page.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from budget.models import Budget, Uitgave
from clients.models import Client
from stapteam.audit import gebruiker_van, log_opgehaald, log_per_client, log_toegang
from stapteam.constants import Actie
from stapteam.models import User
from stapteam.toegang import mag, team_ids_van

LEZEN = "budget.view_budget"


def budgetten_voor_gebruiker(user: User) -> QuerySet[Budget]:
    """Every budget the user may see, as a queryset to filter further."""
    if not mag(user, LEZEN):
        return Budget.objects.none()
    return Budget.objects.filter(team_id__in=team_ids_van(user))


def budget_voor_gebruiker(
    wie: User | HttpRequest,
    pk: int,
    permissie: str = LEZEN,
    *,
    verrijk: Callable[[QuerySet[Budget]], QuerySet[Budget]] | None = None,
) -> Budget:
    """The budget for a page: the role must carry ``permissie`` (else 403) and the budget
    must be of one of the user's teams (else 404, also when it does not exist).

    ``verrijk`` lets a view add annotations to the one query that fetches it. Given the
    request, the page is logged on the access log of every client with a spend in it.
    """
    user = gebruiker_van(wie)
    if not mag(user, permissie):
        raise PermissionDenied
    basis = budgetten_voor_gebruiker(user)
    if verrijk is not None:
        basis = verrijk(basis)
    try:
        budget = basis.select_related("team").get(pk=pk)
    except Budget.DoesNotExist:
        raise Http404("Budget niet gevonden") from None
    if isinstance(wie, HttpRequest):
        log_per_client(
            wie,
            actie=Actie.INZIEN,
            # The clients of its spends, looked up among the team's clients (a semi-join:
            # no DISTINCT over every spend, no scan of every team's clients).
            clienten=Client.objects.filter(
                team=budget.team_id, pk__in=Uitgave.objects.filter(budget=budget).values("client")
            ),
            team=budget.team,
            omschrijving=f"Budget {budget.naam} geopend ({wie.path})",
        )
    return budget


def uitgaven_voor_gebruiker(user: User) -> QuerySet[Uitgave]:
    return Uitgave.objects.filter(budget__in=budgetten_voor_gebruiker(user))


def uitgave_voor_gebruiker(
    wie: User | HttpRequest,
    pk: int,
    permissie: str = LEZEN,
    *,
    verrijk: Callable[[QuerySet[Uitgave]], QuerySet[Uitgave]] | None = None,
) -> Uitgave:
    """The spend for a page: 403 without ``permissie``, 404 when it is not of the user's
    teams (or does not exist). ``verrijk`` lets a view add annotations to the one query
    that fetches it. Given the request, the page is logged."""
    user = gebruiker_van(wie)
    if not mag(user, permissie):
        raise PermissionDenied
    basis = uitgaven_voor_gebruiker(user)
    if verrijk is not None:
        basis = verrijk(basis)
    try:
        uitgave = basis.select_related(
            "budget", "budget__team", "client", "medewerker", "timeout"
        ).get(pk=pk)
    except Uitgave.DoesNotExist:
        raise Http404("Uitgave niet gevonden") from None
    log_opgehaald(wie, obj=uitgave, client=uitgave.client)
    return uitgave


def bonnetje_voor_download(request: HttpRequest, pk: int) -> Uitgave:
    """The spend with its receipt, for whoever may see the budget; 404 without a receipt.
    Every download is logged."""
    uitgave = uitgave_voor_gebruiker(request.user, pk)
    if not uitgave.bonnetje:
        raise Http404("Geen bonnetje")
    log_toegang(
        request,
        actie=Actie.DOWNLOADEN,
        obj=uitgave,
        client=uitgave.client,
        team=uitgave.budget.team,
        omschrijving=f"Bonnetje van uitgave {uitgave.datum:%d-%m-%Y} ({uitgave.budget})",
    )
    return uitgave
