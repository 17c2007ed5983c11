"""Each role sees the navigation of its role, and only that."""

import re

import pytest
from django.urls import reverse

from stapteam.constants import Rol

pytestmark = pytest.mark.django_db

VERWACHT_MENU = {
    Rol.CASEMANAGER: [
        "Start",
        "Mijn cliënten",
        "Cliënten",
        "Escalaties",
        "Vergunningen",
        "Budget",
        "Mijn account",
    ],
    Rol.ERVARINGSDESKUNDIGE: ["Start", "Mijn cliënten", "Cliënten", "Escalaties", "Mijn account"],
    Rol.COORDINATOR: [
        "Start",
        "Mijn cliënten",
        "Cliënten",
        "Escalaties",
        "Vergunningen",
        "Budget",
        "Rapportage",
        "Toegangsaanvragen",
        "Mijn account",
    ],
    Rol.GEMEENTE: ["Start", "Dashboard", "Mijn account"],
    Rol.PROCESREGISSEUR: ["Start", "Escalaties", "Dashboard", "Mijn account"],
    Rol.BEHEERDER: ["Start", "Toegangsaanvragen", "Beheer", "Mijn account"],
    Rol.FUNCTIONARIS: ["Start", "Toegangslog", "Mijn account"],
}


def menu_labels(html: str) -> list[str]:
    nav = re.search(r'<nav id="hoofdmenu".*?</nav>', html, re.S).group(0)
    return re.findall(r'<li><a href="[^"]*"[^>]*>([^<]+)</a></li>', nav)


@pytest.mark.parametrize("rol", Rol.values)
def test_menu_per_rol(gebruikers, als, rol):
    html = als(gebruikers[rol]).get(reverse("start")).content.decode()
    assert menu_labels(html) == VERWACHT_MENU[rol]
    assert "Uitloggen" in html


def test_huidige_pagina_is_gemarkeerd(gebruikers, als):
    html = als(gebruikers[Rol.CASEMANAGER]).get(reverse("mijn_account")).content.decode()
    assert '<a href="/account/" aria-current="page">Mijn account</a>' in html


def test_basislayout_is_toegankelijk(gebruikers, als):
    html = als(gebruikers[Rol.CASEMANAGER]).get(reverse("start")).content.decode()
    assert '<html lang="nl">' in html
    assert '<a class="skiplink" href="#inhoud">' in html
    assert '<main id="inhoud"' in html
    assert 'name="viewport"' in html
    assert "<h1>" in html


def test_alleen_het_best_passende_menu_is_actief(gebruikers, als):
    html = als(gebruikers[Rol.CASEMANAGER]).get("/clienten/mijn/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert '<a href="/clienten/mijn/" aria-current="page">Mijn cliënten</a>' in html
