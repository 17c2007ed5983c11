"""The write services: each rule, and that a refused write changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from clients import services
from clients.constants import Kenmerk, Status
from clients.models import Client, Overdracht, Situatie, Toestemming
from stapteam.constants import Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie
from tests.factories import ClientFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

D = dt.date


def pdf(naam="scan.pdf"):
    return SimpleUploadedFile(naam, eenvoudige_pdf(["test"]), content_type="application/pdf")


class TestClientAanmaken:
    def test_nummer_en_eerste_casemanager(self, team, casemanager):
        eerste = services.client_aanmaken(
            team=team, door=casemanager, roepnaam="Kim", casemanager=casemanager
        )
        tweede = services.client_aanmaken(team=team, door=casemanager, roepnaam="Naomi")
        assert (eerste.code, tweede.code) == ("0001", "0002")
        overdracht = Overdracht.objects.get(client=eerste)
        assert (overdracht.van, overdracht.naar) == (None, casemanager)
        assert eerste.history.first().history_user == casemanager

    def test_casemanager_moet_van_het_team_zijn(self, team, ander_team):
        vreemde = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
        with pytest.raises(ValidationError) as fout:
            services.client_aanmaken(team=team, door=None, roepnaam="Kim", casemanager=vreemde)
        assert "casemanager" in fout.value.error_dict
        assert not Client.objects.exists()

    def test_ervaringsdeskundige_moet_die_rol_hebben(self, team, casemanager):
        with pytest.raises(ValidationError, match="ervaringsdeskundige"):
            services.client_aanmaken(
                team=team, door=None, roepnaam="Kim", ervaringsdeskundige=casemanager
            )

    def test_bsn_is_uniek_in_het_team(self, team, ander_team):
        services.client_aanmaken(team=team, door=None, roepnaam="Kim", bsn="111222333")
        with pytest.raises(ValidationError, match="al een cliënt met dit BSN"):
            services.client_aanmaken(team=team, door=None, roepnaam="Anna", bsn="111222333")
        services.client_aanmaken(team=ander_team, door=None, roepnaam="Anna", bsn="111222333")

    @pytest.mark.parametrize(
        ("gegevens", "veld"),
        [
            ({"bsn": "123456789"}, "bsn"),
            ({"geboortedatum": D(2999, 1, 1)}, "geboortedatum"),
            ({"status": Status.UITGESTROOMD}, "uitstroom_datum"),
            ({"uitstroom_datum": D(2024, 1, 1)}, "status"),
            ({"roepnaam": ""}, "roepnaam"),
        ],
    )
    def test_fout_invoer_slaat_niets_op(self, team, gegevens, veld):
        with pytest.raises(ValidationError) as fout:
            services.client_aanmaken(team=team, door=None, **({"roepnaam": "Kim"} | gegevens))
        assert veld in fout.value.error_dict
        assert not Client.objects.exists()
        assert not Overdracht.objects.exists()


class TestClientWijzigen:
    def test_uitstromen_en_terugkomen(self, client_van_team, casemanager):
        services.client_wijzigen(
            client=client_van_team,
            door=casemanager,
            status=Status.UITGESTROOMD,
            uitstroom_datum=dt.date.today(),
            uitstroom_reden="verhuisd",
        )
        client = services.client_wijzigen(
            client=client_van_team, door=casemanager, status=Status.ACTIEF
        )
        assert client.uitstroom_datum is None
        # The outflow stays in her history.
        assert client.history.filter(status=Status.UITGESTROOMD).exists()

    def test_uitstroomdatum_zonder_status_uitgestroomd_wordt_geweigerd(self, client_van_team):
        with pytest.raises(ValidationError) as fout:
            services.client_wijzigen(
                client=client_van_team,
                door=None,
                uitstroom_datum=dt.date.today(),
                uitstroom_reden="verhuisd",
            )
        assert "status" in fout.value.error_dict
        client_van_team.refresh_from_db()
        assert client_van_team.uitstroom_datum is None

    def test_casemanager_wijzigt_alleen_via_overdracht(self, client_van_team, casemanager):
        with pytest.raises(ValueError, match="casemanager"):
            services.client_wijzigen(client=client_van_team, door=None, casemanager=casemanager)


class TestSituatie:
    def test_tweede_waarde_op_dezelfde_dag_vervangt(self, client_van_team, casemanager):
        for waarde in ("dakloos", "mfc_nachtopvang"):
            services.situatie_vastleggen(
                client=client_van_team,
                kenmerk=Kenmerk.WOONSITUATIE,
                waarde=waarde,
                datum=D(2024, 1, 1),
                door=casemanager,
            )
        rij = Situatie.objects.get(client=client_van_team)
        assert rij.waarde == "mfc_nachtopvang"
        assert rij.history.count() == 2

    @pytest.mark.parametrize(
        ("kenmerk", "waarde", "datum"),
        [
            ("woonsituatie", "kasteel", D(2024, 1, 1)),
            ("intensiteit", "ja", D(2024, 1, 1)),
            ("woonsituatie", "dakloos", D(2999, 1, 1)),
            ("schoenmaat", "38", D(2024, 1, 1)),
        ],
    )
    def test_ongeldige_invoer(self, client_van_team, kenmerk, waarde, datum):
        with pytest.raises(ValidationError):
            services.situatie_vastleggen(
                client=client_van_team, kenmerk=kenmerk, waarde=waarde, datum=datum, door=None
            )
        assert not Situatie.objects.exists()


class TestToestemming:
    @pytest.fixture
    def partijen(self):
        return list(Organisatie.objects.filter(code__in=["iriszorg", "zvh"]))

    def test_vastleggen_met_scan(self, client_van_team, casemanager, partijen):
        toestemming = services.toestemming_vastleggen(
            client=client_van_team,
            ondertekend_op=D(2024, 1, 1),
            versie="2021-1",
            partijen=partijen,
            scan=pdf(),
            door=casemanager,
        )
        assert toestemming.scan_soort == "application/pdf"
        assert toestemming.scan.name.startswith("toestemmingen/")
        assert "Kim" not in toestemming.scan.name  # nothing personal in the file name
        assert set(toestemming.partijen.values_list("code", flat=True)) == {"iriszorg", "zvh"}

    @pytest.mark.parametrize(
        ("naam", "inhoud", "melding"),
        [
            ("formulier.pdf", b"MZ\x90\x00 dit is een programma", "geen PDF, JPEG of PNG"),
            ("foto.png", b"GIF89a......", "geen PDF, JPEG of PNG"),
            ("foto.jpg", b"\xff\xd8\xff\xe0 kapot", "beschadigd"),
            ("leeg.pdf", b"", "leeg"),
        ],
    )
    def test_verkeerd_bestand_wordt_geweigerd(
        self, client_van_team, partijen, naam, inhoud, melding
    ):
        with pytest.raises(ValidationError, match=melding):
            services.toestemming_vastleggen(
                client=client_van_team,
                ondertekend_op=D(2024, 1, 1),
                versie="1",
                partijen=partijen,
                scan=SimpleUploadedFile(naam, inhoud, content_type="application/pdf"),
                door=None,
            )
        assert not Toestemming.objects.exists()

    def test_te_groot_bestand(self, client_van_team, partijen, settings):
        settings.MAX_UPLOAD_MB = 1
        groot = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1)
        with pytest.raises(ValidationError, match="te groot"):
            services.toestemming_vastleggen(
                client=client_van_team,
                ondertekend_op=D(2024, 1, 1),
                versie="1",
                partijen=partijen,
                scan=SimpleUploadedFile("groot.pdf", groot),
                door=None,
            )

    def test_zonder_partijen_of_met_onlogische_datums(self, client_van_team, partijen):
        with pytest.raises(ValidationError, match="Kies met wie"):
            services.toestemming_vastleggen(
                client=client_van_team,
                ondertekend_op=D(2024, 1, 1),
                versie="1",
                partijen=[],
                door=None,
            )
        with pytest.raises(ValidationError) as fout:
            services.toestemming_vastleggen(
                client=client_van_team,
                ondertekend_op=D(2024, 1, 1),
                geldig_tot=D(2023, 1, 1),
                versie="1",
                partijen=partijen,
                door=None,
            )
        assert "geldig_tot" in fout.value.error_dict
        assert not Toestemming.objects.exists()

    def test_controle_door_een_ander(self, client_van_team, casemanager, coordinator, partijen):
        toestemming = services.toestemming_vastleggen(
            client=client_van_team,
            ondertekend_op=D(2024, 1, 1),
            versie="1",
            partijen=partijen,
            door=casemanager,
        )
        with pytest.raises(ValidationError, match="Een ander"):
            services.toestemming_controleren(toestemming=toestemming, door=casemanager)
        services.toestemming_controleren(toestemming=toestemming, door=coordinator)
        toestemming.refresh_from_db()
        assert toestemming.gecontroleerd_door == coordinator

    def test_nieuwe_scan_bewaart_de_oude(self, client_van_team, partijen):
        toestemming = services.toestemming_vastleggen(
            client=client_van_team,
            ondertekend_op=D(2024, 1, 1),
            versie="1",
            partijen=partijen,
            scan=pdf(),
            door=None,
        )
        oud = toestemming.scan.name
        services.toestemming_wijzigen(toestemming=toestemming, door=None, scan=pdf())
        toestemming.refresh_from_db()
        assert toestemming.scan.name != oud
        assert toestemming.scan.storage.exists(oud)
        assert toestemming.history.filter(scan=oud).exists()


class TestOverdracht:
    def test_een_client(self, client_van_team, casemanager, coordinator, team):
        nieuw = UserFactory(rol=Rol.CASEMANAGER, team=team)
        services.overdragen(client=client_van_team, naar=nieuw, notitie="Warm", door=coordinator)
        client_van_team.refresh_from_db()
        assert client_van_team.casemanager == nieuw
        laatste = Overdracht.objects.filter(client=client_van_team).first()
        assert (laatste.van, laatste.naar, laatste.notitie) == (casemanager, nieuw, "Warm")

    def test_niet_naar_iemand_van_een_ander_team(self, client_van_team, coordinator):
        vreemde = UserFactory(rol=Rol.CASEMANAGER, team=TeamFactory())
        with pytest.raises(ValidationError):
            services.overdragen(client=client_van_team, naar=vreemde, door=coordinator)
        client_van_team.refresh_from_db()
        assert client_van_team.casemanager != vreemde

    def test_hele_caseload_alles_of_niets(self, team, casemanager, coordinator):
        nieuw = UserFactory(rol=Rol.CASEMANAGER, team=team)
        clienten = [ClientFactory(team=team, casemanager=casemanager) for _ in range(3)]
        weg = ClientFactory(team=team, casemanager=casemanager)
        services.client_wijzigen(
            client=weg,
            door=None,
            status=Status.UITGESTROOMD,
            uitstroom_datum=dt.date.today(),
            uitstroom_reden="verhuisd",
        )
        # One of them already has the new casemanager as second: that is fine.
        services.client_wijzigen(client=clienten[0], door=None, tweede_casemanager=nieuw)

        aantal = services.caseload_overdragen(
            team=team, van=casemanager, naar=nieuw, notitie="Vertrek", door=coordinator
        )

        assert aantal == 3
        assert Client.objects.filter(casemanager=nieuw).count() == 3
        weg.refresh_from_db()
        assert weg.casemanager == casemanager  # who left stays with her last casemanager

    def test_caseload_naar_ongeldige_ontvanger_verandert_niets(self, team, casemanager):
        ClientFactory(team=team, casemanager=casemanager)
        ed = UserFactory(rol=Rol.ERVARINGSDESKUNDIGE, team=team)
        with pytest.raises(ValidationError):
            services.caseload_overdragen(team=team, van=casemanager, naar=ed, door=None)
        assert Client.objects.filter(casemanager=casemanager).count() == 1
        assert Overdracht.objects.count() == 1  # only the first assignment


class TestRegelsOpEenPlek:
    """What the registration page asked of the user, the service now decides itself."""

    def test_waarschijnlijk_dubbel_geweigerd_tenzij_bevestigd(self, team):
        services.client_aanmaken(
            team=team, door=None, roepnaam="Kim", geboortedatum=dt.date(1990, 5, 1)
        )
        with pytest.raises(ValidationError, match="dezelfde roepnaam en geboortedatum") as fout:
            services.client_aanmaken(
                team=team, door=None, roepnaam="kim", geboortedatum=dt.date(1990, 5, 1)
            )
        assert fout.value.code == "dubbel"
        tweede = services.client_aanmaken(
            team=team,
            door=None,
            roepnaam="kim",
            geboortedatum=dt.date(1990, 5, 1),
            andere_persoon=True,
        )
        assert tweede.code == "0002"

    def test_bsn_genormaliseerd_door_de_service(self, team):
        client = services.client_aanmaken(team=team, door=None, roepnaam="Kim", bsn="1112.22 333")
        assert client.bsn == "111222333"
        services.client_wijzigen(client=client, door=None, bsn="11122-2333")
        client.refresh_from_db()
        assert client.bsn == "111222333"

    def test_ingetrokken_toestemming_met_haar_eigen_datum(self, team):
        client = ClientFactory(team=team)
        toestemming = services.toestemming_vastleggen(
            client=client,
            ondertekend_op=dt.date(2021, 1, 1),
            versie="1",
            partijen=Organisatie.objects.filter(code="ggd"),
            ingetrokken_op=dt.date(2022, 3, 1),
            door=None,
        )
        assert toestemming.ingetrokken_op == dt.date(2022, 3, 1)
        assert toestemming.status_op(dt.date(2022, 3, 1)) == "ingetrokken"

    def test_inactieve_casemanager_alleen_bij_overgenomen_gegevens(self, team):
        slapend = UserFactory(rol=Rol.CASEMANAGER, team=team, actief=False)
        with pytest.raises(ValidationError, match="geen actieve casemanager"):
            services.client_aanmaken(team=team, door=None, roepnaam="Kim", casemanager=slapend)
        client = services.client_aanmaken(
            team=team, door=None, roepnaam="Kim", casemanager=slapend, overgenomen=True
        )
        assert client.casemanager == slapend
