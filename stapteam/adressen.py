"""Addresses of the objects of a list, without a ``reverse()`` per row.

``reverse()`` costs tens of microseconds; for a list page with one or two links per row
that was more than the page's own queries. ``adres_per_pk`` reverses the route once with
a placeholder number and returns a function that fills in each object's number.
``tests/stapteam/test_adressen.py`` compares it with ``reverse()``.
"""

from collections.abc import Callable

from django.urls import reverse

_PLAATSHOUDER = 0


def adres_per_pk(route: str) -> Callable[[int], str]:
    """For a route whose only argument is a whole number (``<int:pk>``): the function
    ``pk -> address``, as ``reverse(route, args=[pk])`` gives it."""
    voorbeeld = reverse(route, args=[_PLAATSHOUDER])
    voor, teken, na = voorbeeld.rpartition(f"/{_PLAATSHOUDER}/")
    if not teken:
        raise ValueError(f"{route}: het nummer staat niet als eigen deel in {voorbeeld}")
    return lambda pk: f"{voor}/{int(pk)}/{na}"
