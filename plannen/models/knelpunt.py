"""System barriers (knelpunten): what blocked her progress, counted for policy, by a
category of a vocabulary the administrator extends."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import Levensdomein
from clients.models import Client
from plannen.constants import KnelpuntStatus
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld


class Knelpuntcategorie(models.Model):
    """A category of system barriers (ONTWERP §3); the administrator adds to the list.

    Switched off (``actief``), a category can no longer be chosen for a barrier, but the
    barriers already in it keep it and keep counting in every report.
    """

    code = models.SlugField("code", max_length=50, unique=True)
    naam = models.CharField("naam", max_length=100)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=100)
    actief = models.BooleanField(
        "actief", default=True, help_text="Uitgezet: niet meer te kiezen, wel in rapporten."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "knelpuntcategorie"
        verbose_name_plural = "knelpuntcategorieën"
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Knelpunt(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="knelpunten", verbose_name="cliënt"
    )
    datum = models.DateField("datum", default=timezone.localdate)
    levensdomein = models.CharField("levensdomein", max_length=30, choices=Levensdomein.choices)
    categorie = models.ForeignKey(
        Knelpuntcategorie,
        on_delete=models.PROTECT,
        related_name="knelpunten",
        verbose_name="categorie",
    )
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
        return f"{self.categorie} ({self.datum:%d-%m-%Y})"

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
