"""Every page each role reaches: no sideways scrolling at 320 px, no WCAG 2.1 A/AA violation.

The login page is walked without an account; then each demo account logs in through the
real login form and walks, breadth first, the same-origin links it reaches from the start
page and its menu (the administrator also from the Django admin), at 320 and 390 px. On
each page the document may not be wider than the window (WCAG 1.4.10 reflow; a failure
names the page and its widest element), no content may be cut off, a box that scrolls
sideways must be a region the keyboard can reach, and no link may answer with an error.
One page of each kind per role is audited with axe-core's WCAG 2.1 A and AA rules
(``axe-playwright-python`` ships axe-core, so nothing is downloaded). Runs in CI (see
``tests/browser.py`` for when it is skipped).
"""

import re
import time
from collections import deque
from io import StringIO
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings
from django.core.management import call_command

from rapportage.management.commands.seed_demo import STANDAARD_WACHTWOORD
from stapteam.constants import Rol
from stapteam.demo import DEMO_ACCOUNTS
from tests.browser import chromium, inloggen, zonder_chromium_overslaan

pytestmark = [
    pytest.mark.browser,
    zonder_chromium_overslaan,
    # serialized_rollback: starts from what the migrations put in (organisations, roles),
    # also after another test that emptied the tables, and leaves it for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BREEDTES = (320, 390)
# Pages with the same address but for the numbers (another client, another plan) share a
# layout: two of each are enough, one of each form. Dossiers differ in what they link to
# (a ZRM overview only where she has measurements), so more of those. The walk stays
# within a few minutes.
PER_SOORT = 2
FORMULIER = re.compile(r"/(nieuw|wijzigen|corrigeren|aanvraag|besluit|bezwaar|situatie/\w+)/$")
DOSSIER = re.compile(r"/clienten/\d+/")
DOSSIERS = 6
MAX_PAGINAS = 150


def hoeveel(pad: str) -> int:
    """How many pages of this kind to visit."""
    if FORMULIER.search(pad):
        return 1
    return DOSSIERS if DOSSIER.fullmatch(pad) else PER_SOORT


# Not pages: logging out, downloads.
OVERSLAAN = re.compile(r"/accounts/logout/|/logout/$|/downloaden/|/bonnetje/|/scan/")
DOWNLOAD = re.compile(r"(^|&)formaat=")  # a report as a file
# The Django admin is audited by axe, at a desk's width, but not held to the phone widths:
# its layout is Django's (docs/toegankelijkheid.md).
BEHEER = "/" + django_settings.BEHEER_URL
BUREAUBREEDTE = 1280

# axe-core's rules for WCAG 2.0 and 2.1, levels A and AA; only the violations come back.
AXE_OPTIES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()  # with the axe-core script shipped in the package

# The widest element that sticks out to the right, described for the failure message.
BREEDSTE = """() => {
  const breedte = window.innerWidth;
  if (document.documentElement.scrollWidth <= breedte) return null;
  let gevonden = null;
  let rechts = breedte;
  for (const el of document.body.querySelectorAll("*")) {
    const rand = el.getBoundingClientRect().right;
    if (rand > rechts + 0.5 || (gevonden && rand >= rechts - 0.5 && gevonden.contains(el))) {
      gevonden = el;
      rechts = Math.max(rechts, rand);
    }
  }
  const naam = gevonden
    ? gevonden.tagName.toLowerCase() + (gevonden.className ? "." + gevonden.className : "")
      + " «" + (gevonden.textContent || "").trim().slice(0, 60) + "»"
    : "?";
  return {scrollWidth: document.documentElement.scrollWidth, element: naam};
}"""

# Content cut off inside a box that hides its overflow, or a box that scrolls sideways
# other than a wide table in a region the keyboard can reach (tabindex, role and name),
# with its caption in view: a list shown as cards on a phone has to fit.
AFGEKNIPT = """() => {
  const gevonden = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.matches("input, select, textarea, .visueel-verborgen, .visueel-verborgen *")) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1) continue;
    const stijl = getComputedStyle(el);
    if (stijl.overflowX === "visible") continue;
    const scrollt = stijl.overflowX === "auto" || stijl.overflowX === "scroll";
    const bereikbaar = el.tabIndex >= 0 && el.getAttribute("role") === "region"
      && (el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby"));
    const tabel = el.querySelector("table");
    const alsTabel = tabel !== null && getComputedStyle(tabel).display === "table";
    const bijschrift = alsTabel ? tabel.querySelector("caption") : null;
    const bijschriftPast = !bijschrift
      || bijschrift.getBoundingClientRect().width <= el.clientWidth + 1;
    if (scrollt && bereikbaar && alsTabel && bijschriftPast) continue;
    const fout = !scrollt ? " knipt af"
      : alsTabel && bereikbaar ? " scrollt zijwaarts en het bijschrift valt deels buiten beeld"
      : !alsTabel ? " scrollt zijwaarts, maar hoort op een telefoon te passen"
      : " scrollt zijwaarts zonder toetsenbord";
    gevonden.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + fout
      + " «" + (el.textContent || "").trim().slice(0, 40) + "»");
  }
  return gevonden.slice(0, 3);
}"""

LINKS = """() => Array.from(document.querySelectorAll("a[href]"), (a) => a.href)"""


def soort(adres: str) -> str:
    """The kind of page: the path without its numbers, and the names of the parameters.

    In the admin only the path: its sorting, filters and facets are parameters of one list.
    """
    delen = urlsplit(adres)
    if delen.path.startswith(BEHEER):
        return re.sub(r"\d+", "#", delen.path)
    parameters = sorted({naam for naam, _ in parse_qsl(delen.query)})
    return re.sub(r"\d+", "#", delen.path) + "?" + "&".join(parameters)


class Audit:
    """axe-core's WCAG 2.1 A/AA rules on one page of each kind per role."""

    def __init__(self):
        self.per_rol: dict[str, set[str]] = {}  # the kinds of page audited
        self.seconden = 0.0

    def controleer(self, pagina, rol: str, adres: str) -> list[str]:
        """The violations on the loaded page (rule, impact, elements); none for a kind
        this role already had audited."""
        gehad = self.per_rol.setdefault(rol, set())
        if soort(adres) in gehad:
            return []
        gehad.add(soort(adres))
        begin = time.monotonic()
        uitkomst = AXE.run(pagina, options=AXE_OPTIES).response
        self.seconden += time.monotonic() - begin
        return [
            f"{adres}: {regel['id']} ({regel['impact']}) "
            + ", ".join(" ".join(element["target"]) for element in regel["nodes"][:3])
            + (f" en {len(regel['nodes']) - 3} meer" if len(regel["nodes"]) > 3 else "")
            for regel in uitkomst["violations"]
        ]

    def aantal(self, rol: str | None = None, onder: str = "") -> int:
        return sum(
            soort.startswith(onder)
            for naam, soorten in self.per_rol.items()
            if rol in (None, naam)
            for soort in soorten
        )


def rondgang(pagina, basis: str, begin: list[str], audit: Audit, rol: str):
    """Visit what one user reaches from ``begin``; returns (visited addresses, problems)."""
    bezocht, problemen = [], []
    gezien, per_soort = set(begin), {}
    wachtrij = deque(begin)
    while wachtrij and len(bezocht) < MAX_PAGINAS:
        adres = wachtrij.popleft()
        beheer = adres.startswith(BEHEER)
        # Loaded at the narrowest width, then widened: as a phone turned sideways. The
        # admin at a desk's width only.
        breedtes = () if beheer else BREEDTES
        pagina.set_viewport_size({"width": BUREAUBREEDTE if beheer else BREEDTES[0], "height": 800})
        antwoord = pagina.goto(basis + adres)
        bezocht.append(adres)
        if antwoord.status >= 400:
            problemen.append(f"{adres}: HTTP {antwoord.status}")
            continue
        for breedte in breedtes:
            pagina.set_viewport_size({"width": breedte, "height": 800})
            te_breed = pagina.evaluate(BREEDSTE)
            if te_breed:
                problemen.append(
                    f"{adres} bij {breedte} px: {te_breed['scrollWidth']} px breed, "
                    f"breedste element {te_breed['element']}"
                )
            afgeknipt = pagina.evaluate(AFGEKNIPT)
            problemen += [f"{adres} bij {breedte} px: {fout}" for fout in afgeknipt]
        problemen += audit.controleer(pagina, rol, adres)
        for link in pagina.evaluate(LINKS):
            if not link.startswith(basis):
                continue
            delen = urlsplit(link.removeprefix(basis))
            nieuw = delen.path + (f"?{delen.query}" if delen.query else "")
            if nieuw in gezien or OVERSLAAN.search(delen.path) or DOWNLOAD.search(delen.query):
                continue
            if delen.path.startswith(BEHEER) and not beheer:
                continue  # the admin is walked from its own index
            gezien.add(nieuw)
            if per_soort.get(soort(nieuw), 0) < hoeveel(delen.path):
                per_soort[soort(nieuw)] = per_soort.get(soort(nieuw), 0) + 1
                wachtrij.append(nieuw)
    return bezocht, problemen


def test_geen_pagina_scrollt_zijwaarts_of_overtreedt_wcag(
    live_server, settings, monkeypatch, record_property
):
    settings.MFA_VERPLICHT = False  # the demo accounts, as in the demo
    monkeypatch.delenv("DEMO_WACHTWOORD", raising=False)
    call_command("seed_demo", stdout=StringIO())
    basis = live_server.url
    begin = time.monotonic()
    per_account, problemen = {}, []
    audit = Audit()
    with chromium() as browser:
        context = browser.new_context(viewport={"width": BREEDTES[0], "height": 800})
        bezocht, fouten = rondgang(context.new_page(), basis, ["/"], audit, "anoniem")
        per_account["anoniem"] = len(bezocht)
        problemen += [f"anoniem {fout}" for fout in fouten]
        context.close()
        for gebruikersnaam, _, rol, *_ in DEMO_ACCOUNTS:
            context = browser.new_context(viewport={"width": BREEDTES[0], "height": 800})
            pagina = context.new_page()
            inloggen(pagina, basis, gebruikersnaam, STANDAARD_WACHTWOORD)
            # The check means nothing without the stylesheet: make sure it was applied.
            assert pagina.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--primair')"
            ).strip(), "de stylesheet is niet geladen"
            start = ["/", BEHEER] if rol == Rol.BEHEERDER else ["/"]
            bezocht, fouten = rondgang(pagina, basis, start, audit, rol)
            per_account[gebruikersnaam] = len(bezocht)
            problemen += [f"{gebruikersnaam} {fout}" for fout in fouten]
            context.close()
    telling = (
        f"{sum(per_account.values())} pagina's bezocht, {audit.aantal()} met axe "
        f"gecontroleerd (waarvan {audit.aantal(onder=BEHEER)} in {BEHEER}) voor "
        f"{len(audit.per_rol) - 1} rollen en anoniem; {time.monotonic() - begin:.0f} s, "
        f"waarvan axe {audit.seconden:.0f} s"
    )
    record_property("telling", telling)
    print(f"\nPagina's per account: {per_account}\n{telling}")
    assert all(aantal > 3 for wie, aantal in per_account.items() if wie != "anoniem"), per_account
    assert audit.aantal(Rol.BEHEERDER, BEHEER) > 3, "het beheer is nauwelijks bezocht"
    assert problemen == [], f"{len(problemen)} problemen:\n" + "\n".join(problemen)
