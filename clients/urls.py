from django.urls import path

from clients.views import avg, contacten, dossier, lijsten, overdracht, toestemming

app_name = "clients"

urlpatterns = [
    path("", lijsten.teamlijst, name="lijst"),
    path("mijn/", lijsten.mijn_clienten, name="mijn"),
    path("nieuw/", dossier.client_nieuw, name="nieuw"),
    path("overdracht/", overdracht.caseload_overdragen, name="caseload_overdragen"),
    path("<int:pk>/", dossier.dossier, name="dossier"),
    path("<int:pk>/wijzigen/", dossier.client_wijzigen, name="wijzigen"),
    path("<int:pk>/situatie/<str:kenmerk>/", dossier.situatie_wijzigen, name="situatie"),
    path("<int:pk>/toestemming/nieuw/", toestemming.toestemming_nieuw, name="toestemming_nieuw"),
    path(
        "<int:pk>/toestemming/<int:toestemming_pk>/",
        toestemming.toestemming_wijzigen,
        name="toestemming_wijzigen",
    ),
    path(
        "<int:pk>/toestemming/<int:toestemming_pk>/controleren/",
        toestemming.toestemming_controleren,
        name="toestemming_controleren",
    ),
    path(
        "<int:pk>/toestemming/<int:toestemming_pk>/scan/",
        toestemming.toestemming_scan,
        name="toestemming_scan",
    ),
    path("<int:pk>/contact/", contacten.contact_nieuw, name="contact_nieuw"),
    path("<int:pk>/contacten/", contacten.contacten, name="contacten"),
    path(
        "<int:pk>/contacten/<int:contact_pk>/corrigeren/",
        contacten.contact_corrigeren,
        name="contact_corrigeren",
    ),
    path("<int:pk>/overdragen/", overdracht.client_overdragen, name="overdragen"),
    path("<int:pk>/toegangslog/", avg.toegangslog, name="toegangslog"),
    path("<int:pk>/inzage/", avg.inzage, name="inzage"),
    path("<int:pk>/inzage/downloaden/", avg.inzage_downloaden, name="inzage_downloaden"),
]
