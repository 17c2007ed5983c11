"""Who may see which plan, measurement and escalation.

Plans, goals, measurements, results and barriers are reached through their client
(``clients.toegang``): whoever may see her dossier may see them. Escalations are also
seen by the procesregisseur they were sent to, and only while they are open.
"""

from django.db.models import QuerySet
from django.http import Http404

from clients.toegang import clienten_voor_gebruiker
from plannen.constants import EscalatieStatus, ZRMDomein
from plannen.models import Escalatie
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
