"""The workbook export is a disclosure (issue 9, ONTWERP §8): one entry per client in the
register — to whom, what, why, on which consent or the coordinator's reason — and a
refusal registers nothing and writes nothing. The entries show on her access log page
and in her inzage export."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import base, call_command, execute_from_command_line
from django.urls import reverse
from django.utils import timezone

from clients import services as client_services
from clients.constants import Grondslag
from clients.models import Client, Verstrekking
from clients.services import verstrekkingen_vastleggen
from rapportage.werkboek import exporteren
from stapteam.constants import Actie
from stapteam.models import Organisatie, Toegangslog
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

EXPORTEREN = reverse("rapportage:werkboek_exporteren")


@pytest.fixture
def kim(team, casemanager):
    """Her valid consent names IrisZorg (and the Zorg- en Veiligheidshuis)."""
    kim = ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager)
    client_services.toestemming_vastleggen(
        client=kim,
        ondertekend_op=dt.date(2025, 6, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code__in=["iriszorg", "zvh"]),
        door=casemanager,
    )
    return kim


@pytest.fixture
def naomi(team, casemanager):
    """No consent at all."""
    return ClientFactory(team=team, roepnaam="Naomi", casemanager=casemanager)


def exporteer(browser, team, **gegevens):
    return browser.post(f"{EXPORTEREN}?team={team.code}", gegevens)


# --- The rule, for a set of clients --------------------------------------------------------


def test_reden_zonder_toestemming_alleen_van_de_coordinator(team, kim, naomi, casemanager):
    with pytest.raises(ValidationError, match="vraag de coördinator"):
        verstrekkingen_vastleggen(
            clienten=Client.objects.filter(team=team),
            organisatie_code="iriszorg",
            wat="Uitwisselwerkboek",
            waarom="Reservekopie",
            door=casemanager,
            reden_zonder_toestemming="Toch",
        )
    assert not Verstrekking.objects.exists()


def test_coordinator_zonder_reden_geweigerd_op_clientnummer(team, kim, naomi, coordinator):
    with pytest.raises(ValidationError) as fout:
        verstrekkingen_vastleggen(
            clienten=Client.objects.filter(team=team),
            organisatie_code="iriszorg",
            wat="Uitwisselwerkboek",
            waarom="Reservekopie",
            door=coordinator,
            reden_zonder_toestemming="   ",
        )
    melding = " ".join(fout.value.messages)
    assert naomi.code in melding and kim.code not in melding
    assert "Naomi" not in melding
    assert not Verstrekking.objects.exists()


def test_geanonimiseerd_dossier_krijgt_geen_verstrekking(team, kim, naomi, coordinator):
    Client.objects.filter(pk=naomi.pk).update(geanonimiseerd_op=timezone.now())
    verstrekkingen = verstrekkingen_vastleggen(
        clienten=Client.objects.filter(team=team),
        organisatie_code="iriszorg",
        wat="Uitwisselwerkboek",
        waarom="Reservekopie",
        door=coordinator,
    )
    assert [v.client_id for v in verstrekkingen] == [kim.pk]


# --- The page ------------------------------------------------------------------------------


def test_zonder_ontvanger_en_doel_niets(als, coordinator, team, kim):
    antwoord = exporteer(als(coordinator), team)
    assert antwoord["Content-Type"].startswith("text/html")
    assert "Er is niets geëxporteerd" in antwoord.content.decode()
    assert not Verstrekking.objects.exists()
    assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_weigering_noemt_de_clienten_op_nummer_en_schrijft_niets(
    als, coordinator, team, kim, naomi
):
    antwoord = exporteer(als(coordinator), team, ontvanger="iriszorg", waarom="Reservekopie")
    assert antwoord["Content-Type"].startswith("text/html")
    pagina = antwoord.content.decode()
    assert "Er is niets geëxporteerd" in pagina
    assert f"<li>{naomi.code}</li>" in pagina and f"<li>{kim.code}</li>" not in pagina
    assert "Naomi" not in pagina
    assert not Verstrekking.objects.exists()
    assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_reservekopie_met_reden_een_verstrekking_per_client(als, coordinator, team, kim, naomi):
    antwoord = exporteer(
        als(coordinator),
        team,
        ontvanger="iriszorg",
        waarom="Reservekopie",
        reden_zonder_toestemming="Eigen registratie van het team",
    )
    assert antwoord["Content-Disposition"].startswith('attachment; filename="werkboek-')
    per_client = {v.client_id: v for v in Verstrekking.objects.select_related("ontvanger")}
    assert set(per_client) == {kim.pk, naomi.pk}
    for verstrekking in per_client.values():
        assert verstrekking.ontvanger.code == "iriszorg"
        assert verstrekking.wat == exporteren.WAT_WERKBOEK
        assert verstrekking.waarom == "Reservekopie"
        assert verstrekking.door == coordinator
    assert per_client[kim.pk].grondslag == Grondslag.TOESTEMMING
    assert per_client[kim.pk].toestemming == kim.toestemmingen.get()
    assert per_client[naomi.pk].grondslag == Grondslag.ZONDER_TOESTEMMING
    assert per_client[naomi.pk].reden_zonder_toestemming == "Eigen registratie van het team"


def test_verstrekking_op_haar_toegangslog_en_in_haar_inzage(als, coordinator, team, kim, naomi):
    browser = als(coordinator)
    exporteer(
        browser,
        team,
        ontvanger="iriszorg",
        waarom="Reservekopie",
        reden_zonder_toestemming="Eigen registratie van het team",
    )
    pagina = browser.get(reverse("clients:toegangslog", args=[naomi.pk])).content.decode()
    assert "Uitwisselwerkboek" in pagina
    assert "IrisZorg" in pagina
    assert "Eigen registratie van het team" in pagina

    antwoord = browser.post(reverse("clients:inzage_downloaden", args=[naomi.pk]))
    inzage = json.loads(zipfile.ZipFile(io.BytesIO(antwoord.content)).read("inzage.json"))
    werkboek = [
        regel
        for regel in inzage["secties"]["Verstrekkingen"]
        if "Uitwisselwerkboek" in regel["Wat"]
    ]
    assert len(werkboek) == 1
    assert werkboek[0]["Waarom"] == "Reservekopie"
    assert werkboek[0]["Grondslag"] == Grondslag.ZONDER_TOESTEMMING.label


def test_mislukt_bestand_neemt_de_verstrekkingen_mee(team, kim, naomi, coordinator, monkeypatch):
    def kapot(team, uitvoer):
        raise OSError("schijf vol")

    monkeypatch.setattr(exporteren, "werkboek_exporteren", kapot)
    with pytest.raises(OSError):
        exporteren.werkboek_verstrekken(
            team,
            io.BytesIO(),
            organisatie_code="iriszorg",
            waarom="Reservekopie",
            door=coordinator,
            reden_zonder_toestemming="Eigen registratie",
        )
    assert not Verstrekking.objects.exists()


# --- The command ---------------------------------------------------------------------------


def commando(pad, team, *extra):
    return [
        "manage.py",
        "exporteer_werkboek",
        str(pad),
        "--team",
        team.code,
        "--aan",
        "iriszorg",
        "--doel",
        "Reservekopie",
        *extra,
    ]


@pytest.fixture
def verbinding_blijft(monkeypatch):
    """``manage.py`` closes every database connection when a command ends; in a test
    that would close the test's own transaction (PostgreSQL), so here it does not."""
    monkeypatch.setattr(base.connections, "close_all", lambda: None)


def test_commando_weigert_met_exitcode_en_laat_het_bestand_staan(
    team, kim, naomi, tmp_path, capsys, verbinding_blijft
):
    pad = tmp_path / "team.xlsx"
    pad.write_bytes(b"vorige kopie")
    with pytest.raises(SystemExit) as afloop:
        execute_from_command_line(commando(pad, team))
    assert afloop.value.code == 1
    assert "Geweigerd, er is niets geschreven en niets vastgelegd" in capsys.readouterr().err
    assert pad.read_bytes() == b"vorige kopie"
    assert list(tmp_path.iterdir()) == [pad]  # no half-written file either
    assert not Verstrekking.objects.exists()
    assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_commando_onbekende_ontvanger(team, kim, tmp_path, capsys):
    pad = tmp_path / "team.xlsx"
    argumenten = commando(pad, team)
    argumenten[argumenten.index("iriszorg")] = "onbekend"
    with pytest.raises(SystemExit) as afloop:
        execute_from_command_line(argumenten)
    assert afloop.value.code == 1
    assert "Organisatie onbekend bestaat niet" in capsys.readouterr().err
    assert not pad.exists()


def test_commando_met_reden_schrijft_en_registreert(team, kim, naomi, tmp_path):
    pad = tmp_path / "team.xlsx"
    uitvoer = io.StringIO()
    call_command(
        *commando(pad, team, "--reden-zonder-toestemming", "Eigen registratie")[1:], stdout=uitvoer
    )
    assert pad.exists()
    assert "verstrekkingen vastgelegd: 2" in uitvoer.getvalue()
    per_client = {v.client_id: v for v in Verstrekking.objects.all()}
    assert set(per_client) == {kim.pk, naomi.pk}
    assert all(v.door is None for v in per_client.values())
    assert per_client[kim.pk].grondslag == Grondslag.TOESTEMMING


def test_commando_alleen_gedekte_clienten_geen_reden_nodig(team, kim, tmp_path):
    pad = tmp_path / "team.xlsx"
    call_command(*commando(pad, team)[1:], stdout=io.StringIO())
    assert pad.exists()
    assert Verstrekking.objects.get().grondslag == Grondslag.TOESTEMMING
