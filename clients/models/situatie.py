"""Dated situation facts: housing, intensity of support, zone activity and the like.

Each row says "from ``datum`` on, ``kenmerk`` was ``waarde``". The value as of a date D
is the row with the latest ``datum`` ≤ D (``clients.selectors.situatie_op``). One row
per client, kenmerk and date: a second change on the same day replaces the first.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import KENMERK_WAARDEN, Kenmerk
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld

from .client import Client


class Situatie(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="situaties", verbose_name="cliënt"
    )
    kenmerk = models.CharField("kenmerk", max_length=30, choices=Kenmerk.choices)
    waarde = models.CharField("waarde", max_length=40)
    datum = models.DateField("vanaf", help_text="Vanaf welke datum dit geldt.")
    geregistreerd_door = medewerker_veld("geregistreerd door")
    geregistreerd_op = models.DateTimeField("geregistreerd op", auto_now=True)
    avg = AVG(bewaren=("kenmerk", "waarde", "datum", "geregistreerd_op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "situatie"
        verbose_name_plural = "situatie"
        ordering = ["kenmerk", "-datum"]
        # The unique constraint's index also serves the "as of" lookups.
        constraints = [
            models.UniqueConstraint(
                fields=["client", "kenmerk", "datum"], name="situatie_een_waarde_per_dag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kenmerk_display()}: {self.waarde_label} vanaf {self.datum}"

    @property
    def waarde_label(self) -> str:
        vocabulaire = KENMERK_WAARDEN.get(self.kenmerk)
        try:
            return vocabulaire(self.waarde).label
        except (TypeError, ValueError):
            return self.waarde

    def clean(self) -> None:
        vocabulaire = KENMERK_WAARDEN.get(self.kenmerk)
        if vocabulaire is not None and self.waarde not in vocabulaire.values:
            raise ValidationError(
                {"waarde": f"'{self.waarde}' is geen waarde van {self.get_kenmerk_display()}."}
            )
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": "De datum ligt in de toekomst."})
