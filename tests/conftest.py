import pytest
from django.core.cache import cache

from stapteam.constants import Rol
from tests.factories import ClientFactory, TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _lege_cache():
    # Rate-limit counters live in the cache; every test starts without history.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def team(db):
    return TeamFactory(naam="Stapteam Nijmegen", code="stapteam-nijmegen")


@pytest.fixture
def ander_team(db):
    return TeamFactory(naam="Stapteam Arnhem", code="stapteam-arnhem")


@pytest.fixture
def casemanager(team):
    return UserFactory(rol=Rol.CASEMANAGER, team=team, naam="Sanne Casemanager")


@pytest.fixture
def coordinator(team):
    return UserFactory(rol=Rol.COORDINATOR, team=team, naam="Ellen Coördinator")


@pytest.fixture
def ervaringsdeskundige(team):
    return UserFactory(rol=Rol.ERVARINGSDESKUNDIGE, team=team, naam="Joyce Ervaring")


@pytest.fixture
def client_van_team(team, casemanager):
    """Kim, a client of ``team`` with ``casemanager`` as her casemanager."""
    return ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager, door=casemanager)


@pytest.fixture
def gebruikers(team):
    """One user per role, all of ``team`` (or its municipality)."""
    return {rol: UserFactory(username=f"{rol}-test", rol=rol, team=team) for rol in Rol.values}


@pytest.fixture
def als(client):
    """``als(user)`` logs the test client in as that user and returns it."""

    def inloggen(user):
        client.force_login(user)
        return client

    return inloggen


@pytest.fixture
def tel_queries():
    """``tel_queries(functie)`` runs it and returns how many database queries it made.

    Savepoints are left out: they are the test transaction's bookkeeping around a nested
    atomic block (the session save), not queries for data.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def tel(functie) -> int:
        with CaptureQueriesContext(connection) as vastgelegd:
            functie()
        return sum(1 for query in vastgelegd if "SAVEPOINT" not in query["sql"].split(" ", 2)[:2])

    return tel


# --- Fuzz examples run (tests/fuzz.py): counted per process, summed over the xdist workers.
def pytest_sessionfinish(session):
    from tests import fuzz

    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["fuzzvoorbeelden"] = fuzz.voorbeelden_gedraaid


def pytest_testnodedown(node, error):
    from tests import fuzz

    fuzz.voorbeelden_gedraaid += getattr(node, "workeroutput", {}).get("fuzzvoorbeelden", 0)


def pytest_terminal_summary(terminalreporter):
    """What the tests counted, shown after the run: each ``record_property("telling", …)``
    (it travels on the test's report, so it arrives from pytest-xdist's workers too) and the
    fuzz examples run."""
    from tests import fuzz

    for rapport in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get(
        "failed", []
    ):
        for naam, waarde in rapport.user_properties:
            if naam == "telling" and rapport.when == "call":
                terminalreporter.write_line(f"{rapport.nodeid}: {waarde}")
    if fuzz.voorbeelden_gedraaid:
        terminalreporter.write_line(f"fuzzvoorbeelden gedraaid: {fuzz.voorbeelden_gedraaid}")
