"""Driving the real pages in Debian's Chromium (Playwright), for the tests marked ``browser``.

Tests cannot download a browser, so Playwright starts the system's Chromium. Without it
(or without the ``playwright`` package) a browser test is skipped on a developer machine,
and fails where ``BROWSERTESTS=verplicht`` is set (CI), so CI cannot pass by skipping.

Playwright runs an event loop in the test's thread, inside which Django refuses to touch
the database: read what the test needs from the database before ``chromium()`` starts.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PAD", "/usr/bin/chromium")
ARGUMENTEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _wat_ontbreekt() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "het pakket playwright ontbreekt"
    if not Path(CHROMIUM).is_file():
        return f"Chromium ontbreekt ({CHROMIUM})"
    return None


ONTBREEKT = _wat_ontbreekt()
VERPLICHT = os.environ.get("BROWSERTESTS") == "verplicht"

# In a browser test's ``pytestmark``: decided when collecting, before a database is made.
zonder_chromium_overslaan = pytest.mark.skipif(
    bool(ONTBREEKT) and not VERPLICHT,
    reason=f"{ONTBREEKT}: apt-get install chromium en pip install playwright",
)


@contextmanager
def chromium() -> Iterator:
    """The started browser; where browser tests are required, a missing one fails here."""
    if ONTBREEKT:
        pytest.fail(f"{ONTBREEKT} (BROWSERTESTS=verplicht)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTEN)
        try:
            yield browser
        finally:
            browser.close()


def inloggen(pagina, basis_url: str, gebruikersnaam: str, wachtwoord: str) -> None:
    """Log in through the real login form; fails when the login does not succeed."""
    pagina.goto(f"{basis_url}/accounts/login/")
    pagina.fill("#id_login", gebruikersnaam)
    pagina.fill("#id_password", wachtwoord)
    pagina.click("button[type=submit]")
    pagina.wait_for_load_state()
    assert "/accounts/login/" not in pagina.url, f"{gebruikersnaam} kon niet inloggen"
