"""The user account. A user's role is the Group of that name (see ``stapteam.rollen``)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords

from stapteam.constants import Rol

from .organisaties import Organisatie


class User(AbstractUser):
    """A staff member or other user. Accounts are only made by an administrator."""

    # One name field: names do not split reliably into first and last.
    first_name = None
    last_name = None
    naam = models.CharField(
        "naam", max_length=150, help_text="Volledige naam, zoals collega's die zien."
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name="organisatie",
    )
    # Password hashes and login times have no place in the change history.
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups"])

    REQUIRED_FIELDS = ["naam"]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["naam", "username"]

    def __str__(self) -> str:
        return self.naam or self.username

    @property
    def rol(self) -> str | None:
        """The role code, or None for an account without a role (a technical superuser).

        Read once per object, together with the permissions
        (``stapteam.backends.rol_en_rechten_laden``), unless the query brought it along
        (``stapteam.toegang.medewerkers_van``); every user has at most one role group.
        """
        if not hasattr(self, "_rol"):
            if "groups" in getattr(self, "_prefetched_objects_cache", {}):
                # A list of staff fetched with its groups: no query per person.
                namen = {groep.name for groep in self.groups.all()}
                return next((rol.value for rol in Rol if rol.value in namen), None)
            from stapteam.backends import rol_en_rechten_laden

            rol_en_rechten_laden(self)
        return self._rol

    @property
    def rol_label(self) -> str:
        return Rol(self.rol).label if self.rol else "Geen rol"


def weergavenaam(user: User) -> str:
    """How allauth shows a user (``ACCOUNT_USER_DISPLAY``)."""
    return str(user)
