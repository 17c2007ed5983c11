import pytest

from stapteam.constants import Rol
from tests.factories import ClientFactory, UserFactory


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
    return ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager, door=casemanager)
