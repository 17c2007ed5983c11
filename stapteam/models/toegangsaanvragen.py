"""A request to give an account a role with client content in a team, or the
administrator role (four eyes).

An administrator never gives herself or anyone else client access with immediate
effect: giving an account a team role in a team, or moving it into one, is stored as a
request that the team's coordinator confirms (``stapteam.services``). A team without a
coordinator gets its first one confirmed by a second, different administrator.

The administrator role itself is a request without a team: it takes effect only when a
different administrator, who was one before the request was made, confirms it. The
very first administrator is made from the command line (``manage.py maak_beheerder``);
that is registered here too, as confirmed without anyone deciding.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from stapteam.constants import AanvraagStatus, Rol

from .organisaties import Team


class Toegangsaanvraag(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="toegangsaanvragen",
        verbose_name="account",
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toegangsaanvragen",
        verbose_name="team",
        help_text="Leeg bij een aanvraag voor de rol beheerder.",
    )
    rol = models.CharField("rol", max_length=30, choices=Rol.choices)
    status = models.CharField(
        "status", max_length=20, choices=AanvraagStatus.choices, default=AanvraagStatus.WACHT
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangevraagd door",
        help_text="Leeg: vanaf de opdrachtregel (de eerste beheerder).",
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    reden = models.CharField(
        "reden",
        max_length=200,
        blank=True,
        help_text="Waarom de aanvraag er is, bijvoorbeeld 'nieuw account' of "
        "'tweestapsverificatie gereset'.",
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "toegangsaanvraag"
        verbose_name_plural = "toegangsaanvragen"
        ordering = ["-aangevraagd_op", "-id"]
        permissions = [("toegang_bevestigen", "Mag toegang tot een team bevestigen")]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} {self.waarvoor} voor {self.gebruiker}"

    @property
    def waarvoor(self) -> str:
        """'in Stapteam Nijmegen', or for the administrator role the installation."""
        return f"in {self.team}" if self.team_id else "van de hele installatie"
