"""Every role group has exactly the permissions ONTWERP §1 gives it — no more, no less.

The expected sets are written out here on purpose: a change to ``stapteam.rollen`` that
is not also a deliberate change to this specification makes the test fail.
"""

import pytest
from django.contrib.auth.models import Group, Permission

from stapteam.constants import Rol
from stapteam.models import User
from stapteam.rollen import ROL_PERMISSIES, synchroniseer_rollen
from stapteam.toegang import mag
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOSSIER = {
    "clients.view_client",
    "clients.add_contact",
    "clients.volledig_dossier_inzien",
    "clients.vertrouwelijk_inzien",
    "clients.add_client",
    "clients.change_client",
    "clients.add_situatie",
    "clients.add_toestemming",
    "clients.change_toestemming",
    "clients.scan_inzien",
}

BEGELEIDING = {
    "plannen.add_plan",
    "plannen.change_plan",
    "plannen.add_doel",
    "plannen.change_doel",
    "plannen.add_actiepunt",
    "plannen.change_actiepunt",
    "plannen.add_zrmmeting",
    "plannen.add_resultaat",
    "plannen.add_knelpunt",
    "plannen.change_knelpunt",
    "plannen.add_escalatie",
    "plannen.change_escalatie",
    "plannen.view_escalatie",
}

# Permits and budget: the casemanager keeps them; the coordinator also manages budgets.
VERGUNNINGEN_EN_BUDGET = {
    "vergunningen.view_vergunning",
    "vergunningen.add_vergunning",
    "vergunningen.change_vergunning",
    "budget.view_budget",
    "budget.add_uitgave",
    "budget.add_timeout",
}
BUDGETBEHEER = {
    "vergunningen.vergunningen_exporteren",
    "budget.add_budget",
    "budget.change_budget",
    "budget.uitgave_goedkeuren",
    "budget.timeout_limiet_overschrijden",
}

VERWACHT = {
    Rol.CASEMANAGER: DOSSIER | BEGELEIDING | VERGUNNINGEN_EN_BUDGET,
    Rol.ERVARINGSDESKUNDIGE: {
        "clients.view_client",
        "clients.add_contact",
        "plannen.view_escalatie",
    },
    Rol.COORDINATOR: DOSSIER
    | BEGELEIDING
    | VERGUNNINGEN_EN_BUDGET
    | BUDGETBEHEER
    | {
        "clients.altijd_corrigeren",
        "clients.add_overdracht",
        "clients.toegangslog_inzien",
        "clients.inzage_exporteren",
        "plannen.zonder_toestemming",
        "plannen.view_knelpuntnotitie",
        "plannen.add_knelpuntnotitie",
        "plannen.change_knelpuntnotitie",
        "stapteam.toegang_bevestigen",
        "rapportage.rapporten_opvragen",
    },
    Rol.GEMEENTE: {"rapportage.dashboard_inzien"},
    Rol.PROCESREGISSEUR: {
        "plannen.view_escalatie",
        "plannen.change_escalatie",
        "rapportage.dashboard_inzien",
    },
    Rol.BEHEERDER: {
        "plannen.view_resultaattype",
        "plannen.add_resultaattype",
        "plannen.change_resultaattype",
        "plannen.view_knelpuntcategorie",
        "plannen.add_knelpuntcategorie",
        "plannen.change_knelpuntcategorie",
        "plannen.view_zrmanker",
        "plannen.add_zrmanker",
        "plannen.change_zrmanker",
        "stapteam.add_gemeente",
        "stapteam.add_organisatie",
        "stapteam.add_team",
        "stapteam.add_user",
        "stapteam.change_gemeente",
        "stapteam.change_organisatie",
        "stapteam.change_team",
        "stapteam.change_user",
        "stapteam.view_gemeente",
        "stapteam.view_organisatie",
        "stapteam.view_team",
        "stapteam.toegang_bevestigen",
        "stapteam.view_user",
    },
    Rol.FUNCTIONARIS: {"stapteam.view_toegangslog"},
}


def permissies_van(rol: str) -> set[str]:
    groep = Group.objects.get(name=rol)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in groep.permissions.select_related("content_type")
    }


def test_precies_zes_rolgroepen():
    assert set(Group.objects.values_list("name", flat=True)) == set(Rol.values)


@pytest.mark.parametrize("rol", Rol.values)
def test_rol_heeft_precies_zijn_permissies(rol):
    assert permissies_van(rol) == VERWACHT[rol]


def test_synchroniseren_herstelt_een_handmatige_wijziging():
    groep = Group.objects.get(name=Rol.CASEMANAGER)
    groep.permissions.add(*Group.objects.get(name=Rol.BEHEERDER).permissions.all())
    synchroniseer_rollen()
    assert permissies_van(Rol.CASEMANAGER) == VERWACHT[Rol.CASEMANAGER]


def test_elke_genoemde_permissie_bestaat():
    for rol, codes in ROL_PERMISSIES.items():
        assert permissies_van(rol) == set(codes), f"{rol}: een permissie bestaat niet"


@pytest.mark.parametrize("rol", Rol.values)
def test_mag_antwoordt_als_has_perm(rol):
    """``mag`` reads her permissions once per request; it answers for every permission
    as Django's ``has_perm`` does, also for a permission given to her account alone,
    and never for an inactive account or a superuser."""
    gebruiker = UserFactory(rol=rol)
    eigen = Permission.objects.get(codename="add_budget")
    gebruiker.user_permissions.add(eigen)
    alle = [
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    ]
    gelezen = User.objects.get(pk=gebruiker.pk)
    antwoorden = {p: mag(gelezen, p) for p in alle}
    assert antwoorden == {p: User.objects.get(pk=gebruiker.pk).has_perm(p) for p in alle}
    assert antwoorden["budget.add_budget"] and any(antwoorden.values())
    User.objects.filter(pk=gebruiker.pk).update(is_active=False)
    assert not any(mag(User.objects.get(pk=gebruiker.pk), p) for p in alle)


def test_mag_niets_voor_een_superuser():
    beheer = User.objects.create_superuser("technisch", "t@example.org", "x" * 20, naam="T")
    assert beheer.has_perm("clients.view_client") and not mag(beheer, "clients.view_client")
