"""The dossier pages through HTTP: flows, reduced dossier, logging, files, exports."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clients import services
from clients.models import Client, Overdracht, Situatie, Toestemming
from stapteam.constants import Actie, Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie, Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(naam, *args):
    return reverse(f"clients:{naam}", args=args)


@pytest.fixture
def met_scan(client_van_team, casemanager):
    return services.toestemming_vastleggen(
        client=client_van_team,
        ondertekend_op=dt.date(2024, 1, 1),
        versie="2021-1",
        partijen=Organisatie.objects.filter(code="zvh"),
        scan=SimpleUploadedFile("s.pdf", eenvoudige_pdf(["x"])),
        door=casemanager,
    )


def laatste_log() -> Toegangslog:
    return Toegangslog.objects.order_by("-id").first()


class TestRegistreren:
    def test_zoeken_toont_waarschijnlijke_dubbelen_en_logt(self, als, casemanager, team):
        ClientFactory(team=team, roepnaam="Kim", gegevens={"geboortedatum": dt.date(1990, 1, 1)})
        pagina = als(casemanager).get(
            url("nieuw"), {"roepnaam": "Kim", "geboortedatum": "1990-01-01"}
        )
        html = pagina.content.decode()
        assert "waarschijnlijk dezelfde persoon" in html
        assert "2. Registreer haar" in html
        assert laatste_log().actie == Actie.ZOEKEN

    def test_dubbel_vraagt_bevestiging(self, als, casemanager, team):
        ClientFactory(team=team, roepnaam="Kim", gegevens={"geboortedatum": dt.date(1990, 1, 1)})
        gegevens = {
            "roepnaam": "Kim",
            "geboortedatum": "1990-01-01",
            "geslacht": "vrouw",
            "in_beeld_sinds": "2024-01-01",
            "status": "actief",
            "casemanager": casemanager.pk,
        }
        pagina = als(casemanager).post(url("nieuw"), gegevens)
        assert pagina.status_code == 200
        assert "Dit is een andere persoon" in pagina.content.decode()
        assert Client.objects.count() == 1

        antwoord = als(casemanager).post(url("nieuw"), gegevens | {"geen_dubbel": "ja"})
        nieuw = Client.objects.latest("pk")
        assert antwoord["Location"] == url("dossier", nieuw.pk)
        assert nieuw.casemanager == casemanager

    def test_fout_bsn_geeft_nederlandse_melding(self, als, casemanager):
        pagina = als(casemanager).post(
            url("nieuw"),
            {
                "roepnaam": "Kim",
                "bsn": "123456789",
                "geslacht": "vrouw",
                "in_beeld_sinds": "2024-01-01",
                "status": "actief",
            },
        )
        assert "elfproef" in pagina.content.decode()
        assert "Er is niets opgeslagen" in pagina.content.decode()
        assert not Client.objects.exists()


class TestDossier:
    def test_dossier_inzien_wordt_gelogd(self, als, casemanager, client_van_team):
        als(casemanager).get(url("dossier", client_van_team.pk))
        regel = laatste_log()
        assert (regel.actie, regel.client_id, regel.gebruiker) == (
            Actie.INZIEN,
            client_van_team.pk,
            casemanager,
        )
        assert regel.rol == Rol.CASEMANAGER
        assert regel.team == client_van_team.team

    def test_beperkt_dossier_voor_ervaringsdeskundige(
        self, als, ervaringsdeskundige, client_van_team, met_scan
    ):
        services.client_wijzigen(client=client_van_team, door=None, bsn="111222333")
        services.situatie_vastleggen(
            client=client_van_team,
            kenmerk="bewindvoering",
            waarde="ja",
            datum=dt.date(2024, 1, 1),
            door=None,
        )
        html = als(ervaringsdeskundige).get(url("dossier", client_van_team.pk)).content.decode()
        assert "Kim" in html
        assert "111222333" not in html
        assert "Bewindvoering" not in html
        assert "Scan openen" not in html
        assert "beperkte dossier" in html
        assert laatste_log().omschrijving == "Dossier ingezien (beperkt)"

    def test_volledig_dossier_voor_casemanager(self, als, casemanager, client_van_team, met_scan):
        services.client_wijzigen(client=client_van_team, door=None, bsn="111222333")
        html = als(casemanager).get(url("dossier", client_van_team.pk)).content.decode()
        assert "111222333" in html
        assert "Bewindvoering" in html
        assert "Scan openen" in html

    def test_signalen_op_het_dossier(self, als, casemanager, client_van_team):
        html = als(casemanager).get(url("dossier", client_van_team.pk)).content.decode()
        assert "Toestemming ontbreekt" in html

    def test_situatie_per_kenmerk(self, als, casemanager, client_van_team):
        antwoord = als(casemanager).post(
            url("situatie", client_van_team.pk, "woonsituatie"),
            {"datum": "2024-02-01", "waarde": "dakloos"},
        )
        assert antwoord.status_code == 302
        assert Situatie.objects.get().waarde == "dakloos"

        fout = als(casemanager).post(
            url("situatie", client_van_team.pk, "woonsituatie"),
            {"datum": "2999-01-01", "waarde": "dakloos"},
        )
        assert "De datum ligt in de toekomst" in fout.content.decode()
        assert Situatie.objects.count() == 1
        assert (
            als(casemanager).get(url("situatie", client_van_team.pk, "schoenmaat")).status_code
            == 404
        )


class TestLijsten:
    def test_ander_team_is_onzichtbaar(self, als, team, ander_team):
        ClientFactory(team=team, roepnaam="Kim")
        vreemde = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
        html = als(vreemde).get(url("lijst"), {"zoek": "Kim"}).content.decode()
        assert "0 cliënten gevonden" in html

    def test_zoeken_en_filters_worden_gelogd(self, als, casemanager, client_van_team):
        html = als(casemanager).get(url("lijst"), {"zoek": "kim"}).content.decode()
        assert "1 cliënt gevonden" in html
        regel = laatste_log()
        assert regel.actie == Actie.ZOEKEN
        assert "zoekterm 'kim'" in regel.omschrijving

    def test_mijn_clienten(self, als, casemanager, client_van_team, team):
        ClientFactory(team=team, roepnaam="Naomi")  # someone else's
        html = als(casemanager).get(url("mijn")).content.decode()
        assert "Kim" in html
        assert "Naomi" not in html

    def test_alleen_met_signaal(self, als, casemanager, client_van_team, team):
        met_toestemming = ClientFactory(team=team, roepnaam="Naomi")
        met_toestemming.toestemmingen.create(ondertekend_op=dt.date(2024, 1, 1), versie="1")
        html = als(casemanager).get(url("lijst"), {"signaal": "on"}).content.decode()
        assert "Kim" in html
        assert "Naomi" not in html


class TestScan:
    def test_download_wordt_gelogd(self, als, casemanager, client_van_team, met_scan):
        antwoord = als(casemanager).get(url("toestemming_scan", client_van_team.pk, met_scan.pk))
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"] == "application/pdf"
        assert "attachment" in antwoord["Content-Disposition"]
        assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")
        regel = laatste_log()
        assert (regel.actie, regel.client_id) == (Actie.DOWNLOADEN, client_van_team.pk)

    def test_geweigerd_aan_verkeerde_rol_en_anoniem(
        self, client, als, client_van_team, met_scan, ervaringsdeskundige, team, ander_team
    ):
        adres = url("toestemming_scan", client_van_team.pk, met_scan.pk)
        assert client.get(adres).status_code == 302  # to the login page
        assert als(ervaringsdeskundige).get(adres).status_code == 403
        assert als(UserFactory(rol=Rol.GEMEENTE, team=team)).get(adres).status_code == 403
        assert als(UserFactory(rol=Rol.CASEMANAGER, team=ander_team)).get(adres).status_code == 404
        assert not Toegangslog.objects.filter(actie=Actie.DOWNLOADEN).exists()

    def test_geen_publieke_url(self, met_scan, settings):
        assert settings.STORAGES["default"]["OPTIONS"]["base_url"] is None
        assert not str(settings.PRIVE_BESTANDEN_MAP).startswith(str(settings.STATIC_ROOT))

    def test_verkeerd_bestand_via_formulier(self, als, casemanager, client_van_team):
        pagina = als(casemanager).post(
            url("toestemming_nieuw", client_van_team.pk),
            {
                "ondertekend_op": "2024-01-01",
                "versie": "1",
                "partijen": [Organisatie.objects.get(code="zvh").pk],
                "scan": SimpleUploadedFile("scan.pdf", b"<html>geen pdf</html>"),
            },
        )
        assert "geen PDF, JPEG of PNG" in pagina.content.decode()
        assert not Toestemming.objects.exists()


class TestOverdrachtViews:
    def test_caseload_eerst_bevestigen(self, als, coordinator, casemanager, team):
        nieuw = UserFactory(rol=Rol.CASEMANAGER, team=team, naam="Nieuwe Casemanager")
        ClientFactory(team=team, roepnaam="Kim", casemanager=casemanager)
        ClientFactory(team=team, roepnaam="Naomi", casemanager=casemanager)
        gegevens = {"van": casemanager.pk, "naar": nieuw.pk, "notitie": "Vertrek"}

        voorbeeld = als(coordinator).post(url("caseload_overdragen"), gegevens)
        html = voorbeeld.content.decode()
        assert "Ja, draag 2 cliënten over" in html
        assert Client.objects.filter(casemanager=nieuw).count() == 0

        als(coordinator).post(url("caseload_overdragen"), gegevens | {"bevestigd": "True"})
        assert Client.objects.filter(casemanager=nieuw).count() == 2
        assert Overdracht.objects.filter(naar=nieuw, notitie="Vertrek").count() == 2


def test_wijzigen_van_toestemming_linkt_niet_naar_de_bestandsopslag(als, casemanager, met_scan):
    pagina = (
        als(casemanager)
        .get(url("toestemming_wijzigen", met_scan.client.pk, met_scan.pk))
        .content.decode()
    )
    assert 'type="file"' in pagina
    assert met_scan.scan.name not in pagina  # the private store serves nothing by URL


class TestAVG:
    def test_toegangslog_per_client_filtert_op_periode(
        self, als, coordinator, casemanager, client_van_team
    ):
        als(casemanager).get(url("dossier", client_van_team.pk))
        pagina = als(coordinator).get(url("toegangslog", client_van_team.pk))
        html = pagina.content.decode()
        assert "Dossier ingezien" in html
        assert casemanager.naam in html
        # The role as people read it, not its code.
        assert 'data-kop="Rol">Casemanager<' in html
        leeg = als(coordinator).get(
            url("toegangslog", client_van_team.pk), {"van": "2000-01-01", "tot": "2000-12-31"}
        )
        assert "Geen regels in deze periode" in leeg.content.decode()

    def test_inzage_zip(self, als, coordinator, client_van_team, met_scan):
        services.situatie_vastleggen(
            client=client_van_team,
            kenmerk="woonsituatie",
            waarde="dakloos",
            datum=dt.date(2024, 1, 1),
            door=None,
        )
        assert als(coordinator).get(url("inzage_downloaden", client_van_team.pk)).status_code == 405
        antwoord = als(coordinator).post(url("inzage_downloaden", client_van_team.pk))
        assert antwoord["Content-Type"] == "application/zip"

        archief = zipfile.ZipFile(io.BytesIO(antwoord.content))
        namen = archief.namelist()
        assert {"inzage.html", "inzage.json"} <= set(namen)
        assert any(naam.startswith("bestanden/toestemming-") for naam in namen)
        gegevens = json.loads(archief.read("inzage.json"))
        assert gegevens["client"] == client_van_team.code
        secties = gegevens["secties"]
        assert {
            "Persoonsgegevens",
            "Situatie",
            "Toestemmingen",
            "Overdrachten",
            "Wijzigingen in de gegevens",
            "Wie heeft het dossier ingezien",
        } <= set(secties)
        assert secties["Situatie"][0]["Waarde"] == "Dakloos"
        assert "Kim" in archief.read("inzage.html").decode()

        regel = laatste_log()
        assert (regel.actie, regel.client_id) == (Actie.EXPORTEREN, client_van_team.pk)


class TestActiesEnStartpagina:
    @pytest.mark.parametrize(
        ("rol", "verwacht"),
        [
            (Rol.CASEMANAGER, ["Contact vastleggen", "Gegevens wijzigen", "Uitgave vastleggen"]),
            (Rol.ERVARINGSDESKUNDIGE, ["Contact vastleggen"]),
            (
                Rol.COORDINATOR,
                [
                    "Contact vastleggen",
                    "Gegevens wijzigen",
                    "Overdragen",
                    "Wie heeft dit dossier ingezien",
                    "Inzage-export (AVG)",
                    "Uitgave vastleggen",
                ],
            ),
        ],
    )
    def test_dossieracties_per_rol(self, als, team, client_van_team, rol, verwacht):
        pagina = als(UserFactory(rol=rol, team=team)).get(url("dossier", client_van_team.pk))
        labels = [actie["label"] for actie in pagina.context["acties"]]
        assert labels == verwacht
        for label in verwacht:
            assert label in pagina.content.decode()

    def test_startpagina_telt_mijn_clienten_met_signaal(self, als, casemanager, client_van_team):
        html = als(casemanager).get("/").content.decode()
        assert "Je hebt <strong>1</strong> lopende cliënt" in html
        assert "<strong>1</strong> met een signaal" in html


def test_startpagina_coordinator_zonder_eigen_clienten_ziet_het_team(
    als, coordinator, client_van_team
):
    html = als(coordinator).get("/").content.decode()
    assert "Cliënten van je team" in html
    assert "Het team heeft <strong>1</strong> lopende cliënt" in html
