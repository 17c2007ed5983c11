"""Exporting one team as an exchange workbook: every sheet of ONTWERP §7, streaming.

The workbook is written sheet by sheet straight into the ZIP (``xlsx.XlsxWriter``) and
every sheet reads its rows with ``values_list(...).iterator()``, so memory stays flat
however large the team is.
Every text cell passes through ``veilige_tekst``: a value a spreadsheet would run as a
formula is written as text, and the importer reads it back unchanged.

What §7 has no column for is not exported (a second casemanager, a plan's closing
date, the link of a goal to its plan, actions, escalations, files). Spends are exported
as what they cost in the end: an approved spend less its corrections, without the
charges of time-outs (the ``timeouts`` sheet brings those back). A rejected spend cost
nothing, and one still waiting for approval has cost nothing yet: the importer counts
every spend as approved (ONTWERP §6), so exporting it would give the imported team a
report that spends money nobody approved.
"""

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, BinaryIO

from django.db import transaction
from django.db.models import DecimalField, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from budget.constants import UitgaveStatus
from budget.models import Budget, TimeOut, Uitgave
from clients.models import Client, Contact, Situatie, Toestemming
from clients.services import verstrekkingen_vastleggen
from plannen.constants import ZRMDomein
from plannen.models import Doel, Knelpunt, Plan, Resultaat, ZRMMeting
from rapportage.werkboek.kolommen import kolomnamen
from rapportage.werkboek.xlsx import XlsxWriter
from stapteam.constants import TEAMROLLEN
from stapteam.models import Team, User
from stapteam.spreadsheets import veilige_tekst
from vergunningen.models import Vergunning

STUK = 2000  # rows fetched per round trip


def cel(waarde: Any, tijdzone: dt.tzinfo | None = None) -> Any:
    """How one value is written: dates as text in §7's form (times in ``tijdzone``, by
    default the current one), booleans ja/nee, lists comma-separated, text made safe,
    numbers as numbers."""
    if waarde.__class__ is str:  # most cells: checked first
        return veilige_tekst(waarde) if waarde else None
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return timezone.localtime(waarde, tijdzone).strftime("%Y-%m-%d %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, list | tuple):
        return veilige_tekst(",".join(waarde))
    if isinstance(waarde, int | Decimal):
        return waarde
    return veilige_tekst(str(waarde)) if waarde != "" else None


def _medewerkers(team: Team) -> Iterable[tuple]:
    """The team's staff, and anyone else its records name (a colleague who left)."""
    ids = set(
        User.objects.filter(
            teamlidmaatschap__content_object=team,
            teamlidmaatschap__permission__codename="teamlid",
        ).values_list("pk", flat=True)
    )
    for verwijzing in (
        Contact.objects.filter(client__team=team).values_list("medewerker_id"),
        Client.objects.filter(team=team).values_list("casemanager_id"),
        Client.objects.filter(team=team).values_list("ervaringsdeskundige_id"),
        Uitgave.objects.filter(budget__team=team).values_list("medewerker_id"),
    ):
        ids.update(pk for (pk,) in verwijzing.distinct() if pk is not None)
    return (
        User.objects.filter(pk__in=ids, groups__name__in=TEAMROLLEN)
        .order_by("username")
        .values_list("username", "naam", "groups__name", "organisatie__code")
    )


def _clienten(team: Team) -> Iterable[tuple]:
    return (
        Client.objects.filter(team=team)
        .order_by("code")
        .values_list(
            "code",
            "roepnaam",
            "voornaam",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "bsn",
            "in_beeld_sinds",
            "status",
            "uitstroom_datum",
            "uitstroom_reden",
            "casemanager__username",
            "ervaringsdeskundige__username",
        )
    )


def _toestemmingen(team: Team) -> Iterator[tuple]:
    partijen = defaultdict(list)
    for toestemming_id, code in (
        Toestemming.partijen.through.objects.filter(toestemming__client__team=team)
        .order_by("organisatie__code")
        .values_list("toestemming_id", "organisatie__code")
    ):
        partijen[toestemming_id].append(code)
    for pk, client, ondertekend, versie, geldig_tot, ingetrokken in (
        Toestemming.objects.filter(client__team=team)
        .order_by("client__code", "ondertekend_op", "pk")
        .values_list(
            "pk", "client__code", "ondertekend_op", "versie", "geldig_tot", "ingetrokken_op"
        )
    ):
        yield client, ondertekend, versie, geldig_tot, partijen[pk], ingetrokken


def _uitgaven(team: Team) -> Iterable[tuple]:
    netto = Coalesce(Sum("correcties__bedrag"), Value(Decimal("0")), output_field=DecimalField())
    for budget, client, datum, bedrag, correcties, categorie, omschrijving, medewerker in (
        Uitgave.objects.filter(
            budget__team=team,
            correctie_van__isnull=True,
            timeout__isnull=True,
            status=UitgaveStatus.GOEDGEKEURD,
        )
        .annotate(gecorrigeerd=netto)
        .order_by("budget__naam", "datum", "pk")
        .values_list(
            "budget__naam",
            "client__code",
            "datum",
            "bedrag",
            "gecorrigeerd",
            "categorie",
            "omschrijving",
            "medewerker__username",
        )
        .iterator(chunk_size=STUK)
    ):
        if bedrag + correcties > 0:
            yield budget, client, datum, bedrag + correcties, categorie, omschrijving, medewerker


def bladen(team: Team) -> dict[str, Iterable[tuple]]:
    """Per sheet of §7, its rows for ``team`` in the order of its columns."""
    per_client = {"client__team": team}
    return {
        "medewerkers": _medewerkers(team),
        "clienten": _clienten(team),
        "situatie": Situatie.objects.filter(**per_client)
        .order_by("client__code", "kenmerk", "datum")
        .values_list("client__code", "datum", "kenmerk", "waarde"),
        "toestemmingen": _toestemmingen(team),
        "contacten": Contact.objects.filter(**per_client)
        .order_by("client__code", "tijdstip", "pk")
        .values_list(
            "client__code",
            "tijdstip",
            "medewerker__username",
            "soort",
            "locatie",
            "duur_minuten",
            "levensdomeinen",
            "notitie",
            "vertrouwelijk",
        ),
        "plannen": Plan.objects.filter(**per_client)
        .order_by("client__code", "opgesteld_op", "pk")
        .values_list("client__code", "opgesteld_op", "status", "evaluatie_op"),
        "doelen": Doel.objects.filter(**per_client)
        .order_by("client__code", "gesteld_op", "pk")
        .values_list("client__code", "levensdomein", "omschrijving", "status", "gesteld_op"),
        "zrm": ZRMMeting.objects.filter(**per_client)
        .order_by("client__code", "datum", "pk")
        .values_list("client__code", "datum", *ZRMDomein.values),
        "resultaten": Resultaat.objects.filter(**per_client)
        .order_by("client__code", "datum", "pk")
        .values_list("client__code", "datum", "soort__code", "toelichting"),
        "knelpunten": Knelpunt.objects.filter(**per_client)
        .order_by("client__code", "datum", "pk")
        .values_list(
            "client__code", "datum", "levensdomein", "categorie__code", "omschrijving", "status"
        ),
        "vergunningen": Vergunning.objects.filter(**per_client)
        .order_by("client__code", "aanvraag_op", "pk")
        .values_list(
            "client__code",
            "aanvraag_op",
            "soort",
            "werkt_sinds_peildatum",
            "zorg_sinds_peildatum",
            "besluit",
            "besluit_op",
            "geldig_tot",
            "registratienummer",
            "weigeringsgrond",
            "bezwaar_op",
            "bezwaar_status",
        ),
        "budgetten": Budget.objects.filter(team=team)
        .order_by("naam")
        .values_list("naam", "soort", "van", "tot", "bedrag"),
        "uitgaven": _uitgaven(team),
        "timeouts": TimeOut.objects.filter(**per_client)
        .order_by("client__code", "van", "pk")
        .values_list("client__code", "locatie", "van", "tot", "dagtarief"),
    }


def _rijen(bron) -> Iterator[tuple]:
    if hasattr(bron, "iterator"):
        return bron.iterator(chunk_size=STUK)
    return iter(bron)


WAT_WERKBOEK = "Uitwisselwerkboek: alle gegevens van het dossier (ONTWERP §7)"
WAAROM_RESERVEKOPIE = "Reservekopie van de eigen registratie van het team"


def werkboek_verstrekken(
    team: Team,
    uitvoer: BinaryIO,
    *,
    organisatie_code: str,
    waarom: str,
    door: User | None,
    reden_zonder_toestemming: str = "",
) -> tuple[dict[str, int], int]:
    """The workbook as what it is, a disclosure: one entry per client in the register
    (``verstrekkingen_vastleggen``, the consent rule), then the file, in one transaction.
    A refusal (``ValidationError``) registers nothing and writes nothing; a file that
    fails halfway takes its entries with it. A backup is a disclosure to the
    organisation that keeps it (docs/beslissingen.md).

    Returns the rows per sheet and the number of disclosures registered."""
    with transaction.atomic():
        verstrekkingen = verstrekkingen_vastleggen(
            clienten=Client.objects.filter(team=team),
            organisatie_code=organisatie_code,
            wat=WAT_WERKBOEK,
            waarom=waarom,
            door=door,
            reden_zonder_toestemming=reden_zonder_toestemming,
        )
        return werkboek_exporteren(team, uitvoer), len(verstrekkingen)


def werkboek_exporteren(team: Team, uitvoer: BinaryIO) -> dict[str, int]:
    """Write ``team`` as an exchange workbook to ``uitvoer``; the number of rows per sheet."""
    aantallen = {}
    # Looked up once: per value it was a tenth of the export's time.
    tijdzone = timezone.get_current_timezone()
    with XlsxWriter(uitvoer) as werkboek:
        for blad, bron in bladen(team).items():
            rijen = ([cel(waarde, tijdzone) for waarde in rij] for rij in _rijen(bron))
            # Minus the header row.
            aantallen[blad] = werkboek.sheet(blad, itertools.chain([kolomnamen(blad)], rijen)) - 1
    return aantallen
