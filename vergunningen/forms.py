"""Forms of permits. They collect input; the services decide what is valid."""

import datetime as dt

from django import forms
from django.utils import timezone

from stapteam.formulieren import DatumInput
from vergunningen.constants import GENOMEN_BESLUITEN, Besluit, BezwaarStatus, Soort

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


def ja_nee_veld(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=JA_NEE,
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
    )


class AanvraagForm(forms.Form):
    aanvraag_op = forms.DateField(
        label="Aangevraagd op", widget=DatumInput(), initial=timezone.localdate
    )
    soort = forms.ChoiceField(label="Soort", choices=Soort.choices, widget=forms.RadioSelect)

    def __init__(self, *args, peildatum: dt.date, gemeente: str, **kwargs):
        """``peildatum``: the team's reference date, or the one stored with the application."""
        super().__init__(*args, **kwargs)
        peildatum = f"{peildatum:%d-%m-%Y}"
        self.fields["werkt_sinds_peildatum"] = ja_nee_veld(
            f"Werkt zij sinds {peildatum} regelmatig als straatsekswerker in {gemeente}?"
        )
        self.fields["zorg_sinds_peildatum"] = ja_nee_veld(
            f"Maakt zij sinds {peildatum} gebruik van het zorgaanbod in {gemeente}?"
        )
        self.fields["zorg_sinds_peildatum"].help_text = (
            "Een van beide is genoeg. Leeftijd (18 jaar op de aanvraagdatum) volgt uit haar "
            "geboortedatum."
        )


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[(b.value, b.label) for b in Besluit if b in GENOMEN_BESLUITEN],
        widget=forms.RadioSelect,
    )
    besluit_op = forms.DateField(label="Besluit op", widget=DatumInput())
    registratienummer = forms.CharField(
        label="Registratienummer",
        max_length=50,
        required=False,
        help_text="Bij een verleende vergunning: het nummer van het vergunningenloket.",
    )
    geldig_tot = forms.DateField(
        label="Geldig tot en met",
        widget=DatumInput(),
        required=False,
        help_text="Leeg als de vergunning geen einddatum heeft.",
    )
    weigeringsgrond = forms.CharField(
        label="Weigeringsgrond",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Verplicht bij een weigering.",
    )
    afwijking_reden = forms.CharField(
        label="Reden verlening ondanks de criteria",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Alleen nodig als zij niet aan de criteria voldoet en de vergunning toch "
        "is verleend.",
    )


class BezwaarForm(forms.Form):
    bezwaar_op = forms.DateField(label="Bezwaar ingediend op", widget=DatumInput())
    bezwaar_door = forms.CharField(
        label="Ingediend door",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld 'zijzelf', 'haar advocaat' of 'casemanager namens haar'.",
    )
    bezwaar_status = forms.ChoiceField(
        label="Status", choices=BezwaarStatus.choices, widget=forms.RadioSelect
    )


class LijstFilterForm(forms.Form):
    signaal = forms.BooleanField(label="Alleen met signaal", required=False)
