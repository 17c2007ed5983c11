"""Journeys through the real pages in Chromium, on a phone (390 × 844), as the team works.

Each journey logs in through the real login form with the second step (a TOTP code
computed here from the account's authenticator secret) and does what a person in that
role does: the casemanager logs a contact and a ZRM, the peer worker logs a contact and
never sees a confidential one, the coordinator approves a spend and downloads the
reports, the municipality reads its dashboard and gets no dossier, and an idle session
ends. Two journeys use the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys):
focus must be visible, move in document order, stay out from under the sticky save bar,
and never be trapped.

Playwright runs an event loop in the test's thread, in which Django refuses the database:
what a journey needs is read before ``chromium()`` starts, and checked after it closes.
See ``tests/browser.py`` for when these tests are skipped.
"""

import datetime as dt
import time
import uuid
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from budget.constants import UitgaveStatus
from rapportage.management.commands.seed_demo import STANDAARD_WACHTWOORD
from stapteam.constants import Rol
from stapteam.models import User
from tests.browser import chromium, zonder_chromium_overslaan
from tests.factories import WACHTWOORD, ClientFactory, TeamFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    zonder_chromium_overslaan,
    # serialized_rollback: starts from what the migrations put in (organisations, roles),
    # also after another test that emptied the tables, and leaves it for the tests after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TELEFOON = {"width": 390, "height": 844}
# Playwright's own wait for an element or a page; a journey that needs longer is broken.
WACHTTIJD_MS = 15_000
# Making the 20-page evaluation PDF takes seconds, on a busy machine many more.
RAPPORT_MS = 120_000


@pytest.fixture
def demo(live_server, monkeypatch):
    """The demo installation on the live server; returns the server's address."""
    monkeypatch.delenv("DEMO_WACHTWOORD", raising=False)
    call_command("seed_demo", stdout=StringIO())
    return live_server.url


def app_koppelen(gebruikersnaam: str) -> str:
    """Give a demo account an authenticator app, as every real account has; its secret."""
    geheim = generate_totp_secret()
    TOTP.activate(User.objects.get(username=gebruikersnaam), geheim)
    return geheim


def geheim_van(user: User) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def totp_code(geheim: str) -> str:
    """The app's current code; just before a new one starts, wait for that one."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(geheim, int(time.time()) // 30))


def nieuwe_pagina(browser, **opties):
    context = browser.new_context(viewport=TELEFOON, accept_downloads=True, **opties)
    context.set_default_timeout(WACHTTIJD_MS)
    return context.new_page()


def inloggen_met_app(pagina, basis: str, gebruikersnaam: str, wachtwoord: str, geheim: str):
    """The login form, then the code of the authenticator app; lands on the start page."""
    pagina.goto(f"{basis}/accounts/login/")
    pagina.fill("#id_login", gebruikersnaam)
    pagina.fill("#id_password", wachtwoord)
    pagina.click("main button[type=submit]")
    pagina.wait_for_url("**/accounts/2fa/authenticate/")
    pagina.fill("input[name=code]", totp_code(geheim))
    pagina.click("main button[type=submit]")
    pagina.wait_for_url(f"{basis}/")
    assert pagina.locator(".hoofdmenu__uitloggen button").count() == 1


def menu(pagina, naam: str) -> None:
    """Follow an item of the main menu, which folds away behind a button on a phone."""
    knop = pagina.get_by_role("button", name="Menu")
    if knop.is_visible() and knop.get_attribute("aria-expanded") != "true":
        knop.click()
    pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=naam, exact=True
    ).click()


# --- Four roles through the demo --------------------------------------------------------
# One demo for the four journeys (seeding it takes most of the time): what each needs
# from the database first, then the browser, then what each left in the database.


def test_vier_rollen_door_de_demo(demo, tmp_path):
    casemanager = app_koppelen("casemanager1")
    ervaringsdeskundige = app_koppelen("ervaringsdeskundige1")
    coordinator = app_koppelen("coordinator1")
    gemeente = app_koppelen("gemeente1")
    vertrouwelijk = vertrouwelijk_contact("stapteam-nijmegen")
    uitgave = wachtende_uitgave("stapteam-nijmegen")
    doel = f"Kwartaalverantwoording ({uuid.uuid4().hex[:8]})"

    with chromium() as browser:
        casemanager_legt_een_contact_en_een_zrm_vast(browser, demo, casemanager)
        ervaringsdeskundige_ziet_nooit_een_vertrouwelijk_contact(
            browser, demo, ervaringsdeskundige, *vertrouwelijk
        )
        pdf, xlsx = coordinator_keurt_goed_en_downloadt(browser, demo, coordinator, doel, tmp_path)
        gemeente_leest_het_dashboard_maar_krijgt_geen_dossier(
            browser, demo, gemeente, vertrouwelijk[0]
        )

    uitgave.refresh_from_db()
    assert uitgave.status == UitgaveStatus.GOEDGEKEURD
    rapporten_bevatten_wat_ze_beloven(pdf, xlsx, doel)


def casemanager_legt_een_contact_en_een_zrm_vast(browser, basis, geheim):
    notitie = f"Samen naar het loket geweest ({uuid.uuid4().hex[:8]})"
    pagina = nieuwe_pagina(browser)
    inloggen_met_app(pagina, basis, "casemanager1", STANDAARD_WACHTWOORD, geheim)

    menu(pagina, "Cliënten")
    pagina.fill("#id_zoek", "Kim")
    pagina.get_by_role("button", name="Zoeken", exact=True).click()
    pagina.wait_for_url("**/clienten/?zoek=Kim*")
    assert "1 cliënt gevonden" in pagina.get_by_role("status").first.inner_text()
    pagina.get_by_role("link", name="Kim", exact=True).click()
    assert pagina.get_by_role("heading", level=1).inner_text().startswith("Kim")
    dossier = pagina.url

    pagina.get_by_role("link", name="Contact vastleggen").click()
    pagina.get_by_text("Face-to-face", exact=True).click()
    pagina.get_by_text("Meer details (duur, onderwerpen, notitie)").click()
    pagina.fill("#id_notitie", notitie)
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url(dossier)
    assert pagina.get_by_text(notitie).is_visible()

    pagina.get_by_role("link", name="Alle metingen").click()
    grafiek = pagina.locator("svg.grafiek")
    voor = grafiek.inner_html()
    # The texts of the chart: the two legends, Financiën, its first and its last score.
    laatste_financien = grafiek.locator("text").nth(4).text_content()
    pagina.get_by_role("link", name="ZRM afnemen").click()
    vandaag = dt.date.fromisoformat(pagina.input_value("#id_datum"))
    score = "1" if laatste_financien != "1" else "2"
    pagina.locator(f"#id_financien_{score}").check()
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url(f"{dossier}#zrm")  # back on the dossier, at its ZRM section
    pagina.get_by_role("link", name="Alle metingen").click()
    assert grafiek.inner_html() != voor
    # The legend names the new measurement, and Financiën's second bar shows its score.
    assert f"Laatste ({vandaag:%d-%m-%Y})" in grafiek.text_content()
    assert grafiek.locator("text").nth(4).text_content() == score
    pagina.context.close()


def vertrouwelijk_contact(team: str) -> tuple[int, str, int]:
    """A confidential contact with a note of its own, logged yesterday by her casemanager
    for the team's first client; the client, the note and her open contacts' number."""
    from clients import services
    from clients.constants import ContactSoort
    from clients.models import Client

    client = Client.objects.filter(team__code=team, casemanager__isnull=False).first()
    tekst = f"Vertrouwelijk: vertelde over geweld thuis ({uuid.uuid4().hex[:8]})"
    services.contact_registreren(
        client=client,
        door=client.casemanager,
        soort=ContactSoort.FACE_TO_FACE,
        tijdstip=timezone.now() - dt.timedelta(days=1),
        notitie=tekst,
        vertrouwelijk=True,
    )
    return client.pk, tekst, client.contacten.filter(vertrouwelijk=False).count()


def ervaringsdeskundige_ziet_nooit_een_vertrouwelijk_contact(
    browser, basis, geheim, client, geheime_tekst, open_contacten
):
    notitie = f"Koffie gedronken bij de huiskamer ({uuid.uuid4().hex[:8]})"
    bezocht = []

    def nergens_vertrouwelijk(pagina):
        bezocht.append(pagina.url)
        assert geheime_tekst not in pagina.content(), f"{pagina.url} toont het vertrouwelijke"

    pagina = nieuwe_pagina(browser)
    inloggen_met_app(pagina, basis, "ervaringsdeskundige1", STANDAARD_WACHTWOORD, geheim)
    nergens_vertrouwelijk(pagina)
    menu(pagina, "Cliënten")
    nergens_vertrouwelijk(pagina)
    pagina.goto(f"{basis}/clienten/{client}/")
    nergens_vertrouwelijk(pagina)
    dossier = pagina.url
    # Not even counted: the number she sees is that of the open contacts.
    pagina.get_by_role("link", name=f"Alle contacten ({open_contacten})").click()
    nergens_vertrouwelijk(pagina)
    pagina.goto(dossier)
    pagina.get_by_role("link", name="Contact vastleggen").click()
    nergens_vertrouwelijk(pagina)
    pagina.get_by_text("Telefonisch", exact=True).click()
    pagina.get_by_text("Meer details (duur, onderwerpen, notitie)").click()
    # She cannot mark a contact confidential: she would not see it afterwards.
    assert pagina.locator("#id_vertrouwelijk").count() == 0
    pagina.fill("#id_notitie", notitie)
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.wait_for_url(dossier)
    assert pagina.get_by_text(notitie).is_visible()
    nergens_vertrouwelijk(pagina)
    pagina.get_by_role("link", name=f"Alle contacten ({open_contacten + 1})").click()
    assert pagina.get_by_text(notitie).is_visible()
    nergens_vertrouwelijk(pagina)
    assert len(bezocht) == 7
    pagina.context.close()


def wachtende_uitgave(team: str):
    from budget.models import Uitgave

    wachtend = Uitgave.objects.filter(budget__team__code=team, status=UitgaveStatus.INGEDIEND)
    assert wachtend.count() == 1, "de demo heeft één uitgave die op goedkeuring wacht"
    return wachtend.get()


def coordinator_keurt_goed_en_downloadt(browser, basis, geheim, doel, map):
    pagina = nieuwe_pagina(browser)
    inloggen_met_app(pagina, basis, "coordinator1", STANDAARD_WACHTWOORD, geheim)

    pagina.goto(f"{basis}/budget/goedkeuren/")
    pagina.get_by_role("link", name="€ ").first.click()
    pagina.get_by_label("Goedkeuren").check()
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.wait_for_load_state()
    pagina.goto(f"{basis}/budget/goedkeuren/")
    assert "0 uitgaven" in pagina.get_by_role("status").first.inner_text()

    menu(pagina, "Rapportage")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Evaluatierapport"
    with pagina.expect_download(timeout=RAPPORT_MS) as download:
        pagina.get_by_role("link", name="Download PDF").click()
    pdf = map / download.value.suggested_filename
    download.value.save_as(pdf)

    monitor = pagina.locator("#monitor")
    monitor.get_by_label("Formaat").select_option("xlsx")
    monitor.get_by_role("button", name="Verder naar downloaden").click()
    assert pagina.get_by_role("heading", level=1).inner_text() == "Voortgangsmonitor downloaden"
    # Before the file: to whom and why, for the register of disclosures.
    pagina.get_by_label("Aan (ontvanger)").select_option("gemeente")
    pagina.get_by_label("Doel (waarom)").fill(doel)
    pagina.get_by_label("Reden zonder toestemming").fill("Verantwoording van de subsidie")
    with pagina.expect_download(timeout=RAPPORT_MS) as download:
        pagina.get_by_role("button", name="Vastleggen en downloaden").click()
    xlsx = map / download.value.suggested_filename
    download.value.save_as(xlsx)
    pagina.context.close()
    return pdf, xlsx


def rapporten_bevatten_wat_ze_beloven(pdf, xlsx, doel: str) -> None:
    from clients.models import Verstrekking

    assert pdf.suffix == ".pdf"
    tekst = "\n".join(blad.extract_text() for blad in PdfReader(pdf).pages)
    assert "Evaluatie zorgaanpak" in tekst
    assert "Stapteam Nijmegen" in tekst
    assert "Behaalde resultaten in de periode" in tekst
    assert "Instroomwoning" in tekst  # the result's name, not its catalogue code

    assert xlsx.suffix == ".xlsx"
    boek = load_workbook(xlsx)
    assert boek.sheetnames == ["Kerncijfers", "Cliënten", "Inzet"]
    assert boek["Kerncijfers"]["A1"].value.startswith("Voortgangsmonitor Stapteam Nijmegen")
    rijen = list(boek["Cliënten"].iter_rows(min_row=2, values_only=True))
    assert rijen[-1][0] == "Totaal"
    in_bestand = {str(rij[0]) for rij in rijen[:-1]}
    # Every client in the file has a line in the register, with the purpose given.
    geregistreerd = set(
        Verstrekking.objects.filter(waarom=doel).values_list("client__code", flat=True)
    )
    assert in_bestand and in_bestand == geregistreerd


def gemeente_leest_het_dashboard_maar_krijgt_geen_dossier(browser, basis, geheim, dossier):
    pagina = nieuwe_pagina(browser)
    inloggen_met_app(pagina, basis, "gemeente1", STANDAARD_WACHTWOORD, geheim)
    menu(pagina, "Dashboard")
    assert pagina.get_by_role("heading", level=1).inner_text() == "Dashboard"
    assert pagina.get_by_role("heading", name="Zo leest u de cijfers").is_visible()
    assert pagina.locator("table").count() > 0
    for adres in (f"/clienten/{dossier}/", f"/clienten/{dossier}/contacten/", "/clienten/"):
        antwoord = pagina.goto(f"{basis}{adres}")
        assert antwoord.status in (403, 404), f"{adres}: {antwoord.status}"
    pagina.context.close()


# --- The idle session -------------------------------------------------------------------

# Long enough for a login with its code on a busy machine.
INACTIEF_SECONDEN = 15


def test_inactieve_sessie_eindigt_na_de_ingestelde_tijd(live_server, settings):
    # The configured idle time, shortened: the same settings the middleware, the session
    # and the page's warning read.
    settings.SESSION_COOKIE_AGE = INACTIEF_SECONDEN
    settings.SESSIE_VERNIEUWEN_NA_SECONDEN = 1
    team = TeamFactory()
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    # Two colleagues: an app's code is accepted once, and both logins may fall in one
    # thirty-second period.
    collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
    kim = ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager)
    geheim, geheim_collega = geheim_van(casemanager), geheim_van(collega)
    basis = live_server.url
    dossier = f"{basis}/clienten/{kim.pk}/"

    with chromium() as browser:
        # Without JavaScript: the server ends the session by itself.
        pagina = nieuwe_pagina(browser, java_script_enabled=False)
        inloggen_met_app(pagina, basis, casemanager.username, WACHTWOORD, geheim)
        pagina.goto(dossier)
        assert pagina.url == dossier
        pagina.wait_for_timeout((INACTIEF_SECONDEN + 1) * 1000)
        pagina.goto(dossier)
        assert "/accounts/login/" in pagina.url
        pagina.context.close()

        # With JavaScript: a warning first, then the login page.
        pagina = nieuwe_pagina(browser)
        inloggen_met_app(pagina, basis, collega.username, WACHTWOORD, geheim_collega)
        pagina.goto(dossier)
        dialoog = pagina.get_by_role("dialog", name="Je wordt zo uitgelogd")
        dialoog.wait_for(state="visible", timeout=INACTIEF_SECONDEN * 1000)
        pagina.wait_for_url("**/accounts/login/**", timeout=INACTIEF_SECONDEN * 1000)
        pagina.goto(dossier)
        assert "/accounts/login/" in pagina.url


# --- Keyboard only ----------------------------------------------------------------------

# What has focus, where it is, and whether its focus is visible: an outline or a shadow
# on the element itself, on the label of a hidden radio button, or on the box around a
# field that draws its own ring with :focus-within. ``bedekt`` is true when the centre of
# the element lies under something else (the sticky save bar).
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const zichtbaar = (e) => {
    if (!e) return false;
    const s = getComputedStyle(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
      || (s.boxShadow && s.boxShadow !== "none");
  };
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  const doel = el.type === "radio" && getComputedStyle(el).opacity === "0" ? label : el;
  const vak = doel.getBoundingClientRect();
  const midden = document.elementFromPoint(vak.left + vak.width / 2, vak.top + vak.height / 2);
  const alle = Array.from(document.querySelectorAll("*"));
  return {
    naam: (el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " «"
      + (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30)
      + "»"),
    plek: alle.indexOf(el),
    zichtbaar: zichtbaar(el) || zichtbaar(label) || zichtbaar(el.parentElement),
    bedekt: vak.height > 0 && midden !== null && !doel.contains(midden) && !midden.contains(doel)
      && !(label && label.contains(midden)),
  };
}"""


def tab(pagina, toets: str = "Tab") -> dict:
    pagina.keyboard.press(toets)
    focus = pagina.evaluate(FOCUS)
    assert focus is not None, f"na {toets} heeft niets de focus"
    assert focus["zichtbaar"], f"focus niet zichtbaar op {focus['naam']} ({pagina.url})"
    assert not focus["bedekt"], f"{focus['naam']} heeft de focus maar ligt onder iets anders"
    return focus


def tab_naar(pagina, beschrijving: str, gezocht, maximaal: int = 60) -> list[dict]:
    """Tab until ``gezocht(focus)``; each step forward in the document, focus visible."""
    stappen = []
    for _ in range(maximaal):
        focus = tab(pagina)
        if stappen:
            # A date field keeps the focus while Tab moves through its day, month and year.
            assert focus["plek"] >= stappen[-1]["plek"], (
                f"de focus springt terug van {stappen[-1]['naam']} naar {focus['naam']}"
            )
        stappen.append(focus)
        if gezocht(focus):
            return stappen
    raise AssertionError(f"{beschrijving} niet bereikt in {maximaal} tabs")


def geen_focusval(pagina) -> None:
    """Tab through the whole page: focus leaves it at the end and comes back at the start;
    Shift+Tab goes back the same way."""
    pagina.reload()
    pagina.keyboard.press("Tab")
    eerste = pagina.evaluate(FOCUS)
    gezien = [eerste["plek"]]
    for _ in range(400):
        pagina.keyboard.press("Tab")
        focus = pagina.evaluate(FOCUS)
        if focus is None or focus["plek"] < gezien[-1]:
            break  # out of the page (the browser's own controls) or round to the start
        gezien.append(focus["plek"])
    else:
        raise AssertionError(f"{pagina.url}: de focus komt niet rond")
    pagina.reload()
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Tab")
    derde = pagina.evaluate(FOCUS)
    pagina.keyboard.press("Shift+Tab")
    assert pagina.evaluate(FOCUS)["plek"] == gezien[1]
    assert derde["plek"] == gezien[2]


@pytest.fixture
def met_toetsenbord(live_server):
    """A casemanager with two clients and her authenticator secret, on the live server."""
    team = TeamFactory()
    casemanager = UserFactory(rol=Rol.CASEMANAGER, username="sanne", team=team)
    kim = ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager)
    ClientFactory(team=team, roepnaam="Naomi", casemanager=casemanager)
    return live_server.url, casemanager.username, geheim_van(casemanager), kim


def test_contact_vastleggen_met_alleen_het_toetsenbord(met_toetsenbord):
    from clients.models import Contact

    basis, gebruikersnaam, geheim, kim = met_toetsenbord
    notitie = f"Alleen met toetsen ({uuid.uuid4().hex[:8]})"

    with chromium() as browser:
        pagina = nieuwe_pagina(browser)
        inloggen_met_app(pagina, basis, gebruikersnaam, WACHTWOORD, geheim)
        pagina.goto(f"{basis}/clienten/{kim.pk}/")
        geen_focusval(pagina)

        pagina.reload()  # the keyboard starts again at the top of the page
        tab_naar(pagina, "Contact vastleggen", lambda f: "Contact vastleggen" in f["naam"])
        pagina.keyboard.press("Enter")
        pagina.wait_for_url("**/contact/")
        geen_focusval(pagina)

        pagina.reload()  # the keyboard starts again at the top of the page
        soort = tab_naar(pagina, "de soort", lambda f: f["naam"].startswith("input#id_soort"))
        # Arrow keys choose within the group of radio buttons.
        pagina.keyboard.press("ArrowRight")
        gekozen = pagina.evaluate(FOCUS)
        assert gekozen["naam"] != soort[-1]["naam"] and gekozen["zichtbaar"]
        assert pagina.evaluate("document.activeElement.checked")
        tab_naar(pagina, "het tijdstip", lambda f: f["naam"].startswith("input#id_tijdstip"))
        tab_naar(pagina, "Meer details", lambda f: f["naam"].startswith("summary"))
        pagina.keyboard.press("Enter")
        tab_naar(pagina, "de notitie", lambda f: f["naam"].startswith("textarea#id_notitie"))
        pagina.keyboard.type(notitie)
        pagina.keyboard.press("Shift+Tab")  # back, and forward again: still visible
        assert tab(pagina)["naam"].startswith("textarea#id_notitie")
        tab_naar(pagina, "Opslaan", lambda f: "Opslaan" in f["naam"])
        pagina.keyboard.press("Enter")
        pagina.wait_for_url(f"{basis}/clienten/{kim.pk}/")
        assert pagina.get_by_text(notitie).is_visible()

    assert Contact.objects.get(notitie=notitie).client == kim


def test_caseload_met_alleen_het_toetsenbord(met_toetsenbord):
    basis, gebruikersnaam, geheim, kim = met_toetsenbord

    with chromium() as browser:
        pagina = nieuwe_pagina(browser)
        inloggen_met_app(pagina, basis, gebruikersnaam, WACHTWOORD, geheim)
        pagina.goto(f"{basis}/clienten/mijn/")
        geen_focusval(pagina)

        pagina.reload()  # the keyboard starts again at the top of the page
        # The skip link comes first and takes the focus past the menu.
        skiplink = tab(pagina)
        assert "Naar de inhoud" in skiplink["naam"]
        pagina.keyboard.press("Enter")
        assert pagina.evaluate("document.activeElement.id") == "inhoud"
        tab_naar(pagina, "het zoekveld", lambda f: f["naam"].startswith("input#id_zoek"))
        pagina.keyboard.type("Kim")
        pagina.keyboard.press("Enter")
        pagina.wait_for_url("**zoek=Kim*")
        assert "1 cliënt gevonden" in pagina.get_by_role("status").first.inner_text()
        pagina.reload()  # the keyboard starts again at the top of the page
        tab_naar(pagina, "Kim", lambda f: f["naam"].startswith("a «Kim"))
        pagina.keyboard.press("Enter")
        pagina.wait_for_url(f"{basis}/clienten/{kim.pk}/")
        # Back to the list, and open the filters with Space.
        pagina.go_back()
        pagina.reload()  # the keyboard starts again at the top of the page
        tab_naar(pagina, "Filters", lambda f: f["naam"].startswith("summary"))
        pagina.keyboard.press("Space")
        assert pagina.evaluate("document.querySelector('details.meer-filters').open")
        tab_naar(pagina, "de status", lambda f: f["naam"].startswith("select#id_status"))
