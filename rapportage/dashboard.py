"""The municipal dashboard (ONTWERP §6): figures per month for the teams of the user's
municipalities, per team and together, that a municipality can steer on without ever
seeing a person.

Every figure is computed in the database, a fixed number of queries for any range and any
number of teams: the figures at month end join the teams' clients with the months (a
VALUES list of month ends) and count per team and month; the events group by team and
month. ``blad`` then lays the figures out as the
cells and additive relations the page shows, for ``rapportage.onderdrukking``.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Q, Subquery, Sum
from django.db.models.functions import TruncMonth

from budget.constants import UitgaveStatus
from budget.models import Budget, TimeOut, Uitgave
from clients.constants import Intensiteit, Kenmerk, UitstroomReden, Woonsituatie
from clients.models import Client, Contact, Situatie
from plannen.constants import KnelpuntStatus
from plannen.models import Escalatie, Knelpunt
from stapteam.datums import maanden_terug, op_dagen
from stapteam.models import Team
from vergunningen.constants import Besluit
from vergunningen.models import Vergunning

SAMEN = "samen"  # the key of the municipality's total over its teams
GEEN_WAARDE = "geen_waarde"
VERDELINGEN = {
    "woonsituatie": (Kenmerk.WOONSITUATIE, Woonsituatie),
    "intensiteit": (Kenmerk.INTENSITEIT, Intensiteit),
}


@dataclass(frozen=True)
class Maand:
    begin: dt.date

    @property
    def einde(self) -> dt.date:
        return maanden_terug(self.begin, -1) - dt.timedelta(days=1)

    @property
    def sleutel(self) -> str:
        return f"{self.begin:%Y-%m}"


def maanden(van: dt.date, tot: dt.date) -> list[Maand]:
    """The calendar months from the one of ``van`` to the one of ``tot``."""
    uitkomst, maand = [], van.replace(day=1)
    while maand <= tot:
        uitkomst.append(Maand(maand))
        maand = maanden_terug(maand, -1)
    return uitkomst


def _team_filter(teams: list[Team], kolom: str) -> tuple[str, list]:
    """``kolom`` is the id of one of ``teams``: as an array parameter on PostgreSQL (the
    same SQL for any number of teams), as a list of placeholders elsewhere."""
    ids = [team.pk for team in teams]
    if connection.vendor == "postgresql":
        return f"{kolom} = ANY(%s)", [ids]
    return f"{kolom} IN ({', '.join(['%s'] * len(ids))})", ids


def _maandeinden(reeks: list[Maand]) -> tuple[str, list]:
    """The months as a table ``maand (sleutel, begin, einde)``: a VALUES list."""
    datum = connection.ops.adapt_datefield_value
    rijen = ", ".join(["(%s, %s, %s)"] * len(reeks))
    parameters = [w for m in reeks for w in (m.sleutel, datum(m.begin), datum(m.einde))]
    return f"maand (sleutel, begin, einde) AS (VALUES {rijen})", parameters


def _rijen(sql: str, parameters: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return cursor.fetchall()


# In view at the month's end ``m.einde`` (the definition of §6).
_IN_BEELD_SQL = (
    "c.in_beeld_sinds <= m.einde AND (c.uitstroom_datum IS NULL OR c.uitstroom_datum > m.einde)"
)


def personen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Per team and month: in view at month end, inflow, outflow per reason, with a valid
    permit at month end. One query: the teams' clients joined with the months, counted
    per team and month (the permit looked up only for who is in view at month end)."""
    maanden_sql, parameters = _maandeinden(reeks)
    redenen = UitstroomReden.values
    uitstroom = "".join(
        ", COUNT(CASE WHEN c.uitstroom_datum >= m.begin AND c.uitstroom_datum <= m.einde "
        "AND c.uitstroom_reden = %s THEN 1 END)"
        for _ in redenen
    )
    filter_sql, team_parameters = _team_filter(teams, "c.team_id")
    # The permit condition is ``vergunningen.selectors.geldig_op`` in SQL.
    sql = f"""
        WITH {maanden_sql}
        SELECT c.team_id, m.sleutel,
            COUNT(CASE WHEN {_IN_BEELD_SQL} THEN 1 END),
            COUNT(CASE WHEN c.in_beeld_sinds >= m.begin AND c.in_beeld_sinds <= m.einde
                THEN 1 END)
            {uitstroom},
            COUNT(CASE WHEN {_IN_BEELD_SQL} AND EXISTS (
                SELECT 1 FROM {Vergunning._meta.db_table} v
                WHERE v.client_id = c.id AND v.besluit = %s AND v.besluit_op <= m.einde
                    AND (v.geldig_tot IS NULL OR v.geldig_tot >= m.einde)
            ) THEN 1 END)
        FROM {Client._meta.db_table} c CROSS JOIN maand m
        WHERE {filter_sql}
        GROUP BY c.team_id, m.sleutel
    """
    uitkomst: dict = defaultdict(dict)
    for team, k, in_beeld, instroom, *rest in _rijen(
        sql, [*parameters, *redenen, Besluit.VERLEEND, *team_parameters]
    ):
        rij = uitkomst[team]
        rij[f"in_beeld_{k}"] = in_beeld
        rij[f"instroom_{k}"] = instroom
        for reden, n in zip(redenen, rest[:-1], strict=True):
            rij[f"uitstroom_{reden}_{k}"] = n
        rij[f"met_vergunning_{k}"] = rest[-1]
    return dict(uitkomst)


def verdelingen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Per team and month: housing and intensity of those in view at month end, with
    'geen waarde' for who has none, so each breakdown adds up to the number in view.

    One query: each situation row is valid from its date until the next row of the same
    client and kenmerk (LEAD), so the value at a month's end is the row whose interval
    holds it; the clients in view at each month's end are joined with those intervals and
    counted per team, month and value."""
    maanden_sql, parameters = _maandeinden(reeks)
    kenmerken = [kenmerk for kenmerk, _ in VERDELINGEN.values()]
    lijst = ", ".join(["%s"] * len(kenmerken))
    kenmerk_rijen = ", ".join(["(%s)"] * len(kenmerken))
    filter_sql, team_parameters = _team_filter(teams, "team_id")
    client_filter, client_parameters = _team_filter(teams, "c.team_id")
    sql = f"""
        WITH {maanden_sql},
        kenmerk (naam) AS (VALUES {kenmerk_rijen}),
        geschiedenis AS (
            SELECT s.client_id, s.kenmerk, s.waarde, s.datum,
                LEAD(s.datum) OVER (PARTITION BY s.client_id, s.kenmerk ORDER BY s.datum)
                    AS volgende
            FROM {Situatie._meta.db_table} s
            WHERE s.kenmerk IN ({lijst}) AND s.client_id IN (
                SELECT id FROM {Client._meta.db_table} WHERE {filter_sql}
            )
        )
        SELECT c.team_id, m.sleutel, k.naam, g.waarde, COUNT(*)
        FROM {Client._meta.db_table} c
            CROSS JOIN maand m
            CROSS JOIN kenmerk k
            LEFT JOIN geschiedenis g ON g.client_id = c.id AND g.kenmerk = k.naam
                AND g.datum <= m.einde AND (g.volgende IS NULL OR g.volgende > m.einde)
        WHERE {client_filter} AND {_IN_BEELD_SQL}
        GROUP BY c.team_id, m.sleutel, k.naam, g.waarde
    """
    naam_van = {kenmerk: naam for naam, (kenmerk, _) in VERDELINGEN.items()}
    uitkomst: dict = defaultdict(dict)
    for team, k, kenmerk, waarde, n in _rijen(
        sql,
        [*parameters, *kenmerken, *kenmerken, *team_parameters, *client_parameters],
    ):
        naam = naam_van[kenmerk]
        if waarde is None:
            waarde = GEEN_WAARDE
        elif waarde not in VERDELINGEN[naam][1].values:
            continue  # a value outside the vocabulary is in none of the page's rows
        uitkomst[team][f"{naam}_{waarde}_{k}"] = n
    return dict(uitkomst)


def knelpunten(teams: list[Team], van: dt.date, tot: dt.date) -> dict:
    """Per team and category code over the range: barriers open at its end, new in it,
    solved in it, and the days the solved ones had been open in total (for the mean).
    Two queries, however many categories the vocabulary has."""
    open_aan_het_eind = Q(datum__lte=tot) & (Q(opgelost_op__isnull=True) | Q(opgelost_op__gt=tot))
    opgelost = Q(status=KnelpuntStatus.OPGELOST, opgelost_op__gte=van, opgelost_op__lte=tot)
    alle = Knelpunt.objects.filter(client__team__in=teams)
    uitkomst: dict = defaultdict(dict)
    for rij in (
        alle.order_by()
        .values("client__team", "categorie__code")
        .annotate(
            open=Count("pk", filter=open_aan_het_eind),
            nieuw=Count("pk", filter=Q(datum__gte=van, datum__lte=tot)),
            opgelost=Count("pk", filter=opgelost),
        )
    ):
        for soort in ("open", "nieuw", "opgelost"):
            uitkomst[rij["client__team"]][f"{soort}_{rij['categorie__code']}"] = rij[soort]
    # Days open: the dates of the solved ones (one row per barrier solved in the range).
    for team, categorie, begin, einde in alle.filter(opgelost).values_list(
        "client__team", "categorie__code", "datum", "opgelost_op"
    ):
        rij = uitkomst[team]
        rij[f"dagen_{categorie}"] = rij.get(f"dagen_{categorie}", 0) + (einde - begin).days
    return dict(uitkomst)


class _InLijst(Func):
    """``veld IN (subquery)``, on PostgreSQL as ``veld = ANY(ARRAY(subquery))``: the
    subquery then runs once, before the rest, and its ids go to the index on ``veld`` as
    a list, where ``IN`` let PostgreSQL join with a scan of every team's rows."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        veld, subquery = (compiler.compile(e) for e in self.get_source_expressions())
        return f"{veld[0]} IN {subquery[0]}", (*veld[1], *subquery[1])

    def as_postgresql(self, compiler, connection, **extra_context):
        veld, subquery = (compiler.compile(e) for e in self.get_source_expressions())
        return f"{veld[0]} = ANY(ARRAY{subquery[0]})", (*veld[1], *subquery[1])


def _van_teams(relatie: str, teams: list[Team]) -> Q:
    """Rows whose ``relatie`` (a client or a budget) belongs to one of ``teams``; the
    team is also asked of the joined row itself, which the query groups by."""
    model = {"client": Client, "budget": Budget}[relatie]
    ids = model.objects.filter(team__in=teams).values("pk")
    return Q(_InLijst(F(f"{relatie}_id"), Subquery(ids))) & Q(**{f"{relatie}__team__in": teams})


def gebeurtenissen(teams: list[Team], reeks: list[Maand]) -> dict:
    """Events and amounts per team and month, each with the number of distinct clients
    behind it (their suppression rule): contacts by kind, time-outs, escalations opened
    and closed, approved spends. Five queries."""
    van, tot = reeks[0].begin, reeks[-1].einde
    uitkomst: dict = defaultdict(dict)

    def verzamel(rijen, naam, team):
        for rij in rijen:
            maand = rij["maand"].date() if isinstance(rij["maand"], dt.datetime) else rij["maand"]
            sleutel = (rij[team], f"{maand:%Y-%m}")
            uitkomst[sleutel][naam(rij) if callable(naam) else naam] = (rij["n"], rij["clienten"])

    verzamel(
        Contact.objects.filter(_van_teams("client", teams), **op_dagen(van, tot))
        .annotate(maand=TruncMonth("tijdstip"))
        .values("client__team", "maand", "soort")
        # COUNT(*): the contact index holds client, kind and moment, not the id
        .annotate(n=Count("*"), clienten=Count("client", distinct=True))
        .order_by(),
        lambda rij: f"contact_{rij['soort']}",
        team="client__team",
    )
    verzamel(
        TimeOut.objects.filter(_van_teams("client", teams), van__gte=van, van__lte=tot)
        .annotate(maand=TruncMonth("van"))
        .values("client__team", "maand")
        .annotate(n=Count("pk"), clienten=Count("client", distinct=True))
        .order_by(),
        "time_outs",
        team="client__team",
    )
    for naam, veld in (
        ("escalaties_geopend", "aangevraagd_op"),
        ("escalaties_afgerond", "afgerond_op"),
    ):
        verzamel(
            Escalatie.objects.filter(
                _van_teams("client", teams), **{f"{veld}__gte": van, f"{veld}__lte": tot}
            )
            .annotate(maand=TruncMonth(veld))
            .values("client__team", "maand")
            .annotate(n=Count("pk"), clienten=Count("client", distinct=True))
            .order_by(),
            naam,
            team="client__team",
        )
    verzamel(
        Uitgave.objects.filter(
            _van_teams("budget", teams),
            status=UitgaveStatus.GOEDGEKEURD,
            datum__gte=van,
            datum__lte=tot,
        )
        .annotate(maand=TruncMonth("datum"))
        .values("budget__team", "maand")
        .annotate(n=Sum("bedrag"), clienten=Count("client", distinct=True))
        .order_by(),
        "besteed",
        team="budget__team",
    )
    return uitkomst
