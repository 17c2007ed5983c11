"""The caseload's page in one query (``signalen.pagina_op_urgentie``): every page of every
filter in the order of the signals, the counts of the whole list, and a page outside the
list chosen as Django's Paginator chooses it. The reference is computed in Python from
each client's own signals (``signalen_van``), not from the flags in the database."""

import datetime as dt

import pytest
import time_machine
from django.core.paginator import Paginator
from django.utils import timezone

from clients import services, signalen
from clients.constants import Status
from clients.models import Client
from tests.clients.test_signaalvolgorde import NU, geldige_toestemming, gezien
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

PER_PAGINA = 4
# Names repeat, so the order within a name (by client number) counts too.
NAMEN = ["Anna", "Bea", "Carla", "Anna", "Dana", "Eva", "Bea", "Fleur", "Gina", "Anna", "Hanna"]


@pytest.fixture
def lijst(team, casemanager):
    """Eleven clients: consent valid or missing, last seen 2 to 40 days ago or never,
    two of them paused; on the last evening of a year."""
    with time_machine.travel(NU, tick=False):
        vandaag = timezone.localdate()
        for nummer, naam in enumerate(NAMEN):
            client = ClientFactory(
                team=team,
                roepnaam=naam,
                casemanager=casemanager,
                gegevens={"in_beeld_sinds": vandaag - dt.timedelta(days=60)},
            )
            if nummer % 3:
                geldige_toestemming(client, casemanager, vandaag)
            if nummer % 4:
                gezien(client, casemanager, vandaag - dt.timedelta(days=2 + 9 * (nummer % 5)))
            if nummer in (5, 8):
                services.client_wijzigen(client=client, door=casemanager, status=Status.GEPAUZEERD)
        geannoteerd = signalen.met_signalen(
            Client.objects.filter(team=team), vandaag=vandaag, gebruiker=casemanager
        )
        yield vandaag, geannoteerd


def verwacht(geannoteerd, vandaag, *, soort: str, op_naam: bool) -> list[Client]:
    """The list as the caseload should show it, from each client's own signals."""
    urgentie = {s.code: s.urgentie for s in signalen.soorten(vandaag=vandaag)}
    codes = {c.pk: {s.code for s in signalen.signalen_van(c, vandaag=vandaag)} for c in geannoteerd}
    assert set().union(*codes.values()) <= set(urgentie)

    def in_lijst(client):
        return soort == "" or (soort == "on" and codes[client.pk]) or soort in codes[client.pk]

    def volgorde(client):
        naam = (client.roepnaam, client.code)
        return naam if op_naam else (-sum(urgentie[c] for c in codes[client.pk]), *naam)

    return sorted(filter(in_lijst, geannoteerd), key=volgorde)


def alle_soorten(vandaag) -> list[str]:
    return ["", "on", *(s.code for s in signalen.soorten(vandaag=vandaag)), "onbekend"]


def test_elke_pagina_van_elke_lijst_in_de_volgorde_van_de_signalen(lijst):
    vandaag, geannoteerd = lijst
    geteld = set()
    for soort in alle_soorten(vandaag):
        for op_naam in (False, True):
            lijst_ = verwacht(geannoteerd, vandaag, soort=soort, op_naam=op_naam)
            getoond, nummer, laatste = [], 1, False
            while not laatste:
                pagina, tellingen = signalen.pagina_op_urgentie(
                    geannoteerd,
                    vandaag=vandaag,
                    nummer=nummer,
                    per_pagina=PER_PAGINA,
                    soort=soort,
                    op_naam=op_naam,
                )
                assert pagina.number == nummer
                assert pagina.paginator.count == len(lijst_)
                getoond += [client.code for client in pagina.object_list]
                laatste, nummer = not pagina.has_next(), nummer + 1
            assert getoond == [client.code for client in lijst_], (soort, op_naam)
            geteld.add(len(lijst_))
            # The counts are always those of the whole list, before the signal filter.
            assert tellingen == signalen.tellingen(geannoteerd, vandaag=vandaag)
            assert tellingen.clienten == len(NAMEN)
    assert 0 in geteld and len(geteld) > 3  # lists of several lengths, one of them empty


def test_een_pagina_zoals_paginator_die_kiest(lijst):
    """Not a whole number: the first page; before the first or past the last: the last;
    for lists of every length, so also past the end of a list of one page."""
    vandaag, geannoteerd = lijst
    for soort in alle_soorten(vandaag):
        lijst_ = verwacht(geannoteerd, vandaag, soort=soort, op_naam=False)
        for nummer in [2, 3, 4, 99, 0, -1, "x", None, "", 10**30]:
            zo = Paginator(lijst_, PER_PAGINA).get_page(nummer)
            pagina, tellingen = signalen.pagina_op_urgentie(
                geannoteerd, vandaag=vandaag, nummer=nummer, per_pagina=PER_PAGINA, soort=soort
            )
            assert pagina.number == zo.number, (soort, nummer)
            assert [c.code for c in pagina.object_list] == [c.code for c in zo.object_list]
            assert tellingen.clienten == len(NAMEN)


def test_niemand_om_te_tonen(lijst):
    vandaag, geannoteerd = lijst
    pagina, tellingen = signalen.pagina_op_urgentie(
        geannoteerd.none(), vandaag=vandaag, nummer=3, per_pagina=PER_PAGINA
    )
    assert (pagina.number, list(pagina.object_list), pagina.paginator.count) == (1, [], 0)
    assert tellingen == signalen.GEEN_TELLINGEN


def test_twee_queries_voor_een_pagina(lijst, django_assert_num_queries):
    vandaag, geannoteerd = lijst
    with django_assert_num_queries(2):
        pagina, _ = signalen.pagina_op_urgentie(
            geannoteerd, vandaag=vandaag, nummer=2, per_pagina=PER_PAGINA, soort="on"
        )
        assert pagina.object_list
