"""The caseload and the dossier cost a fixed number of queries, whatever the data."""

import datetime as dt

import pytest
from django.urls import reverse

from clients import services
from clients.constants import KENMERK_WAARDEN
from plannen import services as plannen_services
from stapteam.constants import Rol
from stapteam.models import Organisatie
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

# Measured per page. Six of each are the fixed cost of a request: session, user, MFA
# check, role with permissions, team memberships, the access-log line (the session is
# saved only about once a minute); then one or two per dossier section. What matters
# most is that it does not grow.
LIJST_MAXIMUM = 11
DOSSIER_MAXIMUM = 21
CONTACTEN_MAXIMUM = 12


def volle_client(team, casemanager, nummer: int, geschiedenis: int):
    client = ClientFactory(team=team, casemanager=casemanager, roepnaam=f"Client {nummer}")
    for kenmerk, waarden in KENMERK_WAARDEN.items():
        for dag in range(geschiedenis):
            services.situatie_vastleggen(
                client=client,
                kenmerk=kenmerk,
                waarde=waarden.values[dag % len(waarden.values)],
                datum=dt.date(2020, 1, 1) + dt.timedelta(days=dag),
                door=casemanager,
            )
    for jaar in range(geschiedenis):
        services.toestemming_vastleggen(
            client=client,
            ondertekend_op=dt.date(2015 + jaar, 1, 1),
            versie=str(jaar),
            partijen=Organisatie.objects.filter(code__in=["iriszorg", "zvh"]),
            door=casemanager,
        )
    for _ in range(geschiedenis):
        ander = UserFactory(rol=Rol.CASEMANAGER, team=team)
        services.overdragen(client=client, naar=ander, notitie="Overdracht", door=None)
    medewerker = UserFactory(rol=Rol.CASEMANAGER, team=team)
    for nummer in range(geschiedenis * 5):
        services.contact_registreren(
            client=client,
            door=medewerker,
            soort="face_to_face" if nummer % 2 else "poging",
            levensdomeinen=["wonen"],
            vertrouwelijk=nummer % 3 == 0,
            ook_aanwezig=[casemanager] if casemanager else [],
        )
    # Support: a plan with goals and actions, ZRM measurements, results and barriers.
    plan = plannen_services.plan_opstellen(
        client=client, door=medewerker, opgesteld_op=dt.date(2020, 1, 1), status="actief"
    )
    for nummer in range(geschiedenis * 2):
        doel = plannen_services.doel_toevoegen(
            client=client, plan=plan, door=medewerker, levensdomein="wonen", omschrijving="Doel"
        )
        plannen_services.actiepunt_toevoegen(
            doel=doel, door=medewerker, wie="client", omschrijving="Actie"
        )
        plannen_services.zrm_vastleggen(
            client=client,
            datum=dt.date(2020, 1, 1) + dt.timedelta(days=30 * nummer),
            door=medewerker,
            scores={"financien": 1 + nummer % 5, "justitie": 3},
        )
        plannen_services.resultaat_vastleggen(
            client=client, soort="huisarts", datum=dt.date(2021, 1, 1), door=medewerker
        )
        plannen_services.knelpunt_vastleggen(
            client=client,
            door=medewerker,
            datum=dt.date(2021, 1, 1),
            levensdomein="wonen",
            categorie="postadres",
            omschrijving="Geen postadres",
        )
    return client


@pytest.mark.parametrize("rol", [Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR])
def test_teamlijst_vast_aantal_queries(team, client, tel_queries, rol):
    gebruiker = UserFactory(rol=rol, team=team)
    client.force_login(gebruiker)
    volle_client(team, gebruiker if rol != Rol.ERVARINGSDESKUNDIGE else None, 0, 2)
    adres = reverse("clients:lijst")
    client.get(adres)  # the first request of a session also stores the session
    weinig = tel_queries(lambda: client.get(adres))
    for nummer in range(1, 30):
        volle_client(team, None, nummer, 2)
    veel = tel_queries(lambda: client.get(adres))
    gefilterd = tel_queries(lambda: client.get(adres, {"zoek": "Client", "status": ""}))
    assert weinig == veel
    assert gefilterd == veel
    assert veel <= LIJST_MAXIMUM


@pytest.mark.parametrize("rol", [Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR])
def test_dossier_vast_aantal_queries(team, client, tel_queries, rol):
    gebruiker = UserFactory(rol=rol, team=team)
    kort = volle_client(team, None, 1, 1)
    lang = volle_client(team, None, 2, 12)
    client.force_login(gebruiker)
    client.get(reverse("clients:lijst"))
    weinig = tel_queries(lambda: client.get(reverse("clients:dossier", args=[kort.pk])))
    veel = tel_queries(lambda: client.get(reverse("clients:dossier", args=[lang.pk])))
    assert weinig == veel
    assert veel <= DOSSIER_MAXIMUM


@pytest.mark.parametrize("rol", [Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR])
def test_contactlijst_vast_aantal_queries(team, client, tel_queries, rol):
    gebruiker = UserFactory(rol=rol, team=team)
    kort = volle_client(team, None, 1, 1)
    lang = volle_client(team, None, 2, 12)
    client.force_login(gebruiker)
    client.get(reverse("clients:lijst"))
    weinig = tel_queries(lambda: client.get(reverse("clients:contacten", args=[kort.pk])))
    veel = tel_queries(lambda: client.get(reverse("clients:contacten", args=[lang.pk])))
    assert weinig == veel
    assert veel <= CONTACTEN_MAXIMUM


def test_contactlijst_per_pagina_filter_blijft_staan(team, client, tel_queries):
    gebruiker = UserFactory(rol=Rol.COORDINATOR, team=team)
    lang = volle_client(team, None, 1, 6)  # 30 contacts, 15 of them face to face
    client.force_login(gebruiker)
    adres = reverse("clients:contacten", args=[lang.pk])
    client.get(adres)
    eerste = client.get(adres)
    assert len(eerste.context["rijen"]) == 25
    assert 'href="?pagina=2" rel="next"' in eerste.content.decode()
    assert len(client.get(adres, {"pagina": 2}).context["rijen"]) == 5
    gefilterd = client.get(adres, {"soort": "face_to_face"})
    assert gefilterd.context["pagina"].paginator.count == 15
    assert "Pagina 1 van 2" not in gefilterd.content.decode()
    assert tel_queries(lambda: client.get(adres)) == tel_queries(
        lambda: client.get(adres, {"pagina": 2})
    )
