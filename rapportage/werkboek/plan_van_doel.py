"""Which plan an imported goal belongs to.

The `doelen` sheet of ONTWERP §7 has no plan column: a goal names its client and the
date it was set (`gesteld_op`), a plan the date it was drawn up (`opgesteld_op`). The
importer links each goal to the plan that was current that day: her latest plan drawn
up on or before it. A goal dated before her first plan goes with that first plan (the
pages add goals only inside a plan, with a date of their own that may lie before it); a
client without any plan keeps her goals without one, as the model allows
(docs/beslissingen.md).
"""

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from plannen.models import Plan


def _volgorde(plan: Plan) -> tuple[dt.date, int]:
    return plan.opgesteld_op, plan.pk


def plannen_op_volgorde(plannen: Iterable[Plan]) -> dict[int, list[Plan]]:
    """Per client (by key) her plans from the earliest to the latest.

    Two plans of one day stand in the order they were written (by key): the later one
    is the latest, as the plan pages and the export (``opgesteld_op``, then key) order
    them.
    """
    per_client: dict[int, list[Plan]] = defaultdict(list)
    for plan in plannen:
        per_client[plan.client_id].append(plan)
    for eigen in per_client.values():
        eigen.sort(key=_volgorde)
    return dict(per_client)


def plan_van_doel(plannen: Sequence[Plan], gesteld_op: dt.date) -> Plan | None:
    """The plan a goal set on ``gesteld_op`` belongs to, from her plans in order
    (``plannen_op_volgorde``): the latest drawn up on or before that day; before her first
    plan that first plan; without plans none."""
    if not plannen:
        return None
    # How many of her plans were drawn up on or before the goal's day.
    aantal = bisect.bisect_right(plannen, gesteld_op, key=lambda plan: plan.opgesteld_op)
    return plannen[max(aantal - 1, 0)]
