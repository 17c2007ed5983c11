"""Demo clients: about twenty in Nijmegen and three in Arnhem, all fictional.

Their situation mirrors the team's evaluation (20 women in view, most housed, ten with
a guardian, varied support) so the demo's reports look like the real ones. Dates are
relative to today, so consent states (valid, expiring, expired, withdrawn, missing)
stay varied whenever the demo is made. Part of ``manage.py seed_demo``.
"""

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clients import services
from clients.constants import ContactSoort, Kenmerk, Locatie, Status, UitstroomReden
from clients.models import Client, Contact
from clients.selectors import met_situatie
from stapteam.demo import DemoContext
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie

# roepnaam, woonsituatie, intensiteit, zone, uitstap, bewind, budgetbeheer, tevredenheid,
# toestemming ("geldig", "binnenkort", "verlopen", "ingetrokken", "geen")
NIJMEGEN = [
    (
        "Kim",
        "mfc_nachtopvang",
        "zeer_intensief",
        "regelmatig",
        "niet",
        "ja",
        "nee",
        "tevreden",
        "geldig",
    ),
    (
        "Priscilla",
        "mfc_nachtopvang",
        "intensief",
        "regelmatig",
        "niet",
        "ja",
        "nee",
        "matig",
        "geldig",
    ),
    ("Naomi", "mfc_nachtopvang", "licht", "zelden", "niet", "nee", "nee", "tevreden", "binnenkort"),
    (
        "Chantal",
        "mfc_nachtopvang",
        "geen",
        "niet",
        "niet",
        "nee",
        "nee",
        "niet_tevreden",
        "verlopen",
    ),
    (
        "Bianca",
        "bw_iriszorg",
        "intensief",
        "regelmatig",
        "in_proces",
        "ja",
        "ja",
        "tevreden",
        "geldig",
    ),
    ("Sharon", "bw_iriszorg", "licht", "niet", "uitgestapt", "ja", "nee", "tevreden", "geldig"),
    (
        "Mandy",
        "bw_iriszorg",
        "intensief",
        "regelmatig",
        "niet",
        "ja",
        "nee",
        "tevreden_met_kanttekening",
        "geldig",
    ),
    ("Jessica", "zelfstandig", "licht", "regelmatig", "niet", "nee", "nee", "tevreden", "geldig"),
    ("Linda", "zelfstandig", "licht", "regelmatig", "niet", "ja", "nee", "tevreden", "geldig"),
    ("Wendy", "zelfstandig", "licht", "zelden", "niet", "nee", "nee", "tevreden", "geldig"),
    (
        "Sandra",
        "zelfstandig",
        "intensief",
        "regelmatig",
        "in_proces",
        "ja",
        "nee",
        "tevreden",
        "ingetrokken",
    ),
    ("Tamara", "zelfstandig", "licht", "niet", "uitgestapt", "nee", "nee", "tevreden", "geldig"),
    ("Angela", "zelfstandig", "licht", "zelden", "niet", "nee", "nee", "matig", "geldig"),
    (
        "Debby",
        "zelfstandig",
        "zeer_intensief",
        "regelmatig",
        "niet",
        "ja",
        "ja",
        "niet_tevreden",
        "verlopen",
    ),
    ("Ilse", "zelfstandig", "licht", "niet", "uitgestapt", "nee", "nee", "tevreden", "geldig"),
    ("Yvonne", "zelfstandig", "licht", "zelden", "niet", "nee", "nee", "tevreden", "geldig"),
    (
        "Roxanne",
        "dakloos",
        "zeer_intensief",
        "regelmatig",
        "niet",
        "ja",
        "nee",
        "niet_tevreden",
        "geen",
    ),
    ("Samira", "dakloos", "intensief", "regelmatig", "niet", "nee", "nee", "tevreden", "geldig"),
    ("Kelly", "leger_des_heils", "intensief", "niet", "niet", "ja", "nee", "tevreden", "geldig"),
    ("Nicole", "de_aanvang", "geen", "niet", "niet", "nee", "nee", "tevreden", "geen"),
]
ARNHEM = [
    ("Esther", "zelfstandig", "licht", "regelmatig", "niet", "nee", "nee", "tevreden", "geldig"),
    (
        "Monique",
        "mfc_nachtopvang",
        "intensief",
        "regelmatig",
        "niet",
        "ja",
        "nee",
        "matig",
        "geldig",
    ),
    ("Dana", "dakloos", "zeer_intensief", "zelden", "niet", "nee", "nee", "tevreden", "geen"),
]
ACHTERNAMEN = [
    "de Wit",
    "Smits",
    "Verhoeven",
    "van Leeuwen",
    "Hermans",
    "Peeters",
    "Kuipers",
    "Bos",
    "Mulder",
    "Brouwer",
    "van den Berg",
    "Dekker",
    "Vos",
    "Claassen",
]
KENMERKEN = [
    Kenmerk.WOONSITUATIE,
    Kenmerk.INTENSITEIT,
    Kenmerk.ZONE_ACTIVITEIT,
    Kenmerk.UITSTAP_STATUS,
    Kenmerk.BEWINDVOERING,
    Kenmerk.BUDGETBEHEER,
    Kenmerk.TEVREDENHEID,
]
START = dt.date(2021, 8, 1)  # the start of the approach


def _bsn(willekeur: random.Random) -> str:
    while True:
        cijfers = [willekeur.randint(0, 9) for _ in range(8)]
        rest = sum(c * g for c, g in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10 and cijfers[0] != 0:
            return "".join(map(str, cijfers)) + str(rest)


def _toestemming(client, soort, vandaag, door, willekeur, organisaties):
    if soort == "geen":
        return
    if soort == "verlopen":
        geldig_tot = vandaag - dt.timedelta(days=willekeur.randint(10, 90))
    elif soort == "binnenkort":
        geldig_tot = vandaag + dt.timedelta(days=willekeur.randint(5, 25))
    else:
        geldig_tot = vandaag + dt.timedelta(days=willekeur.randint(120, 700))
    ondertekend = max(client.in_beeld_sinds, geldig_tot - dt.timedelta(days=730))
    ondertekend = min(ondertekend, vandaag)
    scan = None
    if willekeur.random() < 0.5:
        scan = SimpleUploadedFile(
            "scan.pdf",
            eenvoudige_pdf(
                [
                    "Toestemmingsformulier (fictief, demo)",
                    f"Client {client.code}",
                    f"Ondertekend {ondertekend:%d-%m-%Y}",
                ]
            ),
            content_type="application/pdf",
        )
    toestemming = services.toestemming_vastleggen(
        client=client,
        ondertekend_op=ondertekend,
        versie="2021-1",
        geldig_tot=geldig_tot,
        partijen=organisaties,
        scan=scan,
        door=door,
    )
    if soort == "ingetrokken":
        services.toestemming_wijzigen(
            toestemming=toestemming,
            door=door,
            ingetrokken_op=vandaag - dt.timedelta(days=willekeur.randint(3, 60)),
        )


def _team_clienten(context: DemoContext, teamcode: str, rijen, casemanagers, ed, coordinator):
    team = context.teams[teamcode]
    willekeur = random.Random(f"demo-{teamcode}")
    vandaag = timezone.localdate()
    organisaties = list(
        Organisatie.objects.filter(code__in=["iriszorg", "leger_des_heils", "ggd", "zvh"])
    )
    for nummer, rij in enumerate(rijen, start=1):
        roepnaam, woon, intensiteit, zone, uitstap, bewind, budget, tevreden, toestemming = rij
        code = f"{nummer:04d}"
        if Client.objects.filter(team=team, code=code).exists():
            continue
        in_beeld = START + dt.timedelta(days=willekeur.randint(0, 500))
        uitgestroomd = intensiteit == "geen"
        client = services.client_aanmaken(
            team=team,
            code=code,
            door=coordinator,
            roepnaam=roepnaam,
            voornaam=roepnaam if willekeur.random() < 0.6 else "",
            achternaam=willekeur.choice(ACHTERNAMEN),
            geboortedatum=dt.date(
                willekeur.randint(1970, 2002), willekeur.randint(1, 12), willekeur.randint(1, 28)
            ),
            bsn=_bsn(willekeur) if willekeur.random() < 0.7 else "",
            postadres="Postbus 9105, 6500 HG Nijmegen" if woon == "dakloos" else "",
            is_briefadres=woon == "dakloos",
            in_beeld_sinds=in_beeld,
            status=Status.ACTIEF,
            casemanager=casemanagers[nummer % len(casemanagers)],
            ervaringsdeskundige=ed if ed and nummer % 5 not in (0, 3) else None,
        )
        waarden = dict(
            zip(
                KENMERKEN, [woon, intensiteit, zone, uitstap, bewind, budget, tevreden], strict=True
            )
        )
        # Where she lived at first: many women started homeless or in the night shelter.
        eerder = willekeur.choice(["dakloos", "mfc_nachtopvang", "bij_derden", woon])
        if eerder != woon:
            services.situatie_vastleggen(
                client=client,
                kenmerk=Kenmerk.WOONSITUATIE,
                waarde=eerder,
                datum=in_beeld,
                door=coordinator,
            )
        for kenmerk, waarde in waarden.items():
            datum = in_beeld + dt.timedelta(days=willekeur.randint(30, 400))
            services.situatie_vastleggen(
                client=client,
                kenmerk=kenmerk,
                waarde=waarde,
                datum=min(datum, vandaag),
                door=coordinator,
            )
        _toestemming(client, toestemming, vandaag, coordinator, willekeur, organisaties)
        if uitgestroomd:
            services.client_wijzigen(
                client=client,
                door=coordinator,
                status=Status.UITGESTROOMD,
                uitstroom_datum=min(vandaag, in_beeld + dt.timedelta(days=420)),
                uitstroom_reden=UitstroomReden.GEEN_VERGUNNING_GEWENST,
            )


def clienten(context: DemoContext) -> None:
    g = context.gebruikers
    _team_clienten(
        context,
        "stapteam-nijmegen",
        NIJMEGEN,
        [g["casemanager1"], g["casemanager2"]],
        g["ervaringsdeskundige1"],
        g["coordinator1"],
    )
    _team_clienten(context, "stapteam-arnhem", ARNHEM, [g["casemanager3"]], None, g["casemanager3"])


# How often the team sees each woman, by intensity of support: contacts per week.
CONTACT_FREQUENTIE = {"zeer_intensief": 1.6, "intensief": 1.1, "licht": 0.45, "geen": 0.05}
NOTITIES = [
    "Even bijgepraat op de zone, gaat redelijk.",
    "Samen naar de huisarts geweest.",
    "Gesproken over de aanvraag bij de woningcorporatie.",
    "Niet lekker, afgesproken om morgen terug te komen.",
    "Post doorgenomen, brief van de bewindvoerder besproken.",
    "Koffie gedronken in de huiskamer.",
    "Wil graag naar de tandarts, afspraak gemaakt.",
    "Onrustig, zorgen over veiligheid besproken.",
    "",
    "",
]


def contacten(context: DemoContext) -> None:
    """A year of contacts: most women weekly, some monthly, some rarely."""
    vandaag = timezone.localdate()
    for teamcode in ("stapteam-nijmegen", "stapteam-arnhem"):
        team = context.teams[teamcode]
        if Contact.objects.filter(client__team=team).exists():
            continue
        willekeur = random.Random(f"contacten-{teamcode}")
        clienten = met_situatie(
            Client.objects.filter(team=team), op=vandaag, kenmerken=["intensiteit"]
        )
        for client in clienten.select_related("casemanager", "ervaringsdeskundige"):
            per_week = CONTACT_FREQUENTIE.get(client.sit_intensiteit or "licht", 0.3)
            einde = client.uitstroom_datum or vandaag
            begin = max(client.in_beeld_sinds, vandaag - dt.timedelta(days=365))
            dag = begin
            while dag <= einde:
                stap = max(1, round(willekeur.expovariate(per_week / 7)))
                dag += dt.timedelta(days=stap)
                if dag > einde or not client.casemanager:
                    break
                door = client.casemanager
                if client.ervaringsdeskundige and willekeur.random() < 0.35:
                    door = client.ervaringsdeskundige
                nacht = willekeur.random() < 0.4
                uur = willekeur.choice([21, 22, 23]) if nacht else willekeur.randint(9, 17)
                tijdstip = timezone.make_aware(
                    dt.datetime.combine(dag, dt.time(uur, willekeur.choice([0, 15, 30, 45])))
                )
                if tijdstip > timezone.now():
                    break
                soort = willekeur.choices(
                    [
                        ContactSoort.FACE_TO_FACE,
                        ContactSoort.TELEFONISCH,
                        ContactSoort.DIGITAAL,
                        ContactSoort.POGING,
                        ContactSoort.NETWERKOVERLEG,
                    ],
                    weights=[60, 15, 8, 12, 5],
                )[0]
                services.contact_registreren(
                    client=client,
                    door=door,
                    soort=soort,
                    tijdstip=tijdstip,
                    locatie=Locatie.TIPPELZONE
                    if nacht
                    else willekeur.choice(
                        [Locatie.HUISKAMER, Locatie.MFC, Locatie.THUIS, Locatie.KANTOOR]
                    ),
                    duur_minuten=willekeur.choice([10, 15, 20, 30, 45, 60, 90]),
                    levensdomeinen=willekeur.sample(
                        [
                            "wonen",
                            "financien",
                            "middelengebruik",
                            "lichamelijke_gezondheid",
                            "veiligheid",
                            "sociaal_netwerk",
                            "documenten",
                            "uitstappen",
                        ],
                        k=willekeur.randint(0, 2),
                    ),
                    notitie=willekeur.choice(NOTITIES),
                    vertrouwelijk=door.rol != "ervaringsdeskundige" and willekeur.random() < 0.05,
                )
