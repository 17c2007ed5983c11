"""Synthetic national-size data for the benchmark: many teams, years of history.

Accounts, municipalities and teams go through the services (a few hundred rows, and
they carry the roles and grants the access functions read). Everything with many rows is
written by PostgreSQL itself with ``INSERT ... SELECT generate_series``, never the ORM
per row: that is what makes 2 million contacts and 10 million access-log rows fit in
minutes.

Every "random" choice is a hash of the row number and a salt (``hashint8extended``), so
the same seed gives the same data on every run; dates are relative to the day of the run,
because the signals and "as of" figures are. Values come from the apps' own vocabularies
and respect their constraints (the tiny-scale test in ``tests/bench`` checks the result
through the pages and the models' ``full_clean``).

Only pages read history: the dossier shows the changes of the client, her permits and
her spends (``wijzigingen`` on ``Client``, ``Vergunning`` and ``Uitgave``), so those three
history tables get a creation row per record; the others stay empty, as after an import
of old spreadsheets.
"""

import datetime as dt
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from clients.constants import (
    KENMERK_WAARDEN,
    ContactSoort,
    Levensdomein,
    Locatie,
    UitstroomReden,
)
from plannen.constants import DoelStatus, ZRMDomein
from stapteam import services
from stapteam.constants import Rol
from stapteam.models import Gemeente, Organisatie, Team, User

MEETTEAM = "meetteam"
# The accounts of every team: role and how many.
STAF = ((Rol.COORDINATOR, 1), (Rol.CASEMANAGER, 3), (Rol.ERVARINGSDESKUNDIGE, 1))
# Management commands that rebuild derived tables from the data (a per-client current
# state, say). The generator writes the source tables directly, so whatever the
# application keeps derived from them must be rebuilt here, before ANALYZE.
HERBOUW_COMMANDOS: list[str] = ["herbouw_stand"]

NAMEN = [
    "Anna", "Bianca", "Chantal", "Daisy", "Esther", "Fleur", "Gina", "Hanna", "Iris",
    "Jamila", "Kim", "Linda", "Maria", "Naomi", "Olga", "Priscilla", "Roos", "Sandra",
    "Tamara", "Ursula", "Vera", "Wendy", "Yvonne", "Zoë", "Ilona", "Bożena", "Elena",
    "Svetlana", "Ramona", "Denise",
]  # fmt: skip
NOTITIES = [
    "Kort gesproken op de zone.",
    "Samen naar de huisarts geweest.",
    "Gebeld over de afspraak bij de woningcorporatie.",
    "Niet aangetroffen op de afgesproken plek.",
    "Overleg met de bewindvoerder.",
    "Boodschappen gedaan en over haar week gepraat.",
]


@dataclass(frozen=True)
class Schaal:
    teams: int = 100
    clienten: int = 20_000
    contacten: int = 2_000_000
    zrm_metingen: int = 60_000
    uitgaven: int = 100_000
    toegangslog: int = 10_000_000
    clienten_meetteam: int = 250
    zaad: int = 13


@dataclass
class Opbouw:
    """What was built: the measured team and its accounts, and the time per step."""

    team: Team
    gebruikers: dict[str, User]
    stappen: list[tuple[str, float]] = field(default_factory=list)


def controleer_lege_database() -> None:
    """Refuse anything but an empty, migrated PostgreSQL database: the generator writes
    straight into the tables and must never come near real data."""
    if connection.vendor != "postgresql":
        raise ValueError(
            "De landelijke benchmark draait alleen op PostgreSQL "
            f"(deze database is {connection.vendor})."
        )
    bezet = [
        model._meta.verbose_name_plural
        for model in (Team, User, Gemeente)
        if model.objects.exists()
    ]
    from clients.models import Client
    from stapteam.models import Toegangslog

    bezet += [m._meta.verbose_name_plural for m in (Client, Toegangslog) if m.objects.exists()]
    if bezet:
        raise ValueError(
            "Deze database is niet leeg (er zijn al "
            + ", ".join(str(naam) for naam in bezet)
            + "). De landelijke benchmark vult alleen een lege, net gemigreerde database: "
            "maak er een aan, bijvoorbeeld 'createdb landelijk_bench'."
        )


def opbouwen(schaal: Schaal, *, melden=print) -> Opbouw:
    """Build the whole data set in the (empty) database; returns the measured team."""
    controleer_lege_database()
    vandaag = timezone.localdate()
    opbouw = None
    stappen: list[tuple[str, float]] = []

    def stap(naam, functie, *args):
        begin = time.perf_counter()
        uitkomst = functie(*args)
        stappen.append((naam, time.perf_counter() - begin))
        melden(f"  {naam}: {stappen[-1][1]:.1f} s")
        return uitkomst

    with transaction.atomic(), connection.cursor() as cursor:
        # Django's foreign keys are deferred to the commit: checked per statement instead,
        # the queue of pending checks stays small and indexes can be rebuilt in between.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL synchronous_commit = off")
        # The planner cannot estimate generated rows; JIT-compiling for its guesses took
        # longer than the statements themselves.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute("SET LOCAL work_mem = '64MB'")
        _hulpfuncties(cursor, schaal.zaad)
        opbouw = stap("teams en medewerkers (services)", _teams_en_medewerkers, schaal)
        sql = _Sql(cursor, vandaag=vandaag, schaal=schaal)
        stap("cliënten", sql.clienten)
        stap("situatie", sql.situatie)
        stap("toestemmingen", sql.toestemmingen)
        stap("contacten", sql.contacten)
        stap("plannen, doelen, actiepunten", sql.plannen)
        stap("ZRM-metingen", sql.zrm)
        stap("resultaten en knelpunten", sql.resultaten_en_knelpunten)
        stap("vergunningen", sql.vergunningen)
        stap("budgetten en uitgaven", sql.budget)
        stap("toegangslog", sql.toegangslog)
        stap("geschiedenis", sql.geschiedenis)
        stap("afgeleide tabellen", _afgeleide_tabellen_herbouwen)
        cursor.execute("DROP TABLE bench_team, bench_client")
    stap("ANALYZE", _analyseren)
    opbouw.stappen = stappen
    return opbouw


def _afgeleide_tabellen_herbouwen() -> None:
    for commando in HERBOUW_COMMANDOS:
        call_command(commando)


def _analyseren() -> None:
    """VACUUM sets the visibility map (as autovacuum would have on a living database, so
    index-only scans work); it cannot run inside a transaction, so a test gets ANALYZE."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if not connection.in_atomic_block else "ANALYZE")


def _hulpfuncties(cursor, zaad: int) -> None:
    # r(i, k): a reproducible number in [0, 1) for row i and purpose k.
    cursor.execute(
        f"""
        CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, k integer) RETURNS double precision
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT (hashint8extended(i, k + {int(zaad)} * 1000) & 2147483647)::float8
                  / 2147483648.0 $$
        """
    )


def _teams_en_medewerkers(schaal: Schaal) -> Opbouw:
    """Municipalities, teams and their accounts through the services (few rows, and
    their roles and grants must be exactly what the application makes)."""
    organisaties = list(Organisatie.objects.filter(code__in=["iriszorg", "leger_des_heils"]))
    aantal_gemeenten = max(1, schaal.teams * 2 // 5)
    gemeenten = [
        services.opslaan(Gemeente(naam=f"Proefgemeente {nummer:03d}"), door=None)
        for nummer in range(1, aantal_gemeenten + 1)
    ]
    # One team alone (the reference "the same team without the rest of the country")
    # holds every client.
    in_meetteam = schaal.clienten if schaal.teams == 1 else schaal.clienten_meetteam
    resterend = schaal.clienten - in_meetteam
    anderen = max(1, schaal.teams - 1)
    teams = []
    eerste = 1
    for nummer in range(schaal.teams):
        gemeente = gemeenten[nummer % aantal_gemeenten]
        if nummer == 0:
            code, naam, aantal = MEETTEAM, "Stapteam Meetstad", in_meetteam
        else:
            code = f"team-{nummer:03d}"
            naam = f"Stapteam {gemeente.naam} ({nummer})"
            aantal = resterend // anderen + (1 if nummer <= resterend % anderen else 0)
        team = services.team_opslaan(naam=naam, code=code, gemeente=gemeente, door=None)
        staf = {}
        for rol, aantal_rol in STAF:
            for volgnummer in range(1, aantal_rol + 1):
                gebruikersnaam = f"{code}-{rol}" + (f"-{volgnummer}" if aantal_rol > 1 else "")
                if nummer == 0 and volgnummer == 1:
                    gebruikersnaam = f"meet-{rol}"
                staf.setdefault(rol, []).append(
                    services.gebruiker_opslaan(
                        gebruikersnaam=gebruikersnaam,
                        naam=f"{rol.label} {code} {volgnummer}",
                        rol=rol,
                        organisatie=organisaties[volgnummer % len(organisaties)],
                        teams=[team],
                        door=None,
                    )
                )
        teams.append((nummer + 1, team, staf, eerste, aantal))
        eerste += aantal

    meetteam = teams[0][1]
    gebruikers = {rol: personen[0] for rol, personen in teams[0][2].items()}
    for rol, extra in (
        (Rol.GEMEENTE, {"gemeenten": [meetteam.gemeente]}),
        (Rol.PROCESREGISSEUR, {"gemeenten": [meetteam.gemeente]}),
        (Rol.FUNCTIONARIS, {}),
    ):
        gebruikers[rol] = services.gebruiker_opslaan(
            gebruikersnaam=f"meet-{rol}", naam=f"{rol.label} Meetstad", rol=rol, door=None, **extra
        )

    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE TEMP TABLE bench_team (
                nr integer PRIMARY KEY, team_id bigint, coordinator_id bigint,
                cm_ids bigint[], ed_id bigint, eerste integer, aantal integer,
                staf_ids bigint[], staf_rollen text[]
            ) ON COMMIT DROP
            """
        )
        rijen = []
        for nr, team, staf, eerste, aantal in teams:
            alle = [(rol, persoon) for rol, personen in staf.items() for persoon in personen]
            rijen.append(
                (
                    nr,
                    team.pk,
                    staf[Rol.COORDINATOR][0].pk,
                    [p.pk for p in staf[Rol.CASEMANAGER]],
                    staf[Rol.ERVARINGSDESKUNDIGE][0].pk,
                    eerste,
                    aantal,
                    [p.pk for _, p in alle],
                    [str(rol) for rol, _ in alle],
                )
            )
        cursor.executemany(
            "INSERT INTO bench_team (nr, team_id, coordinator_id, cm_ids, ed_id, eerste, aantal,"
            " staf_ids, staf_rollen) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            rijen,
        )
    return Opbouw(team=meetteam, gebruikers=gebruikers)


def _array(waarden) -> str:
    """A SQL array literal of the (vocabulary) strings ``waarden``."""
    return "(ARRAY[" + ", ".join("'" + str(w).replace("'", "''") + "'" for w in waarden) + "])"


def _kies(waarden, r: str) -> str:
    """SQL choosing one of ``waarden`` by the number expression ``r`` (in [0, 1))."""
    return f"{_array(waarden)}[1 + floor({r} * {len(waarden)})::int]"


class _Sql:
    """The bulk statements, one method per part of the data, in dependency order."""

    def __init__(self, cursor, *, vandaag: dt.date, schaal: Schaal):
        self.cursor = cursor
        self.schaal = schaal
        self.p = {"vandaag": vandaag, "begin": vandaag - dt.timedelta(days=3 * 365)}

    def sql(self, statement: str, *, vult: str = "", **extra) -> None:
        """Run ``statement``; ``vult`` names a large table it fills, whose indexes and
        foreign keys are then checked once afterwards."""
        if vult:
            with _in_een_keer_controleren(self.cursor, vult):
                self.cursor.execute(statement, {**self.p, **extra})
        else:
            self.cursor.execute(statement, {**self.p, **extra})

    def clienten(self) -> None:
        redenen = [r for r in UitstroomReden.values if r != "overleden"]
        self.sql(
            f"""
            CREATE TEMP TABLE bench_client ON COMMIT DROP AS
            SELECT g AS i, t.nr AS team_nr, t.team_id,
                   lpad(n::text, greatest(4, length(n::text)), '0') AS code,
                   {_kies(NAMEN, "pg_temp.r(g, 9)")} AS roepnaam,
                   %(vandaag)s::date - (7300 + floor(pg_temp.r(g, 8) * 12775))::int
                       AS geboortedatum,
                   CASE WHEN pg_temp.r(g, 10) < 0.94 THEN 'vrouw'
                        WHEN pg_temp.r(g, 10) < 0.97 THEN 'man' ELSE 'anders' END AS geslacht,
                   %(vandaag)s::date - (30 + floor(pg_temp.r(g, 1) * 1060))::int AS in_beeld,
                   CASE WHEN pg_temp.r(g, 2) < 0.10 THEN 'uitgestroomd'
                        WHEN pg_temp.r(g, 2) < 0.15 THEN 'gepauzeerd'
                        WHEN pg_temp.r(g, 2) < 0.20 THEN 'aangemeld'
                        ELSE 'actief' END AS status,
                   t.cm_ids[1 + floor(pg_temp.r(g, 4) * array_length(t.cm_ids, 1))::int]
                       AS cm_id,
                   CASE WHEN pg_temp.r(g, 5) < 0.5 THEN t.ed_id END AS ed_id,
                   t.cm_ids AS team_cm_ids,
                   NULL::bigint AS id
            FROM bench_team t
            CROSS JOIN LATERAL generate_series(t.eerste, t.eerste + t.aantal - 1) AS g
            CROSS JOIN LATERAL (SELECT g - t.eerste + 1 AS n) AS volgnummer
            """
        )
        # Outflow somewhere in her time in view; a client with no outflow whose contacts
        # stopped 2 to 12 weeks ago is the "no contact" signal a caseload must show.
        self.sql(
            f"""
            ALTER TABLE bench_client
                ADD COLUMN uitstroom_datum date, ADD COLUMN uitstroom_reden text,
                ADD COLUMN eind date;
            UPDATE bench_client SET
                uitstroom_datum = CASE WHEN status = 'uitgestroomd' THEN
                    in_beeld + 1 + floor(pg_temp.r(i, 3) * (%(vandaag)s::date - in_beeld - 1))::int
                    END,
                uitstroom_reden = CASE WHEN status = 'uitgestroomd' THEN
                    {_kies(redenen, "pg_temp.r(i, 11)")} ELSE '' END;
            UPDATE bench_client SET eind = CASE
                WHEN uitstroom_datum IS NOT NULL THEN uitstroom_datum
                WHEN pg_temp.r(i, 6) < 0.12 THEN
                    greatest(in_beeld + 1,
                             %(vandaag)s::date - (15 + floor(pg_temp.r(i, 7) * 75))::int)
                ELSE %(vandaag)s::date END;
            """
        )
        self.sql(
            """
            INSERT INTO clients_client (
                code, roepnaam, voornaam, achternaam, geboortedatum, bsn, telefoon, postadres,
                is_briefadres, geslacht, in_beeld_sinds, status, uitstroom_datum,
                uitstroom_reden, aangemaakt_op, casemanager_id, ervaringsdeskundige_id,
                team_id, tweede_casemanager_id)
            SELECT code, roepnaam, '', '', geboortedatum, '', '', '', false, geslacht,
                   in_beeld, status, uitstroom_datum, uitstroom_reden,
                   in_beeld + time '10:00', cm_id, ed_id, team_id, NULL
            FROM bench_client ORDER BY i;
            UPDATE bench_client b SET id = c.id
            FROM clients_client c WHERE c.team_id = b.team_id AND c.code = b.code;
            CREATE UNIQUE INDEX ON bench_client (i);
            CREATE INDEX ON bench_client (team_nr);
            ANALYZE bench_client;
            """
        )
        # One INSERT in the order of i numbers the clients consecutively; the access log
        # relies on it to find a team's n-th client by arithmetic instead of a lookup.
        self.cursor.execute(
            "SELECT min(id - i), bool_and(id - i = (SELECT min(id - i) FROM bench_client))"
            " FROM bench_client"
        )
        verschuiving, opeenvolgend = self.cursor.fetchone()
        if not opeenvolgend:
            raise RuntimeError("De cliënten zijn niet opeenvolgend genummerd.")
        self.p["client_verschuiving"] = verschuiving

    def situatie(self) -> None:
        # 1 to 4 dated values per client and characteristic, the first on her first day
        # in view; the vocabularies come from the app (KENMERK_WAARDEN).
        delen = []
        for nummer, (kenmerk, waarden) in enumerate(KENMERK_WAARDEN.items()):
            r = f"pg_temp.r(c.i * 64 + {nummer} * 8 + k, 20)"
            delen.append(
                f"""
                SELECT c.id, '{kenmerk}' AS kenmerk, {_kies(waarden.values, r)} AS waarde,
                       c.in_beeld + (k * (%(vandaag)s::date - c.in_beeld)
                           / (1 + floor(pg_temp.r(c.i * 16 + {nummer}, 21) * 4)::int)) AS datum,
                       c.cm_id
                FROM bench_client c CROSS JOIN LATERAL generate_series(
                    0, floor(pg_temp.r(c.i * 16 + {nummer}, 21) * 4)::int) AS k
                """
            )
        self.sql(
            f"""
            INSERT INTO clients_situatie (kenmerk, waarde, datum, geregistreerd_op, client_id,
                                          geregistreerd_door_id)
            SELECT kenmerk, waarde, datum, datum + time '12:00', id, cm_id
            FROM ({" UNION ALL ".join(delen)}) AS s ORDER BY datum
            """,
            vult="clients_situatie",
        )

    def toestemmingen(self) -> None:
        # 7 % never signed; of the others the latest form is expired, about to expire,
        # withdrawn or valid in proportions that make every consent signal appear. 40 %
        # signed an earlier form first, valid until the later one.
        self.sql(
            """
            CREATE TEMP TABLE bench_toestemming ON COMMIT DROP AS
            SELECT c.id AS client_id, c.cm_id, c.i, v.volgorde,
                   CASE WHEN v.volgorde = 2 AND pg_temp.r(c.i, 41) < 0.4
                        THEN c.in_beeld + 2 + (%(vandaag)s::date - c.in_beeld - 2) / 2
                        ELSE c.in_beeld + 2 END
                       AS ondertekend_op,
                   pg_temp.r(c.i, 42) AS soort
            FROM bench_client c
            CROSS JOIN LATERAL (VALUES (1), (2)) AS v(volgorde)
            WHERE pg_temp.r(c.i, 40) >= 0.07
              AND (v.volgorde = 2 OR pg_temp.r(c.i, 41) < 0.4);
            INSERT INTO clients_toestemming (ondertekend_op, versie, geldig_tot, scan,
                ingetrokken_op, gecontroleerd_op, aangemaakt_op, client_id,
                gecontroleerd_door_id, vastgelegd_door_id)
            SELECT t.ondertekend_op, '2024-1',
                   CASE WHEN t.volgorde = 1 THEN l.ondertekend_op
                        WHEN t.soort < 0.12 THEN greatest(t.ondertekend_op,
                             %(vandaag)s::date - 1 - floor(pg_temp.r(t.i, 43) * 60)::int)
                        WHEN t.soort < 0.20 THEN %(vandaag)s::date + 1
                             + floor(pg_temp.r(t.i, 43) * 28)::int
                        WHEN t.soort < 0.60 THEN t.ondertekend_op + 730
                        ELSE NULL END,
                   '',
                   CASE WHEN t.volgorde = 2 AND t.soort >= 0.20 AND t.soort < 0.25
                        THEN %(vandaag)s::date - floor(pg_temp.r(t.i, 44)
                             * (%(vandaag)s::date - t.ondertekend_op))::int END,
                   NULL, t.ondertekend_op + time '11:00', t.client_id, NULL, t.cm_id
            FROM bench_toestemming t
            LEFT JOIN bench_toestemming l ON l.client_id = t.client_id AND l.volgorde = 2
            ORDER BY t.ondertekend_op;
            INSERT INTO clients_toestemming_partijen (toestemming_id, organisatie_id)
            SELECT t.id, o.id FROM clients_toestemming t
            JOIN stapteam_organisatie o ON o.code IN ('iriszorg', 'zvh', 'leger_des_heils', 'ggd')
            WHERE o.code = 'iriszorg' OR pg_temp.r(t.id * 8 + o.id, 45) < 0.6;
            DROP TABLE bench_toestemming;
            """
        )

    def contacten(self) -> None:
        """Contacts in proportion to her time in view (times a personal factor), exactly
        ``schaal.contacten`` in all, in time order as they would have been logged."""
        soorten = [
            (ContactSoort.FACE_TO_FACE, 0.55),
            (ContactSoort.TELEFONISCH, 0.70),
            (ContactSoort.DIGITAAL, 0.80),
            (ContactSoort.POGING, 0.95),
        ]
        soort = (
            "CASE "
            + " ".join(f"WHEN pg_temp.r(j, 24) < {grens} THEN '{s}'" for s, grens in soorten)
            + f" ELSE '{ContactSoort.NETWERKOVERLEG}' END"
        )
        domeinen = Levensdomein.values
        with _in_een_keer_controleren(self.cursor, "clients_contact"):
            self.sql(
                f"""
                WITH gewicht AS (
                    SELECT c.*, (c.eind - c.in_beeld + 1) * (0.3 + 1.4 * pg_temp.r(c.i, 30))
                        AS w FROM bench_client c),
                verdeling AS (
                    SELECT g.*, floor(%(aantal)s * (sum(w) OVER (ORDER BY i) - w)
                                      / sum(w) OVER ())::bigint AS van,
                           floor(%(aantal)s * sum(w) OVER (ORDER BY i)
                                 / sum(w) OVER ())::bigint AS tot
                    FROM gewicht g)
                INSERT INTO clients_contact (tijdstip, soort, locatie, duur_minuten,
                    levensdomeinen, notitie, vertrouwelijk, aangemaakt_op, client_id,
                    medewerker_id)
                SELECT x.tijdstip, x.soort, x.locatie, x.duur, x.domeinen, x.notitie,
                       x.vertrouwelijk, x.tijdstip, x.client_id, x.medewerker_id
                FROM (
                    SELECT v.in_beeld::timestamp AT TIME ZONE 'Europe/Amsterdam'
                               + pg_temp.r(j, 21) * (v.eind - v.in_beeld) * interval '1 day'
                               AS tijdstip,
                           {soort} AS soort,
                           CASE WHEN pg_temp.r(j, 27) < 0.1 THEN ''
                                ELSE {_kies(Locatie.values, "pg_temp.r(j, 28)")} END AS locatie,
                           5 + floor(pg_temp.r(j, 29) * 85)::int AS duur,
                           jsonb_build_array({_kies(domeinen, "pg_temp.r(j, 25)")}) AS domeinen,
                           {_kies(NOTITIES, "pg_temp.r(j, 31)")} AS notitie,
                           pg_temp.r(j, 26) < 0.05 AS vertrouwelijk,
                           v.id AS client_id,
                           CASE WHEN pg_temp.r(j, 22) < 0.7 THEN v.cm_id
                                WHEN pg_temp.r(j, 22) < 0.85 THEN coalesce(v.ed_id, v.cm_id)
                                ELSE v.team_cm_ids[1 + floor(pg_temp.r(j, 23)
                                     * array_length(v.team_cm_ids, 1))::int] END
                               AS medewerker_id
                    FROM verdeling v CROSS JOIN LATERAL generate_series(v.van + 1, v.tot) AS j
                ) AS x
                ORDER BY x.tijdstip
                """,
                aantal=self.schaal.contacten,
            )

    def plannen(self) -> None:
        # 65 % has a plan: active or concept, closed at her outflow; the next evaluation
        # between a month overdue and five months ahead (so some are due: a signal).
        self.sql(
            f"""
            INSERT INTO plannen_plan (opgesteld_op, met_client, status, evaluatie_op,
                afgesloten_op, methodieken, toelichting, client_id, opgesteld_door_id)
            SELECT p.opgesteld, pg_temp.r(c.i, 51) < 0.8,
                   CASE WHEN c.uitstroom_datum IS NOT NULL THEN 'afgesloten'
                        WHEN pg_temp.r(c.i, 52) < 0.2 THEN 'concept' ELSE 'actief' END,
                   CASE WHEN c.uitstroom_datum IS NULL THEN greatest(p.opgesteld + 1,
                        %(vandaag)s::date - 30 + floor(pg_temp.r(c.i, 53) * 180)::int) END,
                   CASE WHEN c.uitstroom_datum IS NOT NULL
                        THEN greatest(p.opgesteld, c.uitstroom_datum) END,
                   '["presentie", "krachtwerk"]'::jsonb, '', c.id, c.cm_id
            FROM bench_client c
            CROSS JOIN LATERAL (SELECT least(c.in_beeld + 14, c.eind) AS opgesteld) AS p
            WHERE pg_temp.r(c.i, 50) < 0.65
            ORDER BY p.opgesteld;
            INSERT INTO plannen_doel (levensdomein, omschrijving, status, gesteld_op,
                                      client_id, plan_id)
            SELECT {_array(Levensdomein.values)}[1 + (k * 3 + floor(pg_temp.r(p.id, 54)
                       * {len(Levensdomein.values)})::int) %% {len(Levensdomein.values)}],
                   'Zelf zeggen wat zij wil bereiken.',
                   {_kies(DoelStatus.values, "pg_temp.r(p.id * 8 + k, 55)")},
                   p.opgesteld_op, p.client_id, p.id
            FROM plannen_plan p
            CROSS JOIN LATERAL generate_series(0, 1 + floor(pg_temp.r(p.id, 56) * 4)::int) AS k;
            INSERT INTO plannen_actiepunt (wie, omschrijving, uiterlijk_op, status, doel_id)
            SELECT (ARRAY['casemanager', 'ervaringsdeskundige', 'client', 'netwerkpartner'])
                       [1 + floor(pg_temp.r(d.id, 57) * 4)::int],
                   'Afspraak maken en samen gaan.', NULL, 'open', d.id
            FROM plannen_doel d;
            """
        )

    def zrm(self) -> None:
        domeinen = ZRMDomein.values
        scores = ",\n".join(
            f"CASE WHEN pg_temp.r(v.i * 32 + {n}, 62) < 0.05 THEN NULL ELSE "
            f"least(5, greatest(1, 1 + floor(pg_temp.r(v.i * 32 + {n}, 63) * 4)::int"
            f" + floor(k * pg_temp.r(v.i * 32 + {n}, 64))::int / 2)) END"
            for n in range(len(domeinen))
        )
        self.sql(
            f"""
            WITH gewicht AS (
                SELECT c.*, (c.eind - c.in_beeld + 1) * (0.2 + 1.6 * pg_temp.r(c.i, 60)) AS w
                FROM bench_client c),
            verdeling AS (
                SELECT g.*, floor(%(aantal)s * (sum(w) OVER (ORDER BY i) - w)
                                  / sum(w) OVER ())::bigint AS van,
                       floor(%(aantal)s * sum(w) OVER (ORDER BY i) / sum(w) OVER ())::bigint
                           AS tot
                FROM gewicht g)
            INSERT INTO plannen_zrmmeting (datum, versie, toelichting, {", ".join(domeinen)},
                                           afgenomen_door_id, client_id)
            SELECT v.in_beeld + (k * (v.eind - v.in_beeld) / greatest(1, v.tot - v.van))::int,
                   '2017', '', {scores}, v.cm_id, v.id
            FROM verdeling v
            CROSS JOIN LATERAL generate_series(0, v.tot - v.van - 1) AS k
            ORDER BY 1
            """,
            vult="plannen_zrmmeting",
            aantal=self.schaal.zrm_metingen,
        )

    def resultaten_en_knelpunten(self) -> None:
        self.sql(
            """
            INSERT INTO plannen_resultaat (datum, toelichting, client_id, geregistreerd_door_id,
                                           soort_id)
            SELECT c.in_beeld + floor(pg_temp.r(c.i * 4 + k, 70) * (c.eind - c.in_beeld))::int,
                   '', c.id, c.cm_id,
                   (SELECT array_agg(id ORDER BY id) FROM plannen_resultaattype)
                       [1 + floor(pg_temp.r(c.i * 4 + k, 71)
                        * (SELECT count(*) FROM plannen_resultaattype))::int]
            FROM bench_client c
            CROSS JOIN LATERAL generate_series(1, floor(pg_temp.r(c.i, 72) * 3)::int) AS k
            ORDER BY 1;
            INSERT INTO plannen_knelpunt (datum, levensdomein, categorie_id, omschrijving, status,
                                          opgelost_op, client_id, geregistreerd_door_id)
            SELECT c.in_beeld + 7,
                   (ARRAY['wonen', 'financien', 'documenten', 'psychische_gezondheid'])
                       [1 + floor(pg_temp.r(c.i, 74) * 4)::int],
                   (SELECT array_agg(id ORDER BY id) FROM plannen_knelpuntcategorie)
                       [1 + floor(pg_temp.r(c.i, 75)
                        * (SELECT count(*) FROM plannen_knelpuntcategorie))::int],
                   'Wachtlijst.',
                   CASE WHEN pg_temp.r(c.i, 76) < 0.4 THEN 'opgelost' ELSE 'open' END,
                   CASE WHEN pg_temp.r(c.i, 76) < 0.4 THEN c.eind END,
                   c.id, c.cm_id
            FROM bench_client c WHERE pg_temp.r(c.i, 73) < 0.3 AND c.in_beeld + 7 <= c.eind
            ORDER BY 1;
            """
        )

    def vergunningen(self) -> None:
        # A first application a week to two months after she came in view, then a
        # renewal every year while she is in view; the latest may still be undecided. 5 %
        # are refused (with an objection now and then). 15 % never applied.
        self.sql(
            """
            CREATE TEMP TABLE bench_vergunning ON COMMIT DROP AS
            SELECT c.id AS client_id, c.cm_id, c.i, t.nr AS team_nr, k,
                   c.in_beeld + 7 + floor(pg_temp.r(c.i, 80) * 50)::int + k * 365 AS aanvraag_op,
                   pg_temp.r(c.i * 8 + k, 81) AS lot
            FROM bench_client c JOIN bench_team t ON t.nr = c.team_nr
            CROSS JOIN LATERAL generate_series(0, 3) AS k
            WHERE pg_temp.r(c.i, 79) >= 0.15
              AND c.in_beeld + 7 + floor(pg_temp.r(c.i, 80) * 50)::int + k * 365 <= c.eind;
            ALTER TABLE bench_vergunning ADD COLUMN besluit text, ADD COLUMN besluit_op date;
            UPDATE bench_vergunning SET
                besluit = CASE WHEN aanvraag_op + 28 > %(vandaag)s::date THEN 'in_behandeling'
                               WHEN lot < 0.05 THEN 'geweigerd' ELSE 'verleend' END,
                besluit_op = CASE WHEN aanvraag_op + 28 > %(vandaag)s::date THEN NULL
                                  ELSE aanvraag_op + 14 + floor(lot * 14)::int END;
            INSERT INTO vergunningen_vergunning (soort, aanvraag_op, peildatum,
                werkt_sinds_peildatum, zorg_sinds_peildatum, besluit, besluit_op,
                registratienummer, geldig_tot, weigeringsgrond, afwijking_reden, bezwaar_op,
                bezwaar_door, bezwaar_status, aangemaakt_op, client_id, geregistreerd_door_id)
            SELECT CASE WHEN v.k = 0 THEN 'nieuw' ELSE 'verlenging' END, v.aanvraag_op,
                   team.vergunning_peildatum, v.besluit <> 'geweigerd', false, v.besluit,
                   v.besluit_op,
                   CASE WHEN v.besluit = 'verleend' THEN
                        'TZ-' || v.team_nr || '-' || v.i || '-' || v.k ELSE '' END,
                   CASE WHEN v.besluit = 'verleend' THEN v.aanvraag_op + 365 + 30 END,
                   CASE WHEN v.besluit = 'geweigerd'
                        THEN 'Niet aangetoond dat zij sinds de peildatum hier werkt.' ELSE '' END,
                   '',
                   CASE WHEN v.besluit = 'geweigerd' AND v.lot < 0.02
                        AND v.besluit_op + 20 <= %(vandaag)s::date THEN v.besluit_op + 20 END,
                   CASE WHEN v.besluit = 'geweigerd' AND v.lot < 0.02
                        AND v.besluit_op + 20 <= %(vandaag)s::date THEN 'cliënt' ELSE '' END,
                   CASE WHEN v.besluit = 'geweigerd' AND v.lot < 0.02
                        AND v.besluit_op + 20 <= %(vandaag)s::date THEN 'lopend' ELSE '' END,
                   v.aanvraag_op + time '09:30', v.client_id, v.cm_id
            FROM bench_vergunning v
            JOIN bench_team t ON t.nr = v.team_nr
            JOIN stapteam_team team ON team.id = t.team_id
            ORDER BY v.aanvraag_op;
            DROP TABLE bench_vergunning;
            """
        )

    def budget(self) -> None:
        # A flex and a time-out budget per team and calendar year; spends in proportion
        # to time in view, on the flex budget of their year, far below its amount. Two
        # per cent are above the team's approval threshold and wait for the coordinator.
        self.sql(
            """
            INSERT INTO budget_budget (naam, soort, van, tot, bedrag, aangemaakt_op,
                                       aangemaakt_door_id, team_id)
            SELECT s.naam || ' ' || jaar, s.soort, make_date(jaar, 1, 1),
                   make_date(jaar, 12, 31), s.bedrag, make_date(jaar, 1, 1) + time '09:00',
                   t.coordinator_id, t.team_id
            FROM bench_team t
            CROSS JOIN generate_series(extract(year FROM %(begin)s::date)::int,
                                       extract(year FROM %(vandaag)s::date)::int) AS jaar
            CROSS JOIN (VALUES ('Flexbudget', 'flexbudget', 60000),
                               ('Time-outbudget', 'time_out', 20000)) AS s(naam, soort, bedrag)
            """
        )
        self.sql(
            """
            WITH gewicht AS (
                SELECT c.*, (c.eind - c.in_beeld + 1) * (0.2 + 1.6 * pg_temp.r(c.i, 85)) AS w
                FROM bench_client c),
            verdeling AS (
                SELECT g.*, floor(%(aantal)s * (sum(w) OVER (ORDER BY i) - w)
                                  / sum(w) OVER ())::bigint AS van,
                       floor(%(aantal)s * sum(w) OVER (ORDER BY i) / sum(w) OVER ())::bigint
                           AS tot
                FROM gewicht g),
            uitgaven AS (
                SELECT v.*, j,
                       v.in_beeld + floor(pg_temp.r(j, 86) * (v.eind - v.in_beeld + 1))::int
                           AS datum,
                       pg_temp.r(j, 87) < 0.02 AS boven_drempel
                FROM verdeling v CROSS JOIN LATERAL generate_series(v.van + 1, v.tot) AS j)
            INSERT INTO budget_uitgave (datum, bedrag, categorie, omschrijving, bonnetje,
                status, beoordeeld_op, beoordeling_toelichting, aangemaakt_op,
                beoordeeld_door_id, budget_id, client_id, correctie_van_id,
                geregistreerd_door_id, medewerker_id, timeout_id)
            SELECT u.datum,
                   CASE WHEN u.boven_drempel THEN 260 + floor(pg_temp.r(u.j, 88) * 140)
                        ELSE 5 + floor(pg_temp.r(u.j, 88) * 120) END,
                   (ARRAY['kleding', 'voeding', 'slaapplek', 'vervoer', 'telefoon',
                          'documenten', 'zorgkosten', 'overig'])
                       [1 + floor(pg_temp.r(u.j, 89) * 8)::int],
                   'Uitgave voor haar.', '',
                   CASE WHEN u.boven_drempel THEN 'ingediend' ELSE 'goedgekeurd' END,
                   NULL, '', u.datum + time '15:00', NULL, b.id, u.id, NULL, u.cm_id, u.cm_id,
                   NULL
            FROM uitgaven u
            JOIN bench_team t ON t.nr = u.team_nr
            JOIN budget_budget b ON b.team_id = t.team_id AND b.soort = 'flexbudget'
                 AND u.datum BETWEEN b.van AND b.tot
            ORDER BY u.datum
            """,
            vult="budget_uitgave",
            aantal=self.schaal.uitgaven,
        )

    def toegangslog(self) -> None:
        """Three years of reading: each line a staff member of a team opening one of its
        dossiers (or searching, or changing something), in time order."""
        with _in_een_keer_controleren(self.cursor, "stapteam_toegangslog"):
            self.sql(
                """
                INSERT INTO stapteam_toegangslog (tijdstip, rol, actie, object_type, object_id,
                    client_id, omschrijving, ip_adres, gebruiker_id, team_id)
                SELECT ruw.tijdstip, t.staf_rollen[x.s], ruw.actie,
                       CASE WHEN ruw.actie = 'zoeken' THEN '' ELSE 'clients.client' END,
                       CASE WHEN ruw.actie = 'zoeken' THEN '' ELSE x.client_id::text END,
                       CASE WHEN ruw.actie = 'zoeken' THEN NULL ELSE x.client_id END,
                       CASE ruw.actie WHEN 'zoeken' THEN 'Cliënten: zoekterm'
                                    WHEN 'wijzigen' THEN 'Contact vastgelegd'
                                    ELSE 'Dossier bekeken' END,
                       ('10.1.' || (ruw.g %% 200) || '.' || (ruw.g %% 250 + 1))::inet,
                       t.staf_ids[x.s], t.team_id
                FROM (
                    SELECT g,
                           %(begin_ts)s::timestamptz + (g::float8 / %(aantal)s)
                               * (%(nu)s::timestamptz - %(begin_ts)s::timestamptz) AS tijdstip,
                           1 + floor(pg_temp.r(g, 90) * %(teams)s)::int AS team_nr,
                           pg_temp.r(g, 91) AS s_lot,
                           pg_temp.r(g, 92) AS c_lot,
                           CASE WHEN pg_temp.r(g, 93) < 0.8 THEN 'inzien'
                                WHEN pg_temp.r(g, 93) < 0.9 THEN 'zoeken'
                                ELSE 'wijzigen' END AS actie
                    FROM generate_series(1, %(aantal)s) AS g
                ) AS ruw
                JOIN bench_team t ON t.nr = ruw.team_nr
                CROSS JOIN LATERAL (
                    SELECT t.eerste + floor(ruw.c_lot * t.aantal)::bigint
                               + %(client_verschuiving)s AS client_id,
                           1 + floor(ruw.s_lot * array_length(t.staf_ids, 1))::int AS s
                ) AS x
                """,
                aantal=self.schaal.toegangslog,
                teams=self.schaal.teams,
                begin_ts=dt.datetime.combine(self.p["begin"], dt.time(), tzinfo=dt.UTC),
                nu=timezone.now(),
            )

    def geschiedenis(self) -> None:
        """A creation row per client, permit and spend: what the dossier's "changes"
        sections read."""
        self.sql(
            """
            INSERT INTO clients_historicalclient (id, code, roepnaam, voornaam, achternaam,
                geboortedatum, bsn, telefoon, postadres, is_briefadres, geslacht,
                in_beeld_sinds, status, uitstroom_datum, uitstroom_reden, aangemaakt_op,
                geanonimiseerd_op, history_date, history_change_reason, history_type,
                casemanager_id, ervaringsdeskundige_id, history_user_id, team_id,
                tweede_casemanager_id)
            SELECT id, code, roepnaam, voornaam, achternaam, geboortedatum, bsn, telefoon,
                   postadres, is_briefadres, geslacht, in_beeld_sinds, status,
                   uitstroom_datum, uitstroom_reden, aangemaakt_op, geanonimiseerd_op,
                   aangemaakt_op, NULL, '+', casemanager_id, ervaringsdeskundige_id,
                   casemanager_id, team_id, tweede_casemanager_id
            FROM clients_client ORDER BY id;
            INSERT INTO vergunningen_historicalvergunning (id, soort, aanvraag_op, peildatum,
                werkt_sinds_peildatum, zorg_sinds_peildatum, besluit, besluit_op,
                registratienummer, geldig_tot, weigeringsgrond, afwijking_reden, bezwaar_op,
                bezwaar_door, bezwaar_status, aangemaakt_op, history_date,
                history_change_reason, history_type, client_id, geregistreerd_door_id,
                history_user_id)
            SELECT id, soort, aanvraag_op, peildatum, werkt_sinds_peildatum,
                   zorg_sinds_peildatum, besluit, besluit_op, registratienummer, geldig_tot,
                   weigeringsgrond, afwijking_reden, bezwaar_op, bezwaar_door, bezwaar_status,
                   aangemaakt_op, aangemaakt_op, NULL, '+', client_id, geregistreerd_door_id,
                   geregistreerd_door_id
            FROM vergunningen_vergunning ORDER BY id;
            INSERT INTO budget_historicaluitgave (id, datum, bedrag, categorie, omschrijving,
                bonnetje, status, beoordeeld_op, beoordeling_toelichting, aangemaakt_op,
                history_date, history_change_reason, history_type, beoordeeld_door_id,
                budget_id, client_id, geregistreerd_door_id, history_user_id, medewerker_id,
                timeout_id, correctie_van_id)
            SELECT id, datum, bedrag, categorie, omschrijving, bonnetje, status,
                   beoordeeld_op, beoordeling_toelichting, aangemaakt_op, aangemaakt_op, NULL,
                   '+', beoordeeld_door_id, budget_id, client_id, geregistreerd_door_id,
                   geregistreerd_door_id, medewerker_id, timeout_id, correctie_van_id
            FROM budget_uitgave ORDER BY id;
            """
        )


@contextmanager
def _in_een_keer_controleren(cursor, tabel: str):
    """Fill ``tabel`` without its plain indexes and foreign keys, then put them back.

    Indexes (not those behind a primary key or unique constraint) are built again from
    their own definitions: one sort each instead of millions of random inserts. Foreign
    keys are added again, which checks every row in one join instead of one trigger call
    per row and key. The result is the same table with the same checks passed.
    """
    cursor.execute(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = %s::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """,
        [tabel],
    )
    indexen = cursor.fetchall()
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype = 'f'",
        [tabel],
    )
    sleutels = cursor.fetchall()
    for naam, _ in indexen:
        cursor.execute(f'DROP INDEX "{naam}"')
    for naam, _ in sleutels:
        cursor.execute(f'ALTER TABLE "{tabel}" DROP CONSTRAINT "{naam}"')
    yield
    for naam, definitie in sleutels:
        cursor.execute(f'ALTER TABLE "{tabel}" ADD CONSTRAINT "{naam}" {definitie}')
    for _, definitie in indexen:
        cursor.execute(definitie)
