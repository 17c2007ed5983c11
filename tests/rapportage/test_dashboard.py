"""The municipal dashboard: only its own municipality, never a person, suppression that
holds against every relation on the page, and a fixed number of queries."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from clients import services as client_services
from clients.constants import ContactSoort, Kenmerk, Status
from rapportage.dashboard_pagina import dashboard
from rapportage.onderdrukking import oplosbaar
from stapteam.constants import Actie, Rol
from stapteam.models import Gemeente, Toegangslog
from tests.factories import ClientFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

NU = dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC)
VAN, TOT = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def cohort(team, casemanager):
    """Twelve women with recognisable names, codes and birth dates; two leave, one comes
    in late; housing varies; contacts for most."""
    clienten = []
    for nummer in range(12):
        client = ClientFactory(
            team=team,
            roepnaam=f"Geheimenaam{nummer}",
            casemanager=casemanager,
            gegevens={
                "in_beeld_sinds": dt.date(2025, 6, 1) if nummer < 11 else dt.date(2026, 5, 10),
                "geboortedatum": dt.date(1987, 3, 14),
            },
        )
        client_services.situatie_vastleggen(
            client=client,
            kenmerk=Kenmerk.WOONSITUATIE,
            waarde="zelfstandig" if nummer < 8 else "dakloos",
            datum=dt.date(2025, 6, 1),
            door=casemanager,
        )
        if nummer < 9:
            client_services.contact_registreren(
                client=client,
                door=casemanager,
                soort=ContactSoort.FACE_TO_FACE,
                tijdstip=timezone.make_aware(dt.datetime(2026, 3, 3, 21)),
            )
        clienten.append(client)
    for client in clienten[:2]:
        client_services.client_wijzigen(
            client=client,
            door=casemanager,
            status=Status.UITGESTROOMD,
            uitstroom_datum=dt.date(2026, 8, 20),
            uitstroom_reden="verhuisd",
        )
    return clienten


def gemeente_gebruiker(team, rol=Rol.GEMEENTE):
    return UserFactory(rol=rol, gemeente=team.gemeente)


def test_geen_verborgen_cijfer_is_uit_de_pagina_te_halen(team, ander_team, cohort):
    ander_team.gemeente = team.gemeente
    ander_team.save()
    ClientFactory(team=ander_team, roepnaam="Klein", gegevens={"in_beeld_sinds": VAN})
    overzicht = dashboard([team, ander_team], VAN, TOT)
    # Arnhem's single woman is hidden everywhere she counts, and nothing gives her away.
    assert overzicht.verborgen
    assert oplosbaar(overzicht.blad, set(overzicht.verborgen)) == set()
    samen = overzicht.secties[0]
    in_beeld = samen.tabellen[0].rijen[0]
    assert in_beeld.label == "In beeld"
    # The stock and flow identity holds for every published month.
    for waarde in in_beeld.cellen:
        assert waarde == "×" or re.fullmatch(r"<?\d+", waarde)


def test_gemeente_ziet_alleen_eigen_teams_en_nooit_een_persoon(als, team, cohort):
    vreemde_gemeente = Gemeente.objects.create(naam="Elders")
    vreemd_team = TeamFactory(
        naam="Stapteam Elders", code="stapteam-elders", gemeente=vreemde_gemeente
    )
    ClientFactory(team=vreemd_team, roepnaam="Buitenstaander")
    for rol in (Rol.GEMEENTE, Rol.PROCESREGISSEUR):
        browser = als(gemeente_gebruiker(team, rol))
        for adres in (reverse("start"), reverse("rapportage:dashboard")):
            html = browser.get(adres).content.decode()
            assert "Geheimenaam" not in html and "Buitenstaander" not in html
            assert "14-03-1987" not in html and "1987" not in html
            assert not any(client.code in re.findall(r">(\d{4})<", html) for client in cohort)
        html = browser.get(reverse("rapportage:dashboard")).content.decode()
        assert "Stapteam Nijmegen" in html and "Stapteam Elders" not in html
    anders = UserFactory(rol=Rol.GEMEENTE, gemeente=vreemde_gemeente)
    html = als(anders).get(reverse("rapportage:dashboard")).content.decode()
    assert "Stapteam Nijmegen" not in html and "Stapteam Elders" in html


def test_alleen_gemeente_en_procesregisseur(als, gebruikers, team, cohort):
    for rol, gebruiker in gebruikers.items():
        verwacht = 200 if rol in (Rol.GEMEENTE, Rol.PROCESREGISSEUR) else 403
        assert als(gebruiker).get(reverse("rapportage:dashboard")).status_code == verwacht, rol


def test_gelogd_en_een_vast_aantal_queries(als, team, casemanager, cohort, tel_queries):
    browser = als(gemeente_gebruiker(team))
    # The first request of a session also renews its idle clock (a session save).
    browser.get(reverse("rapportage:dashboard"))
    weinig = tel_queries(lambda: browser.get(reverse("rapportage:dashboard")))
    for nummer in range(6):
        ClientFactory(team=team, roepnaam=f"Extra{nummer}", casemanager=casemanager)
    assert tel_queries(lambda: browser.get(reverse("rapportage:dashboard"))) == weinig
    assert (
        Toegangslog.objects.filter(
            actie=Actie.RAPPORT, omschrijving__startswith="Dashboard"
        ).count()
        == 3
    )


def test_te_lange_periode_wordt_geweigerd(als, team):
    antwoord = als(gemeente_gebruiker(team)).get(
        reverse("rapportage:dashboard"), {"van": "2020-01-01", "tot": "2026-12-31"}
    )
    assert antwoord.status_code == 400
    assert "Kies hooguit 36 maanden." in antwoord.content.decode()
