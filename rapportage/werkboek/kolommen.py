"""The exchange workbook's contract (ONTWERP §7): its sheets, in order, and their columns.

This is the one declaration of the format. The reader checks a workbook against it, the
exporter writes exactly these sheets and columns, and the tests compare both with it.
Other teams prepare their migration from spreadsheets with this format: change it only
together with ONTWERP §7.
"""

import enum
from dataclasses import dataclass

from budget.constants import BudgetSoort, Categorie
from clients.constants import (
    ContactSoort,
    Geslacht,
    Kenmerk,
    Levensdomein,
    Locatie,
    Status,
    UitstroomReden,
)
from plannen.constants import DoelStatus, KnelpuntStatus, PlanStatus, ZRMDomein
from stapteam.constants import TEAMROLLEN, Rol
from vergunningen.constants import Besluit, BezwaarStatus, Soort


class Celsoort(enum.Enum):
    """How a cell is read and written."""

    TEKST = "tekst"
    DATUM = "datum"  # YYYY-MM-DD
    DATUMTIJD = "datumtijd"  # YYYY-MM-DD HH:MM, local time
    GEHEEL = "geheel"  # a whole number
    BEDRAG = "bedrag"  # euros with a decimal point, more than zero, whole cents
    JA_NEE = "ja_nee"  # ja / nee
    CODE = "code"  # one code of ``keuzes``
    CODES = "codes"  # comma-separated codes of ``keuzes``
    CLIENT = "client"  # clienten.code, of the workbook or already in the team
    MEDEWERKER = "medewerker"  # medewerkers.gebruikersnaam, or an account of the team
    BUDGET = "budget"  # budgetten.naam, of the workbook or already in the team
    ORGANISATIE = "organisatie"  # an organisation code
    ORGANISATIES = "organisaties"  # comma-separated organisation codes
    RESULTAATSOORT = "resultaatsoort"  # a code of the results catalogue
    KNELPUNTCATEGORIE = "knelpuntcategorie"  # a code of the barrier vocabulary


@dataclass(frozen=True)
class Kolom:
    naam: str
    soort: Celsoort = Celsoort.TEKST
    verplicht: bool = False
    keuzes: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_lengte: int | None = None


def _code(naam: str, keuzes, **kwargs) -> Kolom:
    return Kolom(naam, Celsoort.CODE, keuzes=tuple(keuzes), **kwargs)


def _datum(naam: str, **kwargs) -> Kolom:
    return Kolom(naam, Celsoort.DATUM, **kwargs)


def _client() -> Kolom:
    return Kolom("client", Celsoort.CLIENT, verplicht=True)


BLADEN: dict[str, tuple[Kolom, ...]] = {
    "medewerkers": (
        Kolom("gebruikersnaam", verplicht=True, max_lengte=150),
        Kolom("naam", verplicht=True, max_lengte=150),
        _code("rol", [rol for rol in Rol.values if rol in TEAMROLLEN], verplicht=True),
        Kolom("organisatie", Celsoort.ORGANISATIE),
    ),
    "clienten": (
        Kolom("code", verplicht=True, max_lengte=20),
        Kolom("roepnaam", verplicht=True, max_lengte=100),
        Kolom("voornaam", max_lengte=100),
        Kolom("achternaam", max_lengte=150),
        _datum("geboortedatum"),
        _code("geslacht", Geslacht.values),
        Kolom("bsn", max_lengte=12),
        _datum("in_beeld_sinds", verplicht=True),
        _code("status", Status.values, verplicht=True),
        _datum("uitstroom_datum"),
        _code("uitstroom_reden", UitstroomReden.values),
        Kolom("casemanager", Celsoort.MEDEWERKER),
        Kolom("ervaringsdeskundige", Celsoort.MEDEWERKER),
    ),
    "situatie": (
        _client(),
        _datum("datum", verplicht=True),
        _code("kenmerk", Kenmerk.values, verplicht=True),
        Kolom("waarde", verplicht=True, max_lengte=40),  # a code of the kenmerk's vocabulary
    ),
    "toestemmingen": (
        _client(),
        _datum("ondertekend_op", verplicht=True),
        Kolom("versie", verplicht=True, max_lengte=30),
        _datum("geldig_tot"),
        Kolom("partijen", Celsoort.ORGANISATIES, verplicht=True),
        _datum("ingetrokken_op"),
    ),
    "contacten": (
        _client(),
        Kolom("datum", Celsoort.DATUMTIJD, verplicht=True),
        Kolom("medewerker", Celsoort.MEDEWERKER, verplicht=True),
        _code("soort", ContactSoort.values, verplicht=True),
        _code("locatie", Locatie.values),
        Kolom("duur_minuten", Celsoort.GEHEEL, minimum=1, maximum=24 * 60),
        Kolom("levensdomeinen", Celsoort.CODES, keuzes=tuple(Levensdomein.values)),
        Kolom("notitie"),
        Kolom("vertrouwelijk", Celsoort.JA_NEE),
    ),
    "plannen": (
        _client(),
        _datum("opgesteld_op", verplicht=True),
        _code("status", PlanStatus.values, verplicht=True),
        _datum("evaluatie_op"),
    ),
    "doelen": (
        _client(),
        _code("levensdomein", Levensdomein.values, verplicht=True),
        Kolom("doel", verplicht=True),
        _code("status", DoelStatus.values, verplicht=True),
        _datum("gesteld_op", verplicht=True),
    ),
    "zrm": (
        _client(),
        _datum("datum", verplicht=True),
        *(Kolom(domein, Celsoort.GEHEEL, minimum=1, maximum=5) for domein in ZRMDomein.values),
    ),
    "resultaten": (
        _client(),
        _datum("datum", verplicht=True),
        Kolom("soort", Celsoort.RESULTAATSOORT, verplicht=True),
        Kolom("toelichting"),
    ),
    "knelpunten": (
        _client(),
        _datum("datum", verplicht=True),
        _code("levensdomein", Levensdomein.values, verplicht=True),
        Kolom("categorie", Celsoort.KNELPUNTCATEGORIE, verplicht=True),
        Kolom("omschrijving", verplicht=True),
        _code("status", KnelpuntStatus.values, verplicht=True),
    ),
    "vergunningen": (
        _client(),
        _datum("aanvraag_op", verplicht=True),
        _code("soort", Soort.values, verplicht=True),
        Kolom("werkt_sinds_peildatum", Celsoort.JA_NEE, verplicht=True),
        Kolom("zorg_sinds_peildatum", Celsoort.JA_NEE, verplicht=True),
        _code("besluit", Besluit.values, verplicht=True),
        _datum("besluit_op"),
        _datum("geldig_tot"),
        Kolom("registratienummer", max_lengte=50),
        Kolom("weigeringsgrond"),
        _datum("bezwaar_op"),
        _code("bezwaar_status", BezwaarStatus.values),
    ),
    "budgetten": (
        Kolom("naam", verplicht=True, max_lengte=100),
        _code("soort", BudgetSoort.values, verplicht=True),
        _datum("van", verplicht=True),
        _datum("tot", verplicht=True),
        Kolom("bedrag", Celsoort.BEDRAG, verplicht=True),
    ),
    "uitgaven": (
        Kolom("budget", Celsoort.BUDGET, verplicht=True),
        Kolom("client", Celsoort.CLIENT),
        _datum("datum", verplicht=True),
        Kolom("bedrag", Celsoort.BEDRAG, verplicht=True),
        _code("categorie", Categorie.values, verplicht=True),
        Kolom("omschrijving"),
        Kolom("medewerker", Celsoort.MEDEWERKER, verplicht=True),
    ),
    "timeouts": (
        _client(),
        Kolom("locatie", verplicht=True, max_lengte=200),
        _datum("van", verplicht=True),
        _datum("tot", verplicht=True),
        Kolom("dagtarief", Celsoort.BEDRAG, verplicht=True),
    ),
}


def kolomnamen(blad: str) -> list[str]:
    return [kolom.naam for kolom in BLADEN[blad]]
