"""The functional administrator's tool: accounts, teams, organisations, municipalities.

Client content is not in the admin, and neither is the access log (the privacy officer
reads that on her own page). Saves go through ``stapteam.services``. Nothing given here
takes effect on one administrator's word: a team role waits for the team's coordinator,
the administrator role for another administrator; the staff and superuser flags are not
on the form (staff follows from the role).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from stapteam import services, toegang
from stapteam.constants import AanvraagStatus, Rol
from stapteam.models import Gemeente, Organisatie, Team, User

admin.site.unregister(Group)  # roles are fixed (ONTWERP §1); they are not edited by hand


class GebruikerForm(forms.ModelForm):
    """An account's name, role and grants. There is no password field: the administrator
    never sees or sets a password (a new account gets an activation link)."""

    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    teams = forms.ModelMultipleChoiceField(
        label="Teams",
        queryset=Team.objects.filter(actief=True),
        required=False,
        help_text="Alleen voor casemanagers, ervaringsdeskundigen en coördinatoren. Een "
        "nieuw team of een ruimere rol gaat pas in als de coördinator van het team dat "
        "bevestigt.",
    )
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeentecijfers",
        queryset=Gemeente.objects.all(),
        required=False,
        help_text="Alleen voor gemeente en procesregisseur: de gemeenten waarvan zij de "
        "geaggregeerde cijfers zien.",
    )
    # The acting administrator; set by ``GebruikerAdmin.get_form``.
    door: User | None = None

    class Meta:
        model = User
        fields = ["username", "naam", "email", "organisatie", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # An account waiting for the administrator role has none meanwhile.
            self.fields["rol"].initial = self.instance.rol or services.wachtende_rol(self.instance)
            # Teams waiting for confirmation count as chosen: saving again keeps them waiting.
            self.fields["teams"].initial = list(
                Team.objects.filter(pk__in=services.huidige_team_ids(self.instance))
            )
            self.fields["gemeenten"].initial = list(toegang.gemeenten_van(self.instance))

    def clean(self):
        data = super().clean()
        if data.get("rol"):
            teams, gemeenten = data.get("teams") or [], data.get("gemeenten") or []
            services.controleer_toegang(data["rol"], teams, gemeenten)
            services.controleer_eigen_account(
                gebruiker=self.instance,
                door=self.door,
                rol=data["rol"],
                teams=teams,
                gemeenten=gemeenten,
            )
        return data


class NieuweGebruikerForm(GebruikerForm):
    def clean_email(self):
        email = self.cleaned_data.get("email")
        if not email:
            raise ValidationError("Een e-mailadres is nodig: daar gaat de activatielink heen.")
        return email


@admin.register(User)
class GebruikerAdmin(SimpleHistoryAdmin, UserAdmin):
    form = GebruikerForm
    add_form = NieuweGebruikerForm
    # Django's own add template asks for a password first; ours has none.
    add_form_template = None
    fieldsets = (
        (None, {"fields": ("username", "naam", "email", "organisatie")}),
        (
            "Rol en toegang",
            {"fields": ("rol", "teams", "wacht_op_bevestiging", "gemeenten", "is_active")},
        ),
        ("Gegevens", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "naam", "email", "organisatie")}),
        ("Rol en toegang", {"fields": ("rol", "teams", "gemeenten", "is_active")}),
    )
    readonly_fields = ("last_login", "date_joined", "wacht_op_bevestiging")
    list_display = ("username", "naam", "rol_label", "organisatie", "is_active")
    list_filter = ("groups", "is_active", "organisatie")
    search_fields = ("username", "naam", "email")
    ordering = ("naam", "username")
    filter_horizontal = ()
    actions = ["mfa_resetten", "activatielink_opnieuw"]

    def get_queryset(self, request):
        # Technical superuser accounts are not the administrator's to change.
        qs = super().get_queryset(request).prefetch_related("groups")
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_form(self, request, obj=None, **kwargs):
        formulier = super().get_form(request, obj, **kwargs)
        return type(formulier.__name__, (formulier,), {"door": request.user})

    def user_change_password(self, request, id, form_url=""):
        # Nobody sets another person's password here; she does that herself.
        raise PermissionDenied

    @admin.display(description="rol")
    def rol_label(self, obj: User) -> str:
        return obj.rol_label

    @admin.display(description="wacht op bevestiging")
    def wacht_op_bevestiging(self, obj: User) -> str:
        wachtend = obj.toegangsaanvragen.filter(status=AanvraagStatus.WACHT).select_related("team")
        return ", ".join(f"{a.get_rol_display()} {a.waarvoor}" for a in wachtend) or "—"

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
            door=request.user,
        )
        if not change:
            services.activatielink_versturen(
                gebruiker=obj, basis_url=request.build_absolute_uri("/")[:-1]
            )
            self.message_user(
                request,
                f"Een activatielink is naar {obj.email} gestuurd; {obj} kiest daar zelf een "
                "wachtwoord.",
                messages.INFO,
            )
        wachtend = obj.toegangsaanvragen.filter(status=AanvraagStatus.WACHT)
        if wachtend.filter(team__isnull=True).exists():
            self.message_user(
                request,
                f"De rol beheerder van {obj} gaat pas in als een andere beheerder die "
                "bevestigt (bij Toegangsaanvragen). Tot dan heeft het account geen rol.",
                messages.WARNING,
            )
        teamtoegang = wachtend.filter(team__isnull=False).count()
        if teamtoegang:
            self.message_user(
                request,
                f"{teamtoegang} teamtoegang(en) van {obj} wacht(en) op bevestiging door de "
                "coördinator van het team.",
                messages.WARNING,
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
            "bij de volgende keer inloggen een nieuwe authenticator-app in; hun teamtoegang "
            "wacht weer op bevestiging door de coördinator.",
            messages.SUCCESS,
        )

    @admin.action(description="Activatielink opnieuw sturen (nog geen wachtwoord)")
    def activatielink_opnieuw(self, request, queryset):
        verstuurd = 0
        for gebruiker in queryset:
            if gebruiker.has_usable_password():
                continue  # who has a password uses "wachtwoord vergeten"
            services.activatielink_versturen(
                gebruiker=gebruiker, basis_url=request.build_absolute_uri("/")[:-1]
            )
            verstuurd += 1
        self.message_user(request, f"Activatielink gestuurd aan {verstuurd} gebruiker(s).")


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
