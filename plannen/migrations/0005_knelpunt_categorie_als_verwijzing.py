"""The barrier's category is now only the reference to the vocabulary (filled by 0004):
the code column goes, the reference takes its name and becomes required.

Apart from 0004 because PostgreSQL does not alter a table in the transaction that just
filled its (deferred) foreign keys.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plannen", "0004_knelpuntcategorieen_vullen")]

    operations = [
        migrations.RemoveField(model_name="knelpunt", name="categorie"),
        migrations.RemoveField(model_name="historicalknelpunt", name="categorie"),
        migrations.RenameField(
            model_name="knelpunt", old_name="categorie_nieuw", new_name="categorie"
        ),
        migrations.RenameField(
            model_name="historicalknelpunt", old_name="categorie_nieuw", new_name="categorie"
        ),
        migrations.AlterField(
            model_name="knelpunt",
            name="categorie",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="knelpunten",
                to="plannen.knelpuntcategorie",
                verbose_name="categorie",
            ),
        ),
    ]
