import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from openpyxl import Workbook

from rapportage.werkboek.importeren import werkboek_importeren
from rapportage.werkboek.kolommen import kolomnamen

# Every test of the workbook runs on this day: the rules that compare with today
# (nothing in the future) then judge the same dates every time.
VANDAAG = dt.datetime(2026, 3, 31, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _vaste_klok():
    with time_machine.travel(VANDAAG, tick=False):
        yield


def werkboek_bytes(bladen: dict[str, list[list]], koppen: dict[str, list] | None = None) -> bytes:
    """An XLSX with these sheets: the §7 header row (or ``koppen``), then the rows."""
    werkboek = Workbook()
    werkboek.remove(werkboek.active)
    for blad, rijen in bladen.items():
        werkblad = werkboek.create_sheet(blad)
        koppen = koppen or {}
        werkblad.append(koppen[blad] if blad in koppen else kolomnamen(blad))
        for rij in rijen:
            werkblad.append(rij)
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()


@pytest.fixture
def importeer():
    """``importeer(inhoud, team_code, **kwargs)`` runs the importer on these bytes."""

    def importeren(inhoud: bytes, team_code: str, *, naam="werkboek.xlsx", door=None, **kwargs):
        return werkboek_importeren(
            bestand=io.BytesIO(inhoud),
            grootte=len(inhoud),
            bestandsnaam=naam,
            team_code=team_code,
            door=door,
            **kwargs,
        )

    return importeren


def tabeltellingen() -> dict[str, int]:
    """The number of rows of every model (history and access log included)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.managed
    }


# A backup kept by IrisZorg: the consent of few test clients names it, so the reason
# for the others is given too.
RESERVEKOPIE = [
    "--aan",
    "iriszorg",
    "--doel",
    "Reservekopie",
    "--reden-zonder-toestemming",
    "Reservekopie van het eigen team",
]


def exporteer(team, pad: Path) -> Path:
    call_command("exporteer_werkboek", str(pad), "--team", team.code, *RESERVEKOPIE)
    return pad
