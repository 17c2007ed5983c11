"""Reading django-simple-history tables as "who changed what, when, from what to what"."""

import datetime as dt

from django.db import models
from django.utils import timezone

SOORTEN = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}


def _weergave(model_veld: models.Field, waarde) -> str:
    if waarde is None or waarde == "":
        return "—"
    if model_veld.choices:
        return str(dict(model_veld.flatchoices).get(waarde, waarde))
    # As people read them, not Python's "True" or "2026-11-10".
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return f"{timezone.localtime(waarde):%d-%m-%Y %H:%M}"
    if isinstance(waarde, dt.date):
        return f"{waarde:%d-%m-%Y}"
    return str(waarde)


def wijzigingen(historie: models.QuerySet, *, velden: list[str] | None = None) -> list[dict]:
    """Every historical record of the objects in ``historie`` with the fields it changed.

    ``historie`` is a queryset of one historical model (e.g. ``client.history.all()``);
    consecutive records of the same object are compared in Python, so this costs one
    query (plus one for the users) however long the history is.
    """
    model = historie.model
    bijgehouden = [
        veld
        for veld in model.instance_type._meta.concrete_fields
        if (velden is None or veld.name in velden) and veld.name != "id"
    ]
    rijen = list(
        historie.select_related("history_user").order_by("id", "history_date", "history_id")
    )
    vorige: dict = {}
    uitkomst = []
    for rij in rijen:
        eerder = vorige.get(rij.id)
        veranderd = []
        for veld in bijgehouden:
            nieuw = getattr(rij, veld.attname)
            oud = getattr(eerder, veld.attname) if eerder is not None else None
            if eerder is None and nieuw in (None, ""):
                continue
            if eerder is None or oud != nieuw:
                veranderd.append(
                    {
                        "veld": str(veld.verbose_name),
                        "oud": _weergave(veld, oud) if eerder is not None else "—",
                        "nieuw": _weergave(veld, nieuw),
                    }
                )
        uitkomst.append(
            {
                "tijdstip": rij.history_date,
                "door": str(rij.history_user) if rij.history_user else "systeem",
                "soort": SOORTEN.get(rij.history_type, rij.history_type),
                "object": f"{model.instance_type._meta.verbose_name} {rij.id}",
                "wijzigingen": veranderd,
            }
        )
        vorige[rij.id] = rij
    uitkomst.sort(key=lambda r: r["tijdstip"])
    return uitkomst
