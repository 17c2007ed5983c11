"""Every read of personal data is logged (issue 9, item 6; ONTWERP §8).

The routes are taken from the URL resolver: every route of the apps with a number in
its address (a client, or a record about one) must be in the access matrix
(``tests.test_toegangsmatrix``), and every page there about one client, opened by her
coordinator, must write a line on that client's access log — edit forms included.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from stapteam.constants import Rol
from stapteam.models import Toegangslog
from tests.test_toegangsmatrix import PAGINAS, POST_PAGINAS, scenario  # noqa: F401

pytestmark = pytest.mark.django_db

APPS = ("clients", "plannen", "vergunningen", "budget")


def routes_met_nummer(patronen=None, namespace=""):
    """(view name, route) of every app route with an int in its address."""
    for patroon in patronen if patronen is not None else get_resolver().url_patterns:
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or ""
            if ns in APPS:
                yield from routes_met_nummer(patroon.url_patterns, ns)
        elif isinstance(patroon, URLPattern) and namespace and "<int:" in str(patroon.pattern):
            yield f"{namespace}:{patroon.name}", str(patroon.pattern)


def test_elke_route_met_een_nummer_staat_in_de_matrix(scenario):  # noqa: F811
    gedekt = {resolve(p.url(scenario).split("?")[0]).view_name for p in PAGINAS + POST_PAGINAS}
    ontbreekt = sorted(naam for naam, _ in routes_met_nummer() if naam not in gedekt)
    assert not ontbreekt, f"Niet in de toegangsmatrix (en dus niet op logging getest): {ontbreekt}"


@pytest.mark.parametrize("pagina", [p for p in PAGINAS if p.per_client], ids=lambda p: p.naam)
def test_elke_clientpagina_komt_op_haar_toegangslog(client, scenario, pagina):  # noqa: F811
    client.force_login(scenario["gebruikers"][Rol.COORDINATOR])
    voor = Toegangslog.objects.count()
    antwoord = client.get(pagina.url(scenario))
    assert antwoord.status_code == 200
    nieuw = Toegangslog.objects.order_by("id")[voor:]
    assert any(regel.client_id == scenario["client"].pk for regel in nieuw), (
        f"{pagina.naam}: geen regel op het toegangslog van de cliënt"
    )


def test_caseloadoverdracht_komt_op_het_log_van_elke_getoonde_client(client, scenario):  # noqa: F811
    from django.urls import reverse

    gebruikers = scenario["gebruikers"]
    client.force_login(gebruikers[Rol.COORDINATOR])
    client.post(
        reverse("clients:caseload_overdragen"),
        {"van": gebruikers[Rol.CASEMANAGER].pk, "naar": gebruikers[Rol.COORDINATOR].pk},
    )
    assert Toegangslog.objects.filter(
        client_id=scenario["client"].pk, omschrijving__contains="caseload"
    ).exists()


def test_budgetpagina_komt_op_het_log_van_de_clienten_met_een_uitgave(client, scenario):  # noqa: F811
    from django.urls import reverse

    client.force_login(scenario["gebruikers"][Rol.COORDINATOR])
    client.get(reverse("budget:budget", args=[scenario["budget"].pk]))
    regel = Toegangslog.objects.filter(client_id=scenario["client"].pk).latest("id")
    assert "Budget" in regel.omschrijving
