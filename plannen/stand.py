"""The columns of her current state about support: when her active plan is due for
evaluation, and the date of her latest ZRM (see ``clients.stand``)."""

from django.db.models import Subquery

from clients.stand import Kolommen, van_client
from plannen.constants import PlanStatus
from plannen.models import Plan, ZRMMeting


def plan_kolommen() -> Kolommen:
    actief = van_client(Plan.objects.filter(status=PlanStatus.ACTIEF)).exclude(evaluatie_op=None)
    return {"plan_evaluatie": Subquery(actief.order_by("evaluatie_op").values("evaluatie_op")[:1])}


def zrm_kolommen() -> Kolommen:
    laatste = van_client(ZRMMeting.objects.all()).order_by("-datum")
    return {"laatste_zrm": Subquery(laatste.values("datum")[:1])}
