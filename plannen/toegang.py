"""Who may see which plan, measurement and escalation.

Plans, goals, measurements, results and barriers are reached through their client
(``clients.toegang``): whoever may see her dossier may see them. Escalations are also
seen by the procesregisseur they were sent to, and only while they are open.

A record fetched by its id comes with its client (``clients.toegang.record_van_client``):
403 without the permission, 404 for another team's record (or another client's), and the
page logged on her access log.
"""

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from clients.constants import Kenmerk
from clients.models import Client
from clients.selectors import met_situatie, met_toestemmingstatus
from clients.toegang import clienten_voor_gebruiker, record_van_client
from plannen.constants import EscalatieStatus, ZRMDomein
from plannen.models import Actiepunt, Doel, Escalatie, Knelpunt, Plan, ZRMMeting
from stapteam.models import User
from stapteam.toegang import mag

# Finances are outside the reduced dossier of the ervaringsdeskundige (ONTWERP §1).
BUITEN_BEPERKT_DOSSIER = frozenset({ZRMDomein.FINANCIEN})


def zrm_domeinen(volledig: bool) -> list[ZRMDomein]:
    """The ZRM domains shown to someone with the full (or the reduced) dossier."""
    return [domein for domein in ZRMDomein if volledig or domein not in BUITEN_BEPERKT_DOSSIER]


def escalaties_voor_gebruiker(user: User) -> QuerySet[Escalatie]:
    if mag(user, "clients.view_client"):
        return Escalatie.objects.filter(client__in=clienten_voor_gebruiker(user))
    if mag(user, "plannen.view_escalatie"):
        # Their own open escalations, and only while the grant on the client stands.
        return (
            Escalatie.objects.filter(
                procesregisseur=user,
                client__geanonimiseerd_op__isnull=True,
                client__clienttoegang__user=user,
                client__clienttoegang__permission__codename="escalatie_inzien",
            )
            .exclude(status=EscalatieStatus.AFGEROND)
            .distinct()
        )
    return Escalatie.objects.none()


def escalatie_voor_gebruiker(user: User, pk: int) -> Escalatie:
    try:
        return (
            escalaties_voor_gebruiker(user)
            .select_related(
                "client",
                "client__team",
                "client__casemanager",
                "procesregisseur",
                "aangevraagd_door",
            )
            .get(pk=pk)
        )
    except Escalatie.DoesNotExist:
        raise Http404("Escalatie niet gevonden") from None


def escalatiesamenvatting(escalatie: Escalatie, *, op: dt.date) -> Client:
    """Her summary for the procesregisseur, of an escalation fetched through
    ``escalatie_voor_gebruiker``: her living situation, intensity and consent status on
    ``op`` as annotations on her (``sit_woonsituatie``, ``toestemming_status``...)."""
    return met_toestemmingstatus(
        met_situatie(
            Client.objects.filter(pk=escalatie.client_id),
            op=op,
            kenmerken=[Kenmerk.WOONSITUATIE, Kenmerk.INTENSITEIT],
        ),
        op=op,
    ).get()


def plan_voor_gebruiker(
    wie: User | HttpRequest,
    client_pk: int,
    pk: int,
    permissie: str = "clients.view_client",
    *,
    omschrijving: str | None = None,
) -> tuple[Client, Plan]:
    """Her plan van aanpak for a page (see ``record_van_client``)."""
    return record_van_client(
        wie, Plan.objects.all(), client_pk, pk, permissie, omschrijving=omschrijving
    )


def doelen_voor_gebruiker(user: User, plan: Plan) -> QuerySet[Doel]:
    """The goals of a plan of one of the user's clients, with their actions, in the order
    of the plan page."""
    return (
        Doel.objects.filter(plan=plan, client__in=clienten_voor_gebruiker(user))
        .prefetch_related("actiepunten")
        .order_by("levensdomein", "gesteld_op", "id")
    )


def doel_voor_gebruiker(
    wie: User | HttpRequest, client_pk: int, pk: int, permissie: str, *, in_plan: bool = False
) -> tuple[Client, Doel]:
    """Her goal for a page (see ``record_van_client``); ``in_plan``: only a goal of a plan."""
    doelen = Doel.objects.filter(plan__isnull=False) if in_plan else Doel.objects.all()
    return record_van_client(wie, doelen.select_related("plan"), client_pk, pk, permissie)


def actiepunt_voor_gebruiker(
    wie: User | HttpRequest, client_pk: int, pk: int, permissie: str
) -> tuple[Client, Actiepunt]:
    """An action of a goal in her plan, for a page (see ``record_van_client``)."""
    actiepunten = Actiepunt.objects.filter(doel__plan__isnull=False).select_related("doel__plan")
    return record_van_client(wie, actiepunten, client_pk, pk, permissie, via="doel__client")


def knelpunt_voor_gebruiker(
    wie: User | HttpRequest, client_pk: int, pk: int, permissie: str
) -> tuple[Client, Knelpunt]:
    """Her barrier for a page (see ``record_van_client``)."""
    return record_van_client(wie, Knelpunt.objects.all(), client_pk, pk, permissie)


def zrm_metingen_voor_gebruiker(user: User, client: Client) -> list[ZRMMeting]:
    """Her ZRM measurements, newest first, if the user may see her (else none)."""
    return list(
        ZRMMeting.objects.filter(
            client=client, client__in=clienten_voor_gebruiker(user)
        ).select_related("afgenomen_door")
    )
