"""The evaluation report in each of its formats: JSON (the §6 shape), XLSX (a sheet per
chapter and one with the definitions), a print document as HTML, and that document as
PDF. Producing one writes the access log; the page and the command both come here."""

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from rapportage.definities import DEFINITIES
from rapportage.evaluatie import begin_van_periode, evaluatie
from rapportage.evaluatie_secties import Hoofdstuk, hoofdstukken
from stapteam.models import Team
from stapteam.spreadsheets import veilige_tekst

FORMATEN = {
    "json": ("application/json", "json"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
}
FONTS = Path(settings.BASE_DIR) / "static" / "fonts"


@dataclass
class Evaluatierapport:
    team: Team
    van: dt.date
    tot: dt.date
    cijfers: dict
    begin: dict
    gemaakt_op: dt.datetime

    @property
    def hoofdstukken(self) -> list[Hoofdstuk]:
        return hoofdstukken(self.cijfers, self.begin)

    def bestandsnaam(self, formaat: str) -> str:
        return f"evaluatie-{self.team.code}-{self.van:%Y%m%d}-{self.tot:%Y%m%d}.{formaat}"


def evaluatierapport(team: Team, van: dt.date, tot: dt.date) -> Evaluatierapport:
    return Evaluatierapport(
        team=team,
        van=van,
        tot=tot,
        cijfers=evaluatie(team, van, tot),
        begin=begin_van_periode(team, van),
        gemaakt_op=timezone.localtime(),
    )


def als_json(rapport: Evaluatierapport) -> bytes:
    return json.dumps(rapport.cijfers, ensure_ascii=False, indent=2).encode()


def _getal(waarde):
    """Amounts come as strings with two decimals; in a spreadsheet they are numbers."""
    if isinstance(waarde, str):
        try:
            return float(waarde) if waarde.replace(".", "", 1).lstrip("-").isdigit() else waarde
        except ValueError:
            return waarde
    return waarde


def als_xlsx(rapport: Evaluatierapport) -> bytes:
    boek = Workbook()
    boek.remove(boek.active)
    vet = Font(bold=True)
    for hoofdstuk in rapport.hoofdstukken:
        blad = boek.create_sheet(f"{hoofdstuk.nummer} {hoofdstuk.titel}"[:31])
        blad.append([veilige_tekst(f"{hoofdstuk.nummer}. {hoofdstuk.titel}")])
        blad.append([f"{rapport.team.naam}, {rapport.van:%d-%m-%Y} t/m {rapport.tot:%d-%m-%Y}"])
        for tabel in hoofdstuk.tabellen:
            blad.append([])
            blad.append([veilige_tekst(tabel.titel)])
            blad.cell(row=blad.max_row, column=1).font = vet
            blad.append([veilige_tekst(kolom) for kolom in tabel.kolommen])
            for rij in tabel.rijen:
                blad.append([veilige_tekst(rij[0]), *(_getal(w) for w in rij[1:])])
            if tabel.toelichting:
                blad.append([veilige_tekst(tabel.toelichting)])
        blad.column_dimensions["A"].width = 48
    definities = boek.create_sheet("Definities")
    definities.append(["Begrip", "Definitie"])
    for begrip, tekst in DEFINITIES:
        definities.append([veilige_tekst(begrip), veilige_tekst(tekst)])
    definities.column_dimensions["A"].width = 28
    definities.column_dimensions["B"].width = 120
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def als_html(rapport: Evaluatierapport) -> bytes:
    """The print document: title page, contents, chapters, definitions."""
    return render_to_string(
        "rapportage/evaluatie_document.html",
        {"rapport": rapport, "hoofdstukken": rapport.hoofdstukken, "definities": DEFINITIES},
    ).encode()


def _alleen_eigen_bestanden():
    """A fetcher for WeasyPrint that reads the shipped fonts and nothing else: a report
    never makes an outside call, whatever ends up in its HTML."""
    from weasyprint.urls import URLFetcher

    class EigenBestanden(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(FONTS.as_uri() + "/"):
                raise ValueError(f"Geen externe bronnen in een rapport: {url}")
            return super().fetch(url, headers)

    return EigenBestanden(allowed_protocols=["file"], fail_on_errors=True)


def als_pdf(rapport: Evaluatierapport) -> bytes:
    from weasyprint import HTML

    return HTML(
        string=als_html(rapport).decode(),
        base_url=FONTS.as_uri() + "/",
        url_fetcher=_alleen_eigen_bestanden(),
    ).write_pdf()


MAKERS = {"json": als_json, "xlsx": als_xlsx, "pdf": als_pdf, "html": als_html}


def maak(rapport: Evaluatierapport, formaat: str) -> bytes:
    return MAKERS[formaat](rapport)


def logregel(rapport: Evaluatierapport, formaat: str) -> str:
    return (
        f"Evaluatierapport {rapport.team.naam}, {rapport.van:%d-%m-%Y} t/m "
        f"{rapport.tot:%d-%m-%Y}, formaat {formaat}"
    )
