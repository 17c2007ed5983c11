"""Her current state (stand): what the caseload and the signals need, one row per client.

Derived from her records, never entered: every save of such a record updates it in the
same transaction (``clients.stand``), and ``manage.py herbouw_stand`` recomputes it from
the records. It holds dates, never "how long ago": whether a date is too old is decided
in the query against today, so the row stays right as days pass without anyone writing.

The history tables stay the source for anything "as of" an earlier date (reports).
Kept in its own table rather than on Client: Client has a history, and a new contact
must not write a historical client row.
"""

from django.db import models

from clients.constants import Kenmerk
from stapteam.avg import AVG

from .client import Client


def _situatie(kenmerk: Kenmerk) -> models.CharField:
    return models.CharField(
        kenmerk.label.lower(), max_length=40, null=True, blank=True, editable=False
    )


class ClientStand(models.Model):
    client = models.OneToOneField(
        Client,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stand",
        verbose_name="cliënt",
    )
    # Her situation now: per kenmerk the value with the latest date (dates are never in
    # the future, so the latest is the one that applies today and from then on).
    woonsituatie = _situatie(Kenmerk.WOONSITUATIE)
    intensiteit = _situatie(Kenmerk.INTENSITEIT)
    zone_activiteit = _situatie(Kenmerk.ZONE_ACTIVITEIT)
    uitstap_status = _situatie(Kenmerk.UITSTAP_STATUS)
    bewindvoering = _situatie(Kenmerk.BEWINDVOERING)
    budgetbeheer = _situatie(Kenmerk.BUDGETBEHEER)
    zorgverzekering = _situatie(Kenmerk.ZORGVERZEKERING)
    tevredenheid = _situatie(Kenmerk.TEVREDENHEID)
    zone_niet_sinds = models.DateField(
        "niet op de zone sinds",
        null=True,
        editable=False,
        help_text="Begin van de ononderbroken reeks 'niet' tot nu; leeg als de laatste "
        "waarde iets anders is.",
    )
    # Contacts: the latest realised one, and the latest that is not confidential (what
    # the peer worker sees).
    laatste_contact = models.DateTimeField("laatste contact", null=True, editable=False)
    laatste_open_contact = models.DateTimeField(
        "laatste niet-vertrouwelijke contact", null=True, editable=False
    )
    # Consent: the dates of her most recently signed form (none signed: all empty).
    toestemming_ondertekend_op = models.DateField(
        "toestemming ondertekend op", null=True, editable=False
    )
    toestemming_geldig_tot = models.DateField("toestemming geldig tot", null=True, editable=False)
    toestemming_ingetrokken_op = models.DateField(
        "toestemming ingetrokken op", null=True, editable=False
    )
    # Permits: a granted permit is valid from its decision (never in the future) up to
    # its end date; these two say until when she holds one.
    vergunning_tot = models.DateField(
        "vergunning geldig tot en met",
        null=True,
        editable=False,
        help_text="De laatste einddatum van haar verleende vergunningen.",
    )
    vergunning_zonder_einde = models.BooleanField(
        "vergunning zonder einddatum", default=False, db_default=False, editable=False
    )
    # Support.
    plan_evaluatie = models.DateField("evaluatie actief plan", null=True, editable=False)
    laatste_zrm = models.DateField("laatste ZRM", null=True, editable=False)

    # Only codes and dates, derived from records that keep them too.
    avg = AVG(
        bewaren=(
            *Kenmerk.values,
            "zone_niet_sinds",
            "laatste_contact",
            "laatste_open_contact",
            "toestemming_ondertekend_op",
            "toestemming_geldig_tot",
            "toestemming_ingetrokken_op",
            "vergunning_tot",
            "plan_evaluatie",
            "laatste_zrm",
        )
    )

    class Meta:
        verbose_name = "huidige stand"
        verbose_name_plural = "huidige stand"
        # The signals compare these with a date; the caseload reaches them through the
        # primary key, a national query through these.
        indexes = [
            models.Index(fields=["laatste_contact"], name="stand_laatste_contact_idx"),
            models.Index(fields=["toestemming_geldig_tot"], name="stand_toestemming_idx"),
            models.Index(fields=["vergunning_tot"], name="stand_vergunning_idx"),
            models.Index(fields=["plan_evaluatie"], name="stand_plan_evaluatie_idx"),
            models.Index(fields=["laatste_zrm"], name="stand_laatste_zrm_idx"),
        ]

    def __str__(self) -> str:
        return f"Huidige stand van {self.client_id}"
