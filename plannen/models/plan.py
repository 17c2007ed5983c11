"""The plan van aanpak, its goals per life domain and the actions of each goal."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import Levensdomein
from clients.models import Client
from plannen.constants import ActiepuntStatus, DoelStatus, Methodiek, PlanStatus, Wie
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld


class Plan(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="plannen", verbose_name="cliënt"
    )
    opgesteld_op = models.DateField("opgesteld op", default=timezone.localdate)
    met_client = models.BooleanField(
        "samen met haar opgesteld", default=True, help_text="Is het plan met de cliënt gemaakt?"
    )
    status = models.CharField(
        "status", max_length=20, choices=PlanStatus.choices, default=PlanStatus.CONCEPT
    )
    evaluatie_op = models.DateField(
        "volgende evaluatie",
        null=True,
        blank=True,
        help_text="Wanneer het plan weer wordt besproken.",
    )
    afgesloten_op = models.DateField("afgesloten op", null=True, blank=True)
    methodieken = models.JSONField("methodieken", default=list, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    opgesteld_door = medewerker_veld("opgesteld door")
    avg = AVG(
        wissen=("toelichting",),
        bewaren=("opgesteld_op", "status", "evaluatie_op", "afgesloten_op", "methodieken"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "plan van aanpak"
        verbose_name_plural = "plannen van aanpak"
        ordering = ["-opgesteld_op", "-id"]
        constraints = [
            # One plan at a time is being worked on; earlier ones are closed.
            models.UniqueConstraint(
                fields=["client"],
                condition=~models.Q(status=PlanStatus.AFGESLOTEN),
                name="plan_een_lopend_per_client",
                violation_error_message="Zij heeft al een lopend plan; sluit dat eerst af.",
            )
        ]

    def __str__(self) -> str:
        return f"Plan van aanpak van {self.opgesteld_op:%d-%m-%Y}"

    @property
    def methodiek_labels(self) -> list[str]:
        return [Methodiek(m).label for m in self.methodieken if m in Methodiek.values]

    def clean(self) -> None:
        fouten = {}
        if self.opgesteld_op and self.opgesteld_op > timezone.localdate():
            fouten["opgesteld_op"] = "De datum ligt in de toekomst."
        if self.evaluatie_op and self.opgesteld_op and self.evaluatie_op < self.opgesteld_op:
            fouten["evaluatie_op"] = "De evaluatie ligt vóór de datum van opstellen."
        if self.afgesloten_op and self.opgesteld_op and self.afgesloten_op < self.opgesteld_op:
            fouten["afgesloten_op"] = "Het plan is afgesloten vóór het werd opgesteld."
        if self.afgesloten_op and self.status != PlanStatus.AFGESLOTEN:
            fouten["afgesloten_op"] = "Alleen een afgesloten plan heeft een afsluitdatum."
        onbekend = [m for m in self.methodieken or [] if m not in Methodiek.values]
        if not isinstance(self.methodieken, list) or onbekend:
            fouten["methodieken"] = f"Onbekende methodiek: {', '.join(map(str, onbekend))}."
        if fouten:
            raise ValidationError(fouten)


class Doel(models.Model):
    """A goal in one life domain, in her own words.

    Goals belong to the client (the reports count clients with a goal per domain); the
    plan they were set in is recorded when known.
    """

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="doelen", verbose_name="cliënt"
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="doelen",
        verbose_name="plan",
    )
    levensdomein = models.CharField("levensdomein", max_length=30, choices=Levensdomein.choices)
    omschrijving = models.TextField("doel", help_text="In haar eigen woorden.")
    status = models.CharField(
        "status", max_length=20, choices=DoelStatus.choices, default=DoelStatus.OPEN
    )
    gesteld_op = models.DateField("gesteld op", default=timezone.localdate)
    avg = AVG(wissen=("omschrijving",), bewaren=("levensdomein", "status", "gesteld_op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["levensdomein", "gesteld_op", "id"]
        indexes = [models.Index(fields=["client", "levensdomein"], name="doel_client_idx")]

    def __str__(self) -> str:
        return f"{self.get_levensdomein_display()}: {self.omschrijving[:60]}"

    def clean(self) -> None:
        if self.gesteld_op and self.gesteld_op > timezone.localdate():
            raise ValidationError({"gesteld_op": "De datum ligt in de toekomst."})
        if self.plan_id and self.client_id and self.plan.client_id != self.client_id:
            raise ValidationError({"plan": "Dit plan is van een andere cliënt."})


class Actiepunt(models.Model):
    """Who does what by when, for one goal."""

    doel = models.ForeignKey(
        Doel, on_delete=models.CASCADE, related_name="actiepunten", verbose_name="doel"
    )
    wie = models.CharField("wie", max_length=30, choices=Wie.choices)
    omschrijving = models.CharField("wat", max_length=300)
    uiterlijk_op = models.DateField("uiterlijk op", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=ActiepuntStatus.choices, default=ActiepuntStatus.OPEN
    )
    avg = AVG(wissen=("omschrijving",), bewaren=("wie", "uiterlijk_op", "status"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "actiepunt"
        verbose_name_plural = "actiepunten"
        ordering = ["uiterlijk_op", "id"]

    def __str__(self) -> str:
        return f"{self.get_wie_display()}: {self.omschrijving}"
