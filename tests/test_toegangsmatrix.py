"""Every protected page, for every role, for a member of another team and for nobody.

One table: a row per page, the expected answer per role. A role not named in a row
gets the row's ``anders`` answer. ``inloggen`` means: sent to the login page. Answers
are taken after following redirects, so a page that sends a role elsewhere is judged
by where it ends up. Later features add their pages here.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from budget import services as budget_services
from clients import services as client_services
from plannen import services as plannen_services
from plannen.constants import ZRMDomein
from plannen.models import Knelpuntcategorie, Resultaattype, ZRMAnker
from stapteam.constants import Rol
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Gemeente, Organisatie, Team, User
from tests.factories import ClientFactory, UserFactory
from vergunningen import services as vergunning_services

pytestmark = pytest.mark.django_db

ANDER_TEAM = "ander_team"  # a casemanager of another team
ANDERE_GEMEENTE = "andere_gemeente"  # a gemeente user of another municipality
ANONIEM = "anoniem"
INLOGGEN = "inloggen"
IEDEREEN = "iedereen"  # in ``Pagina.post``: every logged-in role
ALLE_ROLLEN = [*Rol.values, ANDER_TEAM, ANDERE_GEMEENTE, ANONIEM]


@dataclass
class Pagina:
    naam: str
    url: object  # callable(scenario) -> str
    verwacht: dict = field(default_factory=dict)
    anders: int = 403
    per_client: bool = False  # the page is about one client of the scenario's team
    anoniem: object = INLOGGEN  # what someone who is not logged in gets
    post: dict = field(default_factory=dict)  # where a POST is answered otherwise than a GET


TEAMROLLEN = {Rol.CASEMANAGER: 200, Rol.ERVARINGSDESKUNDIGE: 200, Rol.COORDINATOR: 200}
# The casemanager of another team may use the page, but not for our client: 404.
WIJZIGEN = {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 404}
COORDINATOR = {Rol.COORDINATOR: 200}


def plannen_url(naam, *sleutels):
    """A support page of the scenario's client, with the scenario objects named."""
    return lambda s: reverse(
        f"plannen:{naam}", args=[s["client"].pk, *(s[sleutel].pk for sleutel in sleutels)]
    )


# Permits and budget: casemanager and coordinator, not the ervaringsdeskundige.
BEHEREN = {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200}


def object_url(url_naam, sleutel):
    """The page of one object of the scenario (``s[sleutel]``)."""
    return lambda s: reverse(url_naam, args=[s[sleutel].pk])


def client_url(naam, *extra):
    return lambda s: reverse(f"clients:{naam}", args=[s["client"].pk, *extra])


def toestemming_url(naam):
    return lambda s: reverse(f"clients:{naam}", args=[s["client"].pk, s["toestemming"].pk])


# --- accounts (allauth): the same for every logged-in role
def account_pagina(naam, pad, anoniem=INLOGGEN, anders=200, post=None):
    return Pagina(naam, lambda s: pad, anders=anders, anoniem=anoniem, post=post or {})


NIET_TOEGESTAAN = {ANONIEM: 405, IEDEREEN: 405}  # a page that only answers GET
ACCOUNTPAGINAS = [
    account_pagina("inloggen", "/accounts/login/", anoniem=200),
    # logging out asks first; posting logs out and ends on the login page
    account_pagina("uitloggen", "/accounts/logout/", post={IEDEREEN: INLOGGEN}),
    account_pagina("account inactief", "/accounts/inactive/", anoniem=200, post=NIET_TOEGESTAAN),
    # sign-up is closed: the page says so, and a logged-in user is sent home
    account_pagina("registreren", "/accounts/signup/", anoniem=200),
    account_pagina("opnieuw inloggen", "/accounts/reauthenticate/"),
    account_pagina("e-mailadressen", "/accounts/email/"),
    account_pagina(
        "e-mail verstuurd", "/accounts/confirm-email/", anoniem=200, post=NIET_TOEGESTAAN
    ),
    account_pagina(
        "e-mail bevestigen",
        "/accounts/confirm-email/onbekend/",
        anoniem=200,
        post={ANONIEM: 404, IEDEREEN: 404},
    ),
    account_pagina("wachtwoord wijzigen", "/accounts/password/change/"),
    account_pagina("wachtwoord instellen", "/accounts/password/set/"),
    account_pagina("wachtwoord vergeten", "/accounts/password/reset/", anoniem=200),
    account_pagina(
        "wachtwoord vergeten verstuurd",
        "/accounts/password/reset/done/",
        anoniem=200,
        post=NIET_TOEGESTAAN,
    ),
    account_pagina(
        "wachtwoord herstellen", "/accounts/password/reset/key/1-onbekend/", anoniem=200
    ),
    account_pagina(
        "wachtwoord hersteld",
        "/accounts/password/reset/key/done/",
        anoniem=200,
        post=NIET_TOEGESTAAN,
    ),
    account_pagina("inlogcode bevestigen", "/accounts/login/code/confirm/"),
    account_pagina(
        "activeren met onbekende sleutel", "/account/activeren/MQ/onbekend/", anoniem=200
    ),
    account_pagina("tweestapsverificatie", "/accounts/2fa/", post={IEDEREEN: 405}),
    account_pagina("tweede stap", "/accounts/2fa/authenticate/"),
    account_pagina("tweede stap opnieuw", "/accounts/2fa/reauthenticate/"),
    # changing the authenticator app first asks for the password again
    account_pagina("app koppelen", "/accounts/2fa/totp/activate/"),
    account_pagina("app ontkoppelen", "/accounts/2fa/totp/deactivate/"),
    # recovery codes are not offered
    account_pagina(
        "herstelcodes", "/accounts/2fa/recovery-codes/", anders=404, post={IEDEREEN: 405}
    ),
    account_pagina("herstelcodes maken", "/accounts/2fa/recovery-codes/generate/"),
    account_pagina("herstelcodes downloaden", "/accounts/2fa/recovery-codes/download/", anders=404),
]


# --- the administration (/beheer/): the administrator only; nothing is ever deleted there,
# and the administrator cannot reach e-mail addresses or authenticators.
def beheer_pagina(naam, url, beheerder, post=None):
    return Pagina(naam, url, {Rol.BEHEERDER: beheerder}, post=post or {})


def beheer_object(model):
    """The admin's pages of one object of ``model``: change, both histories, delete."""
    label = model._meta.label_lower.replace(".", "_")
    eerste = lambda: model.objects.order_by("pk").first()  # noqa: E731

    def url(soort):
        return lambda s: reverse(f"admin:{label}_{soort}", args=[eerste().pk])

    def versie_url(s):
        # Vocabulary rows made by a migration have no version yet: saving makes one.
        object = eerste()
        if not model.history.filter(id=object.pk).exists():
            object.save()
        versie = model.history.filter(id=object.pk).latest("history_id")
        return reverse(f"admin:{label}_simple_history", args=[object.pk, versie.history_id])

    return [
        beheer_pagina(f"beheer {label} lijst", lambda s: reverse(f"admin:{label}_changelist"), 200),
        beheer_pagina(f"beheer {label} nieuw", lambda s: reverse(f"admin:{label}_add"), 200),
        beheer_pagina(f"beheer {label} wijzigen", url("change"), 200),
        beheer_pagina(f"beheer {label} historie", url("history"), 200),
        beheer_pagina(f"beheer {label} versie", versie_url, 200),
        beheer_pagina(f"beheer {label} verwijderen", url("delete"), 403),
    ]


def beheer_verboden(model):
    """A model the administrator has no rights on at all: tried on an object that exists
    (for one that does not, the admin sends everyone to its index)."""
    label = model._meta.label_lower.replace(".", "_")
    return [
        beheer_pagina(f"beheer {label} {soort}", url, 403)
        for soort, url in [
            ("lijst", lambda s: reverse(f"admin:{label}_changelist")),
            ("nieuw", lambda s: reverse(f"admin:{label}_add")),
            *[
                (
                    soort,
                    lambda s, soort=soort: reverse(
                        f"admin:{label}_{soort}", args=[model.objects.order_by("pk").first().pk]
                    ),
                )
                for soort in ["change", "history", "delete"]
            ],
        ]
    ]


BEHEERPAGINAS = [
    beheer_pagina("beheer app", lambda s: "/beheer/stapteam/", 200),
    beheer_pagina("beheer inloggen", lambda s: "/beheer/login/", 200),
    beheer_pagina("beheer uitloggen", lambda s: "/beheer/logout/", 405, post={Rol.BEHEERDER: 200}),
    # her own password, behind her own login; never someone else's (below)
    beheer_pagina("beheer eigen wachtwoord", lambda s: "/beheer/password_change/", 200),
    beheer_pagina(
        "beheer eigen wachtwoord gewijzigd",
        lambda s: "/beheer/password_change/done/",
        200,
        post={Rol.BEHEERDER: 405},
    ),
    beheer_pagina(
        "beheer autocomplete", lambda s: "/beheer/autocomplete/", 403, post={Rol.BEHEERDER: 405}
    ),
    beheer_pagina(
        "beheer vertalingen", lambda s: "/beheer/jsi18n/", 200, post={Rol.BEHEERDER: 405}
    ),
    beheer_pagina("beheer bekijken op site", lambda s: "/beheer/r/1/1/", 404),
    beheer_pagina(
        "beheer wachtwoord van een ander",
        lambda s: reverse(
            "admin:auth_user_password_change", args=[s["gebruikers"][Rol.CASEMANAGER].pk]
        ),
        403,
    ),
    *[
        pagina
        for model in (
            User,
            Team,
            Organisatie,
            Gemeente,
            Resultaattype,
            ZRMAnker,
            Knelpuntcategorie,
        )
        for pagina in beheer_object(model)
    ],
    *[pagina for model in (EmailAddress, Authenticator) for pagina in beheer_verboden(model)],
]


PAGINAS = [
    Pagina("start", lambda s: reverse("start"), anders=200),
    Pagina("mijn account", lambda s: reverse("mijn_account"), anders=200),
    Pagina("beheer", lambda s: "/beheer/", {Rol.BEHEERDER: 200}),
    Pagina("beheer gebruikers", lambda s: "/beheer/stapteam/user/", {Rol.BEHEERDER: 200}),
    Pagina("beheer teams", lambda s: "/beheer/stapteam/team/", {Rol.BEHEERDER: 200}),
    Pagina(
        "beheer knelpuntcategorieen",
        lambda s: "/beheer/plannen/knelpuntcategorie/",
        {Rol.BEHEERDER: 200},
    ),
    Pagina(
        "beheer knelpuntcategorie nieuw",
        lambda s: "/beheer/plannen/knelpuntcategorie/add/",
        {Rol.BEHEERDER: 200},
    ),
    # The access log is not in the admin; only the privacy officer reads it.
    Pagina("beheer toegangslog", lambda s: "/beheer/stapteam/toegangslog/", {Rol.BEHEERDER: 404}),
    Pagina("toegangslog", lambda s: reverse("toegangslog"), {Rol.FUNCTIONARIS: 200}),
    Pagina(
        "toegangsaanvragen",
        lambda s: reverse("toegangsaanvragen"),
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    # --- the client dossier
    Pagina("clientenlijst", lambda s: reverse("clients:lijst"), TEAMROLLEN | {ANDER_TEAM: 200}),
    Pagina("mijn clienten", lambda s: reverse("clients:mijn"), TEAMROLLEN | {ANDER_TEAM: 200}),
    Pagina(
        "nieuwe client",
        lambda s: reverse("clients:nieuw"),
        {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 200},
    ),
    Pagina("dossier", client_url("dossier"), TEAMROLLEN | {ANDER_TEAM: 404}, per_client=True),
    Pagina("client wijzigen", client_url("wijzigen"), WIJZIGEN, per_client=True),
    Pagina("situatie", client_url("situatie", "woonsituatie"), WIJZIGEN, per_client=True),
    Pagina("toestemming nieuw", client_url("toestemming_nieuw"), WIJZIGEN, per_client=True),
    Pagina(
        "toestemming wijzigen", toestemming_url("toestemming_wijzigen"), WIJZIGEN, per_client=True
    ),
    Pagina("toestemming scan", toestemming_url("toestemming_scan"), WIJZIGEN, per_client=True),
    Pagina("overdragen", client_url("overdragen"), COORDINATOR, per_client=True),
    Pagina("caseload overdragen", lambda s: reverse("clients:caseload_overdragen"), COORDINATOR),
    Pagina("toegangslog client", client_url("toegangslog"), COORDINATOR, per_client=True),
    Pagina("inzage", client_url("inzage"), COORDINATOR, per_client=True),
    # --- contacts
    Pagina(
        "contact nieuw",
        client_url("contact_nieuw"),
        TEAMROLLEN | {ANDER_TEAM: 404},
        per_client=True,
    ),
    Pagina("contacten", client_url("contacten"), TEAMROLLEN | {ANDER_TEAM: 404}, per_client=True),
    Pagina(
        "contact corrigeren",
        lambda s: reverse("clients:contact_corrigeren", args=[s["client"].pk, s["contact"].pk]),
        # her author (the casemanager) within 7 days, and the coordinator always
        {Rol.CASEMANAGER: 200, Rol.COORDINATOR: 200, ANDER_TEAM: 404},
        per_client=True,
    ),
    # --- support (plannen)
    *[
        Pagina(naam, plannen_url(url_naam, *sleutels), verwacht, per_client=True)
        for naam, url_naam, sleutels, verwacht in [
            ("plan nieuw", "plan_nieuw", (), WIJZIGEN),
            ("plan", "plan", ("plan",), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("plan afdrukken", "plan_afdrukken", ("plan",), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("plan wijzigen", "plan_wijzigen", ("plan",), WIJZIGEN),
            ("doel nieuw", "doel_nieuw", ("plan",), WIJZIGEN),
            ("doel wijzigen", "doel_wijzigen", ("doel",), WIJZIGEN),
            ("actiepunt nieuw", "actiepunt_nieuw", ("doel",), WIJZIGEN),
            ("actiepunt wijzigen", "actiepunt_wijzigen", ("actiepunt",), WIJZIGEN),
            ("zrm", "zrm", (), TEAMROLLEN | {ANDER_TEAM: 404}),
            ("zrm nieuw", "zrm_nieuw", (), WIJZIGEN),
            ("resultaat nieuw", "resultaat_nieuw", (), WIJZIGEN),
            ("knelpunt nieuw", "knelpunt_nieuw", (), WIJZIGEN),
            ("knelpunt wijzigen", "knelpunt_wijzigen", ("knelpunt",), WIJZIGEN),
            ("escalatie nieuw", "escalatie_nieuw", (), WIJZIGEN),
        ]
    ],
    Pagina(
        "escalaties",
        lambda s: reverse("plannen:escalaties"),
        TEAMROLLEN | {Rol.PROCESREGISSEUR: 200, ANDER_TEAM: 200},
    ),
    Pagina(
        "escalatie",
        lambda s: reverse("plannen:escalatie", args=[s["escalatie"].pk]),
        # the procesregisseur it was sent to sees it while it is open
        TEAMROLLEN | {Rol.PROCESREGISSEUR: 200, ANDER_TEAM: 404},
        per_client=True,
        # the ervaringsdeskundige reads it but does not add progress
        post={Rol.ERVARINGSDESKUNDIGE: 403},
    ),
    # --- permits (vergunningen) and budget: not for the ervaringsdeskundige
    Pagina(
        "vergunningenlijst", lambda s: reverse("vergunningen:lijst"), BEHEREN | {ANDER_TEAM: 200}
    ),
    Pagina("vergunningen exporteren", lambda s: reverse("vergunningen:exporteren"), COORDINATOR),
    Pagina(
        "uitwisselwerkboek",
        lambda s: reverse("rapportage:werkboek"),
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    Pagina(
        "vergunning nieuw", object_url("vergunningen:nieuw", "client"), WIJZIGEN, per_client=True
    ),
    *[
        Pagina(
            naam, object_url(f"vergunningen:{url_naam}", "vergunning"), WIJZIGEN, per_client=True
        )
        for naam, url_naam in [
            ("vergunning", "vergunning"),
            ("aanvraag wijzigen", "aanvraag_wijzigen"),
            ("besluit", "besluit"),
            ("bezwaar", "bezwaar"),
        ]
    ],
    Pagina("budgetten", lambda s: reverse("budget:lijst"), BEHEREN | {ANDER_TEAM: 200}),
    Pagina("budget nieuw", lambda s: reverse("budget:nieuw"), COORDINATOR),
    Pagina("te beoordelen", lambda s: reverse("budget:goedkeuren"), COORDINATOR),
    Pagina("budget", object_url("budget:budget", "budget"), WIJZIGEN, per_client=True),
    Pagina(
        "budget wijzigen", object_url("budget:wijzigen", "budget"), COORDINATOR, per_client=True
    ),
    Pagina("uitgave nieuw", lambda s: reverse("budget:uitgave_nieuw"), BEHEREN | {ANDER_TEAM: 200}),
    Pagina(
        "uitgave nieuw voor client",
        lambda s: reverse("budget:uitgave_nieuw") + f"?client={s['client'].pk}",
        WIJZIGEN,
        per_client=True,
    ),
    Pagina(
        "time-out nieuw", lambda s: reverse("budget:timeout_nieuw"), BEHEREN | {ANDER_TEAM: 200}
    ),
    Pagina(
        "time-out nieuw voor client",
        lambda s: reverse("budget:timeout_nieuw") + f"?client={s['client'].pk}",
        WIJZIGEN,
        per_client=True,
    ),
    Pagina(
        "uitgave beoordelen",
        object_url("budget:beoordelen", "wachtend"),
        COORDINATOR,
        per_client=True,
    ),
    Pagina(
        "uitgave corrigeren", object_url("budget:corrigeren", "uitgave"), WIJZIGEN, per_client=True
    ),
    Pagina("bonnetje", object_url("budget:bonnetje", "uitgave"), WIJZIGEN, per_client=True),
    # Reports: exact figures for the coordinator of the team only.
    Pagina("evaluatierapport", lambda s: reverse("rapportage:evaluatie"), COORDINATOR),
    Pagina(
        "evaluatierapport pdf",
        lambda s: reverse("rapportage:evaluatie") + "?formaat=pdf",
        COORDINATOR,
    ),
    Pagina(
        "dashboard",
        lambda s: reverse("rapportage:dashboard"),
        # another municipality's user gets her own municipality's figures (tested there)
        {Rol.GEMEENTE: 200, Rol.PROCESREGISSEUR: 200, ANDERE_GEMEENTE: 200},
    ),
    Pagina(
        "voortgangsmonitor",
        lambda s: reverse("rapportage:monitor") + "?maand=2025-01&formaat=csv",
        COORDINATOR,
    ),
    # Barriers per category with the team's memos: the coordinator writes them; the
    # printable overview is hers (exact) and her municipality's (suppressed).
    Pagina("knelpunten en notities", lambda s: reverse("rapportage:knelpunten"), COORDINATOR),
    Pagina(
        "knelpuntnotitie",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]),
        COORDINATOR,
    ),
    Pagina(
        "knelpuntnotitie van een onbekende categorie",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bestaat_niet"]),
        {Rol.COORDINATOR: 404},
    ),
    Pagina(
        "knelpuntnotitie van een ander team",
        lambda s: (
            reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]) + "?team=stapteam-arnhem"
        ),
        {Rol.COORDINATOR: 404},
    ),
    Pagina(
        "knelpunten afdrukken",
        lambda s: reverse("rapportage:knelpunten_afdrukken", args=[s["team"].code]),
        {Rol.COORDINATOR: 200, Rol.GEMEENTE: 200, Rol.PROCESREGISSEUR: 200, ANDERE_GEMEENTE: 404},
    ),
    # Arnhem belongs to another municipality and has another coordinator.
    Pagina(
        "knelpunten afdrukken van een ander team",
        lambda s: reverse("rapportage:knelpunten_afdrukken", args=["stapteam-arnhem"]),
        # for the municipality of Arnhem it is her own team
        {Rol.COORDINATOR: 404, Rol.GEMEENTE: 404, Rol.PROCESREGISSEUR: 404, ANDERE_GEMEENTE: 200},
    ),
    Pagina(
        "evaluatierapport van een ander team",
        lambda s: reverse("rapportage:evaluatie") + "?team=stapteam-arnhem",
        {Rol.COORDINATOR: 404},
    ),
    *ACCOUNTPAGINAS,
    *BEHEERPAGINAS,
]


@pytest.fixture
def scenario(team, ander_team):
    gebruikers = {rol: UserFactory(rol=rol, team=team) for rol in Rol.values}
    gebruikers[ANDER_TEAM] = UserFactory(rol=Rol.CASEMANAGER, team=ander_team)
    gebruikers[ANDERE_GEMEENTE] = UserFactory(rol=Rol.GEMEENTE, team=ander_team)
    client = ClientFactory(team=team, casemanager=gebruikers[Rol.CASEMANAGER])
    toestemming = client_services.toestemming_vastleggen(
        client=client,
        ondertekend_op=dt.date(2024, 1, 1),
        versie="1",
        partijen=Organisatie.objects.filter(code="zvh"),
        scan=SimpleUploadedFile("scan.pdf", eenvoudige_pdf(["Toestemming"])),
        door=None,
    )
    # An anchor text, as a licensed organisation loads them, and an e-mail address, for
    # the admin's pages.
    EmailAddress.objects.create(
        user=gebruikers[Rol.CASEMANAGER], email="casemanager@example.org", primary=True
    )
    ZRMAnker.objects.create(domein=ZRMDomein.values[0], niveau=1, tekst="Acute problematiek")
    return {
        "team": team,
        "ander_team": ander_team,
        "gebruikers": gebruikers,
        "client": client,
        "toestemming": toestemming,
        "contact": client_services.contact_registreren(
            client=client, door=gebruikers[Rol.CASEMANAGER], soort="face_to_face"
        ),
        **begeleiding(client, gebruikers),
        **vergunning_en_budget(client, gebruikers),
    }


def vergunning_en_budget(client, gebruikers):
    """A permit application, a flex budget of this year, an approved spend with a receipt
    and one above the threshold that waits for the coordinator."""
    casemanager = gebruikers[Rol.CASEMANAGER]
    vandaag = timezone.localdate()
    budget = budget_services.budget_aanmaken(
        team=client.team,
        naam="Flexbudget",
        soort="flexbudget",
        van=vandaag.replace(month=1, day=1),
        tot=vandaag.replace(month=12, day=31),
        bedrag=Decimal("1000.00"),
        door=gebruikers[Rol.COORDINATOR],
    )

    def uitgave(bedrag, **meer):
        return budget_services.uitgave_registreren(
            budget=budget,
            datum=vandaag,
            bedrag=Decimal(bedrag),
            categorie="kleding",
            client=client,
            door=casemanager,
            **meer,
        )

    return {
        "vergunning": vergunning_services.aanvraag_registreren(
            client=client,
            aanvraag_op=dt.date(2024, 1, 1),
            soort="nieuw",
            werkt_sinds_peildatum=True,
            zorg_sinds_peildatum=False,
            door=casemanager,
        ),
        "budget": budget,
        "uitgave": uitgave(
            "10.00", bonnetje=SimpleUploadedFile("bon.pdf", eenvoudige_pdf(["Bon"]))
        ),
        "wachtend": uitgave("300.00"),
    }


def begeleiding(client, gebruikers):
    """A plan with a goal and an action, a barrier and an open escalation."""
    casemanager = gebruikers[Rol.CASEMANAGER]
    plan = plannen_services.plan_opstellen(
        client=client, door=casemanager, opgesteld_op=dt.date(2024, 1, 1), status="actief"
    )
    doel = plannen_services.doel_toevoegen(
        client=client, plan=plan, door=casemanager, levensdomein="wonen", omschrijving="Huis"
    )
    return {
        "plan": plan,
        "doel": doel,
        "actiepunt": plannen_services.actiepunt_toevoegen(
            doel=doel, door=casemanager, wie="client", omschrijving="Inschrijven"
        ),
        "knelpunt": plannen_services.knelpunt_vastleggen(
            client=client,
            door=casemanager,
            datum=dt.date(2024, 1, 1),
            levensdomein="wonen",
            categorie="bw_wachtlijst",
            omschrijving="Wachtlijst",
        ),
        "escalatie": plannen_services.escalatie_openen(
            client=client,
            procesregisseur=gebruikers[Rol.PROCESREGISSEUR],
            door=casemanager,
            reden="Vast",
            verzoek="Hulp",
        ),
    }


def verwacht_antwoord(pagina: Pagina, rol: str, methode: str = "GET"):
    if methode == "POST" and rol in pagina.post:
        return pagina.post[rol]
    if methode == "POST" and rol != ANONIEM and IEDEREEN in pagina.post:
        return pagina.post[IEDEREEN]
    if rol == ANONIEM:
        return pagina.anoniem
    return pagina.verwacht.get(rol, pagina.anders)


def afwijkingen(client, scenario, pagina: Pagina, methode: str, volgen: bool = True):
    """Every role's answer to the page, where it is not the one the table expects:
    a list of (role, expected, answer). One scenario serves all roles, one after another."""
    gevonden = []
    for rol in ALLE_ROLLEN:
        client.logout()
        if rol != ANONIEM:
            client.force_login(scenario["gebruikers"][rol])
        versturen = client.get if methode == "GET" else client.post
        antwoord = versturen(pagina.url(scenario), follow=volgen)
        verwacht = verwacht_antwoord(pagina, rol, methode)
        if verwacht == INLOGGEN:
            naar_inloggen = (
                antwoord.request["PATH_INFO"] == "/accounts/login/" and antwoord.redirect_chain
                if volgen
                else antwoord.status_code == 302
                and antwoord["Location"].startswith("/accounts/login/")
            )
            if not naar_inloggen:
                gevonden.append((rol, verwacht, antwoord.status_code))
        elif antwoord.status_code != verwacht:
            gevonden.append((rol, verwacht, antwoord.status_code))
    return gevonden


@pytest.mark.parametrize("methode", ["GET", "POST"])
@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_toegang(client, scenario, pagina, methode):
    """Every role, GET and POST. A POST is answered as the GET unless the row says
    otherwise: a form comes back with its errors, and a role that may not see the page
    may not post to it."""
    assert afwijkingen(client, scenario, pagina, methode) == []


@pytest.mark.parametrize("pagina", [p for p in PAGINAS if p.per_client], ids=lambda p: p.naam)
def test_coordinator_van_ander_team_krijgt_404(client, scenario, pagina):
    """Coordinator rights are for one's own team: another team's client does not exist."""
    client.force_login(UserFactory(rol=Rol.COORDINATOR, team=scenario["ander_team"]))
    assert client.get(pagina.url(scenario)).status_code == 404


# Endpoints that only accept POST (a GET answers 405): the same matrix, posted.
POST_PAGINAS = [
    Pagina(
        "toestemming controleren",
        toestemming_url("toestemming_controleren"),
        {Rol.CASEMANAGER: 302, Rol.COORDINATOR: 302, ANDER_TEAM: 404},
    ),
    Pagina("inzage downloaden", client_url("inzage_downloaden"), COORDINATOR),
    Pagina(
        "werkboek exporteren",
        lambda s: reverse("rapportage:werkboek_exporteren") + f"?team={s['team'].code}",
        COORDINATOR,
    ),
    # Without a file the upload form comes back with its error.
    Pagina(
        "werkboek importeren",
        lambda s: reverse("rapportage:werkboek_importeren") + f"?team={s['team'].code}",
        {Rol.COORDINATOR: 200, Rol.BEHEERDER: 200},
    ),
    # An empty memo is a memo (nothing to tell yet): saved, back to the overview.
    Pagina(
        "knelpuntnotitie opslaan",
        lambda s: reverse("rapportage:knelpuntnotitie", args=["bw_wachtlijst"]),
        {Rol.COORDINATOR: 302},
    ),
    # Keeping the session alive: for whoever is logged in.
    Pagina("sessie verlengen", lambda s: reverse("sessie_verlengen"), anders=204),
    # A request that does not exist: the same 404 for those who judge requests.
    Pagina(
        "toegangsaanvraag beoordelen",
        lambda s: reverse("toegangsaanvraag_beoordelen", args=[999_999]),
        {Rol.COORDINATOR: 404, Rol.BEHEERDER: 404},
    ),
    # A token that was never handed out.
    Pagina(
        "werkboek bevestigen",
        lambda s: reverse("rapportage:werkboek_bevestigen", args=["onbekend"]),
        {Rol.COORDINATOR: 404, Rol.BEHEERDER: 404},
    ),
]


@pytest.mark.parametrize("pagina", POST_PAGINAS, ids=lambda p: p.naam)
def test_toegang_post(client, scenario, pagina):
    assert afwijkingen(client, scenario, pagina, "POST", volgen=False) == []


def routes(patronen=None, namespace=""):
    """Every named route of the URL resolver, as ``namespace:naam``."""
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if isinstance(patroon, URLResolver):
            binnen = ":".join(deel for deel in (namespace, patroon.namespace) if deel)
            yield from routes(patroon.url_patterns, binnen)
        elif patroon.name:
            yield f"{namespace}:{patroon.name}" if namespace else patroon.name


# Routes that are in no row, and why.
BUITEN_DE_TABEL = {
    # the admin's index of one app needs an app label; ``beheer app`` covers it
    "admin:app_list": "beheer app",
}


def test_elke_route_heeft_een_regel_in_de_tabel(scenario):
    """A new page cannot be added without deciding, here, who may reach it."""
    gedekt = set(BUITEN_DE_TABEL)
    for pagina in [*PAGINAS, *POST_PAGINAS]:
        gedekt.add(resolve(urlsplit(pagina.url(scenario)).path).view_name)
    zonder_regel = sorted(set(routes()) - gedekt)
    assert zonder_regel == [], f"routes zonder regel in de toegangsmatrix: {zonder_regel}"


def onbekend_object(url: str) -> str:
    """The same page with every object id in its path replaced by one that does not exist."""
    delen = urlsplit(url)
    gevonden = resolve(delen.path)
    kwargs = {
        sleutel: 999_999 if isinstance(waarde, int) else waarde
        for sleutel, waarde in gevonden.kwargs.items()
    }
    pad = reverse(gevonden.view_name, args=gevonden.args, kwargs=kwargs)
    query = urlencode(
        {
            sleutel: 999_999 if waarde.isdigit() else waarde
            for sleutel, waarde in parse_qsl(delen.query)
        }
    )
    return f"{pad}?{query}" if query else pad


OBJECTPAGINAS = [
    pagina
    for pagina in [*PAGINAS, *POST_PAGINAS]
    if pagina.per_client and not pagina.naam.startswith("beheer")
]


@pytest.mark.parametrize("pagina", OBJECTPAGINAS, ids=lambda p: p.naam)
def test_een_object_dat_niet_bestaat_geeft_404(client, scenario, pagina):
    """For every role that may use the page: 404, never a server error."""
    url = onbekend_object(pagina.url(scenario))
    assert url != pagina.url(scenario)
    for rol, antwoord in pagina.verwacht.items():
        if antwoord in (200, 302):
            client.force_login(scenario["gebruikers"][rol])
            assert client.get(url).status_code == 404, (rol, url)
            assert client.post(url).status_code == 404, (rol, url)
