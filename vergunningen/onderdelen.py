"""What permits contribute to the shared mechanisms of the dossier: the caseload signal,
the "Vergunning" section, the AVG inzage and anonymisation. Registered in
``VergunningenConfig.ready``."""

from django.utils import timezone

from clients import dossier, inzage, signalen, stand
from clients.inzage import Sectie
from stapteam.geschiedenis import wijzigingen
from stapteam.toegang import mag
from vergunningen.models import Vergunning
from vergunningen.signalen import VergunningSignaal
from vergunningen.stand import vergunning_kolommen
from vergunningen.toegang import LEZEN, WIJZIGEN

AANVRAGEN = "vergunningen.add_vergunning"


def vergunningsectie(request, client, volledig):
    """Her permits, newest application first. Not for a role without permit details."""
    if not mag(request.user, LEZEN):
        return None
    vandaag = timezone.localdate()
    vergunningen = list(Vergunning.objects.filter(client=client))
    geldig = max(
        (v for v in vergunningen if v.is_geldig_op(vandaag)),
        key=lambda v: (v.besluit_op, v.pk),
        default=None,
    )
    return {
        "vergunningen": vergunningen,
        "geldig": geldig,
        "mag_aanvragen": mag(request.user, AANVRAGEN),
        "mag_wijzigen": mag(request.user, WIJZIGEN),
    }


def registreer_alles() -> None:
    stand.registreer("vergunning", vergunning_kolommen, Vergunning)
    signalen.registreer(VergunningSignaal())
    dossier.registreer(
        dossier.Onderdeel(
            "vergunning",
            "Vergunning",
            "vergunningen/sectie.html",
            vergunningsectie,
            volgorde=40,
        )
    )
    inzage.registreer("vergunningen", inzage_vergunningen)


# --- AVG inzage -----------------------------------------------------------------------


def inzage_vergunningen(client) -> list[Sectie]:
    sectie = Sectie(
        "Vergunningen",
        [
            "Aangevraagd op",
            "Soort",
            "Peildatum",
            "Werkt sinds peildatum",
            "Zorg sinds peildatum",
            "Besluit",
            "Besluit op",
            "Registratienummer",
            "Geldig tot en met",
            "Weigeringsgrond",
            "Reden verlening ondanks de criteria",
            "Bezwaar ingediend op",
            "Bezwaar ingediend door",
            "Status bezwaar",
        ],
    )
    for v in Vergunning.objects.filter(client=client).order_by("aanvraag_op", "pk"):
        sectie.rijen.append(
            [
                v.aanvraag_op,
                v.get_soort_display(),
                v.peildatum,
                "ja" if v.werkt_sinds_peildatum else "nee",
                "ja" if v.zorg_sinds_peildatum else "nee",
                v.get_besluit_display(),
                v.besluit_op,
                v.registratienummer,
                v.geldig_tot,
                v.weigeringsgrond,
                v.afwijking_reden,
                v.bezwaar_op,
                v.bezwaar_door,
                v.get_bezwaar_status_display(),
            ]
        )
    geschiedenis = Sectie(
        "Wijzigingen in vergunningen", ["Tijdstip", "Door", "Soort", "Wijzigingen"]
    )
    for rij in wijzigingen(Vergunning.history.filter(client_id=client.pk)):
        geschiedenis.rijen.append(
            [
                rij["tijdstip"],
                rij["door"],
                rij["soort"],
                "; ".join(f"{w['veld']}: {w['oud']} → {w['nieuw']}" for w in rij["wijzigingen"]),
            ]
        )
    sectie.modellen = (Vergunning,)
    geschiedenis.modellen = (Vergunning.history.model,)
    return [sectie, geschiedenis]
