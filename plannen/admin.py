"""The administrator extends the results catalogue and loads licensed ZRM anchor texts."""

from django.contrib import admin

from plannen.models import Resultaattype, ZRMAnker
from stapteam.admin import ViaServiceAdmin


@admin.register(Resultaattype)
class ResultaattypeAdmin(ViaServiceAdmin):
    list_display = ("naam", "code", "groep", "volgorde", "actief")
    list_filter = ("groep", "actief")
    search_fields = ("naam", "code")
    prepopulated_fields = {"code": ("naam",)}


@admin.register(ZRMAnker)
class ZRMAnkerAdmin(ViaServiceAdmin):
    list_display = ("domein", "niveau", "versie")
    list_filter = ("versie", "domein", "niveau")
    search_fields = ("tekst",)
