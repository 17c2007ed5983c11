"""The plan van aanpak: drawing it up, goals and their actions, and a page to print."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_formulier
from plannen import services
from plannen.forms import ActiepuntForm, DoelForm, PlanForm
from plannen.models import Plan
from plannen.toegang import (
    actiepunt_voor_gebruiker,
    doel_voor_gebruiker,
    doelen_voor_gebruiker,
    plan_voor_gebruiker,
)
from stapteam.formulieren import verwerk
from stapteam.toegang import mag, vereist


def plan_url(plan: Plan) -> str:
    return reverse("plannen:plan", args=[plan.client_id, plan.pk])


@vereist("plannen.add_plan")
def plan_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, "plannen.add_plan")
    form = PlanForm(request.POST or None, initial={"opgesteld_op": timezone.localdate()})
    klaar = verwerk(
        request,
        form,
        lambda data: services.plan_opstellen(client=client, door=request.user, **data),
        melding="Het plan van aanpak is opgesteld. Voeg nu de doelen toe.",
        naar=plan_url,
    )
    return klaar or dossier_formulier(
        request, client, form, titel=f"Plan van aanpak voor {client.roepnaam}"
    )


def _plan_pagina(request, client_pk, plan_pk, template):
    client, plan = plan_voor_gebruiker(
        request, client_pk, plan_pk, omschrijving="Plan van aanpak ingezien"
    )
    doelen = doelen_voor_gebruiker(request.user, plan)
    return render(
        request,
        template,
        {
            "client": client,
            "plan": plan,
            "doelen": doelen,
            "mag_wijzigen": mag(request.user, "plannen.change_plan"),
            "vandaag": timezone.localdate(),
        },
    )


@vereist("clients.view_client")
def plan(request: HttpRequest, client_pk: int, plan_pk: int) -> HttpResponse:
    return _plan_pagina(request, client_pk, plan_pk, "plannen/plan.html")


@vereist("clients.view_client")
def plan_afdrukken(request: HttpRequest, client_pk: int, plan_pk: int) -> HttpResponse:
    """A clean page to print and discuss with her: no menus, no internal notes."""
    return _plan_pagina(request, client_pk, plan_pk, "plannen/plan_afdrukken.html")


@vereist("plannen.change_plan")
def plan_wijzigen(request: HttpRequest, client_pk: int, plan_pk: int) -> HttpResponse:
    client, plan = plan_voor_gebruiker(request, client_pk, plan_pk, "plannen.change_plan")
    form = PlanForm(request.POST or None, instance=plan)
    klaar = verwerk(
        request,
        form,
        lambda data: services.plan_wijzigen(plan=plan, door=request.user, **data),
        melding="Het plan is bijgewerkt.",
        naar=plan_url(plan),
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel="Plan van aanpak wijzigen",
        kruimels=[(plan_url(plan), "Plan van aanpak")],
    )


@vereist("plannen.add_doel")
def doel_nieuw(request: HttpRequest, client_pk: int, plan_pk: int) -> HttpResponse:
    client, plan = plan_voor_gebruiker(request, client_pk, plan_pk, "plannen.add_doel")
    form = DoelForm(request.POST or None, initial={"gesteld_op": timezone.localdate()})
    klaar = verwerk(
        request,
        form,
        lambda data: services.doel_toevoegen(client=client, plan=plan, door=request.user, **data),
        melding="Het doel is toegevoegd.",
        naar=plan_url(plan),
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel="Doel toevoegen",
        kruimels=[(plan_url(plan), "Plan van aanpak")],
    )


@vereist("plannen.change_doel")
def doel_wijzigen(request: HttpRequest, client_pk: int, doel_pk: int) -> HttpResponse:
    client, doel = doel_voor_gebruiker(request, client_pk, doel_pk, "plannen.change_doel")
    terug = plan_url(doel.plan) if doel.plan_id else reverse("clients:dossier", args=[client.pk])
    form = DoelForm(request.POST or None, instance=doel)
    klaar = verwerk(
        request,
        form,
        lambda data: services.doel_wijzigen(doel=doel, door=request.user, **data),
        melding="Het doel is bijgewerkt.",
        naar=terug,
    )
    return klaar or dossier_formulier(
        request, client, form, titel="Doel wijzigen", annuleren_url=terug
    )


@vereist("plannen.add_actiepunt")
def actiepunt_nieuw(request: HttpRequest, client_pk: int, doel_pk: int) -> HttpResponse:
    client, doel = doel_voor_gebruiker(
        request, client_pk, doel_pk, "plannen.add_actiepunt", in_plan=True
    )
    form = ActiepuntForm(request.POST or None)
    klaar = verwerk(
        request,
        form,
        lambda data: services.actiepunt_toevoegen(doel=doel, door=request.user, **data),
        melding="Het actiepunt is toegevoegd.",
        naar=plan_url(doel.plan),
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel=f"Actiepunt bij: {doel.omschrijving[:60]}",
        kruimels=[(plan_url(doel.plan), "Plan van aanpak")],
    )


@vereist("plannen.change_actiepunt")
def actiepunt_wijzigen(request: HttpRequest, client_pk: int, actiepunt_pk: int) -> HttpResponse:
    client, actiepunt = actiepunt_voor_gebruiker(
        request, client_pk, actiepunt_pk, "plannen.change_actiepunt"
    )
    terug = plan_url(actiepunt.doel.plan)
    form = ActiepuntForm(request.POST or None, instance=actiepunt)
    klaar = verwerk(
        request,
        form,
        lambda data: services.actiepunt_wijzigen(actiepunt=actiepunt, door=request.user, **data),
        melding="Het actiepunt is bijgewerkt.",
        naar=terug,
    )
    return klaar or dossier_formulier(
        request, client, form, titel="Actiepunt wijzigen", annuleren_url=terug
    )
