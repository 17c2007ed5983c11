"""Access functions of the core: who has which role, which teams and municipalities.

Every view decides access through these functions (and the per-app ones built on them,
such as ``clients.toegang``), never with its own ``if user.rol == ...``. A superuser is
a technical account for installation and the admin: it has no role, belongs to no team
and gets no application page.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from stapteam.constants import AanvraagStatus, Rol
from stapteam.models import (
    Gemeente,
    GemeenteToegang,
    Team,
    TeamLidmaatschap,
    Toegangsaanvraag,
    User,
)


def mag(user: User, permissie: str) -> bool:
    """Whether the user's role carries this model permission ('app.codename').

    Her permissions are gathered from the login backends once per user object (one
    request): a dossier asks 39 times. With no object, a permission holds
    exactly when a backend lists it, as ``User.has_perm`` decides."""
    if not (user.is_authenticated and user.is_active and not user.is_superuser):
        return False
    if "_mag" not in user.__dict__:
        user._mag = user.get_all_permissions()
    return permissie in user._mag


def vereist(*permissies: str):
    """View decorator: log in first, then every permission is needed, else 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def beschermd(request, *args, **kwargs):
            if not all(mag(request.user, permissie) for permissie in permissies):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return beschermd

    return decorator


def _lidmaatschappen(user: User) -> frozenset[int]:
    """The active teams the account holds a membership grant of, whether or not the
    account itself is active; read once per user object (one request)."""
    if not hasattr(user, "_grant_team_ids"):
        user._grant_team_ids = frozenset(
            TeamLidmaatschap.objects.filter(
                user=user, permission__codename="teamlid", content_object__actief=True
            ).values_list("content_object_id", flat=True)
        )
    return user._grant_team_ids


def team_ids_van(user: User) -> frozenset[int]:
    """The active teams the user is a member of."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return frozenset()
    return _lidmaatschappen(user)


def teams_van(user: User) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=team_ids_van(user)).select_related("gemeente")


def is_teamlid(user: User, team: Team | int) -> bool:
    team_id = team if isinstance(team, int) else team.pk
    return team_id in team_ids_van(user)


def medewerkers_van(teams, rollen, *, ook_inactief: bool = False) -> QuerySet[User]:
    """The staff of these teams with one of these roles, by name: "staff of a team", the
    one definition that forms (their choices) and services (their checks) share.

    Only active members, unless ``ook_inactief``: a record taken over from an earlier
    administration may name a colleague whose account is not (or no longer) active, or
    whose membership still waits for the coordinator's confirmation (an imported account).
    Such a record gives her no access: only a confirmed membership does.
    """
    lid = Q(
        teamlidmaatschap__content_object__in=list(teams),
        teamlidmaatschap__permission__codename="teamlid",
    )
    if ook_inactief:
        lid |= Q(
            toegangsaanvragen__team__in=list(teams),
            toegangsaanvragen__status=AanvraagStatus.WACHT,
        )
    medewerkers = User.objects.filter(lid, groups__name__in=list(rollen))
    if not ook_inactief:
        medewerkers = medewerkers.filter(is_active=True)
    # The choice labels name the role: read with each colleague, in the same query.
    rol = Group.objects.filter(user=OuterRef("pk"), name__in=Rol.values).values("name")[:1]
    return medewerkers.distinct().order_by("naam").annotate(_rol=Subquery(rol))


def is_medewerker_van(user: User, team: Team, rollen, *, ook_inactief: bool = False) -> bool:
    """Whether ``user`` is staff of ``team`` with one of ``rollen`` (see ``medewerkers_van``);
    the team grant is read once per user object."""
    if user.rol not in rollen or not (user.is_active or ook_inactief) or user.is_superuser:
        return False
    if team.pk in _lidmaatschappen(user):
        return True
    return ook_inactief and (
        Toegangsaanvraag.objects.filter(
            gebruiker=user, team=team, status=AanvraagStatus.WACHT
        ).exists()
    )


def team_voor_gebruiker(user: User, code: str) -> Team:
    """The team with this code if the user is a member, else 404 (also when it is missing)."""
    return get_object_or_404(teams_van(user), code=code)


def eigen_teams(user: User) -> list[Team]:
    """Her teams, for a page about a team's work; a user without a team gets 403."""
    teams = list(teams_van(user))
    if not teams:
        raise PermissionDenied
    return teams


def gekozen_team(request: HttpRequest) -> tuple[Team, list[Team]]:
    """The team a page is about: ``?team=code`` (404 if not hers), else her first team;
    with all her teams, for a team switch."""
    teams = eigen_teams(request.user)
    if "team" in request.GET:
        return team_voor_gebruiker(request.user, request.GET["team"]), teams
    return teams[0], teams


def gemeente_ids_van(user: User) -> frozenset[int]:
    """The municipalities whose aggregate figures the user may see."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return frozenset()
    if not hasattr(user, "_gemeente_ids"):
        user._gemeente_ids = frozenset(
            GemeenteToegang.objects.filter(
                user=user, permission__codename="aggregaten_inzien"
            ).values_list("content_object_id", flat=True)
        )
    return user._gemeente_ids


def teams_van_gemeenten(user: User) -> QuerySet[Team]:
    """The teams whose aggregate figures the user may see: those of her municipalities."""
    return Team.objects.filter(gemeente_id__in=gemeente_ids_van(user)).order_by("naam")


def gemeenten_van(user: User) -> QuerySet[Gemeente]:
    return Gemeente.objects.filter(pk__in=gemeente_ids_van(user))


def teams_met_coordinator() -> QuerySet:
    """Ids of the teams with at least one active coordinator who is a member."""
    return TeamLidmaatschap.objects.filter(
        permission__codename="teamlid",
        user__groups__name=Rol.COORDINATOR,
        user__is_active=True,
    ).values("content_object_id")


def beheerder_sinds(user: User):
    """Since when the user is a confirmed administrator (the latest confirmation of her
    administrator role), or None."""
    return Toegangsaanvraag.objects.filter(
        gebruiker=user, team__isnull=True, rol=Rol.BEHEERDER, status=AanvraagStatus.BEVESTIGD
    ).aggregate(sinds=Max("beoordeeld_op"))["sinds"]


def aanvragen_voor_beoordeling(user: User) -> QuerySet[Toegangsaanvraag]:
    """The pending requests this user may confirm or refuse (four eyes).

    The team's coordinator decides for her team; a team without a coordinator gets its
    first one confirmed by an administrator. The administrator role is confirmed by
    another administrator who already was one when the request was made: not by one
    made at the same time, so that no administrator makes herself a colleague who then
    confirms her. Nobody decides on a request about herself or one she made; an account
    waiting for the administrator role has no role, and so decides nothing.
    """
    if not mag(user, "stapteam.toegang_bevestigen"):
        return Toegangsaanvraag.objects.none()
    wachtend = (
        Toegangsaanvraag.objects.filter(status=AanvraagStatus.WACHT)
        .exclude(gebruiker=user)
        .exclude(aangevraagd_door=user)
        .select_related("gebruiker", "team", "aangevraagd_door")
    )
    if user.rol == Rol.COORDINATOR:
        return wachtend.filter(team_id__in=team_ids_van(user))
    if user.rol == Rol.BEHEERDER:
        teams_zonder_coordinator = Q(team__isnull=False) & ~Q(team_id__in=teams_met_coordinator())
        sinds = beheerder_sinds(user)
        if sinds is None:
            return wachtend.filter(teams_zonder_coordinator)
        return wachtend.filter(
            teams_zonder_coordinator
            | Q(team__isnull=True, rol=Rol.BEHEERDER, aangevraagd_op__gt=sinds)
        )
    return Toegangsaanvraag.objects.none()


def aanvraag_voor_beoordeling(user: User, pk: int) -> Toegangsaanvraag:
    return get_object_or_404(aanvragen_voor_beoordeling(user), pk=pk)


def aanvragen_van_eigen_teams(user: User) -> QuerySet[Toegangsaanvraag]:
    """What a user who decides on requests sees of them all, decided or not: every
    team-role request about the coordinator's teams; for an administrator, every request
    for the administrator role. What was asked, by whom, and what became of it."""
    if user.rol == Rol.COORDINATOR:
        aanvragen = Toegangsaanvraag.objects.filter(team_id__in=team_ids_van(user))
    elif user.rol == Rol.BEHEERDER:
        aanvragen = Toegangsaanvraag.objects.filter(team__isnull=True)
    else:
        return Toegangsaanvraag.objects.none()
    return aanvragen.select_related("gebruiker", "team", "aangevraagd_door", "beoordeeld_door")
