"""The main navigation: each role sees only the pages it may use.

One list for the whole application; each entry names the permission its page checks, so
the menu and the page can never disagree.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from stapteam import toegang


@dataclass(frozen=True)
class Menu:
    label: str
    url_naam: str
    permissie: str | None = None  # None: every logged-in user


MENU: tuple[Menu, ...] = (
    Menu("Start", "start"),
    Menu("Beheer", "admin:index", permissie="stapteam.view_user"),
    Menu("Mijn account", "mijn_account"),
)


def menu_voor(request: HttpRequest) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    for menu in MENU:
        if menu.permissie and not toegang.mag(user, menu.permissie):
            continue
        url = reverse(menu.url_naam)
        actief = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"label": menu.label, "url": url, "actief": actief})
    return items
