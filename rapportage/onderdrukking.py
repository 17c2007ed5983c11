"""Statistical disclosure control for the municipality's figures (ONTWERP §6).

A page of figures is a set of cells and the additive relations the page shows between
them: a total is the sum of its parts, the teams add up to the municipality, and this
month's number in view is last month's plus the inflow minus the outflow. A reader can
combine every relation on the page, so hiding a small number is not enough: no hidden
cell may be solvable from what is published.

- **Primary**: a count of persons from 1 up to the threshold (exclusive) is hidden and
  shown as "<threshold". Zero is shown: it names nobody.
- **Secondary**: as long as some hidden cell can still be worked out, one more published
  cell of a relation through it is hidden too (the cheapest: small and in few relations,
  so totals such as the number in view stay visible where they can); it is shown as "×".
  Repeated until nothing hidden can be solved.
- **Audit** (``oplosbaar``): a hidden cell can be worked out exactly when its unit vector
  lies in the row space of the relations restricted to the hidden cells (after moving
  every published value to the other side). Computed exactly, in integers, per group of
  hidden cells that share no relation.
"""

import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

Sleutel = Hashable
# A relation: coefficients per cell whose weighted sum is zero (total − Σ parts = 0).
Relatie = dict[Sleutel, int]

PRIMAIR = "primair"
SECUNDAIR = "secundair"


def som(totaal: Sleutel, delen: Iterable[Sleutel]) -> Relatie:
    """The relation ``totaal = Σ delen``."""
    relatie: Relatie = {totaal: 1}
    for deel in delen:
        relatie[deel] = relatie.get(deel, 0) - 1
    return relatie


@dataclass
class Blad:
    """The figures of one page and what a reader knows ties them together."""

    waarden: dict[Sleutel, int]
    relaties: list[Relatie] = field(default_factory=list)
    # Cells that count persons (the others, such as amounts, follow their own rule).
    personen: set[Sleutel] = field(default_factory=set)


def _gereduceerd(rijen: list[dict[Sleutel, int]]) -> dict[Sleutel, dict[Sleutel, int]]:
    """Gauss–Jordan elimination on sparse integer rows: {pivot cell: its reduced row}.
    Every pivot is eliminated from every other row, so a row with only its pivot left
    means that cell is fixed by the relations.

    Exact in integers: a row is combined as ``a·rij − b·spilrij`` and divided by the
    greatest common divisor of its coefficients, which keeps the same row space as
    dividing by the pivot (with fractions) would, and only whether a row is left with
    one cell is read."""
    pivots: dict[Sleutel, dict[Sleutel, int]] = {}
    for rij in rijen:
        rij = dict(rij)
        # Eliminate the pivots found so far.
        for sleutel in [s for s in rij if s in pivots]:
            factor = rij.get(sleutel)
            if factor:
                rij = _weggewerkt(rij, factor, pivots[sleutel], sleutel)
        if not rij:
            continue
        spil = next(iter(rij))
        # Eliminate the new pivot from the rows found before.
        for ander_spil, ander in pivots.items():
            f = ander.get(spil)
            if f:
                pivots[ander_spil] = _weggewerkt(ander, f, rij, spil)
        pivots[spil] = rij
    return pivots


def _weggewerkt(
    rij: dict[Sleutel, int], factor: int, spilrij: dict[Sleutel, int], spil: Sleutel
) -> dict[Sleutel, int]:
    """``rij`` without the cell ``spil`` (coefficient ``factor`` in it), by subtracting a
    multiple of ``spilrij``; the coefficients divided by their greatest common divisor."""
    a = spilrij[spil]
    # Most coefficients are ±1: then the row is only copied.
    uitkomst = dict(rij) if a == 1 else {kolom: a * waarde for kolom, waarde in rij.items()}
    for kolom, waarde in spilrij.items():
        nieuw = uitkomst.get(kolom, 0) - factor * waarde
        if nieuw:
            uitkomst[kolom] = nieuw
        else:
            uitkomst.pop(kolom, None)
    deler = math.gcd(*uitkomst.values())
    if deler > 1:
        uitkomst = {kolom: waarde // deler for kolom, waarde in uitkomst.items()}
    return uitkomst


class _Verborgen:
    """The hidden cells and the relations restricted to them, in independent groups: no
    hidden cell is in the relations of two groups. Whether a cell can be worked out
    depends on the relations of its own group only.

    Kept up to date as cells are hidden (``verberg``): only the relations through a newly
    hidden cell change, and groups only ever merge. Suppression hides a few cells per
    round over some thirty rounds; rebuilding every restricted relation each round took
    a third of its time on the municipality's dashboard."""

    def __init__(self, blad: Blad):
        self.blad = blad
        self.cellen: set[Sleutel] = set()
        self.door: dict[Sleutel, list[int]] = {}  # per cell, its relations' positions
        for nummer, relatie in enumerate(blad.relaties):
            for sleutel in relatie:
                self.door.setdefault(sleutel, []).append(nummer)
        self._rijen: dict[int, dict[Sleutel, int]] = {}  # per relation, restricted
        self._ouder: dict[Sleutel, Sleutel] = {}

    def _wortel(self, cel: Sleutel) -> Sleutel:
        ouder = self._ouder
        while ouder[cel] != cel:
            ouder[cel] = ouder[ouder[cel]]
            cel = ouder[cel]
        return cel

    def verberg(self, cellen: Iterable[Sleutel]) -> None:
        """Hide ``cellen`` too: restrict the relations through them again."""
        nieuw = set(cellen) - self.cellen
        self.cellen |= nieuw
        geraakt = {nummer for cel in nieuw for nummer in self.door.get(cel, ())}
        for nummer in sorted(geraakt):
            relatie = self.blad.relaties[nummer]
            rij = {s: c for s, c in relatie.items() if c and s in self.cellen}
            if not rij:
                continue
            self._rijen[nummer] = rij
            eerste, *andere = rij
            self._ouder.setdefault(eerste, eerste)
            for cel in andere:
                self._ouder.setdefault(cel, cel)
                self._ouder[self._wortel(cel)] = self._wortel(eerste)

    def groepen(self) -> list[list[dict[Sleutel, int]]]:
        """The restricted relations per group, each in the page's order."""
        per_groep: dict[Sleutel, list[dict[Sleutel, int]]] = {}
        for nummer in sorted(self._rijen):
            rij = self._rijen[nummer]
            per_groep.setdefault(self._wortel(next(iter(rij))), []).append(rij)
        return list(per_groep.values())

    def oplosbaar(self, eerder: dict[frozenset, set[Sleutel]]) -> set[Sleutel]:
        """The hidden cells a reader can work out exactly. ``eerder`` keeps the answer
        per group of hidden cells: a group that did not change is not worked out again."""
        uitkomst: set[Sleutel] = set()
        for rijen in self.groepen():
            cellen = frozenset(s for rij in rijen for s in rij)
            if cellen not in eerder:
                eerder[cellen] = {
                    spil for spil, rij in _gereduceerd(rijen).items() if len(rij) == 1
                }
            uitkomst |= eerder[cellen]
        return uitkomst


def oplosbaar(blad: Blad, verborgen: set[Sleutel]) -> set[Sleutel]:
    """The hidden cells a reader can work out exactly from the published ones."""
    stand = _Verborgen(blad)
    stand.verberg(verborgen)
    return stand.oplosbaar({})


def _drempel_van(drempel: int | Callable[[Sleutel], int]) -> Callable[[Sleutel], int]:
    return drempel if callable(drempel) else (lambda sleutel: drempel)


def onderdruk(
    blad: Blad,
    drempel: int | Callable[[Sleutel], int],
    primair: Iterable[Sleutel] = (),
) -> dict[Sleutel, str]:
    """Which cells to hide, and why (``PRIMAIR`` or ``SECUNDAIR``). ``drempel`` may differ
    per cell (each team sets its own); ``primair`` adds cells hidden by a rule of their own
    (events and amounts with too few women behind them)."""
    grens = _drempel_van(drempel)
    verborgen = {
        sleutel: PRIMAIR for sleutel in blad.personen if 0 < blad.waarden[sleutel] < grens(sleutel)
    }
    verborgen.update(dict.fromkeys(primair, PRIMAIR))
    stand = _Verborgen(blad)
    stand.verberg(verborgen)
    per_cel = {
        sleutel: [blad.relaties[nummer] for nummer in nummers]
        for sleutel, nummers in stand.door.items()
    }
    eerder: dict[frozenset, set[Sleutel]] = {}
    while verborgen:
        lek = stand.oplosbaar(eerder)
        if not lek:
            break
        extra = _volgende(blad, verborgen, lek, per_cel)
        if not extra:  # every cell around the hidden ones is hidden already
            break
        verborgen.update(dict.fromkeys(extra, SECUNDAIR))
        stand.verberg(extra)
    return verborgen


def _volgende(blad: Blad, verborgen: dict, lek: set[Sleutel], per_cel: dict) -> set[Sleutel]:
    """The cells to hide next: for each cell that can be worked out, the cheapest
    published cell of a relation through it. Cheap is small and in few relations: a total
    that ties many figures together (the number in view) is the last thing to give up.
    Several at once, so a large page needs few rounds."""

    def kleinste(kandidaten):
        return min(
            kandidaten,
            key=lambda s: (len(per_cel.get(s, ())) * (blad.waarden[s] + 1), repr(s)),
        )

    extra = set()
    for doel in sorted(lek, key=repr):
        kandidaten = {s for relatie in per_cel.get(doel, []) for s in relatie if s not in verborgen}
        if kandidaten and not kandidaten & extra:
            extra.add(kleinste(kandidaten))
    if extra:
        return extra
    kandidaten = {
        s
        for sleutel in verborgen
        for relatie in per_cel.get(sleutel, [])
        for s in relatie
        if s not in verborgen
    }
    return {kleinste(kandidaten)} if kandidaten else set()


def weergave(
    blad: Blad, verborgen: dict[Sleutel, str], drempel: int | Callable[[Sleutel], int]
) -> dict[Sleutel, str]:
    """Each cell as the page shows it."""
    grens = _drempel_van(drempel)
    return {
        sleutel: (
            f"<{grens(sleutel)}"
            if verborgen.get(sleutel) == PRIMAIR
            else "×"
            if verborgen.get(sleutel) == SECUNDAIR
            else str(waarde)
        )
        for sleutel, waarde in blad.waarden.items()
    }
