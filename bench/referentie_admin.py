"""A plain Django admin changelist of the caseload's clients: the reference the caseload
is compared with (what Django itself costs for a paginated list of the same rows).

Only mounted by ``bench.urls`` during the benchmark; the real admin has no client
content (ONTWERP §8).
"""

from django.contrib import admin

from clients.constants import Status
from clients.models import Client
from clients.toegang import clienten_voor_gebruiker


class ReferentieSite(admin.AdminSite):
    site_header = "Referentie (benchmark)"

    def has_permission(self, request):
        # The casemanager who requests the caseload requests this list too.
        return request.user.is_active and request.user.is_authenticated


class ClientenReferentie(admin.ModelAdmin):
    list_display = ("code", "roepnaam", "status", "casemanager", "in_beeld_sinds")
    list_select_related = ("casemanager", "team")
    list_per_page = 25
    ordering = ("roepnaam", "code")

    def get_queryset(self, request):
        # The clients of the caseload with its default filter (running, not outflown).
        return clienten_voor_gebruiker(request.user).exclude(status=Status.UITGESTROOMD)

    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


referentie = ReferentieSite(name="referentie")
referentie.register(Client, ClientenReferentie)
