"""What a team tells its municipality about a category of system barriers.

The structure of the barrier memo (end of the first evaluation report): per category the
consequence, the wish or proposal, and the next step. It goes to the municipality beside
the counts, so it holds no client data: the service refuses a text that names a client
of the team.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from plannen.models.knelpunt import Knelpuntcategorie
from stapteam.models import Team
from stapteam.models.velden import medewerker_veld

MAX_TEKST = 2000  # a paragraph, as in the memo; the print page stays one sheet per team


class Knelpuntnotitie(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="knelpuntnotities", verbose_name="team"
    )
    categorie = models.ForeignKey(
        Knelpuntcategorie,
        on_delete=models.PROTECT,
        related_name="notities",
        verbose_name="categorie",
    )
    gevolg = models.TextField(
        "gevolg",
        blank=True,
        help_text="Wat het knelpunt betekent voor de vrouwen en het werk. Zonder namen of "
        "cliëntnummers.",
    )
    wens = models.TextField(
        "wens of voorstel",
        blank=True,
        help_text="Wat zou helpen: de wens of het voorstel aan de gemeente.",
    )
    volgende_stap = models.TextField(
        "volgende stap", blank=True, help_text="Wie doet wat, en wanneer bespreken we het."
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", auto_now=True)
    gewijzigd_door = medewerker_veld("laatst gewijzigd door")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "knelpuntnotitie"
        verbose_name_plural = "knelpuntnotities"
        ordering = ["team", "categorie__volgorde", "categorie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "categorie"], name="knelpuntnotitie_team_categorie_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.categorie} ({self.team})"

    @property
    def is_leeg(self) -> bool:
        return not (self.gevolg or self.wens or self.volgende_stap)

    def clean(self) -> None:
        fouten = {
            veld: f"Houd het kort: hooguit {MAX_TEKST} tekens (nu {len(tekst)})."
            for veld, tekst in (
                ("gevolg", self.gevolg),
                ("wens", self.wens),
                ("volgende_stap", self.volgende_stap),
            )
            if len(tekst) > MAX_TEKST
        }
        if fouten:
            raise ValidationError(fouten)
