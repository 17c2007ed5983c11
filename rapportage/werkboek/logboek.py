"""The access log lines of the exchange workbook, both directions, from a command or a
page (NEN 7513: an export of personal data, and a bulk change, are logged)."""

from django.http import HttpRequest

from rapportage.werkboek.importeren import Verslag
from stapteam.audit import log_systeem, log_toegang
from stapteam.constants import Actie
from stapteam.models import Team, User


def _loggen(request: HttpRequest | None, **regel) -> None:
    if request is None:
        log_systeem(**regel)
    else:
        log_toegang(request, **regel)


def import_loggen(
    verslag: Verslag, *, gebruiker: User | None, request: HttpRequest | None = None
) -> None:
    if verslag.vastgelegd:
        uitkomst = "geïmporteerd: " + ", ".join(
            f"{blad} {aantal}" for blad, aantal in verslag.aantallen.items()
        )
    elif verslag.geslaagd:
        uitkomst = "proefimport zonder problemen (niets vastgelegd)"
    else:
        uitkomst = f"geweigerd, {verslag.problemen.aantal} problemen (niets vastgelegd)"
    _loggen(
        request,
        actie=Actie.WIJZIGEN,
        gebruiker=gebruiker,
        team=Team.objects.filter(code=verslag.team_code).first(),
        omschrijving=f"Uitwisselwerkboek {verslag.bestandsnaam} {uitkomst}",
    )


def export_loggen(
    team: Team,
    *,
    pad: str,
    aantallen: dict[str, int],
    gebruiker: User | None,
    request: HttpRequest | None = None,
) -> None:
    _loggen(
        request,
        actie=Actie.EXPORTEREN,
        gebruiker=gebruiker,
        team=team,
        omschrijving=f"Uitwisselwerkboek van {team.code} geëxporteerd naar {pad}: "
        f"{aantallen.get('clienten', 0)} cliënten, {aantallen.get('contacten', 0)} contacten",
    )
