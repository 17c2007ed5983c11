"""The administrator extends the results catalogue and the barrier categories, and loads
licensed ZRM anchor texts."""

from django.contrib import admin

from plannen.models import Knelpuntcategorie, Resultaattype, ZRMAnker
from stapteam.admin import ViaServiceAdmin


@admin.register(Resultaattype)
class ResultaattypeAdmin(ViaServiceAdmin):
    list_display = ("naam", "code", "groep", "volgorde", "actief")
    list_filter = ("groep", "actief")
    search_fields = ("naam", "code")
    prepopulated_fields = {"code": ("naam",)}


@admin.register(Knelpuntcategorie)
class KnelpuntcategorieAdmin(ViaServiceAdmin):
    list_display = ("naam", "code", "volgorde", "actief")
    list_filter = ("actief",)
    search_fields = ("naam", "code")

    def get_readonly_fields(self, request, obj=None):
        # The code is what the exchange workbook and the reports name a category by:
        # chosen once. A better name is given with ``naam``.
        return ("code",) if obj else ()

    def get_prepopulated_fields(self, request, obj=None):
        # Only on the add page: elsewhere the code is read-only (and the history's
        # version page reads the class attribute, which must not name it).
        return {} if obj else {"code": ("naam",)}


@admin.register(ZRMAnker)
class ZRMAnkerAdmin(ViaServiceAdmin):
    list_display = ("domein", "niveau", "versie")
    list_filter = ("versie", "domein", "niveau")
    search_fields = ("tekst",)
