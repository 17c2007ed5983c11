"""What keeps the evaluation report fast without changing a figure: the SQL of its large
queries built once per process (``rapportage.querysjablonen``), and the measurement the
benchmark makes of it (``rapportage.evaluatie_meting``)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from clients import services as client_services
from clients.constants import ContactSoort, Kenmerk
from clients.models import Client
from plannen import services as plannen_services
from rapportage import evaluatie
from rapportage.evaluatie_meting import meet_evaluatie, regels
from rapportage.querysjablonen import Aggregatie
from stapteam.constants import Rol
from tests.factories import UserFactory
from tests.rapportage.test_evaluatie import TestZRM, contacten, dagen_terug, nieuwe, situatie

pytestmark = pytest.mark.django_db

D = dt.date
PERIODES = [
    (D(2025, 1, 1), D(2025, 12, 31)),
    (D(2025, 10, 1), D(2025, 10, 1)),  # the first day of a period: van = tot
    (D(2024, 7, 1), D(2025, 9, 2)),  # the second ZRM of one client falls after it
]


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def cohort(team, ander_team, casemanager, ervaringsdeskundige):
    """Clients that differ in every figure of the two large queries, and one of another
    team that must count nowhere."""
    for nummer, (woont, intensiteit) in enumerate(
        [("dakloos", "licht"), ("zelfstandig", "geen"), ("dakloos", "intensief")]
    ):
        client = nieuwe(team, casemanager, f"Vrouw{nummer}", in_beeld=D(2024, 1, 1 + nummer))
        situatie(client, casemanager, Kenmerk.WOONSITUATIE, woont, D(2024, 8, 1))
        situatie(client, casemanager, Kenmerk.INTENSITEIT, intensiteit, D(2025, 9, 30 - nummer))
        contacten(client, casemanager, dagen_terug(D(2025, 12, 31), 4 * nummer))
        contacten(client, ervaringsdeskundige, dagen_terug(D(2025, 10, 1), 3 + nummer))
        TestZRM().meting(client, casemanager, D(2024, 9, 1), financien=1 + nummer, justitie=2)
        TestZRM().meting(client, casemanager, D(2025, 9, 1 + nummer), financien=4, justitie=None)
        plan = plannen_services.plan_opstellen(
            client=client, door=casemanager, opgesteld_op=D(2024, 8, 1), status="actief"
        )
        plannen_services.doel_toevoegen(
            client=client,
            plan=plan,
            door=casemanager,
            levensdomein=["wonen", "financien", "justitie"][nummer],
            omschrijving="Doel",
            gesteld_op=D(2025, 2, 1),
        )
    collega = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    vreemde = nieuwe(ander_team, collega, "Vreemd")
    contacten(vreemde, collega, dagen_terug(D(2025, 12, 31), 20))
    TestZRM().meting(vreemde, collega, D(2024, 9, 1), financien=1)
    TestZRM().meting(vreemde, collega, D(2025, 9, 1), financien=5)


def test_het_sjabloon_geeft_dezelfde_cijfers_als_de_orm(team, cohort):
    for aggregatie in (evaluatie._doelgroep_en_zorg_tellingen, evaluatie._zrm_tellingen):
        for van, tot in PERIODES:
            periode = evaluatie.Periode(team=team, van=van, tot=tot)
            uit_sjabloon = aggregatie(periode)
            assert uit_sjabloon == aggregatie.direct(periode), (van, tot)
            assert any(uit_sjabloon.values())  # the cohort shows in the figures


def test_bouwen_stuurt_niets_naar_de_database(team, cohort, django_assert_num_queries):
    nieuw = Aggregatie(evaluatie._zrm_query)  # nothing built yet in this process
    periode = evaluatie.Periode(team=team, van=D(2025, 1, 1), tot=D(2025, 12, 31))
    with django_assert_num_queries(1):
        cijfers = nieuw(periode)
    assert cijfers["clienten"] == 3 and cijfers["n_financien"] == 3


def test_een_onbekende_waarde_uit_de_periode_wordt_geweigerd(team):
    def met_de_dag_ervoor(periode):
        dag_ervoor = periode.tot - dt.timedelta(days=1)
        return Client.objects.filter(team=periode.team, in_beeld_sinds__lte=dag_ervoor), {
            "n": Count("pk")
        }

    periode = evaluatie.Periode(team=team, van=D(2025, 1, 1), tot=D(2025, 12, 31))
    with pytest.raises(RuntimeError, match="niet in waarden"):
        Aggregatie(met_de_dag_ervoor)(periode)


def test_contact_op_middernacht_aan_de_randen_van_het_venster(team, casemanager):
    # The window of peildatum 2025-10-26 (the night the clocks go back) starts 2025-07-28.
    def om(dag, uur, minuut=0):
        return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, minuut)))

    binnen = nieuwe(team, casemanager, "Binnen")
    buiten = nieuwe(team, casemanager, "Buiten")
    for tijdstip in [om(D(2025, 7, 28), 0), om(D(2025, 10, 26), 23, 59), om(D(2025, 8, 1), 12)]:
        contacten_op(binnen, casemanager, tijdstip)
    for tijdstip in [om(D(2025, 7, 27), 23, 59), om(D(2025, 10, 27), 0), om(D(2025, 10, 27), 0)]:
        contacten_op(buiten, casemanager, tijdstip)
    z = evaluatie.evaluatie(team, D(2025, 1, 1), D(2025, 10, 26))["zorgaanpak"]
    assert z["contactfrequentie"] == {
        "wekelijks": 0,
        "maandelijks": 1,  # Binnen: 3
        "minder_dan_maandelijks": 1,  # Buiten: 0
    }


def contacten_op(client, door, tijdstip):
    client_services.contact_registreren(
        client=client, door=door, soort=ContactSoort.FACE_TO_FACE, tijdstip=tijdstip
    )


def test_de_meting_van_het_rapport(team, cohort):
    meting = meet_evaluatie(team, D(2025, 1, 1), D(2025, 12, 31), herhalingen=2)
    assert [deel.naam for deel in meting.delen] == [
        "doelgroep en zorgaanpak",
        "vergunningen",
        "zrm",
        "resultaten",
        "budget",
    ]
    assert meting.geheel.queries == 7
    assert len(meting.geheel.functie) == len(meting.geheel.kaal) == 2
    assert meting.geheel.functie[0] == sum(deel.functie[0] for deel in meting.delen)
    assert len(meting.geheel.database) == (2 if connection.vendor == "postgresql" else 0)
    assert len(meting.cpu_python) == 2
    tabel = regels(meting)
    assert tabel[2].split()[:4] == ["het", "hele", "rapport", "7"]
    assert tabel[-1].startswith("CPU-tijd van het hele rapport")
