"""The caseload's rows written in Python give exactly the HTML the row template gave:
hostile values escaped the same way, a client without casemanager or contact, several
teams, with and without the "+ Contact" button, and signals with and without an action."""

import datetime as dt
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory

from clients.lijstrijen import rijen_html
from clients.signalen import Signaal
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

# The row template of templates/clients/lijst.html before the rows were written in Python.
RIJSJABLOON = (Path(__file__).parent / "caseloadrijen_voorheen.html").read_text().rstrip("\n")

VIJANDIG = "<script>alert('x')</script> & \"Bea\""


@pytest.fixture
def rijen(team):
    met = ClientFactory(
        team=team, roepnaam=VIJANDIG, casemanager=UserFactory(team=team, naam=VIJANDIG)
    )
    zonder = ClientFactory(team=team, roepnaam="Anna", casemanager=None)
    team.naam = "Team <b>&</b>"
    team.save()
    # Just before midnight UTC on New Year's Eve: the next day and year in Amsterdam.
    met.laatste_contact = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    zonder.laatste_contact = None
    return [
        {
            "client": met,
            "intensiteit_label": "Hoog <&>",
            "woonsituatie_label": "",
            "signalen": [
                Signaal("a", VIJANDIG, ernst="fout", actie="Bel <haar> & ga"),
                Signaal("b", "Geen actie"),
            ],
        },
        {"client": zonder, "intensiteit_label": "", "woonsituatie_label": "", "signalen": []},
    ]


@pytest.mark.parametrize("meerdere_teams", [True, False])
@pytest.mark.parametrize("mag_contact", [True, False])
def test_rijen_zoals_het_sjabloon_ze_schreef(rijen, meerdere_teams, mag_contact):
    request = RequestFactory().get("/clienten/", {"zoek": "<a b>&c=d", "pagina": "2"})
    request.user = rijen[0]["client"].casemanager  # for the menu of the context processor
    verwacht = (
        engines["django"]
        .from_string(RIJSJABLOON)
        .render(
            {"rijen": rijen, "meerdere_teams": meerdere_teams, "mag_contact": mag_contact},
            request,
        )
    )
    geschreven = rijen_html(
        rijen,
        pad=request.get_full_path(),
        meerdere_teams=meerdere_teams,
        mag_contact=mag_contact,
    )
    assert geschreven == verwacht
    assert "<script>" not in geschreven
    assert "1 jan" in geschreven  # the date in Amsterdam, not in UTC
