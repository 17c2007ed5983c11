"""The evaluation report's outputs: the command, the PDF and XLSX, and the coordinator's
page with its downloads, access and access log."""

import datetime as dt
import io
import json
import logging
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from clients import services as client_services
from clients.constants import ContactSoort
from stapteam.constants import Actie, Rol
from stapteam.models import Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

NU = dt.datetime(2026, 1, 15, 10, tzinfo=dt.UTC)
TITELS = [
    "1. Doelgroep",
    "2. Vergunningen",
    "3. Zorgaanpak",
    "4. Resultaten",
    "5. Ervaringen van de cliënten",
    "6. Budget",
    "Bijlage: definities",
]


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def cohort(team, casemanager):
    for nummer in range(3):
        client = ClientFactory(
            team=team,
            roepnaam=f"Vrouw{nummer}",
            casemanager=casemanager,
            gegevens={"in_beeld_sinds": dt.date(2025, 2, 1)},
        )
        for dag in range(14):
            client_services.contact_registreren(
                client=client,
                door=casemanager,
                soort=ContactSoort.FACE_TO_FACE,
                tijdstip=dt.datetime(2025, 12, 1 + dag, 12, tzinfo=dt.UTC),
            )


def rapport_2025(team, formaat: str, *uitvoer: str) -> None:
    """``manage.py rapport evaluatie`` for the year 2025 (JSON to stdout without a path)."""
    call_command(
        "rapport", "evaluatie", "--team", team.code, "--van", "2025-01-01",
        "--tot", "2025-12-31", "--formaat", formaat, *uitvoer, stderr=StringIO(),
    )  # fmt: skip


class TestCommando:
    def test_json_naar_de_uitvoer_en_in_het_toegangslog(self, team, cohort, capsys):
        rapport_2025(team, "json")
        cijfers = json.loads(capsys.readouterr().out)
        assert cijfers["doelgroep"]["in_beeld"] == 3
        assert cijfers["zorgaanpak"]["contactfrequentie"]["wekelijks"] == 3
        regel = Toegangslog.objects.get(actie=Actie.RAPPORT)
        assert regel.team == team
        assert "01-01-2025 t/m 31-12-2025" in regel.omschrijving
        assert "formaat json" in regel.omschrijving

    @pytest.mark.parametrize(
        ("argumenten", "melding"),
        [
            (["--team", "onbekend", "--van", "2025-01-01", "--tot", "2025-12-31"], "Onbekend team"),
            (["--van", "2025-12-31", "--tot", "2025-01-01"], "begint (2025-12-31) na haar einde"),
            (["--van", "2025-02-30", "--tot", "2025-12-31"], "'2025-02-30' is geen datum"),
            (["--van", "1-1-2025", "--tot", "2025-12-31"], "'1-1-2025' is geen datum"),
        ],
    )
    def test_weigert_met_een_nederlandse_melding(self, team, argumenten, melding):
        if "--team" not in argumenten:
            argumenten = ["--team", team.code, *argumenten]
        with pytest.raises(CommandError, match=re.escape(melding)):
            call_command("rapport", "evaluatie", *argumenten, "--formaat", "json")
        assert not Toegangslog.objects.filter(actie=Actie.RAPPORT).exists()

    def test_pdf_leest_als_het_rapport(self, team, cohort, tmp_path, caplog):
        caplog.set_level(logging.WARNING, logger="weasyprint")
        pad = tmp_path / "evaluatie.pdf"
        rapport_2025(team, "pdf", "--uitvoer", str(pad))
        lezer = PdfReader(pad)
        tekst = "\n".join(pagina.extract_text() for pagina in lezer.pages)
        assert "Stapteam Nijmegen" in tekst and "Vertrouwelijk" in tekst
        assert "1 januari 2025 tot en met 31 december 2025" in tekst
        # The chapters in the order of the seed's report, after the contents page.
        na_inhoud = tekst.index(TITELS[-1]) + len(TITELS[-1])
        posities = [tekst.index(titel, na_inhoud) for titel in TITELS]
        assert posities == sorted(posities)
        assert not caplog.records  # the shipped fonts loaded, nothing fetched elsewhere
        assert "Wekelijks (13 of meer)" in tekst
        assert f"Pagina 2 van {len(lezer.pages)}" in tekst

    def test_xlsx_met_een_blad_per_hoofdstuk_en_getallen(self, team, cohort, tmp_path):
        pad = tmp_path / "evaluatie.xlsx"
        rapport_2025(team, "xlsx", "--uitvoer", str(pad))
        boek = load_workbook(pad)
        assert boek.sheetnames == [
            "1 Doelgroep",
            "2 Vergunningen",
            "3 Zorgaanpak",
            "4 Resultaten",
            "5 Ervaringen van de cliënten",
            "6 Budget",
            "Definities",
        ]
        rijen = list(boek["3 Zorgaanpak"].iter_rows(values_only=True))
        wekelijks = next(rij for rij in rijen if rij[0] == "Wekelijks (13 of meer)")
        assert wekelijks[1:] == (0, 3)  # begin of the period, peildatum: numbers, not text
        assert boek["Definities"]["A2"].value == "Periode en peildatum"


class TestPagina:
    def adres(self, **params):
        return reverse("rapportage:evaluatie") + (
            "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
        )

    def test_alleen_de_coordinator(self, als, team, ander_team, gebruikers, cohort):
        for rol, gebruiker in gebruikers.items():
            verwacht = 200 if rol == Rol.COORDINATOR else 403
            assert als(gebruiker).get(self.adres()).status_code == verwacht, rol
        vreemde = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
        assert als(vreemde).get(self.adres(team=team.code)).status_code == 404

    def test_standaard_de_laatste_twaalf_maanden_met_grafieken(self, als, coordinator, cohort):
        html = als(coordinator).get(self.adres()).content.decode()
        assert "16 januari 2025 tot en met 15 januari 2026" in html
        assert html.count("<svg") >= 6
        assert "Begin periode" in html and "Kwartaal 4 2025" in html
        regel = Toegangslog.objects.filter(actie=Actie.RAPPORT).latest("id")
        assert regel.gebruiker == coordinator and "formaat pagina" in regel.omschrijving

    def test_downloads(self, als, coordinator, team, cohort):
        browser = als(coordinator)
        periode = {"team": team.code, "van": "2025-01-01", "tot": "2025-12-31"}
        for formaat, begin in [("pdf", b"%PDF-"), ("xlsx", b"PK"), ("json", b"{")]:
            antwoord = browser.get(self.adres(**periode, formaat=formaat))
            assert antwoord.status_code == 200
            assert antwoord.content.startswith(begin)
            assert "attachment" in antwoord["Content-Disposition"]
        assert Toegangslog.objects.filter(actie=Actie.RAPPORT).count() == 3
        data = json.loads(browser.get(self.adres(**periode, formaat="json")).content)
        assert data["van"] == "2025-01-01"
        assert load_workbook(io.BytesIO(browser.get(self.adres(**periode, formaat="xlsx")).content))

    def test_verkeerde_periode_geeft_een_melding(self, als, coordinator):
        antwoord = als(coordinator).get(self.adres(van="2025-12-31", tot="2025-01-01"))
        assert antwoord.status_code == 400
        assert "ligt vóór" in antwoord.content.decode()
        assert not Toegangslog.objects.filter(actie=Actie.RAPPORT).exists()

    def test_vast_aantal_queries(self, als, coordinator, team, casemanager, tel_queries):
        browser = als(coordinator)
        # The first request of a session also renews its idle clock (a session save).
        browser.get(self.adres())
        weinig = tel_queries(lambda: browser.get(self.adres()))
        for nummer in range(8):
            ClientFactory(team=team, roepnaam=f"Extra{nummer}", casemanager=casemanager)
        assert tel_queries(lambda: browser.get(self.adres())) == weinig


def test_een_rapport_haalt_niets_van_buiten():
    from rapportage.evaluatie_uitvoer import _alleen_eigen_bestanden

    with pytest.raises(ValueError, match="Geen externe bronnen"):
        _alleen_eigen_bestanden().fetch("https://voorbeeld.invalid/stijl.css")
    with pytest.raises(ValueError, match="Geen externe bronnen"):
        _alleen_eigen_bestanden().fetch("file:///etc/passwd")
