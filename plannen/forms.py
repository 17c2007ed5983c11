"""Forms of support. They collect input; the services decide what is valid."""

from django import forms
from django.db.models import Q

from clients.constants import Levensdomein
from plannen.constants import Methodiek, ZRMDomein, ZRMNiveau
from plannen.models import (
    Actiepunt,
    Doel,
    Escalatie,
    Knelpunt,
    Knelpuntcategorie,
    Plan,
    Resultaattype,
)
from plannen.models.zrm import SCORE_MELDING
from stapteam.constants import Rol
from stapteam.formulieren import DatumInput
from stapteam.models import Team, User


class PlanForm(forms.ModelForm):
    methodieken = forms.MultipleChoiceField(
        label="Methodieken",
        choices=Methodiek.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Plan
        fields = [
            "opgesteld_op",
            "met_client",
            "status",
            "evaluatie_op",
            "methodieken",
            "toelichting",
        ]
        widgets = {
            "opgesteld_op": DatumInput(),
            "evaluatie_op": DatumInput(),
            "toelichting": forms.Textarea(attrs={"rows": 4}),
        }


class DoelForm(forms.ModelForm):
    levensdomein = forms.ChoiceField(
        label="Levensdomein",
        choices=[("", "Kies een levensdomein"), *Levensdomein.choices],
        error_messages={"required": "Kies het levensdomein van dit doel."},
    )

    class Meta:
        model = Doel
        fields = ["levensdomein", "omschrijving", "status", "gesteld_op"]
        widgets = {"gesteld_op": DatumInput(), "omschrijving": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"omschrijving": {"required": "Beschrijf het doel, in haar woorden."}}


class ActiepuntForm(forms.ModelForm):
    class Meta:
        model = Actiepunt
        fields = ["wie", "omschrijving", "uiterlijk_op", "status"]
        widgets = {"uiterlijk_op": DatumInput()}


class ZRMForm(forms.Form):
    """Date plus one choice per domain: level 1–5 or 'not scored'."""

    datum = forms.DateField(label="Datum van de meting", widget=DatumInput())
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, ankers: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        ankers = ankers or {}
        for domein in ZRMDomein:
            keuzes = [("", "Niet gescoord")] + [
                (niveau.value, f"{niveau.value} · {niveau.label}") for niveau in ZRMNiveau
            ]
            self.fields[domein.value] = forms.TypedChoiceField(
                label=domein.label,
                choices=keuzes,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": SCORE_MELDING},
            )
            self.fields[domein.value].ankers = [
                (niveau.value, ankers.get((domein.value, niveau.value), "")) for niveau in ZRMNiveau
            ]

    def domeinvelden(self):
        return [self[domein.value] for domein in ZRMDomein]

    @property
    def scores(self) -> dict[str, int | None]:
        return {domein.value: self.cleaned_data.get(domein.value) for domein in ZRMDomein}


class ResultaatForm(forms.Form):
    soort = forms.ModelChoiceField(
        label="Wat is bereikt",
        queryset=Resultaattype.objects.filter(actief=True),
        empty_label="Kies een resultaat",
    )
    datum = forms.DateField(label="Datum", widget=DatumInput())
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].label_from_instance = lambda t: f"{t.get_groep_display()}: {t.naam}"


class KnelpuntForm(forms.ModelForm):
    class Meta:
        model = Knelpunt
        fields = ["datum", "levensdomein", "categorie", "omschrijving", "status", "opgelost_op"]
        widgets = {
            "datum": DatumInput(),
            "opgelost_op": DatumInput(),
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Active categories, and the one she has if it was switched off since.
        keuze = Q(actief=True)
        if self.instance.categorie_id:
            keuze |= Q(pk=self.instance.categorie_id)
        self.fields["categorie"].queryset = Knelpuntcategorie.objects.filter(keuze)
        self.fields["categorie"].empty_label = "Kies een categorie"
        if nieuw:
            del self.fields["status"]
            del self.fields["opgelost_op"]


def procesregisseurs(team: Team):
    """The procesregisseurs who cover the team's municipality."""
    return User.objects.filter(
        is_active=True,
        groups__name=Rol.PROCESREGISSEUR,
        gemeentetoegang__content_object=team.gemeente,
        gemeentetoegang__permission__codename="aggregaten_inzien",
    ).distinct()


class EscalatieForm(forms.ModelForm):
    class Meta:
        model = Escalatie
        fields = ["procesregisseur", "reden", "verzoek", "reden_zonder_toestemming"]
        widgets = {
            "reden": forms.Textarea(attrs={"rows": 4}),
            "verzoek": forms.Textarea(attrs={"rows": 4}),
            "reden_zonder_toestemming": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, team: Team, zonder_toestemming: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procesregisseur"].queryset = procesregisseurs(team)
        self.fields["procesregisseur"].empty_label = "Kies de procesregisseur"
        if zonder_toestemming:
            self.fields["reden_zonder_toestemming"].label = "Waarom toch, zonder toestemming?"
            self.fields["reden_zonder_toestemming"].help_text = (
                "Er is geen geldige toestemming die het Zorg- en Veiligheidshuis dekt. Alleen "
                "de coördinator kan toch opschalen; de reden wordt vastgelegd."
            )
        else:
            del self.fields["reden_zonder_toestemming"]


class VoortgangForm(forms.Form):
    tekst = forms.CharField(label="Voortgang", widget=forms.Textarea(attrs={"rows": 3}))


class AfrondenForm(forms.Form):
    uitkomst = forms.CharField(
        label="Uitkomst",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Na het afronden vervalt de toegang van de procesregisseur tot haar gegevens.",
    )
