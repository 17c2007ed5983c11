"""System barriers (knelpunten): what blocked her progress, counted for policy."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import Levensdomein
from clients.models import Client
from plannen.constants import KnelpuntCategorie, KnelpuntStatus
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld


class Knelpunt(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="knelpunten", verbose_name="cliënt"
    )
    datum = models.DateField("datum", default=timezone.localdate)
    levensdomein = models.CharField("levensdomein", max_length=30, choices=Levensdomein.choices)
    categorie = models.CharField("categorie", max_length=40, choices=KnelpuntCategorie.choices)
    omschrijving = models.TextField("wat liep vast")
    status = models.CharField(
        "status", max_length=20, choices=KnelpuntStatus.choices, default=KnelpuntStatus.OPEN
    )
    opgelost_op = models.DateField("opgelost op", null=True, blank=True)
    geregistreerd_door = medewerker_veld("geregistreerd door")
    avg = AVG(
        wissen=("omschrijving",),
        bewaren=("datum", "levensdomein", "categorie", "status", "opgelost_op"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "knelpunt"
        verbose_name_plural = "knelpunten"
        ordering = ["-datum", "-id"]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()} ({self.datum:%d-%m-%Y})"

    def clean(self) -> None:
        fouten = {}
        if self.datum and self.datum > timezone.localdate():
            fouten["datum"] = "De datum ligt in de toekomst."
        if self.status == KnelpuntStatus.OPGELOST and not self.opgelost_op:
            fouten["opgelost_op"] = "Vul in wanneer het is opgelost."
        if self.status != KnelpuntStatus.OPGELOST and self.opgelost_op:
            fouten["opgelost_op"] = "Alleen een opgelost knelpunt heeft een oplosdatum."
        if self.opgelost_op and self.datum and self.opgelost_op < self.datum:
            fouten["opgelost_op"] = "Opgelost vóór het knelpunt ontstond."
        if fouten:
            raise ValidationError(fouten)
