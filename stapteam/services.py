"""Writes of the core: accounts, their role and their team and municipality grants.

The admin, the demo seeder and the workbook importer all go through these functions, so
an account can only ever be made in one, valid way.
"""

from collections.abc import Iterable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from stapteam.audit import log_systeem
from stapteam.backends import rechten_vergeten
from stapteam.constants import GEMEENTEROLLEN, TEAMROLLEN, AanvraagStatus, Actie, Rol
from stapteam.models import (
    Gemeente,
    GemeenteToegang,
    Organisatie,
    Team,
    TeamLidmaatschap,
    Toegangsaanvraag,
    User,
)
from stapteam.rollen import ROL_PERMISSIES
from stapteam.toegang import aanvragen_voor_beoordeling


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


def _rol_weghalen(gebruiker: User) -> None:
    gebruiker.groups.remove(*Group.objects.filter(name__in=Rol.values))
    gebruiker.__dict__.pop("_rol", None)


def _rol_zetten(gebruiker: User, rol: str) -> None:
    rolgroepen = Group.objects.filter(name__in=Rol.values)
    gebruiker.groups.remove(*rolgroepen.exclude(name=rol))
    gebruiker.groups.add(Group.objects.get(name=rol))
    rechten_vergeten(gebruiker)


def huidige_team_ids(gebruiker: User) -> set[int]:
    """The teams the account is a member of or waits to become one of."""
    if gebruiker.pk is None:
        return set()
    leden = TeamLidmaatschap.objects.filter(user=gebruiker, permission__codename="teamlid")
    wachtend = Toegangsaanvraag.objects.filter(gebruiker=gebruiker, status=AanvraagStatus.WACHT)
    return set(leden.values_list("content_object_id", flat=True)) | set(
        wachtend.values_list("team_id", flat=True)
    )


def controleer_eigen_account(
    *, gebruiker: User, door: User | None, rol: str, teams: Iterable[Team], gemeenten
) -> None:
    """An administrator does not change her own role, teams or municipality grants."""
    if door is None or gebruiker.pk is None or gebruiker.pk != door.pk:
        return
    huidige_gemeenten = set(
        GemeenteToegang.objects.filter(user=gebruiker).values_list("content_object_id", flat=True)
    )
    if (
        rol != gebruiker.rol
        or {team.pk for team in teams} != huidige_team_ids(gebruiker)
        or {gemeente.pk for gemeente in gemeenten} != huidige_gemeenten
    ):
        raise ValidationError(
            "U kunt uw eigen rol, teams en toegang niet wijzigen. Vraag een andere beheerder."
        )


def _zonder_uitbreiding(oude_rol: str | None, nieuwe_rol: str) -> bool:
    """Whether the new team role can do nothing the old one could not (a step down)."""
    return oude_rol in TEAMROLLEN and ROL_PERMISSIES[nieuwe_rol] <= ROL_PERMISSIES[oude_rol]


def _aanvragen_bijwerken(
    gebruiker: User, rol: str, teams: set[int], door: User, reden: str
) -> list[Toegangsaanvraag]:
    """Make the account's pending requests exactly ``rol`` in each of ``teams``.

    Pending requests for another role or team lapse; a missing one is made and logged.
    """
    nieuw = []
    for aanvraag in Toegangsaanvraag.objects.select_for_update().filter(
        gebruiker=gebruiker, status=AanvraagStatus.WACHT, team__isnull=False
    ):
        if aanvraag.rol == rol and aanvraag.team_id in teams:
            teams = teams - {aanvraag.team_id}
            continue
        aanvraag.status = AanvraagStatus.VERVALLEN
        aanvraag.beoordeeld_op = timezone.now()
        opslaan(aanvraag, door=door)
    for team in Team.objects.filter(pk__in=teams).order_by("naam"):
        aanvraag = opslaan(
            Toegangsaanvraag(
                gebruiker=gebruiker, team=team, rol=rol, aangevraagd_door=door, reden=reden
            ),
            door=door,
        )
        log_systeem(
            actie=Actie.WIJZIGEN,
            gebruiker=door,
            obj=aanvraag,
            team=team,
            omschrijving=f"{Rol(rol).label} in {team} voor {gebruiker.username} aangevraagd "
            f"({reden}); wacht op bevestiging",
        )
        nieuw.append(aanvraag)
    return nieuw


def wachtende_rol(gebruiker: User) -> str | None:
    """The administrator role the account waits for (it has no role meanwhile), or None."""
    if gebruiker.pk is None:
        return None
    wacht = Toegangsaanvraag.objects.filter(
        gebruiker=gebruiker, team__isnull=True, status=AanvraagStatus.WACHT
    ).exists()
    return Rol.BEHEERDER if wacht else None


def _beheerdersaanvraag_bijwerken(
    gebruiker: User, *, gewenst: bool, door: User, reden: str
) -> Toegangsaanvraag | None:
    """Keep (or make and log) the account's one pending request for the administrator
    role when ``gewenst``; otherwise a pending one lapses."""
    wachtend = list(
        Toegangsaanvraag.objects.select_for_update().filter(
            gebruiker=gebruiker, team__isnull=True, status=AanvraagStatus.WACHT
        )
    )
    if gewenst and wachtend:
        return wachtend[0]
    for aanvraag in wachtend:
        aanvraag.status = AanvraagStatus.VERVALLEN
        aanvraag.beoordeeld_op = timezone.now()
        opslaan(aanvraag, door=door)
    if not gewenst:
        return None
    aanvraag = opslaan(
        Toegangsaanvraag(
            gebruiker=gebruiker, rol=Rol.BEHEERDER, aangevraagd_door=door, reden=reden
        ),
        door=door,
    )
    log_systeem(
        actie=Actie.WIJZIGEN,
        gebruiker=door,
        obj=aanvraag,
        omschrijving=f"Rol beheerder voor {gebruiker.username} aangevraagd ({reden}); wacht op "
        "bevestiging door een andere beheerder",
    )
    return aanvraag


def _beheerder_geregistreerd(gebruiker: User) -> None:
    """The administrator role given from the command line (the first administrator, the
    demo): in force at once, and registered as confirmed so that the four-eyes rule
    knows since when she is one."""
    nu = timezone.now()
    aanvraag = opslaan(
        Toegangsaanvraag(
            gebruiker=gebruiker,
            rol=Rol.BEHEERDER,
            status=AanvraagStatus.BEVESTIGD,
            aangevraagd_op=nu,
            beoordeeld_op=nu,
            reden="vanaf de opdrachtregel",
        ),
        door=None,
    )
    log_systeem(
        actie=Actie.WIJZIGEN,
        obj=aanvraag,
        omschrijving=f"Rol beheerder voor {gebruiker.username} vanaf de opdrachtregel gegeven",
    )


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

    ``door`` is the administrator. A team role in a new team, or a wider team role,
    then takes effect only when the team's coordinator confirms it
    (``toegangsaanvraag_beoordelen``); until then the request waits and the account is
    no member. The administrator role takes effect only when another administrator
    confirms it; until then the account has no role at all. An administrator never sets
    a password: a new account gets one only through its activation link
    (``activatielink_versturen``).

    Only the command line (``maak_beheerder``, the demo seeder) and the tests act
    without ``door`` (None): their accounts get their role and teams at once and may be
    given a ``wachtwoord``.
    """
    if rol not in Rol.values:
        raise ValidationError({"rol": f"Onbekende rol '{rol}'."})
    if wachtwoord is not None and door is not None:
        raise ValueError("Een beheerder zet geen wachtwoord; de gebruiker doet dat zelf.")
    teams, gemeenten = list(teams), list(gemeenten)
    controleer_toegang(rol, teams, gemeenten)

    gebruiker = gebruiker or User()
    controleer_eigen_account(
        gebruiker=gebruiker, door=door, rol=rol, teams=teams, gemeenten=gemeenten
    )
    nieuw_account = gebruiker.pk is None
    oude_rol = None if nieuw_account else User.objects.get(pk=gebruiker.pk).rol
    nieuwe_beheerder = rol == Rol.BEHEERDER and oude_rol != Rol.BEHEERDER
    # Four eyes for the administrator role: given by an administrator, it waits.
    wacht_op_beheerder = nieuwe_beheerder and door is not None
    if nieuw_account and wachtwoord is None:
        gebruiker.set_unusable_password()
    gebruiker.username = gebruikersnaam
    gebruiker.naam = naam
    gebruiker.email = email
    gebruiker.organisatie = organisatie
    gebruiker.is_active = actief
    # Only the administrator works in the Django admin.
    gebruiker.is_staff = rol == Rol.BEHEERDER and not wacht_op_beheerder
    if wachtwoord is not None:
        gebruiker.set_password(wachtwoord)
    gebruiker.full_clean(exclude=["password"])
    gebruiker._history_user = door
    gebruiker.save()

    if wacht_op_beheerder:
        _rol_weghalen(gebruiker)
    else:
        _rol_zetten(gebruiker, rol)
    _grants_zetten(GemeenteToegang, "aggregaten_inzien", gebruiker, gemeenten, door)
    if door is None:
        _grants_zetten(TeamLidmaatschap, "teamlid", gebruiker, teams, door)
        if nieuwe_beheerder:
            _beheerder_geregistreerd(gebruiker)
    else:
        _beheerdersaanvraag_bijwerken(
            gebruiker,
            gewenst=wacht_op_beheerder,
            door=door,
            reden="nieuw account" if nieuw_account else "rol gewijzigd",
        )
        gewenst = {team.pk for team in teams}
        huidige = set(
            TeamLidmaatschap.objects.filter(
                user=gebruiker, permission__codename="teamlid"
            ).values_list("content_object_id", flat=True)
        )
        behouden = huidige & gewenst if _zonder_uitbreiding(oude_rol, rol) else set()
        _grants_zetten(
            TeamLidmaatschap, "teamlid", gebruiker, Team.objects.filter(pk__in=behouden), door
        )
        reden = "nieuw account" if nieuw_account else "rol of team gewijzigd"
        _aanvragen_bijwerken(gebruiker, rol, gewenst - behouden, door, reden)
    for cache in ("_grant_team_ids", "_gemeente_ids"):
        gebruiker.__dict__.pop(cache, None)
    return gebruiker


@transaction.atomic
def toegangsaanvraag_beoordelen(
    *, aanvraag: Toegangsaanvraag, bevestigd: bool, door: User
) -> Toegangsaanvraag:
    """The coordinator (or, for a team without one, a second administrator) confirms or
    refuses a team-role request. Confirmed, the account becomes a member of the team.
    A request for the administrator role is decided by another administrator who was
    one before it was made; confirmed, the account gets the role. Who may decide on what
    is ``stapteam.toegang.aanvragen_voor_beoordeling``."""
    aanvraag = Toegangsaanvraag.objects.select_for_update().get(pk=aanvraag.pk)
    if not aanvragen_voor_beoordeling(door).filter(pk=aanvraag.pk).exists():
        raise ValidationError("U kunt over deze aanvraag niet beslissen.")
    gebruiker = aanvraag.gebruiker
    # An account waiting for the administrator role has no role meanwhile.
    verwachte_rol = None if aanvraag.team_id is None else aanvraag.rol
    if bevestigd and (gebruiker.rol != verwachte_rol or not gebruiker.is_active):
        raise ValidationError(
            "De rol of status van dit account is intussen gewijzigd; deze aanvraag geldt niet meer."
        )
    aanvraag.status = AanvraagStatus.BEVESTIGD if bevestigd else AanvraagStatus.AFGEWEZEN
    aanvraag.beoordeeld_door = door
    aanvraag.beoordeeld_op = timezone.now()
    opslaan(aanvraag, door=door)
    if bevestigd and aanvraag.team_id is None:
        _rol_zetten(gebruiker, Rol.BEHEERDER)
        gebruiker.is_staff = True  # the administrator works in the Django admin
        gebruiker._history_user = door
        gebruiker.save(update_fields=["is_staff"])
    elif bevestigd:
        lidmaatschap = TeamLidmaatschap(
            user=gebruiker,
            permission=Permission.objects.get(
                codename="teamlid", content_type__app_label="stapteam"
            ),
            content_object=aanvraag.team,
        )
        lidmaatschap._history_user = door
        lidmaatschap.save()
    log_systeem(
        actie=Actie.WIJZIGEN,
        gebruiker=door,
        obj=aanvraag,
        team=aanvraag.team,
        omschrijving=f"{aanvraag.get_rol_display()} {aanvraag.waarvoor} voor "
        f"{gebruiker.username}: {aanvraag.get_status_display().lower()}",
    )
    return aanvraag


def activatielink_versturen(*, gebruiker: User, basis_url: str) -> None:
    """E-mail a one-time link where the account holder sets her own password.

    The link holds Django's password-reset token, which is bound to the current password
    hash: once she has set a password the link no longer works. ``basis_url`` is the
    site's address (scheme and host). MFA set-up follows at her first login.
    """
    if not gebruiker.email:
        raise ValidationError({"email": "Een e-mailadres is nodig voor de activatielink."})
    pad = reverse(
        "account_activeren",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )
    tekst = render_to_string(
        "stapteam/email/activatie.txt", {"gebruiker": gebruiker, "link": basis_url + pad}
    )
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Uw account activeren",
        message=tekst,
        from_email=None,
        recipient_list=[gebruiker.email],
    )


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

    Whoever sets up the new authenticator gets the account's client access only after
    the team's coordinator confirms that it is her colleague: the team memberships wait
    for confirmation again (otherwise an administrator could take an account over).
    """
    aantal, _ = Authenticator.objects.filter(user=gebruiker).delete()
    if gebruiker.rol in TEAMROLLEN:
        teams = set(
            TeamLidmaatschap.objects.filter(
                user=gebruiker, permission__codename="teamlid"
            ).values_list("content_object_id", flat=True)
        )
        _grants_zetten(TeamLidmaatschap, "teamlid", gebruiker, [], door)
        _aanvragen_bijwerken(
            gebruiker,
            gebruiker.rol,
            teams | huidige_team_ids(gebruiker),
            door,
            "tweestapsverificatie gereset",
        )
        gebruiker.__dict__.pop("_grant_team_ids", None)
    log_systeem(
        actie=Actie.WIJZIGEN,
        gebruiker=door,
        obj=gebruiker,
        omschrijving=f"Tweestapsverificatie van {gebruiker.username} gereset",
    )
    return aantal
