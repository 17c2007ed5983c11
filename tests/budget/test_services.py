"""Budgets and spends through the services: amounts, the approval threshold and flow,
the balance that never goes below zero, counter-entries, and changing a budget."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from budget import services
from budget.constants import BudgetSoort, UitgaveStatus
from budget.models import Budget, Uitgave
from budget.selectors import met_cijfers, per_categorie, per_maand, saldo
from stapteam.constants import Rol
from stapteam.demo_pdf import eenvoudige_pdf
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db

D = dt.date


def fout_op(fout: ValidationError, veld: str) -> str:
    return " ".join(fout.message_dict[veld])


class TestBedragen:
    @pytest.mark.parametrize(
        ("bedrag", "melding"),
        [
            ("12.345", "hoogstens twee cijfers achter de komma"),
            ("0.001", "hoogstens twee cijfers achter de komma"),
            ("0", "groter dan nul"),
            ("0.00", "groter dan nul"),
            ("-5.00", "groter dan nul"),
            # Too large for the field, and for rounding to cents: no server error.
            ("100000000.00", "te groot"),
            ("1E+30", "te groot"),
            ("1.5E+40", "te groot"),
        ],
    )
    def test_uitgave_met_fout_bedrag_wordt_geweigerd(self, uitgeven, bedrag, melding):
        with pytest.raises(ValidationError) as fout:
            uitgeven(bedrag)
        assert melding in fout_op(fout.value, "bedrag")
        assert not Uitgave.objects.exists()

    @pytest.mark.parametrize("bedrag", ["100.005", "0", "-1"])
    def test_budget_met_fout_bedrag_wordt_geweigerd(self, team, coordinator, bedrag):
        with pytest.raises(ValidationError) as fout:
            services.budget_aanmaken(
                team=team,
                naam="Flex",
                soort=BudgetSoort.FLEXBUDGET,
                van=D(2024, 1, 1),
                tot=D(2024, 12, 31),
                bedrag=Decimal(bedrag),
                door=coordinator,
            )
        assert "bedrag" in fout.value.message_dict
        assert not Budget.objects.exists()

    def test_twee_decimalen_en_hele_euros_mogen(self, uitgeven):
        assert uitgeven("12.50").bedrag == Decimal("12.50")
        assert uitgeven("7").bedrag == Decimal("7.00")


class TestBudget:
    def test_naam_uniek_in_team_maar_niet_daarbuiten(self, flexbudget, coordinator, ander_team):
        gegevens = {
            "naam": "Flexbudget 2024",
            "soort": BudgetSoort.FLEXBUDGET,
            "van": D(2024, 1, 1),
            "tot": D(2024, 12, 31),
            "bedrag": Decimal("10"),
            "door": coordinator,
        }
        with pytest.raises(ValidationError, match="al een budget met deze naam"):
            services.budget_aanmaken(team=flexbudget.team, **gegevens)
        assert services.budget_aanmaken(team=ander_team, **gegevens).team == ander_team

    def test_periode_moet_oplopen(self, team, coordinator):
        with pytest.raises(ValidationError) as fout:
            services.budget_aanmaken(
                team=team,
                naam="Flex",
                soort=BudgetSoort.FLEXBUDGET,
                van=D(2024, 12, 31),
                tot=D(2024, 1, 1),
                bedrag=Decimal("10"),
                door=coordinator,
            )
        assert "vóór 'van'" in fout_op(fout.value, "tot")

    def test_wijzigen_niet_onder_wat_besteed_en_aangevraagd_is(self, flexbudget, uitgeven):
        uitgeven("200.00")
        uitgeven("300.00")  # above the threshold: pending, but reserved
        with pytest.raises(ValidationError) as fout:
            services.budget_wijzigen(budget=flexbudget, bedrag=Decimal("499.99"), door=None)
        assert "€ 500,00" in fout_op(fout.value, "bedrag")
        services.budget_wijzigen(budget=flexbudget, bedrag=Decimal("500.00"), door=None)
        assert Budget.objects.get().bedrag == Decimal("500.00")

    def test_periode_blijft_de_uitgaven_bevatten(self, flexbudget, uitgeven):
        uitgeven("10.00", datum=D(2024, 3, 5))
        with pytest.raises(ValidationError) as fout:
            services.budget_wijzigen(budget=flexbudget, van=D(2024, 3, 6), door=None)
        assert "05-03-2024" in fout_op(fout.value, "van")
        services.budget_wijzigen(budget=flexbudget, tot=D(2024, 3, 5), door=None)
        assert Budget.objects.get().tot == D(2024, 3, 5)


class TestUitgave:
    def test_datum_binnen_de_periode_en_niet_in_de_toekomst(self, uitgeven):
        with pytest.raises(ValidationError) as fout:
            uitgeven("10", datum=D(2025, 1, 1))
        assert "buiten de periode" in fout_op(fout.value, "datum")
        with pytest.raises(ValidationError):
            uitgeven("10", datum=D(2023, 12, 31))
        assert uitgeven("10", datum=D(2024, 12, 31)).datum == D(2024, 12, 31)

    def test_client_van_een_ander_team_wordt_geweigerd(self, uitgeven, ander_team):
        vreemde = ClientFactory(team=ander_team)
        with pytest.raises(ValidationError) as fout:
            uitgeven("10", client=vreemde)
        assert "hoort niet bij het team" in fout_op(fout.value, "client")

    def test_medewerker_moet_uitgeven_mogen(self, uitgeven, ervaringsdeskundige, ander_team):
        with pytest.raises(ValidationError):
            uitgeven("10", medewerker=ervaringsdeskundige)
        with pytest.raises(ValidationError):
            uitgeven("10", medewerker=UserFactory(rol=Rol.CASEMANAGER, team=ander_team))
        assert not Uitgave.objects.exists()

    def test_categorie_is_verplicht(self, uitgeven):
        with pytest.raises(ValidationError) as fout:
            uitgeven("10", categorie="")
        assert "categorie" in fout.value.message_dict

    def test_bonnetje_is_prive_en_gecontroleerd(self, uitgeven):
        uitgave = uitgeven("10", bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"])))
        assert uitgave.bonnetje.name.startswith("bonnetjes/")
        assert "bon" not in uitgave.bonnetje.name.split("/")[-1]
        assert uitgave.bonnetje_soort == "application/pdf"
        with pytest.raises(ValidationError) as fout:
            uitgeven("10", bonnetje=SimpleUploadedFile("bon.pdf", b"<html>nep</html>"))
        assert "geen PDF, JPEG of PNG" in fout_op(fout.value, "bonnetje")
        assert Uitgave.objects.count() == 1


class TestGoedkeuring:
    """The team's threshold is 250.00: up to and including it a spend is approved at once."""

    def test_tot_en_met_de_drempel_direct_goedgekeurd(self, uitgeven):
        assert uitgeven("250.00").status == UitgaveStatus.GOEDGEKEURD

    def test_boven_de_drempel_wacht_op_de_coordinator(self, uitgeven, flexbudget):
        uitgave = uitgeven("250.01")
        assert uitgave.status == UitgaveStatus.INGEDIEND
        stand = saldo(flexbudget)
        assert (stand.besteed, stand.in_afwachting) == (Decimal("0"), Decimal("250.01"))

    def test_drempel_is_per_team_instelbaar(self, uitgeven, team):
        team.goedkeuringsdrempel = Decimal("50.00")
        team.save()
        assert uitgeven("50.01").status == UitgaveStatus.INGEDIEND

    def test_coordinator_keurt_goed(self, uitgeven, coordinator, flexbudget):
        uitgave = services.uitgave_beoordelen(
            uitgave=uitgeven("400.00"), goedkeuren=True, door=coordinator
        )
        assert uitgave.status == UitgaveStatus.GOEDGEKEURD
        assert uitgave.beoordeeld_door == coordinator
        assert saldo(flexbudget).besteed == Decimal("400.00")
        assert uitgave.history.first().history_user == coordinator

    def test_afwijzen_vraagt_een_reden_en_geeft_het_geld_vrij(
        self, uitgeven, coordinator, flexbudget
    ):
        uitgave = uitgeven("400.00")
        with pytest.raises(ValidationError) as fout:
            services.uitgave_beoordelen(uitgave=uitgave, goedkeuren=False, door=coordinator)
        assert "reden" in fout_op(fout.value, "toelichting")
        services.uitgave_beoordelen(
            uitgave=uitgave, goedkeuren=False, toelichting="Te duur", door=coordinator
        )
        uitgave.refresh_from_db()
        assert (uitgave.status, uitgave.beoordeling_toelichting) == ("afgewezen", "Te duur")
        stand = saldo(flexbudget)
        assert (stand.besteed, stand.in_afwachting, stand.beschikbaar) == (0, 0, 1000)

    def test_alleen_de_coordinator_en_maar_een_keer(self, uitgeven, casemanager, coordinator):
        uitgave = uitgeven("400.00")
        with pytest.raises(ValidationError, match="Alleen de coördinator"):
            services.uitgave_beoordelen(uitgave=uitgave, goedkeuren=True, door=casemanager)
        services.uitgave_beoordelen(uitgave=uitgave, goedkeuren=True, door=coordinator)
        with pytest.raises(ValidationError, match="al beoordeeld"):
            services.uitgave_beoordelen(uitgave=uitgave, goedkeuren=False, door=coordinator)

    def test_coordinator_van_een_ander_team_niet(self, uitgeven, ander_team):
        vreemde = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
        with pytest.raises(ValidationError, match="van het team"):
            services.uitgave_beoordelen(uitgave=uitgeven("400"), goedkeuren=True, door=vreemde)

    def test_uitgave_van_de_coordinator_zelf_is_direct_goedgekeurd(self, uitgeven, coordinator):
        uitgave = uitgeven("400.00", door=coordinator)
        assert (uitgave.status, uitgave.beoordeeld_door) == ("goedgekeurd", coordinator)


class TestNooitOnderNul:
    def test_wat_niet_past_wordt_geweigerd(self, uitgeven, flexbudget):
        uitgeven("200.00")
        uitgeven("200.00")
        uitgeven("200.00")
        uitgeven("200.00")
        with pytest.raises(ValidationError) as fout:
            uitgeven("200.01")
        assert "nog € 200,00 beschikbaar" in fout_op(fout.value, "bedrag")
        assert uitgeven("200.00").status == UitgaveStatus.GOEDGEKEURD
        assert saldo(flexbudget).resterend == 0
        with pytest.raises(ValidationError):
            uitgeven("0.01")

    def test_wachtende_uitgaven_houden_hun_geld_vast(self, uitgeven, coordinator):
        wachtend = uitgeven("900.00")
        with pytest.raises(ValidationError, match="€ 100,00 beschikbaar"):
            uitgeven("100.01")
        services.uitgave_beoordelen(
            uitgave=wachtend, goedkeuren=False, toelichting="Nee", door=coordinator
        )
        assert uitgeven("100.01").status == UitgaveStatus.GOEDGEKEURD

    def test_cijfers_in_de_database_gelijk_aan_saldo(self, uitgeven, flexbudget, coordinator):
        uitgeven("100.10", datum=D(2024, 1, 31), categorie="vervoer")
        uitgeven("300.00", datum=D(2024, 3, 1))  # pending
        afgewezen = uitgeven("260.00", datum=D(2024, 3, 2))
        services.uitgave_beoordelen(
            uitgave=afgewezen, goedkeuren=False, toelichting="Nee", door=coordinator
        )
        uitgeven("0.20", datum=D(2024, 3, 3))
        rij = met_cijfers(Budget.objects.filter(pk=flexbudget.pk)).get()
        stand = saldo(flexbudget)
        assert (rij.besteed, rij.in_afwachting, rij.resterend, rij.beschikbaar, rij.wachtend) == (
            Decimal("100.30"),
            Decimal("300.00"),
            Decimal("899.70"),
            Decimal("599.70"),
            1,
        )
        assert (stand.besteed, stand.in_afwachting, stand.beschikbaar) == (
            rij.besteed,
            rij.in_afwachting,
            rij.beschikbaar,
        )
        maanden = {m["maand"]: m["totaal"] for m in per_maand(flexbudget)}
        assert len(maanden) == 12
        assert maanden[D(2024, 1, 1)] == Decimal("100.10")
        assert maanden[D(2024, 2, 1)] == 0
        assert maanden[D(2024, 3, 1)] == Decimal("0.20")
        assert per_categorie(flexbudget) == [
            {"categorie": "Kleding", "totaal": Decimal("0.20")},
            {"categorie": "Vervoer", "totaal": Decimal("100.10")},
        ]


class TestCorrectie:
    def test_tegenboeking_laat_de_uitgave_staan(self, uitgeven, casemanager, flexbudget):
        uitgave = uitgeven("80.00", client=None, omschrijving="Jas")
        correctie = services.uitgave_corrigeren(
            uitgave=uitgave, bedrag=Decimal("30.00"), reden="Jas teruggebracht", door=casemanager
        )
        assert correctie.bedrag == Decimal("-30.00")
        assert correctie.correctie_van == uitgave
        assert (correctie.datum, correctie.categorie) == (uitgave.datum, uitgave.categorie)
        uitgave.refresh_from_db()
        assert uitgave.bedrag == Decimal("80.00")  # never edited in amount
        assert saldo(flexbudget).besteed == Decimal("50.00")

    def test_niet_meer_dan_de_uitgave(self, uitgeven, casemanager):
        uitgave = uitgeven("80.00")
        services.uitgave_corrigeren(
            uitgave=uitgave, bedrag=Decimal("50"), reden="Deels terug", door=casemanager
        )
        with pytest.raises(ValidationError) as fout:
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("30.01"), reden="Nog eens", door=casemanager
            )
        assert "nog € 30,00" in fout_op(fout.value, "bedrag")
        services.uitgave_corrigeren(
            uitgave=uitgave, bedrag=Decimal("30"), reden="Rest", door=casemanager
        )
        assert Uitgave.objects.filter(correctie_van=uitgave).count() == 2

    def test_reden_en_bedrag_zijn_verplicht(self, uitgeven, casemanager):
        uitgave = uitgeven("80.00")
        with pytest.raises(ValidationError) as fout:
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("10"), reden=" ", door=casemanager
            )
        assert "reden" in fout.value.message_dict
        with pytest.raises(ValidationError, match="hoogstens twee cijfers"):
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("1.005"), reden="x", door=casemanager
            )

    def test_alleen_goedgekeurde_gewone_uitgaven(self, uitgeven, casemanager):
        wachtend = uitgeven("400.00")
        with pytest.raises(ValidationError, match="goedgekeurde"):
            services.uitgave_corrigeren(
                uitgave=wachtend, bedrag=Decimal("1"), reden="x", door=casemanager
            )
        correctie = services.uitgave_corrigeren(
            uitgave=uitgeven("10"), bedrag=Decimal("1"), reden="x", door=casemanager
        )
        with pytest.raises(ValidationError, match="Een correctie corrigeer je niet"):
            services.uitgave_corrigeren(
                uitgave=correctie, bedrag=Decimal("1"), reden="x", door=casemanager
            )

    def test_een_andere_casemanager_niet_de_coordinator_wel(self, uitgeven, team, coordinator):
        uitgave = uitgeven("80.00")
        collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
        with pytest.raises(ValidationError, match="wie de uitgave deed"):
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("1"), reden="x", door=collega
            )
        assert (
            services.uitgave_corrigeren(
                uitgave=uitgave, bedrag=Decimal("1"), reden="x", door=coordinator
            ).medewerker
            == coordinator
        )


def test_geschiedenis_noemt_wie(uitgeven, casemanager):
    uitgave = uitgeven("10")
    assert uitgave.history.get().history_user == casemanager
    assert Budget.history.filter(naam="Flexbudget 2024").get().history_user.rol == Rol.COORDINATOR


def test_importeur_kan_goedgekeurde_uitgaven_inlezen(flexbudget, casemanager):
    uitgave = services.uitgave_registreren(
        budget=flexbudget,
        datum=D(2024, 2, 1),
        bedrag=Decimal("600"),
        categorie="huisvesting",
        medewerker=casemanager,
        door=None,
        reeds_goedgekeurd=True,
    )
    assert uitgave.status == UitgaveStatus.GOEDGEKEURD
    with pytest.raises(ValidationError):  # even then, never below zero
        services.uitgave_registreren(
            budget=flexbudget,
            datum=D(2024, 2, 1),
            bedrag=Decimal("400.01"),
            categorie="huisvesting",
            medewerker=casemanager,
            door=None,
            reeds_goedgekeurd=True,
        )
