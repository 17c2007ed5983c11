"""Every protected page, for every role, for a member of another team and for nobody.

One table: a row per page, the expected answer per role. A role not named in a row
gets the row's ``anders`` answer. ``inloggen`` means: sent to the login page. Answers
are taken after following redirects, so a page that sends a role elsewhere is judged
by where it ends up. Later features add their pages here.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from budget import services as budget_services
from clients import services as client_services
from plannen import services as plannen_services
from stapteam.constants import Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie
from tests.factories import ClientFactory, UserFactory
from vergunningen import services as vergunning_services

pytestmark = pytest.mark.django_db

ANDER_TEAM = "ander_team"  # a casemanager of another team
ANONIEM = "anoniem"
INLOGGEN = "inloggen"
ALLE_ROLLEN = [*Rol.values, ANDER_TEAM, ANONIEM]


@dataclass
class Pagina:
    naam: str
    url: object  # callable(scenario) -> str
    verwacht: dict = field(default_factory=dict)
    anders: int = 403
    per_client: bool = False  # the page is about one client of the scenario's team


TEAMROLLEN = {Rol.CASEMANAGER: 200, Rol.ERVARINGSDESKUNDIGE: 200, Rol.COORDINATOR: 200}
# The casemanager of another team may use the page, but not for our client: 404.
WIJZIGEN = {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 404}
COORDINATOR = {Rol.COORDINATOR: 200}


def plannen_url(naam, *sleutels):
    """A support page of the scenario's client, with the scenario objects named."""
    return lambda s: reverse(
        f"plannen:{naam}", args=[s["client"].pk, *(s[sleutel].pk for sleutel in sleutels)]
    )


# Permits and budget: casemanager and coordinator, not the ervaringsdeskundige.
BEHEREN = {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200}


def object_url(url_naam, sleutel):
    """The page of one object of the scenario (``s[sleutel]``)."""
    return lambda s: reverse(url_naam, args=[s[sleutel].pk])


def client_url(naam, *extra):
    return lambda s: reverse(f"clients:{naam}", args=[s["client"].pk, *extra])


def toestemming_url(naam):
    return lambda s: reverse(f"clients:{naam}", args=[s["client"].pk, s["toestemming"].pk])


PAGINAS = [
    Pagina("start", lambda s: reverse("start"), anders=200),
    Pagina("mijn account", lambda s: reverse("mijn_account"), anders=200),
    Pagina("beheer", lambda s: "/beheer/", {Rol.BEHEERDER: 200}),
    Pagina("beheer gebruikers", lambda s: "/beheer/stapteam/user/", {Rol.BEHEERDER: 200}),
    Pagina("beheer teams", lambda s: "/beheer/stapteam/team/", {Rol.BEHEERDER: 200}),
    Pagina(
        "beheer knelpuntcategorieen",
        lambda s: "/beheer/plannen/knelpuntcategorie/",
        {Rol.BEHEERDER: 200},
    ),
    Pagina(
        "beheer knelpuntcategorie nieuw",
        lambda s: "/beheer/plannen/knelpuntcategorie/add/",
        {Rol.BEHEERDER: 200},
    ),
    # The access log is not in the admin; only the privacy officer reads it.
    Pagina("beheer toegangslog", lambda s: "/beheer/stapteam/toegangslog/", {Rol.BEHEERDER: 404}),
    Pagina("toegangslog", lambda s: reverse("toegangslog"), {Rol.FUNCTIONARIS: 200}),
    Pagina(
        "toegangsaanvragen",
        lambda s: reverse("toegangsaanvragen"),
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    # --- the client dossier
    Pagina("clientenlijst", lambda s: reverse("clients:lijst"), TEAMROLLEN | {ANDER_TEAM: 200}),
    Pagina("mijn clienten", lambda s: reverse("clients:mijn"), TEAMROLLEN | {ANDER_TEAM: 200}),
    Pagina(
        "nieuwe client",
        lambda s: reverse("clients:nieuw"),
        {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 200},
    ),
    Pagina("dossier", client_url("dossier"), TEAMROLLEN | {ANDER_TEAM: 404}, per_client=True),
    Pagina("client wijzigen", client_url("wijzigen"), WIJZIGEN, per_client=True),
    Pagina("situatie", client_url("situatie", "woonsituatie"), WIJZIGEN, per_client=True),
    Pagina("toestemming nieuw", client_url("toestemming_nieuw"), WIJZIGEN, per_client=True),
    Pagina(
        "toestemming wijzigen", toestemming_url("toestemming_wijzigen"), WIJZIGEN, per_client=True
    ),
    Pagina("toestemming scan", toestemming_url("toestemming_scan"), WIJZIGEN, per_client=True),
    Pagina("overdragen", client_url("overdragen"), COORDINATOR, per_client=True),
    Pagina("caseload overdragen", lambda s: reverse("clients:caseload_overdragen"), COORDINATOR),
    Pagina("toegangslog client", client_url("toegangslog"), COORDINATOR, per_client=True),
    Pagina("inzage", client_url("inzage"), COORDINATOR, per_client=True),
    # --- contacts
    Pagina(
        "contact nieuw",
        client_url("contact_nieuw"),
        TEAMROLLEN | {ANDER_TEAM: 404},
        per_client=True,
    ),
    Pagina("contacten", client_url("contacten"), TEAMROLLEN | {ANDER_TEAM: 404}, per_client=True),
    Pagina(
        "contact corrigeren",
        lambda s: reverse("clients:contact_corrigeren", args=[s["client"].pk, s["contact"].pk]),
        # her author (the casemanager) within 7 days, and the coordinator always
        {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 404},
        per_client=True,
    ),
    # --- support (plannen)
    *[
        Pagina(naam, plannen_url(url_naam, *sleutels), verwacht, per_client=True)
        for naam, url_naam, sleutels, verwacht in [
            ("plan nieuw", "plan_nieuw", (), WIJZIGEN),
            ("plan", "plan", ("plan",), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("plan afdrukken", "plan_afdrukken", ("plan",), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("plan wijzigen", "plan_wijzigen", ("plan",), WIJZIGEN),
            ("doel nieuw", "doel_nieuw", ("plan",), WIJZIGEN),
            ("doel wijzigen", "doel_wijzigen", ("doel",), WIJZIGEN),
            ("actiepunt nieuw", "actiepunt_nieuw", ("doel",), WIJZIGEN),
            ("actiepunt wijzigen", "actiepunt_wijzigen", ("actiepunt",), WIJZIGEN),
            ("zrm", "zrm", (), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("zrm nieuw", "zrm_nieuw", (), WIJZIGEN),
            ("resultaat nieuw", "resultaat_nieuw", (), WIJZIGEN),
            ("knelpunt nieuw", "knelpunt_nieuw", (), WIJZIGEN),
            ("knelpunt wijzigen", "knelpunt_wijzigen", ("knelpunt",), WIJZIGEN),
            ("escalatie nieuw", "escalatie_nieuw", (), WIJZIGEN),
        ]
    ],
    Pagina(
        "escalaties",
        lambda s: reverse("plannen:escalaties"),
        TEAMROLLEN | {Rol.PROCESREGISSEUR: 200, ANDER_TEAM: 200},
    ),
    Pagina(
        "escalatie",
        lambda s: reverse("plannen:escalatie", args=[s["escalatie"].pk]),
        # the procesregisseur it was sent to sees it while it is open
        TEAMROLLEN | {Rol.PROCESREGISSEUR: 200, ANDER_TEAM: 404},
        per_client=True,
    ),
    # --- permits (vergunningen) and budget: not for the ervaringsdeskundige
    Pagina(
        "vergunningenlijst", lambda s: reverse("vergunningen:lijst"), BEHEREN | {ANDER_TEAM: 200}
    ),
    Pagina("vergunningen exporteren", lambda s: reverse("vergunningen:exporteren"), COORDINATOR),
    Pagina(
        "uitwisselwerkboek",
        lambda s: reverse("rapportage:werkboek"),
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    Pagina(
        "vergunning nieuw", object_url("vergunningen:nieuw", "client"), WIJZIGEN, per_client=True
    ),
    *[
        Pagina(
            naam, object_url(f"vergunningen:{url_naam}", "vergunning"), WIJZIGEN, per_client=True
        )
        for naam, url_naam in [
            ("vergunning", "vergunning"),
            ("aanvraag wijzigen", "aanvraag_wijzigen"),
            ("besluit", "besluit"),
            ("bezwaar", "bezwaar"),
        ]
    ],
    Pagina("budgetten", lambda s: reverse("budget:lijst"), BEHEREN | {ANDER_TEAM: 200}),
    Pagina("budget nieuw", lambda s: reverse("budget:nieuw"), COORDINATOR),
    Pagina("te beoordelen", lambda s: reverse("budget:goedkeuren"), COORDINATOR),
    Pagina("budget", object_url("budget:budget", "budget"), WIJZIGEN, per_client=True),
    Pagina(
        "budget wijzigen", object_url("budget:wijzigen", "budget"), COORDINATOR, per_client=True
    ),
    Pagina("uitgave nieuw", lambda s: reverse("budget:uitgave_nieuw"), BEHEREN | {ANDER_TEAM: 200}),
    Pagina(
        "uitgave nieuw voor client",
        lambda s: reverse("budget:uitgave_nieuw") + f"?client={s['client'].pk}",
        WIJZIGEN,
        per_client=True,
    ),
    Pagina(
        "time-out nieuw", lambda s: reverse("budget:timeout_nieuw"), BEHEREN | {ANDER_TEAM: 200}
    ),
    Pagina(
        "time-out nieuw voor client",
        lambda s: reverse("budget:timeout_nieuw") + f"?client={s['client'].pk}",
        WIJZIGEN,
        per_client=True,
    ),
    Pagina(
        "uitgave beoordelen",
        object_url("budget:beoordelen", "wachtend"),
        COORDINATOR,
        per_client=True,
    ),
    Pagina(
        "uitgave corrigeren", object_url("budget:corrigeren", "uitgave"), WIJZIGEN, per_client=True
    ),
    Pagina("bonnetje", object_url("budget:bonnetje", "uitgave"), WIJZIGEN, per_client=True),
    # Reports: exact figures for the coordinator of the team only.
    Pagina("evaluatierapport", lambda s: reverse("rapportage:evaluatie"), COORDINATOR),
    Pagina(
        "evaluatierapport pdf",
        lambda s: reverse("rapportage:evaluatie") + "?formaat=pdf",
        COORDINATOR,
    ),
    Pagina(
        "dashboard",
        lambda s: reverse("rapportage:dashboard"),
        {Rol.GEMEENTE: 200, Rol.PROCESREGISSEUR: 200},
    ),
    Pagina(
        "voortgangsmonitor",
        lambda s: reverse("rapportage:monitor") + "?maand=2025-01&formaat=csv",
        COORDINATOR,
    ),
    # Barriers per category with the team's memos: the coordinator writes them; the
    # printable overview is hers (exact) and her municipality's (suppressed).
    Pagina("knelpunten en notities", lambda s: reverse("rapportage:knelpunten"), COORDINATOR),
    Pagina(
        "knelpuntnotitie",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]),
        COORDINATOR,
    ),
    Pagina(
        "knelpuntnotitie van een onbekende categorie",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bestaat_niet"]),
        {Rol.COORDINATOR: 404},
    ),
    Pagina(
        "knelpuntnotitie van een ander team",
        lambda s: (
            reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]) + "?team=stapteam-arnhem"
        ),
        {Rol.COORDINATOR: 404},
    ),
    Pagina(
        "knelpunten afdrukken",
        lambda s: reverse("rapportage:knelpunten_afdrukken", args=[s["team"].code]),
        {Rol.COORDINATOR: 200, Rol.GEMEENTE: 200, Rol.PROCESREGISSEUR: 200},
    ),
    # Arnhem belongs to another municipality and has another coordinator.
    Pagina(
        "knelpunten afdrukken van een ander team",
        lambda s: reverse("rapportage:knelpunten_afdrukken", args=["stapteam-arnhem"]),
        {Rol.COORDINATOR: 404, Rol.GEMEENTE: 404, Rol.PROCESREGISSEUR: 404},
    ),
    Pagina(
        "evaluatierapport van een ander team",
        lambda s: reverse("rapportage:evaluatie") + "?team=stapteam-arnhem",
        {Rol.COORDINATOR: 404},
    ),
]


@pytest.fixture
def scenario(team, ander_team):
    gebruikers = {rol: UserFactory(rol=rol, team=team) for rol in Rol.values}
    gebruikers[ANDER_TEAM] = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    client = ClientFactory(team=team, casemanager=gebruikers[Rol.CASEMANAGER])
    toestemming = client_services.toestemming_vastleggen(
        client=client,
        ondertekend_op=dt.date(2024, 1, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code="zvh"),
        scan=SimpleUploadedFile("scan.pdf", eenvoudige_pdf(["Toestemming"])),
        door=None,
    )
    return {
        "team": team,
        "ander_team": ander_team,
        "gebruikers": gebruikers,
        "client": client,
        "toestemming": toestemming,
        "contact": client_services.contact_registreren(
            client=client, door=gebruikers[Rol.CASEMANAGER], soort="face_to_face"
        ),
        **begeleiding(client, gebruikers),
        **vergunning_en_budget(client, gebruikers),
    }


def vergunning_en_budget(client, gebruikers):
    """A permit application, a flex budget of this year, an approved spend with a receipt
    and one above the threshold that waits for the coordinator."""
    casemanager = gebruikers[Rol.CASEMANAGER]
    vandaag = timezone.localdate()
    budget = budget_services.budget_aanmaken(
        team=client.team,
        naam="Flexbudget",
        soort="flexbudget",
        van=vandaag.replace(month=1, day=1),
        tot=vandaag.replace(month=12, day=31),
        bedrag=Decimal("1000.00"),
        door=gebruikers[Rol.COORDINATOR],
    )

    def uitgave(bedrag, **meer):
        return budget_services.uitgave_registreren(
            budget=budget,
            datum=vandaag,
            bedrag=Decimal(bedrag),
            categorie="kleding",
            client=client,
            door=casemanager,
            **meer,
        )

    return {
        "vergunning": vergunning_services.aanvraag_registreren(
            client=client,
            aanvraag_op=dt.date(2024, 1, 1),
            soort="nieuw",
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=False,
            door=casemanager,
        ),
        "budget": budget,
        "uitgave": uitgave(
            "10.00", bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"]))
        ),
        "wachtend": uitgave("300.00"),
    }


def begeleiding(client, gebruikers):
    """A plan with a goal and an action, a barrier and an open escalation."""
    casemanager = gebruikers[Rol.CASEMANAGER]
    plan = plannen_services.plan_opstellen(
        client=client, door=casemanager, opgesteld_op=dt.date(2024, 1, 1), status="actief"
    )
    doel = plannen_services.doel_toevoegen(
        client=client, plan=plan, door=casemanager, levensdomein="wonen", omschrijving="Huis"
    )
    return {
        "plan": plan,
        "doel": doel,
        "actiepunt": plannen_services.actiepunt_toevoegen(
            doel=doel, door=casemanager, wie="client", omschrijving="Inschrijven"
        ),
        "knelpunt": plannen_services.knelpunt_vastleggen(
            client=client,
            door=casemanager,
            datum=dt.date(2024, 1, 1),
            levensdomein="wonen",
            categorie="bw_wachtlijst",
            omschrijving="Wachtlijst",
        ),
        "escalatie": plannen_services.escalatie_openen(
            client=client,
            procesregisseur=gebruikers[Rol.PROCESREGISSEUR],
            door=casemanager,
            reden="Vast",
            verzoek="Hulp",
        ),
    }


def verwacht_antwoord(pagina: Pagina, rol: str):
    if rol == ANONIEM:
        return INLOGGEN
    return pagina.verwacht.get(rol, pagina.anders)


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
@pytest.mark.parametrize("rol", ALLE_ROLLEN)
def test_toegang(client, scenario, pagina, rol):
    if rol != ANONIEM:
        client.force_login(scenario["gebruikers"][rol])
    antwoord = client.get(pagina.url(scenario), follow=True)

    verwacht = verwacht_antwoord(pagina, rol)
    if verwacht == INLOGGEN:
        assert antwoord.redirect_chain, "anoniem had naar de loginpagina moeten gaan"
        assert antwoord.request["PATH_INFO"] == "/accounts/login/"
    else:
        assert antwoord.status_code == verwacht


@pytest.mark.parametrize("pagina", [p for p in PAGINAS if p.per_client], ids=lambda p: p.naam)
def test_coordinator_van_ander_team_krijgt_404(client, scenario, pagina):
    """Coordinator rights are for one's own team: another team's client does not exist."""
    client.force_login(UserFactory(rol=Rol.COORDINATOR, team=scenario["ander_team"]))
    assert client.get(pagina.url(scenario)).status_code == 404


# Endpoints that only accept POST (a GET answers 405): the same matrix, posted.
POST_PAGINAS = [
    Pagina(
        "toestemming controleren",
        toestemming_url("toestemming_controleren"),
        {Rol.CASEMANAGER: 302, Rol.COORDINATOR: 302, ANDER_TEAM: 404},
    ),
    Pagina("inzage downloaden", client_url("inzage_downloaden"), COORDINATOR),
    Pagina(
        "werkboek exporteren",
        lambda s: reverse("rapportage:werkboek_exporteren") + f"?team={s['team'].code}",
        COORDINATOR,
    ),
    # Without a file the upload form comes back with its error.
    Pagina(
        "werkboek importeren",
        lambda s: reverse("rapportage:werkboek_importeren") + f"?team={s['team'].code}",
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    # An empty memo is a memo (nothing to tell yet): saved, back to the overview.
    Pagina(
        "knelpuntnotitie opslaan",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]),
        {Rol.COORDINATOR: 302},
    ),
    # A token that was never handed out.
    Pagina(
        "werkboek bevestigen",
        lambda s: reverse("rapportage:werkboek_bevestigen", args=["onbekend"]),
        {Rol.COORDINATOR: 404, Rol.BEHEERDER: 404},
    ),
]


@pytest.mark.parametrize("pagina", POST_PAGINAS, ids=lambda p: p.naam)
@pytest.mark.parametrize("rol", ALLE_ROLLEN)
def test_toegang_post(client, scenario, pagina, rol):
    if rol != ANONIEM:
        client.force_login(scenario["gebruikers"][rol])
    antwoord = client.post(pagina.url(scenario))
    verwacht = verwacht_antwoord(pagina, rol)
    if verwacht == INLOGGEN:
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith("/accounts/login/")
    else:
        assert antwoord.status_code == verwacht
