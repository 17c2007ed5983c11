"""Reads with rules: situation "as of" a date, consent status, duplicates.

These compute in the database (subqueries and CASE expressions), so a list of any
length costs one query and reports can group and count on the annotations. What holds
today comes from her current state (``ClientStand``, the ``*_nu`` functions): plain
columns compared with today, no subquery per client. "As of" an earlier date comes from
the records and their history.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from clients.constants import (
    KENMERK_WAARDEN,
    TOESTEMMING_BRUIKBAAR,
    TOESTEMMING_WAARSCHUWING_DAGEN,
    Kenmerk,
    ToestemmingStatus,
)
from clients.models import Client, Contact, Situatie, Toestemming
from stapteam.datums import dagbegin
from stapteam.models import Team, User
from stapteam.toegang import mag


def situatie_veld(kenmerk: str) -> str:
    """Name of the annotation that holds ``kenmerk`` as of the date (e.g. 'sit_woonsituatie')."""
    return f"sit_{kenmerk}"


def met_situatie(
    clienten: QuerySet[Client], *, op: dt.date, kenmerken: Iterable[str] | None = None
) -> QuerySet[Client]:
    """Annotate each client with the value of each kenmerk as of ``op``.

    The value as of D is the one registered with the latest date ≤ D; a client without
    such a row gets None. One correlated subquery per kenmerk, evaluated in the database.
    """
    annotaties = {}
    for kenmerk in kenmerken if kenmerken is not None else Kenmerk.values:
        laatste = Situatie.objects.filter(
            client=OuterRef("pk"), kenmerk=kenmerk, datum__lte=op
        ).order_by("-datum")
        annotaties[situatie_veld(kenmerk)] = Subquery(laatste.values("waarde")[:1])
    return clienten.annotate(**annotaties)


def situatie_op(client: Client, *, op: dt.date) -> dict[str, str | None]:
    """The situation of one client as of ``op``: {kenmerk: waarde or None}."""
    rij = met_situatie(Client.objects.filter(pk=client.pk), op=op).values(
        *(situatie_veld(k) for k in Kenmerk.values)
    )[0]
    return {kenmerk: rij[situatie_veld(kenmerk)] for kenmerk in Kenmerk.values}


def situatie_label(kenmerk: str, waarde: str | None) -> str:
    if waarde is None:
        return "Onbekend"
    try:
        return KENMERK_WAARDEN[kenmerk](waarde).label
    except ValueError:
        return waarde


def met_toestemmingstatus(clienten: QuerySet[Client], *, op: dt.date) -> QuerySet[Client]:
    """Annotate ``toestemming_status``: the status of her most recently signed consent.

    The same boundaries as ``clients.models.toestemming_status`` (tested against it).
    Asking again for an annotated queryset changes nothing.
    """
    if "toestemming_status" in clienten.query.annotations:
        return clienten
    laatste = Toestemming.objects.filter(client=OuterRef("pk")).order_by("-ondertekend_op", "-id")
    grens = op + dt.timedelta(days=TOESTEMMING_WAARSCHUWING_DAGEN)
    return clienten.annotate(
        _t_heeft=Exists(laatste),
        _t_geldig_tot=Subquery(laatste.values("geldig_tot")[:1]),
        _t_ingetrokken_op=Subquery(laatste.values("ingetrokken_op")[:1]),
    ).annotate(
        toestemming_status=Case(
            When(_t_heeft=False, then=Value(ToestemmingStatus.ONTBREEKT)),
            When(_t_ingetrokken_op__lte=op, then=Value(ToestemmingStatus.INGETROKKEN)),
            When(_t_geldig_tot__lt=op, then=Value(ToestemmingStatus.VERLOPEN)),
            When(_t_geldig_tot__lte=grens, then=Value(ToestemmingStatus.VERLOOPT_BINNENKORT)),
            default=Value(ToestemmingStatus.GELDIG),
            output_field=CharField(),
        )
    )


def huidige_toestemming(client: Client) -> Toestemming | None:
    """Her most recently signed consent form (which decides her consent status)."""
    return client.toestemmingen.order_by("-ondertekend_op", "-id").first()


def dekkende_toestemmingen(
    clienten: QuerySet[Client], organisatie_code: str, *, op: dt.date
) -> dict[int, Toestemming]:
    """Per client (pk) whose current consent is usable on ``op`` and names this
    organisation: that consent. A client missing from the result is not covered.

    One query for any number of clients: the register of disclosures checks a whole
    export with it, and a single disclosure asks the same question for one client.
    """
    huidige = Toestemming.objects.filter(client=OuterRef("pk")).order_by("-ondertekend_op", "-id")
    huidige_ids = clienten.order_by().annotate(_huidige=Subquery(huidige.values("pk")[:1]))
    toestemmingen = Toestemming.objects.filter(
        pk__in=huidige_ids.values("_huidige"),
        ondertekend_op__lte=op,
        partijen__code=organisatie_code,
    )
    return {
        toestemming.client_id: toestemming
        for toestemming in toestemmingen
        if toestemming.status_op(op) in TOESTEMMING_BRUIKBAAR
    }


def dekkende_toestemming(client: Client, organisatie_code: str, *, op: dt.date):
    """Her current consent if it is usable on ``op`` and names this organisation, else None."""
    return dekkende_toestemmingen(Client.objects.filter(pk=client.pk), organisatie_code, op=op).get(
        client.pk
    )


def toestemming_dekt(client: Client, organisatie_code: str, *, op: dt.date) -> bool:
    """Whether her current consent is usable on ``op`` and names this organisation."""
    return dekkende_toestemming(client, organisatie_code, op=op) is not None


def mogelijke_dubbelen(
    *,
    team: Team,
    roepnaam: str = "",
    geboortedatum: dt.date | None = None,
    bsn: str = "",
    behalve: Client | None = None,
) -> QuerySet[Client]:
    """Clients of the team that may be the same person: the same roepnaam and date of
    birth, or the same BSN."""
    voorwaarde = Q(pk__in=[])
    if roepnaam and geboortedatum:
        voorwaarde |= Q(roepnaam__iexact=roepnaam.strip(), geboortedatum=geboortedatum)
    if bsn:
        voorwaarde |= Q(bsn=bsn)
    dubbelen = Client.objects.filter(voorwaarde, team=team, geanonimiseerd_op__isnull=True)
    if behalve is not None and behalve.pk:
        dubbelen = dubbelen.exclude(pk=behalve.pk)
    return dubbelen.select_related("casemanager")


def zoek_voor_registratie(
    *, teams: Iterable[Team], roepnaam: str, geboortedatum: dt.date | None, bsn: str
) -> list[tuple[Client, bool]]:
    """Before registering: clients of these teams whose name looks like ``roepnaam``, and
    the likely duplicates. Each result says whether it is a likely duplicate; those first."""
    dubbel = Q(pk__in=[])
    if geboortedatum:
        dubbel |= Q(roepnaam__iexact=roepnaam.strip(), geboortedatum=geboortedatum)
    if bsn:
        dubbel |= Q(bsn=bsn)
    gevonden = (
        Client.objects.filter(team__in=teams, geanonimiseerd_op__isnull=True)
        .filter(dubbel | Q(roepnaam__icontains=roepnaam.strip()))
        .annotate(is_dubbel=Case(When(dubbel, then=Value(True)), default=Value(False)))
        .select_related("casemanager", "team")
        .order_by("-is_dubbel", "roepnaam")[:20]
    )
    return [(client, client.is_dubbel) for client in gevonden]


def met_laatste_contact(clienten: QuerySet[Client], *, gebruiker: User | None) -> QuerySet[Client]:
    """Annotate ``laatste_contact`` from the contacts themselves (lists read it from her
    current state, ``met_laatste_contact_nu``; the tests hold the two equal): the time of
    her latest realised contact that ``gebruiker`` may see (confidential ones only if her
    role may), or None. ``gebruiker`` None is the team's own view, for reports made by a
    command: every contact counts.

    ``clienten`` must already be limited to clients the user may see: the subquery then
    needs no access check of its own, which keeps it one index lookup per client. Asking
    again for an annotated queryset changes nothing.
    """
    if "laatste_contact" in clienten.query.annotations:
        return clienten
    contacten = Contact.objects.gerealiseerd().filter(client=OuterRef("pk"))
    if gebruiker is not None and not mag(gebruiker, "clients.vertrouwelijk_inzien"):
        contacten = contacten.filter(vertrouwelijk=False)
    laatste = contacten.order_by("-tijdstip").values("tijdstip")[:1]
    return clienten.annotate(laatste_contact=Subquery(laatste))


# --- Today, from her current state (ClientStand) -------------------------------------------


def met_huidige_situatie(
    clienten: QuerySet[Client], *, kenmerken: Iterable[str] | None = None
) -> QuerySet[Client]:
    """Annotate each client with her current value of each kenmerk, under the same names
    as ``met_situatie`` (``sit_woonsituatie``...): the same as ``met_situatie`` on today."""
    return clienten.annotate(
        **{
            situatie_veld(kenmerk): F(f"stand__{kenmerk}")
            for kenmerk in (kenmerken if kenmerken is not None else Kenmerk.values)
        }
    )


def toestemming_voorwaarden(vandaag: dt.date) -> dict[str, Q]:
    """Per consent status other than ``geldig``: the condition on her current state under
    which she has it today. The boundaries of ``clients.models.toestemming_status``; the
    conditions exclude each other."""
    ondertekend = "stand__toestemming_ondertekend_op"
    geldig_tot = "stand__toestemming_geldig_tot"
    ingetrokken_op = "stand__toestemming_ingetrokken_op"
    niet_ingetrokken = Q(**{f"{ingetrokken_op}__isnull": True}) | Q(
        **{f"{ingetrokken_op}__gt": vandaag}
    )
    grens = vandaag + dt.timedelta(days=TOESTEMMING_WAARSCHUWING_DAGEN)
    return {
        ToestemmingStatus.ONTBREEKT: Q(**{f"{ondertekend}__isnull": True}),
        ToestemmingStatus.INGETROKKEN: Q(**{f"{ingetrokken_op}__lte": vandaag}),
        ToestemmingStatus.VERLOPEN: niet_ingetrokken & Q(**{f"{geldig_tot}__lt": vandaag}),
        ToestemmingStatus.VERLOOPT_BINNENKORT: niet_ingetrokken
        & Q(**{f"{geldig_tot}__gte": vandaag, f"{geldig_tot}__lte": grens}),
    }


def met_toestemmingstatus_nu(clienten: QuerySet[Client], *, vandaag: dt.date) -> QuerySet[Client]:
    """Annotate ``toestemming_status`` today, from her current state: the same value as
    ``met_toestemmingstatus`` on today. Asking again changes nothing."""
    if "toestemming_status" in clienten.query.annotations:
        return clienten
    return clienten.annotate(
        toestemming_status=Case(
            *(
                When(voorwaarde, then=Value(status))
                for status, voorwaarde in toestemming_voorwaarden(vandaag).items()
            ),
            default=Value(ToestemmingStatus.GELDIG),
            output_field=CharField(),
        )
    )


def met_laatste_contact_nu(
    clienten: QuerySet[Client], *, gebruiker: User | None
) -> QuerySet[Client]:
    """Annotate ``laatste_contact`` from her current state: the same value as
    ``met_laatste_contact`` (confidential contacts only for whose role may see them)."""
    if "laatste_contact" in clienten.query.annotations:
        return clienten
    alles = gebruiker is None or mag(gebruiker, "clients.vertrouwelijk_inzien")
    kolom = "stand__laatste_contact" if alles else "stand__laatste_open_contact"
    return clienten.annotate(laatste_contact=F(kolom))


def contact_voor(datum: dt.date) -> Q:
    """Condition on ``laatste_contact``: it took place on or before ``datum`` (local
    time). A comparison of the stored time with the start of the next day, so the
    database can use the column (and its index) as it is."""
    return Q(laatste_contact__lt=dagbegin(datum + dt.timedelta(days=1)))
