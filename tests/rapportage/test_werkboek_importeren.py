"""Importing a complete exchange workbook: every value lands where §7 says."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from budget.constants import UitgaveStatus
from budget.models import Budget, TimeOut, Uitgave
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming
from plannen.models import Doel, Knelpunt, Knelpuntcategorie, Plan, Resultaat, ZRMMeting
from stapteam.constants import Rol
from stapteam.models import Team, User
from stapteam.spreadsheets import veilige_tekst
from stapteam.toegang import is_teamlid
from tests.factories import UserFactory
from vergunningen.models import Vergunning

from .conftest import tabeltellingen, werkboek_bytes

pytestmark = pytest.mark.django_db

D = dt.date

ZRM_LEEG = [None] * 13


def volledig_werkboek() -> dict[str, list[list]]:
    """One team's worth of every sheet of §7, small."""
    return {
        "medewerkers": [
            ["sanne", "Sanne de Vries", "casemanager", "iriszorg"],
            ["joyce", "Joyce Bakker", "ervaringsdeskundige", ""],
            ["ellen", "Ellen Coördinator", "coordinator", "leger_des_heils"],
        ],
        "clienten": [
            [
                "0001",
                "Kim",
                "Kimberley",
                "Jansen",
                "1990-05-01",
                "vrouw",
                "111222333",
                "2021-03-01",
                "actief",
                None,
                None,
                "sanne",
                "joyce",
            ],
            [
                "0002",
                veilige_tekst('=HYPERLINK("http://x")'),
                None,
                None,
                None,
                None,
                None,
                "2022-01-10",
                "uitgestroomd",
                "2025-12-01",
                "verhuisd",
                "ellen",
                None,
            ],
        ],
        "situatie": [
            ["0001", "2021-03-01", "woonsituatie", "dakloos"],
            ["0001", "2024-06-01", "woonsituatie", "zelfstandig"],
            ["0002", "2022-01-10", "zone_activiteit", "regelmatig"],
        ],
        "toestemmingen": [
            ["0001", "2021-03-05", "2021-1", "2026-12-31", "iriszorg,zvh", None],
            ["0002", "2022-01-10", "2021-1", None, "ggd", "2023-02-01"],
        ],
        "contacten": [
            [
                "0001",
                "2025-11-03 22:15",
                "sanne",
                "face_to_face",
                "tippelzone",
                20,
                "wonen,financien",
                "Gesprek over huur.",
                "nee",
            ],
            ["0001", "2025-11-04 01:05", "joyce", "poging", None, None, None, None, None],
            [
                "0002",
                "2025-10-01 10:00",
                "ellen",
                "telefonisch",
                "kantoor",
                5,
                None,
                "'-vertrouwelijk",
                "ja",
            ],
        ],
        "plannen": [["0001", "2021-04-01", "actief", "2026-06-01"]],
        "doelen": [["0001", "wonen", "Een eigen kamer", "loopt", "2021-04-01"]],
        "zrm": [
            ["0001", "2021-04-01", 1, 2, 3, 1, 2, 3, 4, 5, 1, 2, 3, 4, None],
        ],
        "resultaten": [["0001", "2024-06-01", "intake_bw", "Intake gehad"]],
        "knelpunten": [
            ["0001", "2022-02-01", "wonen", "bw_wachtlijst", "Wachtlijst van een jaar", "open"]
        ],
        "vergunningen": [
            [
                "0001",
                "2022-01-10",
                "nieuw",
                "ja",
                "nee",
                "verleend",
                "2022-02-01",
                "2026-12-31",
                "REG-1",
                None,
                "2022-03-01",
                "ongegrond",
            ],
        ],
        "budgetten": [
            ["Flex 2025", "flexbudget", "2025-01-01", "2025-12-31", 1000],
            ["Time-out 2025", "time_out", "2025-01-01", "2025-12-31", "5000.00"],
        ],
        "uitgaven": [
            ["Flex 2025", "0001", "2025-03-01", 12.5, "kleding", "Jas", "sanne"],
            ["Flex 2025", None, "2025-04-01", "300.00", "activiteit", "Uitje", "ellen"],
        ],
        "timeouts": [["0001", "Het Hoogeland, Beekbergen", "2025-05-01", "2025-05-03", "95.50"]],
    }


def test_volledig_werkboek_elke_waarde_in_de_database(importeer, coordinator):
    verslag = importeer(
        werkboek_bytes(volledig_werkboek()),
        "stapteam-oost",
        gemeente_naam="Oostdorp",
        door=None,
        naam="oost.xlsx",
    )
    assert verslag.geslaagd, verslag.regels()
    assert verslag.team_nieuw
    team = Team.objects.get(code="stapteam-oost")
    assert team.gemeente.naam == "Oostdorp"

    sanne = User.objects.get(username="sanne")
    assert (sanne.naam, sanne.rol, sanne.organisatie.code, sanne.is_active) == (
        "Sanne de Vries",
        Rol.CASEMANAGER,
        "iriszorg",
        False,
    )
    assert User.objects.get(username="joyce").organisatie is None
    assert User.objects.get(username="ellen").rol == Rol.COORDINATOR
    assert not sanne.has_usable_password()

    kim = Client.objects.get(team=team, code="0001")
    assert (kim.roepnaam, kim.voornaam, kim.achternaam, kim.geboortedatum, kim.geslacht) == (
        "Kim",
        "Kimberley",
        "Jansen",
        D(1990, 5, 1),
        "vrouw",
    )
    assert (kim.bsn, kim.in_beeld_sinds, kim.status) == ("111222333", D(2021, 3, 1), "actief")
    assert kim.casemanager == sanne
    assert kim.ervaringsdeskundige.username == "joyce"
    tweede = Client.objects.get(team=team, code="0002")
    assert tweede.roepnaam == '=HYPERLINK("http://x")'
    assert (tweede.status, tweede.uitstroom_datum, tweede.uitstroom_reden) == (
        "uitgestroomd",
        D(2025, 12, 1),
        "verhuisd",
    )
    assert tweede.geslacht == "vrouw"  # the default when the cell is empty

    assert sorted(
        Situatie.objects.filter(client__team=team).values_list(
            "client__code", "datum", "kenmerk", "waarde"
        )
    ) == [
        ("0001", D(2021, 3, 1), "woonsituatie", "dakloos"),
        ("0001", D(2024, 6, 1), "woonsituatie", "zelfstandig"),
        ("0002", D(2022, 1, 10), "zone_activiteit", "regelmatig"),
    ]

    eerste = Toestemming.objects.get(client=kim)
    assert (eerste.ondertekend_op, eerste.versie, eerste.geldig_tot, eerste.ingetrokken_op) == (
        D(2021, 3, 5),
        "2021-1",
        D(2026, 12, 31),
        None,
    )
    assert sorted(eerste.partijen.values_list("code", flat=True)) == ["iriszorg", "zvh"]
    assert Toestemming.objects.get(client=tweede).ingetrokken_op == D(2023, 2, 1)

    contacten = list(Contact.objects.filter(client__team=team).order_by("tijdstip"))
    assert len(contacten) == 3
    laatste = contacten[-1]
    assert timezone.localtime(laatste.tijdstip).replace(tzinfo=None) == dt.datetime(
        2025, 11, 4, 1, 5
    )
    assert (laatste.soort, laatste.medewerker.username, laatste.locatie) == ("poging", "joyce", "")
    zone = contacten[1]
    assert (zone.duur_minuten, zone.levensdomeinen, zone.notitie, zone.vertrouwelijk) == (
        20,
        ["wonen", "financien"],
        "Gesprek over huur.",
        False,
    )
    kantoor = contacten[0]
    assert (kantoor.notitie, kantoor.vertrouwelijk) == ("-vertrouwelijk", True)

    plan = Plan.objects.get(client=kim)
    assert (plan.opgesteld_op, plan.status, plan.evaluatie_op) == (
        D(2021, 4, 1),
        "actief",
        D(2026, 6, 1),
    )
    doel = Doel.objects.get(client=kim)
    assert (doel.levensdomein, doel.omschrijving, doel.status, doel.gesteld_op) == (
        "wonen",
        "Een eigen kamer",
        "loopt",
        D(2021, 4, 1),
    )
    meting = ZRMMeting.objects.get(client=kim)
    assert meting.datum == D(2021, 4, 1)
    assert list(meting.scores.values()) == [1, 2, 3, 1, 2, 3, 4, 5, 1, 2, 3, 4, None]
    resultaat = Resultaat.objects.get(client=kim)
    assert (resultaat.datum, resultaat.soort.code, resultaat.toelichting) == (
        D(2024, 6, 1),
        "intake_bw",
        "Intake gehad",
    )
    knelpunt = Knelpunt.objects.get(client=kim)
    assert (knelpunt.categorie.code, knelpunt.omschrijving, knelpunt.status) == (
        "bw_wachtlijst",
        "Wachtlijst van een jaar",
        "open",
    )
    vergunning = Vergunning.objects.get(client=kim)
    assert (vergunning.besluit, vergunning.besluit_op, vergunning.geldig_tot) == (
        "verleend",
        D(2022, 2, 1),
        D(2026, 12, 31),
    )
    assert (vergunning.registratienummer, vergunning.bezwaar_status) == ("REG-1", "ongegrond")
    assert vergunning.werkt_sinds_peildatum and not vergunning.zorg_sinds_peildatum

    flex = Budget.objects.get(team=team, naam="Flex 2025")
    assert (flex.soort, flex.van, flex.tot, flex.bedrag) == (
        "flexbudget",
        D(2025, 1, 1),
        D(2025, 12, 31),
        Decimal("1000.00"),
    )
    uitgaven = list(Uitgave.objects.filter(budget=flex).order_by("datum"))
    assert [(u.bedrag, u.categorie, u.status) for u in uitgaven] == [
        (Decimal("12.50"), "kleding", UitgaveStatus.GOEDGEKEURD),
        (Decimal("300.00"), "activiteit", UitgaveStatus.GOEDGEKEURD),
    ]
    assert uitgaven[0].client == kim and uitgaven[1].client is None
    timeout = TimeOut.objects.get(client=kim)
    assert (timeout.dagen, timeout.dagtarief, timeout.kosten) == (
        3,
        Decimal("95.50"),
        Decimal("286.50"),
    )
    assert timeout.uitgave.budget.naam == "Time-out 2025"

    assert verslag.aantallen == {
        "medewerkers": 3,
        "clienten": 2,
        "situatie": 3,
        "toestemmingen": 2,
        "contacten": 3,
        "plannen": 1,
        "doelen": 1,
        "zrm": 1,
        "resultaten": 1,
        "knelpunten": 1,
        "vergunningen": 1,
        "budgetten": 2,
        "uitgaven": 2,
        "timeouts": 1,
    }


def test_geschiedenis_noemt_wie_importeerde_en_het_bestand(importeer, team, coordinator):
    verslag = importeer(
        werkboek_bytes(volledig_werkboek()),
        "stapteam-oost",
        gemeente_naam="Oostdorp",
        door=coordinator,
        naam="oost.xlsx",
    )
    assert verslag.geslaagd, verslag.regels()
    for model in (
        Client,
        Overdracht,
        Contact,
        Situatie,
        Toestemming,
        ZRMMeting,
        Uitgave,
        Vergunning,
        Plan,
        Doel,
        Knelpunt,
        Resultaat,
        TimeOut,
        Budget,
    ):
        historie = model.history.filter(history_type="+")
        assert historie.exists(), model
        assert set(historie.values_list("history_user", "history_change_reason")) == {
            (coordinator.pk, "Werkboek oost.xlsx")
        }, model


def test_nieuwe_accounts_kunnen_niet_inloggen_tot_activering(importeer, client):
    importeer(werkboek_bytes(volledig_werkboek()), "stapteam-oost", gemeente_naam="Oostdorp")
    sanne = User.objects.get(username="sanne")
    team = Team.objects.get(code="stapteam-oost")
    assert not sanne.is_active
    assert not is_teamlid(sanne, team)  # no access while inactive
    assert not client.login(username="sanne", password="")


def test_proefimport_legt_niets_vast(importeer, team):
    voor = tabeltellingen()
    verslag = importeer(
        werkboek_bytes(volledig_werkboek()), "stapteam-oost", gemeente_naam="Oostdorp", proef=True
    )
    assert verslag.geslaagd, verslag.regels()
    assert verslag.aantallen["contacten"] == 3
    assert "Er is niets vastgelegd" in verslag.regels()[0]
    assert tabeltellingen() == voor


def test_bestaand_account_met_dezelfde_rol_wordt_gekoppeld(importeer, team):
    sanne = UserFactory(username="sanne", rol=Rol.CASEMANAGER, team=team)
    verslag = importeer(werkboek_bytes(volledig_werkboek()), team.code)
    assert verslag.geslaagd, verslag.regels()
    assert verslag.bestaande_medewerkers == 1
    assert Client.objects.get(team=team, code="0001").casemanager == sanne
    sanne.refresh_from_db()
    assert sanne.is_active  # an existing account is not changed


def test_timeouts_boven_het_jaarmaximum_uit_de_eerdere_administratie(importeer):
    """In 2025 the coordinator allowed eight; the workbook brings all eight in, and the
    ones above the maximum keep where their permission came from."""
    bladen = volledig_werkboek()
    bladen["timeouts"] = [
        ["0001", "Het Hoogeland", f"2025-{maand:02d}-01", f"2025-{maand:02d}-02", "50.00"]
        for maand in range(1, 9)
    ]
    verslag = importeer(
        werkboek_bytes(bladen), "stapteam-oost", gemeente_naam="Oostdorp", naam="oost.xlsx"
    )
    assert verslag.geslaagd, verslag.regels()
    redenen = list(TimeOut.objects.order_by("van").values_list("limiet_reden", flat=True))
    assert redenen[:6] == [""] * 6
    assert redenen[6:] == ["Toegestaan in de eerdere administratie (oost.xlsx)."] * 2


def test_geimporteerd_account_wacht_op_de_coordinator(importeer, team, coordinator):
    """An import by a person does not open the team: the new accounts are inactive, and
    their membership waits for the coordinator's confirmation like any other."""
    from stapteam.models import Toegangsaanvraag
    from stapteam.toegang import medewerkers_van

    verslag = importeer(werkboek_bytes(volledig_werkboek()), team.code, door=coordinator)
    assert verslag.geslaagd, verslag.regels()
    nieuw = User.objects.filter(is_active=False, toegangsaanvragen__team=team).distinct()
    assert nieuw.exists()
    for gebruiker in nieuw:
        assert not is_teamlid(gebruiker, team)
        assert Toegangsaanvraag.objects.filter(gebruiker=gebruiker, team=team).exists()
        assert gebruiker in medewerkers_van([team], [gebruiker.rol], ook_inactief=True)
        assert gebruiker not in medewerkers_van([team], [gebruiker.rol])


def test_knelpuntcategorie_op_code_ook_een_nieuwe_en_een_uitgezette(importeer):
    """The workbook names a category by its code: one the administrator added is known at
    once, and one switched off since still takes its barriers (they already happened; an
    export must import to the same reports)."""
    Knelpuntcategorie.objects.create(code="geen_id_bewijs", naam="Geen ID-bewijs")
    Knelpuntcategorie.objects.filter(code="sociale_huur").update(actief=False)
    bladen = volledig_werkboek()
    bladen["knelpunten"] = [
        ["0001", "2022-02-01", "wonen", "sociale_huur", "Wachtlijst", "open"],
        ["0001", "2022-03-01", "documenten", "geen_id_bewijs", "Geen ID", "open"],
    ]
    verslag = importeer(werkboek_bytes(bladen), "stapteam-oost", gemeente_naam="Oostdorp")
    assert verslag.geslaagd, verslag.regels()
    assert sorted(
        Knelpunt.objects.filter(client__team__code="stapteam-oost").values_list(
            "categorie__code", flat=True
        )
    ) == ["geen_id_bewijs", "sociale_huur"]
