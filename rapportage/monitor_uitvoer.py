"""The progress monitor as XLSX (a sheet per part) and as CSV (the rows per client, with
a totals row). Every text cell passes the spreadsheet-safety helper."""

import csv
import datetime as dt
import io
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font

from clients.models import Client
from clients.services import verstrekkingen_vastleggen
from rapportage.evaluatie import Periode, in_beeld
from rapportage.monitor import Monitor, voortgangsmonitor
from stapteam.models import Team, User
from stapteam.spreadsheets import veilige_tekst

CLIENTKOLOMMEN = [
    ("clientnummer", "Cliëntnummer"),
    ("casemanager", "Casemanager"),
    ("status", "Status"),
    ("intensiteit", "Intensiteit"),
    ("gerealiseerde_contacten", "Gerealiseerde contacten"),
    ("contactminuten", "Contactminuten"),
    ("pogingen", "Pogingen"),
    ("netwerkoverleggen", "Netwerkoverleggen"),
    ("laatste_contact", "Laatste contact"),
    ("plan", "Plan van aanpak"),
    ("evaluatie_op", "Evaluatie op"),
    ("eerste_zrm", "Eerste ZRM"),
    ("laatste_zrm", "Laatste ZRM"),
    ("vergunning_geldig_tot", "Vergunning geldig tot"),
    ("besteed", "Besteed (euro)"),
    ("signalen", "Open signalen (nu)"),
]
# Columns summed in the totals row.
OPGETELD = {"gerealiseerde_contacten", "contactminuten", "pogingen", "netwerkoverleggen", "besteed"}


def kerncijfers(monitor: Monitor) -> list[tuple[str, object]]:
    c = monitor.kerncijfers
    d, z, v, b = c["doelgroep"], c["zorgaanpak"], c["vergunningen"], c["budget"]
    frequentie = z["contactfrequentie"]
    return [
        ("Cliënten in beeld", d["in_beeld"]),
        ("Met een geldige vergunning", d["met_vergunning"]),
        ("Actief ondersteund", z["actief_ondersteund"]),
        ("Met een actief plan van aanpak", z["met_plan"]),
        ("Contact wekelijks (13 weken)", frequentie["wekelijks"]),
        ("Contact maandelijks (13 weken)", frequentie["maandelijks"]),
        ("Contact minder dan maandelijks (13 weken)", frequentie["minder_dan_maandelijks"]),
        ("Met ervaringsdeskundige", z["met_ervaringsdeskundige"]),
        ("Vergunningaanvragen", v["aanvragen"]),
        ("Vergunningen verleend", v["verleend"]),
        ("ZRM: cliënten met twee metingen", c["zrm"]["clienten_met_twee_metingen"]),
        ("Time-outs", b["time_outs"]["aantal"]),
        ("Time-outdagen", b["time_outs"]["dagen"]),
        ("Uitgaven flexbudget (euro)", sum(Decimal(w) for w in b["per_categorie"].values())),
    ]


def _cel(waarde):
    if isinstance(waarde, Decimal):
        return float(waarde)
    if isinstance(waarde, str):
        return veilige_tekst(waarde)
    return waarde


def totalen(monitor: Monitor) -> dict:
    return {k: sum(rij[k] for rij in monitor.clienten) for k in OPGETELD}


def als_xlsx(monitor: Monitor) -> bytes:
    boek = Workbook()
    vet = Font(bold=True)
    kop = f"{monitor.team.naam}, {monitor.van:%d-%m-%Y} t/m {monitor.tot:%d-%m-%Y}"

    blad = boek.active
    blad.title = "Kerncijfers"
    blad.append([veilige_tekst(f"Voortgangsmonitor {kop}")])
    blad.append(["Kerncijfer", "Waarde"])
    for label, waarde in kerncijfers(monitor):
        blad.append([label, _cel(waarde)])
    blad.column_dimensions["A"].width = 45

    blad = boek.create_sheet("Cliënten")
    blad.append([label for _, label in CLIENTKOLOMMEN])
    for cel in blad[1]:
        cel.font = vet
    for rij in monitor.clienten:
        blad.append([_cel(rij[sleutel]) for sleutel, _ in CLIENTKOLOMMEN])
    som = totalen(monitor)
    blad.append(["Totaal", *(_cel(som.get(sleutel, None)) for sleutel, _ in CLIENTKOLOMMEN[1:])])
    for index, (sleutel, _) in enumerate(CLIENTKOLOMMEN, start=1):
        if isinstance(monitor.clienten[0][sleutel] if monitor.clienten else None, dt.date):
            for (cel,) in blad.iter_rows(min_row=2, min_col=index, max_col=index):
                cel.number_format = "DD-MM-YYYY"

    inzet = monitor.inzet
    blad = boek.create_sheet("Inzet")
    blad.append([veilige_tekst(f"Inzet {kop}")])
    blad.append(["Cliënten in beeld", inzet["clienten_in_beeld"]])
    blad.append(["Weken", float(inzet["weken"])])
    blad.append([])
    blad.append(
        [
            "Organisatie",
            "Directe contacttijd (min)",
            "Pogingen",
            "Pogingen (min)",
            "Netwerkoverleg (min)",
            "Uur per cliënt per week",
        ]
    )
    for regel in inzet["per_organisatie"]:
        blad.append(
            [
                veilige_tekst(regel["organisatie"]),
                regel["direct_minuten"],
                regel["pogingen"],
                regel["poging_minuten"],
                regel["netwerk_minuten"],
                float(regel["uur_per_client_per_week"]),
            ]
        )
    team = inzet["team"]
    blad.append(
        [
            "Team",
            team["direct_minuten"],
            team["pogingen"],
            team["poging_minuten"],
            team["netwerk_minuten"],
            float(team["uur_per_client_per_week"]),
        ]
    )
    blad.append([])
    for label, sleutel in [
        ("Directe contacttijd, uur per cliënt per week", "direct_uur_per_client_per_week"),
        ("Pogingen, uur per cliënt per week", "poging_uur_per_client_per_week"),
        ("Netwerkoverleg, uur per cliënt per week", "netwerk_uur_per_client_per_week"),
    ]:
        blad.append([label, float(team[sleutel])])
    blad.column_dimensions["A"].width = 45
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def als_csv(monitor: Monitor) -> bytes:
    """The rows per client (semicolon-separated, as Dutch spreadsheets expect), and a
    totals row; with a byte-order mark so Excel reads the accents."""
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";")
    schrijver.writerow([label for _, label in CLIENTKOLOMMEN])

    def tekst(waarde):
        if waarde is None:
            return ""
        if isinstance(waarde, dt.date):
            return waarde.isoformat()
        return veilige_tekst(str(waarde))

    for rij in monitor.clienten:
        schrijver.writerow([tekst(rij[sleutel]) for sleutel, _ in CLIENTKOLOMMEN])
    som = totalen(monitor)
    schrijver.writerow(["Totaal", *(tekst(som.get(s)) for s, _ in CLIENTKOLOMMEN[1:])])
    return ("\ufeff" + uitvoer.getvalue()).encode()


MAKERS = {"xlsx": als_xlsx, "csv": als_csv}
FORMATEN = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def bestandsnaam(monitor: Monitor, formaat: str) -> str:
    return (
        f"voortgangsmonitor-{monitor.team.code}-{monitor.van:%Y%m%d}-{monitor.tot:%Y%m%d}.{formaat}"
    )


def logregel(monitor: Monitor, formaat: str) -> str:
    return (
        f"Voortgangsmonitor {monitor.team.naam}, {monitor.van:%d-%m-%Y} t/m "
        f"{monitor.tot:%d-%m-%Y}, formaat {formaat} ({len(monitor.clienten)} cliëntregels)"
    )


def clienten_in_de_monitor(team: Team, van: dt.date, tot: dt.date) -> QuerySet[Client]:
    """The clients with a row in the monitor of this period: those in view."""
    return in_beeld(Periode(team=team, van=van, tot=tot))


def monitor_verstrekken(
    team: Team,
    van: dt.date,
    tot: dt.date,
    *,
    formaat: str,
    organisatie_code: str,
    waarom: str,
    door: User | None,
    reden_zonder_toestemming: str = "",
) -> tuple[Monitor, bytes]:
    """The monitor with its rows per client as a disclosure: an entry per client in the
    register (the consent rule of ``verstrekkingen_vastleggen``), then the file, in one
    transaction. A refusal (``ValidationError``) registers nothing and makes no file.

    ``door`` is the coordinator who downloads it (the signals follow her view), or None
    for the command (the whole team's view)."""
    with transaction.atomic():
        verstrekkingen_vastleggen(
            clienten=clienten_in_de_monitor(team, van, tot),
            organisatie_code=organisatie_code,
            wat=f"Voortgangsmonitor {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}: een regel op "
            "cliëntnummer met casemanager, status, contacten, plan, ZRM, vergunning, "
            "besteed budget en signalen",
            waarom=waarom,
            door=door,
            reden_zonder_toestemming=reden_zonder_toestemming,
        )
        monitor = voortgangsmonitor(team, van, tot, gebruiker=door)
        return monitor, MAKERS[formaat](monitor)
