"""Paging through a list without counting it once more.

Django's Paginator counts the whole list to number its pages. For the installation-wide
access log (millions of lines, growing every request) that count is most of the page's
time, so this page only knows whether there is a next page: it fetches one row more than
it shows. A page that counts its list anyway (with its signals, say) tells the Paginator
that count instead.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet


class GeteldePaginator(Paginator):
    """Django's Paginator over a list whose length the page already counted."""

    def __init__(self, object_list, per_page: int, *, aantal: int):
        super().__init__(object_list, per_page)
        self.count = aantal  # in place of the cached property that would count again


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
