"""Permit date rules at month ends, year ends and on 29 February.

A permit is valid on its decision date and on its last day ("geldig tot en met"), not a
day later; the §4 signal looks back 3 calendar months; the age criterion counts a
birthday on 29 February as 1 March in other years.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from clients import services as client_services
from clients.models import Client
from tests.factories import ClientFactory
from vergunningen import services
from vergunningen.models import leeftijd_op
from vergunningen.selectors import houders
from vergunningen.signalen import VergunningSignaal, signaalgrens

pytestmark = pytest.mark.django_db

D = dt.date
DAG = dt.timedelta(days=1)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(datum: dt.date, uur: int, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(uur, minuut), tzinfo=AMSTERDAM)


def vergunning_voor(client, *, besluit_op: dt.date, geldig_tot: dt.date | None):
    vergunning = services.aanvraag_registreren(
        client=client,
        aanvraag_op=besluit_op - dt.timedelta(days=10),
        soort="nieuw",
        werkt_sinds_peildatum=True,
        zorg_sinds_peildatum=False,
        door=None,
    )
    return services.besluit_vastleggen(
        vergunning=vergunning,
        besluit="verleend",
        besluit_op=besluit_op,
        geldig_tot=geldig_tot,
        door=None,
    )


@pytest.fixture
def kim(team, casemanager):
    return ClientFactory(
        team=team,
        roepnaam="Kim",
        casemanager=casemanager,
        gegevens={"geboortedatum": D(1990, 1, 1), "in_beeld_sinds": D(2020, 1, 1)},
    )


@pytest.mark.parametrize(
    ("besluit_op", "geldig_tot"),
    [
        pytest.param(D(2027, 1, 1), D(2027, 12, 31), id="tot-31-december"),
        pytest.param(D(2027, 3, 1), D(2028, 2, 29), id="tot-29-februari"),
        pytest.param(D(2026, 3, 1), D(2027, 2, 28), id="tot-28-februari"),
        pytest.param(D(2026, 2, 1), D(2027, 1, 31), id="tot-31-januari"),
    ],
)
def test_geldig_van_besluit_tot_en_met_de_laatste_dag(kim, besluit_op, geldig_tot):
    with time_machine.travel(lokaal(geldig_tot + dt.timedelta(days=400), 12), tick=False):
        vergunning = vergunning_voor(kim, besluit_op=besluit_op, geldig_tot=geldig_tot)
    clienten = Client.objects.filter(pk=kim.pk)
    for op, geldig in [
        (besluit_op - DAG, False),
        (besluit_op, True),
        (geldig_tot, True),
        (geldig_tot + DAG, False),
    ]:
        assert vergunning.is_geldig_op(op) is geldig, op
        assert houders(clienten, op=op).exists() is geldig, op


# (today, 3 calendar months earlier)
SIGNAALGRENZEN = [
    pytest.param(D(2028, 5, 31), D(2028, 2, 29), id="31-mei-schrikkeljaar"),
    pytest.param(D(2027, 5, 31), D(2027, 2, 28), id="31-mei"),
    pytest.param(D(2027, 12, 31), D(2027, 9, 30), id="31-december"),
    pytest.param(D(2028, 1, 1), D(2027, 10, 1), id="1-januari"),
    pytest.param(D(2028, 2, 29), D(2027, 11, 29), id="29-februari"),
]


class TestSignaalOpMaandgrenzen:
    def codes(self, client, gebruiker, vandaag):
        bron = VergunningSignaal()
        geannoteerd = bron.annoteer(
            Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
        )
        gevonden = {s.code for s in bron.signalen(geannoteerd.get(), vandaag=vandaag)}
        assert bool(gevonden) == geannoteerd.filter(bron.actief(vandaag=vandaag)).exists()
        return gevonden

    @pytest.fixture
    def houder(self, kim):
        vergunning_voor(kim, besluit_op=D(2026, 1, 1), geldig_tot=None)
        return kim

    @pytest.mark.parametrize(("vandaag", "grens"), SIGNAALGRENZEN)
    def test_laatste_contact_op_de_grens_en_de_dag_erna(self, houder, casemanager, vandaag, grens):
        assert signaalgrens(vandaag) == grens
        with time_machine.travel(lokaal(vandaag, 0, 5), tick=False):
            client_services.contact_registreren(
                client=houder, door=casemanager, soort="telefonisch", tijdstip=lokaal(grens, 23, 30)
            )
            assert self.codes(houder, casemanager, vandaag) == {"vergunning_contact"}
            # Just after midnight the next day: still ``grens`` in UTC, not in Amsterdam.
            client_services.contact_registreren(
                client=houder,
                door=casemanager,
                soort="telefonisch",
                tijdstip=lokaal(grens + DAG, 0, 30),
            )
            assert self.codes(houder, casemanager, vandaag) == set()

    @pytest.mark.parametrize(("vandaag", "grens"), SIGNAALGRENZEN)
    def test_niet_op_de_zone_sinds_de_grens(self, houder, casemanager, vandaag, grens):
        with time_machine.travel(lokaal(vandaag, 12), tick=False):
            client_services.contact_registreren(
                client=houder, door=casemanager, soort="face_to_face", tijdstip=lokaal(vandaag, 9)
            )
            client_services.situatie_vastleggen(
                client=houder,
                kenmerk="zone_activiteit",
                waarde="niet",
                datum=grens + DAG,
                door=None,
            )
            assert self.codes(houder, casemanager, vandaag) == set()
            client_services.situatie_vastleggen(
                client=houder, kenmerk="zone_activiteit", waarde="niet", datum=grens, door=None
            )
            assert self.codes(houder, casemanager, vandaag) == {"vergunning_zone"}


@pytest.mark.parametrize(
    ("geboortedatum", "op", "leeftijd"),
    [
        (D(2008, 2, 29), D(2026, 2, 28), 17),
        (D(2008, 2, 29), D(2026, 3, 1), 18),  # no 29 February in 2026
        (D(2010, 2, 28), D(2028, 2, 28), 18),
        (D(2010, 2, 28), D(2028, 2, 27), 17),
        (D(2012, 2, 29), D(2030, 2, 28), 17),
        (D(2010, 3, 1), D(2028, 2, 29), 17),
        (D(2010, 1, 1), D(2027, 12, 31), 17),
        (D(2010, 1, 1), D(2028, 1, 1), 18),
        (D(2010, 12, 31), D(2028, 12, 30), 17),
        (D(2010, 12, 31), D(2028, 12, 31), 18),
    ],
)
def test_leeftijd_op_de_aanvraagdatum(geboortedatum, op, leeftijd):
    assert leeftijd_op(geboortedatum, op) == leeftijd
