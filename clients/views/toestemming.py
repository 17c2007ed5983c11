"""Consent forms: record, correct or withdraw, check (four-eyes), and open the scan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from clients import services
from clients.forms import ToestemmingForm
from clients.toegang import (
    client_voor_wijziging,
    toestemming_voor_gebruiker,
    toestemmingscan_voor_download,
)
from clients.views.dossier import dossier_formulier, dossier_url
from stapteam.bestanden import bestand_antwoord
from stapteam.formulieren import verwerk
from stapteam.toegang import vereist


def _formulierpagina(request, client, form, titel):
    return dossier_formulier(
        request, client, form, titel=titel, annuleren_url=dossier_url(client) + "#toestemming"
    )


@vereist("clients.add_toestemming")
def toestemming_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, pk, "clients.add_toestemming")
    form = ToestemmingForm(request.POST or None, request.FILES or None)
    klaar = verwerk(
        request,
        form,
        lambda data: services.toestemming_vastleggen(client=client, door=request.user, **data),
        melding="De toestemming is vastgelegd.",
        naar=dossier_url(client) + "#toestemming",
    )
    return klaar or _formulierpagina(
        request, client, form, f"Toestemming van {client.roepnaam} vastleggen"
    )


@vereist("clients.change_toestemming")
def toestemming_wijzigen(request: HttpRequest, pk: int, toestemming_pk: int) -> HttpResponse:
    client, toestemming = toestemming_voor_gebruiker(
        request, pk, toestemming_pk, "clients.change_toestemming"
    )
    form = ToestemmingForm(
        request.POST or None, request.FILES or None, instance=toestemming, nieuw=False
    )
    klaar = verwerk(
        request,
        form,
        lambda data: services.toestemming_wijzigen(
            toestemming=toestemming, door=request.user, **data
        ),
        melding="De toestemming is bijgewerkt.",
        naar=dossier_url(client) + "#toestemming",
    )
    return klaar or _formulierpagina(
        request, client, form, f"Toestemming van {client.roepnaam} wijzigen"
    )


@require_POST
@vereist("clients.change_toestemming")
def toestemming_controleren(request: HttpRequest, pk: int, toestemming_pk: int) -> HttpResponse:
    client, toestemming = toestemming_voor_gebruiker(
        request, pk, toestemming_pk, "clients.change_toestemming"
    )
    try:
        services.toestemming_controleren(toestemming=toestemming, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "Je hebt de toestemming gecontroleerd.")
    return redirect(dossier_url(client) + "#toestemming")


@vereist("clients.scan_inzien")
def toestemming_scan(request: HttpRequest, pk: int, toestemming_pk: int) -> HttpResponse:
    """The signed form, only for those who may see it, and every download is logged."""
    client, toestemming = toestemmingscan_voor_download(request, pk, toestemming_pk)
    return bestand_antwoord(
        toestemming.scan,
        f"toestemming-{client.code}-{toestemming.ondertekend_op:%Y%m%d}",
    )
