"""Server-side time per page: each page requested many times in-process as the role that
uses it, through the whole Django stack (middleware, session, access-log write), without
a network or a browser.

References in the same run: a plain admin changelist of the caseload's clients
(``bench.referentie_admin``), and for each list the bare SQL of the page, i.e. the
SELECT statements one request sent, replayed on a cursor: the rest is Django and Python.
"""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client as TestClient
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clients import signalen
from clients.constants import Status
from clients.models import Client
from stapteam.constants import Rol
from stapteam.models import Team, User


@dataclass(frozen=True)
class Pagina:
    naam: str
    rol: str
    url: str
    post: dict | None = None  # form data: the request is a POST
    kaal: bool = False  # also replay its SQL bare (the lists)


@dataclass(frozen=True)
class Meting:
    pagina: Pagina
    n: int
    queries: int
    p50: float
    p95: float
    kaal_p50: float | None = None
    kaal_p95: float | None = None
    cpu_p50: float = 0.0  # CPU time of this process (Python), whatever the machine's load


def p95(tijden: list[float]) -> float:
    if len(tijden) < 2:
        return tijden[0]
    return statistics.quantiles(tijden, n=20, method="inclusive")[18]


def meetclient(team: Team, casemanager: User) -> Client:
    """A running client of the measured casemanager with a plan and a permit: a dossier
    with every section filled."""
    return (
        Client.objects.filter(team=team, casemanager=casemanager, status=Status.ACTIEF)
        .filter(plannen__isnull=False, vergunningen__isnull=False)
        .order_by("pk")
        .first()
    )


def paginas(client: Client) -> list[Pagina]:
    lijst = reverse("clients:lijst")
    vandaag = timezone.localdate()
    uitkomst = [
        Pagina("caseload (cliëntenlijst)", Rol.CASEMANAGER, lijst, kaal=True),
        Pagina("mijn cliënten", Rol.CASEMANAGER, reverse("clients:mijn"), kaal=True),
        Pagina("caseload, zoeken", Rol.CASEMANAGER, lijst + "?zoek=an", kaal=True),
    ]
    uitkomst += [
        Pagina(f"caseload, signaal {soort.code}", Rol.CASEMANAGER, f"{lijst}?signaal={soort.code}")
        for soort in signalen.soorten(vandaag=vandaag)
    ]
    uitkomst += [
        Pagina(
            "referentie: admin-changelist dezelfde cliënten",
            Rol.CASEMANAGER,
            "/referentie/clients/client/",
            kaal=True,
        ),
        Pagina("dossier", Rol.CASEMANAGER, reverse("clients:dossier", args=[client.pk])),
        Pagina(
            "contactformulier", Rol.CASEMANAGER, reverse("clients:contact_nieuw", args=[client.pk])
        ),
        Pagina(
            "contact vastleggen (POST)",
            Rol.CASEMANAGER,
            reverse("clients:contact_nieuw", args=[client.pk]),
            post={
                "soort": "face_to_face",
                "tijdstip": f"{timezone.localtime():%Y-%m-%dT%H:%M}",
                "locatie": "tippelzone",
                "duur_minuten": "15",
                "notitie": "Gesproken op de zone.",
            },
        ),
        Pagina("vergunningenlijst", Rol.COORDINATOR, reverse("vergunningen:lijst"), kaal=True),
        Pagina("startpagina", Rol.COORDINATOR, reverse("start")),
        Pagina("startpagina", Rol.CASEMANAGER, reverse("start")),
        Pagina(
            "toegangslog (installatiebreed)", Rol.FUNCTIONARIS, reverse("toegangslog"), kaal=True
        ),
        Pagina("evaluatierapport", Rol.COORDINATOR, reverse("rapportage:evaluatie")),
        Pagina("dashboard gemeente", Rol.GEMEENTE, reverse("rapportage:dashboard")),
    ]
    return uitkomst


def alles_meten(
    gebruikers: dict[str, User],
    client: Client,
    *,
    herhalingen: int,
    max_seconden: float,
    melden=print,
    namen: list[str] | None = None,
) -> list[Meting]:
    """Measure every page, or only those whose name contains one of ``namen``.

    In rounds: each round requests every page once, in the table's order. The machine's
    speed drifts over minutes (the same code measured 2.5 times faster two hours later,
    see docs/prestaties.md), so pages measured one after the other would compare spells
    of the machine; measured side by side, the caseload and its reference share them."""
    with override_settings(ROOT_URLCONF="bench.urls"):
        meters = [
            _Meter(gebruikers[pagina.rol], pagina)
            for pagina in paginas(client)
            if not namen or any(naam in pagina.naam for naam in namen)
        ]
        for ronde in range(1, herhalingen + 1):
            for meter in meters:
                if meter.mag_nog(max_seconden):
                    meter.verzoek()
            if ronde % 10 == 0 and ronde < herhalingen:
                melden(f"  ronde {ronde} van {herhalingen}")
        uitkomst = []
        for meter in meters:
            meting = meter.meting()
            melden(
                f"  {meting.pagina.naam} ({meting.pagina.rol}): n={meting.n}, "
                f"{meting.queries} queries, p50 {meting.p50:.0f} ms, p95 {meting.p95:.0f} ms, "
                f"CPU p50 {meting.cpu_p50:.0f} ms"
                + (f", kale SQL p50 {meting.kaal_p50:.0f} ms" if meting.kaal_p50 else "")
            )
            uitkomst.append(meting)
    return uitkomst


class _Meter:
    """One page as its user requests it: a warm-up request on creation, then each
    ``verzoek`` timed (wall clock and this process's CPU) with its queries captured."""

    def __init__(self, gebruiker: User, pagina: Pagina):
        self.pagina = pagina
        self.browser = TestClient(HTTP_HOST="localhost")
        self.browser.force_login(gebruiker)
        self.tijden: list[float] = []
        self.cpu: list[float] = []
        self.vastgelegd: CaptureQueriesContext | None = None
        self._verzoek()  # warm caches and the session, as a real user's second visit

    def _verzoek(self) -> None:
        if self.pagina.post is not None:
            antwoord = self.browser.post(self.pagina.url, self.pagina.post)
            verwacht = 302
        else:
            antwoord = self.browser.get(self.pagina.url)
            verwacht = 200
        if antwoord.status_code != verwacht:
            raise RuntimeError(
                f"{self.pagina.url} gaf {antwoord.status_code} in plaats van {verwacht}"
            )

    def mag_nog(self, max_seconden: float) -> bool:
        """Whether to request it again: always once; then while its requests together
        took at most ``max_seconden`` (a page of many seconds would otherwise hold the
        run up for an hour; the table says how many, n)."""
        return not self.tijden or sum(self.tijden) / 1000 <= max_seconden

    def verzoek(self) -> None:
        with CaptureQueriesContext(connection) as vastgelegd:
            start, start_cpu = time.perf_counter(), time.process_time()
            self._verzoek()
            self.tijden.append((time.perf_counter() - start) * 1000)
            self.cpu.append((time.process_time() - start_cpu) * 1000)
        self.vastgelegd = vastgelegd

    def meting(self) -> Meting:
        kaal = _kaal(self.vastgelegd, len(self.tijden)) if self.pagina.kaal else None
        return Meting(
            pagina=self.pagina,
            n=len(self.tijden),
            queries=len(self.vastgelegd),
            p50=statistics.median(self.tijden),
            p95=p95(self.tijden),
            kaal_p50=statistics.median(kaal) if kaal else None,
            kaal_p95=p95(kaal) if kaal else None,
            cpu_p50=statistics.median(self.cpu),
        )


def _kaal(vastgelegd: CaptureQueriesContext, keer: int) -> list[float]:
    """The page's reads (its SELECTs; not the access-log and session writes) run again
    bare on a cursor, as often as the page was requested."""
    selects = [q["sql"] for q in vastgelegd if q["sql"].lstrip().upper().startswith("SELECT")]
    tijden = []
    with connection.cursor() as cursor:
        for _ in range(keer):
            start = time.perf_counter()
            for sql in selects:
                cursor.execute(sql)
                cursor.fetchall()
            tijden.append((time.perf_counter() - start) * 1000)
    return tijden


def tabel(metingen: list[Meting]) -> str:
    """The markdown table for docs/prestaties.md."""
    regels = [
        "| page | role | n | queries | p50 | p95 | bare SQL p50 | CPU p50 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for m in metingen:
        kaal = f"{m.kaal_p50:,.0f} ms" if m.kaal_p50 is not None else ""
        regels.append(
            f"| {m.pagina.naam} | {m.pagina.rol} | {m.n} | {m.queries} | {m.p50:,.0f} ms "
            f"| {m.p95:,.0f} ms | {kaal} | {m.cpu_p50:,.0f} ms |"
        )
    caseload = next((m for m in metingen if m.pagina.naam.startswith("caseload (cli")), None)
    referentie = next((m for m in metingen if m.pagina.naam.startswith("referentie")), None)
    if caseload is None or referentie is None:  # only some pages were measured
        return "\n".join(regels)
    regels.append("")
    regels.append(
        f"Caseload p50 / admin changelist p50: **{caseload.p50 / referentie.p50:.1f}×** "
        f"(CPU p50 {caseload.cpu_p50 / referentie.cpu_p50:.1f}×); "
        f"caseload p50 / its bare SQL: **{caseload.p50 / caseload.kaal_p50:.1f}×**."
    )
    return "\n".join(regels)
