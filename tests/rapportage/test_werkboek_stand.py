"""The workbook import writes most sheets in bulk (no signals): it rebuilds the imported
team's current state at the end, inside its transaction."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from clients.models import Client, ClientStand
from stapteam.models import Team

from .conftest import werkboek_bytes
from .test_werkboek_importeren import volledig_werkboek

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_na_de_import_klopt_de_huidige_stand(importeer):
    verslag = importeer(
        werkboek_bytes(volledig_werkboek()), "stapteam-oost", gemeente_naam="Oostdorp", door=None
    )
    assert verslag.geslaagd, verslag.regels()
    team = Team.objects.get(code="stapteam-oost")
    kim = ClientStand.objects.get(client__team=team, client__code="0001")
    tweede = ClientStand.objects.get(client__team=team, client__code="0002")

    # Kim: her realised contact of 3 November (the attempt after it does not count), the
    # plan's evaluation date, her ZRM and her permit until the end of 2026.
    assert kim.laatste_contact == dt.datetime(2025, 11, 3, 22, 15, tzinfo=AMSTERDAM)
    assert kim.laatste_open_contact == kim.laatste_contact
    assert (kim.plan_evaluatie, kim.laatste_zrm) == (dt.date(2026, 6, 1), dt.date(2021, 4, 1))
    assert (kim.vergunning_tot, kim.vergunning_zonder_einde) == (dt.date(2026, 12, 31), False)
    # The second client's only contact is confidential: the peer worker's column stays empty.
    assert tweede.laatste_contact == dt.datetime(2025, 10, 1, 10, tzinfo=AMSTERDAM)
    assert tweede.laatste_open_contact is None
    assert (
        ClientStand.objects.filter(client__team=team).count()
        == Client.objects.filter(team=team).count()
    )


def test_een_geweigerde_import_laat_geen_stand_achter(importeer):
    werkboek = volledig_werkboek()
    werkboek["contacten"][0][3] = "onbekende_soort"
    verslag = importeer(
        werkboek_bytes(werkboek), "stapteam-oost", gemeente_naam="Oostdorp", door=None
    )
    assert not verslag.geslaagd
    assert not ClientStand.objects.exists()
