"""Caseload signals of support: plan evaluation due, ZRM too old or missing."""

from django.conf import settings
from django.db.models import Q

from clients.constants import Status
from clients.signalen import Signaal
from plannen.selectors import met_laatste_zrm, met_plan_evaluatie
from stapteam.datums import maanden_terug


class PlanEvaluatieSignaal:
    """Her active plan's evaluation date has come (today counts)."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_plan_evaluatie(clienten)

    def actief(self, *, vandaag):
        return ~Q(status=Status.UITGESTROOMD) & Q(plan_evaluatie__lte=vandaag)

    def signalen(self, client, *, vandaag):
        datum = client.plan_evaluatie
        if client.status == Status.UITGESTROOMD or datum is None or datum > vandaag:
            return []
        tekst = "Plan evalueren" if datum == vandaag else f"Plan evalueren (sinds {datum:%d-%m-%Y})"
        return [Signaal("plan_evaluatie", tekst, "waarschuwing")]


class ZRMSignaal:
    """Her last ZRM is older than ZRM_SIGNAAL_MAANDEN months (default 6), or she has none
    while in view that long."""

    def annoteer(self, clienten, *, vandaag, gebruiker):
        return met_laatste_zrm(clienten)

    @staticmethod
    def grens(vandaag):
        return maanden_terug(vandaag, settings.ZRM_SIGNAAL_MAANDEN)

    def actief(self, *, vandaag):
        grens = self.grens(vandaag)
        return ~Q(status=Status.UITGESTROOMD) & (
            Q(laatste_zrm__lt=grens) | Q(laatste_zrm__isnull=True, in_beeld_sinds__lt=grens)
        )

    def signalen(self, client, *, vandaag):
        if client.status == Status.UITGESTROOMD:
            return []
        grens = self.grens(vandaag)
        if client.laatste_zrm is None:
            if client.in_beeld_sinds < grens:
                return [Signaal("zrm", "Nog geen ZRM afgenomen", "waarschuwing")]
            return []
        if client.laatste_zrm < grens:
            maanden = settings.ZRM_SIGNAAL_MAANDEN
            return [Signaal("zrm", f"ZRM ouder dan {maanden} maanden", "waarschuwing")]
        return []
