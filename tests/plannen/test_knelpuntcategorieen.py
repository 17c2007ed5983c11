"""Barrier categories are a vocabulary the administrator extends (ONTWERP §3): the
migration that made them one keeps every barrier's category, a new category can be used
at once, and a category switched off is not chosen anew but keeps counting."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from plannen import services
from plannen.models import Knelpunt, Knelpuntcategorie
from rapportage.dashboard_pagina import exacte_knelpuntcijfers
from stapteam.constants import Rol
from tests.factories import ClientFactory, UserFactory

VOOR = [("plannen", "0002_resultaatcatalogus")]
NA = [("plannen", "0006_knelpuntnotitie")]

ONTWERP = {
    "postadres",
    "tekort_opvang_vrouwen",
    "eisen_specifieke_projecten",
    "bw_wachtlijst",
    "sociale_huur",
    "eigen_bijdrage",
    "diagnostiek",
    "wachtlijst_behandeling",
    "klinische_opname",
    "exclusiecriteria",
    "overig",
}
UIT_HET_MEMO = {
    "wmo_wlz_indicatie",
    "herhaalde_intakes",
    "uitschrijving_na_no_show",
    "bewindvoering_toegangseis",
    "winteropvang",
}


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC), tick=False):
        yield


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


# serialized_rollback: the migrations' own data (roles, vocabularies) is back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migratie_houdt_de_categorie_van_elk_knelpunt_en_gaat_terug():
    client = ClientFactory(roepnaam="Kim")
    oud = _migreer(VOOR)
    OudKnelpunt = oud.get_model("plannen", "Knelpunt")
    OudeHistorie = oud.get_model("plannen", "HistoricalKnelpunt")
    for code in ("postadres", "bw_wachtlijst", "overig"):
        knelpunt = OudKnelpunt.objects.create(
            client_id=client.pk,
            datum=dt.date(2024, 5, 1),
            levensdomein="wonen",
            categorie=code,
            omschrijving=f"Vast op {code}",
            status="open",
        )
        OudeHistorie.objects.create(
            id=knelpunt.pk,
            client_id=client.pk,
            datum=knelpunt.datum,
            levensdomein="wonen",
            categorie=code,
            omschrijving=knelpunt.omschrijving,
            status="open",
            history_date=dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC),
            history_type="+",
        )

    nieuw = _migreer(NA)
    Knelpunt_ = nieuw.get_model("plannen", "Knelpunt")
    Historie = nieuw.get_model("plannen", "HistoricalKnelpunt")
    assert sorted(
        Knelpunt_.objects.values_list("omschrijving", "categorie__code", "categorie__naam")
    ) == [
        ("Vast op bw_wachtlijst", "bw_wachtlijst", "Wachtlijst beschermd wonen"),
        ("Vast op overig", "overig", "Overig"),
        ("Vast op postadres", "postadres", "Postadres"),
    ]
    Categorie = nieuw.get_model("plannen", "Knelpuntcategorie")
    assert sorted(
        Categorie.objects.get(pk=pk).code
        for pk in Historie.objects.values_list("categorie_id", flat=True)
    ) == ["bw_wachtlijst", "overig", "postadres"]

    # And back: the codes are in the old column again.
    oud = _migreer(VOOR)
    assert sorted(
        oud.get_model("plannen", "Knelpunt").objects.values_list("categorie", flat=True)
    ) == [
        "bw_wachtlijst",
        "overig",
        "postadres",
    ]
    assert sorted(
        oud.get_model("plannen", "HistoricalKnelpunt").objects.values_list("categorie", flat=True)
    ) == ["bw_wachtlijst", "overig", "postadres"]
    _migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_de_vocabulaire_van_ontwerp_en_memo_met_overig_als_laatste():
    categorieen = list(Knelpuntcategorie.objects.all())
    assert {c.code for c in categorieen} == ONTWERP | UIT_HET_MEMO
    assert all(c.actief for c in categorieen)
    assert categorieen[-1].code == "overig"
    assert Knelpuntcategorie.objects.get(code="wmo_wlz_indicatie").naam == (
        "Van Wmo naar Wlz-indicatie"
    )


@pytest.fixture
def beheerder(db, client):
    client.force_login(UserFactory(rol=Rol.BEHEERDER))
    return client


@pytest.mark.django_db
def test_beheerder_voegt_een_categorie_toe_die_meteen_te_kiezen_is(
    beheerder, team, casemanager, kim
):
    antwoord = beheerder.post(
        "/beheer/plannen/knelpuntcategorie/add/",
        {"naam": "Geen ID-bewijs", "code": "geen_id_bewijs", "volgorde": 155, "actief": "on"},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    nieuw = Knelpuntcategorie.objects.get(code="geen_id_bewijs")
    assert nieuw.history.get().history_type == "+"

    beheerder.force_login(casemanager)
    formulier = beheerder.get(reverse("plannen:knelpunt_nieuw", args=[kim.pk]))
    assert "Geen ID-bewijs" in formulier.content.decode()
    antwoord = beheerder.post(
        reverse("plannen:knelpunt_nieuw", args=[kim.pk]),
        {
            "datum": "2026-03-02",
            "levensdomein": "documenten",
            "categorie": nieuw.pk,
            "omschrijving": "Geen geld voor een ID-kaart",
        },
    )
    assert antwoord.status_code == 302
    assert Knelpunt.objects.get(client=kim).categorie == nieuw
    # The workbook and the demo name it by its code.
    services.knelpunt_vastleggen(
        client=kim,
        door=casemanager,
        datum=dt.date(2026, 3, 3),
        levensdomein="documenten",
        categorie="geen_id_bewijs",
        omschrijving="Nog steeds",
    )
    cijfers = exacte_knelpuntcijfers(team, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert cijfers.getoond[(team.pk, "knelpunt_nieuw", "geen_id_bewijs", "")] == "2"


@pytest.mark.django_db
def test_de_code_blijft_na_aanmaken_vast(beheerder):
    categorie = Knelpuntcategorie.objects.get(code="postadres")
    beheerder.post(
        f"/beheer/plannen/knelpuntcategorie/{categorie.pk}/change/",
        {"naam": "Postadres en briefadres", "code": "iets_anders", "volgorde": 10, "actief": "on"},
    )
    categorie.refresh_from_db()
    assert (categorie.code, categorie.naam) == ("postadres", "Postadres en briefadres")


@pytest.fixture
def uitgezet(db):
    categorie = Knelpuntcategorie.objects.get(code="sociale_huur")
    categorie.actief = False
    categorie.save()
    return categorie


@pytest.mark.django_db
def test_een_uitgezette_categorie_is_niet_te_kiezen_maar_telt_mee(team, casemanager, kim, client):
    bestaand = services.knelpunt_vastleggen(
        client=kim,
        door=casemanager,
        datum=dt.date(2026, 1, 5),
        levensdomein="wonen",
        categorie="sociale_huur",
        omschrijving="Wachtlijst sociale huur",
    )
    categorie = Knelpuntcategorie.objects.get(code="sociale_huur")
    categorie.actief = False
    categorie.save()

    with pytest.raises(ValidationError, match="'Sociale huur' is niet meer in gebruik"):
        services.knelpunt_vastleggen(
            client=kim,
            door=casemanager,
            datum=dt.date(2026, 2, 1),
            levensdomein="wonen",
            categorie="sociale_huur",
            omschrijving="Weer",
        )
    ander = services.knelpunt_vastleggen(
        client=kim,
        door=casemanager,
        datum=dt.date(2026, 2, 1),
        levensdomein="wonen",
        categorie="postadres",
        omschrijving="Postadres",
    )
    with pytest.raises(ValidationError, match="niet meer in gebruik"):
        services.knelpunt_wijzigen(knelpunt=ander, door=casemanager, categorie=categorie)
    assert Knelpunt.objects.filter(categorie=categorie).count() == 1

    # The barrier in it keeps it when it is changed otherwise, and keeps counting.
    services.knelpunt_wijzigen(
        knelpunt=bestaand, door=casemanager, categorie=categorie, omschrijving="Toch een huis"
    )
    bestaand.refresh_from_db()
    assert (bestaand.categorie, bestaand.omschrijving) == (categorie, "Toch een huis")
    cijfers = exacte_knelpuntcijfers(team, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert cijfers.getoond[(team.pk, "knelpunt_open", "sociale_huur", "")] == "1"
    assert "sociale_huur" in [c.code for c in cijfers.categorieen]

    # Not offered for a new barrier; offered on the barrier that has it.
    client.force_login(casemanager)
    nieuw = client.get(reverse("plannen:knelpunt_nieuw", args=[kim.pk])).content.decode()
    assert "Sociale huur" not in nieuw and "Postadres" in nieuw
    wijzigen = client.get(
        reverse("plannen:knelpunt_wijzigen", args=[kim.pk, bestaand.pk])
    ).content.decode()
    assert "Sociale huur" in wijzigen
    antwoord = client.post(
        reverse("plannen:knelpunt_nieuw", args=[kim.pk]),
        {
            "datum": "2026-03-02",
            "levensdomein": "wonen",
            "categorie": categorie.pk,
            "omschrijving": "Geprobeerd",
        },
    )
    assert antwoord.status_code == 200
    assert Knelpunt.objects.filter(omschrijving="Geprobeerd").count() == 0


@pytest.mark.django_db
def test_een_uitgezette_categorie_zonder_knelpunten_valt_weg(team, uitgezet):
    cijfers = exacte_knelpuntcijfers(team, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert "sociale_huur" not in [c.code for c in cijfers.categorieen]
    assert len(cijfers.categorieen) == len(ONTWERP | UIT_HET_MEMO) - 1
