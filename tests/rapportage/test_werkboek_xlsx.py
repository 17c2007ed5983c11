"""The export's own XLSX writer: what openpyxl (and the importer's reader) read back."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from rapportage.werkboek.xlsx import XlsxWriter


def geschreven(bladen: dict[str, list[list]]) -> bytes:
    uitvoer = io.BytesIO()
    with XlsxWriter(uitvoer) as werkboek:
        for naam, rijen in bladen.items():
            assert werkboek.sheet(naam, rijen) == len(rijen)
    return uitvoer.getvalue()


def test_tekst_getallen_en_lege_cellen_komen_terug_zoals_geschreven():
    lastig = "<b>&amp;</b> \"quote\" 'x' ë €\n\tregel\rterug  "
    inhoud = geschreven(
        {
            "eerste": [["kop a", "kop b", "kop c"], ["tekst", 12, Decimal("12.50")]],
            "tweede": [[lastig, None, "'=1+1"], [None, None, "alleen C"]],
        }
    )
    werkboek = load_workbook(io.BytesIO(inhoud))
    assert werkboek.sheetnames == ["eerste", "tweede"]
    assert list(werkboek["eerste"].values) == [("kop a", "kop b", "kop c"), ("tekst", 12, 12.5)]
    # The empty cell keeps its place; a carriage return survives the XML.
    assert list(werkboek["tweede"].values) == [(lastig, None, "'=1+1"), (None, None, "alleen C")]


def test_meer_dan_26_kolommen():
    rij = [f"k{n}" for n in range(30)]
    werkboek = load_workbook(io.BytesIO(geschreven({"breed": [rij]})))
    assert werkboek["breed"]["AD1"].value == "k29"


def test_een_teken_dat_xml_niet_kent_wordt_geweigerd():
    with pytest.raises(IllegalCharacterError):
        geschreven({"blad": [["a\x01b"]]})


def test_alleen_tekst_en_getallen():
    with pytest.raises(TypeError):
        geschreven({"blad": [[1.5]]})
