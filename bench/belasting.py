"""Throughput: a mixed casemanager workload from concurrent sessions against gunicorn on
loopback.

gunicorn runs the application with the benchmark's own settings and database; each
session is a logged-in casemanager of the measured team (logged in the way the in-process
measurements are, ``force_login``: the benchmark settings do not demand MFA). The load
driver is threads with ``http.client``, in this process: it takes some of the same two
cores, which the report says.

With ``REFERENTIE`` among the mixes, every request in its turns is the plain admin
changelist of the caseload's clients (gunicorn runs ``bench.instellingen``, the
benchmark's settings with the reference mounted): the throughput of Django's own list
page on the same machine in the same minutes, to read the mix's number against.

Besides requests per second (which says as much about the machine's other work as about
the application) it reports the CPU time the gunicorn workers spent per request, read
from ``/proc`` over the measured period: the application's own cost.

By default gunicorn runs as the Dockerfile runs it: 3 sync workers, one request at a time
each, a new connection per request (behind Caddy). ``threads`` above 1 runs gthread
workers instead, which keep each session's connection open: then the sessions stay with
the worker that accepted them, and on 2 cores one worker served most of the 20 sessions
at 100 % of one core while the others idled (26 requests/s against 44 with sync workers).
"""

import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test import Client as TestClient
from django.utils import timezone

from bench import machine
from bench.metingen import p95
from stapteam.models import User

# (kind, weight): what a casemanager does on a night on the zone.
MIX = [
    ("caseload", 25),
    ("zoeken", 15),
    ("dossier", 25),
    ("contactformulier", 20),
    ("contact vastleggen", 15),
]
# The reference: only the plain admin changelist of the caseload's clients
# (``bench.referentie_admin``), what Django itself serves of a list on this machine.
REFERENTIE = [("admin-changelist", 100)]
ZOEKTERMEN = ["an", "ra", "el", "in", "na", "ma"]
CSRF_VELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Uitkomst:
    sessies: int
    seconden: float
    workers: int
    threads: int
    mix: list[tuple[str, int]]
    tijden: dict[str, list[float]] = field(default_factory=dict)
    fouten: dict[str, int] = field(default_factory=dict)
    cpu_workers: float = 0.0  # seconds, all workers together, over the measured period
    cpu_driver: float = 0.0  # seconds, this process (the sessions' threads)
    machine: str = ""  # its load and yardstick at the end (bench.machine)

    @property
    def werkersoort(self) -> str:
        return "sync" if self.threads == 1 else "gthread"

    @property
    def verzoeken(self) -> int:
        return sum(len(t) for t in self.tijden.values())

    @property
    def per_seconde(self) -> float:
        return self.verzoeken / self.seconden

    def tabel(self) -> str:
        naam = "admin changelist alone" if self.mix == REFERENTIE else "casemanager mix"
        regels = [
            f"{naam.capitalize()}: {self.sessies} concurrent sessions, {self.seconden:.0f} s, "
            f"gunicorn {self.workers} workers × {self.threads} threads ({self.werkersoort}): "
            f"**{self.per_seconde:.1f} requests/s**, "
            f"**{sum(self.fouten.values())} errors** in {self.verzoeken} requests; "
            f"worker CPU **{self.cpu_workers / max(self.verzoeken, 1) * 1000:.0f} ms per "
            f"request** (driver {self.cpu_driver / max(self.verzoeken, 1) * 1000:.0f} ms); "
            f"{self.machine}.",
            "",
            "| request | count | errors | p50 | p95 |",
            "|---|---:|---:|---:|---:|",
        ]
        for soort, _ in self.mix:
            tijden = self.tijden.get(soort, [])
            if tijden:
                regels.append(
                    f"| {soort} | {len(tijden)} | {self.fouten.get(soort, 0)} "
                    f"| {statistics.median(tijden):,.0f} ms | {p95(tijden):,.0f} ms |"
                )
        return "\n".join(regels)


def database_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    instellingen = connection.settings_dict
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen.get("PASSWORD") else ""
    return (
        f"postgres://{instellingen['USER']}{wachtwoord}@{instellingen['HOST'] or '127.0.0.1'}"
        f":{instellingen['PORT'] or 5432}/{instellingen['NAME']}"
    )


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_starten(poort: int, *, workers: int, threads: int) -> subprocess.Popen:
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.instellingen",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": database_url(),
    }
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "stapteam.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync" if threads == 1 else "gthread",
            "--threads",
            str(threads),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=Path(settings.BASE_DIR),
        env=omgeving,
    )
    einde = time.monotonic() + 60
    while time.monotonic() < einde:
        try:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
            verbinding.request("GET", "/gezondheid/")
            if verbinding.getresponse().status == 200:
                return proces
        except OSError:
            time.sleep(0.5)
    proces.terminate()
    raise RuntimeError("gunicorn kwam niet op binnen 60 seconden.")


def cpu_seconden(proces: subprocess.Popen) -> float:
    """User + system CPU time of gunicorn's workers (the children of its master)."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(velden[1]) == proces.pid:  # the parent's pid; utime and stime follow
            totaal += int(velden[11]) + int(velden[12])
    return totaal / tik


def sessies(casemanagers: list[User], aantal: int) -> list[str]:
    """Session cookies of ``aantal`` logged-in sessions, spread over the casemanagers."""
    uitkomst = []
    for nummer in range(aantal):
        browser = TestClient()
        browser.force_login(casemanagers[nummer % len(casemanagers)])
        uitkomst.append(browser.cookies[settings.SESSION_COOKIE_NAME].value)
    return uitkomst


class _Sessie(threading.Thread):
    def __init__(self, poort, cookie, clienten, *, nummer, klok, uitkomsten, slot):
        super().__init__(daemon=True)
        self.poort = poort
        self.cookies = {settings.SESSION_COOKIE_NAME: cookie}
        self.clienten = clienten
        self.willekeur = random.Random(nummer)
        self.klok, self.uitkomsten, self.slot = klok, uitkomsten, slot
        self.verbinding = None
        self.csrf = ""

    def verzoek(self, methode, pad, data=None):
        if self.verbinding is None:
            self.verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=120)
        kopregels = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data)
            kopregels["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.verbinding.request(methode, pad, body=body, headers=kopregels)
            antwoord = self.verbinding.getresponse()
            inhoud = antwoord.read()
        except (OSError, http.client.HTTPException):
            self.verbinding.close()
            self.verbinding = None
            return None, b""
        for kop, waarde in antwoord.getheaders():
            if kop.lower() == "set-cookie":
                naam, _, rest = waarde.partition("=")
                self.cookies[naam] = rest.split(";", 1)[0]
        return antwoord.status, inhoud

    def run(self):
        while (start := time.monotonic()) < self.klok.stop:
            uitkomst = self.uitkomsten[self.klok.periode(start) % len(self.uitkomsten)]
            soort = self.willekeur.choices(
                [s for s, _ in uitkomst.mix], [g for _, g in uitkomst.mix]
            )[0]
            client = self.willekeur.choice(self.clienten)
            if soort == "contact vastleggen" and not self.csrf:
                soort = "contactformulier"
            if soort == "caseload":
                status, inhoud = self.verzoek("GET", "/clienten/")
            elif soort == "admin-changelist":
                status, inhoud = self.verzoek("GET", "/referentie/clients/client/")
            elif soort == "zoeken":
                zoek = self.willekeur.choice(ZOEKTERMEN)
                status, inhoud = self.verzoek("GET", f"/clienten/?zoek={zoek}")
            elif soort == "dossier":
                status, inhoud = self.verzoek("GET", f"/clienten/{client}/")
            elif soort == "contactformulier":
                status, inhoud = self.verzoek("GET", f"/clienten/{client}/contact/")
                gevonden = CSRF_VELD.search(inhoud)
                if gevonden:
                    self.csrf = gevonden.group(1).decode()
            else:
                status, inhoud = self.verzoek(
                    "POST",
                    f"/clienten/{client}/contact/",
                    {
                        "csrfmiddlewaretoken": self.csrf,
                        "soort": "face_to_face",
                        "tijdstip": f"{timezone.localtime():%Y-%m-%dT%H:%M}",
                        "locatie": "tippelzone",
                        "duur_minuten": "10",
                        "notitie": "Gesproken op de zone.",
                    },
                )
            duur = (time.monotonic() - start) * 1000
            if start < self.klok.begin:
                continue
            goed = status == (302 if soort == "contact vastleggen" else 200)
            with self.slot:
                uitkomst.tijden.setdefault(soort, []).append(duur)
                if not goed:
                    uitkomst.fouten[soort] = uitkomst.fouten.get(soort, 0) + 1


@dataclass(frozen=True)
class _Klok:
    """The measured time, from ``begin`` to ``stop``, in periods of ``periode_seconden``;
    the periods take turns over the mixes."""

    begin: float
    stop: float
    periode_seconden: float

    def periode(self, moment: float) -> int:
        return max(0, int((moment - self.begin) // self.periode_seconden))


def meten(
    casemanagers: list[User],
    clienten: list[int],
    *,
    sessies_aantal: int = 20,
    seconden: float = 60,
    opwarmen: float = 10,
    workers: int = 3,
    threads: int = 1,
    mixen: list[list[tuple[str, int]]] | None = None,
    periode_seconden: float = 10,
) -> list[Uitkomst]:
    """Start gunicorn, run the ``mixen`` (default: ``MIX`` alone) for ``opwarmen`` +
    ``seconden`` and count only the requests that started after the warm-up.

    Several mixes take turns in periods of ``periode_seconden``, all sessions on the same
    mix at a time: the machine's speed drifts over minutes, and so each mix has the same
    share of its spells. A request counts for the mix of the period it started in; the
    workers' CPU is read at every change of period (a request running across it puts a
    little of its CPU in the next period)."""
    mixen = mixen or [MIX]
    cookies = sessies(casemanagers, sessies_aantal)
    poort = vrije_poort()
    proces = gunicorn_starten(poort, workers=workers, threads=threads)
    uitkomsten = [
        Uitkomst(sessies=sessies_aantal, seconden=0, workers=workers, threads=threads, mix=mix)
        for mix in mixen
    ]
    try:
        nu = time.monotonic()
        klok = _Klok(
            begin=nu + opwarmen, stop=nu + opwarmen + seconden, periode_seconden=periode_seconden
        )
        slot = threading.Lock()
        draden = [
            _Sessie(
                poort,
                cookie,
                clienten,
                nummer=nummer,
                klok=klok,
                uitkomsten=uitkomsten,
                slot=slot,
            )
            for nummer, cookie in enumerate(cookies)
        ]
        for draad in draden:
            draad.start()
        grens = klok.begin
        time.sleep(max(0.0, grens - time.monotonic()))
        cpu_workers, cpu_driver = cpu_seconden(proces), time.process_time()
        periode = 0
        while grens < klok.stop:
            volgende = min(grens + periode_seconden, klok.stop)
            time.sleep(max(0.0, volgende - time.monotonic()))
            nu_workers, nu_driver = cpu_seconden(proces), time.process_time()
            uitkomst = uitkomsten[periode % len(uitkomsten)]
            uitkomst.seconden += volgende - grens
            uitkomst.cpu_workers += nu_workers - cpu_workers
            uitkomst.cpu_driver += nu_driver - cpu_driver
            cpu_workers, cpu_driver = nu_workers, nu_driver
            grens, periode = volgende, periode + 1
        for draad in draden:
            draad.join()
        toestand = machine.toestand()
        for uitkomst in uitkomsten:
            uitkomst.machine = toestand
    finally:
        proces.terminate()
        proces.wait(timeout=30)
    return uitkomsten
