"""Her current state holds dates, not "how long ago": written once, the signals move with
the clock on their own. Each case writes well before the boundary, then freezes the
clock on the last day without the signal and on the first day with it, at month and year
ends, with nothing written in between. Just after local midnight the date in UTC is
still the day before.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from clients import services
from clients.models import Client, ClientStand
from clients.signalen import alleen_met_signaal, met_signalen, signalen_van
from plannen import services as plannen_services
from stapteam.models import Organisatie
from vergunningen import services as vergunning_services

pytestmark = pytest.mark.django_db

D = dt.date
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(datum: dt.date, uur: int = 12, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(uur, minuut), tzinfo=AMSTERDAM)


def signalen_op(client: Client, gebruiker, vandaag: dt.date, uur: int = 0) -> set[str]:
    """Her signal codes on ``vandaag`` (clock frozen just after midnight), from the filter
    on each kind and from the signals shown; the two must agree."""
    with time_machine.travel(lokaal(vandaag, uur, 5), tick=False):
        geannoteerd = met_signalen(
            Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
        )
        getoond = {signaal.code for signaal in signalen_van(geannoteerd.get(), vandaag=vandaag)}
        gefilterd = {
            soort
            for soort in (
                "geen_contact",
                "toestemming_verloopt_binnenkort",
                "toestemming_verlopen",
                "toestemming_ontbreekt",
                "vergunning_contact",
                "plan_evaluatie",
                "zrm",
            )
            if alleen_met_signaal(geannoteerd, vandaag=vandaag, soort=soort).exists()
        }
    assert getoond == gefilterd
    return getoond


@pytest.fixture
def kim(team, casemanager):
    with time_machine.travel(lokaal(D(2027, 1, 2)), tick=False):
        return services.client_aanmaken(
            team=team,
            door=casemanager,
            roepnaam="Kim",
            casemanager=casemanager,
            in_beeld_sinds=D(2026, 1, 1),
            geboortedatum=D(1990, 1, 1),
        )


def vastgelegd(client: Client) -> dict:
    return ClientStand.objects.filter(client=client).values().get()


@pytest.mark.parametrize(
    ("laatste_contact", "zonder_signaal", "met_signaal"),
    [
        pytest.param(D(2027, 12, 17), D(2027, 12, 30), D(2027, 12, 31), id="31-december"),
        pytest.param(D(2027, 12, 18), D(2027, 12, 31), D(2028, 1, 1), id="1-januari"),
        pytest.param(D(2028, 2, 15), D(2028, 2, 28), D(2028, 2, 29), id="29-februari"),
        pytest.param(D(2027, 2, 15), D(2027, 2, 28), D(2027, 3, 1), id="1-maart"),
    ],
)
def test_geen_contact_in_14_dagen(kim, casemanager, laatste_contact, zonder_signaal, met_signaal):
    # Late in the evening: in UTC the same date, in Amsterdam too; the day that counts is
    # the local one.
    with time_machine.travel(lokaal(laatste_contact, 23, 45), tick=False):
        services.contact_registreren(
            client=kim,
            door=casemanager,
            soort="telefonisch",
            tijdstip=lokaal(laatste_contact, 23, 30),
        )
        services.toestemming_vastleggen(
            client=kim,
            ondertekend_op=laatste_contact,
            versie="1",
            partijen=Organisatie.objects.filter(code="iriszorg"),
            door=casemanager,
        )
    stand = vastgelegd(kim)

    assert "geen_contact" not in signalen_op(kim, casemanager, zonder_signaal)
    assert "geen_contact" in signalen_op(kim, casemanager, met_signaal)
    assert vastgelegd(kim) == stand  # nothing was written as the days passed


@pytest.mark.parametrize(
    ("geldig_tot", "laatste_dag", "verlopen"),
    [
        pytest.param(D(2027, 12, 31), D(2027, 12, 31), D(2028, 1, 1), id="jaareinde"),
        pytest.param(D(2028, 2, 29), D(2028, 2, 29), D(2028, 3, 1), id="schrikkeldag"),
        pytest.param(D(2027, 4, 30), D(2027, 4, 30), D(2027, 5, 1), id="30-april"),
    ],
)
def test_toestemming_verloopt(kim, casemanager, geldig_tot, laatste_dag, verlopen):
    with time_machine.travel(lokaal(D(2027, 1, 2)), tick=False):
        services.toestemming_vastleggen(
            client=kim,
            ondertekend_op=D(2027, 1, 2),
            versie="1",
            geldig_tot=geldig_tot,
            partijen=Organisatie.objects.filter(code="iriszorg"),
            door=casemanager,
        )
    voor_het_venster = geldig_tot - dt.timedelta(days=31)

    assert not {"toestemming_verloopt_binnenkort", "toestemming_verlopen"} & signalen_op(
        kim, casemanager, voor_het_venster
    )
    assert "toestemming_verloopt_binnenkort" in signalen_op(
        kim, casemanager, voor_het_venster + dt.timedelta(days=1)
    )
    assert "toestemming_verloopt_binnenkort" in signalen_op(kim, casemanager, laatste_dag, 23)
    gevonden = signalen_op(kim, casemanager, verlopen)
    assert "toestemming_verlopen" in gevonden
    assert "toestemming_verloopt_binnenkort" not in gevonden


@pytest.mark.parametrize(
    ("geldig_tot", "dag_erna"),
    [
        pytest.param(D(2027, 12, 31), D(2028, 1, 1), id="jaareinde"),
        pytest.param(D(2028, 2, 29), D(2028, 3, 1), id="schrikkeldag"),
        pytest.param(D(2027, 2, 28), D(2027, 3, 1), id="28-februari"),
    ],
)
def test_vergunning_vervalt_na_de_laatste_dag(kim, coordinator, casemanager, geldig_tot, dag_erna):
    """She has had no contact for months: the permit signal fires while the permit is
    valid, the last day included, and stops the day it lapses."""
    with time_machine.travel(lokaal(D(2027, 1, 2)), tick=False):
        vergunning = vergunning_services.aanvraag_registreren(
            client=kim,
            aanvraag_op=D(2027, 1, 2),
            soort="nieuw",
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=False,
            door=coordinator,
        )
        vergunning_services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="verleend",
            besluit_op=D(2027, 1, 2),
            geldig_tot=geldig_tot,
            door=coordinator,
        )

    assert "vergunning_contact" in signalen_op(kim, casemanager, geldig_tot, 23)
    assert "vergunning_contact" not in signalen_op(kim, casemanager, dag_erna)


@pytest.mark.parametrize("evaluatie_op", [D(2027, 12, 31), D(2028, 2, 29), D(2027, 6, 30)], ids=str)
def test_plan_evalueren_vanaf_de_evaluatiedatum(kim, casemanager, evaluatie_op):
    with time_machine.travel(lokaal(D(2027, 1, 2)), tick=False):
        plannen_services.plan_opstellen(
            client=kim,
            door=casemanager,
            opgesteld_op=D(2027, 1, 2),
            status="actief",
            evaluatie_op=evaluatie_op,
        )

    assert "plan_evaluatie" not in signalen_op(
        kim, casemanager, evaluatie_op - dt.timedelta(days=1), 23
    )
    assert "plan_evaluatie" in signalen_op(kim, casemanager, evaluatie_op)


@pytest.mark.parametrize(
    ("zrm_op", "nog_niet", "wel"),
    [
        # 6 months before 29 February 2028 is 29 August: a ZRM of 31 August is not older.
        pytest.param(D(2027, 8, 31), D(2028, 2, 29), D(2028, 3, 1), id="eind-februari"),
        # 31 December: 6 months back is 30 June (there is no 31 June), not older yet.
        pytest.param(D(2027, 6, 30), D(2027, 12, 31), D(2028, 1, 1), id="jaareinde"),
    ],
)
def test_zrm_ouder_dan_zes_maanden(kim, casemanager, zrm_op, nog_niet, wel):
    with time_machine.travel(lokaal(zrm_op), tick=False):
        plannen_services.zrm_vastleggen(
            client=kim, datum=zrm_op, scores={"financien": 3}, door=casemanager
        )

    assert "zrm" not in signalen_op(kim, casemanager, nog_niet, 23)
    assert "zrm" in signalen_op(kim, casemanager, wel)
