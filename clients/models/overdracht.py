"""Who had whom: every change of a client's primary casemanager, with its note."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld

from .client import Client


class Overdracht(models.Model):
    """A handover ("warme overdracht") from one casemanager to another.

    The first assignment is recorded too (``van`` empty), so the list of handovers is
    the complete history of her casemanagers.
    """

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="overdrachten", verbose_name="cliënt"
    )
    van = medewerker_veld("van")
    naar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="naar",
    )
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    notitie = models.TextField("overdrachtsnotitie", blank=True)
    door = medewerker_veld("door")
    avg = AVG(wissen=("notitie",), bewaren=("tijdstip",))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "overdracht"
        verbose_name_plural = "overdrachten"
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"Overdracht {self.tijdstip:%d-%m-%Y}"
