"""Spreadsheet safety: text that a spreadsheet would run as a formula is neutralised on
the way out, and read back unchanged on the way in.

A value such as ``=HYPERLINK("http://…")`` typed as a client's name must never become a
live formula in a file the team sends out (CSV injection). Every XLSX and CSV the
application writes passes its text cells through :func:`veilige_tekst`; every import
passes them through :func:`tekst_uit_cel`, so an export imported again gives the same
records. The escape is the one spreadsheets themselves use: a leading apostrophe.
"""

from typing import Any

# A text starting with one of these is read as a formula (or as its start) by Excel,
# LibreOffice or Google Sheets; tab and carriage return can smuggle one in behind them.
FORMULE_TEKENS = frozenset("=+-@\t\r")
APOSTROF = "'"


def _zou_ontsnapt_zijn(tekst: str) -> bool:
    """Whether ``tekst`` is what :func:`veilige_tekst` makes of some other value."""
    return tekst[:1] == APOSTROF and (tekst[1:2] in FORMULE_TEKENS or tekst[1:2] == APOSTROF)


def veilige_tekst(waarde: Any) -> Any:
    """The value to write into a cell: text that could run as a formula gets a leading
    apostrophe; so does text that would otherwise be taken for an escaped value. Numbers,
    dates and ``None`` pass unchanged."""
    if not isinstance(waarde, str) or not waarde:
        return waarde
    if waarde[0] in FORMULE_TEKENS or _zou_ontsnapt_zijn(waarde):
        return APOSTROF + waarde
    return waarde


def tekst_uit_cel(waarde: Any) -> Any:
    """The value :func:`veilige_tekst` was given, from what it wrote."""
    if isinstance(waarde, str) and _zou_ontsnapt_zijn(waarde):
        return waarde[1:]
    return waarde
