from django import forms

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
