"""One access layer, all the way down (ONTWERP §8): views fetch her records only through
the apps' ``toegang`` modules, which decide access and write the access log.

(a) No view module uses a client-linked model itself: no ``Model.objects``, no
    ``get_object_or_404``/``get_list_or_404`` on her records, no such model imported
    for anything but a type annotation.
(b) Every client-linked model is handed out by some function of a ``toegang`` module
    (its return annotation names it), or is declared below with where it is read.

Client-linked models are found by introspection: every model with a path of foreign keys
to ``clients.Client`` (Client included), so a new model is covered without a list.
"""

import ast
import importlib
import inspect
from pathlib import Path

from django.apps import apps
from django.db import models

from clients.models import Client

PROJECT = Path(__file__).resolve().parent.parent
APPS = ("clients", "plannen", "vergunningen", "budget", "rapportage", "stapteam")
OPHALEN_OF_404 = {"get_object_or_404", "get_list_or_404"}

# (view module, model or shortcut): why that view may use it itself. Keep it short.
TOEGESTAAN: dict[tuple[str, str], str] = {}

# Client-linked models no toegang function hands out, with where they are read instead.
# History tables count as their record (its ``.history``).
VERKLAARD: dict[str, str] = {
    "clients.ClientStand": "Haar huidige stand: annotaties op de cliënt die "
    "client_voor_gebruiker ophaalt (met_huidige_situatie, met_toestemmingstatus_nu).",
    "clients.ClientToegang": "De objecttoegang zelf: escalaties_voor_gebruiker leest haar "
    "als voorwaarde; nooit als record getoond.",
    "clients.Overdracht": "Dossiersectie en inzage van een cliënt uit client_voor_gebruiker "
    "(clients.onderdelen); geen pagina per overdracht.",
    "clients.Verstrekking": "Op haar toegangslogpagina en in de inzage-export, via de cliënt "
    "uit client_voor_wijziging (client.verstrekkingen).",
    "plannen.Resultaat": "Dossiersectie en inzage van een cliënt uit client_voor_gebruiker "
    "(plannen.onderdelen); geen pagina per resultaat.",
    "plannen.Voortgang": "Deel van de escalatie uit escalatie_voor_gebruiker "
    "(escalatie.voortgang).",
    "budget.TimeOut": "Deel van de uitgave uit uitgave_voor_gebruiker (select_related "
    "'timeout'); de time-outlijst is die van de uitgaven.",
}


def _aan_client_gekoppeld(model: type[models.Model], onderweg: frozenset = frozenset()) -> bool:
    if model is Client:
        return True
    for veld in model._meta.get_fields():
        doel = veld.related_model
        if (
            veld.concrete
            and (veld.many_to_one or veld.one_to_one)
            and isinstance(doel, type)
            and doel not in onderweg
            and _aan_client_gekoppeld(doel, onderweg | {model})
        ):
            return True
    return False


def clientmodellen() -> set[type[models.Model]]:
    return {model for model in apps.get_models() if _aan_client_gekoppeld(model)}


def _eigen_record(model: type[models.Model]) -> type[models.Model]:
    """A history table stands for its record (and that of a many-to-many field for the
    record that holds the field)."""
    model = getattr(model, "instance_type", model)
    return model._meta.auto_created or model


def viewmodules() -> dict[str, Path]:
    """Every view module of the apps (``views.py`` or a module in ``views/``), by name."""
    return {
        ".".join(pad.relative_to(PROJECT).with_suffix("").parts): pad
        for app in APPS
        for pad in sorted([*(PROJECT / app).glob("views.py"), *(PROJECT / app).glob("views/*.py")])
    }


# --- (a) the scan of the view modules ----------------------------------------------------


def _in_annotaties(boom: ast.AST) -> set[int]:
    """The ids of every node inside a type annotation."""
    annotaties = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, (ast.FunctionDef, ast.AsyncFunctionDef)):
            argumenten = knoop.args
            for arg in [
                *argumenten.posonlyargs,
                *argumenten.args,
                *argumenten.kwonlyargs,
                argumenten.vararg,
                argumenten.kwarg,
            ]:
                if arg is not None and arg.annotation is not None:
                    annotaties.append(arg.annotation)
            if knoop.returns is not None:
                annotaties.append(knoop.returns)
        elif isinstance(knoop, ast.AnnAssign):
            annotaties.append(knoop.annotation)
    return {id(deel) for annotatie in annotaties for deel in ast.walk(annotatie)}


def _wortel(knoop: ast.AST) -> ast.AST:
    while isinstance(knoop, (ast.Attribute, ast.Call, ast.Subscript)):
        knoop = knoop.func if isinstance(knoop, ast.Call) else knoop.value
    return knoop


def overtredingen(bron: str) -> list[tuple[int, str]]:
    """What a view module's source does with client-linked models itself: (line, the
    model's name or the 404 shortcut)."""
    boom = ast.parse(bron)
    gekoppeld = clientmodellen()
    modelnamen: dict[str, type[models.Model]] = {}
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom) and knoop.module:
            module = importlib.import_module(knoop.module)
            for alias in knoop.names:
                waarde = getattr(module, alias.name, None)
                if isinstance(waarde, type) and issubclass(waarde, models.Model):
                    modelnamen[alias.asname or alias.name] = waarde
    annotatie = _in_annotaties(boom)
    gevonden = []
    for knoop in ast.walk(boom):
        if (
            isinstance(knoop, ast.Name)
            and knoop.id in modelnamen
            and modelnamen[knoop.id] in gekoppeld
            and id(knoop) not in annotatie
        ):
            gevonden.append((knoop.lineno, knoop.id))
        elif (
            isinstance(knoop, ast.Call)
            and isinstance(knoop.func, ast.Name)
            and knoop.func.id in OPHALEN_OF_404
        ):
            wortel = _wortel(knoop.args[0]) if knoop.args else None
            eigen_model = (
                isinstance(wortel, ast.Name)
                and wortel.id in modelnamen
                and modelnamen[wortel.id] not in gekoppeld
            )
            if not eigen_model:
                gevonden.append((knoop.lineno, knoop.func.id))
    return sorted(gevonden)


def test_er_zijn_clientmodellen_en_viewmodules():
    """The scan below covers something: the introspection finds her records, and the
    view modules are found on disk."""
    namen = {model._meta.label for model in clientmodellen()}
    assert {"clients.Client", "clients.Contact", "plannen.Actiepunt", "budget.Uitgave"} <= namen
    assert "stapteam.Team" not in namen
    assert {"clients.views.contacten", "budget.views", "plannen.views.plan"} <= set(viewmodules())


def test_de_scan_ziet_een_directe_fetch():
    bron = (
        "from django.shortcuts import get_object_or_404\n"
        "from clients.models import Client, Contact\n"
        "from plannen.models import Knelpuntcategorie\n"
        "def view(request, client: Client, pk):\n"
        "    get_object_or_404(Knelpuntcategorie, code='x')\n"
        "    get_object_or_404(client.toestemmingen, pk=pk)\n"
        "    return Contact.objects.filter(client=client)\n"
    )
    assert overtredingen(bron) == [(6, "get_object_or_404"), (7, "Contact")]


def test_views_halen_haar_gegevens_alleen_via_toegang():
    fouten = []
    for naam, pad in viewmodules().items():
        for regel, wat in overtredingen(pad.read_text()):
            if (naam, wat) not in TOEGESTAAN:
                fouten.append(f"{naam}, regel {regel}: {wat}")
    assert not fouten, "Haal haar gegevens op via toegang.py:\n" + "\n".join(fouten)


def test_toegestaan_is_nog_nodig_en_onderbouwd():
    for (naam, model), reden in TOEGESTAAN.items():
        assert reden.strip()
        bron = viewmodules()[naam].read_text()
        assert model in {wat for _, wat in overtredingen(bron)}, (naam, model)


# --- (b) completeness of the access layer -------------------------------------------------


def door_toegang_uitgegeven() -> dict[type[models.Model], list[str]]:
    """Per model: the toegang functions whose return annotation names it."""
    uitgegeven: dict[type[models.Model], list[str]] = {}
    for app in APPS:
        module = importlib.import_module(f"{app}.toegang")
        for knoop in ast.parse(inspect.getsource(module)).body:
            if not isinstance(knoop, ast.FunctionDef) or knoop.returns is None:
                continue
            for deel in ast.walk(knoop.returns):
                waarde = getattr(module, deel.id, None) if isinstance(deel, ast.Name) else None
                if isinstance(waarde, type) and issubclass(waarde, models.Model):
                    uitgegeven.setdefault(waarde, []).append(f"{app}.toegang.{knoop.name}")
    return uitgegeven


def test_elk_clientmodel_is_bereikbaar_via_toegang():
    uitgegeven = door_toegang_uitgegeven()
    onbereikbaar = sorted(
        model._meta.label
        for model in clientmodellen()
        if _eigen_record(model) not in uitgegeven
        and _eigen_record(model)._meta.label not in VERKLAARD
    )
    assert not onbereikbaar, f"Geen toegangsfunctie en niet verklaard: {onbereikbaar}"


def test_verklaard_is_nodig_en_onderbouwd():
    uitgegeven = door_toegang_uitgegeven()
    gekoppeld = {model._meta.label: model for model in clientmodellen()}
    for label, reden in VERKLAARD.items():
        assert reden.strip()
        assert label in gekoppeld, f"{label} is geen cliëntmodel (meer)"
        assert gekoppeld[label] not in uitgegeven, f"{label} heeft al een toegangsfunctie"
