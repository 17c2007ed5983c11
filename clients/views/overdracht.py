"""Handover by the coordinator: one client, or a whole caseload after a confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from clients import services
from clients.forms import CaseloadOverdrachtForm, OverdrachtForm
from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_url
from stapteam.formulieren import zet_fouten
from stapteam.toegang import team_voor_gebruiker, teams_van, vereist


@vereist("clients.add_overdracht")
def client_overdragen(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request.user, pk, "clients.add_overdracht")
    form = OverdrachtForm(request.POST or None, team=client.team, behalve=client.casemanager)
    if request.method == "POST" and form.is_valid():
        try:
            services.overdragen(
                client=client,
                naar=form.cleaned_data["naar"],
                notitie=form.cleaned_data["notitie"],
                door=request.user,
            )
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            messages.success(
                request, f"{client.roepnaam} is overgedragen aan {form.cleaned_data['naar']}."
            )
            return redirect(dossier_url(client) + "#overdrachten")
    return render(
        request,
        "formulier.html",
        {
            "titel": f"{client.roepnaam} overdragen",
            "uitleg": f"Huidige casemanager: {client.casemanager or 'geen'}.",
            "form": form,
            "knop": "Overdragen",
            "annuleren_url": dossier_url(client),
            "terug": [(dossier_url(client), client.roepnaam)],
        },
    )


@vereist("clients.add_overdracht")
def caseload_overdragen(request: HttpRequest) -> HttpResponse:
    """Step 1: choose from whom to whom. Step 2: see the clients it concerns and confirm."""
    teams = list(teams_van(request.user))
    if not teams:
        raise PermissionDenied
    team = (
        team_voor_gebruiker(request.user, request.GET["team"])
        if "team" in request.GET
        else teams[0]
    )
    form = CaseloadOverdrachtForm(request.POST or None, team=team)
    betreft = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        betreft = list(services.lopende_caseload(team, data["van"]).order_by("roepnaam"))
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
