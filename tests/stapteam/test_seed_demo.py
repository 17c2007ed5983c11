"""The demo seeder: the promised teams and accounts, a believable history ending today,
idempotent, never in production."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone

from budget.models import Budget, TimeOut
from budget.selectors import saldo
from clients import signalen
from clients.constants import GEREALISEERD, Status
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming
from clients.selectors import met_toestemmingstatus
from clients.services import mag_contact_corrigeren
from plannen.models import (
    Doel,
    Escalatie,
    Knelpunt,
    Knelpuntnotitie,
    Plan,
    Resultaat,
    ZRMMeting,
)
from rapportage.demo.tijdlijn import OVERSTAP_DAGEN
from stapteam import toegang
from stapteam.constants import Rol
from stapteam.models import Team, Toegangslog, User
from stapteam.toegang import gemeenten_van
from tests.stapteam.test_navigatie import VERWACHT_MENU, menu_labels
from vergunningen.models import Vergunning
from vergunningen.selectors import houders

pytestmark = pytest.mark.django_db

VERWACHT = {
    "casemanager1": (Rol.CASEMANAGER, "stapteam-nijmegen"),
    "casemanager2": (Rol.CASEMANAGER, "stapteam-nijmegen"),
    "ervaringsdeskundige1": (Rol.ERVARINGSDESKUNDIGE, "stapteam-nijmegen"),
    "coordinator1": (Rol.COORDINATOR, "stapteam-nijmegen"),
    "gemeente1": (Rol.GEMEENTE, None),
    "procesregisseur1": (Rol.PROCESREGISSEUR, None),
    "beheerder1": (Rol.BEHEERDER, None),
    "functionaris1": (Rol.FUNCTIONARIS, None),
    "casemanager3": (Rol.CASEMANAGER, "stapteam-arnhem"),
    "coordinator2": (Rol.COORDINATOR, "stapteam-arnhem"),
}
# A fixed day, so the figures below do not depend on when the suite runs; the demo on
# every other awkward day is tested in test_demo_op_elke_datum.py.
PEILMOMENT = dt.datetime(2026, 12, 2, 14, 0, tzinfo=dt.UTC)


def tellingen() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"stapteam", "clients", "plannen", "vergunningen", "budget"}
        and model._meta.label != "stapteam.Toegangslog"
    }


def contactfrequentie(clienten, vandaag: dt.date) -> dict[str, int]:
    """ONTWERP §6: realised contacts in the 91 days up to today, per in-view client."""
    venster = Q(
        contacten__soort__in=GEREALISEERD,
        contacten__tijdstip__date__gt=vandaag - dt.timedelta(days=91),
        contacten__tijdstip__date__lte=vandaag,
    )
    aantallen = clienten.annotate(n=Count("contacten", filter=venster)).values_list("n", flat=True)
    return {
        "wekelijks": sum(n >= 13 for n in aantallen),
        "maandelijks": sum(3 <= n <= 12 for n in aantallen),
        "minder_dan_maandelijks": sum(n <= 2 for n in aantallen),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, seeded once for this module inside a transaction that is rolled back
    after its last test (each test runs in a savepoint of its own within it)."""
    with (
        pytest.MonkeyPatch.context() as mp,
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        mp.setenv("DEMO_WACHTWOORD", "demo-wachtwoord-voor-test")
        with time_machine.travel(PEILMOMENT, tick=False):
            call_command("seed_demo", stdout=StringIO())
            vandaag = timezone.localdate()
        yield vandaag
        transaction.set_rollback(True)


def test_demo_maakt_teams_en_accounts(demo):
    nijmegen = Team.objects.get(code="stapteam-nijmegen")
    assert nijmegen.naam == "Stapteam Nijmegen"
    assert nijmegen.gemeente.naam == "Nijmegen"
    assert Team.objects.get(code="stapteam-arnhem").gemeente.naam == "Arnhem"
    for gebruikersnaam, (rol, teamcode) in VERWACHT.items():
        user = authenticate(username=gebruikersnaam, password="demo-wachtwoord-voor-test")
        assert user is not None, gebruikersnaam
        assert user.rol == rol
        assert [team.code for team in toegang.teams_van(user)] == ([teamcode] if teamcode else [])
    assert [g.naam for g in gemeenten_van(User.objects.get(username="gemeente1"))] == ["Nijmegen"]


def test_een_geloofwaardig_jaar(demo):
    vandaag = demo
    nijmegen = Client.objects.filter(team__code="stapteam-nijmegen")
    lopend = nijmegen.exclude(status=Status.UITGESTROOMD)
    assert nijmegen.count() == 22 and lopend.count() == 19
    # Women came into view over three years; three left, two of them in the last year.
    assert nijmegen.filter(in_beeld_sinds__gt=vandaag - dt.timedelta(days=365)).count() >= 4
    uitgestroomd = nijmegen.filter(status=Status.UITGESTROOMD)
    assert uitgestroomd.filter(uitstroom_datum__gt=vandaag - dt.timedelta(days=365)).count() == 2
    assert lopend.filter(status=Status.GEPAUZEERD).count() == 1
    assert lopend.filter(status=Status.AANGEMELD).count() == 1

    # Contact frequency like the seed's team: most weekly, some monthly, a few rarely.
    in_beeld = nijmegen.exclude(uitstroom_datum__lt=vandaag - dt.timedelta(days=365))
    assert contactfrequentie(in_beeld, vandaag) == {
        "wekelijks": 11,
        "maandelijks": 6,
        "minder_dan_maandelijks": 4,
    }
    # The peer worker is regularly in touch with about twelve.
    venster = Q(
        contacten__soort__in=GEREALISEERD,
        contacten__medewerker__username="ervaringsdeskundige1",
        contacten__tijdstip__date__gt=vandaag - dt.timedelta(days=91),
    )
    assert lopend.annotate(n=Count("contacten", filter=venster)).filter(n__gte=3).count() == 12

    # Signals where a real team has them: a handful, not everyone.
    coordinator = User.objects.get(username="coordinator1")
    met_signaal = signalen.alleen_met_signaal(
        signalen.met_signalen(lopend, vandaag=vandaag, gebruiker=coordinator), vandaag=vandaag
    )
    assert set(met_signaal.values_list("roepnaam", flat=True)) == {
        "Naomi",
        "Debby",
        "Kelly",
        "Nicole",
        "Lotte",
    }

    # Situations change along the way, and "as of" reads them in their own time.
    assert Situatie.objects.filter(client__in=nijmegen).values("kenmerk").distinct().count() == 8
    assert Situatie.objects.filter(
        client__in=nijmegen, datum__lt=vandaag - dt.timedelta(days=365)
    ).exists()
    statussen = set(
        met_toestemmingstatus(nijmegen, op=vandaag).values_list("toestemming_status", flat=True)
    )
    assert statussen == {"geldig", "verloopt_binnenkort", "verlopen", "ingetrokken", "ontbreekt"}
    assert Toestemming.objects.exclude(scan="").exists()


def test_begeleiding_vergunningen_en_budget(demo):
    vandaag = demo
    nijmegen = Team.objects.get(code="stapteam-nijmegen")
    clienten = Client.objects.filter(team=nijmegen)
    plannen = Plan.objects.filter(client__team=nijmegen)
    assert plannen.filter(status="actief").count() == 16
    assert plannen.filter(status="afgesloten").count() == 3
    assert Doel.objects.filter(client__in=clienten, status="behaald").exists()
    assert Doel.objects.filter(client__in=clienten).values("levensdomein").distinct().count() >= 6
    twee_zrm = clienten.annotate(n=Count("zrm_metingen")).filter(n__gte=2)
    assert 10 <= twee_zrm.count() <= 15  # about half
    assert not ZRMMeting.objects.filter(datum__gt=vandaag).exists()
    assert Resultaat.objects.filter(client__in=clienten).count() >= 20
    knelpunten = Knelpunt.objects.filter(client__in=clienten)
    assert knelpunten.filter(status="opgelost").count() >= 2
    assert knelpunten.filter(status="open").count() >= 3
    escalaties = Escalatie.objects.filter(client__in=clienten)
    assert set(escalaties.values_list("status", flat=True)) == {"aangevraagd", "afgerond"}
    # Two real handovers, besides the first casemanager of each woman.
    assert Overdracht.objects.filter(client__in=clienten, van__isnull=False).count() == 2

    vergunningen = Vergunning.objects.filter(client__team=nijmegen)
    assert houders(clienten, op=vandaag).count() >= 14
    assert vergunningen.filter(soort="verlenging", besluit="verleend").count() >= 10
    assert vergunningen.filter(besluit="in_behandeling").count() == 1
    geweigerd = vergunningen.filter(besluit="geweigerd")
    assert set(geweigerd.values_list("bezwaar_status", flat=True)) == {"lopend", "ongegrond"}

    flex = Budget.objects.get(team=nijmegen, soort="flexbudget")
    assert flex.van <= vandaag <= flex.tot
    stand = saldo(flex)
    assert stand.besteed > 1000 and stand.beschikbaar >= 0
    uitgaven = flex.uitgaven.all()
    assert set(uitgaven.values_list("status", flat=True)) == {
        "goedgekeurd",
        "ingediend",
        "afgewezen",
    }
    assert uitgaven.exclude(bonnetje="").exists()
    assert uitgaven.filter(correctie_van__isnull=False).exists()
    assert len({(d.year, d.month) for d in uitgaven.values_list("datum", flat=True)}) == 12
    assert TimeOut.objects.filter(client__team=nijmegen).count() == 2

    # Arnhem is smaller, but complete.
    arnhem = Client.objects.filter(team__code="stapteam-arnhem")
    assert arnhem.count() == 5
    assert Plan.objects.filter(client__in=arnhem).exists()
    assert Vergunning.objects.filter(client__in=arnhem, besluit="verleend").exists()
    assert Budget.objects.filter(team__code="stapteam-arnhem").count() == 2
    assert TimeOut.objects.filter(client__in=arnhem).count() == 1


def test_alles_gebeurde_op_zijn_eigen_moment(demo):
    """The history says when things happened, not when the demo was made."""
    vandaag = demo
    oud = Contact.objects.filter(tijdstip__date__lt=vandaag - dt.timedelta(days=30)).first()
    assert oud.aangemaakt_op == oud.tijdstip
    assert oud.history.earliest().history_date == oud.tijdstip
    assert not mag_contact_corrigeren(oud, oud.medewerker)
    assert not Contact.objects.filter(tijdstip__gt=timezone.now()).exists()
    afgerond = Escalatie.objects.get(status="afgerond")
    assert afgerond.aangevraagd_op < afgerond.afgerond_op < vandaag - dt.timedelta(days=200)


def test_de_teams_stapten_over_met_een_werkboek(demo):
    """Each team kept spreadsheets until it moved onto Stapteam: what it had then came in
    through the importer, by its coordinator at that moment; what came later was logged
    when it happened."""
    vandaag = demo
    overstap = timezone.make_aware(
        dt.datetime.combine(vandaag - dt.timedelta(days=OVERSTAP_DAGEN), dt.time(7))
    )
    reden = f"Werkboek stapteam-nijmegen-overstap-{overstap:%Y-%m-%d}.xlsx"
    coordinator = User.objects.get(username="coordinator1")
    import_log = Toegangslog.objects.get(
        team__code="stapteam-nijmegen", omschrijving__startswith="Uitwisselwerkboek"
    )
    assert import_log.gebruiker == coordinator and import_log.tijdstip == overstap
    assert "geïmporteerd: clienten 19, situatie " in import_log.omschrijving
    assert "budgetten 2, uitgaven " in import_log.omschrijving
    # Known before the move, 19 of the 22: imported, with the workbook as the reason.
    nijmegen = Client.objects.filter(team__code="stapteam-nijmegen")
    overgenomen = nijmegen.filter(in_beeld_sinds__lt=overstap.date())
    assert overgenomen.count() == 19
    for client in overgenomen:
        eerste = client.history.earliest()
        assert (eerste.history_date, eerste.history_user, eerste.history_change_reason) == (
            overstap,
            coordinator,
            reden,
        )
    # Her contacts before the move too; those after it were logged at their moment.
    contacten = Contact.objects.filter(client__in=nijmegen)
    oud = contacten.filter(tijdstip__lt=overstap).earliest("tijdstip")
    assert oud.aangemaakt_op == overstap
    assert oud.history.earliest().history_change_reason == reden
    assert contacten.filter(tijdstip__lt=overstap).count() > 500
    na = contacten.filter(tijdstip__gte=overstap)
    assert na.count() > 500
    assert not na.exclude(aangemaakt_op=models.F("tijdstip")).exists()
    # The budget year began before the move: the budgets came with the workbook.
    flex = Budget.objects.get(team__code="stapteam-nijmegen", soort="flexbudget")
    assert flex.history.earliest().history_change_reason == reden
    # What the workbook has no sheet for was entered right after the import.
    priscilla = Escalatie.objects.get(client__roepnaam="Priscilla")
    assert priscilla.aangevraagd_op == overstap.date()
    assert nijmegen.get(roepnaam="Priscilla").postadres
    # Arnhem moved the same day, by its own coordinator.
    assert Toegangslog.objects.get(
        team__code="stapteam-arnhem", omschrijving__startswith="Uitwisselwerkboek"
    ).gebruiker == User.objects.get(username="coordinator2")


def test_demo_is_idempotent(demo):
    voor = tellingen()
    with time_machine.travel(PEILMOMENT, tick=False):
        call_command("seed_demo", stdout=StringIO())
    assert tellingen() == voor


def test_demo_weigert_in_productie(settings, demo):
    settings.STAPTEAM_OMGEVING = "productie"
    voor = tellingen()
    with pytest.raises(CommandError, match="productie"):
        call_command("seed_demo")
    assert tellingen() == voor


def test_elk_demo_account_logt_in_en_ziet_het_menu_van_zijn_rol(client, settings, demo):
    """Through the real login form, with the demo's settings (no authenticator app)."""
    settings.MFA_VERPLICHT = False
    for gebruikersnaam, (rol, _) in VERWACHT.items():
        client.logout()
        antwoord = client.post(
            "/accounts/login/",
            {"login": gebruikersnaam, "password": "demo-wachtwoord-voor-test"},
            follow=True,
        )
        assert antwoord.request["PATH_INFO"] == "/", gebruikersnaam
        assert menu_labels(antwoord.content.decode()) == VERWACHT_MENU[rol], gebruikersnaam


def test_notities_over_knelpunten_zonder_clientgegevens(demo):
    """A few categories carry the team's memo for the municipality, one revised since;
    none names a woman of the demo."""
    notities = Knelpuntnotitie.objects.select_related("team", "categorie")
    assert sorted((n.team.code, n.categorie.code) for n in notities) == [
        ("stapteam-arnhem", "bw_wachtlijst"),
        ("stapteam-nijmegen", "postadres"),
        ("stapteam-nijmegen", "tekort_opvang_vrouwen"),
        ("stapteam-nijmegen", "wachtlijst_behandeling"),
    ]
    herzien = notities.get(team__code="stapteam-nijmegen", categorie__code="postadres")
    assert herzien.history.count() == 2
    assert herzien.gewijzigd_door.username == "coordinator1"
    assert herzien.gewijzigd_op.date() == demo - dt.timedelta(days=20)
    namen = {
        naam.casefold()
        for rij in Client.objects.values_list("roepnaam", "voornaam", "achternaam", "code")
        for naam in rij
        if naam
    }
    for n in notities:
        tekst = f"{n.gevolg} {n.wens} {n.volgende_stap}".casefold()
        assert not [naam for naam in namen if f" {naam} " in f" {tekst} "]
