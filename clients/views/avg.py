"""Privacy rights and accountability: who viewed a dossier, and the inzage export."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from clients.forms import PeriodeForm
from clients.inzage import inzage_zip
from clients.services import verstrekking_vastleggen
from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_url
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.datums import op_dagen
from stapteam.models import Toegangslog
from stapteam.toegang import vereist


@vereist("clients.toegangslog_inzien")
def toegangslog(request: HttpRequest, pk: int) -> HttpResponse:
    """'Wie heeft dit dossier ingezien', filterable by period (for the coordinator)."""
    client = client_voor_wijziging(request.user, pk, "clients.toegangslog_inzien")
    # Logged first, so this look at the log is itself in the list it shows.
    log_toegang(
        request,
        actie=Actie.INZIEN,
        client=client,
        obj=client,
        omschrijving="Toegangslog van het dossier bekeken",
    )
    form = PeriodeForm(request.GET or None)
    regels = Toegangslog.objects.filter(client_id=client.pk).select_related("gebruiker")
    verstrekkingen = client.verstrekkingen.select_related("ontvanger", "door", "toestemming")
    if form.is_valid():
        regels = regels.filter(
            **op_dagen(form.cleaned_data.get("van"), form.cleaned_data.get("tot"))
        )
    pagina = Paginator(regels, 50).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "clients/toegangslog.html",
        {
            "client": client,
            "form": form,
            "pagina": pagina,
            "verstrekkingen": verstrekkingen,
            "querystring": zonder_pagina.urlencode(),
            "terug": dossier_url(client),
        },
    )


@vereist("clients.inzage_exporteren")
def inzage(request: HttpRequest, pk: int) -> HttpResponse:
    """GET explains what the export holds; POST makes and downloads it (and logs it)."""
    client = client_voor_wijziging(request, pk, "clients.inzage_exporteren")
    return render(request, "clients/inzage_bevestigen.html", {"client": client})


@require_POST
@vereist("clients.inzage_exporteren")
def inzage_downloaden(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request.user, pk, "clients.inzage_exporteren")
    # Registered first, so the export itself is in the register it contains.
    verstrekking_vastleggen(
        client=client,
        organisatie_code=None,
        wat="Inzage-export: alle gegevens, hun geschiedenis, toegangslog en verstrekkingen",
        waarom="Haar recht op inzage (AVG artikel 15)",
        door=request.user,
    )
    inhoud = inzage_zip(client)
    log_toegang(
        request,
        actie=Actie.EXPORTEREN,
        obj=client,
        client=client,
        omschrijving="AVG-inzage geëxporteerd (alle gegevens, geschiedenis en toegangslog)",
    )
    antwoord = HttpResponse(inhoud, content_type="application/zip")
    naam = f"inzage-{client.team.code}-{client.code}-{timezone.localdate():%Y%m%d}.zip"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord
