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

pytestmark = pytest.mark.django_db
alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="de generator schrijft PostgreSQL-SQL"
)

KLEIN = Schaal(
    teams=2,
    clienten=20,
    contacten=600,
    zrm_metingen=40,
    uitgaven=60,
    toegangslog=500,
    clienten_meetteam=12,
)


GELEZEN_MODELLEN = (
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
)


@alleen_postgresql
def test_bouwt_een_kleine_geldige_landelijke_database(settings):
    """One build (the slow part) and everything asked of it."""
    settings.MFA_VERPLICHT = False  # the benchmark's accounts log in as the benchmark does
    opgebouwd = opbouwen(KLEIN, melden=lambda tekst: None)

    # Exactly the numbers asked for, and the measured team with every role.
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

    # Every generated row passes its model's own validation (choices, dates, rules).
    for label in GELEZEN_MODELLEN:
        rijen = list(apps.get_model(label).objects.all())
        assert rijen, f"{label} is leeg"
        for rij in rijen:
            rij.full_clean()

    # The history the dossier reads.
    assert Client.history.count() == Client.objects.count()
    assert Vergunning.history.count() == Vergunning.objects.count()
    assert Client.objects.order_by("pk").first().history.get().history_type == "+"

    # Each measured page answers its role as expected (``meet`` raises otherwise).
    client = metingen.meetclient(opgebouwd.team, opgebouwd.gebruikers[Rol.CASEMANAGER])
    assert client is not None
    uitslag = metingen.alles_meten(
        opgebouwd.gebruikers, client, herhalingen=1, max_seconden=0, melden=lambda t: None
    )
    assert all(meting.n == 1 and meting.queries > 0 for meting in uitslag)
    assert "| caseload (cliëntenlijst) | casemanager | 1 |" in metingen.tabel(uitslag)


@alleen_postgresql
def test_weigert_een_database_die_niet_leeg_is(team):
    with pytest.raises(ValueError, match="niet leeg"):
        opbouwen(KLEIN, melden=lambda tekst: None)
    assert Client.objects.count() == 0


@pytest.mark.skipif(connection.vendor == "postgresql", reason="over andere databases")
def test_weigert_een_andere_database_dan_postgresql():
    with pytest.raises(ValueError, match="alleen op PostgreSQL"):
        opbouwen(KLEIN, melden=lambda tekst: None)
