"""What budgets contribute to the shared mechanisms: the "Budget" section of the dossier
with its action "Uitgave vastleggen", the AVG inzage, anonymisation and the coordinator's
start-page block. Registered in ``BudgetConfig.ready``."""

from django.urls import reverse

from budget.constants import UitgaveStatus
from budget.geld import euro
from budget.models import TimeOut, Uitgave
from budget.selectors import met_correcties
from budget.services import GOEDKEUREN
from budget.toegang import LEZEN, uitgaven_voor_gebruiker
from clients import dossier, inzage
from clients.inzage import Sectie
from stapteam import startpagina
from stapteam.geschiedenis import wijzigingen
from stapteam.toegang import mag

UITGEVEN = "budget.add_uitgave"
TIMEOUT = "budget.add_timeout"
IN_SECTIE = 25  # the dossier shows her latest spends; the AVG inzage holds all


def budgetsectie(request, client, volledig):
    """Her spends and time-outs, newest first. Not for a role that does not see budgets."""
    if not mag(request.user, LEZEN):
        return None
    # Only what the section shows: each further join made PostgreSQL plan this query
    # for longer (7 ms with the six of ``uitgavenlijst``) than it ran.
    uitgaven = list(
        met_correcties(Uitgave.objects.filter(client=client))
        .select_related("budget", "timeout")
        .order_by("-datum", "-id")[: IN_SECTIE + 1]
    )
    return {
        "uitgaven": uitgaven[:IN_SECTIE],
        "meer": len(uitgaven) > IN_SECTIE,
        "mag_uitgeven": mag(request.user, UITGEVEN),
        "mag_timeout": mag(request.user, TIMEOUT),
    }


def uitgaveactie(request, client):
    if not mag(request.user, UITGEVEN):
        return []
    return [("Uitgave vastleggen", reverse("budget:uitgave_nieuw") + f"?client={client.pk}")]


def startblok_goedkeuren(request):
    """For the coordinator: how many spends wait for her approval."""
    if not mag(request.user, GOEDKEUREN):
        return None
    aantal = uitgaven_voor_gebruiker(request.user).filter(status=UitgaveStatus.INGEDIEND).count()
    if not aantal:
        return None
    return {"template": "budget/startblok.html", "aantal": aantal}


def registreer_alles() -> None:
    dossier.registreer(
        dossier.Onderdeel(
            "budget",
            "Budget",
            "budget/sectie.html",
            budgetsectie,
            volgorde=50,
            acties=uitgaveactie,
        )
    )
    inzage.registreer("budget", inzage_budget)
    startpagina.registreer("budget_goedkeuren", startblok_goedkeuren)


# --- AVG inzage -----------------------------------------------------------------------


def inzage_budget(client) -> list[Sectie]:
    uitgaven = Sectie(
        "Uitgaven",
        [
            "Datum",
            "Budget",
            "Bedrag",
            "Categorie",
            "Omschrijving",
            "Uitgegeven door",
            "Status",
            "Toelichting beoordeling",
            "Correctie van",
            "Bonnetje",
        ],
    )
    rijen = (
        Uitgave.objects.filter(client=client)
        .select_related("budget", "medewerker", "timeout", "correctie_van")
        .order_by("datum", "pk")
    )
    for u in rijen:
        bestandsnaam = ""
        if u.bonnetje:
            bestandsnaam = f"bonnetje-{u.datum:%Y%m%d}-{u.pk}.{u.bonnetje.name.rsplit('.', 1)[-1]}"
            uitgaven.bestanden.append((bestandsnaam, u.bonnetje))
        uitgaven.rijen.append(
            [
                u.datum,
                u.budget.naam,
                euro(u.bedrag),
                u.categorie_label,
                u.omschrijving,
                u.medewerker,
                u.get_status_display(),
                u.beoordeling_toelichting,
                f"uitgave van {u.correctie_van.datum:%d-%m-%Y}" if u.correctie_van else "",
                bestandsnaam,
            ]
        )
    time_outs = Sectie(
        "Time-outs", ["Van", "Tot en met", "Locatie", "Dagen", "Dagtarief", "Kosten", "Reden"]
    )
    for t in TimeOut.objects.filter(client=client).order_by("van", "pk"):
        time_outs.rijen.append(
            [t.van, t.tot, t.locatie, t.dagen, euro(t.dagtarief), euro(t.kosten), t.limiet_reden]
        )
    geschiedenis = Sectie("Wijzigingen in uitgaven", ["Tijdstip", "Door", "Soort", "Wijzigingen"])
    for rij in wijzigingen(Uitgave.history.filter(client_id=client.pk)):
        geschiedenis.rijen.append(
            [
                rij["tijdstip"],
                rij["door"],
                rij["soort"],
                "; ".join(f"{w['veld']}: {w['oud']} → {w['nieuw']}" for w in rij["wijzigingen"]),
            ]
        )
    uitgaven.modellen = (Uitgave,)
    time_outs.modellen = (TimeOut,)
    geschiedenis.modellen = (Uitgave.history.model,)
    return [uitgaven, time_outs, geschiedenis]
