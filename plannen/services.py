"""Writes of support: plans, goals, actions, ZRM, results, barriers and escalations.

Each function is one transaction, validates with ``full_clean`` before saving and takes
the acting user (``door``), who is recorded in the history. The importer and the demo
seeder call these too.
"""

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from clients.models import Client, ClientToegang
from clients.services import verstrekking_toetsen, verstrekking_vastleggen
from plannen.constants import (
    ESCALATIE_ORGANISATIE,
    EscalatieStatus,
    KnelpuntStatus,
    PlanStatus,
    ZRMDomein,
)
from plannen.models import (
    Actiepunt,
    Doel,
    Escalatie,
    Knelpunt,
    Knelpuntcategorie,
    Knelpuntnotitie,
    Plan,
    Resultaat,
    Resultaattype,
    Voortgang,
    ZRMMeting,
)
from stapteam.audit import log_systeem
from stapteam.constants import Actie, Rol
from stapteam.models import Team, User
from stapteam.services import opslaan
from stapteam.toegang import gemeente_ids_van


def _zet(obj: models.Model, velden: Mapping, toegestaan: Iterable[str]) -> None:
    onbekend = set(velden) - set(toegestaan)
    if onbekend:
        raise ValueError(f"Niet te wijzigen: {', '.join(sorted(onbekend))}")
    for veld, waarde in velden.items():
        setattr(obj, veld, waarde)


# --- Plan van aanpak ---------------------------------------------------------------------

PLAN_VELDEN = ("opgesteld_op", "met_client", "status", "evaluatie_op", "methodieken", "toelichting")


def _afsluitdatum(plan: Plan, afgesloten_op: dt.date | None) -> None:
    if plan.status == PlanStatus.AFGESLOTEN:
        plan.afgesloten_op = afgesloten_op or plan.afgesloten_op or timezone.localdate()
    else:
        plan.afgesloten_op = None


@transaction.atomic
def plan_opstellen(
    *, client: Client, door: User | None, afgesloten_op: dt.date | None = None, **velden
) -> Plan:
    """A new plan van aanpak; she can have one plan that is not closed at a time."""
    plan = Plan(client=client, opgesteld_door=door)
    _zet(plan, velden, PLAN_VELDEN)
    plan.methodieken = list(plan.methodieken or [])
    _afsluitdatum(plan, afgesloten_op)
    return opslaan(plan, door=door)


@transaction.atomic
def plan_wijzigen(
    *, plan: Plan, door: User | None, afgesloten_op: dt.date | None = None, **velden
) -> Plan:
    """Change a plan; closing it records the date (today unless given)."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _zet(plan, velden, PLAN_VELDEN)
    plan.methodieken = list(plan.methodieken or [])
    _afsluitdatum(plan, afgesloten_op)
    return opslaan(plan, door=door)


DOEL_VELDEN = ("levensdomein", "omschrijving", "status", "gesteld_op")


@transaction.atomic
def doel_toevoegen(
    *, client: Client, door: User | None, plan: Plan | None = None, **velden
) -> Doel:
    """A goal in one life domain; the domain is required."""
    doel = Doel(client=client, plan=plan)
    _zet(doel, velden, DOEL_VELDEN)
    return opslaan(doel, door=door)


@transaction.atomic
def doel_wijzigen(*, doel: Doel, door: User | None, **velden) -> Doel:
    doel = Doel.objects.select_for_update().get(pk=doel.pk)
    _zet(doel, velden, DOEL_VELDEN)
    return opslaan(doel, door=door)


ACTIEPUNT_VELDEN = ("wie", "omschrijving", "uiterlijk_op", "status")


@transaction.atomic
def actiepunt_toevoegen(*, doel: Doel, door: User | None, **velden) -> Actiepunt:
    actiepunt = Actiepunt(doel=doel)
    _zet(actiepunt, velden, ACTIEPUNT_VELDEN)
    return opslaan(actiepunt, door=door)


@transaction.atomic
def actiepunt_wijzigen(*, actiepunt: Actiepunt, door: User | None, **velden) -> Actiepunt:
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    _zet(actiepunt, velden, ACTIEPUNT_VELDEN)
    return opslaan(actiepunt, door=door)


# --- ZRM, results, barriers ----------------------------------------------------------------


@transaction.atomic
def zrm_vastleggen(
    *,
    client: Client,
    datum: dt.date,
    scores: Mapping[str, int | None],
    door: User | None,
    versie: str | None = None,
    toelichting: str = "",
) -> ZRMMeting:
    """A measurement: ``scores`` maps domain codes to 1–5 (or None for 'not scored')."""
    onbekend = set(scores) - set(ZRMDomein.values)
    if onbekend:
        raise ValidationError(f"Onbekend ZRM-domein: {', '.join(sorted(onbekend))}.")
    meting = ZRMMeting(
        client=client, datum=datum, afgenomen_door=door, toelichting=toelichting, **scores
    )
    if versie:
        meting.versie = versie
    return opslaan(meting, door=door)


@transaction.atomic
def resultaat_vastleggen(
    *,
    client: Client,
    soort: Resultaattype | str,
    datum: dt.date,
    door: User | None,
    toelichting: str = "",
) -> Resultaat:
    """A result; ``soort`` is a catalogue entry or its code."""
    if isinstance(soort, str):
        gevonden = Resultaattype.objects.filter(code=soort).first()
        if gevonden is None:
            raise ValidationError({"soort": f"Onbekende resultaatsoort '{soort}'."})
        soort = gevonden
    resultaat = Resultaat(
        client=client, soort=soort, datum=datum, toelichting=toelichting, geregistreerd_door=door
    )
    return opslaan(resultaat, door=door)


KNELPUNT_VELDEN = ("datum", "levensdomein", "categorie", "omschrijving", "status", "opgelost_op")


def _knelpuntcategorie(waarde: Knelpuntcategorie | str) -> Knelpuntcategorie:
    """The vocabulary entry for a category given as entry or code."""
    if isinstance(waarde, Knelpuntcategorie):
        return waarde
    gevonden = Knelpuntcategorie.objects.filter(code=waarde).first()
    if gevonden is None:
        raise ValidationError({"categorie": f"Onbekende knelpuntcategorie '{waarde}'."})
    return gevonden


def _categorie_zetten(knelpunt: Knelpunt, velden: dict) -> None:
    """Set the category if given: an active one. A barrier keeps a category that was
    switched off after it was chosen (it keeps counting), but none is chosen anew."""
    if "categorie" not in velden:
        return
    categorie = _knelpuntcategorie(velden.pop("categorie"))
    if not categorie.actief and categorie.pk != knelpunt.categorie_id:
        raise ValidationError(
            {
                "categorie": f"De categorie '{categorie.naam}' is niet meer in gebruik; "
                "kies een andere."
            }
        )
    knelpunt.categorie = categorie


@transaction.atomic
def knelpunt_vastleggen(*, client: Client, door: User | None, **velden) -> Knelpunt:
    """A barrier; ``categorie`` is an active vocabulary entry or its code."""
    knelpunt = Knelpunt(client=client, geregistreerd_door=door)
    _categorie_zetten(knelpunt, velden)
    _zet(knelpunt, velden, KNELPUNT_VELDEN)
    if knelpunt.status == KnelpuntStatus.OPGELOST and not knelpunt.opgelost_op:
        knelpunt.opgelost_op = timezone.localdate()
    return opslaan(knelpunt, door=door)


@transaction.atomic
def knelpunt_wijzigen(*, knelpunt: Knelpunt, door: User | None, **velden) -> Knelpunt:
    """Change a barrier; marking it solved records today unless a date is given."""
    knelpunt = Knelpunt.objects.select_for_update().get(pk=knelpunt.pk)
    _categorie_zetten(knelpunt, velden)
    _zet(knelpunt, velden, KNELPUNT_VELDEN)
    if knelpunt.status == KnelpuntStatus.OPGELOST and not knelpunt.opgelost_op:
        knelpunt.opgelost_op = timezone.localdate()
    if knelpunt.status == KnelpuntStatus.OPEN:
        knelpunt.opgelost_op = None
    return opslaan(knelpunt, door=door)


# --- What the team tells the municipality about a category of barriers ----------------

NOTITIE_VELDEN = ("gevolg", "wens", "volgende_stap")


def clientgegevens_in(team: Team, teksten: Mapping[str, str]) -> dict[str, str]:
    """Per text that names a client of the team (her number, call name, first or last
    name, as a whole word and in any case), the refusal to show; one query.

    A guard, not a filter: the memo goes to the municipality, which never sees a person.
    A name that is also a common word refuses that word too; the message says which one,
    so the writer can put it differently.
    """
    kenmerken = set()
    for rij in Client.objects.filter(team=team).values_list(
        "code", "roepnaam", "voornaam", "achternaam"
    ):
        kenmerken.update(w.strip().casefold() for w in rij if w and len(w.strip()) >= 2)
    fouten = {}
    for veld, tekst in teksten.items():
        gevonden = sorted(
            k for k in kenmerken if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", tekst.casefold())
        )
        if gevonden:
            fouten[veld] = (
                f"Schrijf dit zonder cliëntgegevens: '{gevonden[0]}' is de naam of het nummer "
                "van een cliënt van het team. De gemeente ziet deze tekst; er is niets "
                "opgeslagen."
            )
    return fouten


@transaction.atomic
def knelpuntnotitie_opslaan(
    *,
    team: Team,
    categorie: Knelpuntcategorie | str,
    door: User | None,
    gevolg: str = "",
    wens: str = "",
    volgende_stap: str = "",
) -> Knelpuntnotitie:
    """The team's memo on a category for the municipality: consequence, wish or proposal,
    next step. Refused whole when a text names a client of the team."""
    categorie = _knelpuntcategorie(categorie)
    teksten = {
        "gevolg": gevolg.strip(),
        "wens": wens.strip(),
        "volgende_stap": volgende_stap.strip(),
    }
    fouten = clientgegevens_in(team, teksten)
    if fouten:
        raise ValidationError(fouten)
    notitie = Knelpuntnotitie.objects.select_for_update().filter(
        team=team, categorie=categorie
    ).first() or Knelpuntnotitie(team=team, categorie=categorie)
    _zet(notitie, teksten, NOTITIE_VELDEN)
    notitie.gewijzigd_door = door
    return opslaan(notitie, door=door)


# --- Escalation ----------------------------------------------------------------------------

ESCALATIE_PERMISSIE = ("clients", "escalatie_inzien")


def _permissie_escalatie() -> Permission:
    app_label, codename = ESCALATIE_PERMISSIE
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _controleer_procesregisseur(procesregisseur: User, client: Client) -> None:
    if (
        procesregisseur.rol != Rol.PROCESREGISSEUR
        or not procesregisseur.is_active
        or client.team.gemeente_id not in gemeente_ids_van(procesregisseur)
    ):
        raise ValidationError(
            {
                "procesregisseur": f"{procesregisseur} is geen procesregisseur voor "
                f"{client.team.gemeente}."
            }
        )


@transaction.atomic
def escalatie_openen(
    *,
    client: Client,
    procesregisseur: User,
    reden: str,
    verzoek: str,
    door: User,
    reden_zonder_toestemming: str = "",
) -> Escalatie:
    """Ask the procesregisseur to break a stalemate, and give them read access to her.

    Sharing with the Zorg- en Veiligheidshuis needs her valid consent naming it; without
    that only a coordinator may go ahead, with a reason that is kept and logged.
    """
    _controleer_procesregisseur(procesregisseur, client)
    toestemming = verstrekking_toetsen(
        client=client,
        organisatie_code=ESCALATIE_ORGANISATIE,
        door=door,
        reden_zonder_toestemming=reden_zonder_toestemming,
    )
    gedekt = toestemming is not None
    vandaag = timezone.localdate()
    escalatie = Escalatie(
        client=client,
        procesregisseur=procesregisseur,
        aangevraagd_door=door,
        aangevraagd_op=vandaag,
        reden=reden,
        verzoek=verzoek,
        zonder_toestemming=not gedekt,
        reden_zonder_toestemming="" if gedekt else reden_zonder_toestemming.strip(),
    )
    opslaan(escalatie, door=door)
    permissie = _permissie_escalatie()
    if not ClientToegang.objects.filter(
        user=procesregisseur, permission=permissie, content_object=client
    ).exists():
        toegang = ClientToegang(user=procesregisseur, permission=permissie, content_object=client)
        toegang._history_user = door
        toegang.save()
    verstrekking_vastleggen(
        client=client,
        organisatie_code=ESCALATIE_ORGANISATIE,
        wat="Escalatie (reden en verzoek) en inzage in haar dossier voor de procesregisseur",
        waarom="Opschaling: haar ondersteuning loopt vast",
        door=door,
        reden_zonder_toestemming=reden_zonder_toestemming,
    )
    if not gedekt:
        log_systeem(
            actie=Actie.WIJZIGEN,
            gebruiker=door,
            obj=escalatie,
            client=client,
            # The reason stays in the escalation (anonymised with it); the append-only
            # log keeps who and when, never text from the dossier.
            omschrijving="Opgeschaald zonder toestemming die het ZVH dekt (reden in de "
            "escalatie vastgelegd)",
        )
    return escalatie


@transaction.atomic
def voortgang_vastleggen(
    *, escalatie: Escalatie, tekst: str, door: User | None, in_behandeling: bool = True
) -> Voortgang:
    """A progress note; the first one by the procesregisseur starts the handling."""
    escalatie = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    if not escalatie.is_open:
        raise ValidationError("Deze escalatie is afgerond.")
    voortgang = opslaan(Voortgang(escalatie=escalatie, tekst=tekst, door=door), door=door)
    if in_behandeling and escalatie.status == EscalatieStatus.AANGEVRAAGD:
        escalatie.status = EscalatieStatus.IN_BEHANDELING
        opslaan(escalatie, door=door)
    return voortgang


@transaction.atomic
def escalatie_afronden(*, escalatie: Escalatie, uitkomst: str, door: User | None) -> Escalatie:
    """Record the outcome and close it: the procesregisseur's access to her ends (unless
    another escalation of hers to the same procesregisseur is still open)."""
    escalatie = Escalatie.objects.select_for_update().get(pk=escalatie.pk)
    if not escalatie.is_open:
        raise ValidationError("Deze escalatie is al afgerond.")
    if not uitkomst.strip():
        raise ValidationError({"uitkomst": "Beschrijf de uitkomst."})
    escalatie.status = EscalatieStatus.AFGEROND
    escalatie.uitkomst = uitkomst.strip()
    escalatie.afgerond_op = timezone.localdate()
    opslaan(escalatie, door=door)
    nog_open = (
        Escalatie.objects.filter(client=escalatie.client, procesregisseur=escalatie.procesregisseur)
        .exclude(status=EscalatieStatus.AFGEROND)
        .exists()
    )
    if not nog_open:
        for toegang in ClientToegang.objects.filter(
            user=escalatie.procesregisseur,
            permission=_permissie_escalatie(),
            content_object=escalatie.client,
        ):
            toegang._history_user = door
            toegang.delete()
    return escalatie
