"""Report periods: the default (the last twelve months) and the presets for a quarter
and a year, computed from a given day so they hold on every month and year end."""

import datetime as dt
from dataclasses import dataclass

from stapteam.datums import maanden_terug


@dataclass(frozen=True)
class Periode:
    label: str
    van: dt.date
    tot: dt.date


def laatste_twaalf_maanden(vandaag: dt.date) -> Periode:
    """The twelve months up to and including today (from the same day a year ago, plus one)."""
    return Periode("Laatste 12 maanden", maanden_terug(vandaag, 12) + dt.timedelta(days=1), vandaag)


def kwartaal(jaar: int, nummer: int) -> tuple[dt.date, dt.date]:
    """The first and last day of quarter ``nummer`` (1–4) of ``jaar``."""
    van = dt.date(jaar, 3 * (nummer - 1) + 1, 1)
    return van, maanden_terug(van, -3) - dt.timedelta(days=1)


def voorinstellingen(vandaag: dt.date) -> list[Periode]:
    huidig = (vandaag.month - 1) // 3 + 1
    vorig_jaar, vorig = (vandaag.year, huidig - 1) if huidig > 1 else (vandaag.year - 1, 4)
    return [
        laatste_twaalf_maanden(vandaag),
        Periode(f"Kwartaal {huidig} tot nu", kwartaal(vandaag.year, huidig)[0], vandaag),
        Periode(f"Kwartaal {vorig} {vorig_jaar}", *kwartaal(vorig_jaar, vorig)),
        Periode(f"{vandaag.year} tot nu", dt.date(vandaag.year, 1, 1), vandaag),
        Periode(
            str(vandaag.year - 1),
            dt.date(vandaag.year - 1, 1, 1),
            dt.date(vandaag.year - 1, 12, 31),
        ),
    ]
