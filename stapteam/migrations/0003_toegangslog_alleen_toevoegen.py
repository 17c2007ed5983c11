"""On PostgreSQL the database itself refuses to change or delete access-log lines.

The model refuses too, but a trigger also stops a raw query or a mistaken script.
(SQLite, the demo database, relies on the model alone.)
"""

from django.db import migrations

AANMAKEN = """
CREATE OR REPLACE FUNCTION stapteam_toegangslog_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Het toegangslog kan niet worden gewijzigd of verwijderd';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER stapteam_toegangslog_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON stapteam_toegangslog
    FOR EACH ROW EXECUTE FUNCTION stapteam_toegangslog_alleen_toevoegen();
"""

VERWIJDEREN = """
DROP TRIGGER IF EXISTS stapteam_toegangslog_alleen_toevoegen ON stapteam_toegangslog;
DROP FUNCTION IF EXISTS stapteam_toegangslog_alleen_toevoegen();
"""


def aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(AANMAKEN)


def verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VERWIJDEREN)


class Migration(migrations.Migration):
    dependencies = [("stapteam", "0002_rollen_en_organisaties")]

    operations = [migrations.RunPython(aanmaken, verwijderen)]
