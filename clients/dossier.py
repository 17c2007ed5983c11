"""The dossier page is built from sections; each app registers its own.

A section names its template and a function that gathers its data for one client (a
fixed number of queries, whatever her history). ``gegevens`` returns None to leave the
section out, for instance from the reduced dossier of the ervaringsdeskundige. A section
may also offer actions (buttons at the top of the dossier), such as "Contact vastleggen".
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from clients.models import Client


@dataclass(frozen=True)
class Onderdeel:
    sleutel: str  # the section's anchor on the page
    titel: str
    template: str
    gegevens: Callable[[HttpRequest, Client, bool], dict | None]
    volgorde: int = 100
    # (label, url) pairs for the user, shown as buttons in the dossier's summary
    acties: Callable[[HttpRequest, Client], list[tuple[str, str]]] | None = None


ONDERDELEN: dict[str, Onderdeel] = {}


def registreer(onderdeel: Onderdeel) -> None:
    ONDERDELEN[onderdeel.sleutel] = onderdeel


def _op_volgorde() -> list[Onderdeel]:
    return sorted(ONDERDELEN.values(), key=lambda o: (o.volgorde, o.sleutel))


def acties(request: HttpRequest, client: Client) -> list[dict]:
    """The actions the user may take on her dossier, most used first."""
    return [
        {"label": label, "url": url}
        for onderdeel in _op_volgorde()
        if onderdeel.acties is not None
        for label, url in onderdeel.acties(request, client)
    ]


def secties(request: HttpRequest, client: Client, volledig: bool) -> list[dict]:
    """The sections of her dossier for this user, in page order, with their data."""
    uitkomst = []
    for onderdeel in _op_volgorde():
        gegevens = onderdeel.gegevens(request, client, volledig)
        if gegevens is not None:
            uitkomst.append(
                {
                    "sleutel": onderdeel.sleutel,
                    "titel": onderdeel.titel,
                    "template": onderdeel.template,
                    "gegevens": gegevens,
                }
            )
    return uitkomst
