"""The support signals on their boundary dates, in the database and on screen alike."""

import datetime as dt

import pytest
from django.utils import timezone

from clients import services as client_services
from clients.models import Client
from plannen import services
from plannen.constants import PlanStatus
from plannen.signalen import PlanEvaluatieSignaal, ZRMSignaal
from stapteam.datums import maanden_terug

pytestmark = pytest.mark.django_db


def teksten(bron, client, gebruiker):
    vandaag = timezone.localdate()
    geannoteerd = bron.annoteer(
        Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
    )
    teksten = [s.tekst for s in bron.signalen(geannoteerd.get(), vandaag=vandaag)]
    assert bool(teksten) == geannoteerd.filter(bron.actief(vandaag=vandaag)).exists()
    return teksten


class TestPlanEvaluatie:
    @pytest.mark.parametrize(
        ("dagen", "status", "verwacht"),
        [
            (1, PlanStatus.ACTIEF, []),  # tomorrow: not yet
            (0, PlanStatus.ACTIEF, ["Plan evalueren"]),  # today: due
            (-3, PlanStatus.ACTIEF, ["sinds"]),
            (-3, PlanStatus.CONCEPT, []),  # a concept is not being worked by yet
        ],
    )
    def test_grenzen(self, kim, casemanager, dagen, status, verwacht):
        vandaag = timezone.localdate()
        services.plan_opstellen(
            client=kim,
            door=casemanager,
            opgesteld_op=vandaag - dt.timedelta(days=30),
            status=status,
            evaluatie_op=vandaag + dt.timedelta(days=dagen),
        )
        gevonden = teksten(PlanEvaluatieSignaal(), kim, casemanager)
        assert len(gevonden) == len(verwacht)
        for deel, tekst in zip(verwacht, gevonden, strict=True):
            assert deel in tekst

    def test_afgesloten_plan_niet(self, kim, casemanager):
        vandaag = timezone.localdate()
        plan = services.plan_opstellen(
            client=kim,
            door=casemanager,
            opgesteld_op=vandaag - dt.timedelta(days=30),
            status=PlanStatus.ACTIEF,
            evaluatie_op=vandaag - dt.timedelta(days=1),
        )
        services.plan_wijzigen(plan=plan, door=casemanager, status=PlanStatus.AFGESLOTEN)
        assert teksten(PlanEvaluatieSignaal(), kim, casemanager) == []


class TestZRM:
    def meting(self, kim, casemanager, datum):
        services.zrm_vastleggen(
            client=kim, datum=datum, door=casemanager, scores={"huisvesting": 2}
        )

    def test_precies_zes_maanden_oud_is_niet_ouder_dan_zes(self, kim, casemanager):
        grens = maanden_terug(timezone.localdate(), 6)
        self.meting(kim, casemanager, grens)
        assert teksten(ZRMSignaal(), kim, casemanager) == []

    def test_een_dag_ouder_wel(self, kim, casemanager):
        grens = maanden_terug(timezone.localdate(), 6)
        self.meting(kim, casemanager, grens - dt.timedelta(days=1))
        assert teksten(ZRMSignaal(), kim, casemanager) == ["ZRM ouder dan 6 maanden"]

    def test_instelbaar(self, kim, casemanager, settings):
        settings.ZRM_SIGNAAL_MAANDEN = 3
        self.meting(kim, casemanager, maanden_terug(timezone.localdate(), 4))
        assert teksten(ZRMSignaal(), kim, casemanager) == ["ZRM ouder dan 3 maanden"]

    def test_nog_geen_meting(self, kim, casemanager):
        assert teksten(ZRMSignaal(), kim, casemanager) == ["Nog geen ZRM afgenomen"]
        Client.objects.filter(pk=kim.pk).update(
            in_beeld_sinds=maanden_terug(timezone.localdate(), 6)
        )
        assert teksten(ZRMSignaal(), kim, casemanager) == []  # in view exactly 6 months

    def test_uitgestroomd_geen_signaal(self, kim, casemanager):
        client_services.client_wijzigen(
            client=kim,
            door=None,
            status="uitgestroomd",
            uitstroom_datum=timezone.localdate(),
            uitstroom_reden="verhuisd",
        )
        assert teksten(ZRMSignaal(), kim, casemanager) == []


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (dt.date(2024, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2023, 8, 31), 6, dt.date(2023, 2, 28)),
        (dt.date(2024, 3, 15), 3, dt.date(2023, 12, 15)),
        (dt.date(2024, 1, 31), 1, dt.date(2023, 12, 31)),
    ],
)
def test_maanden_terug(datum, maanden, verwacht):
    assert maanden_terug(datum, maanden) == verwacht
