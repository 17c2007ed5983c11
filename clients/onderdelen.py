"""What this app contributes to the shared mechanisms: dossier sections (situation
history, personal details, consent, handovers), the AVG inzage sections, and the
anonymisation of its records. Registered in ``ClientsConfig.ready``."""

import datetime as dt
from itertools import groupby

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from clients import anonimisering, inzage, signalen
from clients.constants import FINANCIELE_KENMERKEN, GEREALISEERD, Kenmerk, Status
from clients.dossier import Onderdeel, registreer
from clients.inzage import Sectie
from clients.models import Client, Overdracht, Situatie, Toestemming
from clients.toegang import clienten_voor_gebruiker, contacten_van_client, mijn_clienten
from stapteam import startpagina
from stapteam.datums import op_dagen
from stapteam.geschiedenis import wijzigingen
from stapteam.models import Toegangslog
from stapteam.toegang import mag


def situatiegeschiedenis(request, client, volledig):
    kenmerken = [k for k in Kenmerk if volledig or k not in FINANCIELE_KENMERKEN]
    rijen = (
        Situatie.objects.filter(client=client, kenmerk__in=kenmerken)
        .select_related("geregistreerd_door")
        .order_by("kenmerk", "-datum")
    )
    per_kenmerk = {kenmerk: list(groep) for kenmerk, groep in groupby(rijen, lambda r: r.kenmerk)}
    return {
        "kenmerken": [
            {"kenmerk": k, "label": k.label, "rijen": per_kenmerk.get(k.value, [])}
            for k in kenmerken
        ],
        "mag_wijzigen": mag(request.user, "clients.add_situatie"),
    }


def persoonsgegevens(request, client, volledig):
    return {"client": client} if volledig else None


def toestemmingen(request, client, volledig):
    lijst = list(
        Toestemming.objects.filter(client=client)
        .select_related("gecontroleerd_door")  # who recorded it is only compared by id
        .prefetch_related("partijen")
    )
    return {
        "toestemmingen": [{"t": t, "status": t.status_op()} for t in lijst],
        "mag_wijzigen": mag(request.user, "clients.change_toestemming"),
        "mag_scan": mag(request.user, "clients.scan_inzien"),
    }


def overdrachten(request, client, volledig):
    return {
        "overdrachten": list(
            Overdracht.objects.filter(client=client).select_related("van", "naar", "door")
        ),
        "mag_overdragen": mag(request.user, "clients.add_overdracht"),
    }


def contacten(request, client, volledig):
    zichtbaar = contacten_van_client(request.user, client)
    venster = timezone.localdate() - dt.timedelta(days=91)
    gerealiseerd = Q(soort__in=GEREALISEERD)
    tellingen = zichtbaar.aggregate(
        totaal=Count("pk"),
        gerealiseerd_91=Count(
            "pk", filter=gerealiseerd & Q(**op_dagen(van=venster + dt.timedelta(days=1)))
        ),
        laatste_op=Max("tijdstip", filter=gerealiseerd),
    )
    return {"recent": list(zichtbaar.select_related("medewerker")[:5]), **tellingen}


def contactactie(request, client):
    if not mag(request.user, "clients.add_contact"):
        return []
    return [("Contact vastleggen", reverse("clients:contact_nieuw", args=[client.pk]))]


def dossieracties(request, client):
    pk = client.pk
    mogelijk = [
        ("clients.change_client", "Gegevens wijzigen", reverse("clients:wijzigen", args=[pk])),
        ("clients.add_overdracht", "Overdragen", reverse("clients:overdragen", args=[pk])),
        (
            "clients.toegangslog_inzien",
            "Wie heeft dit dossier ingezien",
            reverse("clients:toegangslog", args=[pk]),
        ),
        ("clients.inzage_exporteren", "Inzage-export (AVG)", reverse("clients:inzage", args=[pk])),
    ]
    return [(label, url) for permissie, label, url in mogelijk if mag(request.user, permissie)]


def registreer_alles() -> None:
    registreer(
        Onderdeel(
            "contacten",
            "Contacten",
            "clients/secties/contacten.html",
            contacten,
            volgorde=5,
            acties=contactactie,
        )
    )
    registreer(
        Onderdeel(
            "situatie",
            "Situatie door de tijd",
            "clients/secties/situatie.html",
            situatiegeschiedenis,
            volgorde=10,
            acties=dossieracties,
        )
    )
    registreer(
        Onderdeel(
            "persoon", "Persoonsgegevens", "clients/secties/persoon.html", persoonsgegevens, 20
        )
    )
    registreer(
        Onderdeel(
            "toestemming", "Toestemming", "clients/secties/toestemming.html", toestemmingen, 30
        )
    )
    registreer(
        Onderdeel(
            "overdrachten",
            "Casemanagers en overdrachten",
            "clients/secties/overdrachten.html",
            overdrachten,
            90,
        )
    )


# --- AVG inzage -----------------------------------------------------------------------


def inzage_client(client):
    velden = [
        ("Cliëntnummer", client.code),
        ("Team", client.team),
        ("Roepnaam", client.roepnaam),
        ("Voornaam", client.voornaam),
        ("Achternaam", client.achternaam),
        ("Geboortedatum", client.geboortedatum),
        ("BSN", client.bsn),
        ("Telefoon", client.telefoon),
        ("Postadres", client.postadres),
        ("Briefadres", "ja" if client.is_briefadres else "nee"),
        ("Geslacht", client.get_geslacht_display()),
        ("In beeld sinds", client.in_beeld_sinds),
        ("Status", client.get_status_display()),
        ("Uitstroomdatum", client.uitstroom_datum),
        ("Reden uitstroom", client.get_uitstroom_reden_display()),
        ("Casemanager", client.casemanager),
        ("Tweede casemanager", client.tweede_casemanager),
        ("Ervaringsdeskundige", client.ervaringsdeskundige),
    ]
    situatie = Sectie("Situatie", ["Vanaf", "Kenmerk", "Waarde", "Vastgelegd door"])
    for rij in client.situaties.select_related("geregistreerd_door").order_by("kenmerk", "datum"):
        situatie.rijen.append(
            [rij.datum, rij.get_kenmerk_display(), rij.waarde_label, rij.geregistreerd_door]
        )
    toestemming = Sectie(
        "Toestemmingen",
        ["Ondertekend op", "Versie", "Geldig tot", "Partijen", "Ingetrokken op", "Scan"],
    )
    for t in client.toestemmingen.prefetch_related("partijen"):
        bestandsnaam = ""
        if t.scan:
            bestandsnaam = (
                f"toestemming-{t.ondertekend_op:%Y%m%d}-{t.pk}.{t.scan.name.rsplit('.', 1)[-1]}"
            )
            toestemming.bestanden.append((bestandsnaam, t.scan))
        toestemming.rijen.append(
            [
                t.ondertekend_op,
                t.versie,
                t.geldig_tot,
                ", ".join(p.naam for p in t.partijen.all()),
                t.ingetrokken_op,
                bestandsnaam,
            ]
        )
    overdrachten = Sectie("Overdrachten", ["Tijdstip", "Van", "Naar", "Notitie", "Door"])
    for o in client.overdrachten.select_related("van", "naar", "door").order_by("tijdstip"):
        overdrachten.rijen.append([o.tijdstip, o.van, o.naar, o.notitie, o.door])
    geschiedenis = Sectie(
        "Wijzigingen in de gegevens", ["Tijdstip", "Door", "Soort", "Wijzigingen"]
    )
    for rij in wijzigingen(client.history.all()):
        geschiedenis.rijen.append(
            [
                rij["tijdstip"],
                rij["door"],
                rij["soort"],
                "; ".join(f"{w['veld']}: {w['oud']} → {w['nieuw']}" for w in rij["wijzigingen"]),
            ]
        )
    situatie.modellen = (Situatie,)
    toestemming.modellen = (Toestemming,)
    overdrachten.modellen = (Overdracht,)
    geschiedenis.modellen = (Client.history.model,)
    log = Sectie("Wie heeft het dossier ingezien", ["Tijdstip", "Wie", "Rol", "Actie", "Wat"])
    for regel in Toegangslog.objects.filter(client_id=client.pk).select_related("gebruiker"):
        log.rijen.append(
            [
                regel.tijdstip,
                regel.gebruiker,
                regel.rol_label,
                regel.get_actie_display(),
                regel.omschrijving,
            ]
        )
    return [
        Sectie(
            "Persoonsgegevens", ["Gegeven", "Waarde"], [list(v) for v in velden], modellen=(Client,)
        ),
        situatie,
        toestemming,
        overdrachten,
        geschiedenis,
        log,
    ]


def registreer_startblok() -> None:
    startpagina.registreer("caseload", startblok_caseload)


def registreer_inzage_en_anonimisering() -> None:
    inzage.registreer("clients", inzage_client)
    anonimisering.registreer("verklaarde velden", anonimisering.anonimiseer_verklaarde_velden)
    anonimisering.registreer("client", anonimisering.anonimiseer_client)


# --- Start page -----------------------------------------------------------------------


def startblok_caseload(request):
    """Her own caseload, and how much of it needs action; for someone without clients of
    her own (the coordinator, mostly) the team's."""
    if not mag(request.user, "clients.view_client"):
        return None
    vandaag = timezone.localdate()
    eigen = mijn_clienten(request.user).exclude(status=Status.UITGESTROOMD)
    team = not eigen.exists()
    clienten = (
        clienten_voor_gebruiker(request.user).exclude(status=Status.UITGESTROOMD) if team else eigen
    )
    tellingen = signalen.tellingen(
        signalen.met_signalen(clienten, vandaag=vandaag, gebruiker=request.user), vandaag=vandaag
    )
    return {
        "template": "clients/startblok.html",
        "team": team,
        "lijst_url": reverse("clients:lijst" if team else "clients:mijn"),
        "aantal": tellingen.clienten,
        "met_signaal": tellingen.met_signaal,
        "per_soort": tellingen.per_soort,
    }
