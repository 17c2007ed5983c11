"""Report periods on month and year ends (no month length assumed)."""

import datetime as dt

import pytest

from rapportage.periodes import kwartaal, laatste_twaalf_maanden, voorinstellingen

D = dt.date


@pytest.mark.parametrize(
    ("vandaag", "van"),
    [
        (D(2026, 12, 31), D(2026, 1, 1)),
        (D(2027, 1, 1), D(2026, 1, 2)),
        (D(2028, 2, 29), D(2027, 3, 1)),  # a year before: 28 February 2027, plus one
        (D(2027, 2, 28), D(2026, 3, 1)),
        (D(2026, 3, 31), D(2025, 4, 1)),
    ],
)
def test_laatste_twaalf_maanden(vandaag, van):
    periode = laatste_twaalf_maanden(vandaag)
    assert (periode.van, periode.tot) == (van, vandaag)


@pytest.mark.parametrize(
    ("jaar", "nummer", "van", "tot"),
    [
        (2028, 1, D(2028, 1, 1), D(2028, 3, 31)),
        (2028, 2, D(2028, 4, 1), D(2028, 6, 30)),
        (2027, 3, D(2027, 7, 1), D(2027, 9, 30)),
        (2027, 4, D(2027, 10, 1), D(2027, 12, 31)),
    ],
)
def test_kwartaal(jaar, nummer, van, tot):
    assert kwartaal(jaar, nummer) == (van, tot)


def test_voorinstellingen_op_de_eerste_dag_van_het_jaar():
    namen = {p.label: (p.van, p.tot) for p in voorinstellingen(D(2027, 1, 1))}
    assert namen["Kwartaal 1 tot nu"] == (D(2027, 1, 1), D(2027, 1, 1))
    assert namen["Kwartaal 4 2026"] == (D(2026, 10, 1), D(2026, 12, 31))
    assert namen["2027 tot nu"] == (D(2027, 1, 1), D(2027, 1, 1))
    assert namen["2026"] == (D(2026, 1, 1), D(2026, 12, 31))


def test_voorinstellingen_op_de_laatste_dag_van_een_kwartaal():
    namen = {p.label: (p.van, p.tot) for p in voorinstellingen(D(2028, 6, 30))}
    assert namen["Kwartaal 2 tot nu"] == (D(2028, 4, 1), D(2028, 6, 30))
    assert namen["Kwartaal 1 2028"] == (D(2028, 1, 1), D(2028, 3, 31))


@pytest.mark.parametrize(
    ("van", "tot"),
    [
        ("0001-01-01", "2025-12-31"),
        ("1899-12-31", "2025-12-31"),
        ("2025-01-01", "9001-01-01"),
        ("2025-01-01", "9999-12-31"),
    ],
)
def test_periode_buiten_1900_tot_9000_wordt_geweigerd(van, tot):
    """Found by fuzzing: the report pages gave a server error on such a period."""
    from rapportage.forms import PeriodeForm

    form = PeriodeForm({"van": van, "tot": tot})
    assert not form.is_valid()
    assert "Kies een datum tussen 1900 en 9000." in str(form.errors)


def test_periode_op_de_grenzen_is_goed():
    from rapportage.forms import PeriodeForm

    assert PeriodeForm({"van": "1900-01-01", "tot": "9000-12-31"}).is_valid()
