"""The caseload pages: the team's clients and "Mijn cliënten", with search and filters."""

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from clients import signalen, toegang
from clients.constants import Kenmerk, Status
from clients.forms import LijstFilterForm
from clients.lijstrijen import rijen_html
from clients.models import Client
from clients.selectors import (
    met_huidige_situatie,
    met_laatste_contact_nu,
    situatie_label,
    situatie_veld,
)
from clients.toegang import clienten_voor_gebruiker, volledig_dossier
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.toegang import mag, teams_van, vereist

PER_PAGINA = 25
LIJST_KENMERKEN = [Kenmerk.WOONSITUATIE, Kenmerk.INTENSITEIT]


def _label(client: Client, kenmerk: Kenmerk) -> str:
    waarde = getattr(client, situatie_veld(kenmerk))
    return situatie_label(kenmerk, waarde) if waarde is not None else ""


def _zoeken(clienten: QuerySet[Client], zoek: str, *, bsn_zoeken: bool) -> QuerySet[Client]:
    voorwaarde = (
        Q(roepnaam__icontains=zoek)
        | Q(voornaam__icontains=zoek)
        | Q(achternaam__icontains=zoek)
        | Q(code__iexact=zoek)
    )
    cijfers = zoek.replace(" ", "").replace(".", "")
    if bsn_zoeken and cijfers.isdigit() and len(cijfers) >= 8:
        voorwaarde |= Q(bsn=cijfers.zfill(9))
    return clienten.filter(voorwaarde)


def _filteren(clienten: QuerySet[Client], data: dict, *, bsn_zoeken: bool, vandaag):
    if data.get("zoek"):
        clienten = _zoeken(clienten, data["zoek"].strip(), bsn_zoeken=bsn_zoeken)
    status = data.get("status")
    if status == "lopend":
        clienten = clienten.exclude(status=Status.UITGESTROOMD)
    elif status:
        clienten = clienten.filter(status=status)
    if data.get("casemanager"):
        clienten = clienten.filter(casemanager=data["casemanager"])
    for kenmerk in LIJST_KENMERKEN:
        if data.get(kenmerk):
            clienten = clienten.filter(**{situatie_veld(kenmerk): data[kenmerk]})
    return clienten


def _lijst(request: HttpRequest, basis: QuerySet[Client], *, titel: str, mijn: bool):
    vandaag = timezone.localdate()
    teams = list(teams_van(request.user))
    gegevens = request.GET.copy()
    gegevens.setdefault("status", "lopend")
    form = LijstFilterForm(gegevens, teams=teams, signaalsoorten=signalen.soorten(vandaag=vandaag))
    form.is_valid()
    data = form.cleaned_data

    clienten = signalen.met_signalen(
        met_laatste_contact_nu(
            met_huidige_situatie(basis, kenmerken=LIJST_KENMERKEN), gebruiker=request.user
        ),
        vandaag=vandaag,
        gebruiker=request.user,
    )
    clienten = _filteren(
        clienten, data, bsn_zoeken=volledig_dossier(request.user), vandaag=vandaag
    ).select_related("casemanager", "team")
    soort = data.get("signaal", "")
    pagina, tellingen = signalen.pagina_op_urgentie(
        clienten,
        vandaag=vandaag,
        nummer=request.GET.get("pagina"),
        per_pagina=PER_PAGINA,
        soort=soort,
        op_naam=data.get("sorteer") == "naam",
    )
    rijen = [
        {
            "client": client,
            "woonsituatie_label": _label(client, Kenmerk.WOONSITUATIE),
            "intensiteit_label": _label(client, Kenmerk.INTENSITEIT),
            "signalen": signalen.signalen_van(client, vandaag=vandaag),
        }
        for client in pagina.object_list
    ]

    gezocht = bool(data.get("zoek")) or any(
        data.get(veld) for veld in ("casemanager", "intensiteit", "woonsituatie", "signaal")
    )
    log_toegang(
        request,
        actie=Actie.ZOEKEN if gezocht else Actie.INZIEN,
        team=teams[0] if len(teams) == 1 else None,
        omschrijving=(
            f"{titel}: {pagina.paginator.count} cliënten"
            + (f", zoekterm '{data['zoek']}'" if data.get("zoek") else "")
            + "".join(
                f", {veld}={data[veld]}"
                for veld in ("status", "casemanager", "intensiteit", "woonsituatie", "signaal")
                if data.get(veld)
            )
        ),
    )
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    zonder_signaal = zonder_pagina.copy()
    zonder_signaal.pop("signaal", None)
    return render(
        request,
        "clients/lijst.html",
        {
            "titel": titel,
            "mijn": mijn,
            "form": form,
            "pagina": pagina,
            "rijen": rijen,
            "gefilterd": gezocht,
            "filters_actief": sum(
                1
                for veld in ("casemanager", "intensiteit", "woonsituatie", "signaal")
                if data.get(veld)
            )
            + (data.get("status") not in ("lopend", None)),
            "querystring": zonder_pagina.urlencode(),
            "signaal_basis": "?" + (f"{zonder_signaal.urlencode()}&" if zonder_signaal else ""),
            "tellingen": tellingen,
            "gekozen_signaal": soort,
            "tabelrijen": rijen_html(
                rijen,
                pad=request.get_full_path(),
                meerdere_teams=len(teams) > 1,
                mag_contact=mag(request.user, "clients.add_contact"),
            ),
        },
    )


@vereist("clients.view_client")
def teamlijst(request: HttpRequest) -> HttpResponse:
    return _lijst(request, clienten_voor_gebruiker(request.user), titel="Cliënten", mijn=False)


@vereist("clients.view_client")
def mijn_clienten(request: HttpRequest) -> HttpResponse:
    return _lijst(request, toegang.mijn_clienten(request.user), titel="Mijn cliënten", mijn=True)
