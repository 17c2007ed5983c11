"""Every record about one client, found by following foreign keys (ONTWERP §8).

A model is *about a client* when it has a foreign key to ``Client`` or to another model
about a client; their history models (django-simple-history) are about her too. The
walk is over all installed models, so a new model that refers to a client is found
without being registered anywhere. What each model holds is declared on it
(``stapteam.avg.AVG``); anonymisation and the inzage export read those declarations.
"""

from functools import cache

from django.apps import apps
from django.db import models

from clients.models import Client
from stapteam.avg import AVG

ANONIEM = "Geanonimiseerd"

# Bookkeeping of django-simple-history, the same for every history model.
HISTORIEVELDEN = frozenset(
    {"history_id", "history_date", "history_type", "history_change_reason", "history_user"}
)


def is_historie(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type") and model is not getattr(model, "instance_type", model)


@cache
def clientmodellen() -> tuple[type[models.Model], ...]:
    """Client and every model that refers to her, directly or through another record."""
    gevonden: list[type[models.Model]] = [Client]
    alle = apps.get_models()
    veranderd = True
    while veranderd:
        veranderd = False
        for model in alle:
            if model in gevonden:
                continue
            verwijst = any(veld.related_model in gevonden for veld in verwijzingen(model))
            if verwijst or (is_historie(model) and model.instance_type in gevonden):
                gevonden.append(model)
                veranderd = True
    return tuple(gevonden)


def verwijzingen(model: type[models.Model]) -> list[models.ForeignKey]:
    """The model's forward foreign keys (one-to-one included), except to itself."""
    return [
        veld
        for veld in model._meta.get_fields()
        if isinstance(veld, models.ForeignKey)
        and not veld.auto_created
        and veld.related_model is not model
    ]


def declaratie(model: type[models.Model]) -> AVG | None:
    """The model's declaration; a history model has that of the model it records."""
    if is_historie(model):
        model = model.instance_type
    return model.__dict__.get("avg")


def records(model: type[models.Model], client: Client) -> models.QuerySet:
    """The rows of ``model`` about this client, including history rows of records whose
    parent was removed since (their ids are found through the parent's history)."""
    return model._default_manager.filter(pk__in=_pks(model, client.pk, {}))


def _pks(model: type[models.Model], client_pk: int, gezien: dict) -> set:
    """Primary keys of the model's rows about the client. ``gezien`` holds what was
    found already in this walk (None while being found: a cycle is not followed)."""
    if model in gezien:
        return gezien[model] or set()
    gezien[model] = None
    if model is Client:
        pks = {client_pk}
    elif is_historie(model) and model.instance_type is Client:
        pks = set(model.objects.filter(id=client_pk).values_list("pk", flat=True))
    else:
        voorwaarde = models.Q(pk__in=[])
        for veld in verwijzingen(model):
            if veld.related_model in clientmodellen():
                sleutels = _sleutels(
                    veld.related_model, veld.target_field.attname, client_pk, gezien
                )
                voorwaarde |= models.Q(**{f"{veld.attname}__in": sleutels})
        pks = set(model._default_manager.filter(voorwaarde).values_list("pk", flat=True))
    gezien[model] = pks
    return pks


def _sleutels(ouder: type[models.Model], attname: str, client_pk: int, gezien: dict) -> set:
    """The values of ``attname`` in the parent's rows about the client (for a model with
    history also those of removed records, which only their history still holds)."""
    rijen = ouder._default_manager.filter(pk__in=_pks(ouder, client_pk, gezien))
    sleutels = set(rijen.values_list(attname, flat=True))
    historie = getattr(ouder, "history", None)
    if attname == ouder._meta.pk.attname and historie is not None and not is_historie(ouder):
        historiemodel = historie.model
        sleutels |= set(
            historiemodel.objects.filter(pk__in=_pks(historiemodel, client_pk, gezien)).values_list(
                "id", flat=True
            )
        )
    return sleutels


def gewist(veld: models.Field):
    """The value a cleared field gets: empty, or a marker where it may not be empty."""
    if isinstance(veld, models.FileField):
        return ""
    if veld.null:
        return None
    if isinstance(veld, models.CharField | models.TextField):
        return "" if veld.blank else ANONIEM
    return veld.get_default()
