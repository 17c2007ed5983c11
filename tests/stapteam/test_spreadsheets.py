"""Formula neutralisation for every spreadsheet the application writes or reads."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stapteam.spreadsheets import tekst_uit_cel, veilige_tekst


@pytest.mark.parametrize(
    ("waarde", "in_cel"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=al ontsnapt", "''=al ontsnapt"),
        ("''", "'''"),
        ("'t Hoogeland", "'t Hoogeland"),
        ("Kim", "Kim"),
        ("", ""),
    ],
)
def test_formules_worden_tekst(waarde, in_cel):
    assert veilige_tekst(waarde) == in_cel
    assert tekst_uit_cel(in_cel) == waarde


@pytest.mark.parametrize("waarde", [None, 3, Decimal("-2.50"), dt.date(2026, 12, 31)])
def test_geen_tekst_blijft_zoals_hij_is(waarde):
    assert veilige_tekst(waarde) == waarde
    assert tekst_uit_cel(waarde) == waarde


@given(st.text())
def test_heen_en_terug_geeft_dezelfde_tekst(tekst):
    in_cel = veilige_tekst(tekst)
    assert tekst_uit_cel(in_cel) == tekst
    assert in_cel[:1] not in set("=+-@\t\r")
