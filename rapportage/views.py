"""The coordinator's report pages: the evaluation report for her team and a period, as a
page with charts and tables, and as PDF, XLSX or JSON download."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rapportage.definities import DEFINITIES
from rapportage.evaluatie_uitvoer import FORMATEN, evaluatierapport, logregel, maak
from rapportage.forms import PeriodeForm
from rapportage.periodes import laatste_twaalf_maanden, voorinstellingen
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.toegang import gekozen_team, vereist

EVALUATIE = "rapportage.evaluatie_opvragen"
DOWNLOADS = ("pdf", "xlsx", "json")


@vereist(EVALUATIE)
def evaluatie(request: HttpRequest) -> HttpResponse:
    team, teams = gekozen_team(request)
    vandaag = timezone.localdate()
    standaard = laatste_twaalf_maanden(vandaag)
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
        },
    )
