"""The register of disclosures (verstrekkingen): every time her data leaves the team.

One entry per client per disclosure: to whom, what, why, and on which basis — her
valid consent naming the recipient, the coordinator's override with a reason, or her
own request (inzage). Written by ``clients.services.verstrekking_vastleggen`` only;
shown on her access log page and in her inzage export. Append-only: no history.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from clients.constants import Grondslag
from stapteam.avg import AVG
from stapteam.models import Organisatie

from .client import Client
from .toestemming import Toestemming


class Verstrekking(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="verstrekkingen", verbose_name="cliënt"
    )
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    ontvanger = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aan",
        help_text="Leeg: aan de cliënt zelf (inzage).",
    )
    wat = models.CharField("wat", max_length=200)
    waarom = models.CharField("waarom", max_length=200)
    grondslag = models.CharField("grondslag", max_length=20, choices=Grondslag.choices)
    toestemming = models.ForeignKey(
        Toestemming,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verstrekkingen",
        verbose_name="op toestemming",
    )
    reden_zonder_toestemming = models.TextField("reden zonder toestemming", blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="door",
    )
    avg = AVG(
        wissen=("reden_zonder_toestemming",),
        bewaren=("tijdstip", "wat", "waarom", "grondslag"),
    )

    class Meta:
        verbose_name = "verstrekking"
        verbose_name_plural = "verstrekkingen"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.wat} aan {self.ontvanger or 'de cliënt zelf'}"
