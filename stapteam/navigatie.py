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
    Menu("Mijn cliënten", "clients:mijn", permissie="clients.view_client"),
    Menu("Cliënten", "clients:lijst", permissie="clients.view_client"),
    Menu("Escalaties", "plannen:escalaties", permissie="plannen.view_escalatie"),
    Menu("Vergunningen", "vergunningen:lijst", permissie="vergunningen.view_vergunning"),
    Menu("Budget", "budget:lijst", permissie="budget.view_budget"),
    Menu("Rapportage", "rapportage:evaluatie", permissie="rapportage.rapporten_opvragen"),
    Menu("Dashboard", "rapportage:dashboard", permissie="rapportage.dashboard_inzien"),
    Menu("Toegangsaanvragen", "toegangsaanvragen", permissie="stapteam.toegang_bevestigen"),
    Menu("Toegangslog", "toegangslog", permissie="stapteam.view_toegangslog"),
    Menu("Beheer", "admin:index", permissie="stapteam.view_user"),
    Menu("Mijn account", "mijn_account"),
)


def menu_voor(request: HttpRequest) -> list[dict]:
    """The menu of this request's user; made once per request (the start page's tiles and
    the navigation share it)."""
    if not hasattr(request, "_menu"):
        request._menu = _menu(request)
    return request._menu


def _menu(request: HttpRequest) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = [
        {"label": menu.label, "url": reverse(menu.url_naam), "actief": False}
        for menu in MENU
        if not menu.permissie or toegang.mag(user, menu.permissie)
    ]
    # The current page belongs to the item with the longest matching address.
    passend = [
        item
        for item in items
        if request.path == item["url"]
        or (item["url"] != "/" and request.path.startswith(item["url"]))
    ]
    if passend:
        max(passend, key=lambda item: len(item["url"]))["actief"] = True
    return items
