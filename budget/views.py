"""Budget pages: the team's budgets, one budget with its figures and spends, registering
spends and time-outs, the coordinator's approvals, counter-entries and receipts."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from budget import services
from budget.constants import BudgetSoort, UitgaveStatus
from budget.forms import BeoordelingForm, BudgetForm, CorrectieForm, TimeOutForm, UitgaveForm
from budget.geld import euro
from budget.models import Budget
from budget.selectors import (
    met_cijfers,
    met_correcties,
    per_categorie,
    per_maand,
    time_outs_in_jaar,
    uitgavenlijst,
)
from budget.toegang import (
    LEZEN,
    bonnetje_voor_download,
    budget_voor_gebruiker,
    budgetten_voor_gebruiker,
    uitgave_voor_gebruiker,
    uitgaven_voor_gebruiker,
)
from clients.toegang import client_voor_wijziging, clienten_voor_gebruiker
from clients.views.dossier import dossier_url as clients_dossier_url
from stapteam.audit import log_toegang
from stapteam.bestanden import bestand_antwoord
from stapteam.constants import Actie
from stapteam.formulieren import verwerk, zet_fouten
from stapteam.toegang import eigen_teams, mag, vereist

AANMAKEN = "budget.add_budget"
WIJZIGEN = "budget.change_budget"
UITGEVEN = "budget.add_uitgave"
TIMEOUT = "budget.add_timeout"
GOEDKEUREN = services.GOEDKEUREN
PER_PAGINA = 25


def budget_url(budget: Budget) -> str:
    return reverse("budget:budget", args=[budget.pk])


def dossier_url(client) -> str:
    """Her dossier, at the budget section."""
    return clients_dossier_url(client) + "#budget"


def _getal(request: HttpRequest, naam: str) -> int | None:
    """A number from the query string (``?client=12``); anything else is a 404."""
    if naam not in request.GET:
        return None
    try:
        return int(request.GET[naam])
    except ValueError:
        raise Http404(f"Ongeldige {naam}") from None


@vereist(LEZEN)
def lijst(request: HttpRequest) -> HttpResponse:
    """The team's budgets with their figures (amounts only: no person on this page)."""
    teams = eigen_teams(request.user)
    budgetten = (
        met_cijfers(budgetten_voor_gebruiker(request.user))
        .select_related("team")
        .order_by("-tot", "naam")
    )
    pagina = Paginator(budgetten, PER_PAGINA).get_page(request.GET.get("pagina"))
    wachtend = (
        uitgaven_voor_gebruiker(request.user).filter(status=UitgaveStatus.INGEDIEND).count()
        if mag(request.user, GOEDKEUREN)
        else 0
    )
    return render(
        request,
        "budget/lijst.html",
        {
            "pagina": pagina,
            "wachtend": wachtend,
            "meerdere_teams": len(teams) > 1,
            "drempels": [(team, team.goedkeuringsdrempel) for team in teams],
        },
    )


@vereist(LEZEN)
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    """One budget: amount, approved, pending, remaining; use per month and per category;
    every spend, newest first."""
    budget = budget_voor_gebruiker(request, pk, verrijk=met_cijfers)
    uitgaven = uitgavenlijst(uitgaven_voor_gebruiker(request.user).filter(budget=budget)).order_by(
        "-datum", "-id"
    )
    pagina = Paginator(uitgaven, PER_PAGINA).get_page(request.GET.get("pagina"))
    mag_uitgeven = mag(request.user, UITGEVEN)
    mag_beoordelen = mag(request.user, GOEDKEUREN)
    rijen = [
        {
            "u": uitgave,
            "over": uitgave.bedrag + uitgave.gecorrigeerd,
            "mag_corrigeren": mag_uitgeven
            and services.is_corrigeerbaar(uitgave)
            and uitgave.bedrag + uitgave.gecorrigeerd > 0
            and services.mag_corrigeren(uitgave, request.user),
            "mag_beoordelen": mag_beoordelen and uitgave.status == UitgaveStatus.INGEDIEND,
        }
        for uitgave in pagina.object_list
    ]
    maanden = per_maand(budget)
    log_toegang(
        request,
        actie=Actie.INZIEN,
        obj=budget,
        team=budget.team,
        omschrijving=f"Budget '{budget.naam}' met uitgaven ingezien",
    )
    return render(
        request,
        "budget/budget.html",
        {
            "budget": budget,
            "maanden": maanden,
            "hoogste_maand": max((m["totaal"] for m in maanden), default=0),
            "categorieen": per_categorie(budget),
            "pagina": pagina,
            "rijen": rijen,
            "mag_uitgeven": mag_uitgeven and budget.soort == BudgetSoort.FLEXBUDGET,
            "mag_timeout": mag(request.user, TIMEOUT) and budget.soort == BudgetSoort.TIME_OUT,
            "mag_wijzigen": mag(request.user, WIJZIGEN),
        },
    )


@vereist(AANMAKEN)
def budget_nieuw(request: HttpRequest) -> HttpResponse:
    teams = eigen_teams(request.user)
    form = BudgetForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        team = data.pop("team", teams[0])
        try:
            budget = services.budget_aanmaken(team=team, door=request.user, **data)
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            messages.success(request, f"Budget '{budget.naam}' is aangemaakt.")
            return redirect(budget_url(budget))
    return render(
        request,
        "formulier.html",
        {
            "titel": "Nieuw budget",
            "uitleg": "Een flex-/doorbraakbudget voor uitgaven voor cliënten, of een "
            "time-outbudget waaruit time-outs worden betaald.",
            "form": form,
            "annuleren_url": reverse("budget:lijst"),
            "terug": [(reverse("budget:lijst"), "Budget")],
        },
    )


@vereist(WIJZIGEN)
def budget_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    budget = budget_voor_gebruiker(request, pk, WIJZIGEN)
    form = BudgetForm(
        request.POST or None,
        wijzigen=True,
        initial={
            "naam": budget.naam,
            "van": budget.van,
            "tot": budget.tot,
            "bedrag": budget.bedrag,
        },
    )
    klaar = verwerk(
        request,
        form,
        lambda data: services.budget_wijzigen(budget=budget, door=request.user, **data),
        melding="Het budget is bijgewerkt.",
        naar=budget_url(budget),
    )
    return klaar or render(
        request,
        "formulier.html",
        {
            "titel": f"{budget.naam} wijzigen",
            "uitleg": "Het bedrag kan niet lager dan wat al besteed of aangevraagd is, en de "
            "periode moet alle uitgaven blijven bevatten.",
            "form": form,
            "annuleren_url": budget_url(budget),
            "terug": [(reverse("budget:lijst"), "Budget"), (budget_url(budget), budget.naam)],
        },
    )


def _standaard_budget(budgetten, vandaag: dt.date) -> Budget | None:
    """The only flex budget running today, if there is exactly one."""
    lopend = list(
        budgetten.filter(soort=BudgetSoort.FLEXBUDGET, van__lte=vandaag, tot__gte=vandaag)[:2]
    )
    return lopend[0] if len(lopend) == 1 else None


@vereist(UITGEVEN)
def uitgave_nieuw(request: HttpRequest) -> HttpResponse:
    """Register a spend. ``?client=`` (from her dossier) or ``?budget=`` choose ahead."""
    teams = eigen_teams(request.user)
    vandaag = timezone.localdate()
    client_pk, budget_pk = _getal(request, "client"), _getal(request, "budget")
    client = client_voor_wijziging(request, client_pk, UITGEVEN) if client_pk else None
    gekozen = budget_voor_gebruiker(request.user, budget_pk) if budget_pk else None
    budgetten = budgetten_voor_gebruiker(request.user).order_by("soort", "-van", "naam")
    clienten = clienten_voor_gebruiker(request.user).order_by("roepnaam", "code")
    if client is not None:
        budgetten = budgetten.filter(team=client.team)
        clienten = clienten.filter(team=client.team)
    form = UitgaveForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "budget": gekozen or _standaard_budget(budgetten, vandaag),
            "client": client,
            "medewerker": request.user,
        },
        budgetten=budgetten,
        clienten=clienten,
        teams=teams,
    )
    if request.method == "POST" and form.is_valid():
        try:
            uitgave = services.uitgave_registreren(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            if uitgave.status == UitgaveStatus.INGEDIEND:
                messages.warning(
                    request,
                    f"De uitgave van {euro(uitgave.bedrag)} is vastgelegd en wacht op goedkeuring "
                    f"van de coördinator (boven de drempel van "
                    f"{euro(uitgave.budget.team.goedkeuringsdrempel)}).",
                )
            else:
                messages.success(request, f"De uitgave van {euro(uitgave.bedrag)} is vastgelegd.")
            return redirect(dossier_url(client) if client else budget_url(uitgave.budget))
    terug = (
        [(dossier_url(client), client.roepnaam)]
        if client
        else [(reverse("budget:lijst"), "Budget")]
    )
    return render(
        request,
        "formulier.html",
        {
            "titel": f"Uitgave voor {client.roepnaam} vastleggen"
            if client
            else "Uitgave vastleggen",
            "uitleg": "Uitgaven boven de drempel van het team wachten op goedkeuring van de "
            "coördinator. Een uitgave kan niet meer zijn dan wat er in het budget over is.",
            "form": form,
            "annuleren_url": terug[0][0],
            "terug": terug,
        },
    )


@vereist(TIMEOUT)
def timeout_nieuw(request: HttpRequest) -> HttpResponse:
    """Register a time-out; ``?client=`` (from her dossier) chooses her ahead."""
    teams = eigen_teams(request.user)
    client_pk = _getal(request, "client")
    client = client_voor_wijziging(request, client_pk, TIMEOUT) if client_pk else None
    clienten = clienten_voor_gebruiker(request.user).order_by("roepnaam", "code")
    budgetten = budgetten_voor_gebruiker(request.user).order_by("-van", "naam")
    if client is not None:
        clienten = clienten.filter(team=client.team)
        budgetten = budgetten.filter(team=client.team)
    mag_overschrijden = mag(request.user, services.LIMIET_OVERSCHRIJDEN)
    form = TimeOutForm(
        request.POST or None,
        initial={"client": client},
        clienten=clienten,
        budgetten=budgetten,
        mag_overschrijden=mag_overschrijden,
    )
    klaar = verwerk(
        request,
        form,
        lambda data: services.timeout_registreren(door=request.user, **data),
        melding=lambda timeout: (
            f"De time-out van {timeout.dagen} dagen is vastgelegd; "
            f"{euro(timeout.kosten)} is van {timeout.uitgave.budget} afgeschreven."
        ),
        naar=lambda timeout: dossier_url(timeout.client),
    )
    if klaar:
        return klaar
    jaar = timezone.localdate().year
    team = client.team if client else teams[0]
    return render(
        request,
        "formulier.html",
        {
            "titel": f"Time-out voor {client.roepnaam} vastleggen"
            if client
            else "Time-out vastleggen",
            "uitleg": f"{team} had in {jaar} {time_outs_in_jaar(team, jaar)} van de "
            f"{team.max_time_outs_per_jaar} time-outs per jaar. De kosten (dagen × dagtarief) "
            "gaan van het time-outbudget af op de begindatum.",
            "form": form,
            "annuleren_url": dossier_url(client) if client else reverse("budget:lijst"),
            "terug": [(dossier_url(client), client.roepnaam)]
            if client
            else [(reverse("budget:lijst"), "Budget")],
        },
    )


@vereist(GOEDKEUREN)
def goedkeuren(request: HttpRequest) -> HttpResponse:
    """The coordinator's queue: spends above the threshold that wait for her."""
    teams = eigen_teams(request.user)
    wachtend = uitgavenlijst(
        uitgaven_voor_gebruiker(request.user).filter(status=UitgaveStatus.INGEDIEND)
    ).order_by("datum", "id")
    pagina = Paginator(wachtend, PER_PAGINA).get_page(request.GET.get("pagina"))
    log_toegang(
        request,
        actie=Actie.INZIEN,
        team=teams[0] if len(teams) == 1 else None,
        omschrijving=f"Uitgaven die op goedkeuring wachten: {pagina.paginator.count}",
    )
    return render(request, "budget/goedkeuren.html", {"pagina": pagina})


@vereist(GOEDKEUREN)
def beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    uitgave = uitgave_voor_gebruiker(request, pk, GOEDKEUREN)
    if uitgave.status != UitgaveStatus.INGEDIEND:
        messages.info(
            request, f"Deze uitgave is al beoordeeld: {uitgave.get_status_display().lower()}."
        )
        return redirect(budget_url(uitgave.budget))
    form = BeoordelingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goedkeuren = form.cleaned_data["besluit"] == "goedkeuren"
        try:
            services.uitgave_beoordelen(
                uitgave=uitgave,
                goedkeuren=goedkeuren,
                toelichting=form.cleaned_data["toelichting"],
                door=request.user,
            )
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            messages.success(
                request,
                f"De uitgave van {euro(uitgave.bedrag)} is "
                f"{'goedgekeurd' if goedkeuren else 'afgewezen'}.",
            )
            return redirect(reverse("budget:goedkeuren"))
    return render(
        request,
        "budget/beoordelen.html",
        {
            "u": uitgave,
            "form": form,
            "budget": met_cijfers(budgetten_voor_gebruiker(request.user)).get(pk=uitgave.budget_id),
        },
    )


@vereist(UITGEVEN)
def corrigeren(request: HttpRequest, pk: int) -> HttpResponse:
    """A counter-entry: the spend stays, a negative entry linked to it corrects it."""
    uitgave = uitgave_voor_gebruiker(request, pk, UITGEVEN, verrijk=met_correcties)
    if not services.mag_corrigeren(uitgave, request.user):
        raise PermissionDenied
    over = uitgave.bedrag + uitgave.gecorrigeerd
    if not services.is_corrigeerbaar(uitgave) or over <= 0:
        messages.error(
            request,
            "Deze uitgave kan niet (meer) worden gecorrigeerd: alleen een goedgekeurde uitgave "
            "met een bedrag dat nog niet helemaal is teruggeboekt.",
        )
        return redirect(budget_url(uitgave.budget))
    form = CorrectieForm(request.POST or None, initial={"bedrag": over})
    klaar = verwerk(
        request,
        form,
        lambda data: services.uitgave_corrigeren(uitgave=uitgave, door=request.user, **data),
        melding="De correctie is vastgelegd.",
        naar=budget_url(uitgave.budget),
    )
    if klaar:
        return klaar
    voor = f" voor {uitgave.client.roepnaam}" if uitgave.client else ""
    return render(
        request,
        "formulier.html",
        {
            "titel": "Uitgave corrigeren",
            "uitleg": f"Uitgave van {uitgave.datum:%d-%m-%Y}{voor}: {euro(uitgave.bedrag)} "
            f"({uitgave.categorie_label.lower()}); nog te corrigeren {euro(over)}. De uitgave "
            "blijft staan; de correctie wordt een tegenboeking op dezelfde datum.",
            "form": form,
            "knop": "Correctie vastleggen",
            "annuleren_url": budget_url(uitgave.budget),
            "terug": [
                (reverse("budget:lijst"), "Budget"),
                (budget_url(uitgave.budget), uitgave.budget.naam),
            ],
        },
    )


@vereist(LEZEN)
def bonnetje(request: HttpRequest, pk: int) -> HttpResponse:
    """The receipt, only for those who may see the budget; every download is logged."""
    uitgave = bonnetje_voor_download(request, pk)
    return bestand_antwoord(
        uitgave.bonnetje,
        f"bonnetje-{uitgave.budget.team.code}-{uitgave.pk}-{uitgave.datum:%Y%m%d}",
    )
