"""The report pages. The coordinator's: the evaluation report for her team and a period
(a page with charts and tables, and PDF, XLSX or JSON downloads), the progress monitor
(XLSX or CSV), and her team's barriers per category with a memo on each for the
municipality. The municipality's: the dashboard of its own teams, suppressed, with those
memos beside the barrier counts. A printable barrier overview per team for both. Every
report made is written to the access log."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from clients.services import zonder_dekkende_toestemming
from plannen import services as plannen_services
from plannen.services import NOTITIE_VELDEN
from rapportage import monitor_uitvoer
from rapportage.dashboard_pagina import dashboard as dashboard_pagina
from rapportage.dashboard_pagina import exacte_knelpuntcijfers, knelpuntentabel
from rapportage.definities import DEFINITIES
from rapportage.evaluatie_uitvoer import FORMATEN, evaluatierapport, logregel, maak
from rapportage.forms import KnelpuntnotitieForm, PeriodeForm, VerstrekkingForm
from rapportage.monitor import monitor_periode
from rapportage.periodes import laatste_twaalf_maanden, voorinstellingen
from rapportage.toegang import knelpuntnotitie_voor_coordinator, knelpuntoverzicht_team
from stapteam.audit import log_per_client, log_toegang
from stapteam.constants import Actie
from stapteam.datums import maanden_terug
from stapteam.formulieren import verwerk
from stapteam.toegang import gekozen_team, teams_van_gemeenten, vereist

RAPPORTEN = "rapportage.rapporten_opvragen"
DASHBOARD = "rapportage.dashboard_inzien"
NOTITIES_LEZEN = "plannen.view_knelpuntnotitie"
NOTITIES_SCHRIJVEN = "plannen.change_knelpuntnotitie"
MAX_MAANDEN = 36
DOWNLOADS = ("pdf", "xlsx", "json")


@vereist(RAPPORTEN)
def evaluatie(request: HttpRequest) -> HttpResponse:
    team, teams = gekozen_team(request)
    vandaag = timezone.localdate()
    standaard = laatste_twaalf_maanden(vandaag)
    vorige_maand = vandaag.replace(day=1) - dt.timedelta(days=1)
    form = PeriodeForm(
        request.GET if "van" in request.GET or "tot" in request.GET else None,
        initial={"van": standaard.van, "tot": standaard.tot},
    )
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "rapportage/evaluatie.html",
            {
                "form": form,
                "team": team,
                "teams": teams,
                "voorinstellingen": voorinstellingen(vandaag),
            },
            status=400,
        )
    van, tot = (
        (form.cleaned_data["van"], form.cleaned_data["tot"])
        if form.is_bound
        else (standaard.van, standaard.tot)
    )
    rapport = evaluatierapport(team, van, tot)
    formaat = request.GET.get("formaat", "")
    if formaat in DOWNLOADS:
        log_toegang(
            request, actie=Actie.RAPPORT, team=team, omschrijving=logregel(rapport, formaat)
        )
        antwoord = HttpResponse(maak(rapport, formaat), content_type=FORMATEN[formaat][0])
        antwoord["Content-Disposition"] = f'attachment; filename="{rapport.bestandsnaam(formaat)}"'
        return antwoord
    log_toegang(request, actie=Actie.RAPPORT, team=team, omschrijving=logregel(rapport, "pagina"))
    periode = f"team={team.code}&van={van.isoformat()}&tot={tot.isoformat()}"
    return render(
        request,
        "rapportage/evaluatie.html",
        {
            "form": form,
            "team": team,
            "teams": teams,
            "rapport": rapport,
            "hoofdstukken": rapport.hoofdstukken,
            "voorinstellingen": voorinstellingen(vandaag),
            "downloads": [(f, f"?{periode}&formaat={f}") for f in DOWNLOADS],
            "definities": DEFINITIES,
            "vorige_maand": f"{vorige_maand:%Y-%m}",
        },
    )


@vereist(RAPPORTEN)
def monitor(request: HttpRequest) -> HttpResponse:
    """The progress monitor of a month or quarter, as XLSX or CSV download.

    Its rows are clients (by number), so a download is a disclosure: GET asks to whom
    and why; POST registers one disclosure per client and then makes the file, or
    (a client's consent does not name the recipient and no coordinator's reason)
    refuses, lists those clients by number and makes nothing."""
    team, _ = gekozen_team(request)
    formaat = request.GET.get("formaat", "xlsx")
    try:
        van, tot = monitor_periode(
            maand=request.GET.get("maand") or None, kwartaal=request.GET.get("kwartaal") or None
        )
        if formaat not in monitor_uitvoer.MAKERS:
            raise ValueError("Kies XLSX of CSV.")
    except ValueError as fout:
        return HttpResponseBadRequest(
            render_to_string("rapportage/monitor_fout.html", {"fout": fout, "team": team}, request)
        )
    pagina = {"team": team, "van": van, "tot": tot, "formaat": formaat}
    if request.method != "POST":
        return render(
            request, "rapportage/monitor.html", {**pagina, "verstrekking_form": VerstrekkingForm()}
        )
    form = VerstrekkingForm(request.POST)
    if not form.is_valid():
        return render(request, "rapportage/monitor.html", {**pagina, "verstrekking_form": form})
    verstrekking = form.verstrekking()
    try:
        resultaat, inhoud = monitor_uitvoer.monitor_verstrekken(
            team, van, tot, formaat=formaat, door=request.user, **verstrekking
        )
    except ValidationError as fout:
        form.add_error(None, fout)
        niet_gedekt = zonder_dekkende_toestemming(
            monitor_uitvoer.clienten_in_de_monitor(team, van, tot),
            verstrekking["organisatie_code"],
        )
        return render(
            request,
            "rapportage/monitor.html",
            {**pagina, "verstrekking_form": form, "niet_gedekt": niet_gedekt},
        )
    log_toegang(
        request,
        actie=Actie.RAPPORT,
        team=team,
        omschrijving=monitor_uitvoer.logregel(resultaat, formaat),
    )
    # A row per client (by number): the export shows on each one's own access log.
    log_per_client(
        request,
        actie=Actie.EXPORTEREN,
        clienten=monitor_uitvoer.clienten_in_de_monitor(team, van, tot),
        team=team,
        omschrijving=f"Opgenomen in de voortgangsmonitor {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
    )
    antwoord = HttpResponse(inhoud, content_type=monitor_uitvoer.FORMATEN[formaat])
    naam = monitor_uitvoer.bestandsnaam(resultaat, formaat)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _dashboardperiode(request: HttpRequest) -> tuple[PeriodeForm, dt.date | None, dt.date | None]:
    """The period of the dashboard and the barrier pages: ``?van&tot``, by default the
    last twelve whole months, at most ``MAX_MAANDEN``; no dates when the form refuses."""
    vandaag = timezone.localdate()
    standaard_tot = vandaag.replace(day=1) - dt.timedelta(days=1)
    standaard_van = maanden_terug(standaard_tot.replace(day=1), 11)
    form = PeriodeForm(
        request.GET if "van" in request.GET or "tot" in request.GET else None,
        initial={"van": standaard_van, "tot": standaard_tot},
    )
    if form.is_bound and not form.is_valid():
        return form, None, None
    van, tot = (
        (form.cleaned_data["van"], form.cleaned_data["tot"])
        if form.is_bound
        else (standaard_van, standaard_tot)
    )
    if (tot.year - van.year) * 12 + tot.month - van.month >= MAX_MAANDEN:
        form.add_error("van", f"Kies hooguit {MAX_MAANDEN} maanden.")
        return form, None, None
    return form, van, tot


@vereist(DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The municipality's figures per month: only its own teams, every small number of
    women suppressed, and beside the barriers what each team asks of the municipality.
    Default: the last twelve whole months."""
    teams = list(teams_van_gemeenten(request.user))
    form, van, tot = _dashboardperiode(request)
    if van is None:
        return render(request, "rapportage/dashboard.html", {"form": form}, status=400)
    overzicht = dashboard_pagina(teams, van, tot) if teams else None
    log_toegang(
        request,
        actie=Actie.RAPPORT,
        omschrijving=f"Dashboard {', '.join(t.naam for t in teams) or 'zonder teams'}, "
        f"{van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
    )
    return render(
        request,
        "rapportage/dashboard.html",
        {
            "form": form,
            "dashboard": overzicht,
            "teams": teams,
            "periode": f"van={van.isoformat()}&tot={tot.isoformat()}",
        },
    )


# --- Barriers: the coordinator's memos for the municipality, and the printable overview


@vereist(NOTITIES_LEZEN)
def knelpunten(request: HttpRequest) -> HttpResponse:
    """The coordinator's barriers per category, exact, with her team's memo on each."""
    team, teams = gekozen_team(request)
    form, van, tot = _dashboardperiode(request)
    context = {"form": form, "team": team, "teams": teams}
    if van is None:
        return render(request, "rapportage/knelpunten.html", context, status=400)
    tabel, notities = knelpuntentabel(team.pk, exacte_knelpuntcijfers(team, van, tot))
    log_toegang(
        request,
        actie=Actie.RAPPORT,
        team=team,
        omschrijving=f"Knelpunten en notities {team.naam}, {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
    )
    periode = f"van={van.isoformat()}&tot={tot.isoformat()}"
    return render(
        request,
        "rapportage/knelpunten.html",
        context | {"tabel": tabel, "notities": notities, "periode": periode},
    )


@vereist(NOTITIES_SCHRIJVEN)
def knelpuntnotitie(request: HttpRequest, categorie_code: str) -> HttpResponse:
    """The coordinator writes her team's memo on one category; its earlier versions."""
    team, categorie, notitie = knelpuntnotitie_voor_coordinator(
        request.user, request.GET.get("team"), categorie_code
    )
    form = KnelpuntnotitieForm(
        request.POST if request.method == "POST" else None,
        initial={veld: getattr(notitie, veld) for veld in NOTITIE_VELDEN} if notitie else None,
    )
    terug = reverse("rapportage:knelpunten") + f"?team={team.code}"
    klaar = verwerk(
        request,
        form,
        lambda data: plannen_services.knelpuntnotitie_opslaan(
            team=team, categorie=categorie, door=request.user, **data
        ),
        melding=f"De notitie over {categorie.naam} is opgeslagen.",
        naar=lambda n: f"{terug}#notitie-{team.pk}-{categorie.code}" if not n.is_leeg else terug,
    )
    log_toegang(
        request,
        actie=Actie.WIJZIGEN if klaar else Actie.INZIEN,
        team=team,
        obj=notitie,
        omschrijving=f"Knelpuntnotitie {categorie.naam}, {team.naam}",
    )
    if klaar:
        return klaar
    versies = (
        list(notitie.history.select_related("history_user").order_by("-history_date")[:10])
        if notitie
        else []
    )
    return render(
        request,
        "rapportage/knelpuntnotitie.html",
        {
            "team": team,
            "categorie": categorie,
            "notitie": notitie,
            "versies": versies,
            "form": form,
            "terug": terug,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
def knelpunten_afdrukken(request: HttpRequest, team_code: str) -> HttpResponse:
    """One team's barriers per category with its memos, to print: exact for the team's
    coordinator, for the municipality suppressed exactly as on its dashboard."""
    team, exact = knelpuntoverzicht_team(request.user, team_code)
    form, van, tot = _dashboardperiode(request)
    if van is None:
        return render(
            request,
            "rapportage/knelpunten_afdrukken.html",
            {"form": form, "team": team},
            status=400,
        )
    if exact:
        tabel, notities = knelpuntentabel(team.pk, exacte_knelpuntcijfers(team, van, tot))
    else:
        # The whole dashboard of her municipalities: a cell hidden there (also to protect
        # another team's number through a total) is hidden here too.
        overzicht = dashboard_pagina(list(teams_van_gemeenten(request.user)), van, tot)
        sectie = next(s for s in overzicht.secties if s.sleutel == str(team.pk))
        tabel = next(t for t in sectie.tabellen if t.sleutel == f"knelpunten-{team.pk}")
        notities = sectie.notities
    log_toegang(
        request,
        actie=Actie.RAPPORT,
        team=team,
        omschrijving=f"Knelpuntenoverzicht {team.naam} (afdrukversie), "
        f"{van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
    )
    return render(
        request,
        "rapportage/knelpunten_afdrukken.html",
        {
            "team": team,
            "exact": exact,
            "van": van,
            "tot": tot,
            "tabel": tabel,
            "notities": notities,
            "terug": reverse("rapportage:knelpunten" if exact else "rapportage:dashboard")
            + (f"?team={team.code}&" if exact else "?")
            + f"van={van.isoformat()}&tot={tot.isoformat()}",
        },
    )
