"""The §7 contract in ``kolommen`` and the models agree: the reader's checks of codes,
lengths and ranges are the models' own (the bulk sheets rely on it)."""

import pytest
from django.core.validators import MaxValueValidator, MinValueValidator

from budget.models import Budget, TimeOut, Uitgave
from clients.models import Client, Contact, Situatie, Toestemming
from plannen.constants import ZRMDomein
from plannen.models import Doel, Knelpunt, Plan, ZRMMeting
from rapportage.werkboek.kolommen import BLADEN, Celsoort
from stapteam.models import User
from vergunningen.models import Vergunning

# Sheet → its model, and the columns whose model field has another name.
MODELLEN = {
    "medewerkers": (User, {"gebruikersnaam": "username"}),
    "clienten": (Client, {}),
    "situatie": (Situatie, {}),
    "toestemmingen": (Toestemming, {}),
    "contacten": (Contact, {"datum": "tijdstip"}),
    "plannen": (Plan, {}),
    "doelen": (Doel, {"doel": "omschrijving"}),
    "zrm": (ZRMMeting, {}),
    "knelpunten": (Knelpunt, {}),
    "vergunningen": (Vergunning, {}),
    "budgetten": (Budget, {}),
    "uitgaven": (Uitgave, {}),
    "timeouts": (TimeOut, {}),
}


def paren():
    for blad, (model, namen) in MODELLEN.items():
        velden = {veld.name: veld for veld in model._meta.get_fields()}
        for kolom in BLADEN[blad]:
            veld = velden.get(namen.get(kolom.naam, kolom.naam))
            if veld is not None and not veld.is_relation:
                yield pytest.param(kolom, veld, id=f"{blad}.{kolom.naam}")


@pytest.mark.parametrize(("kolom", "veld"), list(paren()))
def test_kolom_volgt_het_modelveld(kolom, veld):
    if veld.choices and kolom.soort in (Celsoort.CODE, Celsoort.CODES):
        assert set(kolom.keuzes) == {waarde for waarde, _ in veld.flatchoices}
    # A BSN is typed with dots or spaces; the service normalises it.
    if kolom.soort is Celsoort.TEKST and getattr(veld, "max_length", None) and kolom.naam != "bsn":
        assert kolom.max_lengte == veld.max_length
    if kolom.soort is Celsoort.GEHEEL:
        grenzen = {type(v): v.limit_value for v in veld.validators}
        assert kolom.minimum == grenzen[MinValueValidator]
        assert kolom.maximum == grenzen[MaxValueValidator]


def test_zrm_heeft_een_kolom_per_domein_in_volgorde():
    assert [kolom.naam for kolom in BLADEN["zrm"]][2:] == ZRMDomein.values
