"""The access log: written by the helper and by logins, never changed or removed."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from stapteam.audit import log_toegang
from stapteam.constants import Actie, Rol
from stapteam.models import Toegangslog
from stapteam.models.toegangslog import AlleenToevoegen
from tests.factories import WACHTWOORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regel(team):
    user = UserFactory(rol=Rol.CASEMANAGER, team=team)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.10")
    request.user = user
    return log_toegang(request, actie=Actie.INZIEN, obj=team, omschrijving="Testregel")


def test_helper_legt_wie_wat_wanneer_en_waarvandaan_vast(regel, team):
    regel.refresh_from_db()
    assert regel.gebruiker.username.startswith("gebruiker")
    assert regel.rol == Rol.CASEMANAGER
    assert regel.actie == Actie.INZIEN
    assert regel.object_type == "stapteam.team"
    assert regel.object_id == str(team.pk)
    assert regel.ip_adres == "192.0.2.10"
    assert regel.tijdstip is not None


def test_regel_kan_niet_worden_gewijzigd(regel):
    regel.omschrijving = "Vervalst"
    with pytest.raises(AlleenToevoegen):
        regel.save()
    with pytest.raises(AlleenToevoegen):
        Toegangslog.objects.filter(pk=regel.pk).update(omschrijving="Vervalst")
    assert Toegangslog.objects.get(pk=regel.pk).omschrijving == "Testregel"


def test_regel_kan_niet_worden_verwijderd(regel):
    with pytest.raises(AlleenToevoegen):
        regel.delete()
    with pytest.raises(AlleenToevoegen):
        Toegangslog.objects.all().delete()
    assert Toegangslog.objects.filter(pk=regel.pk).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigger bestaat alleen op PostgreSQL"
)
def test_database_weigert_wijzigen_en_verwijderen(regel):
    tabel = Toegangslog._meta.db_table
    for sql in (f"UPDATE {tabel} SET omschrijving = 'x'", f"DELETE FROM {tabel}"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert Toegangslog.objects.get(pk=regel.pk).omschrijving == "Testregel"


def test_inloggen_en_mislukte_poging_worden_gelogd(client):
    user = UserFactory(mfa=False)
    client.post("/accounts/login/", {"login": user.username, "password": "fout"})
    client.post("/accounts/login/", {"login": user.username, "password": WACHTWOORD})

    mislukt = Toegangslog.objects.get(actie=Actie.INLOGPOGING_MISLUKT)
    assert mislukt.gebruiker is None
    assert user.username in mislukt.omschrijving
    ingelogd = Toegangslog.objects.get(actie=Actie.INLOGGEN)
    assert ingelogd.gebruiker == user
    assert ingelogd.ip_adres == "127.0.0.1"


def test_uitloggen_wordt_gelogd(client, als):
    user = UserFactory()
    als(user).post("/accounts/logout/")
    assert Toegangslog.objects.filter(actie=Actie.UITLOGGEN, gebruiker=user).exists()


class TestOverzicht:
    """Only the privacy officer (functionaris) reads the installation-wide log; the
    administrator does not, in the admin or anywhere else."""

    def test_beheerder_leest_het_log_niet(self, als, regel):
        beheerder = als(UserFactory(rol=Rol.BEHEERDER))
        for adres in (
            "/beheer/stapteam/toegangslog/",
            f"/beheer/stapteam/toegangslog/{regel.pk}/change/",
        ):
            assert beheerder.get(adres).status_code == 404
        assert beheerder.get("/toegangslog/").status_code == 403
        assert "Testregel" not in beheerder.get("/beheer/").content.decode()

    def test_functionaris_leest_en_filtert_en_het_wordt_gelogd(self, als, regel):
        functionaris = UserFactory(rol=Rol.FUNCTIONARIS)
        pagina = als(functionaris).get("/toegangslog/")
        assert pagina.status_code == 200
        assert "Testregel" in pagina.content.decode()
        assert Toegangslog.objects.filter(
            gebruiker=functionaris, omschrijving__contains="Installatiebreed"
        ).exists()
        gefilterd = als(functionaris).get("/toegangslog/", {"gebruiker": "niemand"})
        assert "Testregel" not in gefilterd.content.decode()

    @pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.CASEMANAGER, Rol.GEMEENTE])
    def test_andere_rollen_niet(self, als, regel, rol):
        assert als(UserFactory(rol=rol)).get("/toegangslog/").status_code == 403


class TestOverzichtZonderTelling:
    """The installation-wide log pages without counting its millions of lines."""

    @pytest.fixture
    def functionaris(self, als):
        return als(UserFactory(rol=Rol.FUNCTIONARIS))

    @staticmethod
    def regels(aantal, **velden):
        Toegangslog.objects.bulk_create(
            Toegangslog(actie=Actie.INZIEN, omschrijving=f"Regel {nummer:03d}", **velden)
            for nummer in range(aantal)
        )

    def test_nieuwste_eerst_per_vijftig_zonder_count(self, functionaris, tel_queries):
        self.regels(120)
        eerste = functionaris.get("/toegangslog/")
        html = eerste.content.decode()
        # Its own viewing is the newest line; then the 120, newest (highest id) first.
        assert "Regel 119" in html and "Regel 070" not in html
        assert "Regel 1 tot en met 50; er zijn er meer." in html
        assert 'pagina=2" rel="next"' in html and "Pagina 1 van" not in html
        derde = functionaris.get("/toegangslog/", {"pagina": 3}).content.decode()
        assert "Regel 101 tot en met" in derde and 'rel="next"' not in derde
        assert "Regel 000" in derde
        leeg = functionaris.get("/toegangslog/", {"pagina": 99}).content.decode()
        assert "Geen regels meer." in leeg
        assert functionaris.get("/toegangslog/", {"pagina": "x"}).status_code == 200
        with CaptureQueriesContext(connection) as vastgelegd:
            functionaris.get("/toegangslog/", {"pagina": 2})
        assert not any("COUNT(" in query["sql"].upper() for query in vastgelegd)

    def test_periode_telt_hele_dagen_in_nederlandse_tijd(self, functionaris):
        amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
        for uur, naam in (
            (dt.datetime(2024, 3, 30, 23, 59), "laat"),
            (dt.datetime(2024, 3, 31, 0, 0), "middernacht"),
        ):
            Toegangslog.objects.create(
                actie=Actie.INZIEN, omschrijving=naam, tijdstip=uur.replace(tzinfo=amsterdam)
            )
        html = functionaris.get("/toegangslog/", {"van": "2024-03-31", "tot": "2024-03-31"})
        inhoud = html.content.decode()
        assert "middernacht" in inhoud and ">laat<" not in inhoud
        html = functionaris.get("/toegangslog/", {"tot": "2024-03-30"}).content.decode()
        assert ">laat<" in html and "middernacht" not in html
