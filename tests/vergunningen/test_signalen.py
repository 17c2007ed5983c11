"""The §4 signal on its boundaries: a valid permit, and 3 months off the zone or without a
realised contact. ``vandaag`` is fixed; ``grens`` is 3 calendar months earlier."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from clients import services as client_services
from clients.models import Client
from clients.signalen import alleen_met_signaal, met_signalen, signalen_van
from tests.factories import ClientFactory
from vergunningen import services
from vergunningen.signalen import VergunningSignaal, maanden_terug

pytestmark = pytest.mark.django_db

D = dt.date
VANDAAG = D(2025, 6, 15)
GRENS = D(2025, 3, 15)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("datum", "verwacht"),
    [
        (D(2025, 6, 15), D(2025, 3, 15)),
        (D(2025, 5, 31), D(2025, 2, 28)),
        (D(2024, 5, 31), D(2024, 2, 29)),
        (D(2025, 1, 15), D(2024, 10, 15)),
    ],
)
def test_drie_kalendermaanden_terug(datum, verwacht):
    assert maanden_terug(datum, 3) == verwacht


@pytest.fixture
def houder(team, casemanager):
    client = ClientFactory(
        team=team,
        roepnaam="Kim",
        casemanager=casemanager,
        gegevens={"geboortedatum": D(1990, 1, 1), "in_beeld_sinds": D(2023, 1, 1)},
    )
    vergunning = services.aanvraag_registreren(
        client=client,
        aanvraag_op=D(2024, 6, 1),
        soort="nieuw",
        werkt_sinds_peildatum=True,
        zorg_sinds_peildatum=False,
        door=None,
    )
    services.besluit_vastleggen(
        vergunning=vergunning, besluit="verleend", besluit_op=D(2024, 7, 1), door=None
    )
    return client


def zone(client, datum, waarde):
    client_services.situatie_vastleggen(
        client=client, kenmerk="zone_activiteit", waarde=waarde, datum=datum, door=None
    )


def contact(client, datum, *, soort="face_to_face", vertrouwelijk=False):
    client_services.contact_registreren(
        client=client,
        door=client.casemanager,
        soort=soort,
        tijdstip=dt.datetime.combine(datum, dt.time(23, 30), tzinfo=AMSTERDAM),
        vertrouwelijk=vertrouwelijk,
    )


def codes(client, gebruiker) -> set[str]:
    rij = (
        VergunningSignaal()
        .annoteer(Client.objects.filter(pk=client.pk), vandaag=VANDAAG, gebruiker=gebruiker)
        .get()
    )
    return {s.code for s in VergunningSignaal().signalen(rij, vandaag=VANDAAG)}


@pytest.fixture
def recent_contact(houder):
    contact(houder, VANDAAG - dt.timedelta(days=3))
    return houder


class TestZone:
    def test_niet_sinds_de_grens_zelf(self, recent_contact, casemanager):
        zone(recent_contact, GRENS, "niet")
        assert codes(recent_contact, casemanager) == {"vergunning_zone"}

    def test_niet_sinds_een_dag_na_de_grens(self, recent_contact, casemanager):
        zone(recent_contact, GRENS + dt.timedelta(days=1), "niet")
        assert codes(recent_contact, casemanager) == set()

    def test_tussendoor_weer_op_de_zone(self, recent_contact, casemanager):
        zone(recent_contact, D(2024, 1, 1), "niet")
        zone(recent_contact, D(2025, 4, 1), "zelden")
        zone(recent_contact, D(2025, 5, 1), "niet")
        assert codes(recent_contact, casemanager) == set()

    def test_nogmaals_niet_vastgelegd_blijft_niet(self, recent_contact, casemanager):
        zone(recent_contact, D(2024, 1, 1), "niet")
        zone(recent_contact, D(2025, 5, 1), "niet")
        assert codes(recent_contact, casemanager) == {"vergunning_zone"}

    def test_regelmatig_geen_signaal(self, recent_contact, casemanager):
        zone(recent_contact, D(2024, 1, 1), "regelmatig")
        assert codes(recent_contact, casemanager) == set()


class TestContact:
    def test_laatste_contact_op_de_grens(self, houder, casemanager):
        contact(houder, GRENS)  # 23:30 local time: the date is the local date
        assert codes(houder, casemanager) == {"vergunning_contact"}

    def test_laatste_contact_een_dag_na_de_grens(self, houder, casemanager):
        contact(houder, GRENS + dt.timedelta(days=1))
        assert codes(houder, casemanager) == set()

    def test_pogingen_tellen_niet(self, houder, casemanager):
        contact(houder, GRENS)
        contact(houder, VANDAAG, soort="poging")
        contact(houder, VANDAAG, soort="netwerkoverleg")
        assert codes(houder, casemanager) == {"vergunning_contact"}

    def test_vertrouwelijk_contact_telt_voor_wie_het_ziet(self, houder, casemanager):
        contact(houder, VANDAAG, vertrouwelijk=True)
        assert codes(houder, casemanager) == set()

    def test_nooit_contact_en_lang_genoeg_in_beeld(self, houder, casemanager):
        assert codes(houder, casemanager) == {"vergunning_contact"}
        rij = met_signalen(
            Client.objects.filter(pk=houder.pk), vandaag=VANDAAG, gebruiker=casemanager
        ).get()
        assert "Vergunning geldig, maar nog nooit contact gehad" in [
            s.tekst for s in signalen_van(rij, vandaag=VANDAAG)
        ]

    def test_nooit_contact_maar_pas_kort_in_beeld(self, houder, casemanager):
        client_services.client_wijzigen(
            client=houder, door=None, in_beeld_sinds=GRENS + dt.timedelta(days=1)
        )
        assert codes(houder, casemanager) == set()


class TestAlleenBijGeldigeVergunning:
    def test_zonder_geldige_vergunning_geen_signaal(self, team, casemanager):
        client = ClientFactory(
            team=team, casemanager=casemanager, gegevens={"in_beeld_sinds": D(2020, 1, 1)}
        )
        zone(client, D(2022, 1, 1), "niet")
        assert codes(client, casemanager) == set()

    def test_verlopen_vergunning_geen_signaal(self, houder, casemanager):
        vergunning = houder.vergunningen.get()
        services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="verleend",
            besluit_op=D(2024, 7, 1),
            geldig_tot=VANDAAG - dt.timedelta(days=1),
            door=None,
        )
        assert codes(houder, casemanager) == set()


class TestWieZiet:
    def test_ervaringsdeskundige_krijgt_geen_vergunningsignaal(
        self, houder, ervaringsdeskundige, casemanager
    ):
        zone(houder, D(2024, 1, 1), "niet")
        assert codes(houder, casemanager) == {"vergunning_zone", "vergunning_contact"}
        assert codes(houder, ervaringsdeskundige) == set()

    def test_caseload_filtert_op_het_signaal(self, houder, casemanager, ervaringsdeskundige, team):
        # Another client with nothing to signal (valid consent, a recent contact).
        rustig = ClientFactory(team=team, roepnaam="Naomi", casemanager=casemanager)
        contact(rustig, VANDAAG)
        rustig.toestemmingen.create(ondertekend_op=D(2024, 1, 1), versie="1")
        houder.toestemmingen.create(ondertekend_op=D(2024, 1, 1), versie="1")
        contact(houder, GRENS)  # the 14-day signal fires too; the permit one is the test
        met_signaal = alleen_met_signaal(
            met_signalen(Client.objects.all(), vandaag=VANDAAG, gebruiker=casemanager),
            vandaag=VANDAAG,
        )
        assert list(met_signaal.values_list("roepnaam", flat=True)) == ["Kim"]
        rij = met_signalen(
            Client.objects.filter(pk=houder.pk), vandaag=VANDAAG, gebruiker=casemanager
        ).get()
        teksten = [s.tekst for s in signalen_van(rij, vandaag=VANDAAG)]
        assert "Vergunning geldig, maar geen contact sinds 15-03-2025" in teksten
        ed_rij = met_signalen(
            Client.objects.filter(pk=houder.pk), vandaag=VANDAAG, gebruiker=ervaringsdeskundige
        ).get()
        assert not any("Vergunning" in s.tekst for s in signalen_van(ed_rij, vandaag=VANDAAG))
