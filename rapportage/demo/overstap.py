"""The demo team's move from its spreadsheets onto Stapteam, through the importer.

A real team migrates by filling in the exchange workbook (ONTWERP §7) and importing it; so
does the demo team, ``OVERSTAP_DAGEN`` days ago, and so every run of ``seed_demo``
exercises the importer. Its workbook holds what the team's spreadsheets held at that
moment: the women known by then with their situations, consents, contacts, plans and
goals, ZRM, results, barriers and permits, and the budgets and spends so far.

How the workbook is made: the story up to the move is played through the services in a
savepoint (the spreadsheet era), the exporter writes the team as it then stood — the same
code that writes a team's backup, so every value is one the importer reads back — and the
savepoint is rolled back. The coordinator then imports the workbook with the clock at the
moment of the move, and the rest of the story is replayed as before. Writing the rows
from the story directly would need a second account of how every record stands at that
moment (a goal achieved at an evaluation, a permit refused and objected to, a spend
corrected); the services already keep that account.

What §7 has no column for stays behind, as it would for a real team: scanned forms and
receipts, who checked a consent, actions, escalations, earlier handovers. (A goal's plan
has no column either; the importer finds it by date, ``plan_van_doel``.) What was still
current is entered right after the import: the postal addresses, the plans' methods and
the escalation that was running.
"""

import io

from django.db import transaction

from rapportage.demo.clienten import Bezetting, Verhaal
from rapportage.demo.tijdlijn import Tijdlijn, klok_op
from rapportage.werkboek.exporteren import werkboek_exporteren
from rapportage.werkboek.importeren import Verslag, werkboek_importeren
from rapportage.werkboek.logboek import import_loggen


class OverstapMislukt(Exception):
    """The demo's own workbook was refused: the importer or the story has a fault."""


def werkboek_bij_overstap(t: Bezetting, tijdlijn: Tijdlijn) -> bytes:
    """The team's spreadsheets at the move: the story until then, exported, then undone."""
    uitvoer = io.BytesIO()
    with transaction.atomic():
        tijdlijn.afspelen(tot=tijdlijn.overstap)
        with klok_op(tijdlijn.overstap):
            werkboek_exporteren(t.team, uitvoer)
        transaction.set_rollback(True)
    return uitvoer.getvalue()


def overstappen(t: Bezetting, tijdlijn: Tijdlijn, verhalen: list[Verhaal]) -> Verslag:
    """Import the team's workbook as its coordinator at the moment of the move; after it,
    each woman's story goes on with the imported records."""
    inhoud = werkboek_bij_overstap(t, tijdlijn)
    with klok_op(tijdlijn.overstap):
        verslag = werkboek_importeren(
            bestand=io.BytesIO(inhoud),
            grootte=len(inhoud),
            bestandsnaam=f"{t.team.code}-overstap-{tijdlijn.overstap:%Y-%m-%d}.xlsx",
            team_code=t.team.code,
            door=t.coordinator,
        )
        import_loggen(verslag, gebruiker=t.coordinator)
    if not verslag.vastgelegd:
        raise OverstapMislukt("\n".join(verslag.regels()))
    for verhaal in verhalen:
        verhaal.overnemen()
    return verslag
