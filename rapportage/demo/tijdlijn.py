"""The demo's clock: a team's history, replayed event by event at the moment it happened.

The services stamp "today" and "now" themselves: a consent's check date, an escalation's
request date, the time a contact was logged (which opens its 7-day correction window) and
every history entry. Building three years of history at one instant would make all of
it look entered today. So the seeder collects the events of the team's story first, then
replays them in order with the clock set to each event's moment (time-machine, the same
tool the tests freeze the clock with). Afterwards the clock is the real one again.
"""

import datetime as dt
from collections.abc import Callable

from django.utils import timezone


class Tijdlijn:
    """Events on a timeline ending now: ``op(moment, actie)`` adds, ``afspelen`` replays."""

    def __init__(self) -> None:
        self.nu = timezone.now()
        self.vandaag = timezone.localdate(self.nu)
        self._gebeurtenissen: list[tuple[dt.datetime, int, Callable[[], object]]] = []

    def dag(self, dagen_geleden: int) -> dt.date:
        return self.vandaag - dt.timedelta(days=dagen_geleden)

    def tijdstip(self, datum: dt.date, uur: int = 10, minuut: int = 0) -> dt.datetime:
        """``datum`` at that local time; an event of today happens no later than now."""
        moment = timezone.make_aware(dt.datetime.combine(datum, dt.time(uur, minuut)))
        return min(moment, self.nu)

    def op(self, moment: dt.date | dt.datetime, actie: Callable[[], object]) -> None:
        """Do ``actie`` at ``moment`` (a date means 10:00 that day). Events at the same
        moment keep the order in which they were added."""
        if not isinstance(moment, dt.datetime):
            moment = self.tijdstip(moment)
        if moment > self.nu:
            raise ValueError(f"Een demogebeurtenis ligt in de toekomst: {moment:%Y-%m-%d %H:%M}.")
        self._gebeurtenissen.append((moment, len(self._gebeurtenissen), actie))

    def afspelen(self) -> int:
        # Imported here: time-machine is a development dependency, like the demo itself.
        import time_machine

        gebeurtenissen = sorted(self._gebeurtenissen, key=lambda g: (g[0], g[1]))
        for moment, _, actie in gebeurtenissen:
            with time_machine.travel(moment, tick=False):
                actie()
        self._gebeurtenissen.clear()
        return len(gebeurtenissen)
