"""Caseload signals of support: plan evaluation due, ZRM too old or missing.

Both read her current state (``plannen.stand`` keeps the columns); the "as of" reads
stay in ``plannen.selectors``."""

from django.conf import settings
from django.db.models import F, Q

from clients.constants import Status
from clients.signalen import Bron, Signaal, Signaalsoort
from stapteam.datums import maanden_terug


class PlanEvaluatieSignaal(Bron):
    """Her active plan's evaluation date has come (today counts)."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return clienten.annotate(plan_evaluatie=F("stand__plan_evaluatie"))

    def soorten(self, *, vandaag):
        voorwaarde = ~Q(status=Status.UITGESTROOMD) & Q(plan_evaluatie__lte=vandaag)
        return [Signaalsoort("plan_evaluatie", "Plan evalueren", voorwaarde, 1)]

    def signalen(self, client, *, vandaag):
        datum = client.plan_evaluatie
        if client.status == Status.UITGESTROOMD or datum is None or datum > vandaag:
            return []
        tekst = "Plan evalueren" if datum == vandaag else f"Plan evalueren (sinds {datum:%d-%m-%Y})"
        actie = "Evalueer het plan met haar en spreek de volgende evaluatie af."
        return [Signaal("plan_evaluatie", tekst, "waarschuwing", actie)]


class ZRMSignaal(Bron):
    """Her last ZRM is older than ZRM_SIGNAAL_MAANDEN months (default 6), or she has none
    while in view that long."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return clienten.annotate(laatste_zrm=F("stand__laatste_zrm"))

    @staticmethod
    def grens(vandaag):
        return maanden_terug(vandaag, settings.ZRM_SIGNAAL_MAANDEN)

    def soorten(self, *, vandaag):
        grens = self.grens(vandaag)
        voorwaarde = ~Q(status=Status.UITGESTROOMD) & (
            Q(laatste_zrm__lt=grens) | Q(laatste_zrm__isnull=True, in_beeld_sinds__lt=grens)
        )
        return [Signaalsoort("zrm", "ZRM afnemen", voorwaarde, 1)]

    def signalen(self, client, *, vandaag):
        if client.status == Status.UITGESTROOMD:
            return []
        grens = self.grens(vandaag)
        if client.laatste_zrm is None:
            if client.in_beeld_sinds < grens:
                return [Signaal("zrm", "Nog geen ZRM afgenomen", actie="Neem de eerste ZRM af.")]
            return []
        if client.laatste_zrm < grens:
            maanden = settings.ZRM_SIGNAAL_MAANDEN
            tekst = f"ZRM ouder dan {maanden} maanden"
            return [Signaal("zrm", tekst, actie="Neem een nieuwe ZRM af.")]
        return []
