"""Signals that help: the caseload shows first who needs action, counts each kind of
signal with a link to its list, and every signal says what to do."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from clients import services, signalen
from clients.constants import ContactSoort, Status
from clients.models import Client
from stapteam.models import Organisatie
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

# The last day of a year, just before midnight in Amsterdam: the day must not slip.
NU = dt.datetime(2026, 12, 31, 22, 30, tzinfo=dt.UTC)


def geldige_toestemming(client, door, vandaag):
    services.toestemming_vastleggen(
        client=client,
        ondertekend_op=vandaag - dt.timedelta(days=10),
        versie="1",
        geldig_tot=vandaag + dt.timedelta(days=300),
        partijen=Organisatie.objects.filter(code="zvh"),
        door=door,
    )


def gezien(client, door, op):
    services.contact_registreren(
        client=client,
        door=door,
        soort=ContactSoort.FACE_TO_FACE,
        tijdstip=timezone.make_aware(dt.datetime.combine(op, dt.time(12))),
    )


@pytest.fixture
def caseload(team, casemanager):
    """Anna has nothing to do; Bea's consent is missing (urgent); Carla has not been seen
    for three weeks and her consent is missing too (most urgent); Dana is paused."""
    with time_machine.travel(NU, tick=False):
        vandaag = timezone.localdate()
        sinds = {"in_beeld_sinds": vandaag - dt.timedelta(days=60)}
        anna = ClientFactory(team=team, roepnaam="Anna", casemanager=casemanager, gegevens=sinds)
        bea = ClientFactory(team=team, roepnaam="Bea", casemanager=casemanager, gegevens=sinds)
        carla = ClientFactory(team=team, roepnaam="Carla", casemanager=casemanager, gegevens=sinds)
        dana = ClientFactory(team=team, roepnaam="Dana", casemanager=casemanager, gegevens=sinds)
        for client in (anna, dana):
            geldige_toestemming(client, casemanager, vandaag)
        for client in (anna, bea):
            gezien(client, casemanager, vandaag - dt.timedelta(days=2))
        gezien(carla, casemanager, vandaag - dt.timedelta(days=21))
        gezien(dana, casemanager, vandaag - dt.timedelta(days=40))
        services.client_wijzigen(client=dana, door=casemanager, status=Status.GEPAUZEERD)
        yield vandaag


def namen(html: str) -> list[str]:
    return [naam for naam in ("Anna", "Bea", "Carla", "Dana") if f">{naam}</a>" in html]


def volgorde(html: str) -> list[str]:
    return sorted(namen(html), key=lambda naam: html.index(f">{naam}</a>"))


def test_wie_het_eerst_aandacht_nodig_heeft_staat_bovenaan(als, casemanager, caseload):
    with time_machine.travel(NU, tick=False):
        html = als(casemanager).get(reverse("clients:lijst")).content.decode()
        assert volgorde(html) == ["Carla", "Bea", "Anna", "Dana"]
        op_naam = als(casemanager).get(reverse("clients:lijst"), {"sorteer": "naam"})
    assert volgorde(op_naam.content.decode()) == ["Anna", "Bea", "Carla", "Dana"]


def test_tellingen_per_soort_met_een_link_naar_de_lijst(als, casemanager, caseload):
    with time_machine.travel(NU, tick=False):
        html = als(casemanager).get(reverse("clients:lijst")).content.decode()
        assert 'href="?signaal=toestemming_ontbreekt"' in html
        assert 'Toestemming ontbreekt <span class="telling">2</span>' in html
        assert 'Geen contact in 14 dagen <span class="telling">1</span>' in html
        alleen = als(casemanager).get(reverse("clients:lijst"), {"signaal": "geen_contact"})
    assert namen(alleen.content.decode()) == ["Carla"]


def test_een_signaal_zegt_wat_te_doen(als, casemanager, caseload):
    with time_machine.travel(NU, tick=False):
        html = als(casemanager).get(reverse("clients:lijst")).content.decode()
    assert "Laat haar het toestemmingsformulier tekenen." in html
    assert "Zoek haar op of bel." in html


def test_gepauzeerde_begeleiding_geeft_geen_contactsignaal(casemanager, caseload):
    vandaag = caseload
    dana = Client.objects.get(roepnaam="Dana")
    rij = signalen.met_signalen(
        Client.objects.filter(pk=dana.pk), vandaag=vandaag, gebruiker=casemanager
    ).get()
    assert signalen.signalen_van(rij, vandaag=vandaag) == []


def test_startpagina_telt_per_soort(als, casemanager, caseload):
    with time_machine.travel(NU, tick=False):
        html = als(casemanager).get(reverse("start")).content.decode()
    assert "van wie <strong>2</strong> met een signaal" in html
    assert 'href="/clienten/mijn/?signaal=toestemming_ontbreekt"' in html


def test_tellen_en_ordenen_kost_een_vast_aantal_queries(
    als, casemanager, caseload, team, tel_queries
):
    with time_machine.travel(NU, tick=False):
        browser = als(casemanager)
        browser.get(reverse("clients:lijst"))  # the first request of a session stores it
        weinig = tel_queries(lambda: browser.get(reverse("clients:lijst")))
        for nummer in range(6):
            ClientFactory(team=team, roepnaam=f"Extra{nummer}", casemanager=casemanager)
        veel = tel_queries(lambda: browser.get(reverse("clients:lijst")))
    assert veel == weinig
