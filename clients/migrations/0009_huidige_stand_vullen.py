"""Fill the new current-state table from the records that are already there.

This calls the rebuild of today's code on purpose: the stand is derived, and the rebuild
is its one definition. On a new, empty database there is nothing to fill.
"""

from django.db import migrations


def vullen(apps, schema_editor):
    from clients.stand import herbouwen

    if apps.get_model("clients", "Client").objects.exists():
        herbouwen()


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0008_huidige_stand"),
        # The rebuild reads plans, ZRM and permits too.
        ("plannen", "0002_resultaatcatalogus"),
        ("vergunningen", "0001_vergunning"),
    ]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
