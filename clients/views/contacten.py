"""Contacts: logging one in seconds on a phone, a client's contact list, corrections."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from clients import services
from clients.constants import GEREALISEERD, ContactSoort
from clients.forms import ContactFilterForm, ContactForm
from clients.toegang import (
    client_voor_gebruiker,
    client_voor_wijziging,
    contact_voor_gebruiker,
    contacten_van_client,
    laatste_locatie,
    ziet_vertrouwelijk,
)
from clients.views.dossier import dossier_url
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.datums import op_dagen
from stapteam.formulieren import zet_fouten
from stapteam.toegang import vereist


def _terug_naar(request: HttpRequest, standaard: str) -> str:
    """Back to where the user came from (the caseload or the dossier), if it is ours."""
    volgende = request.POST.get("volgende") or request.GET.get("volgende")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return standaard


@vereist("clients.add_contact")
def contact_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, pk, "clients.add_contact")
    vertrouwelijk = ziet_vertrouwelijk(request.user)
    form = ContactForm(
        request.POST or None,
        team=client.team,
        vertrouwelijk_toegestaan=vertrouwelijk,
        initial={
            "soort": ContactSoort.FACE_TO_FACE,
            "tijdstip": timezone.localtime().replace(second=0, microsecond=0),
            "locatie": laatste_locatie(request.user),
        },
    )
    terug = _terug_naar(request, dossier_url(client))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_registreren(
                client=client,
                door=request.user,
                soort=data["soort"],
                tijdstip=data["tijdstip"],
                locatie=data.get("locatie", ""),
                duur_minuten=data.get("duur_minuten"),
                levensdomeinen=data.get("levensdomeinen", []),
                notitie=data.get("notitie", ""),
                vertrouwelijk=data.get("vertrouwelijk", False),
                ook_aanwezig=data.get("ook_aanwezig", []),
            )
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            messages.success(request, f"Contact met {client.roepnaam} is vastgelegd.")
            return redirect(terug)
    return render(
        request,
        "clients/contact_form.html",
        {"client": client, "form": form, "terug": terug, "titel": "Contact vastleggen"},
    )


@vereist("clients.view_client")
def contacten(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_gebruiker(request.user, pk)
    form = ContactFilterForm(request.GET or None, team=client.team)
    lijst = (
        contacten_van_client(request.user, client)
        .select_related("medewerker")
        .prefetch_related("ook_aanwezig")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data.get("soort") == "gerealiseerd":
            lijst = lijst.filter(soort__in=GEREALISEERD)
        elif data.get("soort"):
            lijst = lijst.filter(soort=data["soort"])
        if data.get("medewerker"):
            lijst = lijst.filter(medewerker=data["medewerker"])
        lijst = lijst.filter(**op_dagen(data.get("van"), data.get("tot")))
    pagina = Paginator(lijst, 25).get_page(request.GET.get("pagina"))
    log_toegang(
        request,
        actie=Actie.INZIEN,
        obj=client,
        client=client,
        omschrijving=f"Contacten ingezien ({pagina.paginator.count})",
    )
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "clients/contacten.html",
        {
            "client": client,
            "form": form,
            "pagina": pagina,
            "rijen": [
                {"c": c, "corrigeren": services.mag_contact_corrigeren(c, request.user)}
                for c in pagina.object_list
            ],
            "querystring": zonder_pagina.urlencode(),
            "gefilterd": form.is_bound,
        },
    )


@vereist("clients.add_contact")
def contact_corrigeren(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    client, contact = contact_voor_gebruiker(request, pk, contact_pk, "clients.add_contact")
    if not services.mag_contact_corrigeren(contact, request.user):
        raise PermissionDenied
    form = ContactForm(
        request.POST or None,
        instance=contact,
        team=client.team,
        vertrouwelijk_toegestaan=ziet_vertrouwelijk(request.user),
    )
    lijst_url = reverse("clients:contacten", args=[client.pk])
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        ook_aanwezig = data.pop("ook_aanwezig", None)
        try:
            services.contact_corrigeren(
                contact=contact, door=request.user, ook_aanwezig=ook_aanwezig, **data
            )
        except ValidationError as fout:
            zet_fouten(form, fout)
        else:
            messages.success(request, "Het contact is gecorrigeerd; de vorige versie is bewaard.")
            return redirect(lijst_url)
    return render(
        request,
        "clients/contact_form.html",
        {
            "client": client,
            "form": form,
            "terug": lijst_url,
            "titel": "Contact corrigeren",
            "correctie": True,
        },
    )
