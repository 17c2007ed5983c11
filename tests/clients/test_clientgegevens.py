"""Anonymisation and inzage cover every record about a client by construction.

These tests walk every installed model (and history model) that refers to a client,
directly or through another record, and fail when one of its text, date or file fields
is declared neither as cleared (``wissen``) nor as kept for reports (``bewaren``).
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models

from clients import services as client_services
from clients.anonimisering import anonimiseer
from clients.clientgegevens import (
    HISTORIEVELDEN,
    clientmodellen,
    declaratie,
    is_historie,
    records,
)
from clients.models import Client, Contact
from plannen.models import Actiepunt, Escalatie
from stapteam.models import Toegangslog

pytestmark = pytest.mark.django_db

GEHEIM = "Geheime-notitie-xyz"

TEKST_EN_DATUM = (
    models.CharField,
    models.TextField,
    models.DateField,  # DateTimeField too
    models.FileField,
    models.JSONField,
)


def test_de_wandeling_vindt_de_bekende_modellen():
    labels = {model._meta.label for model in clientmodellen()}
    assert {
        "clients.Client",
        "clients.HistoricalClient",
        "clients.Contact",
        "clients.HistoricalContact",
        "plannen.Actiepunt",  # through Doel
        "plannen.HistoricalVoortgang",  # through Escalatie
        "budget.Uitgave",
        "vergunningen.HistoricalVergunning",
    } <= labels


@pytest.mark.parametrize("model", clientmodellen(), ids=lambda m: m._meta.label)
def test_elk_tekst_of_datumveld_is_verklaard(model):
    velden = {
        veld.name
        for veld in model._meta.concrete_fields
        if isinstance(veld, TEKST_EN_DATUM) and veld.name not in HISTORIEVELDEN
    }
    avg = declaratie(model)
    if avg is None:
        # Only many-to-many history tables may go without; they hold no text.
        assert not velden, f"{model._meta.label} heeft geen avg-declaratie"
        return
    onverklaard = velden - set(avg.wissen) - set(avg.bewaren)
    assert not onverklaard, f"{model._meta.label}: niet verklaard: {sorted(onverklaard)}"
    assert set(avg.wissen) | set(avg.bewaren) <= {v.name for v in model._meta.concrete_fields}


def test_anonimiseren_wist_contactnotities_ook_in_de_geschiedenis(
    client_van_team, casemanager, coordinator
):
    contact = client_services.contact_registreren(
        client=client_van_team, door=casemanager, soort="face_to_face", notitie=GEHEIM
    )
    client_services.contact_corrigeren(
        contact=contact, door=coordinator, notitie=GEHEIM + " aangevuld"
    )
    client_services.client_wijzigen(
        client=client_van_team,
        door=None,
        in_beeld_sinds=dt.date(2004, 1, 1),
        status="uitgestroomd",
        uitstroom_datum=dt.date(2005, 3, 1),
        uitstroom_reden="verhuisd",
    )
    assert Contact.history.filter(notitie__contains=GEHEIM).exists()

    call_command("anonimiseer_verlopen", stdout=StringIO())

    assert Client.objects.get(pk=client_van_team.pk).geanonimiseerd_op is not None
    assert Contact.objects.filter(client=client_van_team).count() == 1  # still counted
    for model in clientmodellen():
        avg = declaratie(model)
        for rij in records(model, client_van_team).values(*(avg.wissen if avg else ())):
            assert GEHEIM not in str(rij), model._meta.label


def test_records_vindt_ook_kleinkinderen(client_van_team, casemanager, gebruikers):
    from plannen import services as plannen_services

    plan = plannen_services.plan_opstellen(client=client_van_team, door=casemanager)
    doel = plannen_services.doel_toevoegen(
        client=client_van_team,
        plan=plan,
        door=casemanager,
        levensdomein="wonen",
        omschrijving=GEHEIM,
    )
    plannen_services.actiepunt_toevoegen(
        doel=doel, door=casemanager, wie="client", omschrijving=GEHEIM
    )
    assert records(Actiepunt, client_van_team).count() == 1
    assert records(Actiepunt.history.model, client_van_team).count() == 1
    anonimiseer(client_van_team)
    assert not Actiepunt.history.filter(omschrijving__contains=GEHEIM).exists()


def test_toegangslog_kopieert_geen_reden_uit_het_dossier(client_van_team, coordinator, gebruikers):
    from plannen import services as plannen_services

    plannen_services.escalatie_openen(
        client=client_van_team,
        procesregisseur=gebruikers["procesregisseur"],
        door=coordinator,
        reden="Vastgelopen",
        verzoek="Hulp",
        reden_zonder_toestemming=GEHEIM,
    )
    assert Escalatie.objects.get().reden_zonder_toestemming == GEHEIM
    assert not Toegangslog.objects.filter(omschrijving__contains=GEHEIM).exists()


def test_historiemodellen_hebben_de_declaratie_van_hun_model():
    for model in clientmodellen():
        if is_historie(model) and model.instance_type in clientmodellen():
            assert declaratie(model) is declaratie(model.instance_type)


def test_inzage_dekt_elk_model_en_elke_geschiedenis_over_haar(client_van_team):
    from clients.inzage import secties_van

    gedekt = {model for sectie in secties_van(client_van_team) for model in sectie.modellen}
    verwacht = set()
    for model in clientmodellen():
        if not is_historie(model):
            verwacht.add(model)
            if hasattr(model, "history"):
                verwacht.add(model.history.model)
    ontbreekt = sorted(model._meta.label for model in verwacht - gedekt)
    assert not ontbreekt, f"Niet in de inzage: {ontbreekt}"


def test_inzage_bevat_contacten_met_notities(client_van_team, casemanager, coordinator):
    import io
    import json
    import zipfile

    from clients.inzage import inzage_zip

    contact = client_services.contact_registreren(
        client=client_van_team, door=casemanager, soort="face_to_face", notitie=GEHEIM
    )
    client_services.contact_corrigeren(contact=contact, door=coordinator, notitie="Verbeterd")
    secties = json.loads(
        zipfile.ZipFile(io.BytesIO(inzage_zip(client_van_team))).read("inzage.json")
    )["secties"]
    assert secties["Contacten"][0]["Notitie"] == "Verbeterd"
    assert secties["Contacten"][0]["Soort"] == "Face-to-face"
    assert GEHEIM in str(secties["Wijzigingen in contacten"])
