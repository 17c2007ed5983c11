"""Keeping her current state (``ClientStand``) current, and rebuilding it from the records.

Each group of columns has one definition: a function that gives, per column, the SQL
expression computing it from her records for the stand row being written (``OuterRef
("client_id")``), and the model whose records it reads. Every save or delete of such a
record recomputes its group for her, in the transaction of that write: the services'
writes, and also a save in the admin or a shell. ``herbouwen`` computes every group for
many clients in one ``UPDATE``: after bulk writes, which send no signals (the workbook
importer, the benchmark), and in ``manage.py herbouw_stand``.

Recomputing a group from the records (rather than adjusting the stored value by the
record just written) keeps corrections right: a contact moved back in time, or changed
from realised to an attempt, gives the right "last contact" too.

Apps register the groups about their own records (``registreer``): plannen and
vergunningen in their ``ready``, so clients never imports them.
"""

from collections.abc import Callable

from django.db import connection
from django.db.models import Exists, Expression, Model, OuterRef, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save

from clients.constants import Kenmerk, ZoneActiviteit
from clients.models import Client, Contact, Situatie, Toestemming
from clients.models.stand import ClientStand

Kolommen = dict[str, Expression]
GROEPEN: dict[str, Callable[[], Kolommen]] = {}


def registreer(groep: str, kolommen: Callable[[], Kolommen], model: type[Model]) -> None:
    """Columns ``kolommen`` are computed from the records of ``model`` (which has a
    ``client``): each save or delete of one recomputes them for her."""
    GROEPEN[groep] = kolommen

    def opgeslagen(sender, instance, raw=False, **kwargs):
        if not raw:  # fixtures load rows as they are; rebuild after loading
            bijwerken(instance.client_id, groep)

    def verwijderd(sender, instance, **kwargs):
        # Only an update: when she is deleted herself, her row goes too.
        ClientStand.objects.filter(client_id=instance.client_id).update(**kolommen())

    post_save.connect(opgeslagen, sender=model, weak=False, dispatch_uid=f"stand_{groep}")
    post_delete.connect(verwijderd, sender=model, weak=False, dispatch_uid=f"stand_{groep}")


def van_client(queryset: QuerySet) -> QuerySet:
    """``queryset`` limited to the records of the client whose stand row is written."""
    return queryset.filter(client=OuterRef("client_id"))


def situatie_kolommen() -> Kolommen:
    """Per kenmerk the value with the latest date; and since when she has not been on
    the zone without a break (the first 'niet' after the last other value)."""
    situaties = van_client(Situatie.objects.all())
    kolommen: Kolommen = {
        kenmerk: Subquery(situaties.filter(kenmerk=kenmerk).order_by("-datum").values("waarde")[:1])
        for kenmerk in Kenmerk.values
    }
    zone = situaties.filter(kenmerk=Kenmerk.ZONE_ACTIVITEIT)
    later_anders = Situatie.objects.filter(
        client=OuterRef("client_id"), kenmerk=Kenmerk.ZONE_ACTIVITEIT, datum__gt=OuterRef("datum")
    ).exclude(waarde=ZoneActiviteit.NIET)
    kolommen["zone_niet_sinds"] = Subquery(
        zone.filter(waarde=ZoneActiviteit.NIET)
        .filter(~Exists(later_anders))
        .order_by("datum")
        .values("datum")[:1]
    )
    return kolommen


def contact_kolommen() -> Kolommen:
    gerealiseerd = van_client(Contact.objects.gerealiseerd()).order_by("-tijdstip")
    return {
        "laatste_contact": Subquery(gerealiseerd.values("tijdstip")[:1]),
        "laatste_open_contact": Subquery(
            gerealiseerd.filter(vertrouwelijk=False).values("tijdstip")[:1]
        ),
    }


def toestemming_kolommen() -> Kolommen:
    """The dates of her most recently signed form: it alone decides her consent status."""
    laatste = van_client(Toestemming.objects.all()).order_by("-ondertekend_op", "-id")
    return {
        f"toestemming_{veld}": Subquery(laatste.values(veld)[:1])
        for veld in ("ondertekend_op", "geldig_tot", "ingetrokken_op")
    }


registreer("situatie", situatie_kolommen, Situatie)
registreer("contact", contact_kolommen, Contact)
registreer("toestemming", toestemming_kolommen, Toestemming)


def _nieuwe_client(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ClientStand.objects.create(client=instance)  # nothing is recorded about her yet


post_save.connect(_nieuwe_client, sender=Client, weak=False, dispatch_uid="stand_client")


def _kolommen(groepen) -> Kolommen:
    kolommen: Kolommen = {}
    for groep in groepen:
        kolommen.update(GROEPEN[groep]())
    return kolommen


def bijwerken(client_id: int, *groepen: str) -> None:
    """Recompute these groups of her stand from her records. A client without a row yet
    (bulk-imported, not rebuilt yet) gets a whole one."""
    if not ClientStand.objects.filter(client_id=client_id).update(**_kolommen(groepen)):
        herbouwen(Client.objects.filter(pk=client_id))


def herbouwen(clienten: QuerySet[Client] | None = None) -> int:
    """Recompute the stand of ``clienten`` (all clients if None) from their records, in
    two statements whatever their number: the missing rows are inserted, then every
    column of every row is set. Returns the number of rows written."""
    clienten = Client.objects.all() if clienten is None else clienten
    ontbrekend = clienten.filter(stand__isnull=True).order_by().values("pk")
    sql, params = ontbrekend.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ClientStand._meta.db_table} (client_id) {sql}",
            params,
        )
    return ClientStand.objects.filter(client__in=clienten.order_by().values("pk")).update(
        **_kolommen(GROEPEN)
    )
