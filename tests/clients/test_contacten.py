"""Contacts: quick logging, confidentiality, the 7-day correction window, the signal."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clients import services
from clients.models import Client, Contact
from clients.signalen import GeenContactSignaal, met_signalen, signalen_van
from stapteam.constants import Actie, Rol
from stapteam.models import Toegangslog
from tests.factories import ClientFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(naam, *args):
    return reverse(f"clients:{naam}", args=args)


def om(dagen_geleden: int, uur: int = 12) -> dt.datetime:
    dag = timezone.localdate() - dt.timedelta(days=dagen_geleden)
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur, 0)))


class TestVastleggen:
    def test_wie_er_ook_bij_was(self, team, casemanager, client_van_team):
        collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
        met = services.contact_registreren(
            client=client_van_team, door=casemanager, soort="face_to_face", ook_aanwezig=[collega]
        )
        zonder = services.contact_registreren(
            client=client_van_team, door=casemanager, soort="face_to_face"
        )
        assert list(met.ook_aanwezig.all()) == [collega]
        assert not zonder.ook_aanwezig.exists()

    def test_alleen_soort_is_nodig(self, als, casemanager, client_van_team):
        antwoord = als(casemanager).post(
            url("contact_nieuw", client_van_team.pk),
            {"soort": "face_to_face", "tijdstip": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
        )
        assert antwoord.status_code == 302
        contact = Contact.objects.get()
        assert (contact.medewerker, contact.soort, contact.locatie) == (
            casemanager,
            "face_to_face",
            "",
        )

    def test_standaarden_nu_en_laatste_locatie(self, als, casemanager, client_van_team):
        services.contact_registreren(
            client=client_van_team, door=casemanager, soort="telefonisch", locatie="tippelzone"
        )
        form = als(casemanager).get(url("contact_nieuw", client_van_team.pk)).context["form"]
        assert form.initial["soort"] == "face_to_face"
        assert form.initial["locatie"] == "tippelzone"
        assert abs(form.initial["tijdstip"] - timezone.now()) < dt.timedelta(minutes=2)

    def test_laatste_locatie_is_van_haar_nieuwste_contact_met_een_locatie(
        self, als, casemanager, client_van_team
    ):
        nu = timezone.now()
        for uren, locatie in ((3, "mfc"), (2, "huiskamer"), (5, "straat"), (1, "")):
            services.contact_registreren(
                client=client_van_team,
                door=casemanager,
                soort="face_to_face",
                locatie=locatie,
                tijdstip=nu - dt.timedelta(hours=uren),
            )
        collega = UserFactory(rol=Rol.CASEMANAGER, team=client_van_team.team)
        services.contact_registreren(
            client=client_van_team, door=collega, soort="poging", locatie="kantoor"
        )
        form = als(casemanager).get(url("contact_nieuw", client_van_team.pk)).context["form"]
        assert form.initial["locatie"] == "huiskamer"

    def test_terug_naar_de_caseload(self, als, casemanager, client_van_team):
        antwoord = als(casemanager).post(
            url("contact_nieuw", client_van_team.pk),
            {"soort": "poging", "tijdstip": "2024-05-01T22:30", "volgende": "/clienten/?pagina=2"},
        )
        assert antwoord["Location"] == "/clienten/?pagina=2"
        onveilig = als(casemanager).post(
            url("contact_nieuw", client_van_team.pk),
            {
                "soort": "poging",
                "tijdstip": "2024-05-01T22:30",
                "volgende": "https://evil.example/",
            },
        )
        assert onveilig["Location"] == url("dossier", client_van_team.pk)

    @pytest.mark.parametrize(
        ("gegevens", "melding"),
        [
            ({"tijdstip": "2099-01-01T10:00"}, "in de toekomst"),
            ({"duur_minuten": "-5"}, "De duur is minstens 1 minuut"),
            ({"duur_minuten": "5000"}, "hoogstens 1440 minuten"),
            ({"soort": ""}, "Dit veld is verplicht"),
            ({"tijdstip": "1899-12-31T10:00"}, "vóór 2000"),
        ],
    )
    def test_foute_invoer_nederlandse_melding_niets_opgeslagen(
        self, als, casemanager, client_van_team, gegevens, melding
    ):
        basis = {"soort": "face_to_face", "tijdstip": "2024-05-01T22:30"}
        pagina = als(casemanager).post(url("contact_nieuw", client_van_team.pk), basis | gegevens)
        assert pagina.status_code == 200
        html = pagina.content.decode()
        assert melding in html
        assert "Er is niets opgeslagen" in html
        assert not Contact.objects.exists()


class TestVertrouwelijk:
    def test_ervaringsdeskundige_ziet_vertrouwelijke_contacten_nooit(
        self, als, casemanager, ervaringsdeskundige, client_van_team
    ):
        services.contact_registreren(
            client=client_van_team,
            door=casemanager,
            soort="face_to_face",
            notitie="Geheim gesprek",
            vertrouwelijk=True,
            tijdstip=om(1),
        )
        services.contact_registreren(
            client=client_van_team,
            door=ervaringsdeskundige,
            soort="face_to_face",
            notitie="Koffie",
            tijdstip=om(2),
        )
        for pagina in (url("contacten", client_van_team.pk), url("dossier", client_van_team.pk)):
            html = als(ervaringsdeskundige).get(pagina).content.decode()
            assert "Koffie" in html
            assert "Geheim gesprek" not in html
            assert "vertrouwelijk</span>" not in html
        html = als(casemanager).get(url("contacten", client_van_team.pk)).content.decode()
        assert "Geheim gesprek" in html

    def test_ervaringsdeskundige_kan_niet_vertrouwelijk_vastleggen(
        self, als, ervaringsdeskundige, client_van_team
    ):
        form = (
            als(ervaringsdeskundige).get(url("contact_nieuw", client_van_team.pk)).context["form"]
        )
        assert "vertrouwelijk" not in form.fields
        with pytest.raises(ValidationError, match="vertrouwelijk"):
            services.contact_registreren(
                client=client_van_team,
                door=ervaringsdeskundige,
                soort="face_to_face",
                vertrouwelijk=True,
            )

    def test_signaal_telt_voor_ervaringsdeskundige_alleen_wat_zij_ziet(
        self, casemanager, ervaringsdeskundige, client_van_team
    ):
        Client.objects.filter(pk=client_van_team.pk).update(in_beeld_sinds=dt.date(2020, 1, 1))
        services.contact_registreren(
            client=client_van_team,
            door=casemanager,
            soort="face_to_face",
            vertrouwelijk=True,
            tijdstip=om(1),
        )
        vandaag = timezone.localdate()

        def teksten(gebruiker):
            client = met_signalen(
                Client.objects.filter(pk=client_van_team.pk), vandaag=vandaag, gebruiker=gebruiker
            ).get()
            return [s.tekst for s in signalen_van(client, vandaag=vandaag)]

        assert "Nog geen contact gehad" not in teksten(casemanager)
        assert "Nog geen contact gehad" in teksten(ervaringsdeskundige)


class TestCorrigeren:
    @pytest.fixture
    def contact(self, casemanager, client_van_team):
        return services.contact_registreren(
            client=client_van_team, door=casemanager, soort="face_to_face", notitie="Eerste versie"
        )

    def test_auteur_binnen_zeven_dagen(self, als, casemanager, client_van_team, contact):
        antwoord = als(casemanager).post(
            url("contact_corrigeren", client_van_team.pk, contact.pk),
            {"soort": "telefonisch", "tijdstip": "2024-05-01T22:30", "notitie": "Tweede versie"},
        )
        assert antwoord.status_code == 302
        contact.refresh_from_db()
        assert contact.notitie == "Tweede versie"
        assert list(contact.history.values_list("notitie", flat=True)) == [
            "Tweede versie",
            "Eerste versie",
        ]

    def test_na_zeven_dagen_alleen_de_coordinator(self, als, casemanager, coordinator, contact):
        Contact.objects.filter(pk=contact.pk).update(
            aangemaakt_op=timezone.now() - dt.timedelta(days=7, minutes=1)
        )
        contact.refresh_from_db()
        adres = url("contact_corrigeren", contact.client_id, contact.pk)
        assert als(casemanager).get(adres).status_code == 403
        with pytest.raises(ValidationError, match="binnen 7 dagen"):
            services.contact_corrigeren(contact=contact, door=casemanager, notitie="Te laat")
        services.contact_corrigeren(contact=contact, door=coordinator, notitie="Door coördinator")
        contact.refresh_from_db()
        assert contact.notitie == "Door coördinator"

    def test_op_de_zevende_dag_nog_wel(self, casemanager, contact):
        Contact.objects.filter(pk=contact.pk).update(
            aangemaakt_op=timezone.now() - dt.timedelta(days=7) + dt.timedelta(minutes=1)
        )
        contact.refresh_from_db()
        assert services.mag_contact_corrigeren(contact, casemanager)

    def test_een_collega_mag_niet(self, als, team, contact):
        collega = UserFactory(rol=Rol.CASEMANAGER, team=team)
        assert not services.mag_contact_corrigeren(contact, collega)
        adres = url("contact_corrigeren", contact.client_id, contact.pk)
        assert als(collega).get(adres).status_code == 403


class TestSignaal:
    @pytest.fixture
    def client_sinds_lang(self, client_van_team):
        Client.objects.filter(pk=client_van_team.pk).update(in_beeld_sinds=dt.date(2020, 1, 1))
        return client_van_team

    def signaal(self, client, gebruiker):
        vandaag = timezone.localdate()
        bron = GeenContactSignaal()
        geannoteerd = bron.annoteer(
            Client.objects.filter(pk=client.pk), vandaag=vandaag, gebruiker=gebruiker
        )
        teksten = [s.tekst for s in bron.signalen(geannoteerd.get(), vandaag=vandaag)]
        in_lijst = geannoteerd.filter(bron.actief(vandaag=vandaag)).exists()
        assert bool(teksten) == in_lijst  # the DB condition and the display agree
        return teksten

    @pytest.mark.parametrize(
        ("dagen_geleden", "soort", "verwacht"),
        [
            (13, "face_to_face", []),
            (14, "face_to_face", ["Geen contact in 14 dagen"]),
            (14, "telefonisch", ["Geen contact in 14 dagen"]),
            (3, "poging", ["Nog geen contact gehad"]),  # a try is not a realised contact
            (3, "netwerkoverleg", ["Nog geen contact gehad"]),
            (0, "digitaal", []),
        ],
    )
    def test_grenzen(self, client_sinds_lang, casemanager, dagen_geleden, soort, verwacht):
        services.contact_registreren(
            client=client_sinds_lang, door=casemanager, soort=soort, tijdstip=om(dagen_geleden, 0)
        )
        assert self.signaal(client_sinds_lang, casemanager) == verwacht

    def test_nieuwe_client_eerst_veertien_dagen_rust(self, team, casemanager):
        nieuw = ClientFactory(team=team, gegevens={"in_beeld_sinds": timezone.localdate()})
        assert self.signaal(nieuw, casemanager) == []
        Client.objects.filter(pk=nieuw.pk).update(
            in_beeld_sinds=timezone.localdate() - dt.timedelta(days=14)
        )
        assert self.signaal(nieuw, casemanager) == ["Nog geen contact gehad"]

    def test_niet_voor_uitgestroomde_client(self, client_sinds_lang, casemanager):
        services.client_wijzigen(
            client=client_sinds_lang,
            door=None,
            status="uitgestroomd",
            uitstroom_datum=timezone.localdate(),
            uitstroom_reden="verhuisd",
        )
        assert self.signaal(client_sinds_lang, casemanager) == []


def test_contactlijst_filtert_en_logt(als, casemanager, client_van_team, team):
    ed = UserFactory(rol=Rol.ERVARINGSDESKUNDIGE, team=team)
    services.contact_registreren(
        client=client_van_team, door=casemanager, soort="poging", tijdstip=om(3)
    )
    services.contact_registreren(
        client=client_van_team, door=ed, soort="face_to_face", tijdstip=om(2)
    )
    pagina = als(casemanager).get(url("contacten", client_van_team.pk), {"soort": "gerealiseerd"})
    assert pagina.context["pagina"].paginator.count == 1
    pagina = als(casemanager).get(url("contacten", client_van_team.pk), {"medewerker": ed.pk})
    assert [r["c"].medewerker for r in pagina.context["rijen"]] == [ed]
    regel = Toegangslog.objects.order_by("-id").first()
    assert (regel.actie, regel.client_id) == (Actie.INZIEN, client_van_team.pk)


class TestWeergave:
    """How contacts read: Dutch adjective agreement, lower-case month abbreviations."""

    @pytest.mark.parametrize(
        ("aantal", "tekst"),
        [
            (0, "0 gerealiseerde contacten"),
            (1, "1 gerealiseerd contact"),
            (2, "2 gerealiseerde contacten"),
        ],
    )
    def test_aantal_gerealiseerde_contacten_in_het_dossier(
        self, als, casemanager, client_van_team, aantal, tekst
    ):
        for dag in range(aantal):
            services.contact_registreren(
                client=client_van_team, door=casemanager, soort="face_to_face", tijdstip=om(dag + 1)
            )
        html = als(casemanager).get(url("dossier", client_van_team.pk)).content.decode()
        assert f"{tekst} in de afgelopen 13 weken" in html

    def test_maand_in_kleine_letters(self, als, casemanager, client_van_team):
        tijdstip = timezone.make_aware(dt.datetime(2026, 11, 10, 22, 15))
        with time_machine.travel(dt.datetime(2026, 11, 12, 12, 0, tzinfo=dt.UTC), tick=False):
            services.contact_registreren(
                client=client_van_team, door=casemanager, soort="face_to_face", tijdstip=tijdstip
            )
            contacten = als(casemanager).get(url("contacten", client_van_team.pk))
            lijst = als(casemanager).get(reverse("clients:mijn"))
        assert "di 10 nov 2026, 22:15" in contacten.content.decode()
        assert "10 nov</td>" in lijst.content.decode()
