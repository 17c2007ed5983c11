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


class TijdreeksIndex(models.Index):
    """An index on the time of an append-only table: BRIN on PostgreSQL, an ordinary index
    on other databases (SQLite, the demo), which lack BRIN.

    Rows are added in time order and never change, so each block of the table covers a
    short stretch of time: a BRIN index stores only each block range's first and last
    time, a few pages for millions of rows, and costs next to nothing on every insert. It
    answers "between these times"; it gives no order.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            using = " USING brin"
        return super().create_sql(model, schema_editor, using=using, **kwargs)
