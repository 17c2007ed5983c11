"""Demo support: plans with goals, two ZRM measurements for about half the women,
results, barriers and one open escalation. Fictional; part of ``manage.py seed_demo``."""

import datetime as dt
import random

from django.utils import timezone

from clients.constants import Status
from clients.models import Client
from clients.selectors import toestemming_dekt
from plannen import services
from plannen.constants import (
    ESCALATIE_ORGANISATIE,
    DoelStatus,
    KnelpuntCategorie,
    Methodiek,
    PlanStatus,
    Wie,
    ZRMDomein,
)
from plannen.models import Plan
from stapteam.demo import DemoContext

DOELEN = [
    ("wonen", "Ik wil een eigen plek, niet meer in de nachtopvang."),
    ("financien", "Ik wil mijn schulden op een rij en een bewindvoerder."),
    ("middelengebruik", "Minder gebruiken, vooral in het weekend."),
    ("lichamelijke_gezondheid", "Mijn tanden laten maken."),
    ("documenten", "Een nieuw ID-bewijs en een postadres."),
    ("veiligheid", "Niet meer alleen naar die ene klant."),
    ("uitstappen", "Uitzoeken wat ik kan doen als ik stop op de zone."),
    ("sociaal_netwerk", "Weer contact met mijn zus."),
    ("psychische_gezondheid", "Iemand om mee te praten over vroeger."),
    ("dagbesteding", "Iets doen overdag, koken bij de huiskamer."),
]
RESULTATEN = [
    "woonruimte_zoeken",
    "huisarts",
    "tandarts",
    "id_bewijs",
    "zorgverzekering",
    "bewind_aangevraagd",
    "uitkering_aangevraagd",
    "voedselbank",
    "contact_huiskamer",
    "intake_bw",
    "naar_mo",
    "dagbesteding",
]
KNELPUNTEN = [
    ("wonen", KnelpuntCategorie.BW_WACHTLIJST, "Wachtlijst beschermd wonen van ruim een jaar."),
    ("wonen", KnelpuntCategorie.TEKORT_OPVANG_VROUWEN, "Geen plek in opvang alleen voor vrouwen."),
    (
        "documenten",
        KnelpuntCategorie.POSTADRES,
        "Briefadres geweigerd zonder vaste verblijfplaats.",
    ),
    (
        "psychische_gezondheid",
        KnelpuntCategorie.DIAGNOSTIEK,
        "Geen diagnostiek zonder vaste woonplek.",
    ),
    (
        "middelengebruik",
        KnelpuntCategorie.EXCLUSIECRITERIA,
        "Behandeling weigert bij actief gebruik.",
    ),
    ("financien", KnelpuntCategorie.EIGEN_BIJDRAGE, "Eigen bijdrage BW maakt instroom onhaalbaar."),
]


def _score(willekeur: random.Random, basis: int) -> int | None:
    if willekeur.random() < 0.1:
        return None
    return max(1, min(5, basis + willekeur.choice([-1, 0, 0, 1])))


def begeleiding(context: DemoContext) -> None:
    team = context.teams["stapteam-nijmegen"]
    if Plan.objects.filter(client__team=team).exists():
        return
    vandaag = timezone.localdate()
    willekeur = random.Random("begeleiding")
    coordinator = context.gebruikers["coordinator1"]
    clienten = list(Client.objects.filter(team=team).select_related("casemanager").order_by("code"))
    for nummer, client in enumerate(clienten):
        door = client.casemanager or coordinator
        actief = client.status != Status.UITGESTROOMD
        # A plan for most women; the last few have none (one paused, one elsewhere).
        if actief and nummer < 16:
            opgesteld = client.in_beeld_sinds + dt.timedelta(days=willekeur.randint(20, 90))
            plan = services.plan_opstellen(
                client=client,
                door=door,
                opgesteld_op=min(opgesteld, vandaag),
                met_client=willekeur.random() < 0.85,
                status=PlanStatus.ACTIEF,
                evaluatie_op=vandaag + dt.timedelta(days=willekeur.randint(-20, 90)),
                methodieken=willekeur.sample(Methodiek.values, k=2),
                toelichting="",
            )
            for domein, tekst in willekeur.sample(DOELEN, k=willekeur.randint(2, 4)):
                doel = services.doel_toevoegen(
                    client=client,
                    plan=plan,
                    door=door,
                    levensdomein=domein,
                    omschrijving=tekst,
                    status=willekeur.choice(
                        [DoelStatus.OPEN, DoelStatus.LOOPT, DoelStatus.LOOPT, DoelStatus.BEHAALD]
                    ),
                    gesteld_op=plan.opgesteld_op,
                )
                services.actiepunt_toevoegen(
                    doel=doel,
                    door=door,
                    wie=willekeur.choice([Wie.CASEMANAGER, Wie.CLIENT, Wie.ERVARINGSDESKUNDIGE]),
                    omschrijving="Samen een afspraak maken en erheen gaan",
                    uiterlijk_op=vandaag + dt.timedelta(days=willekeur.randint(-10, 60)),
                )
        # Two measurements for about half: the later one mostly a little better.
        if nummer % 2 == 0:
            eerste = client.in_beeld_sinds + dt.timedelta(days=willekeur.randint(30, 60))
            tweede = min(vandaag, eerste + dt.timedelta(days=willekeur.randint(150, 400)))
            basis = {domein: willekeur.randint(1, 3) for domein in ZRMDomein.values}
            services.zrm_vastleggen(
                client=client,
                datum=eerste,
                door=door,
                scores={d: _score(willekeur, b) for d, b in basis.items()},
            )
            services.zrm_vastleggen(
                client=client,
                datum=tweede,
                door=door,
                scores={
                    d: _score(willekeur, b + willekeur.choice([0, 1, 1, 2]))
                    for d, b in basis.items()
                },
            )
        for _ in range(willekeur.randint(0, 3)):
            services.resultaat_vastleggen(
                client=client,
                soort=willekeur.choice(RESULTATEN),
                datum=min(
                    vandaag, client.in_beeld_sinds + dt.timedelta(days=willekeur.randint(20, 600))
                ),
                door=door,
            )
        if willekeur.random() < 0.35:
            domein, categorie, tekst = willekeur.choice(KNELPUNTEN)
            services.knelpunt_vastleggen(
                client=client,
                door=door,
                datum=min(
                    vandaag, client.in_beeld_sinds + dt.timedelta(days=willekeur.randint(30, 300))
                ),
                levensdomein=domein,
                categorie=categorie,
                omschrijving=tekst,
            )

    # One open escalation, for a woman whose consent covers the Zorg- en Veiligheidshuis.
    for client in clienten:
        if client.status != Status.UITGESTROOMD and toestemming_dekt(
            client, ESCALATIE_ORGANISATIE, op=vandaag
        ):
            services.escalatie_openen(
                client=client,
                procesregisseur=context.gebruikers["procesregisseur1"],
                door=coordinator,
                reden="Al een jaar op de wachtlijst voor beschermd wonen; slaapt wisselend "
                "in de nachtopvang en bij een klant.",
                verzoek="Doorbraak op een plek in beschermd wonen, met gedoogd gebruik.",
            )
            break
