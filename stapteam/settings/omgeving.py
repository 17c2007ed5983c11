"""Reading configuration from environment variables, with the defaults documented.

Every variable the application reads goes through these helpers, and every one of
them is listed in ``.env.example`` and the README's configuration table.
"""

import os

from django.core.exceptions import ImproperlyConfigured

WAAR = {"1", "true", "ja", "yes", "on"}
ONWAAR = {"0", "false", "nee", "no", "off", ""}


def tekst(naam: str, standaard: str | None = None) -> str:
    """The variable as text; without a default, a missing variable stops the start."""
    waarde = os.environ.get(naam)
    if waarde is None:
        if standaard is None:
            raise ImproperlyConfigured(f"De omgevingsvariabele {naam} is verplicht.")
        return standaard
    return waarde


def boolean(naam: str, standaard: bool) -> bool:
    waarde = os.environ.get(naam)
    if waarde is None:
        return standaard
    waarde = waarde.strip().lower()
    if waarde in WAAR:
        return True
    if waarde in ONWAAR:
        return False
    raise ImproperlyConfigured(f"{naam} moet 'true' of 'false' zijn, niet {waarde!r}.")


def _omgezet(naam: str, standaard, omzetten, soort: str):
    waarde = os.environ.get(naam)
    if waarde is None or waarde.strip() == "":
        return standaard
    try:
        return omzetten(waarde)
    except ValueError as fout:
        raise ImproperlyConfigured(f"{naam} moet {soort} zijn, niet {waarde!r}.") from fout


def geheel_getal(naam: str, standaard: int) -> int:
    return _omgezet(naam, standaard, int, "een geheel getal")


def getal(naam: str, standaard: float) -> float:
    """A number (a decimal point, not a comma)."""
    return _omgezet(naam, standaard, float, "een getal")


def lijst(naam: str, standaard: str = "") -> list[str]:
    """A comma-separated list; empty items are dropped."""
    return [deel.strip() for deel in tekst(naam, standaard).split(",") if deel.strip()]
