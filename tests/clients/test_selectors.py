"""'As of' selection, consent status on its boundaries, and duplicate detection."""

import datetime as dt

import pytest

from clients import services
from clients.constants import Kenmerk, ToestemmingStatus
from clients.models import Client, toestemming_status
from clients.selectors import (
    met_situatie,
    met_toestemmingstatus,
    mogelijke_dubbelen,
    situatie_op,
    situatie_veld,
    toestemming_dekt,
)
from stapteam.models import Organisatie
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

D = dt.date


class TestSituatieOp:
    @pytest.fixture
    def geschiedenis(self, client_van_team, casemanager):
        for datum, waarde in [
            (D(2022, 1, 10), "dakloos"),
            (D(2022, 6, 1), "mfc_nachtopvang"),
            (D(2023, 3, 15), "zelfstandig"),
        ]:
            services.situatie_vastleggen(
                client=client_van_team,
                kenmerk=Kenmerk.WOONSITUATIE,
                waarde=waarde,
                datum=datum,
                door=casemanager,
            )
        return client_van_team

    @pytest.mark.parametrize(
        ("op", "verwacht"),
        [
            (D(2022, 1, 9), None),  # before the first registration
            (D(2022, 1, 10), "dakloos"),  # on the day itself
            (D(2022, 5, 31), "dakloos"),
            (D(2022, 6, 1), "mfc_nachtopvang"),
            (D(2023, 3, 14), "mfc_nachtopvang"),
            (D(2023, 3, 15), "zelfstandig"),
            (D(2030, 1, 1), "zelfstandig"),
        ],
    )
    def test_waarde_op_datum(self, geschiedenis, op, verwacht):
        assert situatie_op(geschiedenis, op=op)[Kenmerk.WOONSITUATIE] == verwacht
        rij = met_situatie(Client.objects.filter(pk=geschiedenis.pk), op=op).get()
        assert getattr(rij, situatie_veld(Kenmerk.WOONSITUATIE)) == verwacht

    def test_andere_kenmerken_zijn_onbekend(self, geschiedenis):
        assert situatie_op(geschiedenis, op=D(2024, 1, 1))[Kenmerk.INTENSITEIT] is None

    def test_in_de_database_te_groeperen(self, geschiedenis, team):
        tweede = ClientFactory(team=team)
        services.situatie_vastleggen(
            client=tweede, kenmerk="woonsituatie", waarde="dakloos", datum=D(2023, 1, 1), door=None
        )
        from django.db.models import Count

        telling = dict(
            met_situatie(Client.objects.filter(team=team), op=D(2023, 2, 1))
            .values_list(situatie_veld("woonsituatie"))
            .annotate(n=Count("pk"))
            .values_list(situatie_veld("woonsituatie"), "n")
        )
        assert telling == {"mfc_nachtopvang": 1, "dakloos": 1}


class TestToestemmingStatus:
    VANDAAG = D(2024, 6, 15)

    @pytest.mark.parametrize(
        ("geldig_tot", "ingetrokken_op", "verwacht"),
        [
            (None, None, ToestemmingStatus.GELDIG),
            (D(2024, 7, 16), None, ToestemmingStatus.GELDIG),  # 31 days ahead
            (D(2024, 7, 15), None, ToestemmingStatus.VERLOOPT_BINNENKORT),  # 30 days ahead
            (D(2024, 6, 15), None, ToestemmingStatus.VERLOOPT_BINNENKORT),  # last valid day
            (D(2024, 6, 14), None, ToestemmingStatus.VERLOPEN),  # the day after
            (None, D(2024, 6, 15), ToestemmingStatus.INGETROKKEN),  # withdrawn today
            (None, D(2024, 6, 16), ToestemmingStatus.GELDIG),  # withdrawal registered ahead
            (D(2024, 1, 1), D(2024, 2, 1), ToestemmingStatus.INGETROKKEN),  # withdrawal wins
        ],
    )
    def test_grenzen_in_python_en_in_de_database(
        self, client_van_team, geldig_tot, ingetrokken_op, verwacht
    ):
        assert (
            toestemming_status(
                geldig_tot=geldig_tot, ingetrokken_op=ingetrokken_op, op=self.VANDAAG
            )
            == verwacht
        )
        client_van_team.toestemmingen.create(
            ondertekend_op=D(2023, 1, 1),
            versie="1",
            geldig_tot=geldig_tot,
            ingetrokken_op=ingetrokken_op,
        )
        rij = met_toestemmingstatus(Client.objects.filter(pk=client_van_team.pk), op=self.VANDAAG)
        assert rij.get().toestemming_status == verwacht

    def test_zonder_formulier_ontbreekt(self, client_van_team):
        rij = met_toestemmingstatus(Client.objects.filter(pk=client_van_team.pk), op=self.VANDAAG)
        assert rij.get().toestemming_status == ToestemmingStatus.ONTBREEKT

    def test_het_laatst_ondertekende_formulier_telt(self, client_van_team):
        client_van_team.toestemmingen.create(
            ondertekend_op=D(2022, 1, 1), versie="1", geldig_tot=D(2023, 1, 1)
        )
        client_van_team.toestemmingen.create(ondertekend_op=D(2024, 1, 1), versie="2")
        rij = met_toestemmingstatus(Client.objects.filter(pk=client_van_team.pk), op=self.VANDAAG)
        assert rij.get().toestemming_status == ToestemmingStatus.GELDIG

    def test_delen_vraagt_bruikbare_toestemming_voor_die_partij(self, client_van_team):
        zvh = Organisatie.objects.get(code="zvh")
        iriszorg = Organisatie.objects.get(code="iriszorg")
        toestemming = client_van_team.toestemmingen.create(
            ondertekend_op=D(2024, 1, 1), versie="1", geldig_tot=D(2024, 12, 31)
        )
        toestemming.partijen.set([iriszorg])
        assert not toestemming_dekt(client_van_team, "zvh", op=self.VANDAAG)
        toestemming.partijen.add(zvh)
        assert toestemming_dekt(client_van_team, "zvh", op=self.VANDAAG)
        assert not toestemming_dekt(client_van_team, "zvh", op=D(2025, 1, 1))  # expired


class TestDubbelen:
    def test_zelfde_roepnaam_en_geboortedatum_of_bsn(self, team, ander_team):
        kim = ClientFactory(
            team=team, roepnaam="Kim", gegevens={"geboortedatum": D(1990, 5, 1), "bsn": "111222333"}
        )
        ClientFactory(team=team, roepnaam="Kim", gegevens={"geboortedatum": D(1991, 5, 1)})
        ClientFactory(team=ander_team, roepnaam="Kim", gegevens={"geboortedatum": D(1990, 5, 1)})

        assert list(
            mogelijke_dubbelen(team=team, roepnaam="kim ", geboortedatum=D(1990, 5, 1))
        ) == [kim]
        assert list(mogelijke_dubbelen(team=team, roepnaam="Anna", bsn="111222333")) == [kim]
        assert not mogelijke_dubbelen(
            team=team, roepnaam="Kim"
        ).exists()  # name alone is not enough
        assert not mogelijke_dubbelen(
            team=team, roepnaam="Kim", geboortedatum=D(1990, 5, 1), behalve=kim
        ).exists()
