from django.urls import path

from rapportage import views
from rapportage.werkboek import views as werkboek

app_name = "rapportage"

urlpatterns = [
    path("evaluatie/", views.evaluatie, name="evaluatie"),
    path("monitor/", views.monitor, name="monitor"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("knelpunten/", views.knelpunten, name="knelpunten"),
    path(
        "knelpunten/team/<str:team_code>/afdrukken/",
        views.knelpunten_afdrukken,
        name="knelpunten_afdrukken",
    ),
    path(
        "knelpunten/<slug:categorie_code>/notitie/",
        views.knelpuntnotitie,
        name="knelpuntnotitie",
    ),
    path("werkboek/", werkboek.werkboek, name="werkboek"),
    path("werkboek/exporteren/", werkboek.exporteren, name="werkboek_exporteren"),
    path("werkboek/importeren/", werkboek.importeren, name="werkboek_importeren"),
    path("werkboek/importeren/<str:token>/", werkboek.bevestigen, name="werkboek_bevestigen"),
]
