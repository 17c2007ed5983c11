"""What support contributes to the shared mechanisms: dossier sections, caseload signals,
AVG inzage sections and anonymisation. Registered in ``PlannenConfig.ready``."""

from django.db.models import Case, IntegerField, Value, When

from clients import dossier, inzage, signalen, stand
from clients.inzage import Sectie
from plannen.constants import KnelpuntStatus, ZRMDomein
from plannen.models import (
    Actiepunt,
    Doel,
    Escalatie,
    Knelpunt,
    Plan,
    Resultaat,
    ZRMMeting,
)
from plannen.selectors import (
    eerste_en_laatste_zrm,
    huidig_plan_met_doelen,
    zrm_grafiek,
    zrm_vergelijking,
)
from plannen.signalen import PlanEvaluatieSignaal, ZRMSignaal
from plannen.stand import plan_kolommen, zrm_kolommen
from plannen.toegang import zrm_domeinen
from stapteam.toegang import mag


def plan_sectie(request, client, volledig):
    plan = huidig_plan_met_doelen(client)
    telling = {}
    if plan is not None:
        telling = {
            "totaal": plan.doelen_totaal,
            "lopend": plan.doelen_lopend,
            "behaald": plan.doelen_behaald,
        }
    return {
        "plan": plan,
        "telling": telling,
        "mag_opstellen": mag(request.user, "plannen.add_plan"),
    }


def zrm_sectie(request, client, volledig):
    eerste, laatste = eerste_en_laatste_zrm(client)
    domeinen = zrm_domeinen(volledig)
    return {
        "eerste": eerste,
        "laatste": laatste,
        "grafiek": zrm_grafiek(eerste, laatste, domeinen),
        "vergelijking": zrm_vergelijking(eerste, laatste, domeinen),
        "mag_meten": mag(request.user, "plannen.add_zrmmeting"),
    }


def resultaten_sectie(request, client, volledig):
    return {
        "resultaten": list(
            Resultaat.objects.filter(client=client).select_related("soort").order_by("datum", "id")
        ),
        "mag_vastleggen": mag(request.user, "plannen.add_resultaat"),
    }


def knelpunten_sectie(request, client, volledig):
    open_eerst = Case(
        When(status=KnelpuntStatus.OPEN, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return {
        "knelpunten": list(
            Knelpunt.objects.filter(client=client)
            .select_related("categorie")
            .order_by(open_eerst, "-datum", "-id")
        ),
        "mag_vastleggen": mag(request.user, "plannen.add_knelpunt"),
        "mag_wijzigen": mag(request.user, "plannen.change_knelpunt"),
    }


def escalaties_sectie(request, client, volledig):
    return {
        "escalaties": list(
            Escalatie.objects.filter(client=client).select_related("procesregisseur")
        ),
        "mag_opschalen": mag(request.user, "plannen.add_escalatie"),
    }


# --- AVG inzage -------------------------------------------------------------------------


def inzage_plannen(client):
    plannen = Sectie(
        "Plannen van aanpak",
        ["Opgesteld op", "Status", "Evaluatie", "Afgesloten op", "Toelichting"],
    )
    for plan in Plan.objects.filter(client=client).order_by("opgesteld_op"):
        plannen.rijen.append(
            [
                plan.opgesteld_op,
                plan.get_status_display(),
                plan.evaluatie_op,
                plan.afgesloten_op,
                plan.toelichting,
            ]
        )
    doelen = Sectie(
        "Doelen en actiepunten", ["Gesteld op", "Levensdomein", "Doel", "Status", "Actiepunten"]
    )
    for doel in Doel.objects.filter(client=client).prefetch_related("actiepunten"):
        doelen.rijen.append(
            [
                doel.gesteld_op,
                doel.get_levensdomein_display(),
                doel.omschrijving,
                doel.get_status_display(),
                "; ".join(
                    f"{a.get_wie_display()}: {a.omschrijving} ({a.get_status_display()})"
                    for a in doel.actiepunten.all()
                ),
            ]
        )
    zrm = Sectie("ZRM-metingen", ["Datum", "Versie", *[d.label for d in ZRMDomein], "Toelichting"])
    for meting in ZRMMeting.objects.filter(client=client).order_by("datum"):
        zrm.rijen.append([meting.datum, meting.versie, *meting.scores.values(), meting.toelichting])
    resultaten = Sectie("Resultaten", ["Datum", "Resultaat", "Toelichting"])
    for resultaat in Resultaat.objects.filter(client=client).select_related("soort"):
        resultaten.rijen.append([resultaat.datum, resultaat.soort.naam, resultaat.toelichting])
    knelpunten = Sectie(
        "Knelpunten", ["Datum", "Levensdomein", "Categorie", "Omschrijving", "Status"]
    )
    for knelpunt in Knelpunt.objects.filter(client=client).select_related("categorie"):
        knelpunten.rijen.append(
            [
                knelpunt.datum,
                knelpunt.get_levensdomein_display(),
                knelpunt.categorie.naam,
                knelpunt.omschrijving,
                knelpunt.get_status_display(),
            ]
        )
    escalaties = Sectie(
        "Escalaties",
        ["Aangevraagd op", "Procesregisseur", "Reden", "Verzoek", "Status", "Uitkomst"],
    )
    for esc in Escalatie.objects.filter(client=client).select_related("procesregisseur"):
        escalaties.rijen.append(
            [
                esc.aangevraagd_op,
                esc.procesregisseur,
                esc.reden,
                esc.verzoek,
                esc.get_status_display(),
                esc.uitkomst,
            ]
        )
    plannen.modellen = (Plan,)
    doelen.modellen = (Doel, Actiepunt)
    zrm.modellen = (ZRMMeting,)
    resultaten.modellen = (Resultaat,)
    knelpunten.modellen = (Knelpunt,)
    escalaties.modellen = (Escalatie,)
    return [plannen, doelen, zrm, resultaten, knelpunten, escalaties]


def registreer_alles() -> None:
    stand.registreer("plan", plan_kolommen, Plan)
    stand.registreer("zrm", zrm_kolommen, ZRMMeting)
    signalen.registreer(PlanEvaluatieSignaal())
    signalen.registreer(ZRMSignaal())
    for sleutel, titel, gegevens, volgorde in [
        ("plan", "Plan van aanpak", plan_sectie, 40),
        ("zrm", "Zelfredzaamheid (ZRM)", zrm_sectie, 50),
        ("resultaten", "Resultaten", resultaten_sectie, 60),
        ("knelpunten", "Knelpunten", knelpunten_sectie, 70),
        ("escalaties", "Escalaties", escalaties_sectie, 80),
    ]:
        dossier.registreer(
            dossier.Onderdeel(sleutel, titel, f"plannen/secties/{sleutel}.html", gegevens, volgorde)
        )
    inzage.registreer("plannen", inzage_plannen)
