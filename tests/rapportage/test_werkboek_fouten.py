"""Bad input: a precise message naming sheet, row and column, and nothing written."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from rapportage.werkboek.lezen import MAX_GETOONDE_PROBLEMEN
from stapteam.constants import Rol
from tests.factories import ClientFactory, UserFactory

from .conftest import tabeltellingen, werkboek_bytes
from .test_werkboek_importeren import volledig_werkboek

pytestmark = pytest.mark.django_db


def met(blad: str, rij: int, kolom: int, waarde) -> bytes:
    """The full workbook with one cell changed (``rij`` 0 is the first data row)."""
    bladen = volledig_werkboek()
    bladen[blad][rij][kolom] = waarde
    return werkboek_bytes(bladen)


@pytest.fixture
def geweigerd(importeer, team):
    """``geweigerd(inhoud, **kwargs)``: import into a new team, assert it was refused
    and that no table changed; the problems as text."""

    def importeren(inhoud: bytes, team_code="stapteam-oost", **kwargs) -> list[str]:
        kwargs.setdefault("gemeente_naam", "Oostdorp")
        voor = tabeltellingen()
        verslag = importeer(inhoud, team_code, **kwargs)
        assert not verslag.geslaagd
        assert tabeltellingen() == voor
        return [str(probleem) for probleem in verslag.problemen.getoond]

    return importeren


def test_geen_xlsx(geweigerd):
    assert geweigerd(b"code;roepnaam\n0001;Kim\n") == [
        "bestand: Dit is geen XLSX-bestand (een werkboek van Excel of LibreOffice)."
    ]


def test_zip_zonder_werkboek(geweigerd):
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w") as archief:
        archief.writestr("iets.txt", "hallo")
    assert geweigerd(uitvoer.getvalue()) == [
        "bestand: Dit is geen XLSX-bestand (een werkboek van Excel of LibreOffice)."
    ]


@override_settings(WERKBOEK_MAX_UITGEPAKT_MB=1)
def test_zip_die_te_groot_uitpakt_wordt_niet_geopend(geweigerd):
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("xl/workbook.xml", "<workbook/>")
        archief.writestr("xl/worksheets/sheet1.xml", b"0" * (3 * 1024 * 1024))
    inhoud = uitvoer.getvalue()
    assert len(inhoud) < 100 * 1024  # small on disk
    problemen = geweigerd(inhoud)
    assert problemen == [
        "bestand: Dit bestand pakt uit tot 3 MB in 2 delen; een werkboek mag uitgepakt "
        "hoogstens 1 MB zijn."
    ]


@override_settings(MAX_UPLOAD_MB=0)
def test_bestand_boven_de_uploadgrens(geweigerd):
    problemen = geweigerd(werkboek_bytes(volledig_werkboek()))
    assert len(problemen) == 1
    assert problemen[0].startswith("bestand: Het bestand is te groot (")
    assert problemen[0].endswith("het maximum is 0 MB.")


def test_onbekend_blad_en_onbekende_kolom(geweigerd):
    bladen = volledig_werkboek()
    bladen["notities"] = [["x"]]
    koppen = {"notities": ["tekst"], "plannen": ["client", "opgesteld_op", "status", "wie"]}
    bladen["plannen"] = [["0001", "2021-04-01", "actief", "x"]]
    problemen = geweigerd(werkboek_bytes(bladen, koppen))
    assert problemen == [
        "plannen, rij 1, kolom wie: Onbekende kolom. Dit blad kent: client, opgesteld_op, "
        "status, evaluatie_op.",
        "notities: Onbekend blad. Een werkboek kent: medewerkers, clienten, situatie, "
        "toestemmingen, contacten, plannen, doelen, zrm, resultaten, knelpunten, "
        "vergunningen, budgetten, uitgaven, timeouts.",
    ]


def test_ontbrekende_verplichte_kolom(geweigerd):
    bladen = volledig_werkboek()
    bladen["plannen"] = [["0001", "2021-04-01"]]
    problemen = geweigerd(werkboek_bytes(bladen, {"plannen": ["client", "opgesteld_op"]}))
    assert problemen == ["plannen, rij 1, kolom status: Deze verplichte kolom ontbreekt."]


def test_verplichte_waarde_ontbreekt(geweigerd):
    assert geweigerd(met("contacten", 1, 3, None)) == [
        "contacten, rij 3, kolom soort: Vul deze verplichte waarde in."
    ]


@pytest.mark.parametrize(
    ("blad", "rij", "kolom", "waarde", "melding"),
    [
        (
            "clienten",
            0,
            4,
            "1-5-1990",
            "clienten, rij 2, kolom geboortedatum: '1-5-1990' is geen datum; schrijf "
            "JJJJ-MM-DD, bijvoorbeeld 2025-03-31.",
        ),
        (
            "clienten",
            0,
            4,
            "1990-02-30",
            "clienten, rij 2, kolom geboortedatum: '1990-02-30' is geen datum; schrijf "
            "JJJJ-MM-DD, bijvoorbeeld 2025-03-31.",
        ),
        (
            "contacten",
            0,
            1,
            "2025-11-03",
            "contacten, rij 2, kolom datum: '2025-11-03' is geen datum met tijd; schrijf "
            "JJJJ-MM-DD UU:MM, bijvoorbeeld 2025-03-31 22:15.",
        ),
        (
            "contacten",
            0,
            5,
            "twintig",
            "contacten, rij 2, kolom duur_minuten: 'twintig' is geen geheel getal.",
        ),
        ("zrm", 0, 3, 6, "zrm, rij 2, kolom werk_opleiding: 6 is groter dan 5."),
        (
            "contacten",
            0,
            8,
            "misschien",
            "contacten, rij 2, kolom vertrouwelijk: 'misschien': schrijf ja of nee.",
        ),
        (
            "budgetten",
            0,
            4,
            "12,50",
            "budgetten, rij 2, kolom bedrag: '12,50': schrijf een bedrag met een punt, "
            "bijvoorbeeld 12.50.",
        ),
    ],
)
def test_verkeerde_datum_of_getal(geweigerd, blad, rij, kolom, waarde, melding):
    assert geweigerd(met(blad, rij, kolom, waarde)) == [melding]


@pytest.mark.parametrize(
    ("blad", "rij", "kolom", "waarde", "melding"),
    [
        (
            "clienten",
            0,
            8,
            "weg",
            "clienten, rij 2, kolom status: Onbekende code 'weg'; kies uit: aangemeld, "
            "actief, gepauzeerd, uitgestroomd.",
        ),
        (
            "contacten",
            0,
            6,
            "wonen,geluk",
            "contacten, rij 2, kolom levensdomeinen: Onbekende code 'geluk'; kies uit: ",
        ),
        (
            "medewerkers",
            0,
            2,
            "gemeente",
            "medewerkers, rij 2, kolom rol: Onbekende code 'gemeente'; kies uit: "
            "casemanager, ervaringsdeskundige, coordinator.",
        ),
        (
            "situatie",
            0,
            3,
            "kasteel",
            "situatie, rij 2, kolom waarde: 'kasteel' is geen waarde van Woonsituatie.",
        ),
        (
            "toestemmingen",
            0,
            4,
            "iriszorg,onbekend",
            "toestemmingen, rij 2, kolom partijen: Onbekende organisatie: onbekend.",
        ),
        (
            "resultaten",
            0,
            2,
            "lottowinst",
            "resultaten, rij 2, kolom soort: Onbekende resultaatsoort 'lottowinst'.",
        ),
        (
            "knelpunten",
            0,
            3,
            "geen_huis",
            "knelpunten, rij 2, kolom categorie: Onbekende knelpuntcategorie 'geen_huis'; "
            "kies uit: postadres, tekort_opvang_vrouwen, ",
        ),
    ],
)
def test_onbekende_code(geweigerd, blad, rij, kolom, waarde, melding):
    problemen = geweigerd(met(blad, rij, kolom, waarde))
    assert len(problemen) == 1
    assert problemen[0].startswith(melding)


def test_dubbel_clientnummer(geweigerd):
    bladen = volledig_werkboek()
    bladen["clienten"][1][0] = "0001"
    bladen["clienten"][1][6] = None
    problemen = geweigerd(werkboek_bytes(bladen))
    assert problemen[0] == "clienten, rij 3, kolom code: Cliëntnummer 0001 staat al in rij 2."


def test_clientnummer_dat_het_team_al_heeft(geweigerd, team):
    ClientFactory(team=team, roepnaam="Anna", gegevens={"code": "0001"})
    problemen = geweigerd(
        werkboek_bytes({"clienten": volledig_werkboek()["clienten"][:1]}),
        team_code=team.code,
        gemeente_naam="",
    )
    assert problemen[0] == "clienten, rij 2, kolom code: Cliëntnummer 0001 bestaat al in het team."


@pytest.mark.parametrize(
    ("blad", "rij", "kolom", "waarde", "melding"),
    [
        (
            "situatie",
            0,
            0,
            "0099",
            "situatie, rij 2, kolom client: Onbekende cliënt '0099': niet in het blad "
            "clienten en geen cliënt van het team.",
        ),
        (
            "uitgaven",
            0,
            0,
            "Flex 2019",
            "uitgaven, rij 2, kolom budget: Onbekend budget 'Flex 2019': niet in het blad "
            "budgetten en geen budget van het team.",
        ),
        (
            "contacten",
            0,
            2,
            "piet",
            "contacten, rij 2, kolom medewerker: Onbekende medewerker 'piet': niet in het "
            "blad medewerkers en geen account van het team.",
        ),
    ],
)
def test_verwijzing_buiten_werkboek_en_team(geweigerd, blad, rij, kolom, waarde, melding):
    assert geweigerd(met(blad, rij, kolom, waarde)) == [melding]


def test_medewerker_van_een_ander_team_is_onbekend(geweigerd, team, ander_team):
    UserFactory(username="piet", rol=Rol.CASEMANAGER, team=ander_team)
    assert geweigerd(met("contacten", 0, 2, "piet")) == [
        "contacten, rij 2, kolom medewerker: Onbekende medewerker 'piet': niet in het blad "
        "medewerkers en geen account van het team."
    ]


def test_bestaand_account_met_een_andere_rol(geweigerd, team):
    UserFactory(username="sanne", rol=Rol.COORDINATOR, team=team)
    problemen = geweigerd(
        werkboek_bytes(volledig_werkboek()), team_code=team.code, gemeente_naam=""
    )
    assert problemen[0] == (
        "medewerkers, rij 2, kolom rol: Het account sanne bestaat al met de rol coördinator, "
        "niet casemanager."
    )


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (0, "Het bedrag moet groter dan nul zijn."),
        ("-5.00", "Het bedrag moet groter dan nul zijn."),
        ("12.345", "Een bedrag heeft hoogstens twee cijfers achter de komma (hele centen)."),
        (12.345, "Een bedrag heeft hoogstens twee cijfers achter de komma (hele centen)."),
    ],
)
def test_bedrag_nul_negatief_of_meer_dan_twee_decimalen(geweigerd, waarde, melding):
    assert geweigerd(met("uitgaven", 1, 3, waarde)) == [f"uitgaven, rij 3, kolom bedrag: {melding}"]


def test_onbekend_team_zonder_gemeente(geweigerd):
    assert geweigerd(werkboek_bytes(volledig_werkboek()), gemeente_naam="") == [
        "team: Team stapteam-oost bestaat niet. Geef de gemeente op om het aan te maken."
    ]


def test_elk_probleem_wordt_gemeld_niet_alleen_het_eerste(geweigerd):
    bladen = volledig_werkboek()
    bladen["clienten"][0][4] = "morgen"
    bladen["contacten"][2][3] = "brief"
    bladen["uitgaven"][0][3] = 0
    problemen = geweigerd(werkboek_bytes(bladen))
    assert [p.split(":")[0] for p in problemen] == [
        "clienten, rij 2, kolom geboortedatum",
        "contacten, rij 4, kolom soort",
        "uitgaven, rij 2, kolom bedrag",
    ]


def test_heel_veel_problemen_worden_afgekapt_met_een_telling(importeer, team):
    bladen = volledig_werkboek()
    bladen["situatie"] = [["0001", "gisteren", "woonsituatie", "dakloos"]] * 250
    verslag = importeer(werkboek_bytes(bladen), "stapteam-oost", gemeente_naam="Oostdorp")
    assert verslag.problemen.aantal == 250
    assert len(verslag.problemen.getoond) == MAX_GETOONDE_PROBLEMEN
    assert verslag.regels()[-1] == f"  … en nog {250 - MAX_GETOONDE_PROBLEMEN} problemen."


def test_regel_van_de_service_geweigerd_met_rij_en_kolom(geweigerd):
    # A time-out of 20 days: the service's rule, reported at its row and column.
    problemen = geweigerd(met("timeouts", 0, 3, "2025-05-20"))
    assert problemen == [
        "timeouts, rij 2, kolom tot: Een time-out duurt hoogstens 14 dagen; deze duurt 20 "
        "dagen (begin- en einddag meegeteld)."
    ]


def test_budget_gaat_niet_onder_nul(geweigerd):
    problemen = geweigerd(met("uitgaven", 1, 3, "990.00"))
    assert problemen == [
        "uitgaven, rij 3, kolom bedrag: Dit past niet in Flex 2025: er is nog € 987,50 beschikbaar."
    ]


def test_commando_weigert_met_foutstatus_en_nederlands_verslag(tmp_path, team, capsys):
    pad = tmp_path / "fout.xlsx"
    pad.write_bytes(met("clienten", 0, 8, "weg"))
    voor = tabeltellingen()
    with pytest.raises(CommandError, match="geweigerd; er is niets vastgelegd"):
        call_command("importeer_werkboek", str(pad), "--team", "nieuw", "--gemeente", "Oostdorp")
    uitvoer = capsys.readouterr().out
    assert "clienten, rij 2, kolom status: Onbekende code 'weg'" in uitvoer
    tellingen = tabeltellingen()
    # Only the access log line of the refused attempt is new.
    assert tellingen.pop("stapteam.Toegangslog") == voor.pop("stapteam.Toegangslog") + 1
    assert tellingen == voor


def test_tweede_lopende_aanvraag_van_dezelfde_client(geweigerd):
    bladen = volledig_werkboek()
    lopend = ["0001", "2025-01-10", "verlenging", "ja", "nee", "in_behandeling"] + [None] * 6
    bladen["vergunningen"] += [lopend, list(lopend)]
    assert geweigerd(werkboek_bytes(bladen)) == [
        "vergunningen, rij 4, kolom aanvraag_op: Er loopt al een aanvraag van 10-01-2025. "
        "Leg eerst het besluit daarover vast."
    ]
