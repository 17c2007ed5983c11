"""The national benchmark's generator at a tiny scale, so it cannot rot unnoticed.

The benchmark itself is not a test (it takes many minutes); this builds two teams with
the same code and checks that what it writes is what the application accepts: counts,
every row through its model's ``full_clean``, history where pages read it, and the
measured pages answering for their roles. PostgreSQL only, as the generator is.
"""

import pytest
from django.apps import apps
from django.db import connection

from bench import metingen
from bench.landelijke_data import MEETTEAM, Schaal, opbouwen
from clients.models import Client, Contact
from plannen.models import ZRMMeting
from stapteam.constants import Rol
from stapteam.models import Team, Toegangslog
from vergunningen.models import Vergunning

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="de generator schrijft PostgreSQL-SQL"
    ),
]

KLEIN = Schaal(
    teams=2,
    clienten=20,
    contacten=600,
    zrm_metingen=40,
    uitgaven=60,
    toegangslog=500,
    clienten_meetteam=12,
)


@pytest.fixture
def opgebouwd(settings):
    settings.MFA_VERPLICHT = False  # the benchmark's accounts log in as the benchmark does
    return opbouwen(KLEIN, melden=lambda tekst: None)


def test_bouwt_precies_de_gevraagde_aantallen(opgebouwd):
    assert Team.objects.count() == 2
    assert opgebouwd.team.code == MEETTEAM
    assert Client.objects.filter(team=opgebouwd.team).count() == 12
    assert Client.objects.count() == 20
    assert Contact.objects.count() == 600
    assert ZRMMeting.objects.count() == 40
    assert Toegangslog.objects.count() == 500
    assert set(opgebouwd.gebruikers) == {
        Rol.CASEMANAGER,
        Rol.ERVARINGSDESKUNDIGE,
        Rol.COORDINATOR,
        Rol.GEMEENTE,
        Rol.PROCESREGISSEUR,
        Rol.FUNCTIONARIS,
    }


def test_elke_rij_is_geldig_voor_de_applicatie(opgebouwd):
    """Every generated row passes its model's own validation (choices, dates, rules)."""
    for label in (
        "clients.Client",
        "clients.Situatie",
        "clients.Toestemming",
        "clients.Contact",
        "plannen.Plan",
        "plannen.Doel",
        "plannen.Actiepunt",
        "plannen.ZRMMeting",
        "plannen.Resultaat",
        "plannen.Knelpunt",
        "vergunningen.Vergunning",
        "budget.Budget",
        "budget.Uitgave",
    ):
        rijen = list(apps.get_model(label).objects.all())
        assert rijen, f"{label} is leeg"
        for rij in rijen:
            rij.full_clean()


def test_de_geschiedenis_die_het_dossier_leest_is_gevuld(opgebouwd):
    assert Client.history.count() == Client.objects.count()
    assert Vergunning.history.count() == Vergunning.objects.count()
    eerste = Client.objects.order_by("pk").first()
    assert eerste.history.get().history_type == "+"


def test_de_gemeten_paginas_antwoorden_voor_hun_rol(opgebouwd):
    client = metingen.meetclient(opgebouwd.team, opgebouwd.gebruikers[Rol.CASEMANAGER])
    assert client is not None
    uitslag = metingen.alles_meten(
        opgebouwd.gebruikers, client, herhalingen=1, max_seconden=0, melden=lambda t: None
    )
    # Each page answered as expected (meet raises otherwise) and made queries.
    assert all(meting.n == 1 and meting.queries > 0 for meting in uitslag)
    assert "| caseload (cliëntenlijst) | casemanager | 1 |" in metingen.tabel(uitslag)


def test_weigert_een_database_die_niet_leeg_is(team):
    with pytest.raises(ValueError, match="niet leeg"):
        opbouwen(KLEIN, melden=lambda tekst: None)
    assert Client.objects.count() == 0
