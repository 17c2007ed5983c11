"""Writes of budgets, spends and time-outs. Views, the workbook importer and the demo
seeder all call these.

Each function is one transaction, validates with ``full_clean`` before saving and takes
the acting user (``door``), who is recorded in the history. Nothing is deleted: a spend
is corrected by a counter-entry.

**Never below zero.** Every write that takes money from a budget first locks the budget's
row (``SELECT … FOR UPDATE``), then sums what is spent and pending, then writes — all in
one transaction. Concurrent spends against the same budget therefore queue on that lock
and each one sees the ones before it; the one that no longer fits is refused. Pending
spends count against the balance (they reserve their money), rejected ones do not.
A time-out also locks its team's row first, so the yearly count cannot be raced either.
Lock order, everywhere: team, then budget, then a spend.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone

from budget.constants import BudgetSoort, UitgaveStatus
from budget.geld import NUL, controleer_bedrag, euro
from budget.models import Budget, TimeOut, Uitgave, timeout_dagen
from budget.selectors import saldo, time_outs_in_jaar
from clients.models import Client
from stapteam.bestanden import prive_bestand_zetten
from stapteam.constants import CASELOAD_ROLLEN
from stapteam.models import Team, User
from stapteam.services import opslaan
from stapteam.toegang import is_medewerker_van, is_teamlid, mag

GOEDKEUREN = "budget.uitgave_goedkeuren"
LIMIET_OVERSCHRIJDEN = "budget.timeout_limiet_overschrijden"


def _vergrendel(budget: Budget) -> Budget:
    """The budget, re-read with its row locked until the transaction ends."""
    return Budget.objects.select_for_update(of=("self",)).select_related("team").get(pk=budget.pk)


def _controleer_ruimte(budget: Budget, bedrag: Decimal, veld: str | None) -> None:
    """Refuse ``bedrag`` if it does not fit in what is still available. Call it only
    with the budget's row locked (``_vergrendel``)."""
    beschikbaar = saldo(budget).beschikbaar
    if bedrag > beschikbaar:
        melding = (
            f"Dit past niet in {budget}: er is nog {euro(max(beschikbaar, NUL))} beschikbaar "
            f"(uitgaven die op goedkeuring wachten, tellen al mee). Er is niets vastgelegd."
        )
        raise ValidationError({veld: melding} if veld else melding)


def controleer_uitgever(medewerker: User, team: Team, *, overgenomen: bool = False) -> None:
    """Who spends is a casemanager or coordinator of the budget's team (active, unless the
    spend is taken over from an earlier administration by the workbook importer)."""
    if not is_medewerker_van(medewerker, team, CASELOAD_ROLLEN, ook_inactief=overgenomen):
        actieve = "" if overgenomen else "actieve "
        raise ValidationError(
            {"medewerker": f"{medewerker} is geen {actieve}casemanager of coördinator van {team}."}
        )


def controleer_client(client: Client | None, team: Team) -> None:
    if client is None:
        return
    if client.team_id != team.pk:
        raise ValidationError({"client": "Deze cliënt hoort niet bij het team van dit budget."})
    if client.is_geanonimiseerd:
        raise ValidationError({"client": "Dit dossier is geanonimiseerd."})


# --- Budgets ------------------------------------------------------------------------------


@transaction.atomic
def budget_aanmaken(
    *,
    team: Team,
    naam: str,
    soort: str,
    van: dt.date,
    tot: dt.date,
    bedrag: Decimal,
    door: User | None,
) -> Budget:
    """A new flex or time-out budget of ``team`` for the period ``van``–``tot``."""
    budget = Budget(
        team=team,
        naam=naam.strip(),
        soort=soort,
        van=van,
        tot=tot,
        bedrag=controleer_bedrag(bedrag),
        aangemaakt_door=door,
    )
    return opslaan(budget, door=door)


@transaction.atomic
def budget_wijzigen(
    *,
    budget: Budget,
    door: User | None,
    naam: str | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    bedrag: Decimal | None = None,
) -> Budget:
    """Rename a budget, change its amount or its period. The amount cannot drop below
    what is spent and pending, and the period must keep every spend already in it."""
    budget = _vergrendel(budget)
    if naam is not None:
        budget.naam = naam.strip()
    if bedrag is not None:
        budget.bedrag = controleer_bedrag(bedrag)
    budget.van = van or budget.van
    budget.tot = tot or budget.tot
    budget.full_clean()
    stand = saldo(budget)
    if budget.bedrag < stand.besteed + stand.in_afwachting:
        raise ValidationError(
            {
                "bedrag": f"Er is al {euro(stand.besteed + stand.in_afwachting)} besteed of "
                "aangevraagd; het budget kan niet lager worden."
            }
        )
    grenzen = (
        Uitgave.objects.filter(budget=budget)
        .exclude(status=UitgaveStatus.AFGEWEZEN)
        .aggregate(eerste=Min("datum"), laatste=Max("datum"))
    )
    if grenzen["eerste"] and not (
        budget.van <= grenzen["eerste"] and grenzen["laatste"] <= budget.tot
    ):
        raise ValidationError(
            {
                "van": f"Er zijn uitgaven van {grenzen['eerste']:%d-%m-%Y} tot en met "
                f"{grenzen['laatste']:%d-%m-%Y}; de periode moet die dagen blijven bevatten."
            }
        )
    return opslaan(budget, door=door)


# --- Spends -------------------------------------------------------------------------------


@transaction.atomic
def uitgave_registreren(
    *,
    budget: Budget,
    datum: dt.date,
    bedrag: Decimal,
    categorie: str,
    medewerker: User | None = None,
    client: Client | None = None,
    omschrijving: str = "",
    bonnetje: UploadedFile | None = None,
    door: User | None,
    reeds_goedgekeurd: bool = False,
) -> Uitgave:
    """Register a spend from ``budget``, by default spent by ``door``.

    Up to the team's approval threshold it is approved at once; above it, it waits for
    the coordinator — unless the coordinator registers it herself. Pending or not, it
    must fit in what the budget still has available (see the module docstring).
    ``reeds_goedgekeurd`` is for the workbook importer only: spends from an earlier
    administration count as approved (ONTWERP §6).
    """
    bedrag = controleer_bedrag(bedrag)
    medewerker = medewerker or door
    if medewerker is None:
        raise ValidationError({"medewerker": "Wie deed de uitgave?"})
    budget = _vergrendel(budget)
    controleer_uitgever(medewerker, budget.team)
    controleer_client(client, budget.team)
    uitgave = Uitgave(
        budget=budget,
        datum=datum,
        bedrag=bedrag,
        categorie=categorie,
        client=client,
        omschrijving=omschrijving.strip(),
        medewerker=medewerker,
        geregistreerd_door=door,
        status=UitgaveStatus.INGEDIEND,
    )
    if reeds_goedgekeurd or bedrag <= budget.team.goedkeuringsdrempel:
        uitgave.status = UitgaveStatus.GOEDGEKEURD
    elif door is not None and mag(door, GOEDKEUREN) and is_teamlid(door, budget.team):
        uitgave.status = UitgaveStatus.GOEDGEKEURD
        uitgave.beoordeeld_door = door
        uitgave.beoordeeld_op = timezone.now()
    uitgave.full_clean(exclude=["bonnetje"])
    _controleer_ruimte(budget, bedrag, "bedrag")
    if bonnetje is not None:
        prive_bestand_zetten(uitgave, "bonnetje", bonnetje, "bonnetjes")
    uitgave._history_user = door
    uitgave.save()
    return uitgave


@transaction.atomic
def uitgave_beoordelen(
    *, uitgave: Uitgave, goedkeuren: bool, toelichting: str = "", door: User
) -> Uitgave:
    """The coordinator approves a pending spend, or rejects it with a reason.

    Its money was reserved when it was registered, so approving it always fits.
    """
    if not mag(door, GOEDKEUREN):
        raise ValidationError("Alleen de coördinator beoordeelt uitgaven boven de drempel.")
    budget = _vergrendel(uitgave.budget)
    if not is_teamlid(door, budget.team):
        raise ValidationError("Alleen de coördinator van het team beoordeelt deze uitgave.")
    uitgave = Uitgave.objects.select_for_update().get(pk=uitgave.pk)
    if uitgave.status != UitgaveStatus.INGEDIEND:
        raise ValidationError(
            f"Deze uitgave is al beoordeeld ({uitgave.get_status_display().lower()})."
        )
    toelichting = toelichting.strip()
    if not goedkeuren and not toelichting:
        raise ValidationError({"toelichting": "Geef de reden van de afwijzing."})
    uitgave.status = UitgaveStatus.GOEDGEKEURD if goedkeuren else UitgaveStatus.AFGEWEZEN
    uitgave.beoordeeld_door = door
    uitgave.beoordeeld_op = timezone.now()
    uitgave.beoordeling_toelichting = toelichting
    return opslaan(uitgave, door=door)


def mag_corrigeren(uitgave: Uitgave, gebruiker: User) -> bool:
    """Who spent or registered it may correct it; the coordinator any spend."""
    return mag(gebruiker, GOEDKEUREN) or gebruiker.pk in (
        uitgave.medewerker_id,
        uitgave.geregistreerd_door_id,
    )


def is_corrigeerbaar(uitgave: Uitgave) -> bool:
    """An approved ordinary spend (not a correction, not a time-out charge)."""
    return (
        uitgave.status == UitgaveStatus.GOEDGEKEURD
        and not uitgave.is_correctie
        and not uitgave.is_timeout
    )


@transaction.atomic
def uitgave_corrigeren(*, uitgave: Uitgave, bedrag: Decimal, reden: str, door: User) -> Uitgave:
    """Correct an approved spend with a counter-entry of −``bedrag``.

    The counter-entry carries the spend's date, budget, category and client, so the
    figures per month and per category show the corrected amount where it was booked.
    Together the counter-entries never exceed the spend itself.
    """
    bedrag = controleer_bedrag(bedrag)
    budget = _vergrendel(uitgave.budget)
    origineel = (
        Uitgave.objects.select_for_update(of=("self",)).select_related("client").get(pk=uitgave.pk)
    )
    if origineel.is_correctie:
        raise ValidationError("Een correctie corrigeer je niet; corrigeer de uitgave zelf.")
    if origineel.is_timeout:
        raise ValidationError("De kosten van een time-out worden niet met een correctie aangepast.")
    if origineel.status != UitgaveStatus.GOEDGEKEURD:
        raise ValidationError(
            "Alleen een goedgekeurde uitgave wordt gecorrigeerd. Een uitgave die op "
            "goedkeuring wacht, wijst de coördinator af."
        )
    if not mag_corrigeren(origineel, door):
        raise ValidationError(
            "Alleen wie de uitgave deed of vastlegde, of de coördinator, kan haar corrigeren."
        )
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de correctie."})
    al_gecorrigeerd = origineel.correcties.aggregate(som=Sum("bedrag"))["som"] or NUL
    over = origineel.bedrag + al_gecorrigeerd
    if bedrag > over:
        raise ValidationError(
            {"bedrag": f"Er valt nog {euro(over)} te corrigeren op deze uitgave."}
        )
    correctie = Uitgave(
        budget=budget,
        datum=origineel.datum,
        bedrag=-bedrag,
        categorie=origineel.categorie,
        client=origineel.client,
        omschrijving=reden.strip(),
        medewerker=door,
        status=UitgaveStatus.GOEDGEKEURD,
        correctie_van=origineel,
        geregistreerd_door=door,
    )
    return opslaan(correctie, door=door)


# --- Time-outs ----------------------------------------------------------------------------


def timeout_budget(team: Team, van: dt.date) -> Budget | None:
    """The team's time-out budget whose period contains ``van``; when several do, the
    one that ends first (its money would otherwise expire)."""
    return (
        Budget.objects.filter(team=team, soort=BudgetSoort.TIME_OUT, van__lte=van, tot__gte=van)
        .order_by("tot", "pk")
        .first()
    )


@transaction.atomic
def timeout_registreren(
    *,
    client: Client,
    locatie: str,
    van: dt.date,
    tot: dt.date,
    dagtarief: Decimal,
    budget: Budget | None = None,
    limiet_reden: str = "",
    reeds_toegestaan: bool = False,
    door: User | None,
) -> TimeOut:
    """Register a time-out (at most 14 days) and charge days × day rate to the team's
    time-out budget as an approved spend on its start date.

    ``budget`` chooses among overlapping time-out budgets; by default ``timeout_budget``.
    Beyond the team's yearly maximum (6) only the coordinator can register one, with
    ``limiet_reden``. ``reeds_toegestaan`` is for the workbook importer only: a time-out
    of an earlier administration was allowed then, in its own year; the importer gives
    ``limiet_reden`` (where it came from) and the count of that year still decides
    whether a reason is kept.
    """
    dagtarief = controleer_bedrag(dagtarief, veld="dagtarief")
    dagen = timeout_dagen(van, tot)
    if client.is_geanonimiseerd:
        raise ValidationError("Dit dossier is geanonimiseerd.")
    team = Team.objects.select_for_update().get(pk=client.team_id)
    if budget is None:
        budget = timeout_budget(team, van)
        if budget is None:
            raise ValidationError(
                {
                    "van": f"{team} heeft geen time-outbudget waarvan de periode "
                    f"{van:%d-%m-%Y} bevat. Vraag de coördinator er een aan te maken."
                }
            )
    elif not (
        budget.team_id == team.pk and budget.soort == BudgetSoort.TIME_OUT and budget.bevat(van)
    ):
        raise ValidationError(
            {"budget": f"{budget} is geen time-outbudget van {team} dat {van:%d-%m-%Y} bevat."}
        )

    aantal = time_outs_in_jaar(team, van.year)
    limiet_reden = limiet_reden.strip()
    if aantal >= team.max_time_outs_per_jaar:
        if not reeds_toegestaan and (door is None or not mag(door, LIMIET_OVERSCHRIJDEN)):
            raise ValidationError(
                {
                    "van": f"{team} had in {van.year} al {aantal} time-outs; het maximum is "
                    f"{team.max_time_outs_per_jaar} per jaar. Alleen de coördinator kan er "
                    "meer toestaan, met een reden."
                }
            )
        if not limiet_reden:
            raise ValidationError(
                {
                    "limiet_reden": f"Dit is time-out {aantal + 1} in {van.year}: geef de "
                    f"reden om boven het maximum van {team.max_time_outs_per_jaar} te gaan."
                }
            )
    else:
        limiet_reden = ""  # only kept where it was needed

    budget = _vergrendel(budget)
    timeout = TimeOut(
        client=client,
        locatie=locatie.strip(),
        van=van,
        tot=tot,
        dagen=dagen,
        dagtarief=dagtarief,
        limiet_reden=limiet_reden,
        geregistreerd_door=door,
    )
    timeout.full_clean()
    _controleer_ruimte(budget, timeout.kosten, None)
    timeout._history_user = door
    timeout.save()
    opslaan(
        Uitgave(
            budget=budget,
            datum=van,
            bedrag=timeout.kosten,
            client=client,
            medewerker=door,
            status=UitgaveStatus.GOEDGEKEURD,
            timeout=timeout,
            geregistreerd_door=door,
        ),
        door=door,
    )
    return timeout
