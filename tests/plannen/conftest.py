import datetime as dt

import pytest

from clients import services as client_services
from stapteam.constants import Rol
from stapteam.models import Organisatie
from tests.factories import ClientFactory, UserFactory


@pytest.fixture
def procesregisseur(team):
    return UserFactory(rol=Rol.PROCESREGISSEUR, gemeente=team.gemeente, naam="Karin Regisseur")


@pytest.fixture
def kim(team, casemanager):
    return ClientFactory(
        team=team,
        roepnaam="Kim",
        casemanager=casemanager,
        door=casemanager,
        gegevens={"in_beeld_sinds": dt.date(2022, 1, 1)},
    )


@pytest.fixture
def toestemming_zvh(kim, casemanager):
    """Her valid consent naming the Zorg- en Veiligheidshuis."""
    return client_services.toestemming_vastleggen(
        client=kim,
        ondertekend_op=dt.date(2024, 1, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code__in=["zvh", "iriszorg"]),
        door=casemanager,
    )
