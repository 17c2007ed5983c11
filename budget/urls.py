from django.urls import path

from budget import views

app_name = "budget"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.budget_nieuw, name="nieuw"),
    path("goedkeuren/", views.goedkeuren, name="goedkeuren"),
    path("<int:pk>/", views.budget, name="budget"),
    path("<int:pk>/wijzigen/", views.budget_wijzigen, name="wijzigen"),
    path("uitgave/nieuw/", views.uitgave_nieuw, name="uitgave_nieuw"),
    path("uitgave/<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("uitgave/<int:pk>/corrigeren/", views.corrigeren, name="corrigeren"),
    path("uitgave/<int:pk>/bonnetje/", views.bonnetje, name="bonnetje"),
    path("timeout/nieuw/", views.timeout_nieuw, name="timeout_nieuw"),
]
