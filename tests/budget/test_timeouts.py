"""Time-outs: at most 14 days, cost = days × day rate charged to the time-out budget on
the start date, at most 6 per team per calendar year unless the coordinator overrides."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import services
from budget.constants import BudgetSoort, UitgaveStatus
from budget.models import TimeOut, Uitgave
from budget.selectors import saldo, time_outs_in_jaar
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def timeout(client_van_team, casemanager, timeoutbudget):
    def registreer(van, tot, *, dagtarief="150.00", door=None, **meer):
        return services.timeout_registreren(
            client=client_van_team,
            locatie="Het Hoogeland, Beekbergen",
            van=van,
            tot=tot,
            dagtarief=Decimal(dagtarief),
            door=door or casemanager,
            **meer,
        )

    return registreer


class TestDuur:
    def test_veertien_dagen_mag(self, timeout, timeoutbudget):
        t = timeout(D(2024, 3, 1), D(2024, 3, 14))
        assert (t.dagen, t.kosten) == (14, Decimal("2100.00"))
        charge = t.uitgave
        assert (charge.budget, charge.datum, charge.bedrag, charge.status) == (
            timeoutbudget,
            D(2024, 3, 1),
            Decimal("2100.00"),
            UitgaveStatus.GOEDGEKEURD,
        )
        assert saldo(timeoutbudget).besteed == Decimal("2100.00")

    def test_vijftien_dagen_niet(self, timeout):
        with pytest.raises(ValidationError) as fout:
            timeout(D(2024, 3, 1), D(2024, 3, 15))
        assert "hoogstens 14 dagen; deze duurt 15" in " ".join(fout.value.message_dict["tot"])
        assert not TimeOut.objects.exists()
        assert not Uitgave.objects.exists()

    def test_een_dag_en_omgekeerde_datums(self, timeout):
        assert timeout(D(2024, 3, 1), D(2024, 3, 1)).dagen == 1
        with pytest.raises(ValidationError, match="vóór de begindatum"):
            timeout(D(2024, 3, 2), D(2024, 3, 1))

    @pytest.mark.parametrize("tarief", ["0", "-10", "99.999"])
    def test_dagtarief(self, timeout, tarief):
        with pytest.raises(ValidationError) as fout:
            timeout(D(2024, 3, 1), D(2024, 3, 2), dagtarief=tarief)
        assert "dagtarief" in fout.value.message_dict


class TestBudget:
    def test_zonder_time_outbudget_kan_het_niet(self, client_van_team, casemanager, flexbudget):
        with pytest.raises(ValidationError) as fout:
            services.timeout_registreren(
                client=client_van_team,
                locatie="Hoogeland",
                van=D(2024, 3, 1),
                tot=D(2024, 3, 2),
                dagtarief=Decimal("100"),
                door=casemanager,
            )
        assert "geen time-outbudget" in " ".join(fout.value.message_dict["van"])

    def test_het_budget_van_de_begindatum(self, timeout, team, coordinator, timeoutbudget):
        volgend = services.budget_aanmaken(
            team=team,
            naam="Time-out 2025",
            soort=BudgetSoort.TIME_OUT,
            van=D(2025, 1, 1),
            tot=D(2025, 12, 31),
            bedrag=Decimal("5000"),
            door=coordinator,
        )
        # Starts on the last day of 2024, runs into 2025: charged to 2024 on its start date.
        t = timeout(D(2024, 12, 31), D(2025, 1, 4))
        assert t.uitgave.budget == timeoutbudget
        assert t.uitgave.datum == D(2024, 12, 31)
        assert timeout(D(2025, 1, 5), D(2025, 1, 6)).uitgave.budget == volgend

    def test_nooit_onder_nul(self, timeout, timeoutbudget):
        services.budget_wijzigen(budget=timeoutbudget, bedrag=Decimal("2000.00"), door=None)
        timeout(D(2024, 3, 1), D(2024, 3, 10))  # 1500
        with pytest.raises(ValidationError, match="€ 500,00 beschikbaar"):
            timeout(D(2024, 4, 1), D(2024, 4, 4))  # 600
        assert timeout(D(2024, 4, 1), D(2024, 4, 3)).kosten == Decimal("450.00")
        timeoutbudget.refresh_from_db()
        assert saldo(timeoutbudget).resterend == Decimal("50.00")

    def test_kosten_zijn_niet_te_corrigeren_als_uitgave(self, timeout, coordinator):
        t = timeout(D(2024, 3, 1), D(2024, 3, 2))
        with pytest.raises(ValidationError, match="time-out"):
            services.uitgave_corrigeren(
                uitgave=t.uitgave, bedrag=Decimal("1"), reden="x", door=coordinator
            )


class TestJaarmaximum:
    @pytest.fixture
    def zes(self, timeout):
        for maand in range(1, 7):
            timeout(D(2024, maand, 1), D(2024, maand, 2))

    def test_de_zevende_weigert_voor_de_casemanager(self, zes, timeout, team):
        assert time_outs_in_jaar(team, 2024) == 6
        with pytest.raises(ValidationError) as fout:
            timeout(D(2024, 9, 1), D(2024, 9, 2))
        assert "al 6 time-outs" in " ".join(fout.value.message_dict["van"])
        assert TimeOut.objects.count() == 6

    def test_coordinator_met_reden(self, zes, timeout, coordinator):
        with pytest.raises(ValidationError) as fout:
            timeout(D(2024, 9, 1), D(2024, 9, 2), door=coordinator)
        assert "reden" in " ".join(fout.value.message_dict["limiet_reden"])
        t = timeout(D(2024, 9, 1), D(2024, 9, 2), door=coordinator, limiet_reden="Acuut onveilig")
        assert t.limiet_reden == "Acuut onveilig"
        assert t.history.get().history_user == coordinator

    def test_reden_wordt_alleen_bewaard_waar_nodig(self, timeout, coordinator):
        t = timeout(D(2024, 1, 1), D(2024, 1, 2), door=coordinator, limiet_reden="Overbodig")
        assert t.limiet_reden == ""

    def test_per_kalenderjaar_en_per_team(self, zes, timeout, team, ander_team, coordinator):
        services.budget_aanmaken(
            team=team,
            naam="Time-out 2025",
            soort=BudgetSoort.TIME_OUT,
            van=D(2025, 1, 1),
            tot=D(2025, 12, 31),
            bedrag=Decimal("5000"),
            door=coordinator,
        )
        assert timeout(D(2025, 1, 1), D(2025, 1, 2)).van.year == 2025
        assert time_outs_in_jaar(ander_team, 2024) == 0

    def test_maximum_is_per_team_instelbaar(self, timeout, team):
        team.max_time_outs_per_jaar = 1
        team.save()
        timeout(D(2024, 1, 1), D(2024, 1, 2))
        with pytest.raises(ValidationError, match="maximum is 1"):
            timeout(D(2024, 2, 1), D(2024, 2, 2))


def test_client_van_een_ander_team_kan_niet_van_ons_budget(timeoutbudget, ander_team, casemanager):
    vreemde = ClientFactory(team=ander_team)
    with pytest.raises(ValidationError):
        services.timeout_registreren(
            client=vreemde,
            locatie="Hoogeland",
            van=D(2024, 3, 1),
            tot=D(2024, 3, 2),
            dagtarief=Decimal("100"),
            budget=timeoutbudget,
            door=casemanager,
        )
    assert not TimeOut.objects.exists()
