"""Every protected page, for every role, for a member of another team and for nobody.

One table: a row per page, the expected answer per role. A role not named in a row
gets the row's ``anders`` answer. ``inloggen`` means: sent to the login page. Answers
are taken after following redirects, so a page that sends a role elsewhere is judged
by where it ends up. Later features add their pages here.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from stapteam.constants import Rol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANDER_TEAM = "ander_team"  # a casemanager of another team
ANONIEM = "anoniem"
INLOGGEN = "inloggen"
ALLE_ROLLEN = [*Rol.values, ANDER_TEAM, ANONIEM]


@dataclass
class Pagina:
    naam: str
    url: object  # callable(scenario) -> str
    verwacht: dict = field(default_factory=dict)
    anders: int = 403


PAGINAS = [
    Pagina("start", lambda s: reverse("start"), anders=200),
    Pagina("mijn account", lambda s: reverse("mijn_account"), anders=200),
    Pagina("beheer", lambda s: "/beheer/", {Rol.BEHEERDER: 200}),
    Pagina("beheer gebruikers", lambda s: "/beheer/stapteam/user/", {Rol.BEHEERDER: 200}),
    Pagina("beheer teams", lambda s: "/beheer/stapteam/team/", {Rol.BEHEERDER: 200}),
    Pagina("beheer toegangslog", lambda s: "/beheer/stapteam/toegangslog/", {Rol.BEHEERDER: 200}),
]


@pytest.fixture
def scenario(team, ander_team):
    gebruikers = {rol: UserFactory(rol=rol, team=team) for rol in Rol.values}
    gebruikers[ANDER_TEAM] = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    return {"team": team, "ander_team": ander_team, "gebruikers": gebruikers}


def verwacht_antwoord(pagina: Pagina, rol: str):
    if rol == ANONIEM:
        return INLOGGEN
    return pagina.verwacht.get(rol, pagina.anders)


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
@pytest.mark.parametrize("rol", ALLE_ROLLEN)
def test_toegang(client, scenario, pagina, rol):
    if rol != ANONIEM:
        client.force_login(scenario["gebruikers"][rol])
    antwoord = client.get(pagina.url(scenario), follow=True)

    verwacht = verwacht_antwoord(pagina, rol)
    if verwacht == INLOGGEN:
        assert antwoord.redirect_chain, "anoniem had naar de loginpagina moeten gaan"
        assert antwoord.request["PATH_INFO"] == "/accounts/login/"
    else:
        assert antwoord.status_code == verwacht
