"""How fast the evaluation report is, measured three ways per part of the report.

- the part's function (``rapportage.evaluatie``), wall time: what a coordinator waits for;
- the same SQL replayed bare on a cursor, wall time: the difference is what the ORM and
  Python add;
- PostgreSQL's own planning and execution time of that SQL (``EXPLAIN (ANALYZE)``);
- for the whole report, the CPU time it took: of this Python process, and of the
  PostgreSQL process serving the connection when the database runs on this machine (read
  from /proc, in steps of 10 ms). On a shared, loaded machine wall times, and even
  PostgreSQL's own timings, also count waiting for a core; CPU time does not.

Used by ``manage.py benchmark`` for its team, and usable for any team and period (a
national-scale run measures the report of one of its teams the same way). Not used in
production: it runs the report many times.
"""

import datetime as dt
import json
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from rapportage import evaluatie as rapport
from stapteam.models import Team

# The parts of the report, each its own queries, in the order the report runs them.
DELEN = {
    "doelgroep en zorgaanpak": rapport.doelgroep_en_zorg,
    "vergunningen": rapport.vergunningen,
    "zrm": rapport.zrm,
    "resultaten": rapport.resultaten,
    "budget": rapport.budget,
}


@dataclass
class Deelmeting:
    naam: str
    queries: int
    functie: list[float] = field(default_factory=list)  # ms, wall
    kaal: list[float] = field(default_factory=list)  # ms, wall
    database: list[float] = field(default_factory=list)  # ms, planning + execution

    @staticmethod
    def mediaan(tijden: list[float]) -> float | None:
        return statistics.median(tijden) if tijden else None


@dataclass
class Meting:
    """All times in milliseconds, one entry per repetition. The whole report is the sum of
    its parts (``rapportage.evaluatie.evaluatie`` only puts their results together)."""

    team: str
    van: dt.date
    tot: dt.date
    delen: list[Deelmeting]
    cpu_python: list[float] = field(default_factory=list)
    cpu_postgresql: list[float] = field(default_factory=list)  # empty if not readable

    @property
    def geheel(self) -> Deelmeting:
        def som(tijden: str) -> list[float]:
            return [
                sum(keer)
                for keer in zip(*(getattr(deel, tijden) for deel in self.delen), strict=True)
            ]

        return Deelmeting(
            "het hele rapport",
            sum(deel.queries for deel in self.delen),
            functie=som("functie"),
            kaal=som("kaal"),
            database=som("database"),
        )


def meet_evaluatie(team: Team, van: dt.date, tot: dt.date, herhalingen: int = 7) -> Meting:
    """Measure the report of ``team`` over ``van``–``tot``: each part ``herhalingen`` times
    as a function, as bare SQL and (on PostgreSQL) explained, after one warm-up run."""
    periode = rapport.Periode(team=team, van=van, tot=tot)
    sql = {}
    for naam, functie in DELEN.items():
        with CaptureQueriesContext(connection) as vastgelegd:
            functie(periode)
        sql[naam] = [query["sql"] for query in vastgelegd]
    delen = [Deelmeting(naam, len(sql[naam])) for naam in DELEN]
    meting = Meting(team=team.code, van=van, tot=tot, delen=delen)
    backend = _backend_proces()
    for _ in range(herhalingen):
        python, postgresql = time.process_time(), _cpu_van(backend)
        for deel in delen:
            deel.functie.append(_klok(DELEN[deel.naam], periode))
        meting.cpu_python.append((time.process_time() - python) * 1000)
        if postgresql is not None:
            meting.cpu_postgresql.append(_cpu_van(backend) - postgresql)
        for deel in delen:
            deel.kaal.append(_klok(_kaal, sql[deel.naam]))
            if connection.vendor == "postgresql":
                deel.database.append(sum(_in_postgresql(query) for query in sql[deel.naam]))
    return meting


def regels(meting: Meting) -> list[str]:
    """The measurement as a table for the terminal: medians, with the slowest function run."""
    kop = f"{'evaluatierapport':<26} {'queries':>7} {'functie':>9} {'traagst':>9} {'kaal':>9}"
    uit = [
        f"Evaluatierapport van {meting.team}, {meting.van} t/m {meting.tot} (mediaan in ms; "
        "'database': planning + uitvoering volgens PostgreSQL)",
        f"{kop} {'database':>9}",
    ]
    for deel in [meting.geheel, *meting.delen]:
        database = deel.mediaan(deel.database)
        uit.append(
            f"{deel.naam:<26} {deel.queries:>7} {deel.mediaan(deel.functie):>9.0f} "
            f"{max(deel.functie):>9.0f} {deel.mediaan(deel.kaal):>9.0f} "
            f"{'-' if database is None else f'{database:.0f}':>9}"
        )
    python, postgresql = Deelmeting.mediaan(meting.cpu_python), meting.cpu_postgresql
    cpu = f"CPU-tijd van het hele rapport (mediaan): Python {python:.0f} ms"
    if postgresql:
        cpu += f", PostgreSQL {Deelmeting.mediaan(postgresql):.0f} ms"
    uit.append(cpu)
    return uit


def _klok(werk, *argumenten) -> float:
    start = time.perf_counter()
    werk(*argumenten)
    return (time.perf_counter() - start) * 1000


def _kaal(queries: list[str]) -> None:
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query)
            cursor.fetchall()


def _backend_proces() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _cpu_van(proces: int | None) -> float | None:
    """CPU time (user + system, ms) of a process on this machine, or None if unreadable
    (another machine, or no /proc)."""
    if proces is None:
        return None
    try:
        velden = Path(f"/proc/{proces}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime: fields 14 and 15 of stat, counted after the process name
    return (int(velden[11]) + int(velden[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _in_postgresql(query: str) -> float:
    """Planning plus execution time of ``query`` as PostgreSQL reports it. TIMING OFF: no
    clock reading per row, so the instrumentation hardly slows the query down."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {query}")
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Planning Time"] + plan[0]["Execution Time"]
