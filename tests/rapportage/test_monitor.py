"""The progress monitor: rows per client, the team's effort on a hand-built cohort, and
its XLSX and CSV read back."""

import csv
import datetime as dt
import io
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, base, call_command, execute_from_command_line
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clients import services as client_services
from clients.constants import ContactSoort, Grondslag
from clients.models import Verstrekking
from rapportage.monitor import kwartaal_periode, maand_periode, voortgangsmonitor
from stapteam.constants import Actie, Rol
from stapteam.models import Organisatie, Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

# The command's disclosure: to the municipality, whose name no consent in the cohort holds.
AAN_DE_GEMEENTE = [
    "--aan",
    "gemeente",
    "--doel",
    "Subsidieverantwoording",
    "--reden-zonder-toestemming",
    "Afspraak in de subsidiebeschikking",
]
FORMULIER = {
    "ontvanger": "gemeente",
    "waarom": "Subsidieverantwoording",
    "reden_zonder_toestemming": "Afspraak in de subsidiebeschikking",
}

# February 2028 has 29 days: 29/7 weeks.
VAN, TOT = dt.date(2028, 2, 1), dt.date(2028, 2, 29)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(dt.datetime(2028, 3, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


def contact(client, door, dag, soort, minuten):
    client_services.contact_registreren(
        client=client,
        door=door,
        soort=soort,
        duur_minuten=minuten,
        tijdstip=timezone.make_aware(dt.datetime.combine(dag, dt.time(22, 0))),
    )


@pytest.fixture
def cohort(team, casemanager, ervaringsdeskundige):
    ervaringsdeskundige.organisatie = Organisatie.objects.get(code="leger_des_heils")
    ervaringsdeskundige.save()
    kim = ClientFactory(
        team=team,
        roepnaam="Kim",
        casemanager=casemanager,
        gegevens={"in_beeld_sinds": dt.date(2027, 1, 1)},
    )
    naomi = ClientFactory(
        team=team,
        roepnaam="Naomi",
        casemanager=casemanager,
        gegevens={"in_beeld_sinds": dt.date(2027, 1, 1)},
    )
    # Kim: 4 × 60 min face to face by the casemanager, 2 × 30 min by the peer worker,
    # one attempt of 10 min, one network meeting of 45 min; and one contact in March.
    for dag in (1, 8, 15, 29):
        contact(kim, casemanager, dt.date(2028, 2, dag), ContactSoort.FACE_TO_FACE, 60)
    for dag in (3, 10):
        contact(kim, ervaringsdeskundige, dt.date(2028, 2, dag), ContactSoort.FACE_TO_FACE, 30)
    contact(kim, casemanager, dt.date(2028, 2, 20), ContactSoort.POGING, 10)
    contact(kim, casemanager, dt.date(2028, 2, 21), ContactSoort.NETWERKOVERLEG, 45)
    contact(kim, casemanager, dt.date(2028, 3, 1), ContactSoort.FACE_TO_FACE, 600)
    # Naomi: one phone call of 15 min.
    contact(naomi, casemanager, dt.date(2028, 2, 14), ContactSoort.TELEFONISCH, 15)
    return kim, naomi


def test_regels_per_client_zonder_naam(team, cohort):
    monitor = voortgangsmonitor(team, VAN, TOT)
    kim, naomi = monitor.clienten
    assert kim["clientnummer"] == cohort[0].code
    assert "Kim" not in str(monitor.clienten)
    assert (kim["gerealiseerde_contacten"], kim["contactminuten"]) == (6, 300)
    assert (kim["pogingen"], kim["netwerkoverleggen"]) == (1, 1)
    assert kim["laatste_contact"] == dt.date(2028, 2, 29)
    assert (naomi["gerealiseerde_contacten"], naomi["contactminuten"]) == (1, 15)
    assert naomi["plan"] == "geen plan"


def test_inzet_per_client_per_week_en_per_organisatie(team, cohort, casemanager):
    inzet = voortgangsmonitor(team, VAN, TOT).inzet
    assert inzet["clienten_in_beeld"] == 2
    assert inzet["weken"] == Decimal("4.1")
    team_inzet = inzet["team"]
    assert team_inzet["direct_minuten"] == 315
    assert (team_inzet["pogingen"], team_inzet["poging_minuten"]) == (1, 10)
    assert team_inzet["netwerk_minuten"] == 45
    # 315 min = 5.25 h over 2 clients and 29/7 weeks: 0.6336… → 0.6
    assert team_inzet["direct_uur_per_client_per_week"] == Decimal("0.6")
    # everything: 370 min → 0.744… → 0.7
    assert team_inzet["uur_per_client_per_week"] == Decimal("0.7")
    per_organisatie = {r["organisatie"]: r for r in inzet["per_organisatie"]}
    assert per_organisatie["Leger des Heils"]["direct_minuten"] == 60
    assert per_organisatie[casemanager.organisatie.naam]["direct_minuten"] == 255


def test_xlsx_en_csv_lezen_terug(team, cohort, tmp_path):
    pad = tmp_path / "monitor.xlsx"
    call_command(
        "rapport",
        "monitor",
        "--team",
        team.code,
        "--maand",
        "2028-02",
        "--formaat",
        "xlsx",
        "--uitvoer",
        str(pad),
        *AAN_DE_GEMEENTE,
        stderr=StringIO(),
    )
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Kerncijfers", "Cliënten", "Inzet"]
    rijen = list(boek["Cliënten"].iter_rows(values_only=True))
    assert rijen[0][:5] == (
        "Cliëntnummer",
        "Casemanager",
        "Status",
        "Intensiteit",
        "Gerealiseerde contacten",
    )
    assert rijen[-1][0] == "Totaal" and rijen[-1][4] == 7 and rijen[-1][5] == 315
    kern = dict(boek["Kerncijfers"].iter_rows(min_row=3, values_only=True))
    assert kern["Cliënten in beeld"] == 2

    pad = tmp_path / "monitor.csv"
    call_command(
        "rapport",
        "monitor",
        "--team",
        team.code,
        "--kwartaal",
        "2028-Q1",
        "--formaat",
        "csv",
        "--uitvoer",
        str(pad),
        *AAN_DE_GEMEENTE,
        stderr=StringIO(),
    )
    lezer = list(csv.reader(io.StringIO(pad.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert lezer[0][0] == "Cliëntnummer"
    assert lezer[-1][0] == "Totaal" and lezer[-1][4] == "8"  # the quarter has March too
    assert Toegangslog.objects.filter(actie=Actie.RAPPORT).count() == 2


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--maand", "2028-13"], "'2028-13' is geen maand"),
        (["--kwartaal", "2028-5"], "'2028-5' is geen kwartaal"),
    ],
)
def test_commando_weigert(team, argumenten, melding, tmp_path):
    with pytest.raises(CommandError, match=melding):
        call_command(
            "rapport",
            "monitor",
            "--team",
            team.code,
            *argumenten,
            "--formaat",
            "csv",
            "--uitvoer",
            str(tmp_path / "x.csv"),
            *AAN_DE_GEMEENTE,
        )
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("tekst", "van", "tot"),
    [
        ("2028-02", dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
        ("2027-02", dt.date(2027, 2, 1), dt.date(2027, 2, 28)),
        ("2027-12", dt.date(2027, 12, 1), dt.date(2027, 12, 31)),
    ],
)
def test_maand_tot_en_met_de_laatste_dag(tekst, van, tot):
    assert maand_periode(tekst) == (van, tot)


def test_kwartaal_periode():
    assert kwartaal_periode("2027-Q4") == (dt.date(2027, 10, 1), dt.date(2027, 12, 31))


def test_pagina_alleen_voor_de_coordinator(als, gebruikers, team, ander_team, cohort):
    adres = reverse("rapportage:monitor") + "?maand=2028-02&formaat=csv"
    for rol, gebruiker in gebruikers.items():
        antwoord = als(gebruiker).get(adres)
        assert antwoord.status_code == (200 if rol == Rol.COORDINATOR else 403), rol
    vreemde = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
    assert als(vreemde).get(adres + f"&team={team.code}").status_code == 404
    fout = als(gebruikers[Rol.COORDINATOR]).get(reverse("rapportage:monitor") + "?maand=feb")
    assert fout.status_code == 400
    assert "is geen maand; schrijf JJJJ-MM." in fout.content.decode()


def test_download_staat_op_het_toegangslog_van_elke_client(als, coordinator, cohort):
    als(coordinator).post(reverse("rapportage:monitor") + "?maand=2028-02&formaat=xlsx", FORMULIER)
    regels = Toegangslog.objects.filter(actie=Actie.EXPORTEREN, gebruiker=coordinator)
    assert set(regels.values_list("client_id", flat=True)) == {c.pk for c in cohort}
    assert all("voortgangsmonitor 01-02-2028 t/m 29-02-2028" in r.omschrijving for r in regels)


# --- The download is a disclosure (issue 9) ----------------------------------------------


@pytest.fixture
def kim_geeft_toestemming(cohort, casemanager):
    """Kim's valid consent names the municipality; Naomi has none."""
    kim, _ = cohort
    return client_services.toestemming_vastleggen(
        client=kim,
        ondertekend_op=dt.date(2027, 6, 1),
        versie="2",
        partijen=Organisatie.objects.filter(code__in=["gemeente", "iriszorg"]),
        door=casemanager,
    )


MONITOR = "?maand=2028-02&formaat=csv"


def test_get_vraagt_eerst_aan_wie_en_waarom(als, coordinator, cohort):
    antwoord = als(coordinator).get(reverse("rapportage:monitor") + MONITOR)
    assert antwoord["Content-Type"].startswith("text/html")
    pagina = antwoord.content.decode()
    assert 'name="ontvanger"' in pagina and 'name="waarom"' in pagina
    assert not Verstrekking.objects.exists()
    assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_zonder_toestemming_en_reden_geweigerd_op_clientnummer(
    als, coordinator, cohort, kim_geeft_toestemming
):
    kim, naomi = cohort
    antwoord = als(coordinator).post(
        reverse("rapportage:monitor") + MONITOR,
        {"ontvanger": "gemeente", "waarom": "Subsidieverantwoording"},
    )
    assert antwoord["Content-Type"].startswith("text/html")
    pagina = antwoord.content.decode()
    assert "Er is niets geëxporteerd" in pagina
    # The client not covered by number, never by name; the covered one not at all.
    assert f"<li>{naomi.code}</li>" in pagina
    assert f"<li>{kim.code}</li>" not in pagina
    assert "Naomi" not in pagina
    assert not Verstrekking.objects.exists()
    assert not Toegangslog.objects.filter(actie__in=[Actie.EXPORTEREN, Actie.RAPPORT]).exists()


def test_met_reden_een_verstrekking_per_client(als, coordinator, cohort, kim_geeft_toestemming):
    kim, naomi = cohort
    antwoord = als(coordinator).post(reverse("rapportage:monitor") + MONITOR, FORMULIER)
    assert antwoord["Content-Type"].startswith("text/csv")
    per_client = {v.client_id: v for v in Verstrekking.objects.select_related("ontvanger")}
    assert set(per_client) == {kim.pk, naomi.pk}
    assert {v.ontvanger.code for v in per_client.values()} == {"gemeente"}
    assert {v.waarom for v in per_client.values()} == {"Subsidieverantwoording"}
    assert all(v.door == coordinator for v in per_client.values())
    assert all("Voortgangsmonitor 01-02-2028 t/m 29-02-2028" in v.wat for v in per_client.values())
    assert (per_client[kim.pk].grondslag, per_client[kim.pk].toestemming) == (
        Grondslag.TOESTEMMING,
        kim_geeft_toestemming,
    )
    assert per_client[kim.pk].reden_zonder_toestemming == ""
    assert per_client[naomi.pk].grondslag == Grondslag.ZONDER_TOESTEMMING
    assert per_client[naomi.pk].reden_zonder_toestemming == "Afspraak in de subsidiebeschikking"


def test_alleen_met_dekkende_toestemming_geen_reden_nodig(als, coordinator, cohort, casemanager):
    for client in cohort:
        client_services.toestemming_vastleggen(
            client=client,
            ondertekend_op=dt.date(2027, 6, 1),
            versie="2",
            partijen=Organisatie.objects.filter(code="gemeente"),
            door=casemanager,
        )
    antwoord = als(coordinator).post(
        reverse("rapportage:monitor") + MONITOR,
        {"ontvanger": "gemeente", "waarom": "Subsidieverantwoording"},
    )
    assert antwoord["Content-Type"].startswith("text/csv")
    assert set(Verstrekking.objects.values_list("grondslag", flat=True)) == {Grondslag.TOESTEMMING}


@pytest.fixture
def verbinding_blijft(monkeypatch):
    """``manage.py`` closes every database connection when a command ends; in a test
    that would close the test's own transaction (PostgreSQL), so here it does not."""
    monkeypatch.setattr(base.connections, "close_all", lambda: None)


def test_commando_weigert_zonder_reden_met_exitcode(
    team, cohort, tmp_path, capsys, verbinding_blijft
):
    pad = tmp_path / "monitor.csv"
    argumenten = [
        "manage.py",
        "rapport",
        "monitor",
        "--team",
        team.code,
        "--maand",
        "2028-02",
        "--formaat",
        "csv",
        "--uitvoer",
        str(pad),
        "--aan",
        "gemeente",
        "--doel",
        "Subsidieverantwoording",
    ]
    with pytest.raises(SystemExit) as afloop:
        execute_from_command_line(argumenten)
    assert afloop.value.code == 1
    assert "Geweigerd, er is niets geschreven" in capsys.readouterr().err
    assert not pad.exists()
    assert not Verstrekking.objects.exists()

    execute_from_command_line([*argumenten, "--reden-zonder-toestemming", "Afspraak"])
    assert pad.exists()
    assert (
        Verstrekking.objects.filter(door=None, grondslag=Grondslag.ZONDER_TOESTEMMING).count() == 2
    )
    # On each client's own access log too.
    assert set(
        Toegangslog.objects.filter(actie=Actie.EXPORTEREN).values_list("client_id", flat=True)
    ) == {c.pk for c in cohort}
