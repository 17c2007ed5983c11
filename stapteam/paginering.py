"""Paging without counting the list again.

Django's Paginator counts the whole list to number its pages. For the installation-wide
access log (millions of lines, growing every request) that count is most of the page's
time, so this page only knows whether there is a next page: it fetches one row more than
it shows.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


class GeteldePaginator(Paginator):
    """Django's Paginator for a list whose length a query of the page already counted
    (the caseload counts its clients with their signals): no second count."""

    def __init__(self, object_list, per_page, *, aantal: int):
        super().__init__(object_list, per_page)
        self._aantal = aantal

    @cached_property
    def count(self) -> int:
        return self._aantal


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
