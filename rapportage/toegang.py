"""Who may move a team in and out of an exchange workbook (ONTWERP §7, §1).

The coordinator of a team, for that team, both directions; an administrator only to
import a team that does not exist yet (a migration) — never to read a team out.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from stapteam.constants import Rol
from stapteam.models import Team, User
from stapteam.toegang import is_teamlid, team_voor_gebruiker


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
