"""Blocks on the start page. Apps register a function that returns the block's template
and data for the user, or None when it is not for them."""

from collections.abc import Callable

from django.http import HttpRequest

BLOKKEN: dict[str, Callable[[HttpRequest], dict | None]] = {}


def registreer(naam: str, blok: Callable[[HttpRequest], dict | None]) -> None:
    BLOKKEN[naam] = blok


def blokken_voor(request: HttpRequest) -> list[dict]:
    return [blok for maak in BLOKKEN.values() if (blok := maak(request)) is not None]
