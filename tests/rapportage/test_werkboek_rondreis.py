"""Round trip: a team exported and imported into an empty team gives the same records and
the same evaluation report; formula-like text is neutralised in the file and comes back
unchanged."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from budget import services as budget_services
from budget.models import Budget, TimeOut, Uitgave
from clients import services as client_services
from clients.models import Client, Contact, Verstrekking
from plannen import services as plannen_services
from plannen.models import Doel
from rapportage.evaluatie import evaluatie
from rapportage.werkboek.kolommen import BLADEN, kolomnamen
from stapteam.constants import Actie
from stapteam.models import Organisatie, Toegangslog
from tests.rapportage.conftest import RESERVEKOPIE
from vergunningen import services as vergunning_services
from vergunningen.models import Vergunning

pytestmark = pytest.mark.django_db

D = dt.date
FORMULE = '=HYPERLINK("http://kwaadaardig.example","klik")'


def tijd(*delen) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*delen))


@pytest.fixture
def gevuld_team(team, casemanager, coordinator, ervaringsdeskundige):
    """A team with a record in every sheet of §7, made by the services."""
    iriszorg, zvh = Organisatie.objects.filter(code__in=["iriszorg", "zvh"]).order_by("code")
    kim = client_services.client_aanmaken(
        team=team,
        door=casemanager,
        roepnaam="Kim",
        voornaam="Kimberley",
        achternaam="de Wit",
        geboortedatum=D(1990, 5, 1),
        bsn="1112.22.333",
        in_beeld_sinds=D(2021, 3, 1),
        status="actief",
        casemanager=casemanager,
        ervaringsdeskundige=ervaringsdeskundige,
    )
    formule = client_services.client_aanmaken(
        team=team, door=casemanager, roepnaam=FORMULE, in_beeld_sinds=D(2022, 1, 1)
    )
    client_services.client_aanmaken(
        team=team,
        door=coordinator,
        roepnaam="Lotte",
        in_beeld_sinds=D(2020, 1, 1),
        status="uitgestroomd",
        uitstroom_datum=D(2025, 6, 30),
        uitstroom_reden="reguliere_zorg",
    )
    client_services.situatie_vastleggen(
        client=kim, kenmerk="woonsituatie", waarde="dakloos", datum=D(2021, 3, 1), door=None
    )
    client_services.situatie_vastleggen(
        client=kim, kenmerk="intensiteit", waarde="intensief", datum=D(2023, 1, 1), door=None
    )
    toestemming = client_services.toestemming_vastleggen(
        client=kim,
        ondertekend_op=D(2021, 3, 5),
        versie="2021-1",
        partijen=[iriszorg, zvh],
        geldig_tot=D(2026, 12, 31),
        door=casemanager,
    )
    client_services.toestemming_wijzigen(
        toestemming=toestemming, door=casemanager, ingetrokken_op=D(2025, 1, 2)
    )
    client_services.contact_registreren(
        client=kim,
        door=casemanager,
        soort="face_to_face",
        tijdstip=tijd(2025, 11, 3, 22, 15),
        locatie="tippelzone",
        duur_minuten=20,
        levensdomeinen=["wonen", "financien"],
        notitie="+31 6 bellen",
        vertrouwelijk=True,
    )
    client_services.contact_registreren(
        client=formule,
        door=ervaringsdeskundige,
        soort="poging",
        tijdstip=tijd(2026, 3, 29, 23, 59),
        notitie="@iedereen\tzie je",
    )
    # Two plans with goals before, on and after their days (the goal dated before the
    # first plan was entered in it), and a goal without a plan: the round trip keeps
    # every goal with its plan.
    eerste_plan = plannen_services.plan_opstellen(
        client=kim,
        door=casemanager,
        opgesteld_op=D(2021, 3, 10),
        status="afgesloten",
        afgesloten_op=D(2021, 3, 31),
    )
    plan = plannen_services.plan_opstellen(
        client=kim,
        door=casemanager,
        opgesteld_op=D(2021, 4, 1),
        status="actief",
        evaluatie_op=D(2026, 6, 1),
    )
    for doelplan, domein, omschrijving, gesteld_op in [
        (eerste_plan, "documenten", "Een ID-kaart", D(2021, 3, 5)),
        (eerste_plan, "financien", "Schulden op een rij", D(2021, 3, 31)),
        (plan, "wonen", "-een eigen kamer", D(2021, 4, 1)),
        (plan, "veiligheid", "Niet meer alleen op de zone", D(2023, 8, 1)),
        (None, "dagbesteding", "Iets overdag", D(2022, 2, 1)),
    ]:
        plannen_services.doel_toevoegen(
            client=formule if doelplan is None else kim,
            plan=doelplan,
            door=casemanager,
            levensdomein=domein,
            omschrijving=omschrijving,
            status="loopt",
            gesteld_op=gesteld_op,
        )
    plannen_services.zrm_vastleggen(
        client=kim,
        datum=D(2021, 4, 1),
        door=casemanager,
        scores={"financien": 2, "huisvesting": 1, "justitie": 5},
    )
    plannen_services.zrm_vastleggen(
        client=kim,
        datum=D(2025, 10, 1),
        door=casemanager,
        scores={"financien": 4, "huisvesting": 2, "justitie": 5},
    )
    for dag in (2, 9, 16):  # the peer worker in touch three times in the report's window
        client_services.contact_registreren(
            client=kim,
            door=ervaringsdeskundige,
            soort="telefonisch",
            tijdstip=tijd(2025, 12, dag, 14, 0),
        )
    plannen_services.resultaat_vastleggen(
        client=kim, soort="intake_bw", datum=D(2024, 6, 1), door=casemanager
    )
    plannen_services.knelpunt_vastleggen(
        client=kim,
        door=casemanager,
        datum=D(2022, 2, 1),
        levensdomein="wonen",
        categorie="bw_wachtlijst",
        omschrijving="Wachtlijst",
        status="open",
    )
    vergunning = vergunning_services.aanvraag_registreren(
        client=kim,
        aanvraag_op=D(2022, 1, 10),
        soort="nieuw",
        werkt_sinds_peildatum=True,
        zorg_sinds_peildatum=False,
        door=casemanager,
    )
    vergunning_services.besluit_vastleggen(
        vergunning=vergunning,
        besluit="verleend",
        besluit_op=D(2022, 2, 1),
        registratienummer="REG-1",
        geldig_tot=D(2026, 12, 31),
        door=casemanager,
    )
    vergunning_services.bezwaar_vastleggen(
        vergunning=vergunning, bezwaar_op=D(2022, 3, 1), bezwaar_status="lopend", door=None
    )
    flex = budget_services.budget_aanmaken(
        team=team,
        naam="Flex 2025",
        soort="flexbudget",
        van=D(2025, 1, 1),
        tot=D(2025, 12, 31),
        bedrag=Decimal("1000"),
        door=coordinator,
    )
    budget_services.budget_aanmaken(
        team=team,
        naam="Time-out 2025",
        soort="time_out",
        van=D(2025, 1, 1),
        tot=D(2025, 12, 31),
        bedrag=Decimal("5000"),
        door=coordinator,
    )
    jas = budget_services.uitgave_registreren(
        budget=flex,
        datum=D(2025, 3, 1),
        bedrag=Decimal("40.00"),
        categorie="kleding",
        client=kim,
        omschrijving="Jas",
        door=casemanager,
    )
    budget_services.uitgave_corrigeren(
        uitgave=jas, bedrag=Decimal("10.00"), reden="Korting", door=coordinator
    )
    wacht = budget_services.uitgave_registreren(
        budget=flex,
        datum=D(2025, 4, 1),
        bedrag=Decimal("600.00"),
        categorie="slaapplek",
        door=casemanager,
    )
    budget_services.uitgave_beoordelen(
        uitgave=wacht, goedkeuren=False, toelichting="Te duur", door=coordinator
    )
    # Still waiting for the coordinator: nothing spent yet, so not in the workbook.
    budget_services.uitgave_registreren(
        budget=flex,
        datum=D(2025, 12, 1),
        bedrag=Decimal("450.00"),
        categorie="huisvesting",
        client=kim,
        door=casemanager,
    )
    budget_services.timeout_registreren(
        client=kim,
        locatie="Het Hoogeland",
        van=D(2025, 5, 1),
        tot=D(2025, 5, 3),
        dagtarief=Decimal("95.50"),
        door=coordinator,
    )
    return team


def rijen_per_blad(pad) -> dict[str, list[tuple]]:
    """The workbook as sheet → its rows (header first), for comparing two files."""
    werkboek = load_workbook(pad, read_only=True)
    uitkomst = {
        blad: [tuple(rij) for rij in werkboek[blad].iter_rows(values_only=True)]
        for blad in werkboek.sheetnames
    }
    werkboek.close()
    return uitkomst


def doelen_met_plan(team) -> list[tuple]:
    """Each goal of the team with her plan's day and status (None: without a plan)."""
    return list(
        Doel.objects.filter(client__team=team)
        .order_by("client__roepnaam", "gesteld_op", "omschrijving")
        .values_list("client__roepnaam", "omschrijving", "plan__opgesteld_op", "plan__status")
    )


def leeg_team(team) -> None:
    """Remove every record of ``team`` but the team and its accounts: an empty team."""
    Uitgave.objects.filter(budget__team=team, correctie_van__isnull=False).delete()
    Uitgave.objects.filter(budget__team=team).delete()
    TimeOut.objects.filter(client__team=team).delete()
    Budget.objects.filter(team=team).delete()
    Vergunning.objects.filter(client__team=team).delete()
    Verstrekking.objects.filter(client__team=team).delete()
    Client.objects.filter(team=team).delete()


def test_export_heeft_elk_blad_met_de_kolommen_van_het_contract(gevuld_team, tmp_path):
    pad = tmp_path / "team.xlsx"
    call_command("exporteer_werkboek", str(pad), "--team", gevuld_team.code, *RESERVEKOPIE)
    rijen = rijen_per_blad(pad)
    assert list(rijen) == list(BLADEN)
    for blad in BLADEN:
        assert list(rijen[blad][0]) == kolomnamen(blad)
        assert len(rijen[blad]) > 1, blad  # every sheet has a record
    uitgaven = rijen["uitgaven"][1:]
    # The corrected spend at what it cost; the rejected one, the one still waiting for
    # approval and the time-out charge not.
    assert [(rij[0], rij[3]) for rij in uitgaven] == [("Flex 2025", 30)]
    log = Toegangslog.objects.get(actie=Actie.EXPORTEREN)
    assert log.team == gevuld_team
    assert "Uitwisselwerkboek van stapteam-nijmegen geëxporteerd" in log.omschrijving


def test_formules_geneutraliseerd_in_het_bestand(gevuld_team, tmp_path):
    pad = tmp_path / "team.xlsx"
    call_command("exporteer_werkboek", str(pad), "--team", gevuld_team.code, *RESERVEKOPIE)
    werkboek = load_workbook(pad)  # not read-only: see the cells' types
    roepnamen = [cel.value for cel in werkboek["clienten"]["B"][1:]]
    assert "'" + FORMULE in roepnamen
    for werkblad in werkboek.worksheets:
        for rij in werkblad.iter_rows():
            for cel in rij:
                assert cel.data_type != "f", (werkblad.title, cel.coordinate, cel.value)
    notities = [cel.value for cel in werkboek["contacten"]["H"][1:] if cel.value]
    assert sorted(notities) == ["'+31 6 bellen", "'@iedereen\tzie je"]


# The whole history, a budget year, and a quarter with the peer worker's contacts.
PERIODES = [
    (D(2020, 1, 1), D(2026, 3, 31)),
    (D(2025, 1, 1), D(2025, 12, 31)),
    (D(2025, 10, 1), D(2025, 12, 31)),
]


def test_rondreis_geeft_dezelfde_gegevens(gevuld_team, tmp_path, importeer, coordinator):
    eerste = tmp_path / "eerste.xlsx"
    call_command("exporteer_werkboek", str(eerste), "--team", gevuld_team.code, *RESERVEKOPIE)
    rapporten = [evaluatie(gevuld_team, van, tot) for van, tot in PERIODES]
    doelen = doelen_met_plan(gevuld_team)
    # The team emptied in the same database stands for an empty database: its accounts
    # stay, and the importer matches them by user name (in a new team it would refuse
    # them as another team's staff), so the report's team code is the same too.
    leeg_team(gevuld_team)
    assert not Client.objects.filter(team=gevuld_team).exists()

    verslag = importeer(eerste.read_bytes(), gevuld_team.code, door=coordinator)
    assert verslag.geslaagd, verslag.regels()

    tweede = tmp_path / "tweede.xlsx"
    call_command("exporteer_werkboek", str(tweede), "--team", gevuld_team.code, *RESERVEKOPIE)
    assert rijen_per_blad(tweede) == rijen_per_blad(eerste)
    # The same evaluation report, figure for figure (the team is the same one).
    assert [evaluatie(gevuld_team, van, tot) for van, tot in PERIODES] == rapporten
    # Every goal with the same plan (the sheets have no plan column: found by date).
    assert doelen_met_plan(gevuld_team) == doelen
    assert len({plan for _, _, plan, _ in doelen}) == 3  # two plans and none
    # And in the database: the formula came back as the text it was.
    assert Client.objects.filter(team=gevuld_team, roepnaam=FORMULE).exists()
    assert set(
        Contact.objects.filter(client__team=gevuld_team).values_list("notitie", flat=True)
    ) == {"+31 6 bellen", "@iedereen\tzie je", ""}
    assert Client.objects.get(team=gevuld_team, roepnaam="Kim").bsn == "111222333"


def test_het_rapport_van_de_rondreis_telt_iets(gevuld_team):
    """The report compared above is not all zeros: each part has figures to lose."""
    geheel, budgetjaar, kwartaal = (evaluatie(gevuld_team, van, tot) for van, tot in PERIODES)
    assert geheel["doelgroep"]["in_beeld"] == 3
    assert geheel["doelgroep"]["met_vergunning"] == 1
    assert geheel["doelgroep"]["woonsituatie"]["dakloos"] == 1
    assert geheel["vergunningen"]["verleend_nieuw"] == 1 and geheel["vergunningen"]["bezwaren"] == 1
    assert geheel["zorgaanpak"]["met_plan"] == 1
    assert geheel["zorgaanpak"]["levensdomeinen_in_plan"]["wonen"] == 1
    assert geheel["zrm"]["clienten_met_twee_metingen"] == 1
    assert geheel["zrm"]["per_domein"]["financien"] == {
        "eerste": 2.0,
        "laatste": 4.0,
        "n": 1,
        "grote_stijgers": 1,
        "grote_dalers": 0,
    }
    assert geheel["resultaten"]["intake_bw"] == {
        "naam": "Intake beschermd wonen",
        "aantal": 1,
        "clienten": 1,
    }
    assert kwartaal["zorgaanpak"]["met_ervaringsdeskundige"] == 1
    assert budgetjaar["budget"]["budgetten"] == [
        {
            "naam": "Flex 2025",
            "soort": "flexbudget",
            "bedrag": "1000.00",
            "besteed": "30.00",
            "resterend": "970.00",
        },
        {
            "naam": "Time-out 2025",
            "soort": "time_out",
            "bedrag": "5000.00",
            "besteed": "286.50",
            "resterend": "4713.50",
        },
    ]
    assert budgetjaar["budget"]["per_categorie"]["kleding"] == "30.00"
    assert budgetjaar["budget"]["time_outs"] == {"aantal": 1, "dagen": 3, "kosten": "286.50"}
