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


# The first and last day whose midnight converts to UTC in every time zone: the database
# compares in UTC, and midnight of 1 January of the year 1 in Amsterdam is still in the
# year 0 there (an OverflowError, a server error on a filter of 0001-01-01).
EERSTE_DAG = dt.date(1, 1, 2)
LAATSTE_DAG = dt.date(9999, 12, 30)


def dagbegin(datum: dt.date) -> dt.datetime:
    """Midnight at the start of ``datum`` in the local time zone, as an aware datetime.

    "On or before day D" of a timestamp is ``tijdstip < dagbegin(D + 1 day)``: unlike
    ``tijdstip__date__lte=D``, that comparison can use an index on the timestamp. A day
    at the very edge of the calendar counts as ``EERSTE_DAG`` or ``LAATSTE_DAG``.
    """
    datum = min(max(datum, EERSTE_DAG), LAATSTE_DAG)
    return timezone.make_aware(dt.datetime.combine(datum, dt.time()))


def op_dagen(van: dt.date | None = None, tot: dt.date | None = None, *, veld: str = "tijdstip"):
    """Filter arguments for a timestamp ``veld`` on the days ``van`` up to and including
    ``tot`` (either may be None), as index-friendly comparisons."""
    voorwaarden = {}
    if van is not None:
        voorwaarden[f"{veld}__gte"] = dagbegin(van)
    if tot is not None:
        voorwaarden[f"{veld}__lt"] = dagbegin(min(tot, LAATSTE_DAG) + dt.timedelta(days=1))
    return voorwaarden
