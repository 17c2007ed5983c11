"""The application's URLs plus the reference admin changelist (benchmark only)."""

from django.urls import path

from bench.referentie_admin import referentie
from stapteam.urls import urlpatterns as applicatie

urlpatterns = [path("referentie/", referentie.urls), *applicatie]
