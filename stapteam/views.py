"""Pages of the core: the start page and the user's own account page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from stapteam import toegang
from stapteam.navigatie import menu_voor
from stapteam.startpagina import blokken_voor


@login_required
def start(request: HttpRequest) -> HttpResponse:
    tegels = [item for item in menu_voor(request) if item["url"] != request.path]
    return render(
        request,
        "stapteam/start.html",
        {
            "teams": toegang.teams_van(request.user),
            "tegels": tegels,
            "blokken": blokken_voor(request),
        },
    )


@login_required
def mijn_account(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "stapteam/mijn_account.html",
        {
            "teams": toegang.teams_van(request.user),
            "gemeenten": toegang.gemeenten_van(request.user),
        },
    )


@require_POST
@login_required
def sessie_verlengen(request: HttpRequest) -> HttpResponse:
    """'Ingelogd blijven' in the idle warning: the request itself renews the session."""
    return HttpResponse(status=204)


def csrf_fout(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "csrf_fout.html", status=403)
