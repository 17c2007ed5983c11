"""The results catalogue every installation starts with (ONTWERP §3); data, extendable."""

from django.db import migrations

CATALOGUS = [
    ("wonen", "woonruimte_zoeken", "Woonruimte zoeken"),
    ("wonen", "naar_mo", "Naar maatschappelijke opvang"),
    ("wonen", "intake_bw", "Intake beschermd wonen"),
    ("wonen", "aanmelding_begeleide_herkansing", "Aanmelding begeleide herkansing"),
    ("wonen", "instroomwoning", "Instroomwoning"),
    ("zorg", "tandarts", "Tandarts"),
    ("zorg", "huisarts", "Huisarts"),
    ("zorg", "zorgverzekering", "Zorgverzekering geregeld"),
    ("zorg", "aanmelding_fact", "Aanmelding FACT"),
    ("zorg", "orientatie_klinisch", "Oriëntatie klinische behandeling"),
    ("zorg", "contact_huiskamer", "Contact met de huiskamer"),
    ("zorg", "time_out", "Time-out"),
    ("overig", "vergunning_aanvraag", "Vergunning aangevraagd"),
    ("overig", "adl", "ADL op orde"),
    ("overig", "netwerk_hersteld", "Netwerk hersteld"),
    ("overig", "financien_op_orde", "Financiën op orde"),
    ("overig", "bewind_aangevraagd", "Bewind aangevraagd"),
    ("overig", "uitkering_aangevraagd", "Uitkering aangevraagd"),
    ("overig", "id_bewijs", "ID-bewijs"),
    ("overig", "voedselbank", "Voedselbank"),
    ("overig", "vakantie", "Vakantie"),
    ("overig", "dagbesteding", "Dagbesteding"),
]


def aanmaken(apps, schema_editor):
    Resultaattype = apps.get_model("plannen", "Resultaattype")
    for volgorde, (groep, code, naam) in enumerate(CATALOGUS, start=1):
        Resultaattype.objects.get_or_create(
            code=code, defaults={"groep": groep, "naam": naam, "volgorde": volgorde * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("plannen", "0001_initial")]

    operations = [migrations.RunPython(aanmaken, migrations.RunPython.noop)]
