from django.urls import path

from plannen.views import escalatie, plan, registratie, zrm

app_name = "plannen"

urlpatterns = [
    path("<int:client_pk>/plan/nieuw/", plan.plan_nieuw, name="plan_nieuw"),
    path("<int:client_pk>/plan/<int:plan_pk>/", plan.plan, name="plan"),
    path("<int:client_pk>/plan/<int:plan_pk>/wijzigen/", plan.plan_wijzigen, name="plan_wijzigen"),
    path(
        "<int:client_pk>/plan/<int:plan_pk>/afdrukken/", plan.plan_afdrukken, name="plan_afdrukken"
    ),
    path("<int:client_pk>/plan/<int:plan_pk>/doel/nieuw/", plan.doel_nieuw, name="doel_nieuw"),
    path("<int:client_pk>/doel/<int:doel_pk>/wijzigen/", plan.doel_wijzigen, name="doel_wijzigen"),
    path(
        "<int:client_pk>/doel/<int:doel_pk>/actiepunt/nieuw/",
        plan.actiepunt_nieuw,
        name="actiepunt_nieuw",
    ),
    path(
        "<int:client_pk>/actiepunt/<int:actiepunt_pk>/wijzigen/",
        plan.actiepunt_wijzigen,
        name="actiepunt_wijzigen",
    ),
    path("<int:client_pk>/zrm/", zrm.zrm_overzicht, name="zrm"),
    path("<int:client_pk>/zrm/nieuw/", zrm.zrm_nieuw, name="zrm_nieuw"),
    path("<int:client_pk>/resultaat/nieuw/", registratie.resultaat_nieuw, name="resultaat_nieuw"),
    path("<int:client_pk>/knelpunt/nieuw/", registratie.knelpunt_nieuw, name="knelpunt_nieuw"),
    path(
        "<int:client_pk>/knelpunt/<int:knelpunt_pk>/wijzigen/",
        registratie.knelpunt_wijzigen,
        name="knelpunt_wijzigen",
    ),
    path("<int:client_pk>/escalatie/nieuw/", escalatie.escalatie_nieuw, name="escalatie_nieuw"),
    path("escalaties/", escalatie.escalaties, name="escalaties"),
    path("escalaties/<int:pk>/", escalatie.escalatie, name="escalatie"),
]
