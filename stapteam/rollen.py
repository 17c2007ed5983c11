"""What each role may do: the model permissions of its Group (ONTWERP §1).

This table is the one place a role's capabilities are written down. Which *objects* a
user may touch is decided by object grants (team membership, escalations) in the access
functions; these permissions decide which *kinds* of action a role has at all.

The groups are created by migration ``stapteam.0002``; after every ``migrate`` their
permissions are set to exactly this table (``synchroniseer_rollen``), so a permission
added here, or taken away, reaches every database.
"""

import logging

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS

from stapteam.constants import Rol

logger = logging.getLogger(__name__)

_BEHEER = {
    f"stapteam.{actie}_{model}"
    for model in ("user", "team", "organisatie", "gemeente")
    for actie in ("view", "add", "change")
}

# The client dossier (clients): reading, the full dossier, and changing it.
_DOSSIER_LEZEN = {"clients.view_client", "clients.add_contact"}
_DOSSIER_WIJZIGEN = {
    "clients.volledig_dossier_inzien",
    "clients.vertrouwelijk_inzien",
    "clients.add_client",
    "clients.change_client",
    "clients.add_situatie",
    "clients.add_toestemming",
    "clients.change_toestemming",
    "clients.scan_inzien",
}
_COORDINATIE = {
    "clients.altijd_corrigeren",
    "clients.add_overdracht",
    "clients.toegangslog_inzien",
    "clients.inzage_exporteren",
    "stapteam.toegang_bevestigen",
}

# Permits and the flex budget: the casemanager keeps them for her team's clients; the
# ervaringsdeskundige sees neither (reduced dossier). The coordinator also creates and
# changes budgets, approves spends above the threshold, may allow a time-out beyond the
# yearly maximum and exports the permit list for the municipality.
_VERGUNNINGEN_EN_BUDGET = {
    "vergunningen.view_vergunning",
    "vergunningen.add_vergunning",
    "vergunningen.change_vergunning",
    "budget.view_budget",
    "budget.add_uitgave",
    "budget.add_timeout",
}
_BUDGETBEHEER = {
    "vergunningen.vergunningen_exporteren",
    "budget.add_budget",
    "budget.change_budget",
    "budget.uitgave_goedkeuren",
    "budget.timeout_limiet_overschrijden",
}

# Support (plannen): the casemanager keeps plans, goals, ZRM, results and barriers and
# escalates; the whole team sees escalations in the dossier. The procesregisseur sees
# and works on the escalations sent to her (object grants decide which ones).
_BEGELEIDING = {
    f"plannen.{actie}_{model}"
    for model, acties in {
        "plan": ("add", "change"),
        "doel": ("add", "change"),
        "actiepunt": ("add", "change"),
        "zrmmeting": ("add",),
        "resultaat": ("add",),
        "knelpunt": ("add", "change"),
        "escalatie": ("add", "change"),
    }.items()
    for actie in acties
}
_ESCALATIES_LEZEN = {"plannen.view_escalatie"}
# Per category of barriers the coordinator tells the municipality the consequence, the
# wish and the next step (her team's memo; the municipality reads it on its dashboard).
_KNELPUNTNOTITIES = {f"plannen.{actie}_knelpuntnotitie" for actie in ("view", "add", "change")}
_VOCABULAIRES = {
    f"plannen.{actie}_{model}"
    for model in ("resultaattype", "knelpuntcategorie", "zrmanker")
    for actie in ("view", "add", "change")
}

ROL_PERMISSIES: dict[str, frozenset[str]] = {
    Rol.CASEMANAGER: frozenset(
        _DOSSIER_LEZEN
        | _DOSSIER_WIJZIGEN
        | _VERGUNNINGEN_EN_BUDGET
        | _BEGELEIDING
        | _ESCALATIES_LEZEN
    ),
    Rol.ERVARINGSDESKUNDIGE: frozenset(_DOSSIER_LEZEN | _ESCALATIES_LEZEN),
    Rol.COORDINATOR: frozenset(
        _DOSSIER_LEZEN
        | _DOSSIER_WIJZIGEN
        | _COORDINATIE
        | _VERGUNNINGEN_EN_BUDGET
        | _BUDGETBEHEER
        | _BEGELEIDING
        | _ESCALATIES_LEZEN
        | _KNELPUNTNOTITIES
        | {"plannen.zonder_toestemming", "rapportage.rapporten_opvragen"}
    ),
    Rol.GEMEENTE: frozenset({"rapportage.dashboard_inzien"}),
    Rol.PROCESREGISSEUR: frozenset(
        _ESCALATIES_LEZEN | {"plannen.change_escalatie", "rapportage.dashboard_inzien"}
    ),
    # The administrator manages accounts and vocabularies; she sees no client content
    # and not the access log (who opened which dossier, what was searched).
    Rol.BEHEERDER: frozenset(_BEHEER | _VOCABULAIRES | {"stapteam.toegang_bevestigen"}),
    # Oversight (the privacy officer): alone reads the installation-wide access log.
    Rol.FUNCTIONARIS: frozenset({"stapteam.view_toegangslog"}),
}


def _permissies(codes: frozenset[str], using: str) -> list[Permission]:
    gevonden = []
    for code in sorted(codes):
        app_label, codename = code.split(".", 1)
        permissie = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if permissie is None:
            # Only while migrating to an older state; the role test catches typos.
            logger.warning("Permissie %s bestaat (nog) niet; rol niet volledig.", code)
            continue
        gevonden.append(permissie)
    return gevonden


def synchroniseer_rollen(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Give every role group exactly the permissions of ``ROL_PERMISSIES``.

    Connected to ``post_migrate``. Permissions of all apps are created first, because
    Django creates them app by app and this may run before the last app's turn.
    """
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for rol, codes in ROL_PERMISSIES.items():
        groep, _ = Group.objects.using(using).get_or_create(name=rol)
        groep.permissions.set(_permissies(codes, using))
