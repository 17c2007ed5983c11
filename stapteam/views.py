"""Pages of the core: the start page, the user's own account page, activating a new
account and confirming team access (four eyes)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from stapteam import services, toegang
from stapteam.audit import log_toegang
from stapteam.constants import Actie
from stapteam.datums import op_dagen
from stapteam.formulieren import DatumInput
from stapteam.models import Toegangslog
from stapteam.navigatie import menu_voor
from stapteam.paginering import pagina_zonder_telling
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


class AccountActiveren(auth_views.PasswordResetConfirmView):
    """The one-time activation link of a new account: she chooses her own password.

    Django's password-reset token is bound to the password hash, so the link stops
    working once it has been used. MFA set-up follows at the first login.
    """

    template_name = "stapteam/account_activeren.html"
    success_url = reverse_lazy("account_login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(
            self.request,
            "Uw wachtwoord is ingesteld. Log nu in en stel de tweestapsverificatie in.",
        )
        return super().form_valid(form)


@toegang.vereist("stapteam.toegang_bevestigen")
def toegangsaanvragen(request: HttpRequest) -> HttpResponse:
    """Requests waiting for this user's confirmation, and every request she oversees
    with what became of it: the coordinator's teams, or the administrator role."""
    return render(
        request,
        "stapteam/toegangsaanvragen.html",
        {
            "wachtend": toegang.aanvragen_voor_beoordeling(request.user),
            "eerder": toegang.aanvragen_van_eigen_teams(request.user)[:50],
        },
    )


@require_POST
@toegang.vereist("stapteam.toegang_bevestigen")
def toegangsaanvraag_beoordelen(request: HttpRequest, pk: int) -> HttpResponse:
    aanvraag = toegang.aanvraag_voor_beoordeling(request.user, pk)
    bevestigd = request.POST.get("besluit") == "bevestigen"
    try:
        services.toegangsaanvraag_beoordelen(
            aanvraag=aanvraag, bevestigd=bevestigd, door=request.user
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            f"{aanvraag.gebruiker}: {aanvraag.get_rol_display().lower()} {aanvraag.waarvoor} "
            f"{'bevestigd' if bevestigd else 'afgewezen'}.",
        )
    return redirect("toegangsaanvragen")


class ToegangslogFilterForm(forms.Form):
    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    client_id = forms.IntegerField(label="Cliënt-id", required=False, min_value=1)
    actie = forms.ChoiceField(label="Actie", required=False, choices=[("", "Alle"), *Actie.choices])
    van = forms.DateField(label="Van", required=False, widget=DatumInput())
    tot = forms.DateField(label="Tot en met", required=False, widget=DatumInput())


@toegang.vereist("stapteam.view_toegangslog")
def toegangslog(request: HttpRequest) -> HttpResponse:
    """The installation-wide access log, for the privacy officer only (oversight)."""
    log_toegang(request, actie=Actie.INZIEN, omschrijving="Installatiebreed toegangslog bekeken")
    form = ToegangslogFilterForm(request.GET or None)
    regels = Toegangslog.objects.select_related("gebruiker", "team")
    if not form.is_valid() or not any(form.cleaned_data.values()):
        # Unfiltered: newest first by the primary key, as the log only grows (see the
        # indexes of Toegangslog); sorting millions of lines by time would take seconds.
        regels = regels.order_by("-id")
    if form.is_valid():
        filters = form.cleaned_data
        if filters["gebruiker"]:
            regels = regels.filter(gebruiker__username=filters["gebruiker"])
        if filters["client_id"]:
            regels = regels.filter(client_id=filters["client_id"])
        if filters["actie"]:
            regels = regels.filter(actie=filters["actie"])
        regels = regels.filter(**op_dagen(filters["van"], filters["tot"]))
    # No page count: counting millions of lines would be most of this page's work.
    pagina = pagina_zonder_telling(regels, 50, request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(
        request,
        "stapteam/toegangslog.html",
        {"form": form, "pagina": pagina, "querystring": zonder_pagina.urlencode()},
    )
