"""The dashboard's figures "at month end": a change on a month's last day counts for that
month, a change on the first day of the next does not; 28 and 29 February; 31 December;
a month without any change carries the value over; outflow on the last day means out of
view that month; a permit valid up to and including the last day counts."""

import datetime as dt

import pytest
import time_machine

from clients import services as client_services
from clients.constants import Kenmerk, Status
from rapportage.dashboard import GEEN_WAARDE, maanden, personen, verdelingen
from tests.factories import ClientFactory
from vergunningen import services as vergunning_services

pytestmark = pytest.mark.django_db

WONEN, INTENSITEIT = Kenmerk.WOONSITUATIE, Kenmerk.INTENSITEIT


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def client(team, naam, sinds, *situaties):
    nieuw = ClientFactory(team=team, roepnaam=naam, gegevens={"in_beeld_sinds": sinds})
    for kenmerk, waarde, datum in situaties:
        client_services.situatie_vastleggen(
            client=nieuw, kenmerk=kenmerk, waarde=waarde, datum=datum, door=None
        )
    return nieuw


def vergunning(houder, besluit_op, geldig_tot=None):
    aanvraag = vergunning_services.aanvraag_registreren(
        client=houder,
        aanvraag_op=besluit_op - dt.timedelta(days=10),
        soort="nieuw",
        werkt_sinds_peildatum=True,
        zorg_sinds_peildatum=True,
        door=None,
    )
    vergunning_services.besluit_vastleggen(
        vergunning=aanvraag,
        besluit="verleend",
        besluit_op=besluit_op,
        geldig_tot=geldig_tot,
        afwijking_reden="Proef",
        door=None,
    )


@pytest.fixture
def cohort(team):
    nov = dt.date(2023, 11, 1)
    client(team, "A", nov, (WONEN, "zelfstandig", nov), (WONEN, "dakloos", dt.date(2023, 12, 31)))
    b = client(team, "B", nov, (WONEN, "dakloos", nov), (WONEN, "zelfstandig", dt.date(2024, 1, 1)))
    client(
        team,
        "C",
        nov,
        (WONEN, "zelfstandig", dt.date(2024, 2, 29)),
        (INTENSITEIT, "licht", dt.date(2024, 3, 1)),
    )
    client(
        team, "D", nov, (WONEN, "mfc_nachtopvang", nov), (WONEN, "dakloos", dt.date(2024, 2, 28))
    )
    f = client(team, "F", nov, (WONEN, "zelfstandig", nov))
    client_services.client_wijzigen(
        client=f,
        door=None,
        status=Status.UITGESTROOMD,
        uitstroom_datum=dt.date(2024, 1, 31),
        uitstroom_reden="verhuisd",
    )
    g = client(team, "G", dt.date(2024, 2, 29))
    # In view all along; their values change in February and March of a non-leap year.
    client(team, "H", dt.date(2023, 1, 1), (WONEN, "zelfstandig", dt.date(2023, 2, 28)))
    client(team, "I", dt.date(2023, 1, 1), (WONEN, "dakloos", dt.date(2023, 3, 1)))
    vergunning(b, dt.date(2023, 12, 1), geldig_tot=dt.date(2024, 1, 31))
    vergunning(f, dt.date(2023, 11, 15))
    vergunning(g, dt.date(2024, 2, 29))


def per_maand(cijfers, team, sleutel, reeks):
    return [cijfers.get(team.pk, {}).get(sleutel.format(m.sleutel), 0) for m in reeks]


def test_woonsituatie_aan_het_eind_van_elke_maand(team, cohort):
    reeks = maanden(dt.date(2023, 12, 1), dt.date(2024, 3, 31))
    uitkomst = verdelingen([team], reeks)
    # Dec: A changed on the 31st; Jan: no change for A, B changed on the 1st, F left on
    # the 31st; Feb (29 days): C set on the 29th, D changed on the 28th, G came in on the
    # 29th without a value; Mar: nothing changed.
    assert per_maand(uitkomst, team, "woonsituatie_zelfstandig_{}", reeks) == [2, 2, 3, 3]
    assert per_maand(uitkomst, team, "woonsituatie_dakloos_{}", reeks) == [3, 2, 3, 3]
    assert per_maand(uitkomst, team, "woonsituatie_mfc_nachtopvang_{}", reeks) == [1, 1, 0, 0]
    assert per_maand(uitkomst, team, f"woonsituatie_{GEEN_WAARDE}_{{}}", reeks) == [1, 1, 1, 1]
    # Intensity set on 1 March: nobody has one at the end of February.
    assert per_maand(uitkomst, team, f"intensiteit_{GEEN_WAARDE}_{{}}", reeks) == [7, 6, 7, 6]
    assert per_maand(uitkomst, team, "intensiteit_licht_{}", reeks) == [0, 0, 0, 1]


def test_februari_van_een_gewoon_jaar(team, cohort):
    reeks = maanden(dt.date(2023, 2, 1), dt.date(2023, 3, 31))
    uitkomst = verdelingen([team], reeks)
    # H set on 28 February (the month's last day), I on 1 March.
    assert per_maand(uitkomst, team, "woonsituatie_zelfstandig_{}", reeks) == [1, 1]
    assert per_maand(uitkomst, team, "woonsituatie_dakloos_{}", reeks) == [0, 1]
    assert per_maand(uitkomst, team, f"woonsituatie_{GEEN_WAARDE}_{{}}", reeks) == [1, 0]


def test_in_beeld_stromen_en_vergunningen_aan_het_eind_van_elke_maand(team, cohort):
    reeks = maanden(dt.date(2023, 12, 1), dt.date(2024, 3, 31))
    uitkomst = personen([team], reeks)
    assert per_maand(uitkomst, team, "in_beeld_{}", reeks) == [7, 6, 7, 7]
    assert per_maand(uitkomst, team, "instroom_{}", reeks) == [0, 0, 1, 0]
    assert per_maand(uitkomst, team, "uitstroom_verhuisd_{}", reeks) == [0, 1, 0, 0]
    # B's permit ends on 31 January (counts in January); F's counts only while she is in
    # view; G's is granted on 29 February, the day she comes in view.
    assert per_maand(uitkomst, team, "met_vergunning_{}", reeks) == [2, 1, 1, 1]


def test_een_team_zonder_clienten_heeft_geen_cijfers(team, ander_team, cohort):
    reeks = maanden(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert ander_team.pk not in personen([team, ander_team], reeks)
    assert ander_team.pk not in verdelingen([team, ander_team], reeks)
