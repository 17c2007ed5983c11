"""Reading an exchange workbook: the file checked, every cell parsed to its type.

openpyxl reads the workbook's structure (its parts, sheet names, shared strings and
which cell styles are dates); the rows are then read with one streaming XML pass per
sheet. openpyxl's own read-only worksheets first scan a whole sheet for its size when
the file does not state it up front (files written by openpyxl do not) and build an
object per text cell; for a team with 200,000 contacts that alone took minutes. Memory
stays flat: each row is dropped from the XML tree once read.

Nothing here touches the database. Every problem found is collected with its sheet, row
and column (not only the first), so one dry run tells a team everything to repair. What
refers to other records (a client code, a staff member, a budget) is resolved by the
importer, which knows the team.
"""

import contextlib
import datetime as dt
import gc
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO
from xml.etree.ElementTree import ParseError, iterparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

from budget.geld import controleer_bedrag
from rapportage.werkboek.kolommen import BLADEN, Celsoort, Kolom
from stapteam.spreadsheets import tekst_uit_cel

# The report shows this many problems; the rest are counted.
MAX_GETOONDE_PROBLEMEN = 200
# A workbook has a few dozen parts; thousands mean something else was packed.
MAX_ONDERDELEN = 1000

# The SpreadsheetML namespace of the worksheet XML.
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATUMTIJD = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")

BESTAND = "bestand"  # the "sheet" of a problem with the file as a whole


@dataclass(frozen=True)
class Probleem:
    blad: str
    rij: int | None
    kolom: str
    melding: str

    def __str__(self) -> str:
        plaats = [self.blad]
        if self.rij is not None:
            plaats.append(f"rij {self.rij}")
        if self.kolom:
            plaats.append(f"kolom {self.kolom}")
        return f"{', '.join(plaats)}: {self.melding}"


@dataclass
class Problemen:
    """Every problem of one import; the first ``MAX_GETOONDE_PROBLEMEN`` are kept."""

    getoond: list[Probleem] = field(default_factory=list)
    aantal: int = 0

    def melden(self, blad: str, rij: int | None, kolom: str, melding: str) -> None:
        self.aantal += 1
        if len(self.getoond) < MAX_GETOONDE_PROBLEMEN:
            self.getoond.append(Probleem(blad, rij, kolom, melding))

    @property
    def weggelaten(self) -> int:
        return self.aantal - len(self.getoond)

    def __bool__(self) -> bool:
        return self.aantal > 0


@dataclass
class Rij:
    """One data row: its number as the spreadsheet shows it, and its parsed values.

    ``geldig`` is False when a cell could not be read; the importer skips such a row
    (its problem is already reported)."""

    nummer: int
    waarden: dict[str, Any]
    geldig: bool = True


class OngeldigBestand(Exception):
    """The file as a whole cannot be read as an exchange workbook."""


def controleer_bestand(bestand: BinaryIO, grootte: int) -> None:
    """Refuse a file that is too large, is no XLSX, or would unpack beyond the limit.

    The sizes a ZIP declares for its parts are read from its directory before anything
    is unpacked; openpyxl never sees a file that fails here.
    """
    maximum = settings.MAX_UPLOAD_MB * 1024 * 1024
    if grootte == 0:
        raise OngeldigBestand("Het bestand is leeg.")
    if grootte > maximum:
        raise OngeldigBestand(
            f"Het bestand is te groot ({grootte / 1024 / 1024:.1f} MB); het maximum is "
            f"{settings.MAX_UPLOAD_MB} MB."
        )
    geen_xlsx = "Dit is geen XLSX-bestand (een werkboek van Excel of LibreOffice)."
    bestand.seek(0)
    if not zipfile.is_zipfile(bestand):
        raise OngeldigBestand(geen_xlsx)
    bestand.seek(0)
    try:
        with zipfile.ZipFile(bestand) as archief:
            onderdelen = archief.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise OngeldigBestand(geen_xlsx) from None
    namen = {onderdeel.filename for onderdeel in onderdelen}
    if "xl/workbook.xml" not in namen:
        raise OngeldigBestand(geen_xlsx)
    uitgepakt = sum(onderdeel.file_size for onderdeel in onderdelen)
    limiet = settings.WERKBOEK_MAX_UITGEPAKT_MB * 1024 * 1024
    if len(onderdelen) > MAX_ONDERDELEN or uitgepakt > limiet:
        raise OngeldigBestand(
            f"Dit bestand pakt uit tot {uitgepakt / 1024 / 1024:.0f} MB in "
            f"{len(onderdelen)} delen; een werkboek mag uitgepakt hoogstens "
            f"{settings.WERKBOEK_MAX_UITGEPAKT_MB} MB zijn."
        )
    bestand.seek(0)


def _leeg(waarde: Any) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _als_tekst(waarde: Any) -> str:
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip()


def _datum(waarde: Any) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    tekst = _als_tekst(waarde)
    try:
        if DATUM.match(tekst):
            return dt.date.fromisoformat(tekst)
    except ValueError:
        pass
    raise ValueError(f"'{tekst}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31.")


def _datumtijd(waarde: Any, tijdzone: dt.tzinfo | None = None) -> dt.datetime:
    if isinstance(waarde, dt.datetime):
        moment = waarde.replace(second=0, microsecond=0, tzinfo=None)
    else:
        tekst = _als_tekst(waarde)
        try:
            if not DATUMTIJD.match(tekst):
                raise ValueError
            moment = dt.datetime.fromisoformat(tekst)
        except ValueError:
            raise ValueError(
                f"'{tekst}' is geen datum met tijd; schrijf JJJJ-MM-DD UU:MM, bijvoorbeeld "
                "2025-03-31 22:15."
            ) from None
    return timezone.make_aware(moment, tijdzone)


def _geheel(waarde: Any, kolom: Kolom) -> int:
    if isinstance(waarde, bool):
        raise ValueError(f"'{waarde}' is geen geheel getal.")
    if isinstance(waarde, int):
        getal = waarde
    elif isinstance(waarde, float | Decimal) and waarde == int(waarde):
        getal = int(waarde)
    else:
        tekst = _als_tekst(waarde)
        if not re.fullmatch(r"-?\d+", tekst):
            raise ValueError(f"'{tekst}' is geen geheel getal.")
        getal = int(tekst)
    if kolom.minimum is not None and getal < kolom.minimum:
        raise ValueError(f"{getal} is kleiner dan {kolom.minimum}.")
    if kolom.maximum is not None and getal > kolom.maximum:
        raise ValueError(f"{getal} is groter dan {kolom.maximum}.")
    return getal


def _bedrag(waarde: Any) -> Decimal:
    if isinstance(waarde, bool):
        raise ValueError(f"'{waarde}' is geen bedrag.")
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if "," in tekst:
            raise ValueError(f"'{tekst}': schrijf een bedrag met een punt, bijvoorbeeld 12.50.")
        if not re.fullmatch(r"-?\d+(\.\d+)?", tekst):
            raise ValueError(f"'{tekst}' is geen bedrag; schrijf bijvoorbeeld 12.50.")
        waarde = tekst
    elif isinstance(waarde, float):
        waarde = repr(waarde)  # the shortest text that gives this float: 12.5, not 12.4999…
    try:
        return controleer_bedrag(waarde)
    except ValidationError as fout:
        raise ValueError(fout.message_dict["bedrag"][0]) from None


def _ja_nee(waarde: Any) -> bool:
    if isinstance(waarde, bool):
        return waarde
    tekst = _als_tekst(waarde).lower()
    if tekst in ("ja", "nee"):
        return tekst == "ja"
    raise ValueError(f"'{tekst}': schrijf ja of nee.")


def _code(tekst: str, kolom: Kolom) -> str:
    if tekst not in kolom.keuzes:
        raise ValueError(f"Onbekende code '{tekst}'; kies uit: {', '.join(kolom.keuzes)}.")
    return tekst


def _codes(tekst: str) -> list[str]:
    return [deel.strip() for deel in tekst.split(",") if deel.strip()]


def _tekst(waarde: Any, kolom: Kolom) -> str:
    return tekst_uit_cel(waarde) if isinstance(waarde, str) else _als_tekst(waarde)


def _lees_code(waarde: Any, kolom: Kolom) -> str:
    return _code(_tekst(waarde, kolom).strip(), kolom)


def _lees_codes(waarde: Any, kolom: Kolom) -> list[str]:
    return [_code(code, kolom) for code in _codes(_tekst(waarde, kolom))]


def _lees_organisaties(waarde: Any, kolom: Kolom) -> list[str]:
    return _codes(_tekst(waarde, kolom))


def _lees_verwijzing(waarde: Any, kolom: Kolom) -> str:
    return _tekst(waarde, kolom).strip()  # a reference, resolved by the importer


def _lees_tekst(waarde: Any, kolom: Kolom) -> str:
    tekst = _tekst(waarde, kolom)
    if kolom.max_lengte is not None and len(tekst) > kolom.max_lengte:
        raise ValueError(f"Dit is {len(tekst)} tekens lang; het maximum is {kolom.max_lengte}.")
    return tekst


# How each kind of cell is read; looked up once per column, not per cell.
LEZERS = {
    Celsoort.DATUM: lambda waarde, kolom: _datum(waarde),
    Celsoort.DATUMTIJD: lambda waarde, kolom: _datumtijd(waarde),
    Celsoort.GEHEEL: _geheel,
    Celsoort.BEDRAG: lambda waarde, kolom: _bedrag(waarde),
    Celsoort.JA_NEE: lambda waarde, kolom: _ja_nee(waarde),
    Celsoort.CODE: _lees_code,
    Celsoort.CODES: _lees_codes,
    Celsoort.ORGANISATIES: _lees_organisaties,
    Celsoort.TEKST: _lees_tekst,
}


def lees_cel(waarde: Any, kolom: Kolom) -> Any:
    """The typed value of one non-empty cell; a ValueError with a Dutch message if not."""
    return LEZERS.get(kolom.soort, _lees_verwijzing)(waarde, kolom)


def _lezers_van_blad() -> dict:
    """``LEZERS`` for one sheet: the current time zone looked up once, not per cell (the
    lookup goes through a context-local variable; per cell it was a noticeable share of
    reading 200,000 contacts)."""
    tijdzone = timezone.get_current_timezone()
    return {**LEZERS, Celsoort.DATUMTIJD: lambda waarde, kolom: _datumtijd(waarde, tijdzone)}


def _kop(blad: str, kop: tuple, problemen: Problemen) -> dict[int, Kolom] | None:
    """The columns by position, or None when the header row is unusable."""
    kolommen = {kolom.naam: kolom for kolom in BLADEN[blad]}
    posities: dict[int, Kolom] = {}
    gezien: set[str] = set()
    goed = True
    for positie, naam in enumerate(kop):
        if _leeg(naam):
            continue
        naam = str(naam).strip()
        if naam not in kolommen:
            problemen.melden(
                blad,
                1,
                naam,
                f"Onbekende kolom. Dit blad kent: {', '.join(kolommen)}.",
            )
            goed = False
        elif naam in gezien:
            problemen.melden(blad, 1, naam, "Deze kolom staat er twee keer.")
            goed = False
        else:
            gezien.add(naam)
            posities[positie] = kolommen[naam]
    for kolom in BLADEN[blad]:
        if kolom.verplicht and kolom.naam not in gezien:
            problemen.melden(blad, 1, kolom.naam, "Deze verplichte kolom ontbreekt.")
            goed = False
    return posities if goed else None


class _Werkboeklezer(ExcelReader):
    """openpyxl's reader for everything but the worksheets' cells."""

    def structuur(self) -> None:
        self.read_manifest()
        self.read_strings()
        self.read_workbook()
        apply_stylesheet(self.archive, self.wb)

    def bladen(self) -> Iterator[tuple[str, str]]:
        """Name and part of each worksheet, in the workbook's order."""
        for blad, relatie in self.parser.find_sheets():
            if relatie.target in self.valid_files and "worksheet" in relatie.Type:
                yield blad.name, relatie.target

    def rijen(self, pad: str) -> Iterator[tuple[int, list]]:
        """(row number, cell values by position) for every row of one worksheet."""
        teksten = self.shared_strings
        datumstijlen = self.wb._date_formats
        epoch = self.wb.epoch
        rij_tag, cel_tag = NS + "row", NS + "c"
        kolomnummers: dict[str, int] = {}  # "AB" -> 28, computed once per letter pair
        with self.archive.open(pad) as bron:
            nummer = 0
            for _, element in iterparse(bron):
                if element.tag != rij_tag:
                    continue
                nummer = int(element.get("r") or nummer + 1)
                waarden: dict[int, Any] = {}
                kolom = 0
                for cel in element.iter(cel_tag):
                    ref = cel.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        kolom = kolomnummers.get(letters) or kolomnummers.setdefault(
                            letters, column_index_from_string(letters)
                        )
                    else:
                        kolom += 1
                    waarden[kolom] = _celwaarde(cel, teksten, datumstijlen, epoch)
                # This row is read: only an empty element stays behind (memory stays flat).
                element.clear()
                yield nummer, [waarden.get(k) for k in range(1, max(waarden, default=0) + 1)]


def _celwaarde(cel, teksten, datumstijlen, epoch) -> Any:
    soort = cel.get("t", "n")
    if soort == "inlineStr":
        return "".join(deel.text or "" for deel in cel.iter(NS + "t"))
    waarde = cel.findtext(NS + "v")
    if waarde is None:
        return None
    if soort == "s":
        return teksten[int(waarde)]
    if soort == "b":
        return waarde == "1"
    if soort in ("str", "e"):
        return waarde
    if soort == "d":
        return from_ISO8601(waarde)
    getal = float(waarde)
    if getal.is_integer() and "." not in waarde and "E" not in waarde.upper():
        getal = int(waarde)
    stijl = cel.get("s")
    if stijl and int(stijl) in datumstijlen:
        try:
            return from_excel(getal, epoch)
        except (OverflowError, ValueError):
            return waarde
    return getal


def _lees_blad(blad: str, rijen: Iterator[tuple[int, list]], problemen: Problemen) -> list[Rij]:
    eerste = next(rijen, None)
    if eerste is None or eerste[0] != 1:
        problemen.melden(blad, 1, "", "De eerste rij moet de kolomnamen bevatten.")
        return []
    posities = _kop(blad, eerste[1], problemen)
    if posities is None:
        return []
    # Per position: the column, its name and its reader (None: a column without a name).
    lezers = _lezers_van_blad()
    per_positie = [
        (kolom, kolom.naam, lezers.get(kolom.soort, _lees_verwijzing)) if kolom else None
        for kolom in (posities.get(positie) for positie in range(max(posities, default=-1) + 1))
    ]
    breedte = len(per_positie)
    namen = [kolom.naam for kolom in posities.values()]
    verplicht = [kolom.naam for kolom in posities.values() if kolom.verplicht]
    gelezen = []
    for nummer, cellen in rijen:
        waarden = dict.fromkeys(namen)
        fout_in: set[str] = set()
        leeg = True
        for positie, cel in enumerate(cellen):
            if cel is None or (cel.__class__ is str and not cel.strip()):
                continue
            leeg = False
            plaats = per_positie[positie] if positie < breedte else None
            if plaats is None:
                melding = "Waarde in een kolom zonder naam."
                problemen.melden(blad, nummer, f"{positie + 1}e", melding)
                fout_in.add("")
                continue
            kolom, naam, lezer = plaats
            try:
                waarden[naam] = lezer(cel, kolom)
            except ValueError as fout:
                problemen.melden(blad, nummer, naam, str(fout))
                fout_in.add(naam)
        if leeg:
            continue
        for naam in verplicht:
            if waarden[naam] is None and naam not in fout_in:
                problemen.melden(blad, nummer, naam, "Vul deze verplichte waarde in.")
                fout_in.add(naam)
        gelezen.append(Rij(nummer, waarden, geldig=not fout_in))
    return gelezen


@contextlib.contextmanager
def _zonder_opruimen() -> Iterator[None]:
    """Python's cyclic garbage collector paused meanwhile, then as it was.

    Reading makes millions of small objects (XML elements, cell values, rows) that form
    no cycles; each of them counts toward the collector's next run, and each full run walks
    every row read so far. Paused, reading a team of 200,000 contacts took about a fifth
    less CPU (docs/prestaties.md). What a pause leaves is collected once it is over.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def lees_werkboek(bestand: BinaryIO, grootte: int, problemen: Problemen) -> dict[str, list[Rij]]:
    """Every sheet of the workbook as parsed rows; problems go to ``problemen``.

    Raises ``OngeldigBestand`` when the file as a whole is unusable.
    """
    with _zonder_opruimen():
        return _lees_werkboek(bestand, grootte, problemen)


def _lees_werkboek(bestand: BinaryIO, grootte: int, problemen: Problemen) -> dict[str, list[Rij]]:
    controleer_bestand(bestand, grootte)
    onleesbaar = "Dit XLSX-bestand kan niet worden gelezen; het is beschadigd of geen werkboek."
    try:
        lezer = _Werkboeklezer(bestand, read_only=True, data_only=True)
        lezer.structuur()
    except Exception as fout:  # openpyxl raises many kinds on a damaged file
        raise OngeldigBestand(onleesbaar) from fout
    try:
        bladen: dict[str, list[Rij]] = {}
        for naam, pad in lezer.bladen():
            if naam not in BLADEN:
                problemen.melden(
                    naam, None, "", f"Onbekend blad. Een werkboek kent: {', '.join(BLADEN)}."
                )
                continue
            try:
                bladen[naam] = _lees_blad(naam, lezer.rijen(pad), problemen)
            except (ParseError, KeyError, ValueError) as fout:
                raise OngeldigBestand(
                    f"Het blad {naam} kan niet worden gelezen. {onleesbaar}"
                ) from fout
        return bladen
    finally:
        lezer.archive.close()
