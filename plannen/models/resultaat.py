"""Results: dated events of what was achieved, typed from an extendable catalogue."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.models import Client
from plannen.constants import ResultaatGroep
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld


class Resultaattype(models.Model):
    """An entry of the results catalogue; the administrator adds to it."""

    code = models.SlugField("code", max_length=50, unique=True)
    naam = models.CharField("naam", max_length=100)
    groep = models.CharField("groep", max_length=20, choices=ResultaatGroep.choices)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=100)
    actief = models.BooleanField(
        "actief", default=True, help_text="Uitgezet: niet meer te kiezen, wel in rapporten."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "resultaatsoort"
        verbose_name_plural = "resultaatsoorten"
        ordering = ["groep", "volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class Resultaat(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="resultaten", verbose_name="cliënt"
    )
    datum = models.DateField("datum", default=timezone.localdate)
    soort = models.ForeignKey(
        Resultaattype, on_delete=models.PROTECT, related_name="resultaten", verbose_name="soort"
    )
    toelichting = models.TextField("toelichting", blank=True)
    geregistreerd_door = medewerker_veld("geregistreerd door")
    avg = AVG(wissen=("toelichting",), bewaren=("datum",))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["client", "datum"], name="resultaat_client_idx")]

    def __str__(self) -> str:
        return f"{self.soort} ({self.datum:%d-%m-%Y})"

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": "De datum ligt in de toekomst."})
