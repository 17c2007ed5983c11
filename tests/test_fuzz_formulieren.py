"""Every form of every app, fuzzed: hostile input never gives a server error or a partial
write, and a refusal always says what is wrong, in Dutch (see ``tests/fuzz.py``).

One target per form page, sent by the role that uses it, in the scenario of the access
matrix (a client with a consent, a plan, a barrier, an escalation, a permit, a budget and
spends). Filter forms are fuzzed as the GET they are. A form class of the project without
a target fails ``test_elk_formulier_heeft_een_fuzzdoel``.
"""

import datetime as dt
import importlib
import pkgutil

import pytest
import time_machine
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from budget.forms import (
    BeoordelingForm,
    BudgetForm,
    CorrectieForm,
    TimeOutForm,
    UitgaveForm,
)
from budget.models import Budget, TimeOut, Uitgave
from clients.forms import (
    CaseloadOverdrachtForm,
    ClientForm,
    ContactFilterForm,
    ContactForm,
    LijstFilterForm,
    OverdrachtForm,
    SituatieForm,
    ToestemmingForm,
    ZoekForm,
)
from clients.forms import PeriodeForm as InzagePeriodeForm
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming, Verstrekking
from clients.signalen import soorten as signaalsoorten
from plannen.forms import (
    ActiepuntForm,
    AfrondenForm,
    DoelForm,
    EscalatieForm,
    KnelpuntForm,
    PlanForm,
    ResultaatForm,
    VoortgangForm,
    ZRMForm,
)
from plannen.models import (
    Actiepunt,
    Doel,
    Escalatie,
    Knelpunt,
    Knelpuntnotitie,
    Plan,
    Resultaat,
    Voortgang,
    ZRMMeting,
)
from rapportage.forms import KnelpuntnotitieForm, PeriodeForm, VerstrekkingForm
from rapportage.werkboek.forms import WerkboekForm
from stapteam.constants import Rol
from stapteam.views import ToegangslogFilterForm
from tests import fuzz
from tests.fuzz import Doel as FuzzDoel
from tests.test_toegangsmatrix import scenario  # noqa: F401  (the fixture)
from vergunningen.forms import AanvraagForm, BesluitForm, BezwaarForm
from vergunningen.forms import LijstFilterForm as VergunningFilterForm
from vergunningen.models import Vergunning

pytestmark = pytest.mark.django_db

CM, CO, ED = Rol.CASEMANAGER, Rol.COORDINATOR, Rol.ERVARINGSDESKUNDIGE


@pytest.fixture(autouse=True)
def _vaste_klok():
    # Before the scenario is made: its budgets are of "this year".
    with time_machine.travel(dt.datetime(2026, 3, 31, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def url(naam, *sleutels, query=""):
    """``reverse(naam)`` with the pks of the scenario's objects named by ``sleutels``."""
    return lambda s: reverse(naam, args=[s[k].pk for k in sleutels]) + query


def client_van(s):
    return s["client"]


def team_query(s):
    return f"?team={s['team'].code}"


def clienten(s):
    return Client.objects.filter(team=s["team"])


def budgetten(s):
    return Budget.objects.filter(team=s["team"])


def aanvraagform(s):
    return AanvraagForm(peildatum=s["team"].vergunning_peildatum, gemeente="Nijmegen")


DOELEN = [
    # --- clients
    FuzzDoel("client zoeken", CM, url("clients:nieuw"), lambda s: ZoekForm(), methode="GET"),
    FuzzDoel(
        "client nieuw",
        CM,
        url("clients:nieuw"),
        lambda s: ClientForm(teams=[s["team"]]),
        schrijft=(Client,),
    ),
    FuzzDoel(
        "client wijzigen",
        CM,
        url("clients:wijzigen", "client"),
        lambda s: ClientForm(instance=s["client"], teams=[s["team"]], nieuw=False),
        schrijft=(Client,),
    ),
    *[
        FuzzDoel(
            f"situatie {kenmerk}",
            CM,
            lambda s, kenmerk=kenmerk: reverse("clients:situatie", args=[s["client"].pk, kenmerk]),
            lambda s, kenmerk=kenmerk: SituatieForm(kenmerk=kenmerk),
            schrijft=(Situatie,),
        )
        for kenmerk in ("woonsituatie", "intensiteit")
    ],
    FuzzDoel(
        "toestemming nieuw",
        CM,
        url("clients:toestemming_nieuw", "client"),
        lambda s: ToestemmingForm(),
        schrijft=(Toestemming,),
    ),
    FuzzDoel(
        "toestemming wijzigen",
        CM,
        url("clients:toestemming_wijzigen", "client", "toestemming"),
        lambda s: ToestemmingForm(instance=s["toestemming"], nieuw=False),
        schrijft=(Toestemming,),
    ),
    FuzzDoel(
        "contact nieuw",
        CM,
        url("clients:contact_nieuw", "client"),
        lambda s: ContactForm(team=s["team"], vertrouwelijk_toegestaan=True),
        schrijft=(Contact,),
    ),
    FuzzDoel(
        "contact nieuw door de ervaringsdeskundige",
        ED,
        url("clients:contact_nieuw", "client"),
        lambda s: ContactForm(team=s["team"], vertrouwelijk_toegestaan=False),
        schrijft=(Contact,),
    ),
    FuzzDoel(
        "contact corrigeren",
        CM,
        url("clients:contact_corrigeren", "client", "contact"),
        lambda s: ContactForm(instance=s["contact"], team=s["team"], vertrouwelijk_toegestaan=True),
        schrijft=(Contact,),
    ),
    FuzzDoel(
        "contacten filteren",
        CM,
        url("clients:contacten", "client"),
        lambda s: ContactFilterForm(team=s["team"]),
        methode="GET",
    ),
    FuzzDoel(
        "clientenlijst filteren",
        CM,
        url("clients:lijst"),
        lambda s: LijstFilterForm(
            teams=[s["team"]], signaalsoorten=signaalsoorten(vandaag=dt.date(2026, 3, 31))
        ),
        methode="GET",
    ),
    FuzzDoel(
        "client overdragen",
        CO,
        url("clients:overdragen", "client"),
        lambda s: OverdrachtForm(team=s["team"], behalve=s["client"].casemanager),
        schrijft=(Overdracht,),
    ),
    FuzzDoel(
        "caseload overdragen",
        CO,
        url("clients:caseload_overdragen"),
        lambda s: CaseloadOverdrachtForm(team=s["team"]),
        vast={"bevestigd": "True"},
        schrijft=(Overdracht,),
    ),
    FuzzDoel(
        "inzage periode",
        CO,
        url("clients:inzage", "client"),
        lambda s: InzagePeriodeForm(),
        methode="GET",
    ),
    # --- support
    FuzzDoel("plan nieuw", CM, url("plannen:plan_nieuw", "client"), lambda s: PlanForm(), (Plan,)),
    FuzzDoel(
        "plan wijzigen",
        CM,
        url("plannen:plan_wijzigen", "client", "plan"),
        lambda s: PlanForm(instance=s["plan"]),
        (Plan,),
    ),
    FuzzDoel(
        "doel nieuw", CM, url("plannen:doel_nieuw", "client", "plan"), lambda s: DoelForm(), (Doel,)
    ),
    FuzzDoel(
        "doel wijzigen",
        CM,
        url("plannen:doel_wijzigen", "client", "doel"),
        lambda s: DoelForm(instance=s["doel"]),
        (Doel,),
    ),
    FuzzDoel(
        "actiepunt nieuw",
        CM,
        url("plannen:actiepunt_nieuw", "client", "doel"),
        lambda s: ActiepuntForm(),
        (Actiepunt,),
    ),
    FuzzDoel(
        "actiepunt wijzigen",
        CM,
        url("plannen:actiepunt_wijzigen", "client", "actiepunt"),
        lambda s: ActiepuntForm(instance=s["actiepunt"]),
        (Actiepunt,),
    ),
    FuzzDoel(
        "zrm nieuw", CM, url("plannen:zrm_nieuw", "client"), lambda s: ZRMForm(), (ZRMMeting,)
    ),
    FuzzDoel(
        "resultaat nieuw",
        CM,
        url("plannen:resultaat_nieuw", "client"),
        lambda s: ResultaatForm(),
        (Resultaat,),
    ),
    FuzzDoel(
        "knelpunt nieuw",
        CM,
        url("plannen:knelpunt_nieuw", "client"),
        lambda s: KnelpuntForm(),
        (Knelpunt,),
    ),
    FuzzDoel(
        "knelpunt wijzigen",
        CM,
        url("plannen:knelpunt_wijzigen", "client", "knelpunt"),
        lambda s: KnelpuntForm(instance=s["knelpunt"], nieuw=False),
        (Knelpunt,),
    ),
    FuzzDoel(
        "escalatie nieuw",
        CO,
        url("plannen:escalatie_nieuw", "client"),
        lambda s: EscalatieForm(team=s["team"], zonder_toestemming=True),
        (Escalatie,),
    ),
    FuzzDoel(
        "escalatie voortgang",
        CM,
        url("plannen:escalatie", "escalatie"),
        lambda s: VoortgangForm(prefix="voortgang"),
        (Voortgang,),
    ),
    FuzzDoel(
        "escalatie afronden",
        CM,
        url("plannen:escalatie", "escalatie"),
        lambda s: AfrondenForm(prefix="afronden"),
        (Escalatie,),
    ),
    # --- permits
    FuzzDoel(
        "vergunning nieuw", CM, url("vergunningen:nieuw", "client"), aanvraagform, (Vergunning,)
    ),
    FuzzDoel(
        "aanvraag wijzigen",
        CM,
        url("vergunningen:aanvraag_wijzigen", "vergunning"),
        aanvraagform,
        (Vergunning,),
    ),
    FuzzDoel(
        "besluit",
        CM,
        url("vergunningen:besluit", "vergunning"),
        lambda s: BesluitForm(),
        (Vergunning,),
    ),
    FuzzDoel(
        "bezwaar",
        CM,
        url("vergunningen:bezwaar", "vergunning"),
        lambda s: BezwaarForm(),
        (Vergunning,),
    ),
    FuzzDoel(
        "vergunningen filteren",
        CM,
        url("vergunningen:lijst"),
        lambda s: VergunningFilterForm(),
        methode="GET",
    ),
    # --- budget
    FuzzDoel("budget nieuw", CO, url("budget:nieuw"), lambda s: BudgetForm(), (Budget,)),
    FuzzDoel(
        "budget wijzigen",
        CO,
        url("budget:wijzigen", "budget"),
        lambda s: BudgetForm(wijzigen=True),
        (Budget,),
    ),
    FuzzDoel(
        "uitgave nieuw",
        CM,
        url("budget:uitgave_nieuw"),
        lambda s: UitgaveForm(budgetten=budgetten(s), clienten=clienten(s), teams=[s["team"]]),
        (Uitgave,),
    ),
    FuzzDoel(
        "time-out nieuw",
        CO,
        url("budget:timeout_nieuw"),
        lambda s: TimeOutForm(clienten=clienten(s), budgetten=budgetten(s), mag_overschrijden=True),
        (TimeOut,),
    ),
    FuzzDoel(
        "uitgave beoordelen",
        CO,
        url("budget:beoordelen", "wachtend"),
        lambda s: BeoordelingForm(),
        (Uitgave,),
    ),
    FuzzDoel(
        "uitgave corrigeren",
        CM,
        url("budget:corrigeren", "uitgave"),
        lambda s: CorrectieForm(),
        (Uitgave,),
    ),
    # --- reports
    *[
        FuzzDoel(f"{naam} periode", rol, url(url_naam), lambda s: PeriodeForm(), methode="GET")
        for naam, rol, url_naam in [
            ("evaluatierapport", CO, "rapportage:evaluatie"),
            ("dashboard", Rol.GEMEENTE, "rapportage:dashboard"),
            ("knelpunten", CO, "rapportage:knelpunten"),
        ]
    ],
    FuzzDoel(
        "knelpuntnotitie",
        CO,
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]),
        lambda s: KnelpuntnotitieForm(),
        (Knelpuntnotitie,),
    ),
    FuzzDoel(
        "voortgangsmonitor verstrekken",
        CO,
        lambda s: reverse("rapportage:monitor") + "?maand=2025-01&formaat=csv",
        lambda s: VerstrekkingForm(),
    ),
    FuzzDoel(
        "werkboek exporteren",
        CO,
        lambda s: reverse("rapportage:werkboek_exporteren") + team_query(s),
        lambda s: VerstrekkingForm(),
        (Verstrekking,),
    ),
    FuzzDoel(
        "werkboek uploaden",
        CO,
        lambda s: reverse("rapportage:werkboek_importeren") + team_query(s),
        lambda s: WerkboekForm(nieuw_team=False),
    ),
    FuzzDoel(
        "werkboek uploaden voor een nieuw team",
        Rol.BEHEERDER,
        lambda s: reverse("rapportage:werkboek_importeren"),
        lambda s: WerkboekForm(nieuw_team=True),
    ),
    # --- the core
    FuzzDoel(
        "toegangslog filteren",
        Rol.FUNCTIONARIS,
        url("toegangslog"),
        lambda s: ToegangslogFilterForm(),
        methode="GET",
    ),
]


# --- The administration: the add page of every registered model, and the change page of
# its first object, as the administrator.
def beheerformulier(model, wijzigen: bool):
    def maak(s):
        verzoek = RequestFactory().get("/")
        verzoek.user = s["gebruikers"][Rol.BEHEERDER]
        object = model.objects.order_by("pk").first() if wijzigen else None
        form = admin.site._registry[model].get_form(verzoek, object)
        return form(instance=object)

    return maak


def beheer_url(model, wijzigen: bool):
    label = model._meta.label_lower.replace(".", "_")
    if wijzigen:
        return lambda s: reverse(
            f"admin:{label}_change", args=[model.objects.order_by("pk").first().pk]
        )
    return lambda s: reverse(f"admin:{label}_add")


BEHEERDOELEN = [
    FuzzDoel(
        f"beheer {model._meta.label_lower} {'wijzigen' if wijzigen else 'nieuw'}",
        Rol.BEHEERDER,
        beheer_url(model, wijzigen),
        beheerformulier(model, wijzigen),
        (model,),
        vast={"_save": "Opslaan"},
    )
    for model in admin.site._registry
    for wijzigen in (False, True)
]
ALLE_DOELEN = [*DOELEN, *BEHEERDOELEN]


@pytest.mark.parametrize("doel", ALLE_DOELEN, ids=lambda d: d.naam)
def test_fuzz(client, scenario, doel):  # noqa: F811
    fuzz.fuzz(client, scenario, doel)


# --- Completeness -------------------------------------------------------------------------

APPS = ("stapteam", "clients", "plannen", "vergunningen", "budget", "rapportage")
# Forms of the project that no page shows, and why.
ZONDER_FUZZDOEL: dict[str, str] = {}


def formklassen() -> set[type]:
    """Every Form and ModelForm class defined in the project's apps."""
    for app in APPS:
        pakket = importlib.import_module(app)
        for module in pkgutil.walk_packages(pakket.__path__, f"{app}."):
            if not any(deel in module.name for deel in (".migrations", ".settings", "demo")):
                importlib.import_module(module.name)
    gevonden, open_ = set(), [forms.BaseForm]
    while open_:
        for klasse in open_.pop().__subclasses__():
            open_.append(klasse)
            if klasse.__module__.split(".")[0] in APPS:
                gevonden.add(klasse)
    return gevonden


def test_elk_formulier_heeft_een_fuzzdoel(scenario):  # noqa: F811
    """A new form cannot be added without a fuzz target (or a reason in the list)."""
    # The admin's forms are made from the project's (``ModelAdmin.get_form``): a class
    # counts as covered when a target's form is it or is made from it.
    gedekt = {klasse for doel in ALLE_DOELEN for klasse in type(doel.form(scenario)).__mro__}
    namen = {f"{k.__module__}.{k.__qualname__}" for k in formklassen() - gedekt}
    assert namen - set(ZONDER_FUZZDOEL) == set(), "formulieren zonder fuzzdoel"


def test_elk_beheermodel_heeft_een_fuzzdoel():
    """Every model in the administration is fuzzed on its add and change page."""
    gedekt = {doel.schrijft[0] for doel in BEHEERDOELEN}
    assert set(admin.site._registry) == gedekt
