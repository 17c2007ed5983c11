"""The demo seeder: the promised teams and accounts, idempotent, never in production."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from clients.models import Client, Contact, Situatie, Toestemming
from clients.selectors import met_toestemmingstatus
from plannen.models import Doel, Escalatie, Knelpunt, Plan, Resultaat
from stapteam import toegang
from stapteam.constants import Rol
from stapteam.models import Team, User
from stapteam.toegang import gemeenten_van
from tests.stapteam.test_navigatie import VERWACHT_MENU, menu_labels

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
}


def tellingen() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"stapteam", "clients", "plannen", "vergunningen", "budget"}
        and model._meta.label != "stapteam.Toegangslog"
    }


def test_demo_maakt_teams_en_accounts(monkeypatch):
    monkeypatch.setenv("DEMO_WACHTWOORD", "demo-wachtwoord-voor-test")
    call_command("seed_demo", stdout=StringIO())

    nijmegen = Team.objects.get(code="stapteam-nijmegen")
    assert nijmegen.naam == "Stapteam Nijmegen"
    assert nijmegen.gemeente.naam == "Nijmegen"
    assert Team.objects.get(code="stapteam-arnhem").gemeente.naam == "Arnhem"

    for gebruikersnaam, (rol, teamcode) in VERWACHT.items():
        user = authenticate(username=gebruikersnaam, password="demo-wachtwoord-voor-test")
        assert user is not None, gebruikersnaam
        assert user.rol == rol
        teams = [team.code for team in toegang.teams_van(user)]
        assert teams == ([teamcode] if teamcode else [])
    assert [g.naam for g in gemeenten_van(User.objects.get(username="gemeente1"))] == ["Nijmegen"]

    nijmegen_clienten = Client.objects.filter(team=nijmegen)
    assert 18 <= nijmegen_clienten.count() <= 22
    assert Client.objects.filter(team__code="stapteam-arnhem").count() == 3
    # Varied consent states, so the caseload shows its signals.
    vandaag = timezone.localdate()
    statussen = set(
        met_toestemmingstatus(nijmegen_clienten, op=vandaag).values_list(
            "toestemming_status", flat=True
        )
    )
    assert statussen == {"geldig", "verloopt_binnenkort", "verlopen", "ingetrokken", "ontbreekt"}
    assert Situatie.objects.filter(client__team=nijmegen).values("kenmerk").distinct().count() >= 7
    assert Toestemming.objects.exclude(scan="").exists()


def test_demo_contacten_en_begeleiding():
    call_command("seed_demo", stdout=StringIO())
    nijmegen = Client.objects.filter(team__code="stapteam-nijmegen")
    # A year of contacts: most women often, some by the peer worker.
    per_client = list(
        nijmegen.annotate(n=Count("contacten")).order_by("-n").values_list("n", flat=True)
    )
    assert per_client[0] >= 40 and per_client[-1] <= 12
    assert Contact.objects.filter(medewerker__username="ervaringsdeskundige1").count() > 50
    assert Plan.objects.filter(client__in=nijmegen, status="actief").count() >= 12
    assert Doel.objects.filter(client__in=nijmegen).values("levensdomein").distinct().count() >= 6
    met_twee_zrm = nijmegen.annotate(n=Count("zrm_metingen")).filter(n__gte=2).count()
    assert 8 <= met_twee_zrm <= 12
    assert Resultaat.objects.exists() and Knelpunt.objects.exists()
    assert Escalatie.objects.filter(status="aangevraagd").count() == 1


def test_demo_is_idempotent():
    call_command("seed_demo", stdout=StringIO())
    voor = tellingen()
    call_command("seed_demo", stdout=StringIO())
    assert tellingen() == voor


def test_demo_weigert_in_productie(settings):
    settings.STAPTEAM_OMGEVING = "productie"
    with pytest.raises(CommandError, match="productie"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_demo_vergunningen_en_budget():
    from budget.models import Budget, TimeOut
    from budget.selectors import saldo
    from vergunningen.models import Vergunning
    from vergunningen.selectors import houders

    call_command("seed_demo", stdout=StringIO())
    nijmegen = Team.objects.get(code="stapteam-nijmegen")
    vandaag = timezone.localdate()

    vergunningen = Vergunning.objects.filter(client__team=nijmegen)
    assert houders(Client.objects.filter(team=nijmegen), op=vandaag).count() >= 12
    assert vergunningen.filter(soort="nieuw", besluit="verleend").exists()
    assert vergunningen.filter(soort="verlenging", besluit="verleend").exists()
    assert vergunningen.filter(besluit="in_behandeling").count() == 1
    geweigerd = vergunningen.filter(besluit="geweigerd")
    assert geweigerd.count() == 2
    assert set(geweigerd.values_list("bezwaar_status", flat=True)) == {"lopend", "ongegrond"}

    flex = Budget.objects.get(team=nijmegen, soort="flexbudget")
    stand = saldo(flex)
    assert stand.besteed > 1000
    assert stand.beschikbaar >= 0
    uitgaven = flex.uitgaven.all()
    assert set(uitgaven.values_list("status", flat=True)) == {
        "goedgekeurd",
        "ingediend",
        "afgewezen",
    }
    assert uitgaven.exclude(bonnetje="").exists()
    assert uitgaven.filter(correctie_van__isnull=False).exists()
    assert len({(d.year, d.month) for d in uitgaven.values_list("datum", flat=True)}) >= 11
    assert TimeOut.objects.filter(client__team=nijmegen).count() == 2


def test_elk_demo_account_logt_in_en_ziet_het_menu_van_zijn_rol(client, settings, monkeypatch):
    """Through the real login form, with the demo's settings (no authenticator app)."""
    settings.MFA_VERPLICHT = False
    monkeypatch.setenv("DEMO_WACHTWOORD", "demo-wachtwoord-voor-test")
    call_command("seed_demo", stdout=StringIO())
    for gebruikersnaam, (rol, _) in VERWACHT.items():
        client.logout()
        antwoord = client.post(
            "/accounts/login/",
            {"login": gebruikersnaam, "password": "demo-wachtwoord-voor-test"},
            follow=True,
        )
        assert antwoord.request["PATH_INFO"] == "/", gebruikersnaam
        assert menu_labels(antwoord.content.decode()) == VERWACHT_MENU[rol], gebruikersnaam
