from django.urls import path

from vergunningen import views

app_name = "vergunningen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("exporteren/", views.exporteren, name="exporteren"),
    path("client/<int:client_pk>/nieuw/", views.aanvraag_nieuw, name="nieuw"),
    path("<int:pk>/", views.vergunning, name="vergunning"),
    path("<int:pk>/aanvraag/", views.aanvraag_wijzigen, name="aanvraag_wijzigen"),
    path("<int:pk>/besluit/", views.besluit, name="besluit"),
    path("<int:pk>/bezwaar/", views.bezwaar, name="bezwaar"),
]
