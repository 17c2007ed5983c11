"""The support date rules at month ends, year ends and on 29 February, the clock frozen.

Plan evaluation due (today counts), ZRM older than ``ZRM_SIGNAAL_MAANDEN`` calendar
months, and "not in the future" measured by the local date, also just after midnight
when UTC still has the day before.
"""

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from clients import services as client_services
from clients.models import Client
from plannen import services
from plannen.constants import PlanStatus
from plannen.models import ZRMMeting
from plannen.signalen import PlanEvaluatieSignaal, ZRMSignaal
from stapteam.datums import maanden_terug

D = dt.date
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAG = dt.timedelta(days=1)


def lokaal(datum: dt.date, uur: int, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(uur, minuut), tzinfo=AMSTERDAM)


def teksten(bron, client, gebruiker, vandaag):
    geannoteerd = bron.annoteer(
        Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
    )
    gevonden = [s.tekst for s in bron.signalen(geannoteerd.get(), vandaag=vandaag)]
    assert bool(gevonden) == geannoteerd.filter(bron.actief(vandaag=vandaag)).exists()
    return gevonden


GRENSDAGEN = [
    pytest.param(D(2027, 12, 31), id="31-december"),
    pytest.param(D(2028, 1, 1), id="1-januari"),
    pytest.param(D(2028, 2, 29), id="29-februari"),
    pytest.param(D(2028, 3, 1), id="1-maart"),
    pytest.param(D(2027, 4, 30), id="30-april"),
]


@pytest.mark.django_db
class TestPlanEvaluatie:
    @pytest.mark.parametrize("vandaag", GRENSDAGEN)
    @pytest.mark.parametrize("uur", [0, 23])
    def test_vandaag_wel_morgen_niet(self, team, casemanager, vandaag, uur):
        with time_machine.travel(lokaal(vandaag, uur, 5 if uur == 0 else 55), tick=False):
            for naam, evaluatie_op in (("Vandaag", vandaag), ("Morgen", vandaag + DAG)):
                client = client_services.client_aanmaken(
                    team=team, door=casemanager, roepnaam=naam, in_beeld_sinds=D(2024, 1, 1)
                )
                services.plan_opstellen(
                    client=client,
                    door=casemanager,
                    opgesteld_op=vandaag,
                    status=PlanStatus.ACTIEF,
                    evaluatie_op=evaluatie_op,
                )
                verwacht = ["Plan evalueren"] if naam == "Vandaag" else []
                assert teksten(PlanEvaluatieSignaal(), client, casemanager, vandaag) == verwacht


# (today, six calendar months earlier)
ZRM_GRENZEN = [
    pytest.param(D(2028, 8, 31), D(2028, 2, 29), id="31-augustus-schrikkeljaar"),
    pytest.param(D(2027, 8, 31), D(2027, 2, 28), id="31-augustus"),
    pytest.param(D(2027, 12, 31), D(2027, 6, 30), id="31-december"),
    pytest.param(D(2028, 1, 1), D(2027, 7, 1), id="1-januari"),
    pytest.param(D(2028, 2, 29), D(2027, 8, 29), id="29-februari"),
    pytest.param(D(2028, 3, 31), D(2027, 9, 30), id="31-maart"),
    pytest.param(D(2027, 6, 30), D(2026, 12, 30), id="30-juni"),
]


@pytest.mark.django_db
class TestZRMTeOud:
    @pytest.fixture
    def maak(self, team, casemanager):
        def client_met(naam, *, in_beeld_sinds, meting=None):
            client = client_services.client_aanmaken(
                team=team, door=casemanager, roepnaam=naam, in_beeld_sinds=in_beeld_sinds
            )
            if meting:
                services.zrm_vastleggen(
                    client=client, datum=meting, door=casemanager, scores={"huisvesting": 2}
                )
            return client

        return client_met

    @pytest.mark.parametrize(("vandaag", "grens"), ZRM_GRENZEN)
    def test_grens(self, maak, casemanager, vandaag, grens):
        assert ZRMSignaal.grens(vandaag) == grens
        with time_machine.travel(lokaal(vandaag, 12), tick=False):
            verwacht = {
                maak("Op de grens", in_beeld_sinds=D(2020, 1, 1), meting=grens): [],
                maak("Dag ervoor", in_beeld_sinds=D(2020, 1, 1), meting=grens - DAG): [
                    "ZRM ouder dan 6 maanden"
                ],
                maak("Nieuw op de grens", in_beeld_sinds=grens): [],
                maak("Nieuw dag ervoor", in_beeld_sinds=grens - DAG): ["Nog geen ZRM afgenomen"],
            }
            for client, signalen in verwacht.items():
                assert teksten(ZRMSignaal(), client, casemanager, vandaag) == signalen, client


@pytest.mark.django_db
class TestNietInDeToekomst:
    """A measurement dated today is accepted just after local midnight (UTC still has
    yesterday) and refused for tomorrow just before it."""

    @pytest.mark.parametrize(
        "vandaag", [D(2028, 1, 1), D(2028, 2, 29), D(2028, 3, 1), D(2027, 11, 1)]
    )
    def test_zrm_vandaag_wel_morgen_niet(self, client_van_team, casemanager, vandaag):
        with time_machine.travel(lokaal(vandaag, 0, 5), tick=False):
            services.zrm_vastleggen(
                client=client_van_team, datum=vandaag, door=casemanager, scores={"huisvesting": 2}
            )
        with (
            time_machine.travel(lokaal(vandaag, 23, 55), tick=False),
            pytest.raises(ValidationError, match="toekomst"),
        ):
            services.zrm_vastleggen(
                client=client_van_team,
                datum=vandaag + DAG,
                door=casemanager,
                scores={"huisvesting": 2},
            )
        assert list(ZRMMeting.objects.values_list("datum", flat=True)) == [vandaag]


@given(
    datum=st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)),
    maanden=st.integers(min_value=0, max_value=240),
)
def test_maanden_terug_blijft_in_de_juiste_maand(datum, maanden):
    terug = maanden_terug(datum, maanden)
    assert (terug.year * 12 + terug.month) == (datum.year * 12 + datum.month) - maanden
    laatste = calendar.monthrange(terug.year, terug.month)[1]
    assert terug.day == min(datum.day, laatste)
