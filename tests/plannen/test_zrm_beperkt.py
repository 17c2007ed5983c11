"""The peer worker's reduced dossier hides the ZRM financiën domain (issue 9, item 9)."""

import datetime as dt

import pytest
from django.urls import reverse

from plannen import services
from plannen.constants import ZRMDomein

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeten(client_van_team, casemanager):
    scores = {domein.value: 3 for domein in ZRMDomein}
    scores[ZRMDomein.FINANCIEN.value] = 1
    services.zrm_vastleggen(
        client=client_van_team, datum=dt.date(2024, 1, 1), scores=scores, door=casemanager
    )
    return client_van_team


def domeinen_op(antwoord) -> set[str]:
    return {rij["domein"].value for rij in antwoord.context["vergelijking"]}


def test_ervaringsdeskundige_ziet_geen_financien(als, gemeten, ervaringsdeskundige):
    antwoord = als(ervaringsdeskundige).get(reverse("plannen:zrm", args=[gemeten.pk]))
    assert antwoord.status_code == 200
    assert ZRMDomein.FINANCIEN.value not in domeinen_op(antwoord)
    assert "Financiën" not in antwoord.content.decode()
    assert ZRMDomein.HUISVESTING.value in domeinen_op(antwoord)

    dossier = als(ervaringsdeskundige).get(reverse("clients:dossier", args=[gemeten.pk]))
    assert ZRMDomein.FINANCIEN.value not in domeinen_op(dossier)


def test_casemanager_ziet_financien(als, gemeten, casemanager):
    antwoord = als(casemanager).get(reverse("plannen:zrm", args=[gemeten.pk]))
    assert ZRMDomein.FINANCIEN.value in domeinen_op(antwoord)
    assert "Financiën" in antwoord.content.decode()
    dossier = als(casemanager).get(reverse("clients:dossier", args=[gemeten.pk]))
    assert ZRMDomein.FINANCIEN.value in domeinen_op(dossier)
