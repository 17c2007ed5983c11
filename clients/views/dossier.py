"""The dossier page, registering a client, changing her details and her situation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from clients import services, signalen
from clients.constants import FINANCIELE_KENMERKEN, KENMERK_WAARDEN, Kenmerk, ToestemmingStatus
from clients.dossier import acties, secties
from clients.forms import ClientForm, SituatieForm, ZoekForm
from clients.selectors import (
    met_huidige_situatie,
    met_toestemmingstatus_nu,
    mogelijke_dubbelen,
    situatie_label,
    situatie_veld,
    zoek_voor_registratie,
)
from clients.toegang import (
    client_voor_gebruiker,
    client_voor_wijziging,
    situaties_voor_gebruiker,
    volledig_dossier,
)
from clients.validators import normaliseer_bsn
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.formulieren import verwerk, zet_fouten
from stapteam.toegang import eigen_teams, mag, vereist


def dossier_url(client) -> str:
    return reverse("clients:dossier", args=[client.pk])


def dossier_formulier(
    request, client, form, *, titel, kruimels=(), annuleren_url=None, **extra
) -> HttpResponse:
    """A simple form page within her dossier: the breadcrumb leads back to her (and then
    ``kruimels``, (url, label) pairs); cancelling goes to the last of them."""
    terug = [(dossier_url(client), client.roepnaam), *kruimels]
    return render(
        request,
        "formulier.html",
        {
            "titel": titel,
            "form": form,
            "annuleren_url": annuleren_url or terug[-1][0],
            "terug": terug,
            **extra,
        },
    )


@vereist("clients.view_client")
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    vandaag = timezone.localdate()
    client = client_voor_gebruiker(
        request.user,
        pk,
        verrijk=lambda qs: signalen.met_signalen(
            met_toestemmingstatus_nu(met_huidige_situatie(qs), vandaag=vandaag),
            vandaag=vandaag,
            gebruiker=request.user,
        ),
    )
    volledig = volledig_dossier(request.user)
    situatie = [
        {
            "kenmerk": kenmerk,
            "label": kenmerk.label,
            "waarde": situatie_label(kenmerk, getattr(client, situatie_veld(kenmerk))),
            "bekend": getattr(client, situatie_veld(kenmerk)) is not None,
        }
        for kenmerk in Kenmerk
        if volledig or kenmerk not in FINANCIELE_KENMERKEN
    ]
    log_toegang(
        request,
        actie=Actie.INZIEN,
        obj=client,
        client=client,
        omschrijving="Dossier ingezien" if volledig else "Dossier ingezien (beperkt)",
    )
    return render(
        request,
        "clients/dossier.html",
        {
            "client": client,
            "volledig": volledig,
            "situatie": situatie,
            "signalen": signalen.signalen_van(client, vandaag=vandaag),
            "secties": secties(request, client, volledig),
            "acties": acties(request, client),
            "toestemming_label": ToestemmingStatus(client.toestemming_status).label,
            "mag_situatie": mag(request.user, "clients.add_situatie"),
        },
    )


def _registratie_form(request, teams, zoekform: ZoekForm) -> ClientForm:
    begin = {"casemanager": request.user.pk}
    if zoekform.is_valid():
        data = zoekform.cleaned_data
        begin.update(roepnaam=data["roepnaam"], geboortedatum=data.get("geboortedatum"))
        begin["bsn"] = normaliseer_bsn(data.get("bsn") or "")
    return ClientForm(initial=begin, teams=teams)


@vereist("clients.add_client")
def client_nieuw(request: HttpRequest) -> HttpResponse:
    """Registering a client: search first, see likely duplicates, then register her.

    Saving with a likely duplicate in the team needs an explicit "this is someone else".
    """
    teams = eigen_teams(request.user)
    context = {"stap": "zoeken", "zoekform": ZoekForm(request.GET or None)}

    if request.method == "POST":
        form = ClientForm(request.POST, teams=teams)
        context.update(stap="gegevens", form=form)
        if form.is_valid():
            data = dict(form.cleaned_data)
            team = data.pop("team", teams[0])
            try:
                client = services.client_aanmaken(
                    team=team,
                    door=request.user,
                    andere_persoon=request.POST.get("geen_dubbel") == "ja",
                    **data,
                )
            except ValidationError as fout:
                if fout.code == "dubbel":
                    form.add_error(
                        None,
                        "Er staat al een cliënt met dezelfde roepnaam en geboortedatum of "
                        "hetzelfde BSN in het team. Is het echt iemand anders, vink dan 'Dit "
                        "is een andere persoon' aan.",
                    )
                    context["dubbelen"] = list(
                        mogelijke_dubbelen(
                            team=team,
                            roepnaam=data["roepnaam"],
                            geboortedatum=data.get("geboortedatum"),
                            bsn=normaliseer_bsn(data.get("bsn", "")),
                        )
                    )
                else:
                    zet_fouten(form, fout)
            else:
                messages.success(request, f"{client.roepnaam} is geregistreerd ({client.code}).")
                return redirect(dossier_url(client))
        return render(request, "clients/nieuw.html", context)

    zoekform = context["zoekform"]
    if zoekform.is_bound and zoekform.is_valid():
        data = zoekform.cleaned_data
        resultaat = zoek_voor_registratie(
            teams=teams,
            roepnaam=data["roepnaam"],
            geboortedatum=data.get("geboortedatum"),
            bsn=normaliseer_bsn(data.get("bsn") or ""),
        )
        log_toegang(
            request,
            actie=Actie.ZOEKEN,
            team=teams[0] if len(teams) == 1 else None,
            omschrijving=f"Zoeken vóór registratie: '{data['roepnaam']}', "
            f"{len(resultaat)} gevonden",
        )
        context.update(
            stap="gegevens",
            zoekresultaat=resultaat,
            form=_registratie_form(request, teams, zoekform),
        )
    return render(request, "clients/nieuw.html", context)


@vereist("clients.change_client")
def client_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, pk)
    form = ClientForm(request.POST or None, instance=client, teams=[client.team], nieuw=False)
    klaar = verwerk(
        request,
        form,
        lambda data: services.client_wijzigen(client=client, door=request.user, **data),
        melding="De gegevens zijn opgeslagen.",
        naar=dossier_url(client),
    )
    return klaar or dossier_formulier(
        request, client, form, titel=f"Gegevens van {client.roepnaam} wijzigen"
    )


@vereist("clients.add_situatie")
def situatie_wijzigen(request: HttpRequest, pk: int, kenmerk: str) -> HttpResponse:
    if kenmerk not in KENMERK_WAARDEN:
        raise Http404("Onbekend kenmerk")
    client = client_voor_wijziging(request, pk, "clients.add_situatie")
    kenmerk = Kenmerk(kenmerk)
    form = SituatieForm(request.POST or None, kenmerk=kenmerk)
    klaar = verwerk(
        request,
        form,
        lambda data: services.situatie_vastleggen(
            client=client, kenmerk=kenmerk, door=request.user, **data
        ),
        melding=f"{kenmerk.label} is vastgelegd.",
        naar=dossier_url(client) + "#situatie",
    )
    if klaar:
        return klaar
    geschiedenis = situaties_voor_gebruiker(request.user, client, kenmerk)
    return render(
        request,
        "clients/situatie_form.html",
        {
            "client": client,
            "kenmerk": kenmerk,
            "form": form,
            "geschiedenis": geschiedenis,
            "annuleren_url": dossier_url(client),
        },
    )
