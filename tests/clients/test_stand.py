"""Her current state (``ClientStand``) after any series of writes through the services:
the rebuild from the records gives exactly what the writes kept up, and it says what the
"as of" reads on the records say for today.

Hypothesis draws the series: clients registered, situations, contacts logged and
corrected (attempts and realised, confidential or not), consent given and withdrawn,
permits requested, decided and renewed, plans drawn up, evaluated and closed, ZRM,
handovers, pauses and outflow. The clock is frozen on a month or year end, at a time of
day where the date in Amsterdam and in UTC differ.
"""

import datetime as dt
import random
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clients import services
from clients.constants import KENMERK_WAARDEN, ContactSoort, Kenmerk, Status, ZoneActiviteit
from clients.models import Client, ClientStand, Contact, Situatie, Toestemming
from clients.selectors import (
    met_laatste_contact,
    met_situatie,
    met_toestemmingstatus,
    met_toestemmingstatus_nu,
    situatie_veld,
)
from clients.stand import herbouwen
from plannen import services as plannen_services
from plannen.constants import PlanStatus
from plannen.models import Plan
from plannen.selectors import met_laatste_zrm, met_plan_evaluatie
from stapteam.constants import Rol
from stapteam.models import Organisatie
from tests.factories import ClientFactory, UserFactory
from vergunningen import services as vergunning_services
from vergunningen.constants import Besluit
from vergunningen.models import Vergunning
from vergunningen.selectors import heeft_geldige_vergunning
from vergunningen.signalen import geldig_vandaag

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Local times just after midnight: in UTC still the day before.
MOMENTEN = [
    dt.datetime(2025, 1, 1, 0, 30, tzinfo=AMSTERDAM),
    dt.datetime(2025, 3, 1, 0, 15, tzinfo=AMSTERDAM),
    dt.datetime(2024, 2, 29, 0, 45, tzinfo=AMSTERDAM),
    dt.datetime(2025, 12, 31, 23, 50, tzinfo=AMSTERDAM),
]

SOORTEN = [
    "client",
    "situatie",
    "zone",
    "contact",
    "contact_corrigeren",
    "toestemming",
    "toestemming_intrekken",
    "aanvraag",
    "vergunning",
    "vergunning",
    "besluit",
    "plan",
    "plan_evalueren",
    "plan_afsluiten",
    "zrm",
    "overdragen",
    "pauze",
    "uitstromen",
]

stap = st.tuples(
    st.sampled_from(SOORTEN),
    st.integers(0, 2),  # which of the clients
    st.integers(0, 500),  # days back (or ahead, for an evaluation)
    st.integers(0, 10**6),  # further choices
)


class Reeks:
    """Applies drawn writes to the clients of one example; refused writes change
    nothing (the services say so with a ValidationError)."""

    def __init__(self, team, casemanager, collega, coordinator, vandaag):
        self.team = team
        self.casemanager = casemanager
        self.collega = collega
        self.coordinator = coordinator
        self.vandaag = vandaag
        self.clienten: list[Client] = []

    def client(self, index: int) -> Client:
        if not self.clienten:
            self.nieuwe_client(0, 0)
        return Client.objects.get(pk=self.clienten[index % len(self.clienten)].pk)

    def nieuwe_client(self, dagen: int, keuze: int) -> None:
        client = ClientFactory(
            team=self.team,
            casemanager=self.casemanager if keuze % 2 else None,
            gegevens={
                "in_beeld_sinds": self.vandaag - dt.timedelta(days=dagen),
                "geboortedatum": dt.date(1990, 1, 1),
                "status": Status.ACTIEF,
            },
            door=self.casemanager,
        )
        self.clienten.append(client)

    def uitvoeren(self, soort: str, index: int, dagen: int, keuze: int) -> None:
        try:
            if soort == "client":
                self.nieuwe_client(dagen, keuze)
            else:
                getattr(self, soort)(self.client(index), dagen, random.Random(keuze))
        except ValidationError:
            pass

    def datum(self, dagen: int) -> dt.date:
        return self.vandaag - dt.timedelta(days=dagen)

    def situatie(self, client, dagen, kies):
        kenmerk = kies.choice(list(KENMERK_WAARDEN))
        waarde = kies.choice(KENMERK_WAARDEN[kenmerk].values)
        services.situatie_vastleggen(
            client=client, kenmerk=kenmerk, waarde=waarde, datum=self.datum(dagen), door=None
        )

    def zone(self, client, dagen, kies):
        # Zone activity often, and mostly 'niet': the permit signal's run of 'niet'.
        waarde = kies.choice([ZoneActiviteit.NIET, ZoneActiviteit.NIET, ZoneActiviteit.ZELDEN])
        services.situatie_vastleggen(
            client=client,
            kenmerk=Kenmerk.ZONE_ACTIVITEIT,
            waarde=waarde,
            datum=self.datum(dagen % 200),
            door=None,
        )

    def contact(self, client, dagen, kies):
        services.contact_registreren(
            client=client,
            door=kies.choice([self.casemanager, self.collega]),
            soort=kies.choice(ContactSoort.values),
            tijdstip=dt.datetime.combine(
                self.datum(dagen % 60), dt.time(kies.choice([0, 7, 23]), 30), tzinfo=AMSTERDAM
            ),
            vertrouwelijk=kies.random() < 0.4,
        )

    def contact_corrigeren(self, client, dagen, kies):
        contact = Contact.objects.filter(client=client).order_by("?").first()
        if contact is None:
            return
        wijziging = kies.choice(["soort", "tijdstip", "vertrouwelijk"])
        waarde = {
            "soort": kies.choice(ContactSoort.values),
            "tijdstip": dt.datetime.combine(self.datum(dagen % 60), dt.time(12), AMSTERDAM),
            "vertrouwelijk": not contact.vertrouwelijk,
        }[wijziging]
        services.contact_corrigeren(contact=contact, door=self.coordinator, **{wijziging: waarde})

    def toestemming(self, client, dagen, kies):
        ondertekend = self.datum(dagen % 800)
        geldig_tot = (
            ondertekend + dt.timedelta(days=kies.randint(0, 800)) if kies.random() < 0.7 else None
        )
        services.toestemming_vastleggen(
            client=client,
            ondertekend_op=ondertekend,
            versie="1",
            geldig_tot=geldig_tot,
            partijen=Organisatie.objects.filter(code="iriszorg"),
            door=self.casemanager,
        )

    def toestemming_intrekken(self, client, dagen, kies):
        toestemming = Toestemming.objects.filter(client=client).order_by("?").first()
        if toestemming is not None:
            services.toestemming_wijzigen(
                toestemming=toestemming,
                ingetrokken_op=max(toestemming.ondertekend_op, self.datum(dagen % 30)),
                door=self.casemanager,
            )

    def aanvraag(self, client, dagen, kies):
        heeft = Vergunning.objects.filter(client=client).exists()
        vergunning_services.aanvraag_registreren(
            client=client,
            aanvraag_op=self.datum(dagen % 700),
            soort="verlenging" if heeft else "nieuw",
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=False,
            door=self.casemanager,
        )

    def vergunning(self, client, dagen, kies):
        """An application and its decision (a renewal when she had one before)."""
        self.aanvraag(client, dagen, kies)
        self.besluit(
            client, dagen, kies, vergunning=Vergunning.objects.filter(client=client).first()
        )

    def besluit(self, client, dagen, kies, vergunning=None):
        """Decide an application (or correct a decision): granted with or without an end
        date, refused, or withdrawn."""
        vergunning = vergunning or Vergunning.objects.filter(client=client).order_by("?").first()
        if vergunning is None:
            return
        besluit = kies.choice(
            [Besluit.VERLEEND, Besluit.VERLEEND, Besluit.GEWEIGERD, "ingetrokken"]
        )
        besluit_op = min(self.vandaag, vergunning.aanvraag_op + dt.timedelta(days=dagen % 60))
        extra = {}
        if besluit == Besluit.VERLEEND and kies.random() < 0.8:
            extra["geldig_tot"] = besluit_op + dt.timedelta(days=kies.randint(0, 730))
        if besluit == Besluit.GEWEIGERD:
            extra["weigeringsgrond"] = "Voldoet niet"
        vergunning_services.besluit_vastleggen(
            vergunning=vergunning,
            besluit=besluit,
            besluit_op=besluit_op,
            afwijking_reden="Toch verleend",
            door=self.coordinator,
            **extra,
        )

    def plan(self, client, dagen, kies):
        opgesteld = self.datum(dagen % 400)
        plannen_services.plan_opstellen(
            client=client,
            door=self.casemanager,
            opgesteld_op=opgesteld,
            status=kies.choice([PlanStatus.ACTIEF, PlanStatus.ACTIEF, PlanStatus.CONCEPT]),
            evaluatie_op=opgesteld + dt.timedelta(days=kies.randint(0, 500))
            if kies.random() < 0.8
            else None,
        )

    def plan_evalueren(self, client, dagen, kies):
        plan = Plan.objects.filter(client=client).order_by("?").first()
        if plan is not None:
            plannen_services.plan_wijzigen(
                plan=plan,
                door=self.casemanager,
                evaluatie_op=max(plan.opgesteld_op, self.vandaag) + dt.timedelta(days=dagen % 120),
            )

    def plan_afsluiten(self, client, dagen, kies):
        plan = Plan.objects.filter(client=client).exclude(status=PlanStatus.AFGESLOTEN).first()
        if plan is not None:
            plannen_services.plan_wijzigen(
                plan=plan, door=self.casemanager, status=PlanStatus.AFGESLOTEN
            )

    def zrm(self, client, dagen, kies):
        plannen_services.zrm_vastleggen(
            client=client,
            datum=self.datum(dagen % 400),
            scores={"financien": kies.randint(1, 5)},
            door=self.casemanager,
        )

    def overdragen(self, client, dagen, kies):
        naar = self.collega if client.casemanager_id == self.casemanager.pk else self.casemanager
        services.overdragen(client=client, naar=naar, door=self.coordinator)

    def pauze(self, client, dagen, kies):
        status = Status.ACTIEF if client.status == Status.GEPAUZEERD else Status.GEPAUZEERD
        services.client_wijzigen(client=client, door=self.coordinator, status=status)

    def uitstromen(self, client, dagen, kies):
        services.client_wijzigen(
            client=client,
            door=self.coordinator,
            status=Status.UITGESTROOMD,
            uitstroom_datum=max(client.in_beeld_sinds, self.datum(dagen % 30)),
            uitstroom_reden="verhuisd",
        )


def alle_rijen() -> list[dict]:
    return list(ClientStand.objects.order_by("client_id").values())


def zone_niet_sinds_grens_volgens_geschiedenis(client: Client, grens, vandaag) -> bool:
    """The permit signal's definition on the records: 'niet' as of ``grens`` and no other
    value registered after it (up to today)."""
    zone = Situatie.objects.filter(client=client, kenmerk=Kenmerk.ZONE_ACTIVITEIT)
    op_grens = zone.filter(datum__lte=grens).order_by("-datum").first()
    anders_sinds = zone.filter(datum__gt=grens, datum__lte=vandaag).exclude(
        waarde=ZoneActiviteit.NIET
    )
    return (
        op_grens is not None
        and op_grens.waarde == ZoneActiviteit.NIET
        and not anders_sinds.exists()
    )


def vergelijk_met_de_geschiedenis(clienten, vandaag, ervaringsdeskundige) -> None:
    """What the stand says for today is what the "as of" reads on the records say."""
    pks = [client.pk for client in clienten]
    basis = Client.objects.filter(pk__in=pks).order_by("pk")
    standen = {stand.client_id: stand for stand in ClientStand.objects.filter(client_id__in=pks)}
    situatie = met_situatie(basis, op=vandaag)
    for client in situatie:
        for kenmerk in Kenmerk.values:
            assert getattr(standen[client.pk], kenmerk) == getattr(client, situatie_veld(kenmerk))
    for gebruiker, kolom in (
        (None, "laatste_contact"),
        (ervaringsdeskundige, "laatste_open_contact"),
    ):
        for client in met_laatste_contact(basis, gebruiker=gebruiker):
            assert getattr(standen[client.pk], kolom) == client.laatste_contact, kolom
    verwacht = dict(
        met_toestemmingstatus(basis, op=vandaag).values_list("pk", "toestemming_status")
    )
    nu = dict(
        met_toestemmingstatus_nu(basis, vandaag=vandaag).values_list("pk", "toestemming_status")
    )
    assert nu == verwacht
    for client in met_laatste_zrm(met_plan_evaluatie(basis)):
        assert standen[client.pk].plan_evaluatie == client.plan_evaluatie
        assert standen[client.pk].laatste_zrm == client.laatste_zrm
    for dag in (vandaag, vandaag + dt.timedelta(days=1), vandaag + dt.timedelta(days=400)):
        houders = set(basis.filter(heeft_geldige_vergunning(dag)).values_list("pk", flat=True))
        assert set(basis.filter(geldig_vandaag(dag)).values_list("pk", flat=True)) == houders
    for terug in (0, 1, 31, 92, 199, 200):
        grens = vandaag - dt.timedelta(days=terug)
        for client in basis:
            niet_sinds = standen[client.pk].zone_niet_sinds
            assert (niet_sinds is not None and niet_sinds <= grens) == (
                zone_niet_sinds_grens_volgens_geschiedenis(client, grens, vandaag)
            )


@pytest.fixture
def medewerkers(team, casemanager, coordinator, ervaringsdeskundige):
    collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
    return casemanager, collega, coordinator, ervaringsdeskundige


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(moment=st.sampled_from(MOMENTEN), stappen=st.lists(stap, min_size=1, max_size=25))
def test_herbouwen_geeft_wat_de_diensten_bijhielden(team, medewerkers, moment, stappen):
    casemanager, collega, coordinator, ervaringsdeskundige = medewerkers
    with time_machine.travel(moment, tick=False):
        reeks = Reeks(team, casemanager, collega, coordinator, moment.date())
        for soort, index, dagen, keuze in stappen:
            reeks.uitvoeren(soort, index, dagen, keuze)

        bijgehouden = alle_rijen()
        assert len(bijgehouden) == Client.objects.count()  # every client has her row
        ClientStand.objects.all().delete()
        herbouwen()
        assert alle_rijen() == bijgehouden

        vergelijk_met_de_geschiedenis(reeks.clienten, moment.date(), ervaringsdeskundige)


def test_herbouwen_per_team_raakt_andere_teams_niet(team, ander_team, casemanager):
    hier = ClientFactory(team=team)
    daar = ClientFactory(team=ander_team)
    services.contact_registreren(client=hier, door=casemanager, soort="digitaal")
    # Both rows wrong: only the team's is recomputed.
    ClientStand.objects.update(laatste_contact=None, laatste_zrm=dt.date(2001, 1, 1))

    uit = StringIO()
    call_command("herbouw_stand", team=team.code, stdout=uit)

    assert "van 1 cliënt(en)" in uit.getvalue()
    hier_stand, daar_stand = (ClientStand.objects.get(client=c) for c in (hier, daar))
    assert (hier_stand.laatste_contact is not None, hier_stand.laatste_zrm) == (True, None)
    assert (daar_stand.laatste_contact, daar_stand.laatste_zrm) == (None, dt.date(2001, 1, 1))


def test_herbouwen_maakt_ontbrekende_rijen(team, casemanager):
    client = ClientFactory(team=team)
    services.contact_registreren(client=client, door=casemanager, soort="face_to_face")
    ClientStand.objects.filter(client=client).delete()

    call_command("herbouw_stand", stdout=StringIO())

    assert ClientStand.objects.get(client=client).laatste_contact is not None


def test_onbekend_team(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Onbekend team"):
        call_command("herbouw_stand", team="bestaat-niet", stdout=StringIO())
