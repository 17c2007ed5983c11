from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from stapteam import views

# The admin has no login of its own: it goes through allauth (rate limits, MFA).
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Stapteam beheer"
admin.site.site_title = "Stapteam beheer"
admin.site.index_title = "Gebruikers, teams en vocabulaires"

urlpatterns = [
    path("", views.start, name="start"),
    path("account/", views.mijn_account, name="mijn_account"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie_verlengen"),
    path("clienten/", include("clients.urls")),
    path("vergunningen/", include("vergunningen.urls")),
    path("budget/", include("budget.urls")),
    path("plannen/", include("plannen.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("accounts/", include("allauth.urls")),
    path(settings.BEHEER_URL, admin.site.urls),
]
