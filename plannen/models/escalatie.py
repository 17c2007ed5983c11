"""Escalation (opschaling) to the procesregisseur of the Zorg- en Veiligheidshuis."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.models import Client
from plannen.constants import EscalatieStatus
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld


class Escalatie(models.Model):
    """A request to the procesregisseur to break a stalemate.

    While it is open, that procesregisseur may read her summary and this escalation (an
    object grant, ``clients.escalatie_inzien``); closing it takes the access away.
    """

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="escalaties", verbose_name="cliënt"
    )
    procesregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="escalaties",
        verbose_name="procesregisseur",
    )
    aangevraagd_door = medewerker_veld("aangevraagd door")
    aangevraagd_op = models.DateField("aangevraagd op", default=timezone.localdate)
    reden = models.TextField("reden", help_text="Waarom het vastloopt.")
    verzoek = models.TextField("verzoek", help_text="Wat je van de procesregisseur vraagt.")
    status = models.CharField(
        "status",
        max_length=20,
        choices=EscalatieStatus.choices,
        default=EscalatieStatus.AANGEVRAAGD,
    )
    uitkomst = models.TextField("uitkomst", blank=True)
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)
    zonder_toestemming = models.BooleanField(
        "zonder geldige toestemming",
        default=False,
        help_text="Door de coördinator toegestaan zonder toestemming die het ZVH dekt.",
    )
    reden_zonder_toestemming = models.TextField("reden zonder toestemming", blank=True)
    avg = AVG(
        wissen=("reden", "verzoek", "uitkomst", "reden_zonder_toestemming"),
        bewaren=("aangevraagd_op", "status", "afgerond_op"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "escalatie"
        verbose_name_plural = "escalaties"
        ordering = ["-aangevraagd_op", "-id"]
        permissions = [
            (
                "zonder_toestemming",
                "Mag opschalen zonder toestemming die het Zorg- en Veiligheidshuis dekt",
            )
        ]

    def __str__(self) -> str:
        return f"Escalatie van {self.aangevraagd_op:%d-%m-%Y}"

    @property
    def is_open(self) -> bool:
        return self.status != EscalatieStatus.AFGEROND


class Voortgang(models.Model):
    """A progress note on an escalation, by the procesregisseur or the team."""

    escalatie = models.ForeignKey(
        Escalatie, on_delete=models.CASCADE, related_name="voortgang", verbose_name="escalatie"
    )
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now)
    tekst = models.TextField("voortgang")
    door = medewerker_veld("door")
    avg = AVG(wissen=("tekst",), bewaren=("tijdstip",))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "voortgang"
        verbose_name_plural = "voortgang"
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"Voortgang {self.tijdstip:%d-%m-%Y}"
