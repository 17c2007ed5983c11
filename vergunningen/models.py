"""Permits (vergunningen / registraties tippelzone) with their criteria and objection.

One record is one application and what became of it: the decision, and an objection
against that decision. A permit is valid on D when it is ``verleend``, decided on or
before D, and has no end date or one on or after D (``is_geldig_op``, and in the
database ``vergunningen.selectors.geldig_op``).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.models import Client
from stapteam.avg import AVG
from stapteam.models.velden import medewerker_veld
from vergunningen.constants import (
    GENOMEN_BESLUITEN,
    MINIMUMLEEFTIJD,
    Besluit,
    BezwaarStatus,
    Soort,
)


def leeftijd_op(geboortedatum: dt.date, op: dt.date) -> int:
    """Her age in completed years on ``op``. On her birthday itself she is the new age;
    someone born on 29 February has her birthday on 1 March in other years."""
    return (
        op.year
        - geboortedatum.year
        - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))
    )


@dataclass(frozen=True)
class Criteria:
    """The criteria of ONTWERP §4 for one application: 18 or older on the application
    date, and working as a street sex worker in the municipality, or using its care
    offer, since the team's reference date."""

    leeftijd: int | None  # None: her date of birth is unknown
    werkt_sinds_peildatum: bool
    zorg_sinds_peildatum: bool
    peildatum: dt.date

    @property
    def meerderjarig(self) -> bool:
        return self.leeftijd is not None and self.leeftijd >= MINIMUMLEEFTIJD

    @property
    def sinds_peildatum(self) -> bool:
        return self.werkt_sinds_peildatum or self.zorg_sinds_peildatum

    @property
    def voldaan(self) -> bool:
        return self.meerderjarig and self.sinds_peildatum

    @property
    def tekortkomingen(self) -> list[str]:
        """What fails, in words for the form and the permit page."""
        fouten = []
        if self.leeftijd is None:
            fouten.append(
                "haar geboortedatum is onbekend, dus haar leeftijd op de aanvraagdatum is "
                "niet te controleren"
            )
        elif not self.meerderjarig:
            fouten.append(
                f"zij was op de aanvraagdatum {self.leeftijd} jaar (minimaal {MINIMUMLEEFTIJD})"
            )
        if not self.sinds_peildatum:
            fouten.append(
                f"zij werkt niet sinds {self.peildatum:%d-%m-%Y} in de gemeente en gebruikt "
                "sindsdien ook het zorgaanbod niet"
            )
        return fouten


def toets_criteria(
    *,
    geboortedatum: dt.date | None,
    aanvraag_op: dt.date,
    werkt_sinds_peildatum: bool,
    zorg_sinds_peildatum: bool,
    peildatum: dt.date,
) -> Criteria:
    return Criteria(
        leeftijd=leeftijd_op(geboortedatum, aanvraag_op) if geboortedatum else None,
        werkt_sinds_peildatum=werkt_sinds_peildatum,
        zorg_sinds_peildatum=zorg_sinds_peildatum,
        peildatum=peildatum,
    )


class Vergunning(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="vergunningen", verbose_name="cliënt"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    aanvraag_op = models.DateField("aangevraagd op")
    # The team's reference date when she applied: a later change of the team's setting
    # does not change how an earlier application was judged.
    peildatum = models.DateField("peildatum", editable=False)
    werkt_sinds_peildatum = models.BooleanField(
        "werkt sinds de peildatum",
        default=False,
        help_text="Werkt zij sinds de peildatum regelmatig als straatsekswerker in de gemeente?",
    )
    zorg_sinds_peildatum = models.BooleanField(
        "zorg sinds de peildatum",
        default=False,
        help_text="Maakt zij sinds de peildatum gebruik van het zorgaanbod van de gemeente?",
    )
    besluit = models.CharField(
        "besluit", max_length=20, choices=Besluit.choices, default=Besluit.IN_BEHANDELING
    )
    besluit_op = models.DateField("besluit op", null=True, blank=True)
    registratienummer = models.CharField(
        "registratienummer",
        max_length=50,
        blank=True,
        help_text="Het nummer dat het vergunningenloket aan de vergunning gaf.",
    )
    geldig_tot = models.DateField(
        "geldig tot en met",
        null=True,
        blank=True,
        help_text="Leeg als de vergunning geen einddatum heeft.",
    )
    weigeringsgrond = models.TextField(
        "weigeringsgrond", blank=True, help_text="Waarom de gemeente de aanvraag weigerde."
    )
    afwijking_reden = models.TextField(
        "reden verlening ondanks de criteria",
        blank=True,
        help_text="Alleen nodig als zij niet aan de criteria voldoet: waarom de vergunning "
        "toch is verleend.",
    )
    bezwaar_op = models.DateField("bezwaar ingediend op", null=True, blank=True)
    bezwaar_door = models.CharField(
        "bezwaar ingediend door",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld 'zijzelf', 'haar advocaat' of 'casemanager namens haar'.",
    )
    bezwaar_status = models.CharField(
        "status bezwaar", max_length=20, choices=BezwaarStatus.choices, blank=True
    )
    geregistreerd_door = medewerker_veld("geregistreerd door")
    aangemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    avg = AVG(
        wissen=("registratienummer", "weigeringsgrond", "afwijking_reden", "bezwaar_door"),
        bewaren=(
            "soort",
            "aanvraag_op",
            "peildatum",
            "besluit",
            "besluit_op",
            "geldig_tot",
            "bezwaar_op",
            "bezwaar_status",
            "aangemaakt_op",
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "vergunning"
        verbose_name_plural = "vergunningen"
        ordering = ["-aanvraag_op", "-id"]
        indexes = [
            models.Index(fields=["client", "besluit", "besluit_op"], name="vergunning_client_idx"),
            models.Index(fields=["aanvraag_op"], name="vergunning_aanvraag_idx"),
            # The permit list: pending applications and objections are few; these small
            # indexes find them without reading every team's permits.
            models.Index(
                fields=["client"],
                condition=models.Q(besluit="in_behandeling"),
                name="vergunning_lopend_idx",
            ),
            models.Index(
                fields=["client"],
                condition=models.Q(bezwaar_status="lopend"),
                name="vergunning_bezwaar_lopend_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(besluit=Besluit.IN_BEHANDELING, besluit_op__isnull=True)
                | (~models.Q(besluit=Besluit.IN_BEHANDELING) & models.Q(besluit_op__isnull=False)),
                name="vergunning_besluitdatum_bij_besluit",
                violation_error_message="Een besluitdatum hoort bij een genomen besluit.",
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("besluit_op")),
                name="vergunning_geldig_na_besluit",
                violation_error_message="'Geldig tot' ligt vóór de besluitdatum.",
            ),
            models.CheckConstraint(
                condition=models.Q(bezwaar_op__isnull=True, bezwaar_status="")
                | (models.Q(bezwaar_op__isnull=False) & ~models.Q(bezwaar_status="")),
                name="vergunning_bezwaar_volledig",
                violation_error_message="Een bezwaar heeft een datum en een status.",
            ),
        ]
        permissions = [
            ("vergunningen_exporteren", "Mag de actuele vergunningenlijst exporteren"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} aangevraagd op {self.aanvraag_op:%d-%m-%Y}"

    @property
    def criteria(self) -> Criteria:
        return toets_criteria(
            geboortedatum=self.client.geboortedatum,
            aanvraag_op=self.aanvraag_op,
            werkt_sinds_peildatum=self.werkt_sinds_peildatum,
            zorg_sinds_peildatum=self.zorg_sinds_peildatum,
            peildatum=self.peildatum,
        )

    def is_geldig_op(self, op: dt.date) -> bool:
        """The Python twin of ``selectors.geldig_op`` (the tests hold them together)."""
        return (
            self.besluit == Besluit.VERLEEND
            and self.besluit_op is not None
            and self.besluit_op <= op
            and (self.geldig_tot is None or self.geldig_tot >= op)
        )

    @property
    def is_besloten(self) -> bool:
        return self.besluit in GENOMEN_BESLUITEN

    def clean(self) -> None:
        fouten: dict[str, str] = {}
        vandaag = timezone.localdate()
        if self.aanvraag_op:
            if self.aanvraag_op > vandaag:
                fouten["aanvraag_op"] = "De aanvraagdatum ligt in de toekomst."
            elif self.aanvraag_op.year < 2000:
                fouten["aanvraag_op"] = "De aanvraagdatum ligt vóór 2000. Controleer het jaartal."
        self._clean_besluit(fouten, vandaag)
        self._clean_bezwaar(fouten, vandaag)
        if fouten:
            raise ValidationError(fouten)

    def _clean_besluit(self, fouten: dict, vandaag: dt.date) -> None:
        if self.besluit == Besluit.IN_BEHANDELING:
            for veld in ("besluit_op", "geldig_tot", "registratienummer", "weigeringsgrond"):
                if getattr(self, veld):
                    label = self._meta.get_field(veld).verbose_name
                    fouten[veld] = (
                        f"'{label}' hoort bij een besluit; de aanvraag is nog in behandeling."
                    )
            return
        if not self.besluit_op:
            fouten["besluit_op"] = "Vul de datum van het besluit in."
        elif self.aanvraag_op and self.besluit_op < self.aanvraag_op:
            fouten["besluit_op"] = "De besluitdatum ligt vóór de aanvraagdatum."
        elif self.besluit_op > vandaag:
            fouten["besluit_op"] = "De besluitdatum ligt in de toekomst."
        if self.geldig_tot and self.besluit_op and self.geldig_tot < self.besluit_op:
            fouten["geldig_tot"] = "'Geldig tot en met' ligt vóór de besluitdatum."
        if self.besluit == Besluit.GEWEIGERD:
            if not self.weigeringsgrond.strip():
                fouten["weigeringsgrond"] = "Vul de weigeringsgrond in."
            if self.geldig_tot:
                fouten["geldig_tot"] = "Een geweigerde aanvraag heeft geen geldigheid."
            if self.registratienummer:
                fouten["registratienummer"] = (
                    "Een geweigerde aanvraag heeft geen registratienummer."
                )
        if self.besluit == Besluit.VERLEEND and self.aanvraag_op and self.client_id:
            criteria = self.criteria
            if not criteria.voldaan and not self.afwijking_reden.strip():
                fouten["afwijking_reden"] = (
                    "Zij voldoet niet aan de criteria: "
                    + "; ".join(criteria.tekortkomingen)
                    + ". Leg uit waarom de vergunning toch is verleend."
                )

    def _clean_bezwaar(self, fouten: dict, vandaag: dt.date) -> None:
        if not self.bezwaar_op:
            if self.bezwaar_status or self.bezwaar_door:
                fouten["bezwaar_op"] = "Vul de datum in waarop het bezwaar is ingediend."
            return
        if self.besluit == Besluit.IN_BEHANDELING:
            fouten["bezwaar_op"] = "Bezwaar kan pas worden gemaakt als er een besluit is."
        elif self.besluit_op and self.bezwaar_op < self.besluit_op:
            fouten["bezwaar_op"] = "Het bezwaar ligt vóór de besluitdatum."
        elif self.bezwaar_op > vandaag:
            fouten["bezwaar_op"] = "De bezwaardatum ligt in de toekomst."
        if not self.bezwaar_status:
            fouten["bezwaar_status"] = "Kies de status van het bezwaar."
