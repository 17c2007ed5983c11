"""Results and system barriers, registered from the dossier."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from clients.toegang import client_voor_wijziging
from clients.views.dossier import dossier_formulier, dossier_url
from plannen import services
from plannen.forms import KnelpuntForm, ResultaatForm
from plannen.toegang import knelpunt_voor_gebruiker
from stapteam.formulieren import verwerk
from stapteam.toegang import vereist


@vereist("plannen.add_resultaat")
def resultaat_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, "plannen.add_resultaat")
    form = ResultaatForm(request.POST or None, initial={"datum": timezone.localdate()})
    klaar = verwerk(
        request,
        form,
        lambda data: services.resultaat_vastleggen(client=client, door=request.user, **data),
        melding="Het resultaat is vastgelegd.",
        naar=dossier_url(client) + "#resultaten",
    )
    return klaar or dossier_formulier(
        request, client, form, titel=f"Resultaat van {client.roepnaam} vastleggen"
    )


@vereist("plannen.add_knelpunt")
def knelpunt_nieuw(request: HttpRequest, client_pk: int) -> HttpResponse:
    client = client_voor_wijziging(request, client_pk, "plannen.add_knelpunt")
    form = KnelpuntForm(request.POST or None, initial={"datum": timezone.localdate()})
    klaar = verwerk(
        request,
        form,
        lambda data: services.knelpunt_vastleggen(client=client, door=request.user, **data),
        melding="Het knelpunt is vastgelegd.",
        naar=dossier_url(client) + "#knelpunten",
    )
    return klaar or dossier_formulier(
        request,
        client,
        form,
        titel="Knelpunt vastleggen",
        uitleg="Wat in het systeem de voortgang blokkeerde. De gemeente ziet knelpunten alleen "
        "geteld, als input voor beleid.",
    )


@vereist("plannen.change_knelpunt")
def knelpunt_wijzigen(request: HttpRequest, client_pk: int, knelpunt_pk: int) -> HttpResponse:
    client, knelpunt = knelpunt_voor_gebruiker(
        request, client_pk, knelpunt_pk, "plannen.change_knelpunt"
    )
    form = KnelpuntForm(request.POST or None, instance=knelpunt, nieuw=False)
    klaar = verwerk(
        request,
        form,
        lambda data: services.knelpunt_wijzigen(knelpunt=knelpunt, door=request.user, **data),
        melding="Het knelpunt is bijgewerkt.",
        naar=dossier_url(client) + "#knelpunten",
    )
    return klaar or dossier_formulier(request, client, form, titel="Knelpunt bijwerken")
