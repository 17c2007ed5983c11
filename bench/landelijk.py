"""The run of ``manage.py benchmark --landelijk``: build (or find) the data, measure the
pages, load gunicorn, print the tables for docs/prestaties.md."""

import time

from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from bench import belasting, machine, metingen
from bench.landelijke_data import MEETTEAM, Schaal, opbouwen
from clients.constants import Status
from clients.models import Client, Contact, Situatie, Toestemming
from plannen.models import Doel, Plan, ZRMMeting
from rapportage.evaluatie_meting import meet_evaluatie, regels
from rapportage.periodes import laatste_twaalf_maanden
from stapteam.constants import Rol
from stapteam.models import Team, Toegangslog, User
from vergunningen.models import Vergunning

ROLLEN = [
    Rol.CASEMANAGER,
    Rol.ERVARINGSDESKUNDIGE,
    Rol.COORDINATOR,
    Rol.GEMEENTE,
    Rol.PROCESREGISSEUR,
    Rol.FUNCTIONARIS,
]


def draaien(command, *, herhalingen: int, **opties) -> None:
    schrijf = command.stdout.write
    if connection.vendor != "postgresql":
        raise CommandError(
            "De landelijke benchmark draait alleen op PostgreSQL; zet BENCHMARK_DATABASE_URL "
            "op een lege PostgreSQL-database."
        )
    schrijf(f"Machine voor het opbouwen: {machine.toestand()}")
    if opties["alleen_meten"]:
        team = Team.objects.filter(code=MEETTEAM).first()
        if team is None:
            raise CommandError(
                "In deze database staat geen landelijke benchmark; draai eerst zonder "
                "--alleen-meten op een lege database."
            )
        gebruikers = {rol: User.objects.get(username=f"meet-{rol}") for rol in ROLLEN}
    else:
        schaal = Schaal(
            teams=opties["teams"],
            clienten=opties["alle_clienten"],
            contacten=opties["alle_contacten"],
            zrm_metingen=opties["zrm_metingen"],
            uitgaven=opties["uitgaven"],
            toegangslog=opties["toegangslog"],
            zaad=opties["zaad"],
        )
        begin = time.perf_counter()
        try:
            opbouw = opbouwen(schaal, melden=schrijf)
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        schrijf(f"Opgebouwd in {time.perf_counter() - begin:.0f} s ({machine.toestand()}).")
        team, gebruikers = opbouw.team, opbouw.gebruikers

    schrijf(
        "Gegevens: "
        + ", ".join(
            f"{model.objects.count():,} {naam}"
            for model, naam in (
                (Team, "teams"),
                (Client, "cliënten"),
                (Contact, "contacten"),
                (Situatie, "situatieregels"),
                (Toestemming, "toestemmingen"),
                (Plan, "plannen"),
                (Doel, "doelen"),
                (ZRMMeting, "ZRM-metingen"),
                (Vergunning, "vergunningen"),
                (Toegangslog, "toegangslogregels"),
            )
        )
        + f"; meetteam {Client.objects.filter(team=team).count()} cliënten."
    )
    if opties["alleen_evaluatie"]:
        _evaluatie_meten(team, herhalingen, schrijf)
        return
    uitslag = []
    if not opties["zonder_paginas"]:
        client = metingen.meetclient(team, gebruikers[Rol.CASEMANAGER])
        schrijf(f"Pagina's ({herhalingen} rondes van elke pagina één keer, {machine.toestand()}):")
        uitslag = metingen.alles_meten(
            gebruikers,
            client,
            herhalingen=herhalingen,
            max_seconden=opties["max_seconden"],
            melden=schrijf,
            namen=opties["pagina"],
        )
    doorvoer = []
    if not opties["zonder_belasting"]:
        mixen = [belasting.MIX]
        if opties["belasting_referentie"]:
            mixen.append(belasting.REFERENTIE)
        schrijf(f"Doorvoer onder gunicorn ({machine.toestand()}):")
        clienten = list(
            Client.objects.filter(team=team)
            .exclude(status=Status.UITGESTROOMD)
            .values_list("pk", flat=True)
        )
        casemanagers = list(
            User.objects.filter(
                Q(username=f"meet-{Rol.CASEMANAGER}")
                | Q(username__startswith=f"{MEETTEAM}-{Rol.CASEMANAGER}-")
            )
        )
        doorvoer = belasting.meten(
            casemanagers,
            clienten,
            sessies_aantal=opties["sessies"],
            seconden=opties["belasting_seconden"],
            workers=opties["workers"],
            threads=opties["threads"],
            mixen=mixen,
        )
    if uitslag:
        schrijf("")
        schrijf(metingen.tabel(uitslag))
    for uitkomst in doorvoer:
        schrijf("")
        schrijf(uitkomst.tabel())
    schrijf(f"\nNa afloop: {machine.toestand()}.")


def _evaluatie_meten(team: Team, herhalingen: int, schrijf) -> None:
    """The evaluation figures of the measured team over the last twelve months, per part:
    function, bare SQL and PostgreSQL's own time (``rapportage.evaluatie_meting``)."""
    periode = laatste_twaalf_maanden(timezone.localdate())
    schrijf(f"Evaluatierapport ({herhalingen} keer, {machine.toestand()}):")
    for regel in regels(meet_evaluatie(team, periode.van, periode.tot, herhalingen)):
        schrijf(regel)
    schrijf(f"Na afloop: {machine.toestand()}.")
