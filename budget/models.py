"""Budgets, spends (uitgaven) and time-outs (ONTWERP §5).

Every euro that leaves a budget is a row of ``Uitgave``: an ordinary spend, a correction
(a negative counter-entry linked to the spend it corrects) or the charge of a time-out.
So the balance of a budget is one sum over one table, in the database, and the rule
"never below zero" is checked in one place (``budget.services``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from budget.constants import MAX_TIMEOUT_DAGEN, BudgetSoort, Categorie, UitgaveStatus
from budget.geld import geldveld
from clients.models import Client
from stapteam.avg import AVG
from stapteam.bestanden import soort_van
from stapteam.models import Team
from stapteam.models.velden import medewerker_veld


class Budget(models.Model):
    """A team's flex budget or time-out budget for a period."""

    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="budgetten", verbose_name="team"
    )
    naam = models.CharField(
        "naam", max_length=100, help_text="Uniek binnen het team, bijvoorbeeld 'Flexbudget 2025'."
    )
    soort = models.CharField("soort", max_length=20, choices=BudgetSoort.choices)
    van = models.DateField("van")
    tot = models.DateField("tot en met")
    bedrag = geldveld("bedrag", help_text="Het totale budget in euro.")
    aangemaakt_door = medewerker_veld("aangemaakt door")
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetten"
        ordering = ["-van", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "naam"],
                name="budget_naam_uniek_in_team",
                violation_error_message="Het team heeft al een budget met deze naam.",
            ),
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")),
                name="budget_periode_oplopend",
                violation_error_message="'Tot en met' ligt vóór 'van'.",
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag__gt=0),
                name="budget_bedrag_positief",
                violation_error_message="Het bedrag moet groter dan nul zijn.",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def periode(self) -> str:
        return f"{self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"

    def bevat(self, datum) -> bool:
        return self.van <= datum <= self.tot

    def clean(self) -> None:
        if self.van and self.tot and self.tot < self.van:
            raise ValidationError({"tot": "'Tot en met' ligt vóór 'van'."})


def timeout_dagen(van, tot) -> int:
    """Days of a stay from ``van`` to ``tot``, both included; at most 14."""
    if tot < van:
        raise ValidationError({"tot": "'Tot en met' ligt vóór de begindatum."})
    dagen = (tot - van).days + 1
    if dagen > MAX_TIMEOUT_DAGEN:
        raise ValidationError(
            {
                "tot": f"Een time-out duurt hoogstens {MAX_TIMEOUT_DAGEN} dagen; deze duurt "
                f"{dagen} dagen (begin- en einddag meegeteld)."
            }
        )
    return dagen


class TimeOut(models.Model):
    """A stay of at most 14 days in a time-out facility, priced per day.

    Its cost (days × day rate) is charged as an approved ``Uitgave`` on its start date
    to the team's time-out budget (``uitgave``, the reverse of ``Uitgave.timeout``).
    """

    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="time_outs", verbose_name="cliënt"
    )
    locatie = models.CharField(
        "locatie", max_length=200, help_text="Bijvoorbeeld 'Het Hoogeland, Beekbergen'."
    )
    van = models.DateField("van")
    tot = models.DateField("tot en met")
    dagen = models.PositiveSmallIntegerField("dagen", editable=False)
    dagtarief = geldveld("dagtarief", help_text="Prijs per dag in euro.")
    limiet_reden = models.TextField(
        "reden boven het jaarmaximum",
        blank=True,
        help_text="Waarom de coördinator meer time-outs dan het jaarmaximum toestond.",
    )
    geregistreerd_door = medewerker_veld("geregistreerd door")
    aangemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    avg = AVG(wissen=("limiet_reden",), bewaren=("locatie", "van", "tot", "aangemaakt_op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "time-out"
        verbose_name_plural = "time-outs"
        ordering = ["-van", "-id"]
        indexes = [models.Index(fields=["client", "van"], name="timeout_client_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dagen__gte=1, dagen__lte=MAX_TIMEOUT_DAGEN),
                name="timeout_hoogstens_14_dagen",
                violation_error_message=f"Een time-out duurt 1 tot {MAX_TIMEOUT_DAGEN} dagen.",
            ),
            models.CheckConstraint(
                condition=models.Q(dagtarief__gt=0),
                name="timeout_dagtarief_positief",
                violation_error_message="Het dagtarief moet groter dan nul zijn.",
            ),
        ]
        permissions = [
            (
                "timeout_limiet_overschrijden",
                "Mag meer time-outs dan het jaarmaximum toestaan, met een reden",
            )
        ]

    def __str__(self) -> str:
        return f"Time-out {self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"

    @property
    def kosten(self):
        return self.dagen * self.dagtarief

    def clean(self) -> None:
        if self.van and self.tot and self.dagen != timeout_dagen(self.van, self.tot):
            raise ValidationError({"tot": "Het aantal dagen klopt niet met de datums."})


class Uitgave(models.Model):
    """Money out of a budget: a spend, a counter-entry correcting one, or a time-out."""

    budget = models.ForeignKey(
        Budget, on_delete=models.PROTECT, related_name="uitgaven", verbose_name="budget"
    )
    datum = models.DateField("datum")
    bedrag = geldveld(
        "bedrag", help_text="In euro. Een correctie is negatief: zij vermindert de uitgave."
    )
    categorie = models.CharField(
        "categorie",
        max_length=20,
        choices=Categorie.choices,
        blank=True,
        help_text="Leeg alleen bij de kosten van een time-out.",
    )
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgaven",
        verbose_name="cliënt",
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgaven",
        verbose_name="medewerker",
        help_text="Wie het geld uitgaf. Leeg alleen bij een ingelezen time-out.",
    )
    bonnetje = models.FileField("bonnetje", upload_to="bonnetjes/", blank=True)
    status = models.CharField(
        "status", max_length=20, choices=UitgaveStatus.choices, default=UitgaveStatus.INGEDIEND
    )
    beoordeeld_door = medewerker_veld("beoordeeld door")
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    beoordeling_toelichting = models.TextField(
        "toelichting beoordeling", blank=True, help_text="Verplicht bij afwijzen."
    )
    correctie_van = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correcties",
        verbose_name="correctie van",
    )
    timeout = models.OneToOneField(
        TimeOut,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitgave",
        verbose_name="time-out",
    )
    geregistreerd_door = medewerker_veld("geregistreerd door")
    aangemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    avg = AVG(
        wissen=("omschrijving", "bonnetje", "beoordeling_toelichting"),
        bewaren=("datum", "categorie", "status", "beoordeeld_op", "aangemaakt_op"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "uitgave"
        verbose_name_plural = "uitgaven"
        ordering = ["-datum", "-id"]
        indexes = [
            models.Index(fields=["budget", "status", "datum"], name="uitgave_budget_idx"),
            # A budget's spends newest first, a page at a time (the budget page).
            models.Index(fields=["budget", "-datum", "-id"], name="uitgave_budget_datum_idx"),
            models.Index(fields=["client", "datum"], name="uitgave_client_idx"),
        ]
        constraints = [
            # A spend is positive; a counter-entry negative and linked to what it corrects.
            models.CheckConstraint(
                condition=models.Q(correctie_van__isnull=True, bedrag__gt=0)
                | models.Q(correctie_van__isnull=False, bedrag__lt=0),
                name="uitgave_bedrag_teken",
                violation_error_message="Het bedrag moet groter dan nul zijn.",
            ),
            models.CheckConstraint(
                condition=models.Q(timeout__isnull=False, categorie="")
                | (models.Q(timeout__isnull=True) & ~models.Q(categorie="")),
                name="uitgave_categorie_of_timeout",
                violation_error_message="Kies een categorie.",
            ),
        ]
        permissions = [
            (
                "uitgave_goedkeuren",
                "Mag uitgaven boven de drempel goedkeuren of afwijzen en elke uitgave corrigeren",
            )
        ]

    def __str__(self) -> str:
        return f"Uitgave van {self.datum:%d-%m-%Y}"

    @property
    def bonnetje_soort(self) -> str:
        return soort_van(self.bonnetje.name) if self.bonnetje else ""

    @property
    def is_correctie(self) -> bool:
        return self.correctie_van_id is not None

    @property
    def is_timeout(self) -> bool:
        return self.timeout_id is not None

    @property
    def categorie_label(self) -> str:
        return "Time-out" if self.is_timeout else self.get_categorie_display()

    def clean(self) -> None:
        fouten = {}
        if self.datum and self.budget_id and not self.budget.bevat(self.datum):
            fouten["datum"] = (
                f"De datum valt buiten de periode van {self.budget} ({self.budget.periode})."
            )
        if self.timeout_id is None and not self.categorie:
            fouten["categorie"] = "Kies een categorie."
        if self.client_id and self.budget_id and self.client.team_id != self.budget.team_id:
            fouten["client"] = "Deze cliënt hoort niet bij het team van dit budget."
        if self.datum and self.timeout_id is None and self.datum > timezone.localdate():
            fouten["datum"] = "De datum ligt in de toekomst. Leg een uitgave vast als ze gedaan is."
        if fouten:
            raise ValidationError(fouten)
