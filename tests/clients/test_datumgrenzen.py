"""The date rules of the client dossier at month ends, year ends and on 29 February.

Each rule that reads "today" runs with the clock frozen (time-machine) on the day in
question, at a time of day where the date in Amsterdam and in UTC differ where it matters.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from clients import services
from clients.anonimisering import grensdatum, te_anonimiseren
from clients.constants import Status, ToestemmingStatus
from clients.models import Client
from clients.models.toestemming import toestemming_status
from clients.selectors import met_toestemmingstatus
from clients.signalen import GeenContactSignaal, ToestemmingSignalen
from stapteam.models import Organisatie

pytestmark = pytest.mark.django_db

D = dt.date
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(datum: dt.date, uur: int, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(uur, minuut), tzinfo=AMSTERDAM)


# (today, 14 days earlier): a month end, a year end, 29 February and the day after it.
GEEN_CONTACT = [
    pytest.param(D(2027, 12, 31), D(2027, 12, 17), id="31-december"),
    pytest.param(D(2028, 1, 1), D(2027, 12, 18), id="1-januari"),
    pytest.param(D(2028, 2, 29), D(2028, 2, 15), id="29-februari"),
    pytest.param(D(2028, 3, 1), D(2028, 2, 16), id="1-maart-schrikkeljaar"),
    pytest.param(D(2027, 3, 1), D(2027, 2, 15), id="1-maart"),
    pytest.param(D(2027, 5, 1), D(2027, 4, 17), id="1-mei"),
]


class TestGeenContactSignaal:
    """No realised contact for 14 days: a contact on today − 14 (any time of that local
    day) gives the signal, one on today − 13 (even just after local midnight, which is
    still today − 14 in UTC) does not."""

    def signaal(self, client, gebruiker, vandaag):
        bron = GeenContactSignaal()
        geannoteerd = bron.annoteer(
            Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
        )
        teksten = [s.tekst for s in bron.signalen(geannoteerd.get(), vandaag=vandaag)]
        assert bool(teksten) == geannoteerd.filter(bron.actief(vandaag=vandaag)).exists()
        return teksten

    @pytest.fixture
    def kim(self, client_van_team):
        Client.objects.filter(pk=client_van_team.pk).update(in_beeld_sinds=D(2020, 1, 1))
        return client_van_team

    @pytest.mark.parametrize(("vandaag", "grens"), GEEN_CONTACT)
    def test_laat_op_de_grensdag_wel(self, kim, casemanager, vandaag, grens):
        with time_machine.travel(lokaal(vandaag, 12), tick=False):
            services.contact_registreren(
                client=kim, door=casemanager, soort="face_to_face", tijdstip=lokaal(grens, 23, 30)
            )
            assert self.signaal(kim, casemanager, vandaag) == ["Geen contact in 14 dagen"]

    @pytest.mark.parametrize(("vandaag", "grens"), GEEN_CONTACT)
    def test_net_na_middernacht_de_dag_erna_niet(self, kim, casemanager, vandaag, grens):
        with time_machine.travel(lokaal(vandaag, 0, 5), tick=False):
            services.contact_registreren(
                client=kim,
                door=casemanager,
                soort="face_to_face",
                tijdstip=lokaal(grens + dt.timedelta(days=1), 0, 30),
            )
            assert self.signaal(kim, casemanager, vandaag) == []

    @pytest.mark.parametrize(("vandaag", "grens"), GEEN_CONTACT)
    def test_nieuwe_client_op_de_grens(self, team, casemanager, vandaag, grens):
        with time_machine.travel(lokaal(vandaag, 12), tick=False):
            nieuw = services.client_aanmaken(
                team=team, door=casemanager, roepnaam="Nieuw", in_beeld_sinds=grens
            )
            later = services.client_aanmaken(
                team=team,
                door=casemanager,
                roepnaam="Later",
                in_beeld_sinds=grens + dt.timedelta(days=1),
            )
            assert self.signaal(nieuw, casemanager, vandaag) == ["Nog geen contact gehad"]
            assert self.signaal(later, casemanager, vandaag) == []


# (today, 30 days later): the consent warning window across month and year ends.
TOESTEMMING = [
    pytest.param(D(2027, 12, 31), D(2028, 1, 30), id="31-december"),
    pytest.param(D(2028, 1, 30), D(2028, 2, 29), id="30-januari-schrikkeljaar"),
    pytest.param(D(2027, 1, 30), D(2027, 3, 1), id="30-januari"),
    pytest.param(D(2028, 2, 29), D(2028, 3, 30), id="29-februari"),
    pytest.param(D(2027, 2, 28), D(2027, 3, 30), id="28-februari"),
    pytest.param(D(2027, 3, 31), D(2027, 4, 30), id="31-maart"),
]


class TestToestemmingstatus:
    @pytest.mark.parametrize(("vandaag", "over_30_dagen"), TOESTEMMING)
    def test_grenzen(self, client_van_team, casemanager, team, vandaag, over_30_dagen):
        dag = dt.timedelta(days=1)
        verwacht = {
            "Geldig": (over_30_dagen + dag, None, ToestemmingStatus.GELDIG),
            "Binnenkort": (over_30_dagen, None, ToestemmingStatus.VERLOOPT_BINNENKORT),
            "Laatste dag": (vandaag, None, ToestemmingStatus.VERLOOPT_BINNENKORT),
            "Verlopen": (vandaag - dag, None, ToestemmingStatus.VERLOPEN),
            "Ingetrokken": (None, vandaag, ToestemmingStatus.INGETROKKEN),
        }
        with time_machine.travel(lokaal(vandaag, 23, 55), tick=False):
            for naam, (geldig_tot, ingetrokken_op, status) in verwacht.items():
                assert (
                    toestemming_status(
                        geldig_tot=geldig_tot, ingetrokken_op=ingetrokken_op, op=vandaag
                    )
                    == status
                ), naam
                client = services.client_aanmaken(
                    team=team, door=casemanager, roepnaam=naam, in_beeld_sinds=D(2020, 1, 1)
                )
                toestemming = services.toestemming_vastleggen(
                    client=client,
                    ondertekend_op=D(2026, 1, 1),
                    versie="1",
                    geldig_tot=geldig_tot,
                    partijen=Organisatie.objects.filter(code="iriszorg"),
                    door=casemanager,
                )
                if ingetrokken_op:
                    toestemming = services.toestemming_wijzigen(
                        toestemming=toestemming, door=casemanager, ingetrokken_op=ingetrokken_op
                    )
                assert toestemming.status_op() == status, naam
            statussen = dict(
                met_toestemmingstatus(Client.objects.all(), op=vandaag).values_list(
                    "roepnaam", "toestemming_status"
                )
            )
        assert statussen == {
            client_van_team.roepnaam: ToestemmingStatus.ONTBREEKT,
            **{naam: status for naam, (_, _, status) in verwacht.items()},
        }
        bron = ToestemmingSignalen()
        gesignaleerd = set(
            bron.annoteer(Client.objects.all(), vandaag=vandaag, gebruiker=casemanager)
            .filter(bron.actief(vandaag=vandaag))
            .values_list("roepnaam", flat=True)
        )
        assert gesignaleerd == {
            client_van_team.roepnaam,
            "Binnenkort",
            "Laatste dag",
            "Verlopen",
            "Ingetrokken",
        }

    def test_intrekken_per_morgen_kan_niet_om_vijf_voor_middernacht(self, casemanager, team):
        vandaag = D(2027, 12, 31)
        with time_machine.travel(lokaal(vandaag, 23, 55), tick=False):
            client = services.client_aanmaken(team=team, door=casemanager, roepnaam="Kim")
            toestemming = services.toestemming_vastleggen(
                client=client,
                ondertekend_op=vandaag,
                versie="1",
                partijen=Organisatie.objects.filter(code="iriszorg"),
                door=casemanager,
            )
            with pytest.raises(ValidationError, match="in de toekomst"):
                services.toestemming_wijzigen(
                    toestemming=toestemming, door=casemanager, ingetrokken_op=D(2028, 1, 1)
                )


class TestCorrectietermijn:
    """The author may correct a contact for 7 days (7 × 24 hours) after logging it."""

    @pytest.mark.parametrize(
        "vastgelegd",
        [
            pytest.param(lokaal(D(2027, 12, 31), 23, 30), id="31-december-laat"),
            pytest.param(lokaal(D(2028, 2, 29), 0, 15), id="29-februari-vroeg"),
            pytest.param(lokaal(D(2027, 1, 31), 12), id="31-januari"),
        ],
    )
    def test_zeven_dagen_en_geen_minuut_langer(self, client_van_team, casemanager, vastgelegd):
        with time_machine.travel(vastgelegd, tick=False) as klok:
            contact = services.contact_registreren(
                client=client_van_team, door=casemanager, soort="face_to_face"
            )
            klok.move_to(vastgelegd + dt.timedelta(days=7))
            assert services.mag_contact_corrigeren(contact, casemanager)
            services.contact_corrigeren(contact=contact, door=casemanager, notitie="Op tijd")
            klok.move_to(vastgelegd + dt.timedelta(days=7, minutes=1))
            assert not services.mag_contact_corrigeren(contact, casemanager)
            with pytest.raises(ValidationError, match="binnen 7 dagen"):
                services.contact_corrigeren(contact=contact, door=casemanager, notitie="Te laat")


class TestAnonimiseringsgrens:
    """A closed dossier is anonymised once its outflow lies longer ago than the retention
    period: on the day after the anniversary of the outflow, not on it."""

    @pytest.mark.parametrize(
        ("vandaag", "jaren", "grens"),
        [
            (D(2027, 12, 31), 15, D(2012, 12, 31)),
            (D(2028, 1, 1), 15, D(2013, 1, 1)),
            (D(2028, 2, 28), 15, D(2013, 2, 28)),
            # 15 years after 28 February 2013 was 28 February 2028: on the 29th it is
            # longer ago, so 28 February 2013 falls before the boundary.
            (D(2028, 2, 29), 15, D(2013, 3, 1)),
            (D(2028, 2, 29), 16, D(2012, 2, 29)),  # a leap year again
            (D(2028, 3, 1), 15, D(2013, 3, 1)),
            (D(2027, 2, 28), 15, D(2012, 2, 28)),
            (D(2027, 3, 1), 15, D(2012, 3, 1)),
        ],
    )
    def test_grensdatum(self, vandaag, jaren, grens):
        assert grensdatum(vandaag, jaren) == grens

    @pytest.mark.parametrize(
        ("vandaag", "wel", "niet"),
        [
            (D(2028, 2, 29), D(2013, 2, 28), D(2013, 3, 1)),
            (D(2028, 2, 28), D(2013, 2, 27), D(2013, 2, 28)),
            (D(2028, 3, 1), D(2013, 2, 28), D(2013, 3, 1)),
            (D(2028, 1, 1), D(2012, 12, 31), D(2013, 1, 1)),
            (D(2027, 3, 1), D(2012, 2, 29), D(2012, 3, 1)),
            (D(2027, 2, 28), D(2012, 2, 27), D(2012, 2, 28)),
        ],
    )
    def test_welke_dossiers(self, team, casemanager, vandaag, wel, niet):
        with time_machine.travel(lokaal(vandaag, 3), tick=False):
            for naam, uitstroom in (("Wel", wel), ("Niet", niet)):
                client = services.client_aanmaken(
                    team=team, door=casemanager, roepnaam=naam, in_beeld_sinds=D(2005, 1, 1)
                )
                services.client_wijzigen(
                    client=client,
                    door=casemanager,
                    status=Status.UITGESTROOMD,
                    uitstroom_datum=uitstroom,
                    uitstroom_reden="verhuisd",
                )
            namen = list(
                te_anonimiseren(vandaag=vandaag, jaren=15).values_list("roepnaam", flat=True)
            )
        assert namen == ["Wel"]
