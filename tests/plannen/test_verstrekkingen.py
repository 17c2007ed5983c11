"""The register of disclosures (verstrekkingen), issue 9.

Every time her data leaves the team there is one entry per client: to whom, what, why,
on which consent or override. A disclosure her valid consent does not cover needs the
coordinator's reason — the same rule for escalations and for the permit list.
"""

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.constants import Grondslag
from clients.models import Verstrekking
from plannen import services
from plannen.models import Escalatie
from tests.vergunningen.test_views import houder

pytestmark = pytest.mark.django_db

VERZOEK = {"reden": "Vastgelopen", "verzoek": "Overleg"}


def test_escalatie_met_toestemming_wordt_geregistreerd(
    kim, casemanager, procesregisseur, toestemming_zvh
):
    services.escalatie_openen(
        client=kim, procesregisseur=procesregisseur, door=casemanager, **VERZOEK
    )
    verstrekking = Verstrekking.objects.get(client=kim)
    assert verstrekking.ontvanger.code == "zvh"
    assert verstrekking.grondslag == Grondslag.TOESTEMMING
    assert verstrekking.toestemming == toestemming_zvh
    assert verstrekking.door == casemanager


def test_zonder_toestemming_geweigerd_zonder_reden_van_de_coordinator(
    kim, casemanager, coordinator, procesregisseur
):
    with pytest.raises(ValidationError):
        services.escalatie_openen(
            client=kim,
            procesregisseur=procesregisseur,
            door=casemanager,
            reden_zonder_toestemming="Toch",
            **VERZOEK,
        )
    with pytest.raises(ValidationError):
        services.escalatie_openen(
            client=kim, procesregisseur=procesregisseur, door=coordinator, **VERZOEK
        )
    assert not Verstrekking.objects.exists()
    assert not Escalatie.objects.exists()

    services.escalatie_openen(
        client=kim,
        procesregisseur=procesregisseur,
        door=coordinator,
        reden_zonder_toestemming="Acuut gevaar",
        **VERZOEK,
    )
    verstrekking = Verstrekking.objects.get(client=kim)
    assert verstrekking.grondslag == Grondslag.ZONDER_TOESTEMMING
    assert verstrekking.reden_zonder_toestemming == "Acuut gevaar"
    assert verstrekking.toestemming is None


def test_vergunningenlijst_zonder_toestemming_vraagt_een_reden(als, coordinator, team):
    eerste = houder(team, "Kim", nummer="TZ-1")
    tweede = houder(team, "Naomi", nummer="TZ-2")
    adres = reverse("vergunningen:exporteren")

    geweigerd = als(coordinator).post(adres)
    assert geweigerd["Content-Type"].startswith("text/html")
    assert "Er is niets geëxporteerd" in geweigerd.content.decode()
    assert not Verstrekking.objects.exists()

    antwoord = als(coordinator).post(adres, {"reden_zonder_toestemming": "Wettelijke melding"})
    assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
    per_client = {v.client_id: v for v in Verstrekking.objects.all()}
    assert set(per_client) == {eerste.pk, tweede.pk}
    assert all(v.ontvanger.code == "gemeente" for v in per_client.values())
    assert all(v.grondslag == Grondslag.ZONDER_TOESTEMMING for v in per_client.values())


def test_inzage_wordt_geregistreerd_en_staat_in_export_en_log(als, coordinator, kim):
    antwoord = als(coordinator).post(reverse("clients:inzage_downloaden", args=[kim.pk]))
    verstrekking = Verstrekking.objects.get(client=kim)
    assert verstrekking.grondslag == Grondslag.EIGEN_VERZOEK
    assert verstrekking.ontvanger is None
    secties = json.loads(zipfile.ZipFile(io.BytesIO(antwoord.content)).read("inzage.json"))[
        "secties"
    ]
    assert secties["Verstrekkingen"][0]["Grondslag"] == "Op haar eigen verzoek (inzage)"
    pagina = als(coordinator).get(reverse("clients:toegangslog", args=[kim.pk])).content.decode()
    assert "Inzage-export" in pagina
