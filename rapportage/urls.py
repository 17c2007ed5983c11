from django.urls import path

from rapportage.werkboek import views

app_name = "rapportage"

urlpatterns = [
    path("werkboek/", views.werkboek, name="werkboek"),
    path("werkboek/exporteren/", views.exporteren, name="werkboek_exporteren"),
    path("werkboek/importeren/", views.importeren, name="werkboek_importeren"),
    path("werkboek/importeren/<str:token>/", views.bevestigen, name="werkboek_bevestigen"),
]
