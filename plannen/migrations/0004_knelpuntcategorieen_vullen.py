"""The barrier vocabulary every installation starts with, and every barrier (and every
history row of one) moved from its category code to the vocabulary entry.

The categories: the eleven of ONTWERP §3 and the ones the barrier memo (end of the first
evaluation report) names besides. Going back writes the codes into the old column again.
A code not in the list (there should be none) becomes a category of its own rather than
being lost; it shows up for the administrator to give a proper name.
"""

from django.db import migrations

VOCABULAIRE = [
    ("postadres", "Postadres"),
    ("tekort_opvang_vrouwen", "Tekort aan opvang voor vrouwen"),
    ("eisen_specifieke_projecten", "Eisen van specifieke projecten"),
    ("bw_wachtlijst", "Wachtlijst beschermd wonen"),
    ("sociale_huur", "Sociale huur"),
    ("eigen_bijdrage", "Eigen bijdrage"),
    ("diagnostiek", "Diagnostiek"),
    ("wachtlijst_behandeling", "Wachtlijst behandeling"),
    ("klinische_opname", "Klinische opname"),
    ("exclusiecriteria", "Exclusiecriteria"),
    # From the memo on system barriers.
    ("wmo_wlz_indicatie", "Van Wmo naar Wlz-indicatie"),
    ("herhaalde_intakes", "Herhaalde intakes"),
    ("uitschrijving_na_no_show", "Uitschrijving na no-show"),
    ("bewindvoering_toegangseis", "Bewindvoering als toegangseis"),
    ("winteropvang", "Winteropvang"),
]
OVERIG = ("overig", "Overig")  # always last


def vullen(apps, schema_editor):
    Knelpuntcategorie = apps.get_model("plannen", "Knelpuntcategorie")
    for volgorde, (code, naam) in enumerate(VOCABULAIRE, start=1):
        Knelpuntcategorie.objects.get_or_create(
            code=code, defaults={"naam": naam, "volgorde": volgorde * 10}
        )
    Knelpuntcategorie.objects.get_or_create(
        code=OVERIG[0], defaults={"naam": OVERIG[1], "volgorde": 999}
    )
    for model in ("Knelpunt", "HistoricalKnelpunt"):
        rijen = apps.get_model("plannen", model).objects
        for code in rijen.values_list("categorie", flat=True).distinct():
            categorie, _ = Knelpuntcategorie.objects.get_or_create(
                code=code, defaults={"naam": code.replace("_", " ").capitalize()}
            )
            rijen.filter(categorie=code).update(categorie_nieuw=categorie)


def terug(apps, schema_editor):
    Knelpuntcategorie = apps.get_model("plannen", "Knelpuntcategorie")
    for model in ("Knelpunt", "HistoricalKnelpunt"):
        rijen = apps.get_model("plannen", model).objects
        for categorie in Knelpuntcategorie.objects.all():
            rijen.filter(categorie_nieuw=categorie).update(categorie=categorie.code)


class Migration(migrations.Migration):
    dependencies = [("plannen", "0003_knelpuntcategorie_vocabulaire")]

    operations = [migrations.RunPython(vullen, terug)]
