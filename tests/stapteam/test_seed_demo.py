"""The demo seeder: the promised teams and accounts, idempotent, never in production."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from clients.models import Client, Situatie, Toestemming
from clients.selectors import met_toestemmingstatus
from stapteam import toegang
from stapteam.constants import Rol
from stapteam.models import Team, User
from stapteam.toegang import gemeenten_van

pytestmark = pytest.mark.django_db

VERWACHT = {
    "casemanager1": (Rol.CASEMANAGER, "stapteam-nijmegen"),
    "casemanager2": (Rol.CASEMANAGER, "stapteam-nijmegen"),
    "ervaringsdeskundige1": (Rol.ERVARINGSDESKUNDIGE, "stapteam-nijmegen"),
    "coordinator1": (Rol.COORDINATOR, "stapteam-nijmegen"),
    "gemeente1": (Rol.GEMEENTE, None),
    "procesregisseur1": (Rol.PROCESREGISSEUR, None),
    "beheerder1": (Rol.BEHEERDER, None),
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
