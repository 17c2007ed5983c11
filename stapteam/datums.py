"""Date arithmetic the standard library lacks."""

import calendar
import datetime as dt

from django.utils import timezone


def maanden_terug(datum: dt.date, maanden: int) -> dt.date:
    """The same day ``maanden`` calendar months earlier; a day that month lacks becomes
    its last day (31 August minus 6 months is 28 or 29 February)."""
    index = datum.year * 12 + (datum.month - 1) - maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def begin_van_dag(datum: dt.date) -> dt.datetime:
    """Midnight at the start of ``datum`` in the current time zone: a time on or after
    it has a local date of ``datum`` or later."""
    return timezone.make_aware(dt.datetime.combine(datum, dt.time()))
