"""Signals that need action, shown on the caseload and the dossier.

A signal source computes its signals in the database: ``annoteer`` adds annotations to a
client queryset, ``soorten`` are its kinds of signal with the condition on those
annotations under which each fires (so lists can filter and count in the database), and
``signalen`` turns one annotated client into the signals to show. ``gebruiker`` is who
looks: a source may only count what she may see (the peer worker does not see
confidential contacts). Apps register their sources at start-up (``registreer``); the
caseload and the dossier ask ``met_signalen`` and ``signalen_van`` and never need to know
which sources exist.

Each source declares its kinds (``soorten``): a code, a label, the condition and an
urgency. From them come the filter on one kind, the counts per kind and the caseload's
order "what needs action first". A signal says what to do (``actie``).

The annotations come from her current state (``ClientStand``, kept by every write),
so every condition compares a stored date or value with one computed from today: no
subquery per client, whatever the size of her history.
"""

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Protocol

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page
from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from clients.constants import GEEN_CONTACT_SIGNAAL_DAGEN, Status, ToestemmingStatus
from clients.models import Client
from clients.selectors import (
    contact_voor,
    met_laatste_contact_nu,
    met_toestemmingstatus_nu,
)
from stapteam.models import User
from stapteam.paginering import GeteldePaginator, kies_pagina


@dataclass(frozen=True)
class Signaal:
    code: str
    tekst: str
    ernst: str = "waarschuwing"  # "waarschuwing" or "fout"
    actie: str = ""  # what to do about it, in a few words


@dataclass(frozen=True)
class Signaalsoort:
    """A kind of signal, as lists filter, count and order on it."""

    code: str
    label: str
    voorwaarde: Q  # on the annotations of ``met_signalen``
    urgentie: int  # how soon it needs action: the caseload shows the highest sum first


class Signaalbron(Protocol):
    def annoteer(
        self, clienten: QuerySet[Client], *, vandaag: dt.date, gebruiker: User
    ) -> QuerySet[Client]: ...

    def soorten(self, *, vandaag: dt.date) -> list[Signaalsoort]: ...

    def signalen(self, client: Client, *, vandaag: dt.date) -> list[Signaal]: ...


class Bron:
    """What every source derives from its kinds: the condition under which any fires."""

    def actief(self, *, vandaag: dt.date) -> Q:
        return reduce(or_, (soort.voorwaarde for soort in self.soorten(vandaag=vandaag)))


BRONNEN: list[Signaalbron] = []


def registreer(bron: Signaalbron) -> None:
    if not any(type(bestaand) is type(bron) for bestaand in BRONNEN):
        BRONNEN.append(bron)


def soorten(*, vandaag: dt.date) -> list[Signaalsoort]:
    """Every kind of signal, in the order of their sources."""
    return [soort for bron in BRONNEN for soort in bron.soorten(vandaag=vandaag)]


def met_signalen(
    clienten: QuerySet[Client], *, vandaag: dt.date, gebruiker: User
) -> QuerySet[Client]:
    for bron in BRONNEN:
        clienten = bron.annoteer(clienten, vandaag=vandaag, gebruiker=gebruiker)
    return clienten


def vlag(voorwaarde: Q) -> Case:
    """1 where ``voorwaarde`` holds, else 0: to count, sum or order on in the database."""
    return Case(When(voorwaarde, then=Value(1)), default=Value(0), output_field=IntegerField())


def _vlag(soort: Signaalsoort) -> str:
    return f"_sg_{soort.code}"


def met_vlaggen(clienten: QuerySet[Client], *, vandaag: dt.date) -> QuerySet[Client]:
    """Annotated clients with each kind's condition as a 0/1 alias (``_sg_<code>``), so a
    list that counts, filters and orders on them has the ORM resolve each condition once.
    Asking again changes nothing."""
    alle = soorten(vandaag=vandaag)
    if not alle or _vlag(alle[0]) in clienten.query.annotations:
        return clienten
    return clienten.alias(**{_vlag(soort): vlag(soort.voorwaarde) for soort in alle})


def alleen_met_signaal(
    clienten: QuerySet[Client], *, vandaag: dt.date, soort: str = ""
) -> QuerySet[Client]:
    """Of annotated clients, those with at least one signal (of kind ``soort``, if given)."""
    clienten = met_vlaggen(clienten, vandaag=vandaag)
    voorwaarden = [Q(**{_vlag(s): 1}) for s in soorten(vandaag=vandaag) if soort in ("", s.code)]
    return clienten.filter(reduce(or_, voorwaarden)) if voorwaarden else clienten.none()


@dataclass(frozen=True)
class Tellingen:
    """How many annotated clients a list holds, how many of them have any signal, and
    how many have each kind (kinds nobody has left out)."""

    clienten: int
    met_signaal: int
    per_soort: list[tuple[Signaalsoort, int]]


GEEN_TELLINGEN = Tellingen(clienten=0, met_signaal=0, per_soort=[])


@dataclass(frozen=True)
class _Vlaggen:
    """The SQL of annotated clients with each kind's 0/1 flag as a column, to write a
    query around that counts, sums and orders on the columns by name: the ORM resolves
    and compiles each condition once.

    Written out, not through ``aggregate()`` or window annotations: the ORM would copy
    every condition into each sum once more, and compiling those took longer than the
    query itself."""

    sql: str
    params: tuple
    soorten: list[Signaalsoort]
    kolommen: list[str]  # quoted, in the order of ``soorten``

    @property
    def ieder(self) -> str:
        """1 where she has any signal, else 0."""
        if not self.kolommen:
            return "0"
        return f"CASE WHEN {' + '.join(self.kolommen)} > 0 THEN 1 ELSE 0 END"

    def sommen(self, *, over: str = "") -> list[str]:
        """The list's length, how many have any signal and how many have each kind
        (``over``: as window aggregates, "OVER ()")."""
        return [
            f"COUNT(*) {over}",
            f"SUM({self.ieder}) {over}",
            *(f"SUM({kolom}) {over}" for kolom in self.kolommen),
        ]

    def tellingen(self, waarden) -> Tellingen:
        """``Tellingen`` from the values of ``sommen``."""
        totaal, ieder, *per_soort = (aantal or 0 for aantal in waarden)
        return Tellingen(
            clienten=totaal,
            met_signaal=ieder,
            per_soort=[(s, n) for s, n in zip(self.soorten, per_soort, strict=True) if n],
        )


def _vlaggen(clienten: QuerySet[Client], *velden: str, vandaag: dt.date) -> _Vlaggen | None:
    """``_Vlaggen`` of annotated clients, also selecting their ``velden``; None when the
    query selects nobody (e.g. ``none()``)."""
    alle = soorten(vandaag=vandaag)
    # Each condition annotated straight away as a column: as an alias first and then
    # selected by name, the ORM resolved every condition twice, for the same SQL (this
    # function took 5.0 instead of 3.4 ms).
    vlaggen = {f"{_vlag(soort)}_": vlag(soort.voorwaarde) for soort in alle}
    binnen = clienten.annotate(**vlaggen).values(*velden, *vlaggen)
    try:
        sql, params = binnen.order_by().query.get_compiler(using=binnen.db).as_sql()
    except EmptyResultSet:
        return None
    kolommen = [connections[binnen.db].ops.quote_name(v) for v in vlaggen]
    return _Vlaggen(sql=sql, params=params, soorten=alle, kolommen=kolommen)


def tellingen(clienten: QuerySet[Client], *, vandaag: dt.date) -> Tellingen:
    """How many of the annotated clients have which signal, in one query: a query around
    theirs counts the rows and sums the flag columns."""
    vlaggen = _vlaggen(clienten, vandaag=vandaag)
    if vlaggen is None:
        return GEEN_TELLINGEN
    with connections[clienten.db].cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(vlaggen.sommen())} FROM ({vlaggen.sql}) vlaggen", vlaggen.params
        )
        return vlaggen.tellingen(cursor.fetchone())


def pagina_op_urgentie(
    clienten: QuerySet[Client],
    *,
    vandaag: dt.date,
    nummer,
    per_pagina: int,
    soort: str = "",
    op_naam: bool = False,
) -> tuple[Page, Tellingen]:
    """Page ``nummer`` of the annotated clients with a signal of kind ``soort`` ("on":
    any; "": all of them), chosen as ``Paginator.get_page`` chooses it (not a whole
    number: the first; before the first or past the last: the last), ordered by what
    needs action first: the sum of the urgency of their signals, then by name (only by
    name: ``op_naam``). With it the ``Tellingen`` of the whole list before the filter on
    ``soort``, so each count can be a link to its own list.

    One query chooses the page and counts: a query around the clients' flag columns
    sums them over every row (window sums) and orders the rows with the chosen kind
    first, so the list filtered on a kind is the head of the whole list and each of its
    pages brings the counts of the whole list along. A second query reads the page's
    clients. A page outside the list is chosen as ``kies_pagina`` chooses it."""
    vlaggen = _vlaggen(clienten, "pk", "roepnaam", "code", vandaag=vandaag)
    if vlaggen is None:
        return Page([], 1, GeteldePaginator(clienten, per_pagina, aantal=0)), GEEN_TELLINGEN
    verbinding = connections[clienten.db]
    naam = verbinding.ops.quote_name
    kolom_van = dict(zip((s.code for s in vlaggen.soorten), vlaggen.kolommen, strict=True))
    gekozen = {"": "1", "on": vlaggen.ieder}.get(soort) or kolom_van.get(soort, "0")
    # A constant is left out: a number in ORDER BY would name a column.
    volgorde = [] if gekozen in ("0", "1") else [f"{gekozen} DESC"]
    if vlaggen.kolommen and not op_naam:
        urgentie = " + ".join(
            f"{kolom} * {s.urgentie:d}"
            for s, kolom in zip(vlaggen.soorten, vlaggen.kolommen, strict=True)
        )
        volgorde.append(f"{urgentie} DESC")
    volgorde += [naam("roepnaam"), naam("code")]
    # Per row: her id, whether she is in the filtered list, its length, the counts.
    sql = (
        f"SELECT {naam('pk')}, {gekozen}, SUM({gekozen}) OVER (), "
        f"{', '.join(vlaggen.sommen(over='OVER ()'))} FROM ({vlaggen.sql}) vlaggen "
        f"ORDER BY {', '.join(volgorde)}"
    )

    def ophalen(nummer: int) -> list[tuple]:
        with verbinding.cursor() as cursor:
            begin = (nummer - 1) * per_pagina
            cursor.execute(f"{sql} LIMIT {per_pagina:d} OFFSET {begin:d}", vlaggen.params)
            return cursor.fetchall()

    nummer, rijen = kies_pagina(
        nummer, per_pagina, ophalen, lengte=lambda rij: rij[2], in_lijst=lambda rij: rij[1]
    )
    aantal = rijen[0][2] if rijen else 0
    telling = vlaggen.tellingen(rijen[0][3:]) if rijen else GEEN_TELLINGEN
    ids = [pk for pk, in_lijst, *_ in rijen if in_lijst]
    gelezen = clienten.in_bulk(ids) if ids else {}
    gevonden = [gelezen[pk] for pk in ids if pk in gelezen]
    return Page(gevonden, nummer, GeteldePaginator(clienten, per_pagina, aantal=aantal)), telling


def signalen_van(client: Client, *, vandaag: dt.date) -> list[Signaal]:
    """The signals of one client annotated by ``met_signalen``."""
    return [signaal for bron in BRONNEN for signaal in bron.signalen(client, vandaag=vandaag)]


class ToestemmingSignalen(Bron):
    """Consent missing, expiring within 30 days, expired or withdrawn."""

    # status: text, severity, urgency, what to do
    SOORTEN = {
        ToestemmingStatus.ONTBREEKT: (
            "Toestemming ontbreekt",
            "fout",
            3,
            "Laat haar het toestemmingsformulier tekenen.",
        ),
        ToestemmingStatus.VERLOPEN: (
            "Toestemming verlopen",
            "fout",
            3,
            "Laat een nieuw toestemmingsformulier tekenen.",
        ),
        ToestemmingStatus.INGETROKKEN: (
            "Toestemming ingetrokken",
            "fout",
            3,
            "Deel niets buiten het team; bespreek met de coördinator wat nog kan.",
        ),
        ToestemmingStatus.VERLOOPT_BINNENKORT: (
            "Toestemming verloopt binnenkort",
            "waarschuwing",
            1,
            "Laat een nieuw formulier tekenen voordat het verloopt.",
        ),
    }

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_toestemmingstatus_nu(clienten, vandaag=vandaag)

    def soorten(self, *, vandaag):
        # On the annotation ``met_toestemmingstatus_nu`` made of the same conditions.
        return [
            Signaalsoort(f"toestemming_{status}", tekst, Q(toestemming_status=status), urgentie)
            for status, (tekst, _, urgentie, _) in self.SOORTEN.items()
        ]

    def signalen(self, client, *, vandaag):
        status = client.toestemming_status
        if status not in self.SOORTEN:
            return []
        tekst, ernst, _, actie = self.SOORTEN[status]
        return [Signaal(code=f"toestemming_{status}", tekst=tekst, ernst=ernst, actie=actie)]


class GeenContactSignaal(Bron):
    """No realised contact for 14 days (or, for a new client, none since 14 days in view).

    Only for clients whose support runs: not after outflow, and not while it is paused
    (in a clinic, say), when nobody expects contact. Counts the contacts the viewer may see.
    """

    GEEN_SIGNAAL = (Status.UITGESTROOMD, Status.GEPAUZEERD)

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_laatste_contact_nu(clienten, gebruiker=gebruiker)

    def soorten(self, *, vandaag):
        grens = vandaag - dt.timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
        voorwaarde = ~Q(status__in=self.GEEN_SIGNAAL) & (
            contact_voor(grens) | Q(laatste_contact__isnull=True, in_beeld_sinds__lte=grens)
        )
        label = f"Geen contact in {GEEN_CONTACT_SIGNAAL_DAGEN} dagen"
        return [Signaalsoort("geen_contact", label, voorwaarde, 2)]

    def signalen(self, client, *, vandaag):
        if client.status in self.GEEN_SIGNAAL:
            return []
        grens = vandaag - dt.timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
        laatste = client.laatste_contact
        if laatste is None:
            if client.in_beeld_sinds > grens:
                return []
            return [Signaal("geen_contact", "Nog geen contact gehad", actie="Zoek haar op.")]
        if timezone.localdate(laatste) > grens:
            return []
        dagen = (vandaag - timezone.localdate(laatste)).days
        return [
            Signaal("geen_contact", f"Geen contact in {dagen} dagen", actie="Zoek haar op of bel.")
        ]
