"""The AVG inzage export: everything held on one client, readable and machine-readable.

Each app registers a function that returns its sections for one client, naming the
models each section shows; every other model about her (``clients.clientgegevens``) gets
a section of all its fields, and every history table one of its changes. The export is a
ZIP with ``inzage.html`` (to read and print), ``inzage.json`` (the same data) and the
files held on her (``bestanden/``).
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst

from clients.clientgegevens import clientmodellen, is_historie, records
from clients.models import Client
from stapteam.geschiedenis import wijzigingen


@dataclass
class Sectie:
    titel: str
    kolommen: list[str]
    rijen: list[list] = field(default_factory=list)
    # (name in the ZIP, open file) for files that belong to this section
    bestanden: list[tuple[str, object]] = field(default_factory=list)
    # The models (or history models) whose records this section shows about her.
    modellen: tuple = ()

    def als_json(self) -> list[dict]:
        return [dict(zip(self.kolommen, map(_tekst, rij), strict=True)) for rij in self.rijen]


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if hasattr(waarde, "isoformat"):
        return waarde.isoformat()
    return str(waarde)


ONDERDELEN: dict[str, Callable[[Client], list[Sectie]]] = {}


def registreer(naam: str, onderdeel: Callable[[Client], list[Sectie]]) -> None:
    ONDERDELEN[naam] = onderdeel


def secties_van(client: Client) -> list[Sectie]:
    """The apps' own sections, then one for every other model about her (found by
    ``clientgegevens``, so a new model cannot be left out) and for its history."""
    secties = [sectie for onderdeel in ONDERDELEN.values() for sectie in onderdeel(client)]
    gedekt = {model for sectie in secties for model in sectie.modellen}
    for model in clientmodellen():
        if is_historie(model) or model in gedekt:
            continue
        secties.append(records_sectie(model, client))
    for model in clientmodellen():
        historie = getattr(model, "history", None)
        if is_historie(model) or historie is None or historie.model in gedekt:
            continue
        secties.append(historie_sectie(historie.model, client))
    return secties


def _waarde(obj, veld: models.Field):
    if veld.choices:
        return getattr(obj, f"get_{veld.name}_display")()
    if veld.is_relation:
        return getattr(obj, veld.name)
    return getattr(obj, veld.attname)


def records_sectie(model: type[models.Model], client: Client) -> Sectie:
    """Every record of ``model`` about her, with every field (its files included)."""
    velden = [
        veld
        for veld in model._meta.concrete_fields
        if not veld.primary_key and veld.related_model is not Client
    ]
    meervoudig = list(model._meta.many_to_many)
    sectie = Sectie(
        capfirst(model._meta.verbose_name_plural),
        [capfirst(str(veld.verbose_name)) for veld in [*velden, *meervoudig]],
        modellen=(model,),
    )
    rijen = (
        records(model, client)
        .select_related(*(veld.name for veld in velden if veld.is_relation))
        .prefetch_related(*(veld.name for veld in meervoudig))
        .order_by("pk")
    )
    for obj in rijen:
        rij = []
        for veld in velden:
            waarde = _waarde(obj, veld)
            if isinstance(veld, models.FileField):
                naam = ""
                if waarde:
                    naam = f"{model._meta.model_name}-{obj.pk}-{waarde.name.rsplit('/', 1)[-1]}"
                    sectie.bestanden.append((naam, waarde))
                waarde = naam
            rij.append(waarde)
        rij += [", ".join(str(o) for o in getattr(obj, veld.name).all()) for veld in meervoudig]
        sectie.rijen.append(rij)
    return sectie


def historie_sectie(historiemodel: type[models.Model], client: Client) -> Sectie:
    """Who changed what in these records of hers, and when."""
    sectie = Sectie(
        f"Wijzigingen in {historiemodel.instance_type._meta.verbose_name_plural}",
        ["Tijdstip", "Door", "Soort", "Wijzigingen"],
        modellen=(historiemodel,),
    )
    for rij in wijzigingen(records(historiemodel, client)):
        sectie.rijen.append(
            [
                rij["tijdstip"],
                rij["door"],
                rij["soort"],
                "; ".join(f"{w['veld']}: {w['oud']} → {w['nieuw']}" for w in rij["wijzigingen"]),
            ]
        )
    return sectie


def inzage_zip(client: Client) -> bytes:
    """The ZIP for one client. Built in memory: a dossier is small."""
    secties = secties_van(client)
    gemaakt_op = timezone.localtime()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr(
            "inzage.html",
            render_to_string(
                "clients/inzage.html",
                {"client": client, "secties": secties, "gemaakt_op": gemaakt_op},
            ),
        )
        archief.writestr(
            "inzage.json",
            json.dumps(
                {
                    "client": client.code,
                    "team": client.team.code,
                    "gemaakt_op": gemaakt_op.isoformat(),
                    "secties": {sectie.titel: sectie.als_json() for sectie in secties},
                },
                ensure_ascii=False,
                indent=2,
            ),
        )
        for sectie in secties:
            for naam, bestand in sectie.bestanden:
                with bestand.open("rb") as inhoud:
                    archief.writestr(f"bestanden/{naam}", inhoud.read())
    return buffer.getvalue()
