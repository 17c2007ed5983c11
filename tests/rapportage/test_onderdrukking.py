"""Suppression of small numbers: primary, secondary within a table, across months (stock
and flow) and across teams, with the audit that no hidden cell can be worked out."""

import random
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from rapportage.onderdrukking import (
    PRIMAIR,
    SECUNDAIR,
    Blad,
    _Verborgen,
    onderdruk,
    oplosbaar,
    som,
    weergave,
)


def tabel(waarden: dict[str, int]) -> Blad:
    """One breakdown and its total."""
    totaal = sum(waarden.values())
    return Blad(
        waarden={**waarden, "totaal": totaal},
        relaties=[som("totaal", waarden)],
        personen={*waarden, "totaal"},
    )


def test_primair_klein_aantal_wordt_kleiner_dan_vijf():
    blad = tabel({"zelfstandig": 12, "dakloos": 3, "kliniek": 0, "mfc": 7, "bij_derden": 9})
    verborgen = onderdruk(blad, 5)
    assert verborgen["dakloos"] == PRIMAIR
    assert len(verborgen) == 2  # one more, so the total cannot give it away
    getoond = weergave(blad, verborgen, 5)
    assert getoond["dakloos"] == "<5"
    assert oplosbaar(blad, set(verborgen)) == set()


def test_secundair_binnen_een_tabel():
    blad = tabel({"zelfstandig": 12, "dakloos": 3, "mfc": 7})
    verborgen = onderdruk(blad, 5)
    # Total − 12 − 7 would give 3 back: one more cell is hidden, the smallest (7).
    assert verborgen == {"dakloos": PRIMAIR, "mfc": SECUNDAIR}
    assert weergave(blad, verborgen, 5)["mfc"] == "×"
    assert oplosbaar(blad, set(verborgen)) == set()


def test_zonder_tweede_verborgen_cel_is_het_lek_te_vinden():
    blad = tabel({"zelfstandig": 12, "dakloos": 3, "mfc": 7})
    assert oplosbaar(blad, {"dakloos"}) == {"dakloos"}


def test_over_maanden_voorraad_en_stroom():
    # in beeld(m) = in beeld(m−1) + instroom(m) − uitstroom(m)
    waarden = {
        ("in_beeld", 1): 20,
        ("instroom", 1): 0,
        ("uitstroom", 1): 0,
        ("in_beeld", 2): 22,
        ("instroom", 2): 2,
        ("uitstroom", 2): 0,
        ("in_beeld", 3): 21,
        ("instroom", 3): 0,
        ("uitstroom", 3): 1,
    }
    relaties = [
        {("in_beeld", m): 1, ("in_beeld", m - 1): -1, ("instroom", m): -1, ("uitstroom", m): 1}
        for m in (2, 3)
    ]
    blad = Blad(waarden=waarden, relaties=relaties, personen=set(waarden))
    verborgen = onderdruk(blad, 5)
    assert {("instroom", 2), ("uitstroom", 3)} <= set(verborgen)
    # Without the secondary cells the stock would give both flows away.
    assert oplosbaar(blad, {("instroom", 2), ("uitstroom", 3)}) == {
        ("instroom", 2),
        ("uitstroom", 3),
    }
    assert oplosbaar(blad, set(verborgen)) == set()


def test_over_teams_in_het_gemeentetotaal():
    waarden = {"nijmegen": 14, "arnhem": 3, "gemeente": 17}
    blad = Blad(
        waarden=waarden, relaties=[som("gemeente", ["nijmegen", "arnhem"])], personen=set(waarden)
    )
    verborgen = onderdruk(blad, 5)
    assert verborgen["arnhem"] == PRIMAIR and len(verborgen) == 2
    assert oplosbaar(blad, set(verborgen)) == set()


def test_twee_tabellen_met_hetzelfde_totaal():
    # Housing and intensity both add up to the number in view: a reader may combine them.
    waarden = {"w1": 10, "w2": 3, "w3": 6, "i1": 15, "i2": 4, "totaal": 19}
    blad = Blad(
        waarden=waarden,
        relaties=[som("totaal", ["w1", "w2", "w3"]), som("totaal", ["i1", "i2"])],
        personen=set(waarden),
    )
    verborgen = onderdruk(blad, 5)
    assert oplosbaar(blad, set(verborgen)) == set()
    assert {"w2", "i2"} <= set(verborgen)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 30), min_size=2, max_size=5), min_size=1, max_size=4),
    st.integers(2, 6),
)
def test_geen_verborgen_cel_is_ooit_op_te_lossen(rijen, drempel):
    """A grid of rows with row totals, column totals and a grand total: whatever the
    numbers, after suppression nothing hidden can be worked out."""
    breedte = min(len(rij) for rij in rijen)
    waarden, relaties = {}, []
    for r, rij in enumerate(rijen):
        for k in range(breedte):
            waarden[(r, k)] = rij[k]
        waarden[(r, "Σ")] = sum(rij[:breedte])
        relaties.append(som((r, "Σ"), [(r, k) for k in range(breedte)]))
    for k in range(breedte):
        waarden[("Σ", k)] = sum(rij[k] for rij in rijen)
        relaties.append(som(("Σ", k), [(r, k) for r in range(len(rijen))]))
    waarden[("Σ", "Σ")] = sum(waarden[(r, "Σ")] for r in range(len(rijen)))
    relaties.append(som(("Σ", "Σ"), [(r, "Σ") for r in range(len(rijen))]))
    blad = Blad(waarden=waarden, relaties=relaties, personen=set(waarden))
    verborgen = onderdruk(blad, drempel)
    assert oplosbaar(blad, set(verborgen)) == set()
    for sleutel, waarde in waarden.items():
        if 0 < waarde < drempel:
            assert sleutel in verborgen


def test_de_audit_vindt_een_lek_via_een_omweg():
    # a + b = t1 and b + c = t2 with a, b hidden and c published: b = t2 − c, then a.
    random.seed(1)
    blad = Blad(
        waarden={"a": 2, "b": 3, "c": 9, "t1": 5, "t2": 12},
        relaties=[som("t1", ["a", "b"]), som("t2", ["b", "c"])],
        personen={"a", "b", "c", "t1", "t2"},
    )
    assert oplosbaar(blad, {"a", "b"}) == {"a", "b"}
    assert oplosbaar(blad, {"a", "b", "c"}) == set()


def _rang(rijen: list[dict]) -> int:
    """The rank of sparse rows, by elimination in fractions: the slow, plain reference."""
    rijen = [{k: Fraction(v) for k, v in rij.items() if v} for rij in rijen]
    rang = 0
    while rijen:
        rij = rijen.pop()
        if not rij:
            continue
        rang += 1
        spil, waarde = next(iter(rij.items()))
        for ander in rijen:
            factor = ander.get(spil, 0) / waarde
            if factor:
                for k, v in rij.items():
                    ander[k] = ander.get(k, 0) - factor * v
                    if not ander[k]:
                        del ander[k]
    return rang


CELLEN = st.integers(0, 9)
RELATIES = st.lists(
    st.dictionaries(CELLEN, st.integers(-2, 2), min_size=1, max_size=5), min_size=1, max_size=8
)


@settings(max_examples=150, deadline=None)
@given(RELATIES, st.lists(st.sets(CELLEN, max_size=4), min_size=1, max_size=4))
def test_verbergen_in_stappen_vindt_wat_een_lezer_kan_uitrekenen(relaties, stappen):
    """Hiding cells step by step, as suppression does, gives after every step the same
    groups as starting afresh, and exactly the cells a reader can work out: a hidden cell
    whose unit vector lies in the row space of the relations restricted to the hidden
    cells (checked by rank, in fractions)."""
    blad = Blad(waarden=dict.fromkeys(range(10), 1), relaties=relaties)
    stand, verborgen, eerder = _Verborgen(blad), set(), {}
    for stap in stappen:
        stand.verberg(stap)
        verborgen |= stap
        opnieuw = _Verborgen(blad)
        opnieuw.verberg(verborgen)
        assert stand.groepen() == opnieuw.groepen()

        beperkt = [{k: v for k, v in r.items() if k in verborgen} for r in relaties]
        rang = _rang(beperkt)
        verwacht = {cel for cel in verborgen if _rang([*beperkt, {cel: 1}]) == rang}
        assert stand.oplosbaar(eerder) == verwacht
        assert oplosbaar(blad, verborgen) == verwacht
