"""The workbook in the browser: upload → dry run → confirm, export, access log."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from clients.models import Client
from stapteam.constants import Actie, Rol
from stapteam.models import Team, Toegangslog
from tests.factories import UserFactory

from .conftest import tabeltellingen, werkboek_bytes
from .test_werkboek_importeren import volledig_werkboek

pytestmark = pytest.mark.django_db

IMPORTEREN = reverse("rapportage:werkboek_importeren")


def upload(inhoud: bytes, naam="oost.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


def bewaarde_bestanden() -> set[str]:
    if not default_storage.exists("werkboeken"):
        return set()
    return set(default_storage.listdir("werkboeken")[1])


def token_uit(antwoord) -> str:
    return antwoord.context["token"]


def test_coordinator_controleert_bevestigt_en_importeert(als, coordinator, team):
    browser = als(coordinator)
    voor = tabeltellingen()
    antwoord = browser.post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(werkboek_bytes(volledig_werkboek()))}
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Controle: het werkboek is in orde" in inhoud
    assert "<li>contacten: 3</li>" in inhoud
    token = token_uit(antwoord)
    # The dry run wrote nothing but its access log line.
    tellingen = tabeltellingen()
    assert tellingen.pop("stapteam.Toegangslog") == voor.pop("stapteam.Toegangslog") + 1
    assert tellingen == voor

    antwoord = browser.post(reverse("rapportage:werkboek_bevestigen", args=[token]))
    assert "Het werkboek is geïmporteerd" in antwoord.content.decode()
    assert Client.objects.filter(team=team).count() == 2
    assert set(
        Client.history.filter(history_type="+").values_list("history_user", "history_change_reason")
    ) == {(coordinator.pk, "Werkboek oost.xlsx")}
    logregels = list(
        Toegangslog.objects.filter(gebruiker=coordinator, team=team)
        .order_by("pk")
        .values_list("actie", "omschrijving")
    )
    assert logregels[0] == (
        Actie.WIJZIGEN,
        "Uitwisselwerkboek oost.xlsx proefimport zonder problemen (niets vastgelegd)",
    )
    # The import itself, and for each new account the request that waits for her own
    # confirmation as coordinator (no team access until then).
    assert any(
        tekst.startswith("Uitwisselwerkboek oost.xlsx geïmporteerd: medewerkers 3")
        for _, tekst in logregels[1:]
    )
    assert any("wacht op bevestiging" in tekst for _, tekst in logregels[1:])
    # The kept file is gone, and the token cannot be used twice.
    assert f"{token}.xlsx" not in default_storage.listdir("werkboeken")[1]
    again = browser.post(reverse("rapportage:werkboek_bevestigen", args=[token]))
    assert again.status_code == 404


def test_problemen_per_blad_rij_en_kolom_op_de_pagina(als, coordinator, team):
    bladen = volledig_werkboek()
    bladen["contacten"][0][3] = "brief"
    bladen["uitgaven"][1][3] = 0
    voor = bewaarde_bestanden()
    antwoord = als(coordinator).post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(werkboek_bytes(bladen))}
    )
    inhoud = antwoord.content.decode()
    assert "Het werkboek is geweigerd" in inhoud
    assert "<td>contacten</td><td>2</td><td>soort</td>" in inhoud
    assert "<td>uitgaven</td><td>3</td><td>bedrag</td>" in inhoud
    assert antwoord.context["token"] is None
    assert "Importeren bevestigen" not in inhoud
    assert bewaarde_bestanden() <= voor  # a refused upload is not kept


def test_bevestigen_met_andermans_token_kan_niet(als, coordinator, team):
    antwoord = als(coordinator).post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(werkboek_bytes(volledig_werkboek()))}
    )
    token = token_uit(antwoord)
    andere = UserFactory(rol=Rol.COORDINATOR, team=team)
    antwoord = als(andere).post(reverse("rapportage:werkboek_bevestigen", args=[token]))
    assert antwoord.status_code == 404
    assert not Client.objects.filter(team=team).exists()


def test_geen_xlsx_geweigerd_in_de_browser(als, coordinator, team):
    antwoord = als(coordinator).post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(b"geen werkboek", "lijst.csv")}
    )
    assert "Dit is geen XLSX-bestand" in antwoord.content.decode()


def test_beheerder_importeert_alleen_een_nieuw_team(als, team):
    beheerder = UserFactory(rol=Rol.BEHEERDER)
    browser = als(beheerder)
    antwoord = browser.post(
        IMPORTEREN,
        {
            "bestand": upload(werkboek_bytes(volledig_werkboek())),
            "team_code": team.code,
            "gemeente": "Oostdorp",
        },
    )
    assert "Dit team bestaat al" in antwoord.content.decode()
    antwoord = browser.post(
        IMPORTEREN,
        {
            "bestand": upload(werkboek_bytes(volledig_werkboek())),
            "team_code": "stapteam-oost",
            "gemeente": "Oostdorp",
        },
    )
    token = token_uit(antwoord)
    assert not Team.objects.filter(code="stapteam-oost").exists()
    browser.post(reverse("rapportage:werkboek_bevestigen", args=[token]))
    assert Team.objects.get(code="stapteam-oost").gemeente.naam == "Oostdorp"
    # An administrator never reads a team out.
    antwoord = browser.post(reverse("rapportage:werkboek_exporteren") + "?team=stapteam-oost")
    assert antwoord.status_code == 403


RESERVEKOPIE = {
    "ontvanger": "iriszorg",
    "waarom": "Reservekopie",
    "reden_zonder_toestemming": "Reservekopie van het eigen team",
}


def test_coordinator_downloadt_het_werkboek_en_het_wordt_gelogd(als, coordinator, team):
    browser = als(coordinator)
    browser.post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(werkboek_bytes(volledig_werkboek()))}
    )
    antwoord = browser.post(
        reverse("rapportage:werkboek_exporteren") + f"?team={team.code}", RESERVEKOPIE
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].startswith('attachment; filename="werkboek-')
    werkboek = load_workbook(io.BytesIO(b"".join(antwoord.streaming_content)), read_only=True)
    assert werkboek.sheetnames[:2] == ["medewerkers", "clienten"]
    log = Toegangslog.objects.get(actie=Actie.EXPORTEREN)
    assert (log.gebruiker, log.team) == (coordinator, team)


def test_coordinator_van_een_ander_team_krijgt_404(als, ander_team, team):
    andere = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
    browser = als(andere)
    assert browser.get(reverse("rapportage:werkboek") + f"?team={team.code}").status_code == 404
    export = browser.post(reverse("rapportage:werkboek_exporteren") + f"?team={team.code}")
    assert export.status_code == 404
    antwoord = browser.post(
        f"{IMPORTEREN}?team={team.code}", {"bestand": upload(werkboek_bytes(volledig_werkboek()))}
    )
    assert antwoord.status_code == 404


def test_een_nieuwe_upload_ruimt_de_onbevestigde_op(als, coordinator, team):
    browser = als(coordinator)
    inhoud = werkboek_bytes(volledig_werkboek())
    eerste = token_uit(browser.post(f"{IMPORTEREN}?team={team.code}", {"bestand": upload(inhoud)}))
    tweede = token_uit(browser.post(f"{IMPORTEREN}?team={team.code}", {"bestand": upload(inhoud)}))
    bestanden = default_storage.listdir("werkboeken")[1]
    assert f"{tweede}.xlsx" in bestanden
    assert f"{eerste}.xlsx" not in bestanden
    verlopen = browser.post(reverse("rapportage:werkboek_bevestigen", args=[eerste]))
    assert verlopen.status_code == 404
