"""Accessibility audit: axe-core's WCAG 2.1 A and AA rules on the main pages, at phone width.

Opt-in, because it needs Chromium and axe-core, which the normal test run does not
install: ``make toegankelijkheid`` provides both and runs this file.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from rapportage.management.commands.seed_demo import STANDAARD_WACHTWOORD
from tests.browser import chromium, inloggen, zonder_chromium_overslaan

AXE = os.environ.get("AXE_PAD", "")

pytestmark = [
    pytest.mark.skipif(not AXE, reason="zet AXE_PAD (make toegankelijkheid)"),
    pytest.mark.browser,
    zonder_chromium_overslaan,
    # serialized_rollback: starts from what the migrations put in (organisations, roles),
    # also after another test that emptied the tables, and leaves it for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REGELS = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"


def paginas():
    from clients.models import Client
    from plannen.models import Escalatie, Plan

    plan = Plan.objects.filter(client__team__code="stapteam-nijmegen").first()
    client = plan.client.pk
    return {
        "casemanager1": [
            "/",
            "/clienten/",
            f"/clienten/{client}/",
            f"/clienten/{client}/contact/",
            f"/clienten/{client}/contacten/",
            "/clienten/nieuw/?roepnaam=Kim",
            f"/clienten/{client}/situatie/woonsituatie/",
            f"/clienten/{client}/toestemming/nieuw/",
            f"/plannen/{client}/plan/{plan.pk}/",
            f"/plannen/{client}/zrm/",
            f"/plannen/{client}/zrm/nieuw/",
            "/vergunningen/",
            "/budget/",
            f"/budget/uitgave/nieuw/?client={client}",
            "/account/",
        ],
        "ervaringsdeskundige1": [f"/clienten/{Client.objects.first().pk}/"],
        "coordinator1": [
            "/clienten/overdracht/",
            f"/clienten/{client}/toegangslog/",
            "/budget/goedkeuren/",
            "/rapportage/werkboek/",
            "/rapportage/monitor/?maand=2025-01&formaat=xlsx",
            "/rapportage/knelpunten/",
            "/rapportage/knelpunten/postadres/notitie/",
            "/rapportage/knelpunten/team/stapteam-nijmegen/afdrukken/",
        ],
        "procesregisseur1": [
            "/plannen/escalaties/",
            f"/plannen/escalaties/{Escalatie.objects.first().pk}/",
        ],
        "gemeente1": [
            "/rapportage/dashboard/",
            "/rapportage/knelpunten/team/stapteam-nijmegen/afdrukken/",
        ],
    }


def test_geen_wcag_overtredingen(live_server, settings, monkeypatch):
    settings.MFA_VERPLICHT = False  # the demo accounts, as in the demo
    monkeypatch.delenv("DEMO_WACHTWOORD", raising=False)
    call_command("seed_demo", stdout=StringIO())
    axe = Path(AXE).read_text()
    # Queries first: inside Playwright's event loop Django refuses to touch the database.
    per_gebruiker = paginas()
    overtredingen = []

    def controleer(pagina, wie, adres):
        pagina.goto(f"{live_server.url}{adres}")
        pagina.add_script_tag(content=axe)
        uitkomst = pagina.evaluate(f"axe.run(document, {REGELS})")
        overtredingen.extend(
            f"{wie} {adres}: {v['id']} ({v['impact']}) {v['nodes'][0]['target']}"
            for v in uitkomst["violations"]
        )

    with chromium() as browser:
        for gebruiker, adressen in per_gebruiker.items():
            # axe is injected as a script; the page's own CSP would rightly refuse that.
            pagina = browser.new_context(
                viewport={"width": 360, "height": 800}, bypass_csp=True
            ).new_page()
            controleer(pagina, "anoniem", "/accounts/login/")
            inloggen(pagina, live_server.url, gebruiker, STANDAARD_WACHTWOORD)
            for adres in adressen:
                controleer(pagina, gebruiker, adres)
    assert overtredingen == []
