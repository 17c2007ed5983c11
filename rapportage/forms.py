from django import forms

from plannen.models.knelpuntnotitie import MAX_TEKST
from stapteam.formulieren import DatumInput


class PeriodeForm(forms.Form):
    """The period of a report: both days included."""

    van = forms.DateField(label="Van", widget=DatumInput())
    tot = forms.DateField(label="Tot en met (peildatum)", widget=DatumInput())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "'Tot en met' ligt vóór 'van'.")
        return data


class KnelpuntnotitieForm(forms.Form):
    """The team's memo on a category of barriers, in the memo's structure."""

    gevolg = forms.CharField(
        label="Gevolg",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat het knelpunt betekent voor de vrouwen en het werk.",
    )
    wens = forms.CharField(
        label="Wens of voorstel",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wat zou helpen; wat het team de gemeente voorstelt.",
    )
    volgende_stap = forms.CharField(
        label="Volgende stap",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wie doet wat, en wanneer bespreken we het.",
    )
