"""The import's bulk writer: COPY on PostgreSQL and bulk_create elsewhere write the same."""

import datetime as dt

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from clients import services as client_services
from clients.models import Contact, Situatie, Toestemming
from rapportage.werkboek.bulk import (
    koppelingen_met_geschiedenis_schrijven,
    met_geschiedenis_schrijven,
)
from rapportage.werkboek.importeren import wijzigingsreden
from stapteam.constants import Rol
from stapteam.models import Organisatie
from tests.factories import ClientFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

REDEN = "Werkboek groot.xlsx"


@pytest.fixture
def team():
    return TeamFactory(code="bulk")


def contacten(client, medewerker) -> list[Contact]:
    """Values a COPY must carry exactly: JSON, empty and NULL values, escapes in text."""
    tijdstip = timezone.make_aware(dt.datetime(2025, 12, 31, 23, 59))
    return [
        Contact(
            client=client,
            tijdstip=tijdstip,
            medewerker=medewerker,
            soort="gesprek",
            locatie="tippelzone",
            duur_minuten=15,
            levensdomeinen=["wonen", "financien"],
            notitie="Regel 1\nRegel 2\twaar\\slash 'quote' \"dubbel\" ë €",
            vertrouwelijk=True,
        ),
        Contact(
            client=client,
            tijdstip=tijdstip - dt.timedelta(days=365),
            medewerker=medewerker,
            soort="poging",
            duur_minuten=None,
            levensdomeinen=[],
            notitie="\\N",
        ),
    ]


def vergelijkbaar(obj) -> dict:
    waarden = model_to_dict(obj, exclude=["id", "ook_aanwezig"])
    waarden["aangemaakt_op"] = obj.aangemaakt_op
    return waarden


def geschiedenis(contact: Contact) -> list[dict]:
    return [
        {
            "tijdstip": h.tijdstip,
            "notitie": h.notitie,
            "levensdomeinen": h.levensdomeinen,
            "duur_minuten": h.duur_minuten,
            "vertrouwelijk": h.vertrouwelijk,
            "history_type": h.history_type,
            "history_user_id": h.history_user_id,
            "history_change_reason": h.history_change_reason,
            "history_date": h.history_date,
            "client_id": h.client_id,
            "medewerker_id": h.medewerker_id,
        }
        for h in contact.history.all()
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_copy_en_bulk_create_geven_dezelfde_records_en_geschiedenis(team):
    door = UserFactory(rol=Rol.COORDINATOR, team=team)
    medewerker = UserFactory(rol=Rol.CASEMANAGER, team=team)
    client = ClientFactory(team=team)

    via_copy = contacten(client, medewerker)
    met_geschiedenis_schrijven(via_copy, Contact, door=door, reden=REDEN)
    via_bulk_create = contacten(client, medewerker)
    bulk_create_with_history(
        via_bulk_create, Contact, default_user=door, default_change_reason=REDEN
    )

    # The keys come from the sequence, ascending in the order given, and are the stored ones.
    assert [c.pk for c in via_copy] == sorted(c.pk for c in via_copy)
    assert all(c._state.adding is False for c in via_copy)
    for gekopieerd, gemaakt in zip(via_copy, via_bulk_create, strict=True):
        opgeslagen = Contact.objects.get(pk=gekopieerd.pk)
        vergeleken = Contact.objects.get(pk=gemaakt.pk)
        assert vergelijkbaar(opgeslagen) == vergelijkbaar(vergeleken)
        assert vergelijkbaar(opgeslagen) == vergelijkbaar(gekopieerd)
        assert geschiedenis(opgeslagen) == geschiedenis(vergeleken)
        [record] = geschiedenis(opgeslagen)
        assert record["history_user_id"] == door.pk
        assert record["history_change_reason"] == REDEN
        assert record["history_type"] == "+"
    assert Contact.objects.get(pk=via_copy[0].pk).notitie == via_copy[0].notitie
    assert Contact.objects.get(pk=via_copy[1].pk).duur_minuten is None
    assert Contact.objects.get(pk=via_copy[1].pk).notitie == "\\N"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_na_copy_gaan_sleutels_en_gewone_opslag_gewoon_door(team):
    """The sequence moved on: a record saved the ordinary way afterwards gets a new key."""
    medewerker = UserFactory(rol=Rol.CASEMANAGER, team=team)
    client = ClientFactory(team=team)
    nieuw = contacten(client, medewerker)
    met_geschiedenis_schrijven(nieuw, Contact, door=None, reden=REDEN)
    later = Contact.objects.create(client=client, medewerker=medewerker, soort="gesprek")
    assert later.pk > max(c.pk for c in nieuw)
    assert Contact.history.get(id=nieuw[0].pk).history_user_id is None


def test_elk_record_krijgt_zijn_sleutel_en_geschiedenis(team):
    """Whatever the database: keys set, one '+' history record each, user and reason."""
    door = UserFactory(rol=Rol.COORDINATOR, team=team)
    client = ClientFactory(team=team)
    situaties = [
        Situatie(
            client=client,
            kenmerk="woonsituatie",
            waarde="mfc_nachtopvang",
            datum=dt.date(2025, 1, 31) + dt.timedelta(days=n),
            geregistreerd_door=door,
        )
        for n in range(3)
    ]
    met_geschiedenis_schrijven(situaties, Situatie, door=door, reden=REDEN)
    assert all(s.pk is not None for s in situaties)
    assert Situatie.objects.filter(client=client).count() == 3
    for situatie in situaties:
        [record] = situatie.history.all()
        assert (record.history_type, record.history_user_id, record.history_change_reason) == (
            "+",
            door.pk,
            REDEN,
        )
        assert (record.kenmerk, record.waarde, record.datum) == (
            "woonsituatie",
            "mfc_nachtopvang",
            situatie.datum,
        )


def toestemming_geschiedenis(toestemming: Toestemming) -> list[tuple]:
    """Per history record, oldest first: type, user, reason, and the parties it holds."""
    return [
        (
            record.history_type,
            record.history_user_id,
            record.history_change_reason,
            sorted(partij.organisatie.code for partij in record.partijen.all()),
        )
        for record in toestemming.history.order_by("history_date", "history_id")
    ]


def test_toestemmingen_in_bulk_zoals_de_service_ze_vastlegt(team):
    """Records, parties and history: the bulk path leaves what ``toestemming_vastleggen``
    leaves (under the import's change reason)."""
    door = UserFactory(rol=Rol.COORDINATOR, team=team)
    eerste, tweede = ClientFactory(team=team), ClientFactory(team=team)
    partijen = list(Organisatie.objects.filter(code__in=["iriszorg", "zvh"]))
    gegevens = {
        "ondertekend_op": dt.date(2024, 2, 29),
        "versie": "2024-1",
        "geldig_tot": dt.date(2025, 2, 28),
        "ingetrokken_op": dt.date(2024, 12, 31),
    }
    with wijzigingsreden(REDEN):
        via_service = client_services.toestemming_vastleggen(
            client=eerste, partijen=partijen, door=door, **gegevens
        )
    in_bulk = Toestemming(client=tweede, vastgelegd_door=door, **gegevens)
    met_geschiedenis_schrijven([in_bulk], Toestemming, door=door, reden=REDEN)
    koppelingen_met_geschiedenis_schrijven(
        [in_bulk], "partijen", [partijen], door=door, reden=REDEN
    )

    velden = ["ondertekend_op", "versie", "geldig_tot", "ingetrokken_op", "vastgelegd_door"]
    opgeslagen = Toestemming.objects.get(pk=in_bulk.pk)
    assert model_to_dict(opgeslagen, fields=velden) == model_to_dict(via_service, fields=velden)
    assert sorted(p.code for p in opgeslagen.partijen.all()) == ["iriszorg", "zvh"]
    assert toestemming_geschiedenis(opgeslagen) == toestemming_geschiedenis(via_service)
    assert toestemming_geschiedenis(opgeslagen) == [
        ("+", door.pk, REDEN, []),
        ("~", door.pk, REDEN, ["iriszorg", "zvh"]),
    ]
