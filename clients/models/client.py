"""The client (cliënt) and her place in a team's caseload."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import Geslacht, Status, UitstroomReden
from clients.validators import valideer_bsn
from stapteam.avg import AVG
from stapteam.models import Team


class Client(models.Model):
    """A woman (or man) the team supports. Every fact about her hangs off this record."""

    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="clienten", verbose_name="team"
    )
    code = models.CharField(
        "cliëntnummer",
        max_length=20,
        help_text="Nummer binnen het team; in rapporten en exports staat dit in plaats van "
        "haar naam.",
    )
    roepnaam = models.CharField(
        "roepnaam", max_length=100, help_text="De naam waaronder zij bekend is."
    )
    voornaam = models.CharField("voornaam", max_length=100, blank=True)
    achternaam = models.CharField("achternaam", max_length=150, blank=True)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    bsn = models.CharField(
        "BSN",
        max_length=9,
        blank=True,
        validators=[valideer_bsn],
        help_text="Burgerservicenummer, 9 cijfers (optioneel).",
    )
    telefoon = models.CharField("telefoon", max_length=30, blank=True)
    postadres = models.TextField("postadres", blank=True)
    is_briefadres = models.BooleanField(
        "briefadres", default=False, help_text="Het postadres is een briefadres van de gemeente."
    )
    geslacht = models.CharField(
        "geslacht", max_length=10, choices=Geslacht.choices, default=Geslacht.VROUW
    )
    in_beeld_sinds = models.DateField(
        "in beeld sinds",
        default=timezone.localdate,
        help_text="Wanneer het team haar leerde kennen.",
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.AANGEMELD
    )
    uitstroom_datum = models.DateField("uitstroomdatum", null=True, blank=True)
    uitstroom_reden = models.CharField(
        "reden uitstroom", max_length=30, choices=UitstroomReden.choices, blank=True
    )
    casemanager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clienten_als_casemanager",
        verbose_name="casemanager",
    )
    tweede_casemanager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clienten_als_tweede_casemanager",
        verbose_name="tweede casemanager",
    )
    ervaringsdeskundige = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clienten_als_ervaringsdeskundige",
        verbose_name="ervaringsdeskundige",
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    geanonimiseerd_op = models.DateTimeField(
        "geanonimiseerd op", null=True, blank=True, editable=False
    )
    avg = AVG(
        wissen=(
            "roepnaam",
            "voornaam",
            "achternaam",
            "geboortedatum",
            "bsn",
            "telefoon",
            "postadres",
            "is_briefadres",
        ),
        bewaren=(
            "code",
            "geslacht",
            "in_beeld_sinds",
            "status",
            "uitstroom_datum",
            "uitstroom_reden",
            "aangemaakt_op",
            "geanonimiseerd_op",
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["roepnaam", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "code"],
                name="client_code_uniek_in_team",
                violation_error_message="Dit cliëntnummer bestaat al in het team.",
            ),
            models.UniqueConstraint(
                fields=["team", "bsn"],
                condition=~models.Q(bsn=""),
                name="client_bsn_uniek_in_team",
                violation_error_message="Er is al een cliënt met dit BSN in het team.",
            ),
            models.CheckConstraint(
                condition=models.Q(status=Status.UITGESTROOMD, uitstroom_datum__isnull=False)
                | (~models.Q(status=Status.UITGESTROOMD) & models.Q(uitstroom_datum__isnull=True)),
                name="client_uitstroomdatum_bij_status",
                violation_error_message="Een uitstroomdatum hoort bij de status 'uitgestroomd'.",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "status"], name="client_team_status_idx"),
            models.Index(fields=["casemanager"], name="client_casemanager_idx"),
        ]
        permissions = [
            ("volledig_dossier_inzien", "Mag het volledige dossier inzien"),
            ("toegangslog_inzien", "Mag zien wie een dossier heeft ingezien"),
            ("inzage_exporteren", "Mag een AVG-inzage van een cliënt exporteren"),
            # Granted per client (never to a role) while an escalation is open.
            ("escalatie_inzien", "Mag de samenvatting van een geëscaleerde cliënt inzien"),
        ]

    def __str__(self) -> str:
        return f"{self.roepnaam} ({self.code})"

    @property
    def volledige_naam(self) -> str:
        return " ".join(deel for deel in (self.voornaam, self.achternaam) if deel)

    @property
    def is_geanonimiseerd(self) -> bool:
        return self.geanonimiseerd_op is not None

    def clean(self) -> None:
        fouten = {}
        vandaag = timezone.localdate()
        if self.geboortedatum and self.geboortedatum > vandaag:
            fouten["geboortedatum"] = "De geboortedatum ligt in de toekomst."
        if self.in_beeld_sinds and self.in_beeld_sinds > vandaag:
            fouten["in_beeld_sinds"] = "'In beeld sinds' ligt in de toekomst."
        if self.status == Status.UITGESTROOMD:
            if not self.uitstroom_datum:
                fouten["uitstroom_datum"] = "Vul de uitstroomdatum in."
            if not self.uitstroom_reden:
                fouten["uitstroom_reden"] = "Kies de reden van uitstroom."
        elif self.uitstroom_datum or self.uitstroom_reden:
            fouten["status"] = (
                "Een uitstroomdatum of -reden hoort alleen bij de status 'uitgestroomd'."
            )
        if self.uitstroom_datum:
            if self.uitstroom_datum > vandaag:
                fouten["uitstroom_datum"] = "De uitstroomdatum ligt in de toekomst."
            elif self.in_beeld_sinds and self.uitstroom_datum < self.in_beeld_sinds:
                fouten["uitstroom_datum"] = "De uitstroomdatum ligt vóór 'in beeld sinds'."
        if fouten:
            raise ValidationError(fouten)
