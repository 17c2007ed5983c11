from django import forms

from plannen.models.knelpuntnotitie import MAX_TEKST
from stapteam.formulieren import DatumInput
from stapteam.models import Organisatie

# A report's period lies within these years: the date arithmetic of a report (months
# back, the year before) has room on either side, and a typing error such as 0202 or
# 20250 is caught.
EERSTE_JAAR, LAATSTE_JAAR = 1900, 9000


class PeriodeForm(forms.Form):
    """The period of a report: both days included."""

    van = forms.DateField(label="Van", widget=DatumInput())
    tot = forms.DateField(label="Tot en met (peildatum)", widget=DatumInput())

    def clean(self):
        data = super().clean()
        for veld in ("van", "tot"):
            if data.get(veld) and not EERSTE_JAAR <= data[veld].year <= LAATSTE_JAAR:
                self.add_error(veld, f"Kies een datum tussen {EERSTE_JAAR} en {LAATSTE_JAAR}.")
                data.pop(veld, None)
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "'Tot en met' ligt vóór 'van'.")
        return data


class VerstrekkingForm(forms.Form):
    """To whom and why an export with personal rows goes (the register of disclosures),
    and the coordinator's reason for the clients whose consent does not name the recipient.
    """

    ontvanger = forms.ModelChoiceField(
        label="Aan (ontvanger)",
        queryset=Organisatie.objects.filter(actief=True).order_by("naam"),
        to_field_name="code",
        empty_label="Kies een organisatie",
        help_text="De organisatie die het bestand krijgt of bewaart. Een reservekopie voor het "
        "team zelf: de organisatie die de kopie bewaart.",
    )
    waarom = forms.CharField(
        label="Doel (waarom)",
        max_length=200,
        help_text="Waarom de gegevens het team verlaten, bijvoorbeeld 'reservekopie' of "
        "'kwartaalverantwoording subsidie'.",
    )
    reden_zonder_toestemming = forms.CharField(
        label="Reden zonder toestemming",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen nodig als de geldige toestemming van een of meer cliënten deze "
        "ontvanger niet noemt. Alleen de coördinator kan dit invullen; de reden komt bij elke "
        "verstrekking.",
    )

    def verstrekking(self) -> dict:
        """The arguments of ``clients.services.verstrekkingen_vastleggen`` from this form."""
        return {
            "organisatie_code": self.cleaned_data["ontvanger"].code,
            "waarom": self.cleaned_data["waarom"],
            "reden_zonder_toestemming": self.cleaned_data["reden_zonder_toestemming"],
        }


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
