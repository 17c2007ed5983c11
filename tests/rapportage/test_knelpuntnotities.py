"""The barrier-to-policy loop: per category the coordinator tells the municipality the
consequence, the wish and the next step, never about a person; the municipality reads it
on its dashboard beside the (suppressed) counts, and either prints a team's overview."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plannen import services
from plannen.models import Knelpuntnotitie
from stapteam.constants import Actie, Rol
from stapteam.models import Gemeente, Toegangslog
from tests.factories import ClientFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

PERIODE = {"van": "2025-04-01", "tot": "2026-03-31"}
MEMO = {
    "gevolg": "Steeds weer in- en uitschrijven; post raakt zoek.",
    "wens": "Standaard het adres van de gemeente als postadres tot er een woning is.",
    "volgende_stap": "Bespreken in de projectgroep van juni.",
}


@pytest.fixture
def clienten(team, casemanager):
    """Three women with recognisable names; two postadres barriers (one solved), one
    waiting list for beschermd wonen."""
    namen = [("Kim", "Yasmina", "Verbeek"), ("Roos", "", ""), ("Lotte", "", "de Wit")]
    uitkomst = []
    for roepnaam, voornaam, achternaam in namen:
        uitkomst.append(
            ClientFactory(
                team=team,
                roepnaam=roepnaam,
                casemanager=casemanager,
                gegevens={
                    "voornaam": voornaam,
                    "achternaam": achternaam,
                    "in_beeld_sinds": dt.date(2025, 1, 1),
                },
            )
        )
    for client, categorie, opgelost in (
        (uitkomst[0], "postadres", None),
        (uitkomst[1], "postadres", dt.date(2026, 2, 1)),
        (uitkomst[2], "bw_wachtlijst", None),
    ):
        knelpunt = services.knelpunt_vastleggen(
            client=client,
            door=casemanager,
            datum=dt.date(2026, 1, 2),
            levensdomein="wonen",
            categorie=categorie,
            omschrijving="Vast",
        )
        if opgelost:
            services.knelpunt_wijzigen(
                knelpunt=knelpunt, door=casemanager, status="opgelost", opgelost_op=opgelost
            )
    return uitkomst


def notitie(team, coordinator, categorie="postadres", **teksten):
    return services.knelpuntnotitie_opslaan(
        team=team, categorie=categorie, door=coordinator, **(MEMO | teksten)
    )


# --- The service ---------------------------------------------------------------------------


def test_opslaan_houdt_wie_wanneer_en_de_geschiedenis_bij(team, coordinator, clienten):
    eerste = notitie(team, coordinator)
    tweede = notitie(team, coordinator, volgende_stap="Gesprek met de wethouder in juli.")
    assert eerste.pk == tweede.pk
    tweede.refresh_from_db()
    assert (tweede.gevolg, tweede.volgende_stap, tweede.gewijzigd_door) == (
        MEMO["gevolg"],
        "Gesprek met de wethouder in juli.",
        coordinator,
    )
    versies = list(tweede.history.order_by("history_date"))
    assert [v.volgende_stap for v in versies] == [
        "Bespreken in de projectgroep van juni.",
        "Gesprek met de wethouder in juli.",
    ]
    assert {v.history_user for v in versies} == {coordinator}


@pytest.mark.parametrize(
    ("veld", "tekst", "genoemd"),
    [
        ("gevolg", "Kim moet steeds opnieuw inschrijven.", "kim"),  # call name
        ("wens", "Een adres voor KIM en anderen.", "kim"),  # any case
        ("volgende_stap", "Bellen over mevrouw Verbeek.", "verbeek"),  # last name
        ("gevolg", "Yasmina wacht al een jaar.", "yasmina"),  # first name
        ("gevolg", "Zoals bij mevrouw de Wit.", "de wit"),  # a name of more words
        ("wens", "Dossier {code} laat het zien.", "{code}"),  # her client number
    ],
)
def test_een_tekst_met_clientgegevens_wordt_geweigerd(
    team, coordinator, clienten, veld, tekst, genoemd
):
    code = clienten[0].code
    notitie(team, coordinator)
    with pytest.raises(ValidationError) as fout:
        notitie(team, coordinator, **{veld: tekst.format(code=code)})
    melding = fout.value.message_dict[veld][0]
    assert f"'{genoemd.format(code=code)}' is de naam of het nummer van een cliënt" in melding
    assert "er is niets opgeslagen" in melding
    opgeslagen = Knelpuntnotitie.objects.get(team=team)
    assert (opgeslagen.gevolg, opgeslagen.wens, opgeslagen.volgende_stap) == tuple(MEMO.values())
    assert opgeslagen.history.count() == 1


def test_alleen_hele_woorden_en_alleen_clienten_van_het_eigen_team(
    team, ander_team, coordinator, clienten
):
    # "Kimono" is not Kim; Arnhem's client is not this team's to protect (nor known here).
    ClientFactory(team=ander_team, roepnaam="Fenna")
    opgeslagen = notitie(team, coordinator, gevolg="Een kimono en Fenna's fiets.")
    assert opgeslagen.gevolg == "Een kimono en Fenna's fiets."


def test_een_te_lange_tekst_wordt_geweigerd(team, coordinator):
    with pytest.raises(ValidationError, match="hooguit 2000 tekens"):
        notitie(team, coordinator, wens="x" * 2001)
    assert not Knelpuntnotitie.objects.exists()


# --- The coordinator's page ---------------------------------------------------------------


def test_coordinator_ziet_exacte_aantallen_en_schrijft_een_notitie(
    als, team, coordinator, clienten
):
    browser = als(coordinator)
    html = browser.get(reverse("rapportage:knelpunten"), PERIODE).content.decode()
    # Postadres: one open at the end, two new, one solved after 30 days: exact, no "<5".
    assert '<th scope="row">Postadres</th><td class="getal">1</td><td class="getal">2</td>' in html
    assert "&lt;5" not in html
    adres = reverse("rapportage:knelpuntnotitie", args=["postadres"]) + f"?team={team.code}"
    assert adres.replace("&", "&amp;") in html or adres in html

    antwoord = browser.post(adres, MEMO)
    assert antwoord.status_code == 302
    assert antwoord["Location"].endswith(f"#notitie-{team.pk}-postadres")
    html = browser.get(reverse("rapportage:knelpunten"), PERIODE).content.decode()
    assert MEMO["wens"] in html and f'id="notitie-{team.pk}-postadres"' in html
    assert coordinator.naam in html


def test_formulier_weigert_clientnaam_en_slaat_niets_op(als, team, coordinator, clienten):
    adres = reverse("rapportage:knelpuntnotitie", args=["postadres"]) + f"?team={team.code}"
    antwoord = als(coordinator).post(adres, MEMO | {"gevolg": "Roos raakt haar post kwijt."})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Schrijf dit zonder cliëntgegevens: &#x27;roos&#x27; is de naam" in html
    assert not Knelpuntnotitie.objects.exists()


def test_notitiepagina_toont_eerdere_versies(als, team, coordinator, clienten):
    notitie(team, coordinator)
    notitie(team, coordinator, wens="Een nieuwe wens.")
    html = (
        als(coordinator)
        .get(reverse("rapportage:knelpuntnotitie", args=["postadres"]))
        .content.decode()
    )
    assert "Eerdere versies" in html
    assert html.count('<details class="geschiedenis">') == 2
    assert MEMO["wens"] in html and "Een nieuwe wens." in html


def test_coordinator_van_een_ander_team_krijgt_404(als, team, ander_team, clienten):
    vreemde = UserFactory(rol=Rol.COORDINATOR, team=ander_team)
    adres = reverse("rapportage:knelpuntnotitie", args=["postadres"]) + f"?team={team.code}"
    assert als(vreemde).get(adres).status_code == 404
    assert als(vreemde).post(adres, MEMO).status_code == 404
    afdruk = reverse("rapportage:knelpunten_afdrukken", args=[team.code])
    assert als(vreemde).get(afdruk).status_code == 404
    assert not Knelpuntnotitie.objects.exists()


# --- The municipality's dashboard and the printable overview --------------------------------


def gemeente_gebruiker(team, rol=Rol.GEMEENTE):
    return UserFactory(rol=rol, gemeente=team.gemeente)


def test_dashboard_toont_de_notitie_naast_de_afgeschermde_aantallen(
    als, team, coordinator, clienten
):
    notitie(team, coordinator)
    for rol in (Rol.GEMEENTE, Rol.PROCESREGISSEUR):
        html = (
            als(gemeente_gebruiker(team, rol))
            .get(reverse("rapportage:dashboard"), PERIODE)
            .content.decode()
        )
        # The row of Postadres: suppressed counts, and a link to the memo below it.
        rij = html[html.index('<th scope="row">Postadres</th>') :].split("</tr>")[0]
        assert rij.count("&lt;5") == 3
        assert f'href="#notitie-{team.pk}-postadres"' in rij
        memo = html[html.index(f'id="notitie-{team.pk}-postadres"') :].split("</article>")[0]
        assert "Open aan het eind: <strong>&lt;5</strong>" in memo
        for tekst in MEMO.values():
            assert tekst in memo
        # No memo on the waiting list: no link, and never a person.
        rij = html[html.index('<th scope="row">Wachtlijst beschermd wonen</th>') :]
        assert "notitie-" not in rij.split("</tr>")[0]
        for client in clienten:
            assert client.roepnaam not in html
        assert reverse("rapportage:knelpunten_afdrukken", args=[team.code]) in html


def test_afdrukversie_voor_de_gemeente_afgeschermd(als, team, coordinator, clienten):
    notitie(team, coordinator)
    browser = als(gemeente_gebruiker(team))
    antwoord = browser.get(reverse("rapportage:knelpunten_afdrukken", args=[team.code]), PERIODE)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "data-afdrukken" in html and 'class="niet-printen"' in html
    assert "1 april 2025 tot en met 31 maart 2026" in html
    rij = html[html.index('<th scope="row">Postadres</th>') :].split("</tr>")[0]
    assert rij.count("&lt;5") == 3
    assert MEMO["volgende_stap"] in html
    assert "Kim" not in html and "Verbeek" not in html
    log = Toegangslog.objects.filter(actie=Actie.RAPPORT, team=team).latest("pk")
    assert log.omschrijving.startswith(f"Knelpuntenoverzicht {team.naam} (afdrukversie)")


def test_afdrukversie_voor_de_coordinator_exact(als, team, coordinator, clienten):
    notitie(team, coordinator)
    html = (
        als(coordinator)
        .get(reverse("rapportage:knelpunten_afdrukken", args=[team.code]), PERIODE)
        .content.decode()
    )
    rij = html[html.index('<th scope="row">Postadres</th>') :].split("</tr>")[0]
    assert [cel.split("<")[0] for cel in rij.split('<td class="getal">')[1:]] == [
        "1",
        "2",
        "1",
        "30",
    ]
    assert MEMO["gevolg"] in html


def test_gemeente_van_een_andere_gemeente_ziet_niets(als, team, coordinator, clienten):
    notitie(team, coordinator)
    elders = Gemeente.objects.create(naam="Elders")
    TeamFactory(naam="Stapteam Elders", code="stapteam-elders", gemeente=elders)
    for rol in (Rol.GEMEENTE, Rol.PROCESREGISSEUR):
        browser = als(UserFactory(rol=rol, gemeente=elders))
        afdruk = reverse("rapportage:knelpunten_afdrukken", args=[team.code])
        assert browser.get(afdruk).status_code == 404
        html = browser.get(reverse("rapportage:dashboard"), PERIODE).content.decode()
        assert MEMO["wens"] not in html and "Stapteam Nijmegen" not in html


def test_andere_rollen_krijgen_403(als, gebruikers, team):
    for rol in (Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.BEHEERDER, Rol.FUNCTIONARIS):
        browser = als(gebruikers[rol])
        assert browser.get(reverse("rapportage:knelpunten")).status_code == 403, rol
        afdruk = reverse("rapportage:knelpunten_afdrukken", args=[team.code])
        assert browser.get(afdruk).status_code == 403, rol


def test_elke_pagina_in_de_toegangslog(als, team, coordinator, clienten):
    browser = als(coordinator)
    voor = Toegangslog.objects.filter(team=team).count()
    browser.get(reverse("rapportage:knelpunten"), PERIODE)
    notitiepagina = reverse("rapportage:knelpuntnotitie", args=["postadres"])
    browser.get(notitiepagina)
    browser.post(notitiepagina, MEMO)
    browser.get(reverse("rapportage:knelpunten_afdrukken", args=[team.code]), PERIODE)
    regels = list(
        Toegangslog.objects.filter(team=team).order_by("pk").values_list("actie", "omschrijving")
    )[voor:]
    assert [actie for actie, _ in regels] == [
        Actie.RAPPORT,
        Actie.INZIEN,
        Actie.WIJZIGEN,
        Actie.RAPPORT,
    ]
    assert regels[1][1] == f"Knelpuntnotitie Postadres, {team.naam}"


# --- A fixed number of queries, whatever the data --------------------------------------------


def test_vaste_aantallen_queries(als, team, ander_team, coordinator, casemanager, tel_queries):
    ander_team.gemeente = team.gemeente
    ander_team.save()
    paginas = {
        "coordinator": [
            reverse("rapportage:knelpunten"),
            reverse("rapportage:knelpuntnotitie", args=["postadres"]),
            reverse("rapportage:knelpunten_afdrukken", args=[team.code]),
        ],
        "gemeente": [
            reverse("rapportage:dashboard"),
            reverse("rapportage:knelpunten_afdrukken", args=[team.code]),
        ],
    }
    gebruikers = {"coordinator": coordinator, "gemeente": gemeente_gebruiker(team)}

    def tel_alles():
        uitkomst = {}
        for wie, adressen in paginas.items():
            browser = als(gebruikers[wie])
            for adres in adressen:
                uitkomst[(wie, adres)] = tel_queries(lambda a=adres, b=browser: b.get(a, PERIODE))
        return uitkomst

    notitie(team, coordinator)  # the memo page shows its versions: one to start with
    weinig = tel_alles()
    # More women, barriers in more categories, memos (and versions) on several.
    for nummer, categorie in enumerate(
        ["postadres", "winteropvang", "herhaalde_intakes", "eigen_bijdrage", "postadres"]
    ):
        client = ClientFactory(
            team=team,
            roepnaam=f"Extra{nummer}",
            casemanager=casemanager,
            gegevens={"in_beeld_sinds": dt.date(2025, 5, 1)},
        )
        services.knelpunt_vastleggen(
            client=client,
            door=casemanager,
            datum=dt.date(2025, 11, 1),
            levensdomein="wonen",
            categorie=categorie,
            omschrijving="Vast",
        )
        notitie(team, coordinator, categorie=categorie, wens=f"Wens {nummer}")
    notitie(ander_team, None, categorie="winteropvang")
    assert tel_alles() == weinig


def test_afdrukversie_met_een_verkeerde_periode(als, team, coordinator):
    antwoord = als(coordinator).get(
        reverse("rapportage:knelpunten_afdrukken", args=[team.code]),
        {"van": "2026-03-01", "tot": "2026-01-01"},
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("text/html")
    assert "&#x27;Tot en met&#x27; ligt vóór &#x27;van&#x27;." in antwoord.content.decode()
