"""Every role group has exactly the permissions ONTWERP §1 gives it — no more, no less.

The expected sets are written out here on purpose: a change to ``stapteam.rollen`` that
is not also a deliberate change to this specification makes the test fail.
"""

import pytest
from django.contrib.auth.models import Group

from stapteam.constants import Rol
from stapteam.rollen import ROL_PERMISSIES, synchroniseer_rollen

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

VERWACHT = {
    Rol.CASEMANAGER: DOSSIER,
    Rol.ERVARINGSDESKUNDIGE: {"clients.view_client", "clients.add_contact"},
    Rol.COORDINATOR: DOSSIER
    | {
        "clients.altijd_corrigeren",
        "clients.add_overdracht",
        "clients.toegangslog_inzien",
        "clients.inzage_exporteren",
    },
    Rol.GEMEENTE: set(),
    Rol.PROCESREGISSEUR: set(),
    Rol.BEHEERDER: {
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
        "stapteam.view_toegangslog",
        "stapteam.view_user",
    },
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
