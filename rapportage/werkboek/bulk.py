"""Writing many new records with their history at once, for the workbook import.

The importer has checked every object by the services' rule functions before it gets
here; this only writes. On PostgreSQL the rows go in with ``COPY`` (psycopg's
``cursor.copy``): the keys are taken from the table's sequence first, so each record and
its history record are written in one pass each, without turning every value into SQL
text in Python. Elsewhere (SQLite, the demo) ``bulk_create_with_history`` writes the same
records. Both give every object one history record of type ``+`` with the importing user
and the change reason (``tests/rapportage/test_werkboek_bulk.py`` compares them).

As with ``bulk_create``, no ``save()`` is called and no signal is sent.
"""

from collections.abc import Iterable, Sequence

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Model
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import (
    bulk_create_with_history,
    get_history_manager_for_model,
    get_history_model_for_model,
)

from stapteam.models import User

# The fields simple_history adds to every history table, and how the import fills them.
GESCHIEDENISVELDEN = ("history_date", "history_change_reason", "history_type", "history_user_id")


def met_geschiedenis_schrijven(
    objecten: Sequence[Model], model: type[Model], *, door: User | None, reden: str
) -> None:
    """Insert ``objecten`` (new, of ``model``) and one history record each; afterwards
    every object has its key, as after ``bulk_create``."""
    if not objecten:
        return
    if connection.vendor == "postgresql":
        _kopieren(objecten, model, door=door, reden=reden)
    else:
        bulk_create_with_history(
            list(objecten),
            model,
            batch_size=len(objecten),
            default_user=door,
            default_change_reason=reden,
        )


def _kopieren(objecten: Sequence[Model], model: type[Model], *, door, reden: str) -> None:
    # The connection itself: every value asks it for its database form, and through the
    # ``connection`` proxy each of those asks is a lookup of its own.
    verbinding = connections[DEFAULT_DB_ALIAS]
    meta = model._meta
    velden = meta.concrete_fields
    historisch = get_history_model_for_model(model)
    # Which of the record's values the history record repeats, by position; then its own.
    positie = {veld.attname: nummer for nummer, veld in enumerate(velden)}
    hvelden = [veld for veld in historisch._meta.concrete_fields if not veld.primary_key]
    herhaald = [positie[veld.attname] for veld in hvelden if veld.attname in positie]
    eigen = [veld.attname for veld in hvelden if veld.attname not in positie]
    if sorted(eigen) != sorted(GESCHIEDENISVELDEN):
        raise NotImplementedError(f"Onbekende geschiedenisvelden van {historisch}: {eigen}")
    eigen_waarden = {
        "history_date": timezone.now(),
        "history_change_reason": reden,
        "history_type": "+",
        "history_user_id": door.pk if door is not None else None,
    }
    achter = [eigen_waarden[naam] for naam in eigen]
    hkolommen = [veld.column for veld in hvelden if veld.attname in positie]
    hkolommen += [historisch._meta.get_field(naam).column for naam in eigen]

    with verbinding.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objecten)],
        )
        # Ascending, as bulk_create hands them out: the workbook's order stays the keys'.
        sleutels = sorted(sleutel for (sleutel,) in cursor.fetchall())
        rijen = []
        for obj, sleutel in zip(objecten, sleutels, strict=True):
            obj.pk = sleutel
            # What bulk_create does per value: pre_save (auto_now_add), then the database form.
            rijen.append(
                [veld.get_db_prep_save(veld.pre_save(obj, True), verbinding) for veld in velden]
            )
            obj._state.adding = False
            obj._state.db = verbinding.alias
        _copy(cursor, meta.db_table, [veld.column for veld in velden], rijen)
        _copy(
            cursor,
            historisch._meta.db_table,
            hkolommen,
            ([rij[nummer] for nummer in herhaald] + achter for rij in rijen),
        )


def _copy(cursor, tabel: str, kolommen: list[str], rijen: Iterable[list]) -> None:
    quote = connection.ops.quote_name
    sql = f"COPY {quote(tabel)} ({', '.join(quote(kolom) for kolom in kolommen)}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        for rij in rijen:
            copy.write_row(rij)


def koppelingen_met_geschiedenis_schrijven(
    objecten: Sequence[Model], veld: str, doelen: Sequence[list], *, door: User | None, reden: str
) -> None:
    """As ``getattr(obj, veld).set(doelen[i])`` for each just-written object, with the history
    simple_history records for that: the link rows, then per object a history record of type
    ``~`` holding its links (the ``+`` record before it has none, as after a service's
    ``save()`` and ``set()``)."""
    if not objecten:
        return
    model = type(objecten[0])
    m2m_veld = model._meta.get_field(veld)
    tussen = m2m_veld.remote_field.through
    van, naar = m2m_veld.m2m_field_name(), m2m_veld.m2m_reverse_field_name()
    koppelingen = [
        [tussen(**{van: obj, naar: doel}) for doel in eigen]
        for obj, eigen in zip(objecten, doelen, strict=True)
    ]
    tussen.objects.bulk_create([rij for eigen in koppelingen for rij in eigen])
    records = get_history_manager_for_model(model).bulk_history_create(
        objecten, update=True, default_user=door, default_change_reason=reden
    )
    m2m_geschiedenis = HistoricalRecords.m2m_models[m2m_veld]
    tussenvelden = [veld.attname for veld in tussen._meta.concrete_fields]
    m2m_geschiedenis.objects.bulk_create(
        [
            m2m_geschiedenis(history=record, **{naam: getattr(rij, naam) for naam in tussenvelden})
            for record, eigen in zip(records, koppelingen, strict=True)
            for rij in eigen
        ]
    )
