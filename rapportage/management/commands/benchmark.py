"""``manage.py benchmark``: how fast the main pages are with a lot of data.

``--landelijk`` measures at national size instead (the ``bench`` package): 100 teams,
20 000 clients, 2 million contacts and 10 million access-log rows built in bulk in an
empty PostgreSQL database, each page timed many times with references, and a mixed
workload against gunicorn (``make benchmark-landelijk``).

Without it: builds a synthetic team (many clients, a long history each) in the configured database,
then requests each page several times as the role that uses it and reports the number of
database queries and the median and worst time. Run it on a throwaway database:
``make benchmark`` does (SQLite, or PostgreSQL with BENCHMARK_DATABASE_URL). The numbers
go in ``docs/prestaties.md``.
"""

import datetime as dt
import random
import statistics
import time
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client as TestClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from budget import services as budget_services
from budget.models import Budget, Uitgave
from clients import services as client_services
from clients.constants import GEREALISEERD, KENMERK_WAARDEN, ContactSoort
from clients.models import Client, Contact, Situatie
from clients.stand import herbouwen
from plannen import services as plannen_services
from plannen.constants import ZRMDomein
from plannen.models import ZRMMeting
from rapportage.evaluatie_meting import meet_evaluatie, regels
from rapportage.periodes import laatste_twaalf_maanden
from stapteam import services
from stapteam.constants import Rol
from stapteam.models import Gemeente, Organisatie, Team, User
from vergunningen import services as vergunning_services


class Command(BaseCommand):
    help = "Meet de snelheid van de belangrijkste pagina's met veel gegevens (niet in productie)."

    def add_arguments(self, parser):
        parser.add_argument("--clienten", type=int, default=300)
        parser.add_argument("--contacten", type=int, default=100, help="per cliënt")
        parser.add_argument("--herhalingen", type=int, default=None, help="7; landelijk 30")
        parser.add_argument(
            "--alleen-evaluatie",
            action="store_true",
            help="alleen de cijfers van het evaluatierapport meten, niet de pagina's "
            "(landelijk: van het meetteam, zonder belasting)",
        )
        landelijk = parser.add_argument_group("landelijk (--landelijk)")
        landelijk.add_argument("--landelijk", action="store_true")
        landelijk.add_argument("--teams", type=int, default=100)
        landelijk.add_argument("--alle-clienten", type=int, default=20_000)
        landelijk.add_argument("--alle-contacten", type=int, default=2_000_000)
        landelijk.add_argument("--zrm-metingen", type=int, default=60_000)
        landelijk.add_argument("--uitgaven", type=int, default=100_000)
        landelijk.add_argument("--toegangslog", type=int, default=10_000_000)
        landelijk.add_argument("--zaad", type=int, default=13)
        landelijk.add_argument(
            "--max-seconden",
            type=float,
            default=60,
            help="per pagina; een tragere pagina wordt minder vaak gemeten",
        )
        landelijk.add_argument("--sessies", type=int, default=20)
        landelijk.add_argument("--belasting-seconden", type=float, default=60)
        landelijk.add_argument("--workers", type=int, default=3)
        landelijk.add_argument(
            "--threads",
            type=int,
            default=1,
            help="per worker; 1 (standaard): sync-workers, zoals de Dockerfile; meer: gthread",
        )
        landelijk.add_argument("--zonder-belasting", action="store_true")
        landelijk.add_argument(
            "--belasting-referentie",
            action="store_true",
            help="om de 10 seconden afwisselend met de mix: elk verzoek de gewone "
            "admin-changelist (elk krijgt de helft van --belasting-seconden)",
        )
        landelijk.add_argument("--zonder-paginas", action="store_true")
        landelijk.add_argument(
            "--pagina",
            action="append",
            help="alleen de pagina's waarvan de naam dit bevat (herhaalbaar)",
        )
        landelijk.add_argument(
            "--alleen-meten",
            action="store_true",
            help="niet opbouwen: meet een eerder door --landelijk gevulde database opnieuw",
        )

    def handle(self, *args, clienten, contacten, herhalingen, alleen_evaluatie, **options):
        if settings.STAPTEAM_OMGEVING == "productie":
            raise CommandError("De benchmark draait niet met productie-instellingen.")
        if options["landelijk"]:
            # Imported here: the bench package is only loaded for this run.
            from bench.landelijk import draaien

            return draaien(
                self, herhalingen=herhalingen or 30, alleen_evaluatie=alleen_evaluatie, **options
            )
        herhalingen = herhalingen or 7
        begin = time.perf_counter()
        gebruikers, team, voorbeeld = self.opbouwen(clienten, contacten)
        self.stdout.write(
            f"Gegevens: {Client.objects.filter(team=team).count()} cliënten, "
            f"{Contact.objects.filter(client__team=team).count()} contacten, "
            f"{Situatie.objects.filter(client__team=team).count()} situatieregels, "
            f"{ZRMMeting.objects.filter(client__team=team).count()} ZRM-metingen "
            f"(opgebouwd in {time.perf_counter() - begin:.0f} s; database {connection.vendor})."
        )
        if not alleen_evaluatie:
            self.paginas_meten(gebruikers, voorbeeld, herhalingen)
        self.rapport_tegen_kale_sql(team, herhalingen)

    def paginas_meten(self, gebruikers, voorbeeld, herhalingen):
        self.stdout.write(
            f"{'pagina':<34} {'rol':<20} {'queries':>7} {'mediaan':>9} {'traagst':>9}"
        )
        for naam, rol, url in self.paginas(voorbeeld):
            queries, tijden = self.meet(gebruikers[rol], url, herhalingen)
            self.stdout.write(
                f"{naam:<34} {rol:<20} {queries:>7} {statistics.median(tijden):>7.0f}ms "
                f"{max(tijden):>7.0f}ms"
            )

    def rapport_tegen_kale_sql(self, team, herhalingen):
        """The evaluation figures of the last twelve months, per part of the report: the
        function, the same SQL run bare, and PostgreSQL's own time for that SQL."""
        periode = laatste_twaalf_maanden(timezone.localdate())
        meting = meet_evaluatie(team, periode.van, periode.tot, herhalingen)
        for regel in regels(meting):
            self.stdout.write(regel)

    def paginas(self, client: Client):
        pk = client.pk
        plan = client.plannen.first()
        return [
            ("cliëntenlijst (25 per pagina)", Rol.CASEMANAGER, reverse("clients:lijst")),
            ("cliëntenlijst, zoeken", Rol.CASEMANAGER, reverse("clients:lijst") + "?zoek=a"),
            ("mijn cliënten", Rol.CASEMANAGER, reverse("clients:mijn")),
            (
                "cliëntenlijst, signaal geen contact",
                Rol.CASEMANAGER,
                reverse("clients:lijst") + "?signaal=geen_contact",
            ),
            (
                "cliëntenlijst, elk signaal",
                Rol.CASEMANAGER,
                reverse("clients:lijst") + "?signaal=on",
            ),
            ("dossier", Rol.CASEMANAGER, reverse("clients:dossier", args=[pk])),
            ("dossier (beperkt)", Rol.ERVARINGSDESKUNDIGE, reverse("clients:dossier", args=[pk])),
            ("contactenlijst", Rol.CASEMANAGER, reverse("clients:contacten", args=[pk])),
            ("plan van aanpak", Rol.CASEMANAGER, reverse("plannen:plan", args=[pk, plan.pk])),
            ("ZRM-overzicht", Rol.CASEMANAGER, reverse("plannen:zrm", args=[pk])),
            ("toegangslog cliënt", Rol.COORDINATOR, reverse("clients:toegangslog", args=[pk])),
            ("vergunningenlijst", Rol.COORDINATOR, reverse("vergunningen:lijst")),
            ("budgetten", Rol.COORDINATOR, reverse("budget:lijst")),
            ("budget", Rol.COORDINATOR, reverse("budget:budget", args=[self.budget.pk])),
            ("startpagina", Rol.CASEMANAGER, reverse("start")),
            ("evaluatierapport (pagina)", Rol.COORDINATOR, reverse("rapportage:evaluatie")),
            (
                "evaluatierapport (JSON)",
                Rol.COORDINATOR,
                reverse("rapportage:evaluatie") + "?formaat=json",
            ),
        ]

    def meet(self, gebruiker, url, herhalingen) -> tuple[int, list[float]]:
        browser = TestClient(HTTP_HOST="localhost")
        browser.force_login(gebruiker)
        browser.get(url)  # warm caches and the session, as a real user's second visit
        tijden, queries = [], 0
        for _ in range(herhalingen):
            with CaptureQueriesContext(connection) as vastgelegd:
                start = time.perf_counter()
                antwoord = browser.get(url)
                tijden.append((time.perf_counter() - start) * 1000)
            if antwoord.status_code != 200:
                raise CommandError(f"{url} gaf {antwoord.status_code}")
            queries = len(vastgelegd)
        return queries, tijden

    def opbouwen(self, aantal_clienten: int, contacten_per_client: int):
        code = f"benchmark-{aantal_clienten}-{contacten_per_client}"
        gemeente = Gemeente.objects.filter(naam="Benchmarkstad").first() or services.opslaan(
            Gemeente(naam="Benchmarkstad"), door=None
        )
        team = Team.objects.filter(code=code).first()
        nieuw = team is None
        if nieuw:
            team = services.team_opslaan(naam=code, code=code, gemeente=gemeente, door=None)
        organisatie = Organisatie.objects.get(code="iriszorg")
        gebruikers = {}
        for rol in (Rol.CASEMANAGER, Rol.ERVARINGSDESKUNDIGE, Rol.COORDINATOR):
            naam = f"{code}-{rol}"
            gebruikers[rol] = services.gebruiker_opslaan(
                gebruiker=User.objects.filter(username=naam).first(),
                gebruikersnaam=naam,
                naam=f"Benchmark {rol}",
                rol=rol,
                organisatie=organisatie,
                teams=[team],
                door=None,
            )
        if nieuw:
            self.vullen(team, gebruikers, aantal_clienten, contacten_per_client)
        self.budget = Budget.objects.filter(team=team).first()
        voorbeeld = Client.objects.filter(team=team, plannen__isnull=False).order_by("pk").first()
        return gebruikers, team, voorbeeld

    def vullen(self, team, gebruikers, aantal_clienten, contacten_per_client):
        willekeur = random.Random(7)
        casemanager = gebruikers[Rol.CASEMANAGER]
        nu = timezone.now()
        budget = budget_services.budget_aanmaken(
            team=team,
            naam="Flexbudget",
            soort="flexbudget",
            van=dt.date(2020, 1, 1),
            tot=timezone.localdate(),
            bedrag=Decimal("1000000.00"),
            door=None,
        )
        for nummer in range(aantal_clienten):
            client = client_services.client_aanmaken(
                team=team,
                door=None,
                roepnaam=f"Cliënt {nummer:04d}",
                in_beeld_sinds=dt.date(2020, 1, 1),
                status="actief",
                casemanager=casemanager if nummer % 3 == 0 else None,
                ervaringsdeskundige=gebruikers[Rol.ERVARINGSDESKUNDIGE] if nummer % 2 else None,
            )
            # Volume is bulk-inserted: the services were measured elsewhere; this is about
            # reading a long history.
            Situatie.objects.bulk_create(
                Situatie(
                    client=client,
                    kenmerk=kenmerk,
                    waarde=willekeur.choice(waarden.values),
                    datum=dt.date(2020, 1, 1) + dt.timedelta(days=60 * stap),
                )
                for kenmerk, waarden in KENMERK_WAARDEN.items()
                for stap in range(6)
            )
            Contact.objects.bulk_create(
                Contact(
                    client=client,
                    medewerker=casemanager,
                    soort=willekeur.choice([*GEREALISEERD, ContactSoort.POGING]),
                    tijdstip=nu - dt.timedelta(hours=willekeur.randint(1, 24 * 700)),
                    notitie="Contact op de zone.",
                    levensdomeinen=["wonen"],
                    vertrouwelijk=willekeur.random() < 0.05,
                )
                for _ in range(contacten_per_client)
            )
            ZRMMeting.objects.bulk_create(
                ZRMMeting(
                    client=client,
                    datum=dt.date(2020, 1, 1) + dt.timedelta(days=120 * stap),
                    **{domein: willekeur.randint(1, 5) for domein in ZRMDomein.values},
                )
                for stap in range(8)
            )
            vergunning = vergunning_services.aanvraag_registreren(
                client=client,
                aanvraag_op=dt.date(2022, 1, 1),
                soort="nieuw",
                werkt_sinds_peildatum=True,
                zorg_sinds_peildatum=False,
                door=None,
            )
            vergunning_services.besluit_vastleggen(
                vergunning=vergunning,
                besluit="verleend",
                besluit_op=dt.date(2022, 2, 1),
                afwijking_reden="Benchmark",
                door=None,
            )
            if nummer % 3 == 0:
                plan = plannen_services.plan_opstellen(
                    client=client, door=None, opgesteld_op=dt.date(2020, 2, 1), status="actief"
                )
                for domein in ("wonen", "financien", "middelengebruik", "veiligheid"):
                    doel = plannen_services.doel_toevoegen(
                        client=client,
                        plan=plan,
                        door=None,
                        levensdomein=domein,
                        omschrijving="Doel",
                    )
                    plannen_services.actiepunt_toevoegen(
                        doel=doel, door=None, wie="client", omschrijving="Actie"
                    )
            Uitgave.objects.bulk_create(
                Uitgave(
                    budget=budget,
                    datum=dt.date(2020, 1, 1) + dt.timedelta(days=willekeur.randint(0, 1500)),
                    bedrag=Decimal(willekeur.randint(5, 200)),
                    categorie=willekeur.choice(["kleding", "voeding", "vervoer", "telefoon"]),
                    client=client,
                    medewerker=casemanager,
                    status="goedgekeurd",
                )
                for _ in range(10)
            )
        # The bulk inserts above bypass the services: their current state is rebuilt here.
        herbouwen(Client.objects.filter(team=team))
