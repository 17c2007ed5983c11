"""Budget pages through HTTP: spending by form (Dutch amounts), approval, counter-entries,
receipts, time-outs, the dossier section; logging and fixed query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from budget import services
from budget.constants import BudgetSoort, UitgaveStatus
from budget.models import Uitgave
from stapteam.constants import Actie, Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def laatste_log() -> Toegangslog:
    return Toegangslog.objects.order_by("-id").first()


@pytest.fixture
def lopend(team, coordinator):
    """A flex budget running this year (so today's spends fit its period)."""
    return services.budget_aanmaken(
        team=team,
        naam="Flexbudget dit jaar",
        soort=BudgetSoort.FLEXBUDGET,
        van=VANDAAG.replace(month=1, day=1),
        tot=VANDAAG.replace(month=12, day=31),
        bedrag=Decimal("1000.00"),
        door=coordinator,
    )


def formulier(budget, casemanager, **meer):
    return {
        "budget": budget.pk,
        "datum": VANDAAG.isoformat(),
        "bedrag": "12,50",
        "categorie": "voeding",
        "omschrijving": "Boodschappen",
        "medewerker": casemanager.pk,
    } | meer


class TestUitgeven:
    def test_vanuit_het_dossier_met_komma_en_bonnetje(
        self, als, casemanager, lopend, client_van_team
    ):
        adres = reverse("budget:uitgave_nieuw") + f"?client={client_van_team.pk}"
        pagina = als(casemanager).get(adres)
        assert pagina.context["form"].initial["budget"] == lopend
        antwoord = als(casemanager).post(
            adres,
            formulier(
                lopend,
                casemanager,
                client=client_van_team.pk,
                bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"])),
            ),
        )
        assert (
            antwoord["Location"]
            == reverse("clients:dossier", args=[client_van_team.pk]) + "#budget"
        )
        uitgave = Uitgave.objects.get()
        assert (uitgave.bedrag, uitgave.client, uitgave.status) == (
            Decimal("12.50"),
            client_van_team,
            UitgaveStatus.GOEDGEKEURD,
        )
        assert uitgave.bonnetje

    @pytest.mark.parametrize(
        ("bedrag", "melding"),
        [
            ("12,505", "hoogstens twee cijfers achter de komma"),
            ("0", "groter dan nul"),
            ("-3", "groter dan nul"),
        ],
    )
    def test_fout_bedrag_geeft_nederlandse_melding(self, als, casemanager, lopend, bedrag, melding):
        html = (
            als(casemanager)
            .post(reverse("budget:uitgave_nieuw"), formulier(lopend, casemanager, bedrag=bedrag))
            .content.decode()
        )
        assert melding in html
        assert "Er is niets opgeslagen" in html
        assert not Uitgave.objects.exists()

    def test_boven_de_drempel_wacht_en_dat_wordt_gezegd(self, als, casemanager, lopend):
        antwoord = als(casemanager).post(
            reverse("budget:uitgave_nieuw"),
            formulier(lopend, casemanager, bedrag="250,01"),
            follow=True,
        )
        assert "wacht op goedkeuring" in antwoord.content.decode()
        assert Uitgave.objects.get().status == UitgaveStatus.INGEDIEND

    def test_wat_niet_past_wordt_geweigerd(self, als, casemanager, lopend, coordinator):
        services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("990"),
            categorie="overig",
            door=coordinator,
        )
        html = (
            als(casemanager)
            .post(reverse("budget:uitgave_nieuw"), formulier(lopend, casemanager, bedrag="10,01"))
            .content.decode()
        )
        assert "nog € 10,00 beschikbaar" in html
        assert Uitgave.objects.count() == 1


class TestGoedkeuren:
    @pytest.fixture
    def wachtend(self, lopend, casemanager, client_van_team):
        return services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("400"),
            categorie="huisvesting",
            client=client_van_team,
            omschrijving="Borg",
            door=casemanager,
        )

    def test_wachtrij_startpagina_en_goedkeuren(self, als, coordinator, wachtend):
        assert (
            "<strong>1</strong> uitgave wacht op je goedkeuring"
            in als(coordinator).get("/").content.decode()
        )
        html = als(coordinator).get(reverse("budget:goedkeuren")).content.decode()
        assert "€ 400,00" in html and "Kim" in html
        assert laatste_log().actie == Actie.INZIEN
        als(coordinator).post(
            reverse("budget:beoordelen", args=[wachtend.pk]), {"besluit": "goedkeuren"}
        )
        wachtend.refresh_from_db()
        assert (wachtend.status, wachtend.beoordeeld_door) == ("goedgekeurd", coordinator)
        assert "wacht op je goedkeuring" not in als(coordinator).get("/").content.decode()

    def test_afwijzen_zonder_reden_kan_niet(self, als, coordinator, wachtend):
        adres = reverse("budget:beoordelen", args=[wachtend.pk])
        html = als(coordinator).post(adres, {"besluit": "afwijzen"}).content.decode()
        assert "Geef de reden van de afwijzing" in html
        wachtend.refresh_from_db()
        assert wachtend.status == UitgaveStatus.INGEDIEND
        als(coordinator).post(adres, {"besluit": "afwijzen", "toelichting": "Gemeente betaalt"})
        wachtend.refresh_from_db()
        assert (wachtend.status, wachtend.beoordeling_toelichting) == (
            "afgewezen",
            "Gemeente betaalt",
        )


class TestCorrigeren:
    def test_tegenboeking_via_het_formulier(self, als, casemanager, lopend):
        uitgave = services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("80"),
            categorie="kleding",
            door=casemanager,
        )
        adres = reverse("budget:corrigeren", args=[uitgave.pk])
        assert als(casemanager).get(adres).context["form"].initial["bedrag"] == Decimal("80.00")
        als(casemanager).post(adres, {"bedrag": "30", "reden": "Teruggebracht"})
        correctie = Uitgave.objects.get(correctie_van=uitgave)
        assert correctie.bedrag == Decimal("-30.00")
        html = als(casemanager).get(reverse("budget:budget", args=[lopend.pk])).content.decode()
        assert "gecorrigeerd −€ 30,00" in html

    def test_andere_casemanager_krijgt_403(self, als, casemanager, lopend, team):
        uitgave = services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("80"),
            categorie="kleding",
            door=casemanager,
        )
        collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
        assert als(collega).get(reverse("budget:corrigeren", args=[uitgave.pk])).status_code == 403


class TestBonnetje:
    @pytest.fixture
    def met_bon(self, lopend, casemanager, client_van_team):
        return services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("20"),
            categorie="kleding",
            client=client_van_team,
            bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"])),
            door=casemanager,
        )

    def test_download_wordt_gelogd(self, als, coordinator, met_bon, client_van_team):
        antwoord = als(coordinator).get(reverse("budget:bonnetje", args=[met_bon.pk]))
        assert antwoord["Content-Type"] == "application/pdf"
        assert "attachment" in antwoord["Content-Disposition"]
        assert b"".join(antwoord.streaming_content).startswith(b"%PDF-")
        regel = laatste_log()
        assert (regel.actie, regel.client_id, regel.object_type) == (
            Actie.DOWNLOADEN,
            client_van_team.pk,
            "budget.uitgave",
        )

    def test_geweigerd_aan_verkeerde_rol_ander_team_en_anoniem(
        self, client, als, met_bon, ervaringsdeskundige, ander_team
    ):
        adres = reverse("budget:bonnetje", args=[met_bon.pk])
        assert client.get(adres).status_code == 302
        assert als(ervaringsdeskundige).get(adres).status_code == 403
        assert als(UserFactory(rol=Rol.CASEMANAGER, team=ander_team)).get(adres).status_code == 404
        assert not Toegangslog.objects.filter(actie=Actie.DOWNLOADEN).exists()


class TestTimeOut:
    def test_alleen_de_coordinator_ziet_de_reden_boven_het_maximum(
        self, als, casemanager, coordinator
    ):
        adres = reverse("budget:timeout_nieuw")
        assert "limiet_reden" not in als(casemanager).get(adres).context["form"].fields
        assert "limiet_reden" in als(coordinator).get(adres).context["form"].fields

    def test_vastleggen_via_het_formulier(
        self, als, casemanager, team, coordinator, client_van_team
    ):
        services.budget_aanmaken(
            team=team,
            naam="Time-out",
            soort=BudgetSoort.TIME_OUT,
            van=VANDAAG.replace(month=1, day=1),
            tot=VANDAAG.replace(month=12, day=31),
            bedrag=Decimal("5000"),
            door=coordinator,
        )
        van = VANDAAG.replace(month=1, day=2)
        antwoord = als(casemanager).post(
            reverse("budget:timeout_nieuw") + f"?client={client_van_team.pk}",
            {
                "client": client_van_team.pk,
                "locatie": "Het Hoogeland",
                "van": van.isoformat(),
                "tot": (van + dt.timedelta(days=13)).isoformat(),
                "dagtarief": "148,75",
            },
            follow=True,
        )
        assert "De time-out van 14 dagen is vastgelegd; € 2.082,50" in antwoord.content.decode()


class TestDossierEnPaginas:
    def test_sectie_en_actie_voor_de_casemanager(self, als, casemanager, lopend, client_van_team):
        services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("15"),
            categorie="vervoer",
            client=client_van_team,
            omschrijving="Buskaart",
            door=casemanager,
        )
        pagina = als(casemanager).get(reverse("clients:dossier", args=[client_van_team.pk]))
        html = pagina.content.decode()
        assert 'id="budget"' in html and "Buskaart" in html
        assert "Uitgave vastleggen" in [actie["label"] for actie in pagina.context["acties"]]

    def test_niets_voor_de_ervaringsdeskundige(self, als, ervaringsdeskundige, client_van_team):
        pagina = als(ervaringsdeskundige).get(reverse("clients:dossier", args=[client_van_team.pk]))
        assert 'id="budget"' not in pagina.content.decode()
        assert "Uitgave vastleggen" not in [a["label"] for a in pagina.context["acties"]]

    def test_budgetpagina_toont_de_cijfers_en_logt(self, als, casemanager, lopend, team):
        services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("100"),
            categorie="vervoer",
            door=casemanager,
        )
        services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("300"),
            categorie="kleding",
            door=casemanager,
        )
        html = als(casemanager).get(reverse("budget:budget", args=[lopend.pk])).content.decode()
        for tekst in ("€ 1.000,00", "€ 100,00", "€ 300,00", "€ 900,00", "€ 600,00", "Vervoer"):
            assert tekst in html
        regel = laatste_log()
        assert (regel.actie, regel.team, regel.object_type) == (Actie.INZIEN, team, "budget.budget")
        lijst = als(casemanager).get(reverse("budget:lijst")).content.decode()
        assert "Flexbudget dit jaar" in lijst and "€ 600,00" in lijst


def test_budgetpagina_vast_aantal_queries(team, client, tel_queries, coordinator, lopend):
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    # With a client: the page logs on the access log of each client with a spend in it.
    services.uitgave_registreren(
        budget=lopend,
        datum=VANDAAG,
        bedrag=Decimal("5"),
        categorie="voeding",
        client=ClientFactory(team=team),
        door=casemanager,
    )
    client.force_login(coordinator)
    adres = reverse("budget:budget", args=[lopend.pk])
    client.get(adres)  # the first request of a session also stores the session
    weinig = tel_queries(lambda: client.get(adres))
    for nummer in range(30):
        uitgave = services.uitgave_registreren(
            budget=lopend,
            datum=VANDAAG,
            bedrag=Decimal("20") if nummer % 3 else Decimal("26.00"),
            categorie="kleding" if nummer % 2 else "vervoer",
            client=ClientFactory(team=team),
            door=casemanager,
        )
        if nummer % 5 == 0:
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("1"), reden="x", door=casemanager
            )
    veel = tel_queries(lambda: client.get(adres))
    assert weinig == veel
    assert veel <= 13


def test_uitgaven_per_pagina_met_vast_aantal_queries(
    team, client, tel_queries, coordinator, flexbudget
):
    casemanager = UserFactory(rol=Rol.CASEMANAGER, team=team)
    for dag in range(30):
        services.uitgave_registreren(
            budget=flexbudget,
            datum=dt.date(2024, 3, 1) + dt.timedelta(days=dag),
            bedrag=Decimal("1"),
            categorie="voeding",
            door=casemanager,
        )
    client.force_login(coordinator)
    adres = reverse("budget:budget", args=[flexbudget.pk])
    client.get(adres)  # the first request of a session also stores the session
    eerste = client.get(adres)
    tweede = client.get(adres, {"pagina": 2})
    assert len(eerste.context["rijen"]) == 25
    # Newest first: the second page holds the five oldest spends.
    assert [r["u"].datum for r in tweede.context["rijen"]] == [
        dt.date(2024, 3, 1) + dt.timedelta(days=dag) for dag in range(4, -1, -1)
    ]
    assert 'href="?pagina=2" rel="next"' in eerste.content.decode()
    assert "Pagina 2 van 2" in tweede.content.decode()
    assert tel_queries(lambda: client.get(adres)) == tel_queries(
        lambda: client.get(adres, {"pagina": 2})
    )


def test_dossier_toont_de_laatste_drie_uitgaven_de_rest_ingeklapt(
    als, coordinator, team, flexbudget, casemanager
):
    client = ClientFactory(team=team)
    for dag in range(1, 6):
        services.uitgave_registreren(
            budget=flexbudget,
            datum=dt.date(2024, 3, dag),
            bedrag=Decimal("1"),
            categorie="voeding",
            client=client,
            door=casemanager,
        )
    html = als(coordinator).get(reverse("clients:dossier", args=[client.pk])).content.decode()
    zichtbaar, kop, ingeklapt = html.partition("<summary>Eerdere uitgaven (2)</summary>")
    assert kop
    assert all(f"0{dag}-03-2024" in zichtbaar for dag in (5, 4, 3))
    assert all(
        f"0{dag}-03-2024" in ingeklapt and f"0{dag}-03-2024" not in zichtbaar for dag in (2, 1)
    )
