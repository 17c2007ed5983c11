"""The access log: who looked at, searched, downloaded or exported what, and when.

Append-only. The model refuses updates and deletes, the admin shows it read-only, and
on PostgreSQL a trigger refuses UPDATE and DELETE as well (migration 0003).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from stapteam.constants import Actie, Rol

from .organisaties import Team
from .velden import TijdreeksIndex


class AlleenToevoegen(Exception):
    """Raised on any attempt to change or remove a line of the access log."""


class ToegangslogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AlleenToevoegen("Het toegangslog kan niet worden gewijzigd.")

    def delete(self):
        raise AlleenToevoegen("Het toegangslog kan niet worden verwijderd.")


class Toegangslog(models.Model):
    tijdstip = models.DateTimeField("tijdstip", default=timezone.now, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="gebruiker",
        help_text="Leeg bij een mislukte inlogpoging.",
    )
    # The role and team at the moment of access: later changes must not rewrite the past.
    rol = models.CharField("rol", max_length=30, blank=True)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, related_name="+", verbose_name="team"
    )
    actie = models.CharField("actie", max_length=30, choices=Actie.choices)
    object_type = models.CharField(
        "soort object", max_length=100, blank=True, help_text="Bijvoorbeeld 'clients.client'."
    )
    object_id = models.CharField("object-id", max_length=64, blank=True)
    # A plain number, not a foreign key: the log outlives anonymisation and must never
    # block or cascade from a change to the dossier it points at.
    client_id = models.PositiveBigIntegerField("cliënt-id", null=True, blank=True)
    omschrijving = models.CharField("omschrijving", max_length=500, blank=True)
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)

    objects = ToegangslogQuerySet.as_manager()

    class Meta:
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        ordering = ["-tijdstip", "-id"]
        # The newest lines come from the primary key (append-only: insertion order is
        # time order); a period from the BRIN index on time; one client, one user or one
        # kind of action from their own index, newest first.
        indexes = [
            models.Index(fields=["client_id", "tijdstip"], name="toegangslog_client_idx"),
            models.Index(fields=["gebruiker", "tijdstip"], name="toegangslog_gebruiker_idx"),
            models.Index(fields=["actie", "tijdstip"], name="toegangslog_actie_idx"),
            TijdreeksIndex(fields=["tijdstip"], name="toegangslog_tijdstip_brin"),
        ]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.get_actie_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AlleenToevoegen("Het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegen("Het toegangslog kan niet worden verwijderd.")

    @property
    def rol_label(self) -> str:
        """The role as people read it ("Coördinator"); a code no longer known stays as is."""
        return Rol(self.rol).label if self.rol in Rol.values else self.rol
