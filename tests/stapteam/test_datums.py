"""Day boundaries at the very edges of the calendar (found by fuzzing the filters)."""

import datetime as dt

import pytest

from stapteam.datums import dagbegin, op_dagen
from stapteam.models import Toegangslog

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("datum", [dt.date.min, dt.date(1, 1, 2), dt.date.max])
def test_dagbegin_aan_de_rand_van_de_kalender_is_een_bruikbaar_tijdstip(datum):
    tijdstip = dagbegin(datum)
    assert tijdstip.tzinfo is not None
    tijdstip.astimezone(dt.UTC)  # what the database does with it; no OverflowError


@pytest.mark.parametrize(
    ("van", "tot"), [(dt.date.min, dt.date.max), (dt.date.min, None), (None, dt.date.max)]
)
def test_filter_van_0001_tot_9999_vindt_alles(van, tot):
    Toegangslog.objects.create(actie="inzien", omschrijving="Een regel")
    assert Toegangslog.objects.filter(**op_dagen(van, tot)).count() == 1
