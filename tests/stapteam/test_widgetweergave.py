"""The Python form renderer writes what Django's form templates write: every form of the
project rendered both ways (whole, field by field, label, errors, each radio button),
unbound, bound with empty data (required errors) and bound with hostile values."""

import datetime as dt
import importlib
import inspect

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from budget.models import Budget
from clients import signalen
from clients.constants import Kenmerk
from clients.models import Client
from stapteam.widgetweergave import Widgetweergave
from tests.factories import ClientFactory

FORMULIERMODULES = [
    "stapteam.views",
    "stapteam.admin",
    "clients.forms",
    "plannen.forms",
    "vergunningen.forms",
    "budget.forms",
    "rapportage.forms",
    "rapportage.werkboek.forms",
]
VIJANDIG = "<script>alert('x')</script> \"aan\" & 'uit'"


def project_formulieren() -> list[type[forms.BaseForm]]:
    gevonden = []
    for naam in FORMULIERMODULES:
        module = importlib.import_module(naam)
        gevonden += [
            klasse
            for klasse in vars(module).values()
            if inspect.isclass(klasse)
            and issubclass(klasse, forms.BaseForm)
            and klasse.__module__ == naam
        ]
    return gevonden


def test_elke_formuliermodule_telt_mee():
    assert len(project_formulieren()) >= 30


@pytest.fixture
def argumenten(team, casemanager):
    """What the forms' constructors ask for, by name."""
    ClientFactory(team=team, roepnaam=VIJANDIG, casemanager=casemanager, door=casemanager)
    vandaag = dt.date(2026, 6, 15)
    return {
        "teams": [team],
        "team": team,
        "behalve": None,
        "nieuw": True,
        "kenmerk": Kenmerk.WOONSITUATIE,
        "signaalsoorten": signalen.soorten(vandaag=vandaag),
        "vertrouwelijk_toegestaan": True,
        "ankers": None,
        "zonder_toestemming": False,
        "peildatum": vandaag,
        "gemeente": team.gemeente.naam,
        "budgetten": Budget.objects.all(),
        "clienten": Client.objects.all(),
        "wijzigen": False,
        "mag_overschrijden": True,
        "nieuw_team": True,
    }


def maak(klasse, argumenten, renderer, **kwargs):
    parameters = inspect.signature(klasse.__init__).parameters.values()
    nodig = {
        p.name: argumenten[p.name] for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY
    }
    return klasse(renderer=renderer, **nodig, **kwargs)


def weergaven(form: forms.BaseForm) -> list[str]:
    uitkomst = [str(form), str(form.non_field_errors())]
    for veld in form:
        uitkomst += [str(veld), veld.label_tag(), veld.legend_tag(), str(veld.errors)]
        uitkomst += [veld.as_field_group(), veld.as_hidden()]
        uitkomst += [str(sub) for sub in veld] + [sub.tag() for sub in veld]
    return uitkomst


def vijandige_gegevens(form: forms.BaseForm) -> dict:
    """Every field a hostile value (for a choice: also one of its own choices)."""
    gegevens = {}
    for naam, veld in form.fields.items():
        waarden = [VIJANDIG]
        if isinstance(veld, forms.ChoiceField | forms.ModelChoiceField):
            waarden += [str(waarde) for waarde, _ in list(veld.choices)[-1:]]
        gegevens[form.add_prefix(naam)] = (
            waarden if getattr(veld.widget, "allow_multiple_selected", False) else waarden[-1]
        )
    return gegevens


class Nagaan(Widgetweergave):
    """Notes which templates still went to the template engine."""

    def __init__(self):
        self.via_sjablonen = set()
        assert self.weergaven  # looked up first: no app overrides Django's form templates
        self.via_sjablonen.clear()

    def get_template(self, template_name):
        self.via_sjablonen.add(template_name)
        return super().get_template(template_name)


def vergelijk(klasse, argumenten, **kwargs):
    """Renders a form both ways; returns it as rendered in Python."""
    renderer = Nagaan()
    python = maak(klasse, argumenten, renderer, **kwargs)
    sjablonen = maak(klasse, argumenten, DjangoTemplates(), **kwargs)
    for form in (python, sjablonen):
        if form.is_bound:
            form.is_valid()
    assert weergaven(python) == weergaven(sjablonen)
    python.via_sjablonen = renderer.via_sjablonen
    return python


@pytest.mark.django_db
@pytest.mark.parametrize("klasse", project_formulieren(), ids=lambda klasse: klasse.__name__)
def test_elk_formulier_gelijk_aan_de_sjablonen(klasse, argumenten):
    leeg = vergelijk(klasse, argumenten)
    assert "<" in str(leeg)  # the form has something to render
    # Left to the templates: a file input with its "clear" box, and a multiple choice
    # as hidden inputs (``as_hidden()``, which no page uses).
    assert leeg.via_sjablonen <= {
        "django/forms/widgets/clearable_file_input.html",
        "django/forms/widgets/multiple_hidden.html",
    }
    vergelijk(klasse, argumenten, data={})
    vijandig = vergelijk(klasse, argumenten, data=vijandige_gegevens(leeg))
    assert "<script>" not in str(vijandig)
    vergelijk(klasse, argumenten, data=vijandige_gegevens(leeg), prefix="p")


class Alles(forms.Form):
    """Every widget and field layout this module renders, with errors and hostile text."""

    tekst = forms.CharField(
        label=VIJANDIG, help_text=mark_safe("<b>hulp</b>"), max_length=5, initial=VIJANDIG
    )
    getal = forms.IntegerField(label="Getal?", required=False, localize=True, initial=12345)
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    keuze = forms.ChoiceField(
        choices=[("", "---"), ("Groep", [("a", VIJANDIG), ("b", 2)]), (3, dt.date(2026, 1, 2))]
    )
    radio = forms.ChoiceField(
        choices=[("Groep", [("a", "A")]), ("b", mark_safe("<i>B</i>"))],
        widget=forms.RadioSelect(attrs={"class": "rij"}),
    )
    vinkjes = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    vinkje = forms.BooleanField(required=False, initial=True)
    tekstvak = forms.CharField(widget=forms.Textarea, initial="\nregel <één>")
    verborgen = forms.CharField(widget=forms.HiddenInput, initial=VIJANDIG)
    onzichtbaar_label = forms.CharField(label="", required=False, disabled=True)
    bestand = forms.FileField(required=False)

    def clean(self):
        raise forms.ValidationError(VIJANDIG)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"data": {}},
        {"data": {"tekst": VIJANDIG, "keuze": VIJANDIG, "radio": "b", "verborgen": ""}},
        {"data": {"vinkjes": ["a", VIJANDIG], "tekstvak": "x"}, "auto_id": False},
        {"prefix": VIJANDIG, "auto_id": "veld-%s"},
    ],
)
def test_alle_widgets_gelijk_aan_de_sjablonen(kwargs):
    vergelijk(Alles, {}, **kwargs)


@pytest.mark.parametrize("required_css_class", ["", "verplicht"])
def test_fieldset_en_css_klassen(required_css_class):
    class MetFieldset(Alles):
        error_css_class = "fout"

    MetFieldset.required_css_class = required_css_class
    vergelijk(MetFieldset, {}, data={"tekst": "te lang hoor"})


def test_onbekend_sjabloon_via_de_sjablonen():
    """A widget with a template of its own is rendered by the template engine."""

    class Eigen(forms.Select):
        option_template_name = "django/forms/widgets/attrs.html"

    class Form(forms.Form):
        veld = forms.ChoiceField(choices=[("a", "A")], widget=Eigen)

    assert "django/forms/widgets/select.html" in vergelijk(Form, {}).via_sjablonen


def test_alleen_verborgen_velden():
    class Verborgen(forms.Form):
        a = forms.CharField(widget=forms.HiddenInput)

    vergelijk(Verborgen, {})
    vergelijk(Verborgen, {}, data={})


def test_de_instelling_gebruikt_hem():
    assert isinstance(forms.Form().renderer, Widgetweergave)
