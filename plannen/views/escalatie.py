"""Escalation to the procesregisseur: opening it (with the consent gate), the list and
page the procesregisseur works from, progress and outcome."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from clients.constants import Kenmerk, ToestemmingStatus
from clients.selectors import situatie_label, situatie_veld, toestemming_dekt
from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_formulier, dossier_url
from plannen import services
from plannen.constants import ESCALATIE_ORGANISATIE, EscalatieStatus
from plannen.forms import AfrondenForm, EscalatieForm, VoortgangForm
from plannen.toegang import (
    escalatie_voor_gebruiker,
    escalaties_voor_gebruiker,
    escalatiesamenvatting,
)
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.formulieren import verwerk
from stapteam.toegang import mag, vereist


def escalatie_url(escalatie) -> str:
    return reverse("plannen:escalatie", args=[escalatie.pk])


@vereist("plannen.add_escalatie")
def escalatie_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, "plannen.add_escalatie")
    gedekt = toestemming_dekt(client, ESCALATIE_ORGANISATIE, op=timezone.localdate())
    if not gedekt and not mag(request.user, "plannen.zonder_toestemming"):
        return render(request, "plannen/escalatie_geen_toestemming.html", {"client": client})
    form = EscalatieForm(request.POST or None, team=client.team, zonder_toestemming=not gedekt)
    klaar = verwerk(
        request,
        form,
        lambda data: services.escalatie_openen(client=client, door=request.user, **data),
        melding="De escalatie is verstuurd; de procesregisseur kan haar nu inzien.",
        naar=escalatie_url,
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel=f"{client.roepnaam} opschalen naar de procesregisseur",
        uitleg="De procesregisseur van het Zorg- en Veiligheidshuis krijgt tot het afronden "
        "toegang tot haar samenvatting en deze escalatie, niet tot het hele dossier.",
        knop="Opschalen",
    )


@vereist("plannen.view_escalatie")
def escalaties(request: HttpRequest) -> HttpResponse:
    """The procesregisseur's open escalations; for the team, those of its clients."""
    lijst = (
        escalaties_voor_gebruiker(request.user)
        .select_related("client", "client__team", "procesregisseur", "aangevraagd_door")
        .order_by("status", "-aangevraagd_op")
    )
    log_toegang(request, actie=Actie.INZIEN, omschrijving=f"Escalaties bekeken ({len(lijst)})")
    return render(request, "plannen/escalaties.html", {"escalaties": lijst})


@vereist("plannen.view_escalatie")
def escalatie(request: HttpRequest, pk: int) -> HttpResponse:
    escalatie = escalatie_voor_gebruiker(request.user, pk)
    client = escalatie.client
    samenvatting = escalatiesamenvatting(escalatie, op=timezone.localdate())
    mag_bijwerken = mag(request.user, "plannen.change_escalatie") and escalatie.is_open
    voortgang_form = VoortgangForm(prefix="voortgang")
    afronden_form = AfrondenForm(prefix="afronden")
    if request.method == "POST":
        if not mag_bijwerken:
            raise PermissionDenied
        if "voortgang-tekst" in request.POST:
            voortgang_form = VoortgangForm(request.POST, prefix="voortgang")
            klaar = verwerk(
                request,
                voortgang_form,
                lambda data: services.voortgang_vastleggen(
                    escalatie=escalatie, tekst=data["tekst"], door=request.user
                ),
                melding="De voortgang is vastgelegd.",
                naar=escalatie_url(escalatie),
            )
        else:
            afronden_form = AfrondenForm(request.POST, prefix="afronden")
            klaar = verwerk(
                request,
                afronden_form,
                lambda data: services.escalatie_afronden(
                    escalatie=escalatie, uitkomst=data["uitkomst"], door=request.user
                ),
                melding="De escalatie is afgerond.",
                naar=reverse("plannen:escalaties")
                if not mag(request.user, "clients.view_client")
                else dossier_url(client) + "#escalaties",
            )
        if klaar:
            return klaar
    log_toegang(
        request,
        actie=Actie.INZIEN,
        obj=escalatie,
        client=client,
        omschrijving="Escalatie en samenvatting ingezien",
    )
    return render(
        request,
        "plannen/escalatie.html",
        {
            "escalatie": escalatie,
            "client": client,
            "woonsituatie": situatie_label(
                Kenmerk.WOONSITUATIE, getattr(samenvatting, situatie_veld(Kenmerk.WOONSITUATIE))
            ),
            "intensiteit": situatie_label(
                Kenmerk.INTENSITEIT, getattr(samenvatting, situatie_veld(Kenmerk.INTENSITEIT))
            ),
            "toestemming": ToestemmingStatus(samenvatting.toestemming_status).label,
            "voortgang": escalatie.voortgang.select_related("door"),
            "mag_bijwerken": mag_bijwerken,
            "voortgang_form": voortgang_form,
            "afronden_form": afronden_form,
            "mag_dossier": mag(request.user, "clients.view_client"),
            "statussen": EscalatieStatus,
        },
    )
