"""Who may use which report page of a team (ONTWERP §1, §6, §7).

The exchange workbook: the coordinator of a team, for that team, both directions; an
administrator only to import a team that does not exist yet (a migration) — never to read
a team out. The barrier memos: the coordinator writes her own team's; the printable
overview is hers, and the municipality's for its own teams.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from plannen.models import Knelpuntcategorie, Knelpuntnotitie
from stapteam.constants import Rol
from stapteam.models import Team, User
from stapteam.toegang import eigen_teams, is_teamlid, mag, team_voor_gebruiker, teams_van_gemeenten


def is_coordinator(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.rol == Rol.COORDINATOR


def is_beheerder(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.rol == Rol.BEHEERDER


def mag_werkboek(user: User) -> bool:
    """Whether the workbook page is for her at all (else 403)."""
    return is_coordinator(user) or is_beheerder(user)


def werkboek_team(user: User, code: str) -> Team:
    """The team a coordinator exports or imports: hers, else 404."""
    if not is_coordinator(user):
        raise PermissionDenied
    return team_voor_gebruiker(user, code)


def mag_importeren(user: User, team_code: str) -> bool:
    """Her own team for a coordinator; a team that does not exist yet for an administrator."""
    team = Team.objects.filter(code=team_code).first()
    if is_coordinator(user):
        return team is not None and is_teamlid(user, team)
    return is_beheerder(user) and team is None


def controleer_importeren(user: User, team_code: str) -> None:
    if not mag_importeren(user, team_code):
        raise Http404


# --- Barriers and what the team tells the municipality about them ----------------------


def knelpuntnotitie_voor_coordinator(
    user: User, team_code: str | None, categorie_code: str
) -> tuple[Team, Knelpuntcategorie, Knelpuntnotitie | None]:
    """The coordinator's own team (her first one if none is named; another: 404), a
    category of the vocabulary (else 404) and the team's memo on it, if written."""
    if not is_coordinator(user):
        raise PermissionDenied
    team = team_voor_gebruiker(user, team_code) if team_code else eigen_teams(user)[0]
    categorie = get_object_or_404(Knelpuntcategorie, code=categorie_code)
    notitie = (
        Knelpuntnotitie.objects.filter(team=team, categorie=categorie)
        .select_related("gewijzigd_door")
        .first()
    )
    return team, categorie, notitie


def knelpuntoverzicht_team(user: User, team_code: str) -> tuple[Team, bool]:
    """The team of a printable barrier overview, and whether its figures are exact.

    The coordinator: her own team, exact. The municipality and the procesregisseur: a team
    of their own municipalities, suppressed as on the dashboard. Any other team: 404.
    """
    if mag(user, "rapportage.rapporten_opvragen"):
        return team_voor_gebruiker(user, team_code), True
    if mag(user, "rapportage.dashboard_inzien"):
        return get_object_or_404(teams_van_gemeenten(user), code=team_code), False
    raise PermissionDenied
