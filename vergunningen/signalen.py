"""The caseload signal of ONTWERP §4: a valid permit whose holder no longer works on the
zone, or is no longer reached. The permit desk's list must stay current.

Exact definition, with ``grens`` = today minus 3 calendar months (a day that does not
exist in that month becomes its last day: 31 May → 28/29 February):

- **niet op de zone**: she holds a permit valid today, her ``zone_activiteit`` as of
  ``grens`` was ``niet``, and no other value has been registered after ``grens`` (up to
  today). So she has been ``niet`` on every day of the last 3 months; a ``niet``
  registered on ``grens`` itself counts, one registered the day after does not yet.
- **geen contact**: she holds a permit valid today, and her latest realised contact
  (``face_to_face``, ``telefonisch``, ``digitaal``) took place on or before ``grens``;
  or she has had no realised contact at all and has been in view since ``grens`` or
  earlier (someone in view for a shorter time cannot have been unreachable for 3 months).

Whatever her status: a woman who has left (``uitgestroomd``) still holds her permit until
the municipality withdraws it, and that is exactly what the permit desk must hear.

Only for viewers who may see permit details (``vergunningen.view_vergunning``): the
ervaringsdeskundige gets no permit signal at all. Contacts count as the viewer sees them
(``met_laatste_contact_nu``), like the 14-day contact signal.
"""

import datetime as dt

from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from clients.selectors import contact_voor, met_laatste_contact_nu
from clients.signalen import Bron, Signaal, Signaalsoort
from stapteam.datums import maanden_terug
from stapteam.toegang import mag
from vergunningen.constants import SIGNAAL_MAANDEN

PERMISSIE = "vergunningen.view_vergunning"


def signaalgrens(vandaag: dt.date) -> dt.date:
    return maanden_terug(vandaag, SIGNAAL_MAANDEN)


def geldig_vandaag(vandaag: dt.date) -> Q:
    """On a client, from her current state: she holds a permit valid today (see
    ``vergunningen.stand``)."""
    return Q(stand__vergunning_zonder_einde=True) | Q(stand__vergunning_tot__gte=vandaag)


class VergunningSignaal(Bron):
    """A ``clients.signalen.Signaalbron`` (registered in ``VergunningenConfig.ready``).

    Reads her current state: ``zone_niet_sinds`` is the first day of the unbroken run of
    'niet' up to now, so "'niet' as of ``grens`` and nothing else since" is
    ``zone_niet_sinds <= grens``."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        zichtbaar = gebruiker is None or mag(gebruiker, PERMISSIE)
        clienten = met_laatste_contact_nu(clienten, gebruiker=gebruiker).annotate(
            vg_zichtbaar=Value(zichtbaar, output_field=BooleanField())
        )
        zone, contact = self._voorwaarden(vandaag)
        return clienten.annotate(vg_zone_niet=self._vlag(zone), vg_geen_contact=self._vlag(contact))

    @staticmethod
    def _vlag(voorwaarde: Q) -> Case:
        return Case(
            When(voorwaarde, then=Value(True)), default=Value(False), output_field=BooleanField()
        )

    @staticmethod
    def _voorwaarden(vandaag: dt.date) -> tuple[Q, Q]:
        grens = signaalgrens(vandaag)
        houder = Q(vg_zichtbaar=True) & geldig_vandaag(vandaag)
        zone = houder & Q(stand__zone_niet_sinds__lte=grens)
        contact = houder & (
            contact_voor(grens) | Q(laatste_contact__isnull=True, in_beeld_sinds__lte=grens)
        )
        return zone, contact

    def soorten(self, *, vandaag):
        zone, contact = self._voorwaarden(vandaag)
        return [
            Signaalsoort("vergunning_zone", "Vergunning, niet op de zone", zone, 2),
            Signaalsoort("vergunning_contact", "Vergunning, geen contact", contact, 2),
        ]

    def signalen(self, client, *, vandaag):
        uitkomst = []
        if getattr(client, "vg_zone_niet", False):
            uitkomst.append(
                Signaal(
                    "vergunning_zone",
                    f"Vergunning geldig, maar al {SIGNAAL_MAANDEN} maanden niet op de zone",
                    actie="Bespreek of ze de vergunning nog wil; meld het vergunningenloket.",
                )
            )
        if getattr(client, "vg_geen_contact", False):
            laatste = getattr(client, "laatste_contact", None)
            tekst = (
                f"Vergunning geldig, maar geen contact sinds {timezone.localdate(laatste):%d-%m-%Y}"
                if laatste
                else "Vergunning geldig, maar nog nooit contact gehad"
            )
            actie = "Probeer haar te bereiken; is ze uit beeld, meld het vergunningenloket."
            uitkomst.append(Signaal("vergunning_contact", tekst, actie=actie))
        return uitkomst
