"""The functional administrator's tool: accounts, teams, organisations, municipalities.

Client content is not in the admin. Saves go through ``stapteam.services``; the access
log can be read here but never changed.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from stapteam import services, toegang
from stapteam.constants import Rol
from stapteam.models import Gemeente, Organisatie, Team, Toegangslog, User

admin.site.unregister(Group)  # roles are fixed (ONTWERP §1); they are not edited by hand


class GebruikerForm(forms.ModelForm):
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    teams = forms.ModelMultipleChoiceField(
        label="Teams",
        queryset=Team.objects.filter(actief=True),
        required=False,
        help_text="Alleen voor casemanagers, ervaringsdeskundigen en coördinatoren.",
    )
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeentecijfers",
        queryset=Gemeente.objects.all(),
        required=False,
        help_text="Alleen voor gemeente en procesregisseur: de gemeenten waarvan zij de "
        "geaggregeerde cijfers zien.",
    )

    class Meta:
        model = User
        fields = ["username", "naam", "email", "organisatie", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["rol"].initial = self.instance.rol
            self.fields["teams"].initial = list(toegang.teams_van(self.instance))
            self.fields["gemeenten"].initial = list(toegang.gemeenten_van(self.instance))

    def clean(self):
        data = super().clean()
        if data.get("rol"):
            services.controleer_toegang(
                data["rol"], data.get("teams") or [], data.get("gemeenten") or []
            )
        return data


class NieuweGebruikerForm(GebruikerForm):
    wachtwoord1 = forms.CharField(
        label="Wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        required=False,
        help_text="Leeg laten: de gebruiker kiest zelf een wachtwoord via 'wachtwoord "
        "vergeten' (e-mailadres nodig).",
    )
    wachtwoord2 = forms.CharField(
        label="Wachtwoord (nogmaals)",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        required=False,
    )

    def clean(self):
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een or twee:
            if een != twee:
                self.add_error("wachtwoord2", "De wachtwoorden zijn niet gelijk.")
            else:
                try:
                    validate_password(een, self.instance)
                except ValidationError as fout:
                    self.add_error("wachtwoord1", fout)
        return data


@admin.register(User)
class GebruikerAdmin(SimpleHistoryAdmin, UserAdmin):
    form = GebruikerForm
    add_form = NieuweGebruikerForm
    fieldsets = (
        (None, {"fields": ("username", "password", "naam", "email", "organisatie")}),
        ("Rol en toegang", {"fields": ("rol", "teams", "gemeenten", "is_active")}),
        ("Gegevens", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "naam", "email", "organisatie")}),
        ("Rol en toegang", {"fields": ("rol", "teams", "gemeenten", "is_active")}),
        ("Wachtwoord", {"fields": ("wachtwoord1", "wachtwoord2")}),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "naam", "rol_label", "organisatie", "is_active")
    list_filter = ("groups", "is_active", "organisatie")
    search_fields = ("username", "naam", "email")
    ordering = ("naam", "username")
    filter_horizontal = ()
    actions = ["mfa_resetten"]

    def get_queryset(self, request):
        # Technical superuser accounts are not the administrator's to change.
        qs = super().get_queryset(request).prefetch_related("groups")
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    @admin.display(description="rol")
    def rol_label(self, obj: User) -> str:
        return obj.rol_label

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        services.gebruiker_opslaan(
            gebruiker=obj,
            gebruikersnaam=data["username"],
            naam=data["naam"],
            rol=data["rol"],
            email=data.get("email", ""),
            organisatie=data.get("organisatie"),
            teams=data.get("teams") or [],
            gemeenten=data.get("gemeenten") or [],
            actief=data.get("is_active", True),
            wachtwoord=data.get("wachtwoord1") or None,
            door=request.user,
        )

    def save_related(self, request, form, formsets, change):
        # Role and grants were set by the service in save_model.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description="Tweestapsverificatie resetten (verloren telefoon)")
    def mfa_resetten(self, request, queryset):
        for gebruiker in queryset:
            services.mfa_resetten(gebruiker=gebruiker, door=request.user)
        self.message_user(
            request,
            f"Tweestapsverificatie gereset voor {queryset.count()} gebruiker(s). Zij stellen "
            "bij de volgende keer inloggen een nieuwe authenticator-app in.",
            messages.SUCCESS,
        )


class ViaServiceAdmin(SimpleHistoryAdmin):
    """Reference data saved through ``services.opslaan`` (validation and history user)."""

    def save_model(self, request, obj, form, change):
        services.opslaan(obj, door=request.user)

    def has_delete_permission(self, request, obj=None):
        # Records are switched off (actief), not deleted: history and reports refer to them.
        return False


@admin.register(Team)
class TeamAdmin(ViaServiceAdmin):
    list_display = ("naam", "code", "gemeente", "onderdrukkingsdrempel", "actief")
    list_filter = ("gemeente", "actief")
    search_fields = ("naam", "code")
    prepopulated_fields = {"code": ("naam",)}


@admin.register(Organisatie)
class OrganisatieAdmin(ViaServiceAdmin):
    list_display = ("naam", "code", "actief")
    list_filter = ("actief",)
    search_fields = ("naam", "code")


@admin.register(Gemeente)
class GemeenteAdmin(ViaServiceAdmin):
    list_display = ("naam",)
    search_fields = ("naam",)


@admin.register(Toegangslog)
class ToegangslogAdmin(admin.ModelAdmin):
    """Read-only: nobody adds, changes or deletes a line of the access log."""

    list_display = (
        "tijdstip",
        "gebruiker",
        "rol_label",
        "team",
        "actie",
        "object_type",
        "object_id",
        "client_id",
        "ip_adres",
    )
    list_filter = ("actie", "rol", "team")
    search_fields = ("gebruiker__username", "omschrijving", "ip_adres")
    date_hierarchy = "tijdstip"
    list_select_related = ("gebruiker", "team")
    actions = None

    @admin.display(description="rol", ordering="rol")
    def rol_label(self, obj: Toegangslog) -> str:
        return obj.rol_label

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
