"""Report queries whose SQL the ORM builds once per process.

The two large queries of the evaluation report (the as-of figures and the ZRM comparison)
hold well over a hundred expressions each; building and compiling them costs the ORM more
time than the database needs to run them. Their shape depends only on the vocabularies in
the code, not on the team or the period. So each is built once, for a stand-in team and
period, and afterwards sent with the real team and dates in the stand-ins' places.

How the places are found: the query is built for two different stand-ins, A and B (a
negative team id, dates in the years 1000 and 1001, which no report holds). A parameter
that differs between the two is a value taken from the period; it must be the same one of
``waarden()`` in both, or building stops with an error (a later change that derives a new
value from the period then fails the tests instead of keeping a stand-in). Parameters
that are the same in both are the query's own constants.

Nothing is sent to the database while building: the SQL is taken from the cursor before
it is executed. The figures come back as Django's ``aggregate()`` would give them (the
aggregates are counts and sums of integers, which need no conversion), and a test holds
every figure of a rich cohort against ``aggregate()`` itself (``direct``).
"""

import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager, suppress

from django.db import connection
from django.db.models import QuerySet

from stapteam.datums import dagbegin
from stapteam.models import Team

# Builds the query for a period (``rapportage.evaluatie.Periode``): the queryset and the
# aggregates to compute over it.
Bouw = Callable[..., tuple[QuerySet, dict]]


def waarden(periode) -> dict[str, object]:
    """Every value a report query takes from the period, by name."""
    return {
        "team": periode.team.pk,
        "van": periode.van,
        "tot": periode.tot,
        "venster_begin": periode.venster_begin,
        "venster_vanaf": dagbegin(periode.venster_begin),
        "venster_tot": dagbegin(periode.tot + dt.timedelta(days=1)),
    }


class Aggregatie:
    """``Aggregatie(bouw)(periode)`` gives ``queryset.aggregate(**aggregaten)`` for the
    queryset and aggregates ``bouw(periode)`` returns, from SQL built once per process."""

    def __init__(self, bouw: Bouw):
        self.bouw = bouw
        self._sjablonen: dict[str, tuple[str, list, list[str]]] = {}

    def __call__(self, periode) -> dict:
        sql, plaatsen, namen = self._sjabloon(type(periode))
        echt = _aangepast(waarden(periode))
        parameters = [echt[p.naam] if isinstance(p, _Plaats) else p for p in plaatsen]
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            rij = cursor.fetchone()
        return dict(zip(namen, rij, strict=True))

    def direct(self, periode) -> dict:
        """The same figures through the ORM, built for this period (for the tests)."""
        queryset, aggregaten = self.bouw(periode)
        return queryset.aggregate(**aggregaten)

    def _sjabloon(self, periode_klasse) -> tuple[str, list, list[str]]:
        sleutel = connection.alias
        if sleutel not in self._sjablonen:
            a = periode_klasse(
                team=Team(pk=-1_000_001), van=dt.date(1000, 1, 1), tot=dt.date(1000, 12, 31)
            )
            b = periode_klasse(
                team=Team(pk=-1_000_002), van=dt.date(1001, 2, 1), tot=dt.date(1001, 6, 30)
            )
            sql_a, parameters_a, namen = self._opvangen(a)
            sql_b, parameters_b, _ = self._opvangen(b)
            if sql_a != sql_b or len(parameters_a) != len(parameters_b):
                raise RuntimeError("De query hangt in vorm af van de periode.")
            plaatsen = _plaatsen(parameters_a, parameters_b, a, b)
            self._sjablonen[sleutel] = (sql_a, plaatsen, namen)
        return self._sjablonen[sleutel]

    def _opvangen(self, periode) -> tuple[str, list, list[str]]:
        """The SQL and parameters ``aggregate()`` would send, without sending them."""
        queryset, aggregaten = self.bouw(periode)
        opgevangen = {}

        def opvangen(execute, sql, params, many, context):
            opgevangen.update(sql=sql, parameters=list(params))
            raise _Opgevangen

        with _zonder_querylog(), connection.execute_wrapper(opvangen), suppress(_Opgevangen):
            queryset.aggregate(**aggregaten)
        return opgevangen["sql"], opgevangen["parameters"], list(aggregaten)


class _Opgevangen(Exception):
    """Stops the query in the cursor once its SQL is taken."""


class _Plaats:
    def __init__(self, naam: str):
        self.naam = naam


def _plaatsen(parameters_a: list, parameters_b: list, a, b) -> list:
    """The parameters of A, with each value taken from the period replaced by its place."""
    naam_a = {waarde: naam for naam, waarde in _aangepast(waarden(a)).items()}
    naam_b = {waarde: naam for naam, waarde in _aangepast(waarden(b)).items()}
    plaatsen = []
    for waarde_a, waarde_b in zip(parameters_a, parameters_b, strict=True):
        if waarde_a == waarde_b:
            plaatsen.append(waarde_a)
            continue
        naam = naam_a.get(waarde_a)
        if naam is None or naam_b.get(waarde_b) != naam:
            raise RuntimeError(
                f"De query gebruikt een waarde uit de periode die niet in waarden() staat: "
                f"{waarde_a!r}."
            )
        plaatsen.append(_Plaats(naam))
    return plaatsen


def _aangepast(per_naam: dict[str, object]) -> dict[str, object]:
    """The values as the database backend passes them (SQLite, for one, passes dates as
    text), so they compare with the parameters of compiled SQL."""
    ops = connection.ops
    uit = {}
    for naam, waarde in per_naam.items():
        if isinstance(waarde, dt.datetime):
            uit[naam] = ops.adapt_datetimefield_value(waarde)
        elif isinstance(waarde, dt.date):
            uit[naam] = ops.adapt_datefield_value(waarde)
        else:
            uit[naam] = waarde
    return uit


@contextmanager
def _zonder_querylog():
    """While the SQL is taken, a query that is never sent is not logged as sent (the
    query counts of the tests and of the benchmark go through this log). With DEBUG on,
    Django logs every query it is handed, so there the unsent one appears once."""
    eerder = connection.force_debug_cursor
    connection.force_debug_cursor = False
    try:
        yield
    finally:
        connection.force_debug_cursor = eerder
