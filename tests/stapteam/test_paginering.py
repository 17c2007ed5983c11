"""A page counted in its own query: the same page as Django's Paginator chooses, with the
list's length and sums, in one query when the number is on the list."""

import pytest
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When

from stapteam.models import Gemeente
from stapteam.paginering import pagina_met_telling

pytestmark = pytest.mark.django_db

MET_A = Case(
    When(naam__startswith="A", then=Value(1)), default=Value(0), output_field=IntegerField()
)


def gevraagd(nummer) -> int:
    try:
        return int(nummer)
    except (TypeError, ValueError):
        return 1


@pytest.mark.parametrize("aantal", [0, 1, 5, 6])
@pytest.mark.parametrize(
    "nummer", [None, "", "abc", "2.0", "-1", "0", "1", "2", "3", "4", "99", 2, "9" * 30]
)
def test_dezelfde_pagina_als_paginator(aantal, nummer, tel_queries):
    for i in range(aantal):
        Gemeente.objects.create(naam=f"{'AB'[i % 2]}-gemeente {i}")
    gemeenten = Gemeente.objects.filter(naam__contains="-gemeente").order_by("naam")
    verwacht = Paginator(gemeenten, 2).get_page(nummer)

    uitkomst = []
    queries = tel_queries(
        lambda: uitkomst.append(pagina_met_telling(gemeenten, 2, nummer, met_a=MET_A))
    )
    pagina, sommen = uitkomst[0]
    assert pagina.number == verwacht.number
    assert list(pagina.object_list) == list(verwacht.object_list)
    assert pagina.paginator.count == aantal
    assert pagina.paginator.num_pages == verwacht.paginator.num_pages
    assert pagina.has_next() == verwacht.has_next()
    assert pagina.has_previous() == verwacht.has_previous()
    assert sommen == {"met_a": (aantal + 1) // 2}
    if gevraagd(nummer) == verwacht.number:
        assert queries == 1
    else:  # outside the list: the first page for the count, then the last
        assert queries <= 3
