"""Paging through a list without counting it in a query of its own.

Django's Paginator counts the whole list to number its pages. For the installation-wide
access log (millions of lines, growing every request) that count is most of the page's
time, so this page only knows whether there is a next page: it fetches one row more than
it shows. A list that is expensive to filter (the permit list, say) counts itself in the
query of its page instead: ``pagina_met_telling``.
"""

import sys
from collections.abc import Callable
from dataclasses import dataclass
from math import ceil

from django.core.paginator import Page, Paginator
from django.db.models import Count, Expression, QuerySet, Sum, Window


class GeteldePaginator(Paginator):
    """Django's Paginator over a list whose length the page already counted."""

    def __init__(self, object_list, per_page: int, *, aantal: int):
        super().__init__(object_list, per_page)
        self.count = aantal  # in place of the cached property that would count again


def kies_pagina(
    nummer,
    per_pagina: int,
    ophalen: Callable[[int], list],
    *,
    lengte: Callable[[object], int],
    in_lijst: Callable[[object], bool] = lambda rij: True,
) -> tuple[int, list]:
    """Page ``nummer`` as ``Paginator.get_page`` chooses it (not a whole number: the
    first; before the first or past the last: the last), and its rows, from a query that
    counts the list in each of its rows: ``ophalen(n)`` gives the rows of page ``n``,
    ``lengte(rij)`` the list's length. The list may be the head of the rows (those for
    which ``in_lijst``). Only a page outside the list costs more: the first page (for the
    length, when the page was past every row), then the last."""
    try:
        nummer = int(nummer)
    except (TypeError, ValueError):
        nummer = 1
    # An offset past what a database's integer holds is past the end of any list.
    rijen = ophalen(nummer) if 1 <= nummer <= sys.maxsize // per_pagina else []
    if nummer != 1 and not any(in_lijst(rij) for rij in rijen):
        opgehaald = nummer if rijen else 1
        if not rijen:
            rijen = ophalen(1)
        nummer = max(1, ceil(lengte(rijen[0]) / per_pagina)) if rijen else 1
        if nummer != opgehaald:
            rijen = ophalen(nummer)
    return nummer, rijen


def pagina_met_telling(
    rijen: QuerySet, per_pagina: int, nummer, **sommen: Expression
) -> tuple[Page, dict[str, int]]:
    """Page ``nummer`` of ``rijen`` as ``kies_pagina`` chooses it, and each of ``sommen``
    summed over the whole list.

    The list's length and the sums come with the page's rows, as window aggregates over
    every row of the list, so the list is filtered once instead of once more for a
    count."""
    geteld = rijen.annotate(
        _pg_aantal=Window(Count("pk")),
        **{f"_pg_{naam}": Window(Sum(som)) for naam, som in sommen.items()},
    )

    def ophalen(nummer: int) -> list:
        begin = (nummer - 1) * per_pagina
        return list(geteld[begin : begin + per_pagina])

    nummer, gevonden = kies_pagina(nummer, per_pagina, ophalen, lengte=lambda rij: rij._pg_aantal)
    eerste = gevonden[0] if gevonden else None
    aantal = eerste._pg_aantal if eerste else 0
    paginator = GeteldePaginator(rijen, per_pagina, aantal=aantal)
    return Page(gevonden, nummer, paginator), {
        naam: (getattr(eerste, f"_pg_{naam}") or 0) if eerste else 0 for naam in sommen
    }


@dataclass
class PaginaZonderTelling:
    object_list: list
    number: int
    has_next: bool
    eerste_rij: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def laatste_rij(self) -> int:
        return self.eerste_rij + len(self.object_list) - 1


def pagina_zonder_telling(rijen: QuerySet, per_pagina: int, nummer) -> PaginaZonderTelling:
    """Page ``nummer`` (1 when missing or not a positive whole number) of ``rijen``."""
    try:
        nummer = max(1, int(nummer))
    except (TypeError, ValueError):
        nummer = 1
    begin = (nummer - 1) * per_pagina
    gevonden = list(rijen[begin : begin + per_pagina + 1])
    return PaginaZonderTelling(
        object_list=gevonden[:per_pagina],
        number=nummer,
        has_next=len(gevonden) > per_pagina,
        eerste_rij=begin + 1,
    )
