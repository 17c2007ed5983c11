"""Signals that need action, shown on the caseload and the dossier.

A signal source computes its signals in the database: ``annoteer`` adds annotations to a
client queryset, ``actief`` is the condition on those annotations under which it fires
(so lists can filter on "has a signal"), and ``signalen`` turns one annotated client
into the signals to show. ``gebruiker`` is who looks: a source may only count what she
may see (the peer worker does not see confidential contacts). Apps register their
sources at start-up (``registreer``); the caseload and the dossier ask ``met_signalen``
and ``signalen_van`` and never need to know which sources exist.
"""

import datetime as dt
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Protocol

from django.db.models import Q, QuerySet
from django.utils import timezone

from clients.constants import GEEN_CONTACT_SIGNAAL_DAGEN, Status, ToestemmingStatus
from clients.models import Client
from clients.selectors import met_laatste_contact, met_toestemmingstatus
from stapteam.models import User


@dataclass(frozen=True)
class Signaal:
    code: str
    tekst: str
    ernst: str = "waarschuwing"  # "waarschuwing" or "fout"


class Signaalbron(Protocol):
    def annoteer(
        self, clienten: QuerySet[Client], *, vandaag: dt.date, gebruiker: User
    ) -> QuerySet[Client]: ...

    def actief(self, *, vandaag: dt.date) -> Q: ...

    def signalen(self, client: Client, *, vandaag: dt.date) -> list[Signaal]: ...


BRONNEN: list[Signaalbron] = []


def registreer(bron: Signaalbron) -> None:
    if not any(type(bestaand) is type(bron) for bestaand in BRONNEN):
        BRONNEN.append(bron)


def met_signalen(
    clienten: QuerySet[Client], *, vandaag: dt.date, gebruiker: User
) -> QuerySet[Client]:
    for bron in BRONNEN:
        clienten = bron.annoteer(clienten, vandaag=vandaag, gebruiker=gebruiker)
    return clienten


def alleen_met_signaal(clienten: QuerySet[Client], *, vandaag: dt.date) -> QuerySet[Client]:
    """Of annotated clients, those with at least one signal."""
    voorwaarden = [bron.actief(vandaag=vandaag) for bron in BRONNEN]
    return clienten.filter(reduce(or_, voorwaarden)) if voorwaarden else clienten.none()


def signalen_van(client: Client, *, vandaag: dt.date) -> list[Signaal]:
    """The signals of one client annotated by ``met_signalen``."""
    return [signaal for bron in BRONNEN for signaal in bron.signalen(client, vandaag=vandaag)]


class ToestemmingSignalen:
    """Consent missing, expiring within 30 days, expired or withdrawn."""

    TEKSTEN = {
        ToestemmingStatus.ONTBREEKT: ("Toestemming ontbreekt", "fout"),
        ToestemmingStatus.VERLOOPT_BINNENKORT: ("Toestemming verloopt binnenkort", "waarschuwing"),
        ToestemmingStatus.VERLOPEN: ("Toestemming verlopen", "fout"),
        ToestemmingStatus.INGETROKKEN: ("Toestemming ingetrokken", "fout"),
    }

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_toestemmingstatus(clienten, op=vandaag)

    def actief(self, *, vandaag):
        return Q(toestemming_status__in=list(self.TEKSTEN))

    def signalen(self, client, *, vandaag):
        status = client.toestemming_status
        if status not in self.TEKSTEN:
            return []
        tekst, ernst = self.TEKSTEN[status]
        return [Signaal(code=f"toestemming_{status}", tekst=tekst, ernst=ernst)]


class GeenContactSignaal:
    """No realised contact for 14 days (or, for a new client, none since 14 days in view).

    Only for clients who have not left. Counts the contacts the viewer may see.
    """

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_laatste_contact(clienten, gebruiker=gebruiker)

    def actief(self, *, vandaag):
        grens = vandaag - dt.timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
        return ~Q(status=Status.UITGESTROOMD) & (
            Q(laatste_contact__date__lte=grens)
            | Q(laatste_contact__isnull=True, in_beeld_sinds__lte=grens)
        )

    def signalen(self, client, *, vandaag):
        if client.status == Status.UITGESTROOMD:
            return []
        grens = vandaag - dt.timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
        laatste = client.laatste_contact
        if laatste is None:
            if client.in_beeld_sinds > grens:
                return []
            return [Signaal("geen_contact", "Nog geen contact gehad", "waarschuwing")]
        if timezone.localdate(laatste) > grens:
            return []
        dagen = (vandaag - timezone.localdate(laatste)).days
        return [Signaal("geen_contact", f"Geen contact in {dagen} dagen", "waarschuwing")]
