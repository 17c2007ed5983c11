"""Writes of the client dossier. Views, the importer and the demo seeder all call these.

Each function is one transaction, validates with ``full_clean`` before saving, and takes
the acting user (``door``), who is recorded in the history.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from clients.constants import CONTACT_CORRECTIE_DAGEN, KENMERK_WAARDEN, Grondslag, Status
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming, Verstrekking
from clients.selectors import dekkende_toestemming, dekkende_toestemmingen, mogelijke_dubbelen
from clients.validators import normaliseer_bsn
from stapteam.bestanden import prive_bestand_zetten
from stapteam.constants import CASELOAD_ROLLEN, CONTACT_ROLLEN, Rol
from stapteam.models import Organisatie, Team, User
from stapteam.services import opslaan
from stapteam.toegang import is_medewerker_van, mag


def _controleer_medewerker(
    gebruiker: User | None, team: Team, rollen: Iterable[str], veld: str, *, overgenomen: bool
) -> None:
    if gebruiker is None:
        return
    if not is_medewerker_van(gebruiker, team, rollen, ook_inactief=overgenomen):
        namen = " of ".join(Rol(rol).label.lower() for rol in rollen)
        actieve = "" if overgenomen else "actieve "
        raise ValidationError({veld: f"{gebruiker} is geen {actieve}{namen} van {team}."})


def _controleer_medewerkers(client: Client, *, overgenomen: bool = False) -> None:
    for veld, rollen in (
        ("casemanager", CASELOAD_ROLLEN),
        ("tweede_casemanager", CASELOAD_ROLLEN),
        ("ervaringsdeskundige", [Rol.ERVARINGSDESKUNDIGE]),
    ):
        _controleer_medewerker(
            getattr(client, veld), client.team, rollen, veld, overgenomen=overgenomen
        )
    if client.casemanager_id and client.casemanager_id == client.tweede_casemanager_id:
        raise ValidationError(
            {"tweede_casemanager": "De tweede casemanager is dezelfde als de eerste."}
        )


def _controleer_bsn_uniek(client: Client) -> None:
    if not client.bsn:
        return
    anderen = Client.objects.filter(team=client.team, bsn=client.bsn).exclude(pk=client.pk)
    if anderen.exists():
        raise ValidationError(
            {"bsn": f"Er is al een cliënt met dit BSN in het team ({anderen.first().code})."}
        )


def _volgend_nummer(team: Team) -> str:
    # Holding the team row serialises the numbering of simultaneous new clients.
    Team.objects.select_for_update().filter(pk=team.pk).exists()
    nummer = Client.objects.filter(team=team).count() + 1
    while Client.objects.filter(team=team, code=f"{nummer:04d}").exists():
        nummer += 1
    return f"{nummer:04d}"


def controleer_client(client: Client, *, overgenomen: bool = False) -> None:
    """The rules of a client record beyond its own fields: her BSN normalised and unique
    in the team, and her casemanagers and peer worker staff of her team.

    ``overgenomen``: a record taken over from an earlier administration (the workbook
    importer) may name colleagues whose accounts are not active yet.
    """
    client.bsn = normaliseer_bsn(client.bsn or "")
    _controleer_bsn_uniek(client)  # first: it names the client who has the number
    _controleer_medewerkers(client, overgenomen=overgenomen)


def _client_opslaan(client: Client, door: User | None, *, overgenomen: bool = False) -> Client:
    controleer_client(client, overgenomen=overgenomen)
    return opslaan(client, door=door)


def controleer_geen_dubbel(client: Client) -> None:
    """Refuse a new client who is likely someone already in the team (same roepnaam and
    date of birth, or the same BSN); the caller confirms otherwise with ``andere_persoon``."""
    dubbelen = mogelijke_dubbelen(
        team=client.team,
        roepnaam=client.roepnaam,
        geboortedatum=client.geboortedatum,
        bsn=client.bsn,
    )
    eerste = dubbelen.first()
    if eerste is not None:
        raise ValidationError(
            "Er staat al een cliënt met dezelfde roepnaam en geboortedatum of hetzelfde BSN "
            f"in het team ({eerste.code}). Is het echt iemand anders, bevestig dat dan.",
            code="dubbel",
        )


@transaction.atomic
def client_aanmaken(
    *,
    team: Team,
    door: User | None,
    code: str = "",
    andere_persoon: bool = False,
    overgenomen: bool = False,
    **gegevens,
) -> Client:
    """Register a new client in ``team``. ``gegevens`` are Client fields.

    A likely duplicate of a client in the team is refused unless ``andere_persoon``
    confirms she is someone else. ``overgenomen`` is for the workbook importer (see
    ``controleer_client``). Her first casemanager is recorded as the first handover, so
    the list of handovers is her whole history of casemanagers.
    """
    client = Client(team=team, code=code or _volgend_nummer(team), **gegevens)
    client.bsn = normaliseer_bsn(client.bsn or "")
    _controleer_bsn_uniek(client)  # a hard rule, before the question "someone else?"
    if not andere_persoon:
        controleer_geen_dubbel(client)
    _client_opslaan(client, door, overgenomen=overgenomen)
    if client.casemanager_id:
        opslaan(eerste_overdracht(client, door=door), door=door)
    return client


def eerste_overdracht(client: Client, *, door: User | None) -> Overdracht:
    """Her first casemanager as her first handover (unsaved): she had this casemanager
    since she came in view (an import registers her later)."""
    begin = timezone.make_aware(dt.datetime.combine(client.in_beeld_sinds, dt.time()))
    return Overdracht(
        client=client,
        van=None,
        naar=client.casemanager,
        notitie="",
        door=door,
        tijdstip=min(begin, timezone.now()),
    )


# What a client record holds beyond her team and number; the forms show them in this order.
PERSOONSVELDEN = [
    "roepnaam",
    "voornaam",
    "achternaam",
    "geboortedatum",
    "bsn",
    "telefoon",
    "postadres",
    "is_briefadres",
    "geslacht",
    "in_beeld_sinds",
]
STATUSVELDEN = ["status", "uitstroom_datum", "uitstroom_reden"]
KOPPELVELDEN = ["tweede_casemanager", "ervaringsdeskundige"]
# The primary casemanager is not among them: she changes by handover (``overdragen``).
WIJZIGBARE_VELDEN = frozenset(PERSOONSVELDEN + STATUSVELDEN + KOPPELVELDEN)


@transaction.atomic
def client_wijzigen(*, client: Client, door: User | None, **gegevens) -> Client:
    """Change her details. The primary casemanager changes only by handover (``overdragen``)."""
    onbekend = set(gegevens) - WIJZIGBARE_VELDEN
    if onbekend:
        raise ValueError(f"Niet via client_wijzigen te wijzigen: {', '.join(sorted(onbekend))}")
    client = Client.objects.select_for_update().get(pk=client.pk)
    was_uitgestroomd = client.status == Status.UITGESTROOMD
    for veld, waarde in gegevens.items():
        setattr(client, veld, waarde)
    if was_uitgestroomd and client.status != Status.UITGESTROOMD:
        # Back in view: the earlier outflow stays in her history, not on the record.
        client.uitstroom_datum, client.uitstroom_reden = None, ""
    return _client_opslaan(client, door)


@transaction.atomic
def situatie_vastleggen(
    *, client: Client, kenmerk: str, waarde: str, datum: dt.date, door: User | None
) -> Situatie:
    """Record that from ``datum`` on ``kenmerk`` is ``waarde``.

    A second value for the same date replaces the first (the history keeps both).
    """
    if kenmerk not in KENMERK_WAARDEN:
        raise ValidationError({"kenmerk": f"Onbekend kenmerk '{kenmerk}'."})
    situatie = (
        Situatie.objects.select_for_update()
        .filter(client=client, kenmerk=kenmerk, datum=datum)
        .first()
    ) or Situatie(client=client, kenmerk=kenmerk, datum=datum)
    situatie.waarde = waarde
    situatie.geregistreerd_door = door
    opslaan(situatie, door=door)
    return situatie


@transaction.atomic
def toestemming_vastleggen(
    *,
    client: Client,
    ondertekend_op: dt.date,
    versie: str,
    partijen: Iterable[Organisatie],
    geldig_tot: dt.date | None = None,
    ingetrokken_op: dt.date | None = None,
    scan: UploadedFile | None = None,
    door: User | None,
) -> Toestemming:
    """Record a signed consent form, optionally with its scan; a form taken over from an
    earlier administration may already have been withdrawn (``ingetrokken_op``)."""
    toestemming = Toestemming(
        client=client,
        ondertekend_op=ondertekend_op,
        versie=versie,
        geldig_tot=geldig_tot,
        ingetrokken_op=ingetrokken_op,
        vastgelegd_door=door,
    )
    partijen = list(partijen)
    controleer_toestemming(toestemming, partijen)
    if scan is not None:
        prive_bestand_zetten(toestemming, "scan", scan, "toestemmingen")
    toestemming._history_user = door
    toestemming.save()
    toestemming.partijen.set(partijen)
    return toestemming


def controleer_toestemming(toestemming: Toestemming, partijen: list[Organisatie]) -> None:
    """The rules of a new consent form: at least one party, and its own fields and dates
    (the workbook import checks its forms with this too)."""
    if not partijen:
        raise ValidationError({"partijen": "Kies met wie gegevens gedeeld mogen worden."})
    toestemming.full_clean(exclude=["scan"])


@transaction.atomic
def toestemming_wijzigen(
    *,
    toestemming: Toestemming,
    door: User | None,
    partijen: Iterable[Organisatie] | None = None,
    scan: UploadedFile | None = None,
    **gegevens,
) -> Toestemming:
    """Correct a consent form: dates, version, parties, a new scan, or its withdrawal.

    A replaced scan stays on disk and in the history; nothing is deleted.
    """
    toestemming = Toestemming.objects.select_for_update().get(pk=toestemming.pk)
    for veld, waarde in gegevens.items():
        if veld not in {"ondertekend_op", "versie", "geldig_tot", "ingetrokken_op"}:
            raise ValueError(f"Niet via toestemming_wijzigen te wijzigen: {veld}")
        setattr(toestemming, veld, waarde)
    toestemming.full_clean(exclude=["scan"])
    if scan is not None:
        prive_bestand_zetten(toestemming, "scan", scan, "toestemmingen")
    if partijen is not None:
        partijen = list(partijen)
        if not partijen:
            raise ValidationError({"partijen": "Kies met wie gegevens gedeeld mogen worden."})
    toestemming._history_user = door
    toestemming.save()
    if partijen is not None:
        toestemming.partijen.set(partijen)
    return toestemming


@transaction.atomic
def toestemming_controleren(*, toestemming: Toestemming, door: User) -> Toestemming:
    """A second person confirms the form is complete and signed (four-eyes)."""
    if toestemming.vastgelegd_door_id == door.pk:
        raise ValidationError("Een ander dan wie het formulier vastlegde, controleert het.")
    toestemming.gecontroleerd_door = door
    toestemming.gecontroleerd_op = timezone.localdate()
    toestemming._history_user = door
    toestemming.save(update_fields=["gecontroleerd_door", "gecontroleerd_op"])
    return toestemming


def _overdracht_vastleggen(
    client: Client,
    *,
    van: User | None,
    naar: User,
    notitie: str,
    door: User | None,
    tijdstip: dt.datetime | None = None,
) -> Overdracht:
    overdracht = Overdracht(
        client=client,
        van=van,
        naar=naar,
        notitie=notitie,
        door=door,
        tijdstip=tijdstip or timezone.now(),
    )
    opslaan(overdracht, door=door)
    return overdracht


@transaction.atomic
def overdragen(*, client: Client, naar: User, notitie: str = "", door: User | None) -> Overdracht:
    """Hand her over to another casemanager of her team, with a handover note."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    if client.casemanager_id == naar.pk:
        raise ValidationError({"naar": f"{naar} is al haar casemanager."})
    van = client.casemanager
    client.casemanager = naar
    if client.tweede_casemanager_id == naar.pk:
        client.tweede_casemanager = None
    _client_opslaan(client, door)
    return _overdracht_vastleggen(client, van=van, naar=naar, notitie=notitie, door=door)


def lopende_caseload(team: Team, casemanager: User):
    """The clients in ``team`` whose primary casemanager is ``casemanager`` and who have
    not left."""
    return Client.objects.filter(
        team=team, casemanager=casemanager, geanonimiseerd_op__isnull=True
    ).exclude(status=Status.UITGESTROOMD)


@transaction.atomic
def caseload_overdragen(
    *, team: Team, van: User, naar: User, notitie: str = "", door: User | None
) -> int:
    """Hand over every current client of ``van`` in ``team`` to ``naar``: all or none."""
    if van.pk == naar.pk:
        raise ValidationError({"naar": "Kies een andere casemanager dan de huidige."})
    aantal = 0
    for client in lopende_caseload(team, van).order_by("pk"):
        overdragen(client=client, naar=naar, notitie=notitie, door=door)
        aantal += 1
    return aantal


# --- Contacts -----------------------------------------------------------------------------

CONTACT_VELDEN = frozenset(
    {"tijdstip", "soort", "locatie", "duur_minuten", "levensdomeinen", "notitie", "vertrouwelijk"}
)


def mag_contact_corrigeren(contact: Contact, gebruiker: User) -> bool:
    """Her author may correct a contact for 7 days after logging it; a coordinator always."""
    if mag(gebruiker, "clients.altijd_corrigeren"):
        return True
    binnen_termijn = timezone.now() - contact.aangemaakt_op <= dt.timedelta(
        days=CONTACT_CORRECTIE_DAGEN
    )
    return contact.medewerker_id == gebruiker.pk and binnen_termijn


def controleer_contact(contact: Contact, team: Team, *, overgenomen: bool = False) -> None:
    """The rules of a contact beyond its own fields: had by staff of her team, and not
    confidential when the peer worker had it. ``overgenomen`` as in ``controleer_client``."""
    medewerker = contact.medewerker
    if not is_medewerker_van(medewerker, team, CONTACT_ROLLEN, ook_inactief=overgenomen):
        raise ValidationError({"medewerker": f"{medewerker} is geen medewerker van {team}."})
    # She could not see it herself: the peer worker's role never sees confidential contacts.
    if contact.vertrouwelijk and medewerker.rol == Rol.ERVARINGSDESKUNDIGE:
        raise ValidationError(
            {"vertrouwelijk": "Een ervaringsdeskundige legt geen vertrouwelijk contact vast."}
        )


def _contact_opslaan(contact: Contact, ook_aanwezig, door: User | None) -> Contact:
    controleer_contact(contact, contact.client.team)
    opslaan(contact, door=door)
    if ook_aanwezig is not None:
        contact.ook_aanwezig.set(ook_aanwezig)
    return contact


@transaction.atomic
def contact_registreren(
    *,
    client: Client,
    door: User | None,
    soort: str,
    tijdstip: dt.datetime | None = None,
    medewerker: User | None = None,
    locatie: str = "",
    duur_minuten: int | None = None,
    levensdomeinen: Iterable[str] = (),
    notitie: str = "",
    vertrouwelijk: bool = False,
    ook_aanwezig: Iterable[User] = (),
) -> Contact:
    """Log a contact. Only the client and the kind are required; by default it happened
    now and was had by ``door``."""
    medewerker = medewerker or door
    if medewerker is None:
        raise ValidationError({"medewerker": "Wie had het contact?"})
    contact = Contact(
        client=client,
        medewerker=medewerker,
        soort=soort,
        tijdstip=tijdstip or timezone.now(),
        locatie=locatie,
        duur_minuten=duur_minuten,
        levensdomeinen=list(levensdomeinen),
        notitie=notitie,
        vertrouwelijk=vertrouwelijk,
    )
    # A new contact has no one else present yet: only a non-empty list needs writing.
    return _contact_opslaan(contact, list(ook_aanwezig) or None, door)


@transaction.atomic
def contact_corrigeren(
    *, contact: Contact, door: User, ook_aanwezig: Iterable[User] | None = None, **velden
) -> Contact:
    """Correct a contact (the history keeps what it said before)."""
    onbekend = set(velden) - CONTACT_VELDEN
    if onbekend:
        raise ValueError(f"Niet via contact_corrigeren te wijzigen: {', '.join(sorted(onbekend))}")
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if not mag_contact_corrigeren(contact, door):
        raise ValidationError(
            f"Een contact kan alleen door wie het vastlegde worden gecorrigeerd, binnen "
            f"{CONTACT_CORRECTIE_DAGEN} dagen. Daarna kan de coördinator het corrigeren."
        )
    for veld, waarde in velden.items():
        setattr(contact, veld, list(waarde) if veld == "levensdomeinen" else waarde)
    return _contact_opslaan(contact, list(ook_aanwezig) if ook_aanwezig is not None else None, door)


# --- Disclosures (verstrekkingen) ------------------------------------------------------

ZONDER_TOESTEMMING = "plannen.zonder_toestemming"


def _controleer_zonder_toestemming(*, door: User | None, reden: str, wie: str, naam: str) -> None:
    """The override part of the rule: without covering consent only a coordinator (or a
    command, ``door`` None) goes ahead, and only with a reason."""
    if door is not None and not mag(door, ZONDER_TOESTEMMING):
        raise ValidationError(
            f"Delen met {naam} kan alleen met geldige toestemming van {wie} die "
            f"{naam} noemt. Leg eerst haar toestemming vast, of vraag de coördinator."
        )
    if not reden.strip():
        raise ValidationError(
            {
                "reden_zonder_toestemming": f"Er is geen geldige toestemming van "
                f"{wie} voor {naam}. Geef aan waarom je toch deelt."
            }
        )


def verstrekking_toetsen(
    *, client: Client, organisatie_code: str, door: User | None, reden_zonder_toestemming: str = ""
) -> Toestemming | None:
    """The rule for sharing her data with an organisation outside the team.

    Her valid consent must name the organisation (returned); without that only a
    coordinator may go ahead, and only with a reason (then None is returned). Anything
    else is refused with a Dutch message and nothing is shared.
    """
    naam = Organisatie.objects.get(code=organisatie_code).naam
    toestemming = dekkende_toestemming(client, organisatie_code, op=timezone.localdate())
    if toestemming is not None:
        return toestemming
    _controleer_zonder_toestemming(
        door=door, reden=reden_zonder_toestemming, wie=client.roepnaam, naam=naam
    )
    return None


@transaction.atomic
def verstrekking_vastleggen(
    *,
    client: Client,
    organisatie_code: str | None,
    wat: str,
    waarom: str,
    door: User | None,
    reden_zonder_toestemming: str = "",
) -> Verstrekking:
    """Register that her data left the team. ``organisatie_code`` None: to herself
    (inzage). Otherwise the consent rule of ``verstrekking_toetsen`` applies."""
    if organisatie_code is None:
        verstrekking = Verstrekking(client=client, grondslag=Grondslag.EIGEN_VERZOEK)
    else:
        toestemming = verstrekking_toetsen(
            client=client,
            organisatie_code=organisatie_code,
            door=door,
            reden_zonder_toestemming=reden_zonder_toestemming,
        )
        verstrekking = Verstrekking(
            client=client,
            ontvanger=Organisatie.objects.get(code=organisatie_code),
            toestemming=toestemming,
            grondslag=Grondslag.TOESTEMMING if toestemming else Grondslag.ZONDER_TOESTEMMING,
            reden_zonder_toestemming="" if toestemming else reden_zonder_toestemming.strip(),
        )
    verstrekking.wat = wat
    verstrekking.waarom = waarom
    verstrekking.door = door
    verstrekking.full_clean()
    verstrekking.save()
    return verstrekking


GENOEMD = 20  # client numbers named in a refusal; the page lists them all


def te_registreren(clienten: QuerySet[Client]) -> QuerySet[Client]:
    """The clients of an export whose disclosure is registered: all but the anonymised
    dossiers, which hold no personal data any more (docs/beslissingen.md)."""
    return clienten.filter(geanonimiseerd_op__isnull=True).order_by("code")


def zonder_dekkende_toestemming(clienten: QuerySet[Client], organisatie_code: str) -> list[str]:
    """The numbers of the clients whose valid consent today does not name this
    organisation: what a disclosure of all of them needs the coordinator's reason for."""
    clienten = te_registreren(clienten)
    gedekt = dekkende_toestemmingen(clienten, organisatie_code, op=timezone.localdate())
    return [code for pk, code in clienten.values_list("pk", "code") if pk not in gedekt]


@transaction.atomic
def verstrekkingen_vastleggen(
    *,
    clienten: QuerySet[Client],
    organisatie_code: str,
    wat: str,
    waarom: str,
    door: User | None,
    reden_zonder_toestemming: str = "",
) -> list[Verstrekking]:
    """Register one disclosure per client of an export to an organisation: all of them,
    or (one not covered and no coordinator's reason) none. Anonymised dossiers are left
    out (``te_registreren``).

    The rule of ``verstrekking_toetsen``, checked for the whole set at once: a client
    whose valid consent names the organisation is disclosed on that consent; the others
    only on the coordinator's override with one reason for the export. The refusal names
    clients by number, never by name (the list may go to a colleague or a log).
    """
    organisatie = Organisatie.objects.filter(code=organisatie_code, actief=True).first()
    if organisatie is None:
        raise ValidationError({"ontvanger": f"Onbekende organisatie '{organisatie_code}'."})
    if not waarom.strip():
        raise ValidationError({"waarom": "Geef het doel van de verstrekking."})
    gedekt = dekkende_toestemmingen(
        te_registreren(clienten), organisatie_code, op=timezone.localdate()
    )
    clienten = list(te_registreren(clienten))
    niet_gedekt = [client.code for client in clienten if client.pk not in gedekt]
    if niet_gedekt:
        nummers = ", ".join(niet_gedekt[:GENOEMD])
        if len(niet_gedekt) > GENOEMD:
            nummers += f" en nog {len(niet_gedekt) - GENOEMD}"
        _controleer_zonder_toestemming(
            door=door,
            reden=reden_zonder_toestemming,
            wie=f"de cliënten {nummers}" if len(niet_gedekt) > 1 else f"cliënt {nummers}",
            naam=organisatie.naam,
        )
    verstrekkingen = []
    for client in clienten:
        toestemming = gedekt.get(client.pk)
        verstrekking = Verstrekking(
            client=client,
            ontvanger=organisatie,
            toestemming=toestemming,
            grondslag=Grondslag.TOESTEMMING if toestemming else Grondslag.ZONDER_TOESTEMMING,
            reden_zonder_toestemming="" if toestemming else reden_zonder_toestemming.strip(),
            wat=wat,
            waarom=waarom.strip(),
            door=door,
        )
        # The related records were just read from the database: checking that each one
        # exists again would cost four queries per client of a large team.
        verstrekking.full_clean(exclude=["client", "ontvanger", "toestemming", "door"])
        verstrekkingen.append(verstrekking)
    return Verstrekking.objects.bulk_create(verstrekkingen)
