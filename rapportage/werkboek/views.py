"""Pages of the exchange workbook: export for the coordinator, and import in two steps
(upload → dry run with every problem → confirm), both written to the access log.

The uploaded file waits for the confirmation in the private files directory under a
random name, remembered in the session with the user and the team: the confirmation
imports that file again, from the start. Nothing the browser sends back is trusted but
the token. The import runs while the request waits (a large team takes a minute or two);
the page says so, and the button shows that it is busy.
"""

import secrets
import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from clients.models import Client
from clients.services import zonder_dekkende_toestemming
from rapportage.forms import VerstrekkingForm
from rapportage.toegang import (
    controleer_importeren,
    is_coordinator,
    mag_werkboek,
    werkboek_team,
)
from rapportage.werkboek.exporteren import WAAROM_RESERVEKOPIE, werkboek_verstrekken
from rapportage.werkboek.forms import WerkboekForm
from rapportage.werkboek.importeren import werkboek_importeren
from rapportage.werkboek.logboek import export_loggen, import_loggen
from stapteam.toegang import gekozen_team

SESSIE = "werkboeken"  # token → the upload waiting for confirmation
MAP = "werkboeken"


def _pagina(
    request: HttpRequest,
    form: WerkboekForm | None = None,
    verstrekking_form: VerstrekkingForm | None = None,
    **context,
) -> HttpResponse:
    if not mag_werkboek(request.user):
        raise PermissionDenied
    coordinator = is_coordinator(request.user)
    team = teams = None
    if coordinator:
        team, teams = gekozen_team(request)
    form = form or WerkboekForm(nieuw_team=not coordinator)
    # A backup is kept by an organisation too: her own is the likely one.
    verstrekking_form = verstrekking_form or VerstrekkingForm(
        initial={"ontvanger": request.user.organisatie, "waarom": WAAROM_RESERVEKOPIE}
    )
    return render(
        request,
        "rapportage/werkboek.html",
        {
            "team": team,
            "teams": teams,
            "form": form,
            "verstrekking_form": verstrekking_form,
            "coordinator": coordinator,
            **context,
        },
    )


@login_required
def werkboek(request: HttpRequest) -> HttpResponse:
    return _pagina(request)


@login_required
@require_POST
def exporteren(request: HttpRequest) -> HttpResponse:
    """The whole team in a workbook: first a disclosure per client (to whom, why, on which
    consent), then the file; a refusal writes neither."""
    team = werkboek_team(request.user, request.GET.get("team", ""))
    verstrekking_form = VerstrekkingForm(request.POST)
    if not verstrekking_form.is_valid():
        return _pagina(request, verstrekking_form=verstrekking_form)
    naam = f"werkboek-{team.code}-{timezone.localdate():%Y%m%d}.xlsx"
    verstrekking = verstrekking_form.verstrekking()
    # Closed (and so removed) by the response once it has been sent.
    uitvoer = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        aantallen, _ = werkboek_verstrekken(team, uitvoer, door=request.user, **verstrekking)
    except ValidationError as fout:
        uitvoer.close()
        verstrekking_form.add_error(None, fout)
        return _pagina(
            request,
            verstrekking_form=verstrekking_form,
            niet_gedekt=zonder_dekkende_toestemming(
                Client.objects.filter(team=team), verstrekking["organisatie_code"]
            ),
        )
    export_loggen(team, pad=naam, aantallen=aantallen, gebruiker=request.user, request=request)
    uitvoer.seek(0)
    antwoord = FileResponse(uitvoer, as_attachment=True, filename=naam)
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@login_required
@require_POST
def importeren(request: HttpRequest) -> HttpResponse:
    """Step one: the upload is kept and checked in a dry run."""
    if not mag_werkboek(request.user):
        raise PermissionDenied
    coordinator = is_coordinator(request.user)
    form = WerkboekForm(request.POST, request.FILES, nieuw_team=not coordinator)
    if not form.is_valid():
        return _pagina(request, form)
    if coordinator:
        team_code, gemeente = werkboek_team(request.user, request.GET.get("team", "")).code, ""
    else:
        team_code, gemeente = form.cleaned_data["team_code"], form.cleaned_data["gemeente"]
    controleer_importeren(request.user, team_code)
    # One upload waits at a time: an earlier one that was never confirmed goes now.
    for eerder in list(request.session.get(SESSIE, {})):
        _opruimen(request, eerder)
    upload = form.cleaned_data["bestand"]
    token = secrets.token_urlsafe(24)
    pad = default_storage.save(f"{MAP}/{token}.xlsx", upload)
    wachtend = {
        "pad": pad,
        "naam": upload.name[:100],
        "team": team_code,
        "gemeente": gemeente,
        "gebruiker": request.user.pk,
    }
    request.session[SESSIE] = {**request.session.get(SESSIE, {}), token: wachtend}
    verslag = _importeren(request, wachtend, proef=True)
    if not verslag.geslaagd:
        _opruimen(request, token)
        token = None
    return _pagina(request, verslag=verslag, token=token)


@login_required
@require_POST
def bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    """Step two: the kept file imported for real (checked again from the start)."""
    if not mag_werkboek(request.user):
        raise PermissionDenied
    wachtend = request.session.get(SESSIE, {}).get(token)
    if wachtend is None or wachtend["gebruiker"] != request.user.pk:
        raise Http404
    controleer_importeren(request.user, wachtend["team"])
    try:
        verslag = _importeren(request, wachtend, proef=False)
    finally:
        _opruimen(request, token)
    return _pagina(request, verslag=verslag)


def _importeren(request: HttpRequest, wachtend: dict, *, proef: bool):
    with default_storage.open(wachtend["pad"], "rb") as bestand:
        verslag = werkboek_importeren(
            bestand=bestand,
            grootte=default_storage.size(wachtend["pad"]),
            bestandsnaam=wachtend["naam"],
            team_code=wachtend["team"],
            gemeente_naam=wachtend["gemeente"],
            door=request.user,
            proef=proef,
        )
    import_loggen(verslag, gebruiker=request.user, request=request)
    return verslag


def _opruimen(request: HttpRequest, token: str) -> None:
    wachtend = request.session.get(SESSIE, {})
    gegevens = wachtend.pop(token, None)
    request.session[SESSIE] = wachtend
    if gegevens is not None:
        default_storage.delete(gegevens["pad"])
