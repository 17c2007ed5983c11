"""Form helpers shared by every app: Dutch date inputs and service errors on the form."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class DatumInput(forms.DateInput):
    """A native date picker (the phone's own), sending ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DatumTijdInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def zet_fouten(form: forms.Form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names if the form
    has that field, otherwise at the top of the form."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            doel = veld if veld in form.fields else None
            if veld == NON_FIELD_ERRORS:
                doel = None
            for enkel in fouten:
                form.add_error(doel, enkel.messages)
    else:
        form.add_error(None, fout.messages)
