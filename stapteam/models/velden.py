"""Field helpers shared by the domain models."""

from django.conf import settings
from django.db import models


def medewerker_veld(verbose_name: str, **kwargs) -> models.ForeignKey:
    """Who did something (registered, checked, handed over): optional, and kept when the
    account is deactivated — users are never deleted (PROTECT)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        **kwargs,
    )
