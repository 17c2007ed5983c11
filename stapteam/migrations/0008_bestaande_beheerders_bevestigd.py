"""Administrators who were one before the four-eyes rule for the administrator role count
as confirmed since they joined: the rule needs to know since when someone is one."""

from django.db import migrations


def bestaande_beheerders_bevestigen(apps, schema_editor):
    User = apps.get_model("stapteam", "User")
    Toegangsaanvraag = apps.get_model("stapteam", "Toegangsaanvraag")
    for beheerder in User.objects.filter(groups__name="beheerder"):
        Toegangsaanvraag.objects.create(
            gebruiker=beheerder,
            team=None,
            rol="beheerder",
            status="bevestigd",
            aangevraagd_op=beheerder.date_joined,
            reden="al beheerder vóór de vier-ogenregel voor beheerders",
            beoordeeld_op=beheerder.date_joined,
        )


class Migration(migrations.Migration):
    dependencies = [("stapteam", "0007_toegangsaanvraag_voor_beheerdersrol")]

    operations = [
        migrations.RunPython(bestaande_beheerders_bevestigen, migrations.RunPython.noop),
    ]
