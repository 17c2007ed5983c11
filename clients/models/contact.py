"""A contact moment (contactmoment) with a client."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from clients.constants import GEREALISEERD, ContactSoort, Levensdomein, Locatie
from stapteam.avg import AVG

from .client import Client

# A contact may be logged up to this far ahead (clock differences), not further.
MAX_TOEKOMST = dt.timedelta(hours=1)
# The codes once: ``Levensdomein.values`` builds a new list on every access, and an import
# checks this for hundreds of thousands of contacts.
LEVENSDOMEIN_CODES = frozenset(Levensdomein.values)


class ContactQuerySet(models.QuerySet):
    def gerealiseerd(self):
        return self.filter(soort__in=GEREALISEERD)


class Contact(models.Model):
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="contacten", verbose_name="cliënt"
    )
    tijdstip = models.DateTimeField("datum en tijd", default=timezone.now)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contacten",
        verbose_name="medewerker",
        help_text="Wie het contact had en vastlegde.",
    )
    ook_aanwezig = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name="ook aanwezig",
        help_text="Collega's die er ook bij waren.",
    )
    soort = models.CharField("soort", max_length=20, choices=ContactSoort.choices)
    locatie = models.CharField("locatie", max_length=20, choices=Locatie.choices, blank=True)
    duur_minuten = models.PositiveSmallIntegerField(
        "duur (minuten)",
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, "De duur is minstens 1 minuut."),
            MaxValueValidator(24 * 60, "De duur is hoogstens 1440 minuten (een etmaal)."),
        ],
    )
    levensdomeinen = models.JSONField(
        "besproken levensdomeinen", default=list, blank=True, help_text="Codes van levensdomeinen."
    )
    notitie = models.TextField("notitie", blank=True)
    vertrouwelijk = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Niet zichtbaar voor de ervaringsdeskundige.",
    )
    aangemaakt_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    avg = AVG(
        wissen=("notitie",),
        bewaren=("tijdstip", "soort", "locatie", "levensdomeinen", "aangemaakt_op"),
    )
    history = HistoricalRecords(m2m_fields=[ook_aanwezig])

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = "contact"
        verbose_name_plural = "contacten"
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["client", "soort", "tijdstip"], name="contact_client_idx"),
            models.Index(fields=["medewerker", "tijdstip"], name="contact_medewerker_idx"),
            # "Last realised contact" of a client (lists, dossier, monitor, signals): the
            # newest entry of this index, without reading her history. Confidentiality is
            # the last key column, so the viewer's filter is answered from the index too
            # (a key column rather than INCLUDE, which SQLite lacks).
            models.Index(
                fields=["client", "-tijdstip", "vertrouwelijk"],
                condition=models.Q(soort__in=sorted(GEREALISEERD)),
                name="contact_gerealiseerd_idx",
            ),
            # The contact form's "last location" of the user: her newest contact that has
            # one, the first entry of this index.
            models.Index(
                fields=["medewerker", "-tijdstip", "locatie"],
                condition=~models.Q(locatie=""),
                name="contact_laatste_locatie_idx",
            ),
        ]
        permissions = [
            ("vertrouwelijk_inzien", "Mag vertrouwelijke contacten zien en vastleggen"),
            ("altijd_corrigeren", "Mag contacten ook na zeven dagen corrigeren"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} op {timezone.localtime(self.tijdstip):%d-%m-%Y %H:%M}"

    @property
    def is_gerealiseerd(self) -> bool:
        return self.soort in GEREALISEERD

    @property
    def levensdomein_labels(self) -> list[str]:
        return [Levensdomein(c).label for c in self.levensdomeinen if c in Levensdomein.values]

    def clean(self) -> None:
        fouten = {}
        if self.tijdstip and self.tijdstip > timezone.now() + MAX_TOEKOMST:
            fouten["tijdstip"] = "Het contact ligt in de toekomst. Controleer datum en tijd."
        if self.tijdstip and self.tijdstip.year < 2000:
            fouten["tijdstip"] = "Het contact ligt vóór 2000. Controleer het jaartal."
        onbekend = [code for code in self.levensdomeinen or [] if code not in LEVENSDOMEIN_CODES]
        if not isinstance(self.levensdomeinen, list) or onbekend:
            fouten["levensdomeinen"] = f"Onbekend levensdomein: {', '.join(map(str, onbekend))}."
        if fouten:
            raise ValidationError(fouten)
