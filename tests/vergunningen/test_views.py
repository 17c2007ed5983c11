"""Permit pages through HTTP: the current list with its signal, the export for the permit
desk, one permit, the forms, the dossier section; logging and fixed query counts."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clients import services as client_services
from stapteam.constants import Actie, Rol
from stapteam.models import Toegangslog
from tests.factories import ClientFactory, UserFactory
from vergunningen import services, views
from vergunningen.models import Vergunning

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
# The holders here have no consent naming the municipality: the coordinator gives a reason.
MET_REDEN = {"reden_zonder_toestemming": "Registratie is wettelijk verplicht"}


def laatste_log() -> Toegangslog:
    return Toegangslog.objects.order_by("-id").first()


def houder(team, roepnaam, *, geldig_tot=None, zone_niet_sinds=None, nummer="TZ-1"):
    client = ClientFactory(
        team=team,
        roepnaam=roepnaam,
        gegevens={"geboortedatum": dt.date(1990, 5, 1), "in_beeld_sinds": dt.date(2022, 1, 1)},
    )
    vergunning = services.aanvraag_registreren(
        client=client,
        aanvraag_op=dt.date(2023, 1, 1),
        soort="nieuw",
        werkt_sinds_peildatum=True,
        zorg_sinds_peildatum=False,
        door=None,
    )
    services.besluit_vastleggen(
        vergunning=vergunning,
        besluit="verleend",
        besluit_op=dt.date(2023, 2, 1),
        geldig_tot=geldig_tot,
        registratienummer=nummer,
        door=None,
    )
    if zone_niet_sinds:
        client_services.situatie_vastleggen(
            client=client,
            kenmerk="zone_activiteit",
            waarde="niet",
            datum=zone_niet_sinds,
            door=None,
        )
    client_services.contact_registreren(
        client=client,
        door=UserFactory(rol=Rol.CASEMANAGER, team=team),
        soort="telefonisch",
        tijdstip=timezone.now() - dt.timedelta(days=2),
    )
    return client


@pytest.fixture
def lijst(team):
    return {
        "kim": houder(team, "Kim", zone_niet_sinds=VANDAAG - dt.timedelta(days=200), nummer="TZ-7"),
        "naomi": houder(team, "Naomi", geldig_tot=VANDAAG + dt.timedelta(days=10), nummer="TZ-8"),
    }


class TestLijst:
    def test_houders_met_signaal_en_gelogd(self, als, casemanager, lijst, team):
        # No permit: not on the list. (A name with a space: never part of a CSRF token.)
        zonder = ClientFactory(team=team, roepnaam="Bo Zonder")
        html = als(casemanager).get(reverse("vergunningen:lijst")).content.decode()
        assert "2 houders" in html
        assert "TZ-7" in html and "TZ-8" in html
        assert zonder.roepnaam not in html
        assert "al 3 maanden niet op de zone" in html
        assert "verloopt binnenkort" in html
        regel = laatste_log()
        assert (regel.actie, regel.team, regel.gebruiker) == (Actie.INZIEN, team, casemanager)
        assert "2 houders" in regel.omschrijving

    def test_alleen_met_signaal(self, als, casemanager, lijst):
        html = als(casemanager).get(reverse("vergunningen:lijst"), {"signaal": "on"}).content
        html = html.decode()
        assert "Kim" in html
        assert "Naomi" not in html

    def test_pagina_twee_met_de_telling_van_de_lijst(
        self, als, coordinator, lijst, team, monkeypatch
    ):
        monkeypatch.setattr(views, "PER_PAGINA", 2)
        houder(team, "Zoë", zone_niet_sinds=VANDAAG - dt.timedelta(days=200), nummer="TZ-9")
        html = als(coordinator).get(reverse("vergunningen:lijst"), {"pagina": 2}).content
        html = html.decode()
        assert "3 houders, van wie 2 met een signaal" in html
        assert "Pagina 2 van 2" in html
        assert "Zoë" in html and "Kim" not in html and "Naomi" not in html
        assert '<a href="/vergunningen/' in html and "TZ-9" in html
        html = als(coordinator).get(reverse("vergunningen:lijst"), {"signaal": "on"}).content
        html = html.decode()
        assert "2 houders met een signaal" in html
        assert "Kim" in html and "Zoë" in html and "Naomi" not in html
        assert 'aria-label="Paginering"' not in html
        assert laatste_log().omschrijving.endswith(": 2 houders, alleen met signaal")

    def test_lopende_aanvragen_en_bezwaren(self, als, coordinator, client_van_team):
        vergunning = services.aanvraag_registreren(
            client=client_van_team,
            aanvraag_op=dt.date(2024, 1, 1),
            soort="nieuw",
            werkt_sinds_peildatum=False,
            zorg_sinds_peildatum=False,
            door=None,
        )
        html = als(coordinator).get(reverse("vergunningen:lijst")).content.decode()
        assert "aangevraagd op 01-01-2024" in html
        services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="geweigerd",
            besluit_op=dt.date(2024, 2, 1),
            weigeringsgrond="Geen binding",
            door=None,
        )
        services.bezwaar_vastleggen(
            vergunning=vergunning,
            bezwaar_op=dt.date(2024, 2, 10),
            bezwaar_status="lopend",
            door=None,
        )
        html = als(coordinator).get(reverse("vergunningen:lijst")).content.decode()
        assert "bezwaar van 10-02-2024 tegen geweigerd" in html

    def test_ander_team_ziet_onze_houders_niet(self, als, lijst, ander_team):
        vreemde = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
        html = als(vreemde).get(reverse("vergunningen:lijst")).content.decode()
        assert "Kim" not in html
        assert "Niemand van Stapteam Arnhem" in html
        assert (
            als(vreemde)
            .get(reverse("vergunningen:lijst"), {"team": "stapteam-nijmegen"})
            .status_code
            == 404
        )


class TestExport:
    def test_coordinator_exporteert_en_het_wordt_gelogd(self, als, coordinator, lijst, team):
        adres = reverse("vergunningen:exporteren")
        assert "Exporteren en downloaden" in als(coordinator).get(adres).content.decode()
        assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()

        antwoord = als(coordinator).post(adres, MET_REDEN)
        assert antwoord["Content-Type"].startswith("application/vnd.openxmlformats")
        assert "attachment" in antwoord["Content-Disposition"]
        blad = load_workbook(io.BytesIO(antwoord.content))["Vergunningen"]
        rijen = list(blad.iter_rows(values_only=True))
        assert rijen[0][:3] == ("Registratienummer", "Cliëntnummer", "Roepnaam")
        per_nummer = {rij[0]: rij for rij in rijen[1:]}
        assert set(per_nummer) == {"TZ-7", "TZ-8"}
        assert per_nummer["TZ-7"][2] == "Kim"
        assert per_nummer["TZ-7"][5].date() == dt.date(1990, 5, 1)
        assert "niet op de zone" in per_nummer["TZ-7"][9]
        assert per_nummer["TZ-8"][8].date() == VANDAAG + dt.timedelta(days=10)
        regel = Toegangslog.objects.get(actie=Actie.EXPORTEREN, client_id__isnull=True)
        assert (regel.actie, regel.team) == (Actie.EXPORTEREN, team)
        assert "2 houders" in regel.omschrijving
        # And once on each client's own access log.
        per_client = Toegangslog.objects.filter(actie=Actie.EXPORTEREN, client_id__isnull=False)
        assert sorted(per_client.values_list("client_id", flat=True)) == sorted(
            [lijst["kim"].pk, lijst["naomi"].pk]
        )
        assert all(r.gebruiker == coordinator for r in per_client)

    @pytest.mark.parametrize("kwaad", ['=HYPERLINK("http://x.example","klik")', "+1+1", "@SOM(A1)"])
    def test_export_voert_geen_formules_uit(self, als, coordinator, team, kwaad):
        houder(team, kwaad, nummer="-2+3")
        antwoord = als(coordinator).post(reverse("vergunningen:exporteren"), MET_REDEN)
        blad = load_workbook(io.BytesIO(antwoord.content))["Vergunningen"]
        rij = next(rij for rij in blad.iter_rows(min_row=2) if rij[2].value.endswith(kwaad))
        assert rij[2].value == "'" + kwaad
        assert rij[2].data_type == "s"
        assert rij[0].value == "'-2+3"

    def test_casemanager_mag_niet_exporteren(self, als, casemanager, lijst):
        assert als(casemanager).post(reverse("vergunningen:exporteren")).status_code == 403
        assert not Toegangslog.objects.filter(actie=Actie.EXPORTEREN).exists()


class TestFormulieren:
    def test_aanvraag_en_besluit_met_reden_bij_afwijking(self, als, casemanager, client_van_team):
        client_services.client_wijzigen(
            client=client_van_team, door=None, geboortedatum=dt.date(2006, 6, 15)
        )
        antwoord = als(casemanager).post(
            reverse("vergunningen:nieuw", args=[client_van_team.pk]),
            {
                "aanvraag_op": "2024-06-14",
                "soort": "nieuw",
                "werkt_sinds_peildatum": "ja",
                "zorg_sinds_peildatum": "nee",
            },
        )
        vergunning = Vergunning.objects.get()
        assert antwoord["Location"] == reverse("vergunningen:vergunning", args=[vergunning.pk])
        assert vergunning.werkt_sinds_peildatum is True
        assert vergunning.zorg_sinds_peildatum is False
        assert vergunning.geregistreerd_door == casemanager

        adres = reverse("vergunningen:besluit", args=[vergunning.pk])
        pagina = als(casemanager).get(adres).content.decode()
        assert "was op de aanvraagdatum 17 jaar" in pagina
        besluit = {"besluit": "verleend", "besluit_op": "2024-07-01", "registratienummer": "TZ-9"}
        fout = als(casemanager).post(adres, besluit).content.decode()
        assert "Er is niets opgeslagen" in fout
        assert "Leg uit waarom de vergunning toch is verleend" in fout
        vergunning.refresh_from_db()
        assert vergunning.besluit == "in_behandeling"

        als(casemanager).post(adres, besluit | {"afwijking_reden": "Uitzondering gemeente"})
        vergunning.refresh_from_db()
        assert (vergunning.besluit, vergunning.afwijking_reden) == (
            "verleend",
            "Uitzondering gemeente",
        )

    def test_detail_wordt_gelogd(self, als, coordinator, lijst):
        vergunning = lijst["kim"].vergunningen.get()
        html = als(coordinator).get(reverse("vergunningen:vergunning", args=[vergunning.pk]))
        assert "Geldig vandaag" in html.content.decode()
        regel = laatste_log()
        assert (regel.actie, regel.client_id, regel.object_type) == (
            Actie.INZIEN,
            lijst["kim"].pk,
            "vergunningen.vergunning",
        )


class TestDossier:
    def test_sectie_en_signaal_voor_de_casemanager(self, als, casemanager, lijst):
        html = als(casemanager).get(reverse("clients:dossier", args=[lijst["kim"].pk])).content
        html = html.decode()
        assert 'id="vergunning"' in html
        assert "Geldige vergunning" in html
        assert "Vergunningaanvraag vastleggen" in html
        assert "al 3 maanden niet op de zone" in html

    def test_niet_voor_de_ervaringsdeskundige(self, als, ervaringsdeskundige, lijst):
        html = als(ervaringsdeskundige).get(reverse("clients:dossier", args=[lijst["kim"].pk]))
        html = html.content.decode()
        assert 'id="vergunning"' not in html
        assert "TZ-7" not in html
        assert "niet op de zone" not in html

    def test_signaal_op_de_caseload(self, als, casemanager, lijst):
        html = als(casemanager).get(reverse("clients:lijst")).content.decode()
        assert "al 3 maanden niet op de zone" in html


def test_lijst_vast_aantal_queries(team, client, tel_queries, coordinator):
    houder(team, "Eerste", zone_niet_sinds=dt.date(2023, 1, 1))
    client.force_login(coordinator)
    adres = reverse("vergunningen:lijst")
    client.get(adres)  # the first request of a session also stores the session
    weinig = tel_queries(lambda: client.get(adres))
    for nummer in range(12):
        houder(team, f"Houder {nummer}", zone_niet_sinds=dt.date(2023, 1, 1), nummer=f"N{nummer}")
    veel = tel_queries(lambda: client.get(adres))
    gefilterd = tel_queries(lambda: client.get(adres, {"signaal": "on"}))
    assert weinig == veel == gefilterd
    assert veel <= 10


def test_dossier_toont_de_laatste_twee_aanvragen_de_rest_ingeklapt(als, coordinator, team):
    client = ClientFactory(team=team, roepnaam="Eva")
    for jaar in (2021, 2022, 2023):
        vergunning = services.aanvraag_registreren(
            client=client,
            aanvraag_op=dt.date(jaar, 1, 1),
            soort="nieuw",
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=True,
            door=None,
        )
        services.besluit_vastleggen(
            vergunning=vergunning,
            besluit="geweigerd",
            besluit_op=dt.date(jaar, 2, 1),
            weigeringsgrond="Test",
            door=None,
        )
    html = als(coordinator).get(reverse("clients:dossier", args=[client.pk])).content.decode()
    zichtbaar, kop, ingeklapt = html.partition("<summary>Eerdere aanvragen (1)</summary>")
    assert kop
    assert "01-01-2023" in zichtbaar and "01-01-2022" in zichtbaar
    assert "01-01-2021" not in zichtbaar and "01-01-2021" in ingeklapt
