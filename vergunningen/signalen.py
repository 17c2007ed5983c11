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
(``met_laatste_contact``), like the 14-day contact signal.
"""

import datetime as dt

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from clients.constants import Kenmerk, ZoneActiviteit
from clients.models import Situatie
from clients.selectors import met_laatste_contact
from clients.signalen import Bron, Signaal, Signaalsoort
from stapteam.datums import maanden_terug
from stapteam.toegang import mag
from vergunningen.constants import SIGNAAL_MAANDEN
from vergunningen.selectors import heeft_geldige_vergunning

PERMISSIE = "vergunningen.view_vergunning"


def signaalgrens(vandaag: dt.date) -> dt.date:
    return maanden_terug(vandaag, SIGNAAL_MAANDEN)


class VergunningSignaal(Bron):
    """A ``clients.signalen.Signaalbron`` (registered in ``VergunningenConfig.ready``)."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        if gebruiker is not None and not mag(gebruiker, PERMISSIE):
            onwaar = Value(False, output_field=BooleanField())
            return clienten.annotate(vg_zone_niet=onwaar, vg_geen_contact=onwaar)
        grens = signaalgrens(vandaag)
        zone = Situatie.objects.filter(client=OuterRef("pk"), kenmerk=Kenmerk.ZONE_ACTIVITEIT)
        clienten = met_laatste_contact(clienten, gebruiker=gebruiker)
        clienten = clienten.annotate(
            _vg_geldig=heeft_geldige_vergunning(vandaag),
            _vg_zone_op_grens=Subquery(
                zone.filter(datum__lte=grens).order_by("-datum").values("waarde")[:1]
            ),
            _vg_zone_anders_sinds=Exists(
                zone.filter(datum__gt=grens, datum__lte=vandaag).exclude(waarde=ZoneActiviteit.NIET)
            ),
        )
        return clienten.annotate(
            vg_zone_niet=Case(
                When(
                    Q(_vg_geldig=True, _vg_zone_op_grens=ZoneActiviteit.NIET)
                    & Q(_vg_zone_anders_sinds=False),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
            vg_geen_contact=Case(
                When(
                    Q(_vg_geldig=True)
                    & (
                        Q(laatste_contact__date__lte=grens)
                        | Q(laatste_contact__isnull=True, in_beeld_sinds__lte=grens)
                    ),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )

    def soorten(self, *, vandaag):
        return [
            Signaalsoort("vergunning_zone", "Vergunning, niet op de zone", Q(vg_zone_niet=True), 2),
            Signaalsoort(
                "vergunning_contact", "Vergunning, geen contact", Q(vg_geen_contact=True), 2
            ),
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
