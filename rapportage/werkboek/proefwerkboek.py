"""A large synthetic exchange workbook, for measuring the import (``docs/prestaties.md``).

Written straight to XLSX in write-only mode, without the database, in the proportions
of ``manage.py benchmark``: per client 48 situation rows, 8 ZRM measurements, 10 spends,
one consent form and one permit, two results; a plan with four goals for every third
client, a barrier for every second. The content is fictional and deterministic.
"""

import datetime as dt
import random
from typing import BinaryIO

from openpyxl import Workbook

from clients.constants import GEREALISEERD, KENMERK_WAARDEN, ContactSoort
from plannen.constants import ZRMDomein
from rapportage.werkboek.kolommen import BLADEN, kolomnamen

BEGIN = dt.date(2020, 1, 1)
EINDE = dt.date(2026, 6, 30)
DAGEN = (EINDE - BEGIN).days


def _datum(willekeur: random.Random, van: dt.date = BEGIN) -> str:
    return (van + dt.timedelta(days=willekeur.randint(0, (EINDE - van).days))).isoformat()


def proefwerkboek(uitvoer: BinaryIO, *, clienten: int, contacten_per_client: int) -> dict:
    willekeur = random.Random(2026)
    medewerkers = [(f"cm{n}", f"Casemanager {n}", "casemanager") for n in range(1, 5)]
    medewerkers += [("ed1", "Ervaringsdeskundige 1", "ervaringsdeskundige")]
    medewerkers += [("coord1", "Coördinator 1", "coordinator")]
    casemanagers = [naam for naam, _, rol in medewerkers if rol != "ervaringsdeskundige"]
    rijen: dict[str, list] = {blad: [] for blad in BLADEN}
    rijen["medewerkers"] = [[*m, "iriszorg"] for m in medewerkers]
    rijen["budgetten"] = [
        [f"Flex {jaar}", "flexbudget", f"{jaar}-01-01", f"{jaar}-12-31", "1000000.00"]
        for jaar in range(2020, 2027)
    ] + [
        [f"Time-out {jaar}", "time_out", f"{jaar}-01-01", f"{jaar}-12-31", "50000.00"]
        for jaar in range(2020, 2027)
    ]

    werkboek = Workbook(write_only=True)
    bladen = {blad: werkboek.create_sheet(blad) for blad in BLADEN}
    for blad, werkblad in bladen.items():
        werkblad.append(kolomnamen(blad))
    for rij in rijen["medewerkers"]:
        bladen["medewerkers"].append(rij)
    aantallen = dict.fromkeys(BLADEN, 0)
    aantallen["medewerkers"] = len(medewerkers)

    def schrijf(blad: str, rij: list) -> None:
        bladen[blad].append(rij)
        aantallen[blad] += 1

    for nummer in range(1, clienten + 1):
        code = f"{nummer:05d}"
        casemanager = casemanagers[nummer % len(casemanagers)]
        schrijf(
            "clienten",
            [
                code,
                f"Cliënt {nummer}",
                "",
                "",
                f"{willekeur.randint(1965, 2004)}-06-15",
                "vrouw",
                "",
                "2020-01-01",
                "actief",
                None,
                None,
                casemanager,
                "ed1" if nummer % 2 else None,
            ],
        )
        for kenmerk, waarden in KENMERK_WAARDEN.items():
            for stap in range(6):
                datum = BEGIN + dt.timedelta(days=60 * stap)
                schrijf(
                    "situatie", [code, datum.isoformat(), kenmerk, willekeur.choice(waarden.values)]
                )
        schrijf("toestemmingen", [code, "2020-01-15", "2020-1", None, "iriszorg,zvh", None])
        for _ in range(contacten_per_client):
            moment = dt.datetime.combine(BEGIN, dt.time()) + dt.timedelta(
                minutes=willekeur.randint(0, DAGEN * 24 * 60)
            )
            door = "ed1" if willekeur.random() < 0.2 else casemanager
            schrijf(
                "contacten",
                [
                    code,
                    moment.strftime("%Y-%m-%d %H:%M"),
                    door,
                    willekeur.choice([*GEREALISEERD, ContactSoort.POGING]),
                    "tippelzone",
                    willekeur.randint(5, 60),
                    "wonen,financien",
                    "Contact op de zone.",
                    "ja" if door != "ed1" and willekeur.random() < 0.05 else "nee",
                ],
            )
        if nummer % 3 == 0:
            schrijf("plannen", [code, "2020-02-01", "actief", "2026-09-01"])
            for domein in ("wonen", "financien", "middelengebruik", "veiligheid"):
                schrijf("doelen", [code, domein, "Doel in haar woorden", "loopt", "2020-02-01"])
        for stap in range(8):
            datum = BEGIN + dt.timedelta(days=120 * stap)
            schrijf(
                "zrm",
                [code, datum.isoformat(), *(willekeur.randint(1, 5) for _ in ZRMDomein.values)],
            )
        for soort in ("intake_bw", "huisarts"):
            schrijf("resultaten", [code, _datum(willekeur), soort, ""])
        if nummer % 2 == 0:
            schrijf(
                "knelpunten",
                [code, _datum(willekeur), "wonen", "bw_wachtlijst", "Wachtlijst", "open"],
            )
        schrijf(
            "vergunningen",
            [
                code,
                "2022-01-10",
                "nieuw",
                "ja",
                "nee",
                "verleend",
                "2022-02-01",
                None,
                f"REG-{nummer}",
                None,
                None,
                None,
            ],
        )
        for _ in range(10):
            datum = _datum(willekeur)
            schrijf(
                "uitgaven",
                [
                    f"Flex {datum[:4]}",
                    code,
                    datum,
                    f"{willekeur.randint(500, 20000) / 100:.2f}",
                    willekeur.choice(["kleding", "voeding", "vervoer"]),
                    "",
                    casemanager,
                ],
            )
        if nummer % 250 == 0:
            van = dt.date(2020 + nummer // 250 % 6, 3, 1)
            schrijf(
                "timeouts",
                [
                    code,
                    "Het Hoogeland",
                    van.isoformat(),
                    (van + dt.timedelta(days=6)).isoformat(),
                    "95.50",
                ],
            )
    for rij in rijen["budgetten"]:
        schrijf("budgetten", rij)
    werkboek.save(uitvoer)
    return aantallen
