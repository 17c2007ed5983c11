"""Vocabularies of the core: the roles of ONTWERP §1 and the access-log actions."""

from django.db import models


class Rol(models.TextChoices):
    """A user's role. Each role is a Group of the same name with its model permissions."""

    CASEMANAGER = "casemanager", "Casemanager"
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", "Ervaringsdeskundige"
    COORDINATOR = "coordinator", "Coördinator"
    GEMEENTE = "gemeente", "Gemeente"
    PROCESREGISSEUR = "procesregisseur", "Procesregisseur"
    BEHEERDER = "beheerder", "Beheerder"
    FUNCTIONARIS = "functionaris", "Functionaris gegevensbescherming"


# Roles that work in a team and so can be made a member of one.
TEAMROLLEN = frozenset({Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR})
# Team roles that hold a caseload (primary or second casemanager) and spend the flex budget.
CASELOAD_ROLLEN = (Rol.CASEMANAGER, Rol.COORDINATOR)
# Team roles that log contacts: every team role.
CONTACT_ROLLEN = (Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR)
# Roles that see the aggregate figures of one or more municipalities.
GEMEENTEROLLEN = frozenset({Rol.GEMEENTE, Rol.PROCESREGISSEUR})


class AanvraagStatus(models.TextChoices):
    """Where a request for a team role stands (four eyes: the team's coordinator decides)."""

    WACHT = "wacht", "Wacht op bevestiging"
    BEVESTIGD = "bevestigd", "Bevestigd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERVALLEN = "vervallen", "Vervallen"


class Actie(models.TextChoices):
    """What a line of the access log records (NEN 7513: the kind of access)."""

    INZIEN = "inzien", "Ingezien"
    ZOEKEN = "zoeken", "Gezocht"
    DOWNLOADEN = "downloaden", "Bestand gedownload"
    EXPORTEREN = "exporteren", "Geëxporteerd"
    RAPPORT = "rapport", "Rapport opgevraagd"
    WIJZIGEN = "wijzigen", "Gewijzigd"
    INLOGGEN = "inloggen", "Ingelogd"
    UITLOGGEN = "uitloggen", "Uitgelogd"
    INLOGPOGING_MISLUKT = "inlogpoging_mislukt", "Inlogpoging mislukt"
