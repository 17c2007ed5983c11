"""Writes of the core: accounts, their role and their team and municipality grants.

The admin, the demo seeder and the workbook importer all go through these functions, so
an account can only ever be made in one, valid way.
"""

from collections.abc import Iterable

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models, transaction

from stapteam.audit import log_systeem
from stapteam.constants import GEMEENTEROLLEN, TEAMROLLEN, Actie, Rol
from stapteam.models import (
    Gemeente,
    GemeenteToegang,
    Organisatie,
    Team,
    TeamLidmaatschap,
    User,
)


def controleer_toegang(rol: str, teams: Iterable[Team], gemeenten: Iterable[Gemeente]) -> None:
    fouten = {}
    if teams and rol not in TEAMROLLEN:
        fouten["teams"] = f"Een {Rol(rol).label.lower()} kan geen lid van een team zijn."
    if gemeenten and rol not in GEMEENTEROLLEN:
        fouten["gemeenten"] = (
            f"Een {Rol(rol).label.lower()} krijgt geen toegang tot gemeentecijfers."
        )
    if fouten:
        raise ValidationError(fouten)


def _grants_zetten(model, codename: str, gebruiker: User, objecten, door: User | None) -> None:
    """Make the user's object grants of one kind exactly ``objecten``, keeping history."""
    permissie = Permission.objects.get(codename=codename, content_type__app_label="stapteam")
    gewenst = {obj.pk for obj in objecten}
    huidige = list(model.objects.filter(user=gebruiker, permission=permissie))
    for grant in huidige:
        if grant.content_object_id not in gewenst:
            grant._history_user = door
            grant.delete()
    for obj_id in gewenst - {grant.content_object_id for grant in huidige}:
        grant = model(user=gebruiker, permission=permissie, content_object_id=obj_id)
        grant._history_user = door
        grant.save()


def _rol_zetten(gebruiker: User, rol: str) -> None:
    rolgroepen = Group.objects.filter(name__in=Rol.values)
    gebruiker.groups.remove(*rolgroepen.exclude(name=rol))
    gebruiker.groups.add(Group.objects.get(name=rol))
    gebruiker.__dict__.pop("_rol", None)


@transaction.atomic
def gebruiker_opslaan(
    *,
    gebruiker: User | None = None,
    gebruikersnaam: str,
    naam: str,
    rol: str,
    email: str = "",
    organisatie: Organisatie | None = None,
    teams: Iterable[Team] = (),
    gemeenten: Iterable[Gemeente] = (),
    actief: bool = True,
    wachtwoord: str | None = None,
    door: User | None,
) -> User:
    """Create (``gebruiker`` None or unsaved) or change an account with its role and grants.

    A new account without ``wachtwoord`` cannot log in until a password is set (by the
    administrator, or through the password reset e-mail).
    """
    if rol not in Rol.values:
        raise ValidationError({"rol": f"Onbekende rol '{rol}'."})
    teams, gemeenten = list(teams), list(gemeenten)
    controleer_toegang(rol, teams, gemeenten)

    gebruiker = gebruiker or User()
    if gebruiker.pk is None and wachtwoord is None:
        gebruiker.set_unusable_password()
    gebruiker.username = gebruikersnaam
    gebruiker.naam = naam
    gebruiker.email = email
    gebruiker.organisatie = organisatie
    gebruiker.is_active = actief
    # Only the administrator works in the Django admin.
    gebruiker.is_staff = rol == Rol.BEHEERDER
    if wachtwoord is not None:
        gebruiker.set_password(wachtwoord)
    gebruiker.full_clean(exclude=["password"])
    gebruiker._history_user = door
    gebruiker.save()

    _rol_zetten(gebruiker, rol)
    _grants_zetten(TeamLidmaatschap, "teamlid", gebruiker, teams, door)
    _grants_zetten(GemeenteToegang, "aggregaten_inzien", gebruiker, gemeenten, door)
    for cache in ("_team_ids", "_grant_team_ids", "_gemeente_ids"):
        gebruiker.__dict__.pop(cache, None)
    return gebruiker


TEAM_INSTELLINGEN = frozenset(
    {
        "onderdrukkingsdrempel",
        "vergunning_peildatum",
        "goedkeuringsdrempel",
        "max_time_outs_per_jaar",
    }
)


def team_opslaan(
    *,
    team: Team | None = None,
    naam: str,
    code: str,
    gemeente: Gemeente,
    door: User | None,
    **instellingen,
) -> Team:
    """Create or change a team. ``instellingen`` are the team's settings
    (``TEAM_INSTELLINGEN``); one not given keeps its current value or default."""
    onbekend = set(instellingen) - TEAM_INSTELLINGEN
    if onbekend:
        raise ValueError(f"Onbekende teaminstelling: {', '.join(sorted(onbekend))}")
    team = team or Team()
    team.naam = naam
    team.code = code
    team.gemeente = gemeente
    for veld, waarde in instellingen.items():
        setattr(team, veld, waarde)
    return opslaan(team, door=door)


@transaction.atomic
def opslaan(
    obj: models.Model, *, door: User | None, exclude: list[str] | None = None
) -> models.Model:
    """Validate and save a record with the acting user in its history.

    The last step of most services, and all there is to saving simple reference data
    (organisation, municipality, vocabulary entry)."""
    obj.full_clean(exclude=exclude)
    obj._history_user = door
    obj.save()
    return obj


@transaction.atomic
def mfa_resetten(*, gebruiker: User, door: User) -> int:
    """Remove a user's authenticator app and recovery codes (a lost phone).

    At the next login the user must set up a new authenticator before anything else.
    Returns the number of authenticators removed; the reset is logged.
    """
    aantal, _ = Authenticator.objects.filter(user=gebruiker).delete()
    log_systeem(
        actie=Actie.WIJZIGEN,
        gebruiker=door,
        obj=gebruiker,
        omschrijving=f"Tweestapsverificatie van {gebruiker.username} gereset",
    )
    return aantal
