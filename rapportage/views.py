"""The report pages. The coordinator's: the evaluation report for her team and a period
(a page with charts and tables, and PDF, XLSX or JSON downloads) and the progress monitor
(XLSX or CSV). The municipality's: the dashboard of its own teams, suppressed. Every report
made is written to the access log."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from clients.services import zonder_dekkende_toestemming
from rapportage import monitor_uitvoer
from rapportage.dashboard_pagina import dashboard as dashboard_pagina
from rapportage.definities import DEFINITIES
from rapportage.evaluatie_uitvoer import FORMATEN, evaluatierapport, logregel, maak
from rapportage.forms import PeriodeForm, VerstrekkingForm
from rapportage.monitor import monitor_periode
from rapportage.periodes import laatste_twaalf_maanden, voorinstellingen
from stapteam.audit import log_per_client, log_toegang
from stapteam.constants import Actie
from stapteam.datums import maanden_terug
from stapteam.toegang import gekozen_team, teams_van_gemeenten, vereist

RAPPORTEN = "rapportage.rapporten_opvragen"
DASHBOARD = "rapportage.dashboard_inzien"
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


@vereist(DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The municipality's figures per month: only its own teams, every small number of
    women suppressed. Default: the last twelve whole months."""
    teams = list(teams_van_gemeenten(request.user))
    vandaag = timezone.localdate()
    standaard_tot = vandaag.replace(day=1) - dt.timedelta(days=1)
    standaard_van = maanden_terug(standaard_tot.replace(day=1), 11)
    form = PeriodeForm(
        request.GET if "van" in request.GET or "tot" in request.GET else None,
        initial={"van": standaard_van, "tot": standaard_tot},
    )
    if form.is_bound and not form.is_valid():
        return render(request, "rapportage/dashboard.html", {"form": form}, status=400)
    van, tot = (
        (form.cleaned_data["van"], form.cleaned_data["tot"])
        if form.is_bound
        else (standaard_van, standaard_tot)
    )
    if (tot.year - van.year) * 12 + tot.month - van.month >= MAX_MAANDEN:
        form.add_error("van", f"Kies hooguit {MAX_MAANDEN} maanden.")
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
        {"form": form, "dashboard": overzicht, "teams": teams},
    )
