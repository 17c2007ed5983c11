"""The barrier vocabulary as a table, and a reference to it beside the category code
(filled by 0004, which then replaces the code in 0005). The code column may be empty from
here on, so that going back can add it again before 0004 fills it."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('plannen', '0002_resultaatcatalogus'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Knelpuntcategorie',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(unique=True, verbose_name='code')),
                ('naam', models.CharField(max_length=100, verbose_name='naam')),
                ('volgorde', models.PositiveSmallIntegerField(default=100, verbose_name='volgorde')),
                ('actief', models.BooleanField(default=True, help_text='Uitgezet: niet meer te kiezen, wel in rapporten.', verbose_name='actief')),
            ],
            options={
                'verbose_name': 'knelpuntcategorie',
                'verbose_name_plural': 'knelpuntcategorieën',
                'ordering': ['volgorde', 'naam'],
            },
        ),
        migrations.AlterField(
            model_name='historicalknelpunt',
            name='categorie',
            field=models.CharField(max_length=40, null=True, verbose_name='categorie'),
        ),
        migrations.AlterField(
            model_name='knelpunt',
            name='categorie',
            field=models.CharField(max_length=40, null=True, verbose_name='categorie'),
        ),
        migrations.CreateModel(
            name='HistoricalKnelpuntcategorie',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('code', models.SlugField(verbose_name='code')),
                ('naam', models.CharField(max_length=100, verbose_name='naam')),
                ('volgorde', models.PositiveSmallIntegerField(default=100, verbose_name='volgorde')),
                ('actief', models.BooleanField(default=True, help_text='Uitgezet: niet meer te kiezen, wel in rapporten.', verbose_name='actief')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical knelpuntcategorie',
                'verbose_name_plural': 'historical knelpuntcategorieën',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='historicalknelpunt',
            name='categorie_nieuw',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plannen.knelpuntcategorie', verbose_name='categorie'),
        ),
        migrations.AddField(
            model_name='knelpunt',
            name='categorie_nieuw',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='plannen.knelpuntcategorie', verbose_name='categorie'),
        ),
    ]
