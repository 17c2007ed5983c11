from django.urls import path

from rapportage import views

app_name = "rapportage"

urlpatterns = [
    path("evaluatie/", views.evaluatie, name="evaluatie"),
    path("monitor/", views.monitor, name="monitor"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
