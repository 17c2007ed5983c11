"""Permit pages: the team's current permit list (and its export for the permit desk), one
permit with its history, and registering an application, its decision and an objection."""

import datetime as dt
import io
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from clients import services as client_services
from clients.models import Client
from clients.signalen import vlag
from clients.toegang import client_voor_wijziging, clienten_voor_gebruiker
from clients.views.dossier import dossier_formulier
from stapteam.adressen import adres_per_pk
from stapteam.audit import log_per_client, log_toegang
from stapteam.constants import Actie
from stapteam.formulieren import verwerk
from stapteam.geschiedenis import wijzigingen
from stapteam.models import Team
from stapteam.paginering import pagina_met_telling
from stapteam.spreadsheets import veilige_tekst
from stapteam.toegang import gekozen_team, mag, vereist
from vergunningen import services
from vergunningen.constants import VERGUNNINGLOKET_ORGANISATIE, VERLOOPT_BINNENKORT_DAGEN, Soort
from vergunningen.forms import AanvraagForm, BesluitForm, BezwaarForm, LijstFilterForm
from vergunningen.models import Vergunning
from vergunningen.selectors import (
    heeft_geldige_vergunning,
    huidige_vergunningen,
    lopende_aanvragen_en_bezwaren,
    met_huidige_vergunning,
)
from vergunningen.signalen import VergunningSignaal
from vergunningen.toegang import (
    LEZEN,
    WIJZIGEN,
    vergunning_voor_gebruiker,
    vergunning_voor_wijziging,
    vergunningen_voor_gebruiker,
)

AANVRAGEN = "vergunningen.add_vergunning"
EXPORTEREN = "vergunningen.vergunningen_exporteren"
PER_PAGINA = 50
SIGNAAL = VergunningSignaal()


def vergunning_url(vergunning: Vergunning) -> str:
    return reverse("vergunningen:vergunning", args=[vergunning.pk])


def _houders(request: HttpRequest, team: Team, vandaag: dt.date) -> QuerySet[Client]:
    """The team's clients holding a permit valid today, with the §4 signal, as the user
    may see them."""
    clienten = clienten_voor_gebruiker(request.user).filter(
        heeft_geldige_vergunning(vandaag), team=team
    )
    return SIGNAAL.annoteer(clienten, vandaag=vandaag, gebruiker=request.user).order_by(
        "roepnaam", "code"
    )


def _datum(datum: dt.date | None) -> str:
    """As the template's ``date:"d-m-Y"``."""
    return f"{datum:%d-%m-%Y}" if datum else ""


# The list's values are formatted here, not by template filters and ``{% url %}`` tags:
# for a page of fifty rows those took longer than the page's queries.


def _rijen(
    clienten: list[Client],
    zichtbaar: QuerySet[Vergunning],
    vandaag: dt.date,
    url: Callable[[int], str],
) -> list[dict]:
    """The table's rows with her current permit, of the permits the user may see
    (``zichtbaar``). A client whose permit ended between the two queries is left out."""
    vergunningen = huidige_vergunningen(clienten, op=vandaag, uit=zichtbaar)
    grens = vandaag + dt.timedelta(days=VERLOOPT_BINNENKORT_DAGEN)
    rijen = []
    for client in clienten:
        vergunning = vergunningen.get(client.pk)
        if vergunning is None:
            continue
        geldig_tot = vergunning.geldig_tot
        rijen.append(
            {
                "url": url(vergunning.pk),
                "roepnaam": client.roepnaam,
                "code": client.code,
                "registratienummer": vergunning.registratienummer or "nummer onbekend",
                "soort": Soort(vergunning.soort).label,
                "verleend_op": _datum(vergunning.besluit_op),
                "geldig_tot": _datum(geldig_tot),
                "verloopt_binnenkort": geldig_tot is not None and geldig_tot <= grens,
                "signalen": SIGNAAL.signalen(client, vandaag=vandaag),
            }
        )
    return rijen


def _lopend(vergunningen: QuerySet[Vergunning], url: Callable[[int], str]) -> dict:
    """The pending applications and objections, as the list shows them."""
    aanvragen, bezwaren = lopende_aanvragen_en_bezwaren(vergunningen.select_related("client"))
    return {
        "aanvragen": [
            {
                "url": url(vergunning.pk),
                "roepnaam": vergunning.client.roepnaam,
                "code": vergunning.client.code,
                "soort": vergunning.get_soort_display().lower(),
                "aanvraag_op": _datum(vergunning.aanvraag_op),
            }
            for vergunning in aanvragen
        ],
        "bezwaren": [
            {
                "url": url(vergunning.pk),
                "roepnaam": vergunning.client.roepnaam,
                "code": vergunning.client.code,
                "bezwaar_op": _datum(vergunning.bezwaar_op),
                "besluit": vergunning.get_besluit_display().lower(),
                "besluit_op": _datum(vergunning.besluit_op),
            }
            for vergunning in bezwaren
        ],
    }


@vereist(LEZEN)
def lijst(request: HttpRequest) -> HttpResponse:
    """The current permit list of a team: who holds a valid permit today, flagged when
    she no longer works on the zone or is no longer reached; and what is pending."""
    vandaag = timezone.localdate()
    team, teams = gekozen_team(request)
    form = LijstFilterForm(request.GET or None)
    alleen_signaal = form.is_valid() and form.cleaned_data["signaal"]
    alle = _houders(request, team, vandaag)
    # The page's own query counts the holders and those with a signal.
    actief = SIGNAAL.actief(vandaag=vandaag)
    pagina, geteld = pagina_met_telling(
        alle.filter(actief) if alleen_signaal else alle,
        PER_PAGINA,
        request.GET.get("pagina"),
        met_signaal=vlag(actief),
    )
    aantal = pagina.paginator.count
    url = adres_per_pk("vergunningen:vergunning")
    zichtbaar = vergunningen_voor_gebruiker(request.user, team=team)
    rijen = _rijen(list(pagina.object_list), zichtbaar, vandaag, url)
    lopend = _lopend(zichtbaar, url)
    log_toegang(
        request,
        actie=Actie.INZIEN,
        team=team,
        omschrijving=f"Actuele vergunningenlijst {team.code}: {aantal} houders"
        + (", alleen met signaal" if alleen_signaal else ""),
    )
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "vergunningen/lijst.html",
        {
            "team": team,
            "teams": teams,
            "form": form,
            "pagina": pagina,
            "rijen": rijen,
            "alleen_signaal": alleen_signaal,
            "met_signaal": geteld["met_signaal"],
            **lopend,
            "vandaag": vandaag,
            "querystring": zonder_pagina.urlencode(),
        },
    )


KOLOMMEN = [
    "Registratienummer",
    "Cliëntnummer",
    "Roepnaam",
    "Voornaam",
    "Achternaam",
    "Geboortedatum",
    "Soort",
    "Verleend op",
    "Geldig tot en met",
    "Signaal",
]


def _werkboek(team: Team, rijen: list[Client], vandaag: dt.date) -> bytes:
    werkboek = Workbook()
    blad = werkboek.active
    blad.title = "Vergunningen"
    blad.append(KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for client in rijen:
        # Names and numbers are typed by people: none may run as a formula at the desk.
        blad.append(
            [
                veilige_tekst(waarde)
                for waarde in (
                    client.vg_registratienummer,
                    client.code,
                    client.roepnaam,
                    client.voornaam,
                    client.achternaam,
                    client.geboortedatum,
                    Soort(client.vg_soort).label,
                    client.vg_besluit_op,
                    client.vg_geldig_tot,
                    "; ".join(s.tekst for s in SIGNAAL.signalen(client, vandaag=vandaag)),
                )
            ]
        )
    for kolom in ("F", "H", "I"):
        for cel in blad[kolom][1:]:
            cel.number_format = "DD-MM-YYYY"
    blad.freeze_panes = "A2"
    werkboek.properties.title = f"Actuele vergunningen {team.naam} {vandaag:%d-%m-%Y}"
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()


@transaction.atomic
def _verstrekkingen_vastleggen(request: HttpRequest, rijen: list[Client]) -> None:
    """One disclosure per holder; all of them, or (one not covered and no reason) none."""
    reden = request.POST.get("reden_zonder_toestemming", "")
    for client in rijen:
        client_services.verstrekking_vastleggen(
            client=client,
            organisatie_code=VERGUNNINGLOKET_ORGANISATIE,
            wat="Vergunningenlijst: naam, geboortedatum, registratienummer, soort en geldigheid",
            waarom="Registratie tippelzone bij het vergunningenloket van de gemeente",
            door=request.user,
            reden_zonder_toestemming=reden,
        )


@vereist(EXPORTEREN)
def exporteren(request: HttpRequest) -> HttpResponse:
    """GET explains what the export holds; POST makes the XLSX (and logs it)."""
    vandaag = timezone.localdate()
    team, teams = gekozen_team(request)
    if request.method != "POST":
        return render(request, "vergunningen/exporteren.html", {"team": team, "teams": teams})
    rijen = list(met_huidige_vergunning(_houders(request, team, vandaag), op=vandaag))
    try:
        _verstrekkingen_vastleggen(request, rijen)
    except ValidationError as fout:
        return render(
            request,
            "vergunningen/exporteren.html",
            {"team": team, "teams": teams, "fouten": fout.messages},
        )
    inhoud = _werkboek(team, rijen, vandaag)
    log_toegang(
        request,
        actie=Actie.EXPORTEREN,
        team=team,
        omschrijving=f"Actuele vergunningenlijst {team.code} geëxporteerd ({len(rijen)} houders)",
    )
    log_per_client(
        request,
        actie=Actie.EXPORTEREN,
        clienten=rijen,
        team=team,
        omschrijving="Opgenomen in de vergunningenlijst voor het vergunningenloket",
    )
    antwoord = HttpResponse(
        inhoud,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    naam = f"vergunningen-{team.code}-{vandaag:%Y%m%d}.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@vereist(LEZEN)
def vergunning(request: HttpRequest, pk: int) -> HttpResponse:
    """One application: criteria, decision, objection and every change to it."""
    vergunning = vergunning_voor_gebruiker(request.user, pk)
    vandaag = timezone.localdate()
    log_toegang(
        request,
        actie=Actie.INZIEN,
        obj=vergunning,
        client=vergunning.client,
        omschrijving=f"Vergunning ingezien ({vergunning})",
    )
    return render(
        request,
        "vergunningen/vergunning.html",
        {
            "v": vergunning,
            "client": vergunning.client,
            "criteria": vergunning.criteria,
            "geldig": vergunning.is_geldig_op(vandaag),
            "geschiedenis": wijzigingen(vergunning.history.all()),
            "mag_wijzigen": mag(request.user, WIJZIGEN),
        },
    )


def _leeftijdsuitleg(client: Client) -> str:
    if client.geboortedatum is None:
        return (
            "Haar geboortedatum is niet bekend, dus haar leeftijd kan niet worden gecontroleerd. "
            "Vul die eerst in bij haar gegevens."
        )
    return (
        f"Geboortedatum {client.geboortedatum:%d-%m-%Y}: op de aanvraagdatum moet zij 18 jaar "
        "of ouder zijn."
    )


@vereist(AANVRAGEN)
def aanvraag_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, AANVRAGEN)
    form = AanvraagForm(
        request.POST or None,
        peildatum=client.team.vergunning_peildatum,
        gemeente=client.team.gemeente.naam,
    )
    klaar = verwerk(
        request,
        form,
        lambda data: services.aanvraag_registreren(client=client, door=request.user, **data),
        melding="De aanvraag is vastgelegd.",
        naar=vergunning_url,
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel=f"Vergunningaanvraag van {client.roepnaam} vastleggen",
        uitleg=_leeftijdsuitleg(client),
    )


@vereist(WIJZIGEN)
def aanvraag_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    vergunning = vergunning_voor_wijziging(request, pk)
    client = vergunning.client
    beginwaarden = {
        "aanvraag_op": vergunning.aanvraag_op,
        "soort": vergunning.soort,
        "werkt_sinds_peildatum": "ja" if vergunning.werkt_sinds_peildatum else "nee",
        "zorg_sinds_peildatum": "ja" if vergunning.zorg_sinds_peildatum else "nee",
    }
    form = AanvraagForm(
        request.POST or None,
        initial=beginwaarden,
        peildatum=vergunning.peildatum,
        gemeente=client.team.gemeente.naam,
    )
    klaar = verwerk(
        request,
        form,
        lambda data: services.aanvraag_wijzigen(vergunning=vergunning, door=request.user, **data),
        melding="De aanvraag is bijgewerkt.",
        naar=vergunning_url,
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel="Aanvraag corrigeren",
        kruimels=[(vergunning_url(vergunning), "Vergunning")],
        uitleg=_leeftijdsuitleg(client),
    )


@vereist(WIJZIGEN)
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    vergunning = vergunning_voor_wijziging(request, pk)
    beginwaarden = (
        {
            veld: getattr(vergunning, veld)
            for veld in (
                "besluit",
                "besluit_op",
                "registratienummer",
                "geldig_tot",
                "weigeringsgrond",
                "afwijking_reden",
            )
        }
        if vergunning.is_besloten
        else {"besluit_op": timezone.localdate()}
    )
    form = BesluitForm(request.POST or None, initial=beginwaarden)
    klaar = verwerk(
        request,
        form,
        lambda data: services.besluit_vastleggen(vergunning=vergunning, door=request.user, **data),
        melding="Het besluit is vastgelegd.",
        naar=vergunning_url,
    )
    if klaar:
        return klaar
    criteria = vergunning.criteria
    uitleg = (
        "Zij voldoet aan de criteria."
        if criteria.voldaan
        else "Zij voldoet niet aan de criteria: "
        + "; ".join(criteria.tekortkomingen)
        + ". Is de vergunning toch verleend, leg dan uit waarom."
    )
    return dossier_formulier(
        request,
        vergunning.client,
        form,
        titel="Besluit vastleggen",
        kruimels=[(vergunning_url(vergunning), "Vergunning")],
        uitleg=uitleg,
    )


@vereist(WIJZIGEN)
def bezwaar(request: HttpRequest, pk: int) -> HttpResponse:
    vergunning = vergunning_voor_wijziging(request, pk)
    beginwaarden = (
        {
            "bezwaar_op": vergunning.bezwaar_op,
            "bezwaar_door": vergunning.bezwaar_door,
            "bezwaar_status": vergunning.bezwaar_status,
        }
        if vergunning.bezwaar_op
        else {"bezwaar_status": "lopend"}
    )
    form = BezwaarForm(request.POST or None, initial=beginwaarden)
    klaar = verwerk(
        request,
        form,
        lambda data: services.bezwaar_vastleggen(vergunning=vergunning, door=request.user, **data),
        melding="Het bezwaar is vastgelegd.",
        naar=vergunning_url,
    )
    if klaar:
        return klaar
    besluit_tekst = (
        f"Besluit: {vergunning.get_besluit_display().lower()} op {vergunning.besluit_op:%d-%m-%Y}."
        if vergunning.besluit_op
        else "Er is nog geen besluit; bezwaar kan pas tegen een besluit."
    )
    return dossier_formulier(
        request,
        vergunning.client,
        form,
        titel="Bezwaar vastleggen",
        kruimels=[(vergunning_url(vergunning), "Vergunning")],
        uitleg=besluit_tekst,
    )
