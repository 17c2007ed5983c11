"""Anonymisation after the retention period: no personal data left, counts unchanged."""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from clients import services
from clients.constants import Status
from clients.models import Client, Overdracht, Situatie, Toestemming
from stapteam.constants import Actie, Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie, Toegangslog
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSOONLIJK = ["Kimberly", "Jansen-Achternaam", "111222333", "0612345678", "Geheimstraat"]


@pytest.fixture(autouse=True)
def _vaste_datum(time_machine):
    # ``jaren_geleden`` has no answer on 29 February; the boundaries themselves (29
    # February included) are tested in test_datumgrenzen.py.
    time_machine.move_to(dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC), tick=True)


def jaren_geleden(jaren: int, dagen: int = 0) -> dt.date:
    vandaag = timezone.localdate()
    return vandaag.replace(year=vandaag.year - jaren) - dt.timedelta(days=dagen)


def maak_client(team, casemanager, *, roepnaam, uitstroom: dt.date | None, bsn=""):
    client = services.client_aanmaken(
        team=team,
        door=casemanager,
        roepnaam=roepnaam,
        voornaam="Kimberly",
        achternaam="Jansen-Achternaam",
        bsn=bsn,
        telefoon="0612345678",
        postadres="Geheimstraat 1",
        geboortedatum=dt.date(1980, 1, 1),
        in_beeld_sinds=dt.date(2005, 1, 1),
        status=Status.ACTIEF,
        casemanager=casemanager,
    )
    services.situatie_vastleggen(
        client=client,
        kenmerk="woonsituatie",
        waarde="dakloos",
        datum=dt.date(2005, 1, 1),
        door=casemanager,
    )
    toestemming = services.toestemming_vastleggen(
        client=client,
        ondertekend_op=dt.date(2005, 2, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code="iriszorg"),
        scan=SimpleUploadedFile("a.pdf", eenvoudige_pdf(["Kimberly"])),
        door=casemanager,
    )
    services.toestemming_wijzigen(
        toestemming=toestemming,
        door=casemanager,
        scan=SimpleUploadedFile("b.pdf", eenvoudige_pdf(["Kimberly"])),
    )
    nieuw = UserFactory(rol=Rol.CASEMANAGER, team=team)
    services.overdragen(client=client, naar=nieuw, notitie="Kimberly woont Geheimstraat", door=None)
    if uitstroom:
        services.client_wijzigen(
            client=client,
            door=None,
            status=Status.UITGESTROOMD,
            uitstroom_datum=uitstroom,
            uitstroom_reden="verhuisd",
        )
    return client


def tellingen():
    return {
        "clienten": Client.objects.count(),
        "per_status": dict(Client.objects.values_list("status").annotate(n=Count("pk"))),
        "per_geslacht": dict(Client.objects.values_list("geslacht").annotate(n=Count("pk"))),
        "situaties": list(
            Situatie.objects.order_by("pk").values_list("kenmerk", "waarde", "datum")
        ),
        "toestemmingen": list(
            Toestemming.objects.order_by("pk").values_list("ondertekend_op", "geldig_tot")
        ),
        "overdrachten": Overdracht.objects.count(),
    }


def tekst_van_alle_rijen(queryset) -> str:
    return " ".join(str(rij) for rij in queryset.values_list())


@pytest.fixture
def drie(team, casemanager):
    return {
        "verlopen": maak_client(
            team, casemanager, roepnaam="Kimmie", uitstroom=jaren_geleden(15, 1), bsn="111222333"
        ),
        "net_niet": maak_client(team, casemanager, roepnaam="Anna", uitstroom=jaren_geleden(15)),
        "actief": maak_client(team, casemanager, roepnaam="Bo", uitstroom=None),
    }


def test_droogloop_verandert_niets(drie):
    uitvoer = StringIO()
    call_command("anonimiseer_verlopen", "--dry-run", stdout=uitvoer)
    assert "zou anonimiseren" in uitvoer.getvalue()
    assert Client.objects.filter(geanonimiseerd_op__isnull=False).count() == 0


def test_geen_persoonsgegevens_meer_en_tellingen_kloppen(drie):
    voor = tellingen()
    client = drie["verlopen"]
    scans = set(client.toestemmingen.get().history.exclude(scan="").values_list("scan", flat=True))
    opslag = client.toestemmingen.get().scan.storage
    assert len(scans) == 2 and all(opslag.exists(naam) for naam in scans)

    call_command("anonimiseer_verlopen", stdout=StringIO())

    client.refresh_from_db()
    assert client.geanonimiseerd_op is not None
    assert client.roepnaam == "Geanonimiseerd"
    velden = tekst_van_alle_rijen(Client.objects.filter(pk=client.pk))
    geschiedenis = tekst_van_alle_rijen(Client.history.filter(id=client.pk))
    overdrachten = tekst_van_alle_rijen(Overdracht.objects.filter(client=client))
    overdracht_geschiedenis = tekst_van_alle_rijen(Overdracht.history.filter(client_id=client.pk))
    for gegeven in [*PERSOONLIJK, "Kimmie"]:
        for plek in (velden, geschiedenis, overdrachten, overdracht_geschiedenis):
            assert gegeven not in plek
    assert not any(opslag.exists(naam) for naam in scans)
    assert not Toestemming.history.filter(client_id=client.pk).exclude(scan="").exists()

    assert tellingen() == voor
    regel = Toegangslog.objects.get(actie=Actie.WIJZIGEN, client_id=client.pk)
    assert "geanonimiseerd" in regel.omschrijving


def test_binnen_de_termijn_blijft_alles(drie):
    call_command("anonimiseer_verlopen", stdout=StringIO())
    for naam in ("net_niet", "actief"):
        client = Client.objects.get(pk=drie[naam].pk)
        assert client.geanonimiseerd_op is None
        assert client.voornaam == "Kimberly"


def test_tweede_keer_doet_niets(drie):
    call_command("anonimiseer_verlopen", stdout=StringIO())
    uitvoer = StringIO()
    call_command("anonimiseer_verlopen", stdout=uitvoer)
    assert uitvoer.getvalue().startswith("0 dossier(s)")


def test_geanonimiseerd_dossier_is_voor_niemand_zichtbaar(drie, als, casemanager):
    call_command("anonimiseer_verlopen", stdout=StringIO())
    pk = drie["verlopen"].pk
    assert als(casemanager).get(f"/clienten/{pk}/").status_code == 404
