"""Forms of budgets, spends and time-outs. They collect input; the services decide."""

from django import forms
from django.utils import timezone

from budget.constants import BudgetSoort, Categorie
from budget.models import Budget
from clients.forms import MedewerkerKeuze
from clients.models import Client
from stapteam.constants import CASELOAD_ROLLEN
from stapteam.formulieren import DatumInput
from stapteam.models import Team, User
from stapteam.toegang import medewerkers_van


def bedragveld(label: str, **kwargs) -> forms.DecimalField:
    """An amount as people type it ('12,50' or '12.50'). Its rules (more than zero, whole
    cents) are the service's, so the message is the same from every entrance."""
    return forms.DecimalField(
        label=label,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        **kwargs,
    )


class BudgetKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.periode})"


class ClientKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.roepnaam} ({obj.code})"


class BudgetForm(forms.Form):
    naam = forms.CharField(
        label="Naam", max_length=100, help_text="Bijvoorbeeld 'Flexbudget 2025'."
    )
    soort = forms.ChoiceField(label="Soort", choices=BudgetSoort.choices, widget=forms.RadioSelect)
    van = forms.DateField(label="Van", widget=DatumInput())
    tot = forms.DateField(label="Tot en met", widget=DatumInput())
    bedrag = bedragveld("Bedrag in euro")

    def __init__(self, *args, teams=None, wijzigen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        teams = list(teams or [])
        if len(teams) > 1:
            self.fields["team"] = forms.ModelChoiceField(
                queryset=Team.objects.filter(pk__in=[t.pk for t in teams]),
                label="Team",
            )
            self.order_fields(["team"])
        if wijzigen:
            del self.fields["soort"]


class UitgaveForm(forms.Form):
    budget = BudgetKeuze(queryset=Budget.objects.none(), label="Budget")
    datum = forms.DateField(label="Datum", widget=DatumInput(), initial=timezone.localdate)
    bedrag = bedragveld("Bedrag in euro")
    categorie = forms.ChoiceField(label="Categorie", choices=[("", "Kies…"), *Categorie.choices])
    client = ClientKeuze(
        queryset=Client.objects.none(),
        label="Cliënt",
        required=False,
        empty_label="Geen (niet voor één cliënt)",
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Wat is er gekocht of betaald, en waarvoor.",
    )
    medewerker = MedewerkerKeuze(queryset=User.objects.none(), label="Uitgegeven door")
    bonnetje = forms.FileField(
        label="Bonnetje",
        required=False,
        help_text="PDF, JPEG of PNG. Een foto met je telefoon mag ook.",
        widget=forms.FileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"}
        ),
    )

    def __init__(self, *args, budgetten, clienten, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"].queryset = budgetten
        self.fields["client"].queryset = clienten
        self.fields["medewerker"].queryset = medewerkers_van(teams, CASELOAD_ROLLEN)


class BeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("goedkeuren", "Goedkeuren"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Verplicht bij afwijzen: de reden.",
    )


class CorrectieForm(forms.Form):
    bedrag = bedragveld(
        "Te corrigeren bedrag in euro",
        help_text="Het bedrag dat van de uitgave af gaat, bijvoorbeeld wat terugkwam.",
    )
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}))


class TimeOutForm(forms.Form):
    client = ClientKeuze(queryset=Client.objects.none(), label="Cliënt")
    locatie = forms.CharField(
        label="Locatie", max_length=200, help_text="Bijvoorbeeld 'Het Hoogeland, Beekbergen'."
    )
    van = forms.DateField(label="Van", widget=DatumInput())
    tot = forms.DateField(
        label="Tot en met",
        widget=DatumInput(),
        help_text="Hoogstens 14 dagen, van en tot meegeteld.",
    )
    dagtarief = bedragveld("Dagtarief in euro")
    budget = BudgetKeuze(
        queryset=Budget.objects.none(),
        label="Time-outbudget",
        required=False,
        empty_label="Vanzelf: het budget waarvan de periode de begindatum bevat",
    )
    limiet_reden = forms.CharField(
        label="Reden boven het jaarmaximum",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Alleen nodig als het team dit jaar al het maximum aantal time-outs had.",
    )

    def __init__(self, *args, clienten, budgetten, mag_overschrijden: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = clienten
        self.fields["budget"].queryset = budgetten.filter(soort=BudgetSoort.TIME_OUT)
        if not mag_overschrijden:
            del self.fields["limiet_reden"]
