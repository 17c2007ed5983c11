"""Writes of the client dossier. Views, the importer and the demo seeder all call these.

Each function is one transaction, validates with ``full_clean`` before saving, and takes
the acting user (``door``), who is recorded in the history.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from clients.constants import CONTACT_CORRECTIE_DAGEN, KENMERK_WAARDEN, Status
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming
from stapteam.bestanden import prive_bestand_zetten
from stapteam.constants import Rol
from stapteam.models import Organisatie, Team, User
from stapteam.services import opslaan
from stapteam.toegang import is_teamlid, mag

CASEMANAGER_ROLLEN = (Rol.CASEMANAGER, Rol.COORDINATOR)


def _controleer_medewerker(
    gebruiker: User | None, team: Team, rollen: Iterable[str], veld: str
) -> None:
    if gebruiker is None:
        return
    if gebruiker.rol not in rollen or not is_teamlid(gebruiker, team) or not gebruiker.is_active:
        namen = " of ".join(Rol(rol).label.lower() for rol in rollen)
        raise ValidationError({veld: f"{gebruiker} is geen actieve {namen} van {team}."})


def _controleer_medewerkers(client: Client) -> None:
    _controleer_medewerker(client.casemanager, client.team, CASEMANAGER_ROLLEN, "casemanager")
    _controleer_medewerker(
        client.tweede_casemanager, client.team, CASEMANAGER_ROLLEN, "tweede_casemanager"
    )
    _controleer_medewerker(
        client.ervaringsdeskundige, client.team, [Rol.ERVARINGSDESKUNDIGE], "ervaringsdeskundige"
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


def _client_opslaan(client: Client, door: User | None) -> Client:
    """The checks a client record needs beyond its own fields, then the usual save."""
    _controleer_bsn_uniek(client)  # first: it names the client who has the number
    _controleer_medewerkers(client)
    return opslaan(client, door=door)


@transaction.atomic
def client_aanmaken(*, team: Team, door: User | None, code: str = "", **gegevens) -> Client:
    """Register a new client in ``team``. ``gegevens`` are Client fields.

    Her first casemanager is recorded as the first handover, so the list of handovers is
    her whole history of casemanagers.
    """
    client = Client(team=team, code=code or _volgend_nummer(team), **gegevens)
    _client_opslaan(client, door)
    if client.casemanager_id:
        # She had this casemanager since she came in view (an import registers her later).
        begin = timezone.make_aware(dt.datetime.combine(client.in_beeld_sinds, dt.time()))
        _overdracht_vastleggen(
            client,
            van=None,
            naar=client.casemanager,
            notitie="",
            door=door,
            tijdstip=min(begin, timezone.now()),
        )
    return client


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
    scan: UploadedFile | None = None,
    door: User | None,
) -> Toestemming:
    """Record a signed consent form, optionally with its scan."""
    toestemming = Toestemming(
        client=client,
        ondertekend_op=ondertekend_op,
        versie=versie,
        geldig_tot=geldig_tot,
        vastgelegd_door=door,
    )
    partijen = list(partijen)
    if not partijen:
        raise ValidationError({"partijen": "Kies met wie gegevens gedeeld mogen worden."})
    toestemming.full_clean(exclude=["scan"])
    if scan is not None:
        prive_bestand_zetten(toestemming, "scan", scan, "toestemmingen")
    toestemming._history_user = door
    toestemming.save()
    toestemming.partijen.set(partijen)
    return toestemming


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

CONTACT_ROLLEN = (Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR)
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


def _contact_opslaan(contact: Contact, ook_aanwezig, door: User | None) -> Contact:
    medewerker = contact.medewerker
    if medewerker.rol not in CONTACT_ROLLEN or not is_teamlid(medewerker, contact.client.team):
        raise ValidationError(
            {"medewerker": f"{medewerker} is geen medewerker van {contact.client.team}."}
        )
    # She could not see it herself: the peer worker's role never sees confidential contacts.
    if contact.vertrouwelijk and medewerker.rol == Rol.ERVARINGSDESKUNDIGE:
        raise ValidationError(
            {"vertrouwelijk": "Een ervaringsdeskundige legt geen vertrouwelijk contact vast."}
        )
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
