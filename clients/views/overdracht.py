"""Handover by the coordinator: one client, or a whole caseload after a confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from clients import services
from clients.forms import CaseloadOverdrachtForm, OverdrachtForm
from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_formulier, dossier_url
from stapteam.audit import log_per_client
from stapteam.constants import Actie
from stapteam.formulieren import verwerk, zet_fouten
from stapteam.toegang import gekozen_team, vereist


@vereist("clients.add_overdracht")
def client_overdragen(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, pk, "clients.add_overdracht")
    form = OverdrachtForm(request.POST or None, team=client.team, behalve=client.casemanager)
    klaar = verwerk(
        request,
        form,
        lambda data: services.overdragen(client=client, door=request.user, **data),
        melding=f"{client.roepnaam} is overgedragen.",
        naar=dossier_url(client) + "#overdrachten",
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel=f"{client.roepnaam} overdragen",
        uitleg=f"Huidige casemanager: {client.casemanager or 'geen'}.",
        knop="Overdragen",
    )


@vereist("clients.add_overdracht")
def caseload_overdragen(request: HttpRequest) -> HttpResponse:
    """Step 1: choose from whom to whom. Step 2: see the clients it concerns and confirm."""
    team, teams = gekozen_team(request)
    form = CaseloadOverdrachtForm(request.POST or None, team=team)
    betreft = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        betreft = list(services.lopende_caseload(team, data["van"]).order_by("roepnaam"))
        log_per_client(
            request,
            actie=Actie.INZIEN,
            clienten=betreft,
            team=team,
            omschrijving=f"Getoond bij het overdragen van de caseload van {data['van']}",
        )
        if data["bevestigd"]:
            try:
                aantal = services.caseload_overdragen(
                    team=team,
                    van=data["van"],
                    naar=data["naar"],
                    notitie=data["notitie"],
                    door=request.user,
                )
            except ValidationError as fout:
                zet_fouten(form, fout)
            else:
                messages.success(
                    request, f"{aantal} cliënten overgedragen van {data['van']} aan {data['naar']}."
                )
                return redirect(reverse("clients:lijst"))
    return render(
        request,
        "clients/caseload_overdracht.html",
        {"form": form, "team": team, "teams": teams, "betreft": betreft},
    )
