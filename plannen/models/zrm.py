"""ZRM measurements (Zelfredzaamheid-Matrix) and the licensed anchor texts per cell."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.models import Client
from plannen.constants import ZRM_VERSIE, ZRMDomein, ZRMNiveau
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld

SCORE_MELDING = "Een ZRM-score is 1, 2, 3, 4 of 5 (of leeg)."


def _score(domein: ZRMDomein) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        domein.label,
        null=True,
        blank=True,
        choices=ZRMNiveau.choices,
        validators=[MinValueValidator(1, SCORE_MELDING), MaxValueValidator(5, SCORE_MELDING)],
        error_messages={"invalid_choice": SCORE_MELDING},
    )


class ZRMMeting(models.Model):
    """One measurement: a score 1–5 (or none) on each of the 13 domains, and its version."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="zrm_metingen", verbose_name="cliënt"
    )
    datum = models.DateField("datum", default=timezone.localdate)
    versie = models.CharField("ZRM-versie", max_length=20, default=ZRM_VERSIE)
    afgenomen_door = medewerker_veld("afgenomen door")
    toelichting = models.TextField("toelichting", blank=True)

    financien = _score(ZRMDomein.FINANCIEN)
    werk_opleiding = _score(ZRMDomein.WERK_OPLEIDING)
    tijdsbesteding = _score(ZRMDomein.TIJDSBESTEDING)
    huisvesting = _score(ZRMDomein.HUISVESTING)
    huiselijke_relaties = _score(ZRMDomein.HUISELIJKE_RELATIES)
    geestelijke_gezondheid = _score(ZRMDomein.GEESTELIJKE_GEZONDHEID)
    lichamelijke_gezondheid = _score(ZRMDomein.LICHAMELIJKE_GEZONDHEID)
    middelengebruik = _score(ZRMDomein.MIDDELENGEBRUIK)
    basale_adl = _score(ZRMDomein.BASALE_ADL)
    instrumentele_adl = _score(ZRMDomein.INSTRUMENTELE_ADL)
    sociaal_netwerk = _score(ZRMDomein.SOCIAAL_NETWERK)
    maatschappelijke_participatie = _score(ZRMDomein.MAATSCHAPPELIJKE_PARTICIPATIE)
    justitie = _score(ZRMDomein.JUSTITIE)

    avg = AVG(wissen=("toelichting",), bewaren=("datum", "versie"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ZRM-meting"
        verbose_name_plural = "ZRM-metingen"
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["client", "datum"], name="zrm_client_datum_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{domein}__isnull": True})
                | models.Q(**{f"{domein}__gte": 1, f"{domein}__lte": 5}),
                name=f"zrm_{domein}_1_tot_5",
                violation_error_message=SCORE_MELDING,
            )
            for domein in ZRMDomein.values
        ]

    def __str__(self) -> str:
        return f"ZRM van {self.datum:%d-%m-%Y}"

    @property
    def scores(self) -> dict[str, int | None]:
        return {domein: getattr(self, domein) for domein in ZRMDomein.values}

    def clean(self) -> None:
        if self.datum and self.datum > timezone.localdate():
            raise ValidationError({"datum": "De datum ligt in de toekomst."})
        if all(score is None for score in self.scores.values()):
            raise ValidationError("Vul op minstens één domein een score in.")


class ZRMAnker(models.Model):
    """The text describing one cell (domain × level) of a ZRM version.

    The texts are © GGD Amsterdam: they are not shipped, an organisation with a licence
    loads them (``manage.py laad_zrm_ankers`` or the admin).
    """

    versie = models.CharField("ZRM-versie", max_length=20, default=ZRM_VERSIE)
    domein = models.CharField("domein", max_length=40, choices=ZRMDomein.choices)
    niveau = models.PositiveSmallIntegerField("niveau", choices=ZRMNiveau.choices)
    tekst = models.TextField("ankertekst")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ZRM-ankertekst"
        verbose_name_plural = "ZRM-ankerteksten"
        ordering = ["versie", "domein", "niveau"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "domein", "niveau"], name="zrm_anker_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.get_domein_display()} {self.niveau} ({self.versie})"
