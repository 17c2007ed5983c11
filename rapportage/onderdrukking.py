"""Statistical disclosure control for the municipality's figures (ONTWERP §6).

A page of figures is a set of cells and the additive relations the page shows between
them: a total is the sum of its parts, the teams add up to the municipality, and this
month's number in view is last month's plus the inflow minus the outflow. A reader can
combine every relation on the page, so hiding a small number is not enough: no hidden
cell may be solvable from what is published.

- **Primary**: a count of persons from 1 up to the threshold (exclusive) is hidden and
  shown as "<threshold". Zero is shown: it names nobody.
- **Secondary**: as long as some hidden cell can still be worked out, one more published
  cell of a relation through it is hidden too (the smallest that is not zero, so as little
  as possible is lost); it is shown as "×".
- **Audit** (``oplosbaar``): a hidden cell can be worked out exactly when its unit vector
  lies in the row space of the relations restricted to the hidden cells (after moving
  every published value to the other side). Computed exactly, with fractions.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction

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


def _rref(rijen: list[list[Fraction]], kolommen: int) -> list[tuple[int, list[Fraction]]]:
    """Reduced row echelon form; returns (pivot column, row) pairs."""
    rijen = [rij[:] for rij in rijen if any(rij)]
    pivots: list[tuple[int, list[Fraction]]] = []
    rij_index = 0
    for kolom in range(kolommen):
        gevonden = next((i for i in range(rij_index, len(rijen)) if rijen[i][kolom] != 0), None)
        if gevonden is None:
            continue
        rijen[rij_index], rijen[gevonden] = rijen[gevonden], rijen[rij_index]
        spil = rijen[rij_index]
        factor = spil[kolom]
        spil[:] = [waarde / factor for waarde in spil]
        for i, rij in enumerate(rijen):
            if i != rij_index and rij[kolom] != 0:
                f = rij[kolom]
                rij[:] = [a - f * b for a, b in zip(rij, spil, strict=True)]
        pivots.append((kolom, spil))
        rij_index += 1
        if rij_index == len(rijen):
            break
    return pivots


def oplosbaar(blad: Blad, verborgen: set[Sleutel]) -> set[Sleutel]:
    """The hidden cells a reader can work out exactly from the published ones."""
    volgorde = sorted(verborgen, key=repr)
    index = {sleutel: i for i, sleutel in enumerate(volgorde)}
    rijen = []
    for relatie in blad.relaties:
        if any(sleutel in index for sleutel in relatie):
            rij = [Fraction(0)] * len(volgorde)
            for sleutel, coefficient in relatie.items():
                if sleutel in index:
                    rij[index[sleutel]] += coefficient
            rijen.append(rij)
    uitkomst = set()
    for kolom, rij in _rref(rijen, len(volgorde)):
        if all(waarde == 0 for i, waarde in enumerate(rij) if i != kolom):
            uitkomst.add(volgorde[kolom])
    return uitkomst


def onderdruk(blad: Blad, drempel: int) -> dict[Sleutel, str]:
    """Which cells to hide, and why (``PRIMAIR`` or ``SECUNDAIR``)."""
    verborgen = {
        sleutel: PRIMAIR for sleutel in blad.personen if 0 < blad.waarden[sleutel] < drempel
    }
    while verborgen:
        lek = oplosbaar(blad, set(verborgen))
        if not lek:
            break
        extra = _volgende(blad, verborgen, lek)
        if extra is None:  # every cell around the hidden ones is hidden already
            break
        verborgen[extra] = SECUNDAIR
    return verborgen


def _volgende(blad: Blad, verborgen: dict, lek: set[Sleutel]) -> Sleutel | None:
    """The next cell to hide: the smallest published cell of a relation through a cell
    that can be worked out; else of any relation through a hidden cell."""

    def gepubliceerd(relaties):
        return {s for relatie in relaties for s in relatie if s not in verborgen}

    def kleinste(kandidaten):
        # A hidden zero protects little (a reader guesses it), so zeros come last.
        return min(kandidaten, key=lambda s: (blad.waarden[s] == 0, blad.waarden[s], repr(s)))

    for doel in sorted(lek, key=repr):
        kandidaten = gepubliceerd(r for r in blad.relaties if doel in r)
        if kandidaten:
            return kleinste(kandidaten)
    kandidaten = gepubliceerd(r for r in blad.relaties if any(s in verborgen for s in r))
    return kleinste(kandidaten) if kandidaten else None


def weergave(blad: Blad, verborgen: dict[Sleutel, str], drempel: int) -> dict[Sleutel, str]:
    """Each cell as the page shows it."""
    return {
        sleutel: (
            f"<{drempel}"
            if verborgen.get(sleutel) == PRIMAIR
            else "×"
            if verborgen.get(sleutel) == SECUNDAIR
            else str(waarde)
        )
        for sleutel, waarde in blad.waarden.items()
    }
