"""Support data in the AVG export, and cleared by anonymisation (counts unchanged)."""

import datetime as dt
import io
import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from clients import services as client_services
from clients.anonimisering import anonimiseer
from plannen import services
from plannen.models import (
    Actiepunt,
    Doel,
    Escalatie,
    Knelpunt,
    Plan,
    Resultaat,
    Voortgang,
    ZRMAnker,
    ZRMMeting,
)

pytestmark = pytest.mark.django_db
GEHEIM = "Kimberly-vertelde-over-haar-zoon"


@pytest.fixture
def gevuld(kim, casemanager, procesregisseur, toestemming_zvh):
    plan = services.plan_opstellen(
        client=kim,
        door=casemanager,
        opgesteld_op=dt.date(2024, 1, 1),
        status="actief",
        toelichting=GEHEIM,
    )
    doel = services.doel_toevoegen(
        client=kim, plan=plan, door=casemanager, levensdomein="wonen", omschrijving=GEHEIM
    )
    services.actiepunt_toevoegen(doel=doel, door=casemanager, wie="client", omschrijving=GEHEIM)
    services.zrm_vastleggen(
        client=kim,
        datum=dt.date(2024, 1, 1),
        door=casemanager,
        scores={"financien": 2},
        toelichting=GEHEIM,
    )
    services.resultaat_vastleggen(
        client=kim,
        soort="tandarts",
        datum=dt.date(2024, 2, 1),
        door=casemanager,
        toelichting=GEHEIM,
    )
    services.knelpunt_vastleggen(
        client=kim,
        door=casemanager,
        datum=dt.date(2024, 1, 1),
        levensdomein="wonen",
        categorie="postadres",
        omschrijving=GEHEIM,
    )
    escalatie = services.escalatie_openen(
        client=kim, procesregisseur=procesregisseur, door=casemanager, reden=GEHEIM, verzoek=GEHEIM
    )
    services.voortgang_vastleggen(escalatie=escalatie, tekst=GEHEIM, door=procesregisseur)
    return kim


def test_inzage_bevat_ondersteuning(als, coordinator, gevuld):
    antwoord = als(coordinator).post(reverse("clients:inzage_downloaden", args=[gevuld.pk]))
    gegevens = json.loads(zipfile.ZipFile(io.BytesIO(antwoord.content)).read("inzage.json"))
    secties = gegevens["secties"]
    assert secties["Doelen en actiepunten"][0]["Doel"] == GEHEIM
    assert secties["ZRM-metingen"][0]["Financiën"] == "2"
    assert secties["Resultaten"][0]["Resultaat"] == "Tandarts"
    assert secties["Escalaties"][0]["Reden"] == GEHEIM


def test_anonimiseren_wist_vrije_tekst_ook_uit_de_geschiedenis(gevuld):
    modellen = [Plan, Doel, Actiepunt, ZRMMeting, Resultaat, Knelpunt, Escalatie, Voortgang]
    voor = {m.__name__: m.objects.count() for m in modellen}
    scores = list(ZRMMeting.objects.values_list("datum", "financien"))

    client_services.client_wijzigen(
        client=gevuld,
        door=None,
        status="uitgestroomd",
        uitstroom_datum=timezone.localdate(),
        uitstroom_reden="verhuisd",
    )
    anonimiseer(gevuld)

    for model in modellen:
        assert GEHEIM not in " ".join(str(r) for r in model.objects.values_list())
        assert GEHEIM not in " ".join(str(r) for r in model.history.values_list())
    assert {m.__name__: m.objects.count() for m in modellen} == voor
    assert list(ZRMMeting.objects.values_list("datum", "financien")) == scores


def test_commando_laadt_ankerteksten(tmp_path):
    bestand = tmp_path / "ankers.csv"
    bestand.write_text(
        "domein,niveau,tekst\nfinancien,1,Groeiende schulden\nfinancien,5,Vrij\n", encoding="utf-8"
    )
    call_command("laad_zrm_ankers", str(bestand), stdout=StringIO())
    assert ZRMAnker.objects.get(domein="financien", niveau=1).tekst == "Groeiende schulden"


def test_commando_laadt_niets_bij_een_fout(tmp_path):
    bestand = tmp_path / "ankers.csv"
    bestand.write_text("domein,niveau,tekst\nfinancien,1,Goed\ngeluk,9,Fout\n", encoding="utf-8")
    with pytest.raises(CommandError, match="regel 3"):
        call_command("laad_zrm_ankers", str(bestand), stdout=StringIO())
    assert not ZRMAnker.objects.exists()
