"""One woman's story as events on the timeline: her registration, situation, consent,
contacts, plan, ZRM, results, barriers, escalation, handover, permits and outflow.

Everything goes through the same services as the pages. Each event reads what earlier
events made from ``Dossier``, since the objects exist only once the timeline is replayed.
A woman known before the team moved onto Stapteam gets her records up to then from the
team's workbook (``overstap``); ``overnemen`` then points her ``Dossier`` at those.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from clients import services as clients_services
from clients.constants import ContactSoort, Kenmerk, Locatie, Status
from clients.models import Client
from plannen import services as plannen_services
from plannen.constants import (
    ActiepuntStatus,
    DoelStatus,
    KnelpuntStatus,
    Methodiek,
    PlanStatus,
    Wie,
    ZRMDomein,
)
from plannen.models import Knelpunt
from rapportage.demo.tijdlijn import Tijdlijn
from rapportage.demo.verhaal import Vrouw
from stapteam.constants import Rol
from stapteam.datums import maanden_terug
from stapteam.demo_pdf import eenvoudige_pdf
from stapteam.models import Organisatie, Team, User
from vergunningen import services as vergunningen_services
from vergunningen.constants import Besluit, Soort
from vergunningen.models import Vergunning

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
DOELEN = {
    "wonen": "Ik wil een eigen plek, niet meer in de nachtopvang.",
    "financien": "Ik wil mijn schulden op een rij en een bewindvoerder.",
    "middelengebruik": "Minder gebruiken, vooral in het weekend.",
    "lichamelijke_gezondheid": "Mijn tanden laten maken.",
    "documenten": "Een nieuw ID-bewijs en een postadres.",
    "veiligheid": "Niet meer alleen naar die ene klant.",
    "uitstappen": "Uitzoeken wat ik kan doen als ik stop op de zone.",
    "sociaal_netwerk": "Weer contact met mijn zus.",
    "psychische_gezondheid": "Iemand om mee te praten over vroeger.",
    "dagbesteding": "Iets doen overdag, koken bij de huiskamer.",
}
NOTITIES = {
    ContactSoort.FACE_TO_FACE: [
        "Even bijgepraat op de zone, gaat redelijk.",
        "Samen naar de huisarts geweest.",
        "Gesproken over de aanvraag bij de woningcorporatie.",
        "Koffie gedronken in de huiskamer.",
        "Post doorgenomen, brief van de bewindvoerder besproken.",
        "Onrustig, zorgen over veiligheid besproken.",
        "Wil graag naar de tandarts, afspraak gemaakt.",
        "",
    ],
    ContactSoort.TELEFONISCH: [
        "Gebeld over de afspraak van morgen.",
        "Belde zelf, had vragen over een brief.",
        "",
    ],
    ContactSoort.DIGITAAL: [
        "Appje: afspraak bevestigd.",
        "Via WhatsApp foto van de brief gestuurd.",
        "",
    ],
    ContactSoort.POGING: [
        "Niet op de afspraak gekomen.",
        "Niet aangetroffen op de zone.",
        "Telefoon staat uit.",
    ],
    ContactSoort.NETWERKOVERLEG: [
        "Overleg met de bewindvoerder.",
        "Casusoverleg met de huisarts en de verslavingszorg.",
        "Afstemming met het MFC.",
    ],
}
DOMEINEN = [
    "wonen",
    "financien",
    "middelengebruik",
    "lichamelijke_gezondheid",
    "veiligheid",
    "sociaal_netwerk",
    "documenten",
    "uitstappen",
]
# Days between two contacts, by how often the team sees her.
TUSSENPOZEN = {"wekelijks": (2, 6), "maandelijks": (8, 17), "zelden": (20, 40)}
# How many days ago her latest contact was, by the same.
LAATSTE = {"wekelijks": (1, 4), "maandelijks": (2, 9), "zelden": (20, 26)}
# Before the last 15 months the team registered less: a contact every few weeks.
VOLLEDIG_GEREGISTREERD = 460
GERAAKT = [ContactSoort.FACE_TO_FACE, ContactSoort.TELEFONISCH, ContactSoort.DIGITAAL]
ZRM_BASIS = {"reeks": (1, 3), "recent": (2, 4)}


@dataclass
class Bezetting:
    """The team a story plays in and who works there."""

    team: Team
    casemanagers: list[User]
    coordinator: User
    ervaringsdeskundige: User | None
    procesregisseur: User | None
    partijen: list[Organisatie]
    vergunningnummers: dict[int, int] = field(default_factory=dict)


@dataclass
class Dossier:
    """What the replayed events of one woman have made so far."""

    client: Client | None = None
    plan: object = None
    doelen: list = field(default_factory=list)
    vergunning: object = None
    escalatie: object = None


def _bsn(willekeur: random.Random) -> str:
    while True:
        cijfers = [willekeur.randint(0, 9) for _ in range(8)]
        rest = sum(c * g for c, g in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10 and cijfers[0] != 0:
            return "".join(map(str, cijfers)) + str(rest)


def _pdf(naam: str, regels: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, eenvoudige_pdf(regels), content_type="application/pdf")


def _een_jaar_later(datum: dt.date) -> dt.date:
    return maanden_terug(datum, -12) - dt.timedelta(days=1)


class Verhaal:
    """Puts the events of one woman's story on the timeline."""

    def __init__(self, vrouw: Vrouw, nummer: int, t: Bezetting, tijdlijn: Tijdlijn):
        self.v, self.t, self.tl = vrouw, t, tijdlijn
        self.code = f"{nummer:04d}"
        self.w = random.Random(f"demo-{t.team.code}-{self.code}")
        self.d = Dossier()
        self.in_beeld = tijdlijn.dag(vrouw.in_beeld)
        self.einde = tijdlijn.dag(vrouw.uitstroom[0]) if vrouw.uitstroom else None

    # --- helpers -------------------------------------------------------------------------

    def dag(self, dagen_geleden: int | None) -> dt.date:
        return self.in_beeld if dagen_geleden is None else self.tl.dag(dagen_geleden)

    def casemanager_op(self, datum: dt.date) -> User:
        eerste = self.t.casemanagers[self.v.casemanager % len(self.t.casemanagers)]
        if self.v.overdracht and datum >= self.dag(self.v.overdracht[0]):
            return self.t.casemanagers[self.v.overdracht[1] % len(self.t.casemanagers)]
        return eerste

    def laatste_dag(self) -> dt.date:
        """The last day anything can happen in her story: her outflow or yesterday."""
        return self.einde or self.tl.dag(1)

    def overgestapt(self) -> bool:
        """Whether the team's workbook brings her into Stapteam (known before the move)."""
        return not self.tl.na_overstap(self.tl.tijdstip(self.in_beeld, 8))

    def na_de_import(self, moment: dt.datetime) -> dt.datetime:
        """``moment``, or for what she had before the move and the workbook cannot hold:
        the morning of the move, right after the import."""
        if self.overgestapt() and not self.tl.na_overstap(moment):
            return self.tl.overstap + dt.timedelta(hours=1)
        return moment

    def overnemen(self) -> None:
        """After the import: her dossier is what the workbook brought (nothing, if she
        came into view later)."""
        client = Client.objects.filter(team=self.t.team, code=self.code).first()
        self.d = Dossier(client=client)
        if client is None:
            return
        self.d.plan = client.plannen.order_by("-opgesteld_op", "-id").first()
        self.d.doelen = [
            (doel, doel.actiepunten.first()) for doel in client.doelen.order_by("gesteld_op", "id")
        ]
        self.d.vergunning = client.vergunningen.order_by("-aanvraag_op", "-id").first()

    # --- the story -----------------------------------------------------------------------

    def vertellen(self) -> None:
        self.registratie()
        self.situatie()
        self.toestemming()
        self.contacten()
        self.plan()
        self.zrm()
        self.resultaten_en_knelpunten()
        self.vergunningen()
        self.escalatie()
        self.overdracht()
        self.uitstroom()

    def registratie(self) -> None:
        v, w = self.v, self.w
        gegevens = {
            "roepnaam": v.roepnaam,
            "voornaam": v.roepnaam if w.random() < 0.6 else "",
            "achternaam": w.choice(ACHTERNAMEN),
            "geboortedatum": dt.date(w.randint(1970, 2002), w.randint(1, 12), w.randint(1, 28)),
            "bsn": _bsn(w) if w.random() < 0.7 else "",
            "postadres": "Postbus 9105, 6500 HG Nijmegen" if v.wonen[0][1] == "dakloos" else "",
            "is_briefadres": v.wonen[0][1] == "dakloos",
            "in_beeld_sinds": self.in_beeld,
            "status": Status.AANGEMELD if v.in_beeld < 30 else Status.ACTIEF,
            "casemanager": self.casemanager_op(self.in_beeld),
            "ervaringsdeskundige": self.t.ervaringsdeskundige if v.ervaringsdeskundige else None,
        }

        def aanmaken():
            self.d.client = clients_services.client_aanmaken(
                team=self.t.team, code=self.code, door=self.t.coordinator, **gegevens
            )

        self.tl.op(self.tl.tijdstip(self.in_beeld, 8), aanmaken)
        if gegevens["postadres"] and self.overgestapt():
            # §7 has no column for her postal address: entered after the import.
            self.tl.op(
                self.na_de_import(self.tl.overstap),
                lambda: clients_services.client_wijzigen(
                    client=self.d.client,
                    door=self.t.coordinator,
                    postadres=gegevens["postadres"],
                    is_briefadres=gegevens["is_briefadres"],
                ),
            )

    def situatie(self) -> None:
        verlopen = {
            Kenmerk.WOONSITUATIE: self.v.wonen,
            Kenmerk.INTENSITEIT: self.v.intensiteit,
            Kenmerk.ZONE_ACTIVITEIT: self.v.zone,
            Kenmerk.UITSTAP_STATUS: self.v.uitstap,
            Kenmerk.BEWINDVOERING: self.v.bewind,
            Kenmerk.BUDGETBEHEER: self.v.budgetbeheer,
            Kenmerk.TEVREDENHEID: self.v.tevredenheid,
            Kenmerk.ZORGVERZEKERING: ((None, "ja"),),
        }
        for kenmerk, verloop in verlopen.items():
            for dagen_geleden, waarde in verloop:
                datum = max(self.dag(dagen_geleden), self.in_beeld)
                self.tl.op(
                    self.tl.tijdstip(datum, 9),
                    lambda k=kenmerk, w=waarde, d=datum: clients_services.situatie_vastleggen(
                        client=self.d.client,
                        kenmerk=k,
                        waarde=w,
                        datum=d,
                        door=self.casemanager_op(d),
                    ),
                )

    def toestemming(self) -> None:
        """Consent forms valid for two years, each renewed a few weeks before it runs out;
        the story decides how her latest one stands today."""
        soort = self.v.toestemming
        if soort == "geen":
            return
        eerste = self.in_beeld + dt.timedelta(days=self.w.randint(5, 20))
        if soort in ("binnenkort", "verlopen"):
            dagen = -self.w.randint(8, 25) if soort == "binnenkort" else self.w.randint(20, 50)
            laatste_tot = self.tl.dag(dagen)
            laatste_op = max(eerste, maanden_terug(laatste_tot, 24))
            formulieren = self._reeks(eerste, laatste_op) if eerste < laatste_op else []
            formulieren.append((laatste_op, laatste_tot))
        else:
            formulieren = self._reeks(eerste, self.laatste_dag())
        for ondertekend, geldig_tot in formulieren:
            self._toestemming_op(ondertekend, geldig_tot)
        if soort == "ingetrokken":

            def intrekken():
                laatste = self.d.client.toestemmingen.order_by("-ondertekend_op").first()
                clients_services.toestemming_wijzigen(
                    toestemming=laatste, door=self.t.coordinator, ingetrokken_op=self.einde
                )

            self.tl.op(self.tl.tijdstip(self.einde, 17), intrekken)

    def _reeks(self, eerste: dt.date, tot_en_met: dt.date) -> list[tuple[dt.date, dt.date]]:
        """Forms signed from ``eerste`` on, renewed until one outlasts ``tot_en_met``."""
        formulieren, ondertekend = [], eerste
        while True:
            geldig_tot = maanden_terug(ondertekend, -24)
            formulieren.append((ondertekend, geldig_tot))
            if geldig_tot - dt.timedelta(days=40) > tot_en_met:
                return formulieren
            volgende = geldig_tot - dt.timedelta(days=self.w.randint(10, 25))
            ondertekend = min(volgende, tot_en_met)
            if ondertekend <= formulieren[-1][0]:
                return formulieren

    def _toestemming_op(self, ondertekend: dt.date, geldig_tot: dt.date) -> None:
        door = self.casemanager_op(ondertekend)
        # A form signed before the move is on paper: the workbook carries no scans.
        scan = self.w.random() < 0.6 and self.tl.na_overstap(self.tl.tijdstip(ondertekend, 12))

        def vastleggen():
            toestemming = clients_services.toestemming_vastleggen(
                client=self.d.client,
                ondertekend_op=ondertekend,
                versie="2021-1",
                geldig_tot=geldig_tot,
                partijen=self.t.partijen,
                scan=_pdf(
                    "toestemming.pdf",
                    [
                        "Toestemmingsformulier (fictief, demo)",
                        f"Client {self.code}",
                        f"Ondertekend {ondertekend:%d-%m-%Y}",
                    ],
                )
                if scan
                else None,
                door=door,
            )
            clients_services.toestemming_controleren(
                toestemming=toestemming, door=self.t.coordinator
            )

        self.tl.op(self.tl.tijdstip(ondertekend, 12), vastleggen)

    def contacten(self) -> None:
        """Her contacts, from the latest back to the day she came into view."""
        v, w = self.v, self.w
        frequentie = v.frequentie
        laag, hoog = LAATSTE[frequentie]
        dag = (self.einde or self.tl.vandaag) - dt.timedelta(days=w.randint(laag, hoog))
        pauze = self.dag(v.gepauzeerd) if v.gepauzeerd else None
        if pauze:
            dag = self.tl.dag(w.randint(8, 20))
        eerste = True
        while dag > self.in_beeld:
            self._contact(dag, geraakt=eerste, frequentie=frequentie)
            eerste = False
            laag, hoog = TUSSENPOZEN["zelden" if pauze and dag > pauze else frequentie]
            if dag < self.tl.dag(VOLLEDIG_GEREGISTREERD):
                laag, hoog = laag * 3, hoog * 3
            dag -= dt.timedelta(days=w.randint(laag, hoog))
        # The first meeting, the day she came into view.
        self._contact(
            self.in_beeld,
            geraakt=True,
            frequentie=frequentie,
            notitie="Kennismaking; uitgelegd wat het Stapteam doet.",
        )

    def _contact(self, dag: dt.date, *, geraakt: bool, frequentie: str, notitie=None) -> None:
        w = self.w
        if geraakt:
            soort = ContactSoort.FACE_TO_FACE
        elif frequentie == "zelden":
            soort = w.choices(
                [ContactSoort.POGING, ContactSoort.FACE_TO_FACE, ContactSoort.TELEFONISCH],
                weights=[50, 25, 25],
            )[0]
        else:
            soort = w.choices(
                [
                    ContactSoort.FACE_TO_FACE,
                    ContactSoort.TELEFONISCH,
                    ContactSoort.DIGITAAL,
                    ContactSoort.POGING,
                    ContactSoort.NETWERKOVERLEG,
                ],
                weights=[62, 14, 6, 12, 6],
            )[0]
        door = self.casemanager_op(dag)
        ed = self.t.ervaringsdeskundige
        if (
            self.v.ervaringsdeskundige
            and ed
            and soort != ContactSoort.NETWERKOVERLEG
            and dag > self.in_beeld
            and w.random() < self.v.aandeel_ervaringsdeskundige
        ):
            door = ed
        nacht = soort in [*GERAAKT[:1], ContactSoort.POGING] and w.random() < 0.4
        uur = w.choice([21, 22, 23]) if nacht else w.randint(9, 17)
        tijdstip = self.tl.tijdstip(dag, uur, w.choice([0, 15, 30, 45]))
        gegevens = {
            "soort": soort,
            "tijdstip": tijdstip,
            "locatie": Locatie.TIPPELZONE
            if nacht
            else w.choice(
                [Locatie.HUISKAMER, Locatie.MFC, Locatie.THUIS, Locatie.KANTOOR, Locatie.STRAAT]
            ),
            "duur_minuten": w.choice([10, 15, 20, 30, 45, 60, 90]) if soort != "poging" else 10,
            "levensdomeinen": w.sample(DOMEINEN, k=w.randint(0, 2)),
            "notitie": notitie if notitie is not None else w.choice(NOTITIES[soort]),
            # Never her latest contact: everyone on the team sees when she was last seen.
            "vertrouwelijk": door.rol != Rol.ERVARINGSDESKUNDIGE
            and not geraakt
            and w.random() < 0.04,
        }
        self.tl.op(
            tijdstip,
            lambda: clients_services.contact_registreren(
                client=self.d.client, door=door, **gegevens
            ),
        )

    def plan(self) -> None:
        v, w = self.v, self.w
        if v.plan == "geen":
            return
        opgesteld = self.in_beeld + dt.timedelta(days=w.randint(25, 60))
        sluiten = self.einde or (self.dag(v.afgesloten) if v.afgesloten else None)
        evaluaties, volgende = [], opgesteld + dt.timedelta(days=w.randint(150, 190))
        grens = sluiten or self.tl.vandaag
        while volgende <= grens:
            evaluaties.append(volgende)
            volgende += dt.timedelta(days=w.randint(150, 190))
        if v.plan == "evalueren":
            # Her evaluation is overdue: the date passed nine days ago without one.
            volgende = self.tl.dag(9)
            evaluaties = [datum for datum in evaluaties if datum < self.tl.dag(40)]
        elif not sluiten:
            volgende = max(volgende, self.tl.dag(-14))
        door = self.casemanager_op(opgesteld)
        domeinen = w.sample(sorted(DOELEN), k=w.randint(2, 4))
        eerste_evaluatie = evaluaties[0] if evaluaties else volgende
        methodieken = w.sample(Methodiek.values, k=2)

        def opstellen():
            self.d.plan = plannen_services.plan_opstellen(
                client=self.d.client,
                door=door,
                opgesteld_op=opgesteld,
                met_client=w.random() < 0.85,
                status=PlanStatus.ACTIEF,
                evaluatie_op=eerste_evaluatie,
                methodieken=methodieken,
                toelichting="",
            )
            for domein in domeinen:
                doel = plannen_services.doel_toevoegen(
                    client=self.d.client,
                    plan=self.d.plan,
                    door=door,
                    levensdomein=domein,
                    omschrijving=DOELEN[domein],
                    status=DoelStatus.LOOPT,
                    gesteld_op=opgesteld,
                )
                actiepunt = plannen_services.actiepunt_toevoegen(
                    doel=doel,
                    door=door,
                    wie=w.choice([Wie.CASEMANAGER, Wie.CLIENT, Wie.ERVARINGSDESKUNDIGE]),
                    omschrijving="Samen een afspraak maken en erheen gaan",
                    uiterlijk_op=opgesteld + dt.timedelta(days=30),
                )
                self.d.doelen.append((doel, actiepunt))

        self.tl.op(self.tl.tijdstip(opgesteld, 11), opstellen)
        if not self.tl.na_overstap(self.tl.tijdstip(opgesteld, 11)) and (
            not sluiten or self.tl.na_overstap(sluiten)
        ):
            # §7 has no column for a plan's methods: entered after the import.
            self.tl.op(
                self.na_de_import(self.tl.overstap),
                lambda: plannen_services.plan_wijzigen(
                    plan=self.d.plan, door=door, methodieken=methodieken
                ),
            )

        for nummer, datum in enumerate(evaluaties):
            later = evaluaties[nummer + 1] if nummer + 1 < len(evaluaties) else volgende

            def evalueren(datum=datum, later=later, nummer=nummer):
                door = self.casemanager_op(datum)
                plannen_services.plan_wijzigen(plan=self.d.plan, door=door, evaluatie_op=later)
                if nummer < len(self.d.doelen):
                    doel, actiepunt = self.d.doelen[nummer]
                    if actiepunt is not None:  # an imported goal has none (§7)
                        plannen_services.actiepunt_wijzigen(
                            actiepunt=actiepunt, door=door, status=ActiepuntStatus.GEDAAN
                        )
                    plannen_services.doel_wijzigen(doel=doel, door=door, status=DoelStatus.BEHAALD)

            if not sluiten or datum < sluiten:
                self.tl.op(self.tl.tijdstip(datum, 11), evalueren)

        if sluiten:

            def afsluiten():
                door = self.casemanager_op(sluiten)
                for doel, _ in self.d.doelen:
                    doel.refresh_from_db()
                    if doel.status == DoelStatus.LOOPT:
                        plannen_services.doel_wijzigen(
                            doel=doel, door=door, status=DoelStatus.BEHAALD
                        )
                plannen_services.plan_wijzigen(
                    plan=self.d.plan, door=door, status=PlanStatus.AFGESLOTEN, afgesloten_op=sluiten
                )

            self.tl.op(self.tl.tijdstip(sluiten, 11), afsluiten)

    def zrm(self) -> None:
        v, w = self.v, self.w
        if v.zrm == "geen":
            return
        if v.zrm == "recent":
            datums = [self.tl.dag(w.randint(20, 150))]
        else:
            datums, datum = [], self.in_beeld + dt.timedelta(days=w.randint(20, 50))
            while datum <= self.laatste_dag():
                datums.append(datum)
                datum += dt.timedelta(days=w.randint(90, 175))
            if v.gepauzeerd:
                datums = [d for d in datums if d < self.dag(v.gepauzeerd)] + [
                    self.dag(v.gepauzeerd + 10)
                ]
        laag, hoog = ZRM_BASIS[v.zrm]
        scores = {domein: w.randint(laag, hoog) for domein in ZRMDomein.values}
        for nummer, datum in enumerate(sorted(set(datums))):
            if nummer:  # mostly a little better each time, now and then worse
                scores = {
                    d: max(1, min(5, s + w.choice([-1, 0, 0, 0, 1]))) for d, s in scores.items()
                }
            gemeten = {d: (None if w.random() < 0.06 else s) for d, s in scores.items()}
            self.tl.op(
                self.tl.tijdstip(datum, 14),
                lambda d=datum, s=gemeten: plannen_services.zrm_vastleggen(
                    client=self.d.client, datum=d, door=self.casemanager_op(d), scores=s
                ),
            )

    def resultaten_en_knelpunten(self) -> None:
        for dagen_geleden, soort in self.v.resultaten:
            datum = max(self.dag(dagen_geleden), self.in_beeld)
            self.tl.op(
                self.tl.tijdstip(datum, 15),
                lambda d=datum, s=soort: plannen_services.resultaat_vastleggen(
                    client=self.d.client, soort=s, datum=d, door=self.casemanager_op(d)
                ),
            )
        for dagen_geleden, domein, categorie, tekst, opgelost in self.v.knelpunten:
            datum = max(self.dag(dagen_geleden), self.in_beeld)

            def vastleggen(d=datum, domein=domein, categorie=categorie, tekst=tekst):
                plannen_services.knelpunt_vastleggen(
                    client=self.d.client,
                    door=self.casemanager_op(d),
                    datum=d,
                    levensdomein=domein,
                    categorie=categorie,
                    omschrijving=tekst,
                )

            self.tl.op(self.tl.tijdstip(datum, 15), vastleggen)
            if opgelost is not None:
                klaar = self.dag(opgelost)
                self.tl.op(
                    self.tl.tijdstip(klaar, 15),
                    lambda d=klaar, datum=datum, categorie=categorie: (
                        plannen_services.knelpunt_wijzigen(
                            knelpunt=Knelpunt.objects.get(
                                client=self.d.client, datum=datum, categorie__code=categorie
                            ),
                            door=self.casemanager_op(d),
                            status=KnelpuntStatus.OPGELOST,
                            opgelost_op=d,
                        )
                    ),
                )

    def vergunningen(self) -> None:
        v, w = self.v, self.w
        if v.vergunning == "geen":
            return
        aanvraag = self.in_beeld + dt.timedelta(days=w.randint(14, 45))
        if v.vergunning.startswith("geweigerd"):
            if v.vergunning == "geweigerd_lopend":
                aanvraag = self.tl.dag(w.randint(150, 200))
                bezwaar = "lopend"
            else:
                aanvraag = self.in_beeld + dt.timedelta(days=10)
                bezwaar = "ongegrond"
            self._geweigerd(aanvraag, bezwaar)
            if bezwaar == "lopend":
                return
            aanvraag = self.tl.dag(45)
        soort = Soort.NIEUW
        grens = self.laatste_dag() - dt.timedelta(days=25)
        while aanvraag <= grens:
            besluit = aanvraag + dt.timedelta(days=w.randint(7, 21))
            geldig_tot = _een_jaar_later(besluit)
            self._verleend(aanvraag, soort, besluit, geldig_tot)
            aanvraag = geldig_tot - dt.timedelta(days=w.randint(10, 30))
            soort = Soort.VERLENGING
        if v.vergunning == "verlenging_lopend":
            datum = self.tl.dag(5)
            self.tl.op(
                self.tl.tijdstip(datum, 13),
                lambda: vergunningen_services.aanvraag_registreren(
                    client=self.d.client,
                    aanvraag_op=datum,
                    soort=Soort.VERLENGING,
                    werkt_sinds_peildatum=True,
                    zorg_sinds_peildatum=True,
                    door=self.casemanager_op(datum),
                ),
            )
        if v.uitstroom:
            # When she leaves, the municipality withdraws her registration.
            def intrekken():
                vergunning = self.d.vergunning
                if vergunning is None:
                    return
                vergunning.refresh_from_db()
                if vergunning.geldig_tot is None or vergunning.geldig_tot < self.einde:
                    return
                vergunningen_services.besluit_vastleggen(
                    vergunning=vergunning,
                    besluit=Besluit.INGETROKKEN,
                    besluit_op=self.einde,
                    door=self.t.coordinator,
                )

            self.tl.op(self.tl.tijdstip(self.einde, 16), intrekken)

    def _verleend(self, aanvraag, soort, besluit, geldig_tot) -> None:
        door = self.casemanager_op(aanvraag)
        zorg = self.w.random() < 0.6

        def aanvragen():
            self.d.vergunning = vergunningen_services.aanvraag_registreren(
                client=self.d.client,
                aanvraag_op=aanvraag,
                soort=soort,
                werkt_sinds_peildatum=True,
                zorg_sinds_peildatum=zorg,
                door=door,
            )

        def besluiten():
            nummers = self.t.vergunningnummers
            nummers[besluit.year] = nummers.get(besluit.year, 0) + 1
            vergunningen_services.besluit_vastleggen(
                vergunning=self.d.vergunning,
                besluit=Besluit.VERLEEND,
                besluit_op=besluit,
                geldig_tot=geldig_tot,
                registratienummer=f"TZ-{besluit.year}-{nummers[besluit.year]:03d}",
                door=self.t.coordinator,
            )

        self.tl.op(self.tl.tijdstip(aanvraag, 13), aanvragen)
        self.tl.op(self.tl.tijdstip(besluit, 13), besluiten)

    def _geweigerd(self, aanvraag: dt.date, bezwaar_status: str) -> None:
        door = self.casemanager_op(aanvraag)
        besluit = aanvraag + dt.timedelta(days=21)
        bezwaar = besluit + dt.timedelta(days=20)

        def aanvraag_van_toen() -> Vergunning:
            return Vergunning.objects.get(client=self.d.client, aanvraag_op=aanvraag)

        def aanvragen():
            vergunningen_services.aanvraag_registreren(
                client=self.d.client,
                aanvraag_op=aanvraag,
                soort=Soort.NIEUW,
                werkt_sinds_peildatum=False,
                zorg_sinds_peildatum=False,
                door=door,
            )

        self.tl.op(self.tl.tijdstip(aanvraag, 13), aanvragen)
        self.tl.op(
            self.tl.tijdstip(besluit, 13),
            lambda: vergunningen_services.besluit_vastleggen(
                vergunning=aanvraag_van_toen(),
                besluit=Besluit.GEWEIGERD,
                besluit_op=besluit,
                weigeringsgrond="Niet aangetoond dat zij sinds de peildatum in de gemeente "
                "werkt of het zorgaanbod gebruikt.",
                door=self.t.coordinator,
            ),
        )
        self.tl.op(
            self.tl.tijdstip(bezwaar, 13),
            lambda: vergunningen_services.bezwaar_vastleggen(
                vergunning=aanvraag_van_toen(),
                bezwaar_op=bezwaar,
                bezwaar_status="lopend",
                bezwaar_door="Zijzelf, met hulp van haar casemanager",
                door=door,
            ),
        )
        if bezwaar_status != "lopend":
            uitspraak = bezwaar + dt.timedelta(days=42)
            self.tl.op(
                self.tl.tijdstip(uitspraak, 13),
                lambda: vergunningen_services.bezwaar_vastleggen(
                    vergunning=aanvraag_van_toen(),
                    bezwaar_op=bezwaar,
                    bezwaar_status=bezwaar_status,
                    bezwaar_door="Zijzelf, met hulp van haar casemanager",
                    door=self.t.coordinator,
                ),
            )

    def escalatie(self) -> None:
        if not self.v.escalatie or self.t.procesregisseur is None:
            return
        geopend, in_behandeling, afgerond = self.v.escalatie

        def openen():
            self.d.escalatie = plannen_services.escalatie_openen(
                client=self.d.client,
                procesregisseur=self.t.procesregisseur,
                door=self.t.coordinator,
                reden="Al een jaar op de wachtlijst voor beschermd wonen; slaapt wisselend in "
                "de nachtopvang en bij een klant.",
                verzoek="Doorbraak op een plek in beschermd wonen, met gedoogd gebruik.",
            )

        # Asked for before the move, it is entered after the import: §7 has no escalations.
        self.tl.op(self.na_de_import(self.tl.tijdstip(self.dag(geopend), 16)), openen)
        if in_behandeling is not None:
            self.tl.op(
                self.na_de_import(self.tl.tijdstip(self.dag(in_behandeling), 16)),
                lambda: plannen_services.voortgang_vastleggen(
                    escalatie=self.d.escalatie,
                    door=self.t.procesregisseur,
                    tekst="Besproken in het ketenoverleg; de corporatie en het BW kijken mee.",
                ),
            )
        if afgerond is not None:
            self.tl.op(
                self.na_de_import(self.tl.tijdstip(self.dag(afgerond), 16)),
                lambda: plannen_services.escalatie_afronden(
                    escalatie=self.d.escalatie,
                    door=self.t.procesregisseur,
                    uitkomst="Plek in beschermd wonen met gedoogd gebruik; zij is verhuisd.",
                ),
            )

    def overdracht(self) -> None:
        if not self.v.overdracht:
            return
        dagen_geleden, naar, notitie = self.v.overdracht
        datum = self.dag(dagen_geleden)
        self.tl.op(
            self.tl.tijdstip(datum, 8),
            lambda: clients_services.overdragen(
                client=self.d.client,
                naar=self.t.casemanagers[naar % len(self.t.casemanagers)],
                notitie=notitie,
                door=self.t.coordinator,
            ),
        )

    def uitstroom(self) -> None:
        v = self.v
        if v.gepauzeerd:
            datum = self.dag(v.gepauzeerd)
            self.tl.op(
                self.tl.tijdstip(datum, 17),
                lambda: clients_services.client_wijzigen(
                    client=self.d.client,
                    door=self.casemanager_op(datum),
                    status=Status.GEPAUZEERD,
                ),
            )
        if not v.uitstroom:
            return
        _, reden = v.uitstroom
        self.tl.op(
            self.tl.tijdstip(self.einde, 17),
            lambda: clients_services.client_wijzigen(
                client=self.d.client,
                door=self.t.coordinator,
                status=Status.UITGESTROOMD,
                uitstroom_datum=self.einde,
                uitstroom_reden=reden,
            ),
        )
