"""Form helpers shared by every app: date inputs, service errors on the form, and the
usual form view (``verwerk``)."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect


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


def verwerk(
    request,
    form: forms.BaseForm,
    schrijven: Callable[[dict], object],
    *,
    melding: str | Callable[[object], str],
    naar: str | Callable[[object], str],
) -> HttpResponse | None:
    """The usual form view: on a valid POST call the service with the cleaned data.

    When it succeeds: a success message and a redirect (``melding`` and ``naar`` may be
    functions of what the service returned). When the service refuses, its errors go onto
    the form and None is returned, so the view shows the form again; nothing was saved.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        uitkomst = schrijven(form.cleaned_data)
    except ValidationError as fout:
        zet_fouten(form, fout)
        return None
    messages.success(request, melding(uitkomst) if callable(melding) else melding)
    return redirect(naar(uitkomst) if callable(naar) else naar)
