"""The workbook importer under hostile cells: a small valid workbook with a few cells
changed into formulas, control characters, far dates, huge or negative numbers, long or
right-to-left text. The import either succeeds wholly (every row of every sheet in the
database) or refuses with Dutch messages that name sheet, row and column, and writes
nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from clients.models import Client, Contact
from rapportage.werkboek.kolommen import BLADEN
from rapportage.werkboek.lezen import BESTAND
from stapteam.models import Team
from tests import fuzz

from .conftest import tabeltellingen, werkboek_bytes
from .test_werkboek_importeren import volledig_werkboek

pytestmark = pytest.mark.django_db

BASIS = volledig_werkboek()

# What a cell can hold: text, numbers, dates and times as a spreadsheet stores them.
celwaarde = st.one_of(
    st.none(),
    fuzz.vijandige_tekst(),
    fuzz.datumtekst(),
    fuzz.bedrag(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=6).map(Decimal),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1)),
)


@st.composite
def wijzigingen(draw):
    """One to three cells of the basic workbook changed: (sheet, row, column, value)."""
    gevuld = [blad for blad, rijen in BASIS.items() if rijen]
    uitkomst = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        blad = draw(st.sampled_from(gevuld))
        rij = draw(st.integers(min_value=0, max_value=len(BASIS[blad]) - 1))
        kolom = draw(st.integers(min_value=0, max_value=len(BASIS[blad][rij]) - 1))
        uitkomst.append((blad, rij, kolom, draw(celwaarde)))
    return uitkomst


def test_werkboek_met_vijandige_cellen(importeer):
    @fuzz.FUZZPROFIEL
    @given(wijzigingen())
    def voorbeeld(gewijzigd):
        fuzz.voorbeelden_gedraaid += 1
        bladen = {blad: [list(rij) for rij in rijen] for blad, rijen in BASIS.items()}
        for blad, rij, kolom, waarde in gewijzigd:
            bladen[blad][rij][kolom] = waarde
        try:
            inhoud = werkboek_bytes(bladen)
        except (IllegalCharacterError, ValueError, TypeError, OverflowError):
            assume(False)  # not a cell a spreadsheet program can write
        with transaction.atomic():  # rolled back: every example starts from nothing
            voor = tabeltellingen()
            verslag = importeer(inhoud, "stapteam-fuzz", gemeente_naam="Fuzzdorp")
            na = tabeltellingen()
            if verslag.geslaagd:
                team = Team.objects.get(code="stapteam-fuzz")
                assert Client.objects.filter(team=team).count() == len(bladen["clienten"])
                assert Contact.objects.filter(client__team=team).count() == len(bladen["contacten"])
            transaction.set_rollback(True)
        if verslag.geslaagd:
            return
        assert na == voor, "geweigerd, maar er is iets vastgelegd"
        assert verslag.problemen.getoond
        for probleem in verslag.problemen.getoond:
            assert probleem.blad in (*BLADEN, BESTAND), probleem
            if probleem.blad != BESTAND:
                assert probleem.rij is not None and probleem.kolom, f"waar? {probleem}"
            assert fuzz.is_nederlands(probleem.melding, {}), probleem.melding

    voorbeeld()
