"""The exchange workbook upload."""

from django import forms
from django.conf import settings

from stapteam.models import Team


class WerkboekForm(forms.Form):
    """The upload. An administrator also names the new team and its municipality."""

    bestand = forms.FileField(
        label="Werkboek (XLSX)",
        help_text="Het uitwisselwerkboek met de bladen en kolommen van het vaste formaat.",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, nieuw_team: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if nieuw_team:
            self.fields["team_code"] = forms.SlugField(
                label="Code van het nieuwe team",
                max_length=50,
                help_text="Bijvoorbeeld 'stapteam-arnhem'.",
            )
            self.fields["gemeente"] = forms.CharField(label="Gemeente", max_length=100)

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                f"Het bestand is te groot ({bestand.size / 1024 / 1024:.1f} MB); het maximum "
                f"is {settings.MAX_UPLOAD_MB} MB."
            )
        return bestand

    def clean_team_code(self):
        code = self.cleaned_data["team_code"]
        if Team.objects.filter(code=code).exists():
            raise forms.ValidationError(
                "Dit team bestaat al. De coördinator van het team importeert het werkboek."
            )
        return code
