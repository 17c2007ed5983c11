"""Organisations, municipalities and teams, and the object grants that tie users to them."""

import datetime as dt
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from guardian.models import UserObjectPermissionBase
from simple_history.models import HistoricalRecords


class Organisatie(models.Model):
    """A care or partner organisation (Leger des Heils, IrisZorg, Zorg- en Veiligheidshuis…).

    Staff belong to one; consent forms name the organisations data may be shared with.
    """

    code = models.SlugField(
        "code", max_length=50, unique=True, help_text="Korte code, bijvoorbeeld 'iriszorg'."
    )
    naam = models.CharField("naam", max_length=200)
    actief = models.BooleanField("actief", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A municipality. Its teams' aggregate figures are what its policy staff see."""

    naam = models.CharField("naam", max_length=100, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        # Granted per municipality (never globally) to gemeente and procesregisseur users.
        permissions = [("aggregaten_inzien", "Mag de geaggregeerde cijfers inzien")]

    def __str__(self) -> str:
        return self.naam


class Team(models.Model):
    """An outreach team such as 'Stapteam Nijmegen'. Every client belongs to one team."""

    naam = models.CharField("naam", max_length=100, unique=True)
    code = models.SlugField(
        "code",
        max_length=50,
        unique=True,
        help_text="Korte code voor exports en de opdrachtregel, bijvoorbeeld 'stapteam-nijmegen'.",
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="teams", verbose_name="gemeente"
    )
    onderdrukkingsdrempel = models.PositiveSmallIntegerField(
        "onderdrukkingsdrempel",
        default=5,
        validators=[MinValueValidator(1)],
        help_text="Aantallen kleiner dan dit toont de gemeente als '<N', zodat niemand "
        "herkenbaar wordt.",
    )
    # Permits and budget (ONTWERP §4 and §5): per team, because each municipality sets them.
    vergunning_peildatum = models.DateField(
        "peildatum vergunningcriteria",
        default=dt.date(2020, 1, 1),
        help_text="Een aanvrager moet sinds deze datum in de gemeente als straatsekswerker "
        "hebben gewerkt of het zorgaanbod hebben gebruikt.",
    )
    goedkeuringsdrempel = models.DecimalField(
        "goedkeuringsdrempel",
        max_digits=10,
        decimal_places=2,
        default=Decimal("250.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Uitgaven boven dit bedrag (in euro) wachten op goedkeuring van de coördinator.",
    )
    max_time_outs_per_jaar = models.PositiveSmallIntegerField(
        "maximum time-outs per jaar",
        default=6,
        validators=[MinValueValidator(1)],
        help_text="Meer time-outs in een kalenderjaar kan alleen de coördinator toestaan, "
        "met een reden.",
    )
    actief = models.BooleanField("actief", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["naam"]
        # Granted per team (never globally) to its casemanagers, peer workers and coordinator.
        permissions = [("teamlid", "Is lid van het team")]

    def __str__(self) -> str:
        return self.naam


class TeamLidmaatschap(UserObjectPermissionBase):
    """Guardian's per-object grant of a Team permission, with a real foreign key.

    A direct foreign key (instead of guardian's generic text key) lets the access
    functions join clients to their team's members in one indexed query.
    """

    content_object = models.ForeignKey(Team, on_delete=models.CASCADE)
    history = HistoricalRecords()

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "teamlidmaatschap"
        verbose_name_plural = "teamlidmaatschappen"


class GemeenteToegang(UserObjectPermissionBase):
    """Guardian's per-object grant of a Gemeente permission (the aggregate figures)."""

    content_object = models.ForeignKey(Gemeente, on_delete=models.CASCADE)
    history = HistoricalRecords()

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "toegang tot gemeentecijfers"
        verbose_name_plural = "toegang tot gemeentecijfers"
