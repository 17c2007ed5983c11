"""The signed consent form (toestemmingsformulier) and its derived status."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import TOESTEMMING_WAARSCHUWING_DAGEN, ToestemmingStatus
from stapteam.avg import AVG
from stapteam.bestanden import soort_van
from stapteam.models import Organisatie
from stapteam.models.velden import medewerker_veld

from .client import Client


def toestemming_status(
    *, geldig_tot: dt.date | None, ingetrokken_op: dt.date | None, op: dt.date
) -> ToestemmingStatus:
    """The status of one consent form on date ``op`` (the boundaries, in one place).

    Withdrawn from its withdrawal date on; expired the day after ``geldig_tot``; expiring
    from 30 days before ``geldig_tot`` up to and including that day.
    """
    if ingetrokken_op is not None and ingetrokken_op <= op:
        return ToestemmingStatus.INGETROKKEN
    if geldig_tot is not None:
        if geldig_tot < op:
            return ToestemmingStatus.VERLOPEN
        if geldig_tot <= op + dt.timedelta(days=TOESTEMMING_WAARSCHUWING_DAGEN):
            return ToestemmingStatus.VERLOOPT_BINNENKORT
    return ToestemmingStatus.GELDIG


class Toestemming(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="toestemmingen", verbose_name="cliënt"
    )
    ondertekend_op = models.DateField("ondertekend op")
    versie = models.CharField(
        "versie formulier", max_length=30, help_text="Versie van het toestemmingsformulier."
    )
    geldig_tot = models.DateField(
        "geldig tot",
        null=True,
        blank=True,
        help_text="Leeg als het formulier geen einddatum heeft.",
    )
    partijen = models.ManyToManyField(
        Organisatie,
        related_name="+",
        verbose_name="partijen",
        help_text="Met wie gegevens gedeeld mogen worden.",
    )
    scan = models.FileField("scan", upload_to="toestemmingen/", blank=True)
    ingetrokken_op = models.DateField("ingetrokken op", null=True, blank=True)
    vastgelegd_door = medewerker_veld("vastgelegd door")
    gecontroleerd_door = medewerker_veld("gecontroleerd door")
    gecontroleerd_op = models.DateField("gecontroleerd op", null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    avg = AVG(
        wissen=("scan",),
        bewaren=(
            "ondertekend_op",
            "versie",
            "geldig_tot",
            "ingetrokken_op",
            "gecontroleerd_op",
            "aangemaakt_op",
        ),
    )
    history = HistoricalRecords(m2m_fields=[partijen])

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-ondertekend_op", "-id"]
        indexes = [
            models.Index(fields=["client", "ondertekend_op"], name="toestemming_client_idx"),
        ]
        permissions = [("scan_inzien", "Mag de scan van het toestemmingsformulier openen")]

    def __str__(self) -> str:
        return f"Toestemming {self.versie} van {self.ondertekend_op:%d-%m-%Y}"

    @property
    def scan_soort(self) -> str:
        return soort_van(self.scan.name) if self.scan else ""

    def status_op(self, op: dt.date | None = None) -> ToestemmingStatus:
        return toestemming_status(
            geldig_tot=self.geldig_tot,
            ingetrokken_op=self.ingetrokken_op,
            op=op or timezone.localdate(),
        )

    def clean(self) -> None:
        fouten = {}
        vandaag = timezone.localdate()
        if self.ondertekend_op and self.ondertekend_op > vandaag:
            fouten["ondertekend_op"] = "De ondertekendatum ligt in de toekomst."
        if self.geldig_tot and self.ondertekend_op and self.geldig_tot < self.ondertekend_op:
            fouten["geldig_tot"] = "'Geldig tot' ligt vóór de ondertekendatum."
        if self.ingetrokken_op:
            if self.ingetrokken_op > vandaag:
                fouten["ingetrokken_op"] = "De intrekdatum ligt in de toekomst."
            elif self.ondertekend_op and self.ingetrokken_op < self.ondertekend_op:
                fouten["ingetrokken_op"] = "De intrekdatum ligt vóór de ondertekendatum."
        if fouten:
            raise ValidationError(fouten)
