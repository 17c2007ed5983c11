"""The report side has no tables of its own: it reads every other app. This model only
holds its permissions, so the roles table (``stapteam.rollen``) can grant them."""

from django.db import models


class Rapport(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            (
                "rapporten_opvragen",
                "Rapporten met exacte cijfers opvragen (evaluatie, voortgangsmonitor)",
            ),
            ("dashboard_inzien", "Het gemeentelijk dashboard inzien (afgeschermde aantallen)"),
        ]
        verbose_name = "rapport"
        verbose_name_plural = "rapporten"

    def __str__(self) -> str:
        return "rapport"
