"""Permits and spends in the AVG inzage, and their anonymisation: free text, the permit
number and receipts go (history included); amounts, dates and decisions stay."""

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from budget import services
from budget.models import TimeOut, Uitgave
from clients.anonimisering import anonimiseer
from clients.inzage import inzage_zip
from stapteam.demo_pdf import eenvoudige_pdf
from vergunningen import services as vergunning_services
from vergunningen.models import Vergunning

pytestmark = pytest.mark.django_db

GEHEIM = "Geheimstraat"


@pytest.fixture
def dossier(client_van_team, casemanager, coordinator, flexbudget, timeoutbudget):
    vergunning = vergunning_services.aanvraag_registreren(
        client=client_van_team,
        aanvraag_op=dt.date(2024, 1, 1),
        soort="nieuw",
        werkt_sinds_peildatum=False,
        zorg_sinds_peildatum=False,
        door=casemanager,
    )
    vergunning_services.besluit_vastleggen(
        vergunning=vergunning,
        besluit="geweigerd",
        besluit_op=dt.date(2024, 2, 1),
        weigeringsgrond=f"Woont in de {GEHEIM}",
        door=casemanager,
    )
    vergunning_services.bezwaar_vastleggen(
        vergunning=vergunning,
        bezwaar_op=dt.date(2024, 2, 10),
        bezwaar_status="lopend",
        bezwaar_door=f"Advocaat uit de {GEHEIM}",
        door=casemanager,
    )
    uitgave = services.uitgave_registreren(
        budget=flexbudget,
        datum=dt.date(2024, 3, 1),
        bedrag=Decimal("45.00"),
        categorie="kleding",
        client=client_van_team,
        omschrijving=f"Jas, afgeleverd in de {GEHEIM}",
        bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"])),
        door=casemanager,
    )
    services.uitgave_corrigeren(
        uitgave=uitgave, bedrag=Decimal("5"), reden=f"Terug naar {GEHEIM}", door=coordinator
    )
    services.timeout_registreren(
        client=client_van_team,
        locatie="Het Hoogeland",
        van=dt.date(2024, 4, 1),
        tot=dt.date(2024, 4, 5),
        dagtarief=Decimal("150"),
        door=casemanager,
    )
    return client_van_team


def test_inzage_bevat_vergunningen_uitgaven_en_bonnetjes(dossier):
    archief = zipfile.ZipFile(io.BytesIO(inzage_zip(dossier)))
    secties = json.loads(archief.read("inzage.json"))["secties"]
    assert secties["Vergunningen"][0]["Besluit"] == "Geweigerd"
    assert secties["Vergunningen"][0]["Status bezwaar"] == "Lopend"
    bedragen = [rij["Bedrag"] for rij in secties["Uitgaven"]]
    assert bedragen == ["€ 45,00", "−€ 5,00", "€ 750,00"]
    assert secties["Time-outs"][0]["Dagen"] == "5"
    assert any(naam.startswith("bestanden/bonnetje-") for naam in archief.namelist())
    assert secties["Wijzigingen in vergunningen"]


def test_anonimiseren_wist_vrije_tekst_en_bonnetjes_maar_houdt_de_cijfers(dossier):
    uitgave = Uitgave.objects.get(correctie_van__isnull=True, timeout__isnull=True)
    opslag, bon = uitgave.bonnetje.storage, uitgave.bonnetje.name
    assert opslag.exists(bon)
    voor = (
        list(Uitgave.objects.order_by("pk").values_list("bedrag", "datum", "categorie", "status")),
        list(
            Vergunning.objects.values_list("besluit", "besluit_op", "bezwaar_op", "bezwaar_status")
        ),
        list(TimeOut.objects.values_list("van", "tot", "dagen", "dagtarief")),
    )

    anonimiseer(dossier)

    assert not opslag.exists(bon)
    for model in (Vergunning, Uitgave, TimeOut):
        for tabel in (model.objects, model.history.model.objects):
            assert GEHEIM not in " ".join(str(rij) for rij in tabel.values_list())
    assert not Uitgave.history.model.objects.exclude(bonnetje="").exists()
    na = (
        list(Uitgave.objects.order_by("pk").values_list("bedrag", "datum", "categorie", "status")),
        list(
            Vergunning.objects.values_list("besluit", "besluit_op", "bezwaar_op", "bezwaar_status")
        ),
        list(TimeOut.objects.values_list("van", "tot", "dagen", "dagtarief")),
    )
    assert na == voor
