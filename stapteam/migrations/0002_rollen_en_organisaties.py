"""The six role groups and the organisations every installation starts with (ONTWERP §1).

The groups' permissions are set after every migrate by ``stapteam.rollen``.
"""

from django.db import migrations

ROLLEN = [
    "casemanager",
    "ervaringsdeskundige",
    "coordinator",
    "gemeente",
    "procesregisseur",
    "beheerder",
]

ORGANISATIES = [
    ("leger_des_heils", "Leger des Heils"),
    ("iriszorg", "IrisZorg"),
    ("ggd", "GGD"),
    ("bindkracht10", "Bindkracht10"),
    ("gemeente", "Gemeente"),
    ("zvh", "Zorg- en Veiligheidshuis"),
    ("politie", "Politie"),
    ("huisarts", "Huisarts"),
]


def aanmaken(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Organisatie = apps.get_model("stapteam", "Organisatie")
    for rol in ROLLEN:
        Group.objects.get_or_create(name=rol)
    for code, naam in ORGANISATIES:
        Organisatie.objects.get_or_create(code=code, defaults={"naam": naam})


class Migration(migrations.Migration):
    dependencies = [
        ("stapteam", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(aanmaken, migrations.RunPython.noop)]
