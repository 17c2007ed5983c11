"""The demo seeds on any date: the clock frozen on the awkward days of the calendar.

``make demo`` once failed only in 31-day months, because the suite ran on whatever day it
was. Here the seeder runs on the first and last day of every month of a leap year and of
an ordinary year, on both daylight-saving change days and just around local midnight
(when the date in Amsterdam and in UTC differ). After each run the things that must hold
on every date are checked; the numbers of the demo's content are left to
``test_seed_demo.py``.
"""

import calendar
import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from budget.constants import BudgetSoort, UitgaveStatus
from budget.models import Budget, Uitgave
from budget.selectors import saldo
from clients.models import Client, Contact, Situatie, Toestemming
from plannen.models import Doel, Escalatie, Knelpunt, Plan, Resultaat, ZRMMeting
from stapteam.demo import DEMO_ACCOUNTS
from stapteam.models import User
from vergunningen.models import Vergunning

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = dt.UTC


def _maandgrenzen(jaar: int) -> list:
    """Noon in Amsterdam on the first and the last day of each month of ``jaar``."""
    momenten = []
    for maand in range(1, 13):
        laatste = calendar.monthrange(jaar, maand)[1]
        for dag in (1, laatste):
            moment = dt.datetime(jaar, maand, dag, 12, 0, tzinfo=AMSTERDAM)
            momenten.append(pytest.param(moment, id=f"{moment:%Y-%m-%d}"))
    return momenten


MOMENTEN = [
    *_maandgrenzen(2027),
    *_maandgrenzen(2028),  # a leap year: 29 February
    # Daylight saving starts: at 01:00 UTC the clocks jump from 02:00 to 03:00.
    pytest.param(dt.datetime(2027, 3, 28, 0, 59, tzinfo=UTC), id="zomertijd-01:59-CET"),
    pytest.param(dt.datetime(2027, 3, 28, 1, 30, tzinfo=UTC), id="zomertijd-03:30-CEST"),
    # Daylight saving ends: 02:30 happens twice.
    pytest.param(dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC), id="wintertijd-02:30-CEST"),
    pytest.param(dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC), id="wintertijd-02:30-CET"),
    # Just after midnight in Amsterdam is still the day before in UTC.
    pytest.param(dt.datetime(2027, 12, 1, 0, 5, tzinfo=AMSTERDAM), id="2027-12-01-00:05"),
    pytest.param(dt.datetime(2028, 1, 1, 0, 5, tzinfo=AMSTERDAM), id="2028-01-01-00:05"),
    pytest.param(dt.datetime(2028, 3, 1, 0, 5, tzinfo=AMSTERDAM), id="2028-03-01-00:05"),
    pytest.param(dt.datetime(2028, 7, 1, 0, 5, tzinfo=AMSTERDAM), id="2028-07-01-00:05"),
    # And just before midnight on a month's last day.
    pytest.param(dt.datetime(2027, 12, 31, 23, 55, tzinfo=AMSTERDAM), id="2027-12-31-23:55"),
    pytest.param(dt.datetime(2028, 2, 29, 23, 55, tzinfo=AMSTERDAM), id="2028-02-29-23:55"),
    pytest.param(dt.datetime(2027, 4, 30, 23, 55, tzinfo=AMSTERDAM), id="2027-04-30-23:55"),
]


def _in_de_toekomst(vandaag: dt.date) -> dict[str, list]:
    """Every dated record of the demo that lies after ``vandaag``, by kind."""
    return {
        "cliënt in beeld": list(Client.objects.filter(in_beeld_sinds__gt=vandaag)),
        "uitstroom": list(Client.objects.filter(uitstroom_datum__gt=vandaag)),
        "situatie": list(Situatie.objects.filter(datum__gt=vandaag)),
        "toestemming": list(
            Toestemming.objects.filter(
                Q(ondertekend_op__gt=vandaag) | Q(ingetrokken_op__gt=vandaag)
            )
        ),
        "plan": list(Plan.objects.filter(opgesteld_op__gt=vandaag)),
        "doel": list(Doel.objects.filter(gesteld_op__gt=vandaag)),
        "zrm": list(ZRMMeting.objects.filter(datum__gt=vandaag)),
        "resultaat": list(Resultaat.objects.filter(datum__gt=vandaag)),
        "knelpunt": list(Knelpunt.objects.filter(datum__gt=vandaag)),
        "escalatie": list(Escalatie.objects.filter(aangevraagd_op__gt=vandaag)),
        "vergunning": list(
            Vergunning.objects.filter(
                Q(aanvraag_op__gt=vandaag) | Q(besluit_op__gt=vandaag) | Q(bezwaar_op__gt=vandaag)
            )
        ),
        # A time-out may be planned ahead; every other spend happened already.
        "uitgave": list(Uitgave.objects.filter(timeout__isnull=True, datum__gt=vandaag)),
    }


@pytest.mark.parametrize("moment", MOMENTEN)
def test_demo_op_elke_datum(moment):
    with time_machine.travel(moment, tick=False):
        vandaag = timezone.localdate()
        assert vandaag == moment.astimezone(AMSTERDAM).date()

        call_command("seed_demo", stdout=StringIO())

        namen = set(User.objects.filter(is_active=True).values_list("username", flat=True))
        assert {account[0] for account in DEMO_ACCOUNTS} <= namen

        flex = Budget.objects.filter(soort=BudgetSoort.FLEXBUDGET)
        assert flex.filter(van__lte=vandaag, tot__gte=vandaag).exists(), list(
            flex.values_list("van", "tot")
        )
        for budget in Budget.objects.all():
            stand = saldo(budget)
            assert stand.resterend >= 0, budget
            assert stand.beschikbaar >= 0, budget

        assert Uitgave.objects.filter(
            Q(budget__in=flex) & (Q(datum=vandaag) | Q(status=UitgaveStatus.INGEDIEND))
        ).exists()

        nu = timezone.now()
        assert Contact.objects.filter(tijdstip__gt=nu - dt.timedelta(weeks=13)).exists()
        assert not Contact.objects.filter(tijdstip__gt=nu).exists()
        in_de_toekomst = {
            soort: rijen for soort, rijen in _in_de_toekomst(vandaag).items() if rijen
        }
        assert in_de_toekomst == {}


def test_demovergunningen_lopen_een_jaar_ook_over_29_februari():
    """A granted demo permit runs through the day before its first anniversary."""
    with time_machine.travel(dt.datetime(2028, 6, 15, 12, tzinfo=AMSTERDAM), tick=False):
        call_command("seed_demo", stdout=StringIO())
    looptijden = Vergunning.objects.filter(besluit="verleend", geldig_tot__isnull=False)
    over_schrikkeldag = 0
    for besluit_op, geldig_tot in looptijden.values_list("besluit_op", "geldig_tot"):
        verjaardag = geldig_tot + dt.timedelta(days=1)
        assert verjaardag.year == besluit_op.year + 1, (besluit_op, geldig_tot)
        assert (verjaardag.month, verjaardag.day) == (besluit_op.month, besluit_op.day) or (
            besluit_op.month,
            besluit_op.day,
            verjaardag.month,
            verjaardag.day,
        ) == (2, 29, 2, 28), (besluit_op, geldig_tot)
        over_schrikkeldag += (geldig_tot - besluit_op).days == 365  # a 366-day year
    assert over_schrikkeldag, "no permit spans a 29 February: the test proves nothing"
