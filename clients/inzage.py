"""The AVG inzage export: everything held on one client, readable and machine-readable.

Each app registers a function that returns its sections for one client. The export is a
ZIP with ``inzage.html`` (to read and print), ``inzage.json`` (the same data) and the
files held on her (``bestanden/``).
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from clients.models import Client


@dataclass
class Sectie:
    titel: str
    kolommen: list[str]
    rijen: list[list] = field(default_factory=list)
    # (name in the ZIP, open file) for files that belong to this section
    bestanden: list[tuple[str, object]] = field(default_factory=list)

    def als_json(self) -> list[dict]:
        return [dict(zip(self.kolommen, map(_tekst, rij), strict=True)) for rij in self.rijen]


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return str(waarde)


ONDERDELEN: dict[str, Callable[[Client], list[Sectie]]] = {}


def registreer(naam: str, onderdeel: Callable[[Client], list[Sectie]]) -> None:
    ONDERDELEN[naam] = onderdeel


def secties_van(client: Client) -> list[Sectie]:
    return [sectie for onderdeel in ONDERDELEN.values() for sectie in onderdeel(client)]


def inzage_zip(client: Client) -> bytes:
    """The ZIP for one client. Built in memory: a dossier is small."""
    secties = secties_van(client)
    gemaakt_op = timezone.localtime()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr(
            "inzage.html",
            render_to_string(
                "clients/inzage.html",
                {"client": client, "secties": secties, "gemaakt_op": gemaakt_op},
            ),
        )
        archief.writestr(
            "inzage.json",
            json.dumps(
                {
                    "client": client.code,
                    "team": client.team.code,
                    "gemaakt_op": gemaakt_op.isoformat(),
                    "secties": {sectie.titel: sectie.als_json() for sectie in secties},
                },
                ensure_ascii=False,
                indent=2,
            ),
        )
        for sectie in secties:
            for naam, bestand in sectie.bestanden:
                with bestand.open("rb") as inhoud:
                    archief.writestr(f"bestanden/{naam}", inhoud.read())
    return buffer.getvalue()
