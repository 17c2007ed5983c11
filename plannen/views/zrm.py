"""ZRM: taking a measurement, and her measurements over time."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from clients.toegang import client_voor_gebruiker, client_voor_wijziging, volledig_dossier
from clients.views.dossier import dossier_url
from plannen import services
from plannen.constants import ZRM_VERSIE
from plannen.forms import ZRMForm
from plannen.models import ZRMAnker
from plannen.selectors import zrm_grafiek, zrm_vergelijking
from plannen.toegang import zrm_domeinen, zrm_metingen_voor_gebruiker
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.formulieren import verwerk
from stapteam.toegang import mag, vereist


@vereist("plannen.add_zrmmeting")
def zrm_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, "plannen.add_zrmmeting")
    ankers = {
        (anker.domein, anker.niveau): anker.tekst
        for anker in ZRMAnker.objects.filter(versie=ZRM_VERSIE)
    }
    form = ZRMForm(request.POST or None, ankers=ankers, initial={"datum": timezone.localdate()})
    klaar = verwerk(
        request,
        form,
        lambda data: services.zrm_vastleggen(
            client=client,
            datum=data["datum"],
            scores=form.scores,
            toelichting=data.get("toelichting", ""),
            door=request.user,
        ),
        melding="De ZRM-meting is vastgelegd.",
        naar=dossier_url(client) + "#zrm",
    )
    return klaar or render(
        request,
        "plannen/zrm_form.html",
        {"client": client, "form": form, "heeft_ankers": bool(ankers), "versie": ZRM_VERSIE},
    )


@vereist("clients.view_client")
def zrm_overzicht(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_gebruiker(request.user, client_pk)
    metingen = zrm_metingen_voor_gebruiker(request.user, client)
    eerste, laatste = (metingen[-1], metingen[0]) if metingen else (None, None)
    domeinen = zrm_domeinen(volledig_dossier(request.user))
    log_toegang(
        request, actie=Actie.INZIEN, obj=client, client=client, omschrijving="ZRM-metingen ingezien"
    )
    return render(
        request,
        "plannen/zrm_overzicht.html",
        {
            "client": client,
            "metingen": metingen,
            "verloop": [
                {"label": domein.label, "scores": [getattr(m, domein.value) for m in metingen]}
                for domein in domeinen
            ],
            "grafiek": zrm_grafiek(eerste, laatste, domeinen),
            "vergelijking": zrm_vergelijking(eerste, laatste, domeinen),
            "mag_meten": mag(request.user, "plannen.add_zrmmeting"),
            "nieuw_url": reverse("plannen:zrm_nieuw", args=[client.pk]),
        },
    )
