"""Forms of the client dossier. They collect input; the services decide what is valid."""

from django import forms
from django.utils import timezone

from clients.constants import (
    KENMERK_WAARDEN,
    ContactSoort,
    Intensiteit,
    Kenmerk,
    Levensdomein,
    Locatie,
    Status,
    Woonsituatie,
)
from clients.models import Client, Contact, Toestemming
from clients.services import KOPPELVELDEN, PERSOONSVELDEN, STATUSVELDEN
from stapteam.constants import CASELOAD_ROLLEN, CONTACT_ROLLEN, Rol
from stapteam.formulieren import DatumInput, DatumTijdInput
from stapteam.models import Organisatie, Team, User
from stapteam.toegang import medewerkers_van

DATUMWIDGETS = {
    "geboortedatum": DatumInput(),
    "in_beeld_sinds": DatumInput(),
    "uitstroom_datum": DatumInput(),
}


def _medewerker_label(obj) -> str:
    return f"{obj.naam} ({obj.rol_label.lower()})" if obj.rol else obj.naam


class _Medewerkers(forms.models.ModelChoiceIterator):
    """The colleagues to choose from, read in one ordinary query: Django's own iterator
    opens a server-side cursor, three round trips for a list of a few names."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for medewerker in self.queryset:
            yield self.choice(medewerker)


class MedewerkerKeuze(forms.ModelChoiceField):
    iterator = _Medewerkers

    def label_from_instance(self, obj):
        return _medewerker_label(obj)

    @staticmethod
    def multiple(label: str) -> forms.ModelMultipleChoiceField:
        """Several colleagues at once, as checkboxes."""
        veld = forms.ModelMultipleChoiceField(
            queryset=User.objects.none(),
            label=label,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        veld.label_from_instance = _medewerker_label
        veld.iterator = _Medewerkers
        return veld


class ZoekForm(forms.Form):
    """Step one of registering a client: look for her first."""

    roepnaam = forms.CharField(label="Roepnaam", max_length=100)
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DatumInput())
    bsn = forms.CharField(label="BSN", max_length=12, required=False)


class ClientForm(forms.ModelForm):
    """Registering a new client, or (with ``nieuw=False``) changing her details."""

    casemanager = MedewerkerKeuze(queryset=User.objects.none(), label="Casemanager", required=False)
    tweede_casemanager = MedewerkerKeuze(
        queryset=User.objects.none(), label="Tweede casemanager", required=False
    )
    ervaringsdeskundige = MedewerkerKeuze(
        queryset=User.objects.none(), label="Ervaringsdeskundige", required=False
    )
    # Room for how people type it ('1234.56.782'); the service normalises and checks it.
    bsn = forms.CharField(label="BSN", max_length=12, required=False)

    class Meta:
        model = Client
        fields = [*PERSOONSVELDEN, *STATUSVELDEN, "casemanager", *KOPPELVELDEN]
        widgets = {**DATUMWIDGETS, "postadres": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, teams, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        teams = list(teams)
        if nieuw and len(teams) > 1:
            self.fields["team"] = forms.ModelChoiceField(
                queryset=Team.objects.filter(pk__in=[t.pk for t in teams]), label="Team"
            )
            self.order_fields(["team"])
        casemanagers = medewerkers_van(teams, CASELOAD_ROLLEN)
        self.fields["casemanager"].queryset = casemanagers
        self.fields["tweede_casemanager"].queryset = casemanagers
        self.fields["ervaringsdeskundige"].queryset = medewerkers_van(
            teams, [Rol.ERVARINGSDESKUNDIGE]
        )
        if not nieuw:
            # The primary casemanager changes by handover, not here.
            del self.fields["casemanager"]
        self.fields["bsn"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["telefoon"].widget.attrs.update({"inputmode": "tel", "autocomplete": "off"})


class SituatieForm(forms.Form):
    datum = forms.DateField(label="Vanaf", widget=DatumInput(), initial=timezone.localdate)
    waarde = forms.ChoiceField(label="Waarde", widget=forms.RadioSelect)

    def __init__(self, *args, kenmerk: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waarde"].choices = KENMERK_WAARDEN[kenmerk].choices
        self.fields["waarde"].label = Kenmerk(kenmerk).label


class ToestemmingForm(forms.ModelForm):
    partijen = forms.ModelMultipleChoiceField(
        queryset=Organisatie.objects.filter(actief=True),
        widget=forms.CheckboxSelectMultiple,
        label="Gegevens mogen gedeeld worden met",
    )
    scan = forms.FileField(
        label="Scan van het ondertekende formulier",
        required=False,
        help_text="PDF, JPEG of PNG. Een foto met je telefoon mag ook.",
        # Not the clearable input: its "Momenteel" link would point at the private file
        # store, which serves nothing (the scan opens through the logged download view).
        widget=forms.FileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"}
        ),
    )

    class Meta:
        model = Toestemming
        fields = ["ondertekend_op", "versie", "geldig_tot", "partijen", "scan", "ingetrokken_op"]
        widgets = {
            "ondertekend_op": DatumInput(),
            "geldig_tot": DatumInput(),
            "ingetrokken_op": DatumInput(),
        }

    def __init__(self, *args, nieuw: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if nieuw:
            del self.fields["ingetrokken_op"]
        else:
            self.fields[
                "ingetrokken_op"
            ].help_text = "Vul de datum in waarop zij haar toestemming introk."
            self.fields["scan"].label = "Nieuwe scan (vervangt de huidige)"

    def clean_scan(self):
        # An unchanged file field returns the stored file; only a new upload counts.
        scan = self.cleaned_data.get("scan")
        return scan if hasattr(scan, "content_type") else None


class OverdrachtForm(forms.Form):
    naar = MedewerkerKeuze(queryset=User.objects.none(), label="Nieuwe casemanager")
    notitie = forms.CharField(
        label="Overdrachtsnotitie",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="Wat de nieuwe casemanager moet weten voor de warme overdracht.",
    )

    def __init__(self, *args, team: Team, behalve: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        kandidaten = medewerkers_van([team], CASELOAD_ROLLEN)
        if behalve is not None:
            kandidaten = kandidaten.exclude(pk=behalve.pk)
        self.fields["naar"].queryset = kandidaten


class CaseloadOverdrachtForm(OverdrachtForm):
    van = MedewerkerKeuze(queryset=User.objects.none(), label="Huidige casemanager")
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, team: Team, **kwargs):
        super().__init__(*args, team=team, **kwargs)
        self.fields["van"].queryset = medewerkers_van([team], CASELOAD_ROLLEN)
        self.order_fields(["van", "naar", "notitie"])

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("van") == data.get("naar"):
            self.add_error("naar", "Kies een andere casemanager dan de huidige.")
        return data


class PeriodeForm(forms.Form):
    van = forms.DateField(label="Van", required=False, widget=DatumInput())
    tot = forms.DateField(label="Tot en met", required=False, widget=DatumInput())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "'Tot en met' ligt vóór 'van'.")
        return data


class LijstFilterForm(forms.Form):
    """Search and filters of the client lists (all optional)."""

    zoek = forms.CharField(label="Zoeken", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("lopend", "Lopend (niet uitgestroomd)"), ("", "Alle"), *Status.choices],
    )
    casemanager = MedewerkerKeuze(
        queryset=User.objects.none(), label="Casemanager", required=False, empty_label="Alle"
    )
    intensiteit = forms.ChoiceField(
        label="Intensiteit", required=False, choices=[("", "Alle"), *Intensiteit.choices]
    )
    woonsituatie = forms.ChoiceField(
        label="Woonsituatie", required=False, choices=[("", "Alle"), *Woonsituatie.choices]
    )
    signaal = forms.ChoiceField(label="Signaal", required=False)
    sorteer = forms.ChoiceField(
        label="Volgorde",
        required=False,
        choices=[("", "Eerst wie aandacht nodig heeft"), ("naam", "Op naam")],
    )

    def __init__(self, *args, teams, signaalsoorten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["casemanager"].queryset = medewerkers_van(teams, CASELOAD_ROLLEN)
        # "on" is what the start page links to: any signal.
        self.fields["signaal"].choices = [
            ("", "Alle"),
            ("on", "Met een signaal"),
            *((soort.code, soort.label) for soort in signaalsoorten),
        ]
        self.fields["zoek"].widget.attrs.update({"type": "search", "placeholder": "Naam of nummer"})


class ContactForm(forms.ModelForm):
    """Logging a contact: only the kind is needed; the rest has defaults or may stay empty."""

    levensdomeinen = forms.MultipleChoiceField(
        label="Besproken levensdomeinen",
        choices=Levensdomein.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ook_aanwezig = MedewerkerKeuze.multiple(label="Ook aanwezig")
    # No form-level bounds: the model's validators give the domain's own messages.
    duur_minuten = forms.IntegerField(
        label="Duur (minuten)",
        required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": 1440, "inputmode": "numeric"}),
    )

    class Meta:
        model = Contact
        fields = [
            "soort",
            "tijdstip",
            "locatie",
            "duur_minuten",
            "levensdomeinen",
            "notitie",
            "vertrouwelijk",
            "ook_aanwezig",
        ]
        widgets = {
            "soort": forms.RadioSelect,
            "locatie": forms.RadioSelect,
            "tijdstip": DatumTijdInput(),
            "notitie": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, team: Team, vertrouwelijk_toegestaan: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = ContactSoort.choices  # no empty choice: a kind is required
        self.fields["locatie"].choices = [("", "Niet opgegeven"), *Locatie.choices]
        self.fields["ook_aanwezig"].queryset = medewerkers_van([team], CONTACT_ROLLEN)
        if not vertrouwelijk_toegestaan:
            del self.fields["vertrouwelijk"]


class ContactFilterForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort",
        required=False,
        choices=[("", "Alle"), ("gerealiseerd", "Alleen gerealiseerd"), *ContactSoort.choices],
    )
    medewerker = MedewerkerKeuze(
        queryset=User.objects.none(), label="Medewerker", required=False, empty_label="Iedereen"
    )
    van = forms.DateField(label="Van", required=False, widget=DatumInput())
    tot = forms.DateField(label="Tot en met", required=False, widget=DatumInput())

    def __init__(self, *args, team: Team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = medewerkers_van([team], CONTACT_ROLLEN)
