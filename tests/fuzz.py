"""Fuzzing with hypothesis: hostile input for every form and the workbook importer.

The promise checked for every example: never a server error, never a partial write,
always a Dutch message. ``versturen`` posts (or, for a filter form, gets) one example as
the role that uses the page and judges the answer:

- the status is below 500, and the page a success leads to also opens;
- a refusal (the form again, 200 or 400) names at least one error, in Dutch, and the
  error is on the page; the database is exactly as before (every row of every table,
  except the session and the access log, which a refused page may write);
- a success (a redirect or a download) changed every table it promised to write.

Each example runs in a savepoint that is rolled back afterwards, so every example starts
from the same scenario and a failure shrinks to the same one again.

The number of examples per target comes from the ``fuzz`` profile (``FUZZ_VOORBEELDEN``
in the environment changes it); ``voorbeelden_gedraaid`` counts what ran, for the closing
summary of the test run.
"""

import datetime as dt
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.apps import apps
from django.contrib.messages import constants as berichtniveau
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_VOORBEELDEN", "10")),
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZPROFIEL = settings.get_profile("fuzz")

# Examples run in this process (each xdist worker counts its own; see tests/conftest.py).
voorbeelden_gedraaid = 0


# --- Hostile values --------------------------------------------------------------------

# Values that start a formula in a spreadsheet (CSV/XLSX injection).
FORMULES = [
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]
VIJANDIGE_TEKSTEN = [
    *FORMULES,
    "\x00",
    "a\x00b",
    "\u202ekcilc\u202c",  # right-to-left override
    "\u200f\u200e\u200b",  # RTL and LTR marks, zero-width space
    "مرحبا",
    "שלום",
    "<script>alert(1)</script>",
    "'; DROP TABLE clients_client; --",
    "{{ 7|add:7 }}{% now 'Y' %}",
    "%s%d%n",
    "😀" * 40,
    "e\u0301\u0301\u0301",
    "İß",
    "١٢٣",  # Arabic-Indic digits
    "𝟙𝟚𝟛",
    " ",
    "\n\r\t",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "0x10",
]


def vijandige_tekst() -> st.SearchStrategy[str]:
    """Text an attacker or a careless paste might send."""
    return st.one_of(
        st.sampled_from(VIJANDIGE_TEKSTEN),
        st.text(max_size=40),
        st.tuples(st.sampled_from("=+-@"), st.text(max_size=20)).map("".join),
        st.integers(min_value=101, max_value=20_000).map(lambda n: "x" * n),
    )


def gewone_tekst() -> st.SearchStrategy[str]:
    return st.sampled_from(["Kim", "Gesprek over huur.", "Zoekt werk", "Anna-Lisa", "Jansen"])


RANDDATUMS = [
    dt.date.min,
    dt.date.max,
    dt.date(1, 1, 2),
    dt.date(1899, 12, 31),
    dt.date(1900, 1, 1),
    dt.date(1970, 1, 1),
    dt.date(2000, 2, 29),
    dt.date(9000, 12, 31),
    dt.date(9001, 1, 1),
    dt.date(9999, 12, 30),
]
ONGELDIGE_DATUMS = ["2024-02-30", "31-12-2024", "2024-13-01", "0000-00-00", "99999-01-01", "x"]


def datum() -> st.SearchStrategy[dt.date]:
    """A date, with the far past and future (0001-01-01, 9999-12-31) likely."""
    return st.one_of(
        st.sampled_from(RANDDATUMS),
        st.dates(),
        st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2027, 12, 31)),
    )


def datumtekst() -> st.SearchStrategy[str]:
    return st.one_of(
        datum().map(dt.date.isoformat),
        datum().map(dt.date.isoformat),
        st.sampled_from(ONGELDIGE_DATUMS),
        vijandige_tekst(),
    )


def datumtijdtekst() -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(datum(), st.times()).map(lambda dt_: f"{dt_[0]:%Y-%m-%d}T{dt_[1]:%H:%M}"),
        st.sampled_from(["9999-12-31T23:59", "0001-01-01T00:00", "2024-03-31T02:30"]),
        datumtekst(),
    )


def bedrag() -> st.SearchStrategy[str]:
    """An amount as typed: many decimals, negative, huge, with a comma or a point."""
    return st.one_of(
        st.sampled_from(
            ["0", "-1", "-0,01", "0,001", "12,50", "12.50", "1.000,00", "1e6", "1E-7", "9" * 30]
        ),
        st.sampled_from(["NaN", "Infinity", "-Infinity", "0." + "1" * 40]),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2).map(
            lambda d: str(d).replace(".", ",")
        ),
        vijandige_tekst(),
    )


def geheel_getal() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=-5, max_value=1500).map(str),
        st.integers().map(str),
        st.sampled_from([str(2**63), str(-(2**63) - 1), "1,5", "١٢"]),
        vijandige_tekst(),
    )


def id_buiten_de_tabel() -> st.SearchStrategy[str]:
    """An object id that does not exist, within the 64 bits of a database key.

    Larger numbers are left out of lists of ids only: Django checks a list with ``IN``,
    which it does not guard against overflow, and SQLite's driver then raises
    OverflowError (PostgreSQL answers "not found"; see docs/beveiliging.md)."""
    return st.one_of(st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str), st.just("0"))


def bestand() -> st.SearchStrategy[SimpleUploadedFile]:
    """An upload: a tiny PDF, random bytes, a hostile name."""
    return st.builds(
        SimpleUploadedFile,
        st.one_of(st.sampled_from(["scan.pdf", "bon.png", "a.xlsx", "../../etc/passwd"])),
        st.one_of(st.just(b"%PDF-1.4\n%%EOF\n"), st.binary(max_size=200)),
    )


# --- Form data from a form's own fields --------------------------------------------------


def _keuzewaarden(veld: forms.ChoiceField) -> list[str]:
    waarden = []
    for waarde, label in veld.choices:
        if isinstance(label, list | tuple):  # a group
            waarden += [str(w) for w, _ in label]
        else:
            waarden.append(str(getattr(waarde, "value", waarde)))
    return [w for w in waarden if w != ""]


def _objectwaarden(veld: forms.ModelChoiceField) -> list[str]:
    sleutel = veld.to_field_name or "pk"
    return [str(w) for w in veld.queryset.values_list(sleutel, flat=True)[:20]]


def veldwaarde(veld: forms.Field) -> st.SearchStrategy:
    """Valid and hostile values for one form field; None leaves the field out."""
    leeg = st.just(None)
    if isinstance(veld, forms.FileField):
        return st.one_of(leeg, bestand())
    if isinstance(veld, forms.ModelMultipleChoiceField):
        geldig = _objectwaarden(veld)
        keuze = st.sampled_from(geldig) if geldig else geheel_getal()
        return st.lists(st.one_of(keuze, id_buiten_de_tabel(), vijandige_tekst()), max_size=3)
    if isinstance(veld, forms.ModelChoiceField):
        geldig = _objectwaarden(veld)
        return st.one_of(leeg, *[st.sampled_from(geldig)] * 3 * bool(geldig), geheel_getal())
    if isinstance(veld, forms.MultipleChoiceField):
        geldig = _keuzewaarden(veld)
        return st.lists(st.one_of(st.sampled_from(geldig), vijandige_tekst()), max_size=3)
    if isinstance(veld, forms.ChoiceField):
        geldig = _keuzewaarden(veld)
        return st.one_of(leeg, *[st.sampled_from(geldig)] * 3 * bool(geldig), vijandige_tekst())
    if isinstance(veld, forms.BooleanField):
        return st.sampled_from([None, "on", "", "false", "ja"])
    if isinstance(veld, forms.DateTimeField):
        return st.one_of(leeg, datumtijdtekst())
    if isinstance(veld, forms.DateField):
        return st.one_of(leeg, datumtekst())
    if isinstance(veld, forms.DecimalField):
        return st.one_of(leeg, bedrag())
    if isinstance(veld, forms.IntegerField):
        return st.one_of(leeg, geheel_getal())
    if isinstance(veld, forms.SlugField):
        return st.one_of(st.just("stapteam-nieuw"), vijandige_tekst())
    return st.one_of(leeg, gewone_tekst(), gewone_tekst(), vijandige_tekst())


def formulierdata(form: forms.BaseForm, vast: dict | None = None) -> st.SearchStrategy[dict]:
    """POST data for ``form``: a value per field under its (prefixed) name, and ``vast``."""
    velden = {form.add_prefix(naam): veldwaarde(veld) for naam, veld in form.fields.items()}
    return st.fixed_dictionaries(velden).map(
        lambda data: {
            **{naam: waarde for naam, waarde in data.items() if waarde is not None},
            **(vast or {}),
        }
    )


# --- The database before and after ------------------------------------------------------

# Written by any page that shows personal data, also when it refuses input.
NIET_VERGELEKEN = {"sessions.Session", "stapteam.Toegangslog"}


def momentopname() -> dict[str, list[tuple]]:
    """Every row of every table of the project (and auth, guardian), by primary key."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in apps.get_models()
        if model._meta.managed
        and model._meta.label not in NIET_VERGELEKEN
        and model._meta.app_label not in ("contenttypes", "admin")
        and model._meta.label != "auth.Permission"
    }


def gewijzigde_tabellen(voor: dict, na: dict) -> set[str]:
    return {label for label in voor if voor[label] != na[label]}


# --- Dutch messages ---------------------------------------------------------------------

ENGELSE_WOORDEN = re.compile(
    r"\b(this|field|enter|ensure|select|required|please|value|invalid|must|characters|"
    r"number|valid|date|choice|the|is not)\b",
    re.IGNORECASE,
)


def is_nederlands(melding: str, ingevuld: dict) -> bool:
    """A message without the words of Django's English ones (what was typed left out)."""
    zonder = melding
    for waarde in ingevuld.values():
        for deel in waarde if isinstance(waarde, list) else [waarde]:
            if isinstance(deel, str) and deel.strip():
                zonder = zonder.replace(deel, "")
    return bool(zonder.strip()) and not ENGELSE_WOORDEN.search(zonder)


def foutmeldingen(antwoord) -> list[str]:
    """The form errors in the page's context, and the error messages of the request."""
    meldingen, gezien = [], set()
    for context in antwoord.context or []:
        for laag in getattr(context, "dicts", [context]):
            for waarde in laag.values() if isinstance(laag, dict) else []:
                waarde = getattr(waarde, "form", waarde)  # the admin's AdminForm
                if isinstance(waarde, forms.BaseForm) and id(waarde) not in gezien:
                    gezien.add(id(waarde))
                    if waarde.is_bound:
                        meldingen += [m for fouten in waarde.errors.values() for m in fouten]
    verslag = antwoord.context.get("verslag") if antwoord.context else None
    if verslag is not None:  # the workbook's check: its problems, by sheet, row and column
        # (the page shows them as a table: sheet, row, column, message)
        meldingen += [probleem.melding for probleem in verslag.problemen.getoond]
    meldingen += [
        bericht.message
        for bericht in get_messages(antwoord.wsgi_request)
        if bericht.level >= berichtniveau.ERROR
    ]
    return [str(m) for m in meldingen]


# --- Targets ---------------------------------------------------------------------------


@dataclass
class Doel:
    """One form page to fuzz.

    ``form(scenario)`` makes the form as the view does (its fields give the data);
    ``url(scenario)`` is where it is sent, by the role ``rol``; ``schrijft``: the models a
    success must have written; ``vast``: data sent with every example (a button).
    """

    naam: str
    rol: str
    url: Callable
    form: Callable
    schrijft: tuple = ()
    methode: str = "POST"
    vast: dict = field(default_factory=dict)

    @property
    def formklasse(self) -> type:
        return self._klasse

    def maak_form(self, scenario) -> forms.BaseForm:
        form = self.form(scenario)
        self._klasse = type(form)
        return form


def _is_download(antwoord) -> bool:
    return "attachment" in antwoord.get("Content-Disposition", "")


def versturen(client, doel: Doel, url: str, data: dict) -> None:
    """Send one example and judge the answer (see the module's docstring)."""
    global voorbeelden_gedraaid
    voorbeelden_gedraaid += 1
    cache.clear()  # no rate limit from the examples before
    with transaction.atomic():
        voor = momentopname()
        if doel.methode == "POST":
            # A browser always sends the CSRF token, so a POST is never empty.
            antwoord = client.post(url, {"csrfmiddlewaretoken": "-", **data})
        else:
            antwoord = client.get(url, data)
        assert antwoord.status_code < 500, antwoord.status_code
        na = momentopname()
        gewijzigd = gewijzigde_tabellen(voor, na)
        meldingen = foutmeldingen(antwoord)
        geslaagd = (antwoord.status_code == 302 or _is_download(antwoord)) and not any(
            b.level >= berichtniveau.ERROR for b in get_messages(antwoord.wsgi_request)
        )
        if doel.methode == "GET":
            assert gewijzigd == set(), f"een zoekopdracht schreef in {gewijzigd}"
        if geslaagd:
            if doel.methode == "POST":
                ontbreekt = {m._meta.label for m in doel.schrijft} - gewijzigd
                assert not ontbreekt, f"geslaagd, maar niet geschreven in {ontbreekt}"
            if antwoord.status_code == 302:
                vervolg = client.get(antwoord["Location"])
                assert vervolg.status_code < 500, (antwoord["Location"], vervolg.status_code)
        else:
            assert gewijzigd == set(), f"geweigerd, maar geschreven in {gewijzigd}"
            # A filter (GET) leaves out what it cannot read; a page that refuses the
            # filter (400) says why.
            if antwoord.status_code == 400 or (
                antwoord.status_code == 200 and doel.methode == "POST"
            ):
                assert meldingen, "geweigerd zonder foutmelding"
                pagina = html.unescape(antwoord.content.decode())
                assert any(m in pagina for m in meldingen), f"melding niet getoond: {meldingen}"
                for melding in meldingen:
                    assert is_nederlands(melding, data), f"geen Nederlandse melding: {melding!r}"
        transaction.set_rollback(True)


def fuzz(client, scenario, doel: Doel) -> None:
    """Run the ``fuzz`` profile's examples of ``doel``."""
    client.force_login(scenario["gebruikers"][doel.rol])
    url = doel.url(scenario)
    strategie = formulierdata(doel.maak_form(scenario), doel.vast)

    @FUZZPROFIEL
    @given(strategie)
    def voorbeeld(data):
        versturen(client, doel, url, data)

    voorbeeld()
