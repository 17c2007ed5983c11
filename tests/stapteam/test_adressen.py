"""``adres_per_pk`` gives what ``reverse()`` gives, for every route of the project whose
only argument is a whole number."""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from stapteam.adressen import adres_per_pk


def routes_met_een_nummer(resolver=None, namespace="", converters=None):
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        eigen = {**(converters or {}), **getattr(patroon.pattern, "converters", {})}
        if isinstance(patroon, URLResolver):
            ruimte = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            yield from routes_met_een_nummer(patroon, ruimte, eigen)
        elif (
            isinstance(patroon, URLPattern)
            and patroon.name
            and len(eigen) == 1
            and isinstance(next(iter(eigen.values())), IntConverter)
        ):
            yield f"{namespace}{patroon.name}"


ROUTES = sorted(set(routes_met_een_nummer()))


def test_de_routes_van_de_lijsten_zijn_erbij():
    assert {"clients:dossier", "clients:contact_nieuw", "vergunningen:vergunning"} <= set(ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_adres_zoals_reverse(route):
    adres = adres_per_pk(route)
    for pk in (1, 7, 10, 1_234_567):
        assert adres(pk) == reverse(route, args=[pk])


def test_een_route_zonder_nummer_wordt_geweigerd():
    with pytest.raises(NoReverseMatch):
        adres_per_pk("clients:lijst")
