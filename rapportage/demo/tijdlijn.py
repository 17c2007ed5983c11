"""The demo's clock: a team's history, replayed event by event at the moment it happened.

The services stamp "today" and "now" themselves: a consent's check date, an escalation's
request date, the time a contact was logged (which opens its 7-day correction window) and
every history entry. Building three years of history at one instant would make all of
it look entered today. So the seeder collects the events of the team's story first, then
replays them in order with the clock set to each event's moment (time-machine, the same
tool the tests freeze the clock with). Afterwards the clock is the real one again.

The team kept spreadsheets until ``overstap``, when it moved onto Stapteam with an
exchange workbook (``rapportage.demo.overstap``): the timeline is replayed in two parts,
before that moment and from it on.
"""

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

# How long ago the demo teams moved from their spreadsheets onto Stapteam: a few weeks into
# their budget year (which began 334 to 365 days ago), when most of the women were known.
OVERSTAP_DAGEN = 310


class Tijdlijn:
    """Events on a timeline ending now: ``op(moment, actie)`` adds, ``afspelen`` replays."""

    def __init__(self) -> None:
        self.nu = timezone.now()
        self.vandaag = timezone.localdate(self.nu)
        # Early in the morning, before anything of that day happened.
        self.overstap = self.tijdstip(self.dag(OVERSTAP_DAGEN), 7)
        self._gebeurtenissen: list[tuple[dt.datetime, int, Callable[[], object]]] = []

    def dag(self, dagen_geleden: int) -> dt.date:
        return self.vandaag - dt.timedelta(days=dagen_geleden)

    def tijdstip(self, datum: dt.date, uur: int = 10, minuut: int = 0) -> dt.datetime:
        """``datum`` at that local time; an event of today happens no later than now."""
        moment = timezone.make_aware(dt.datetime.combine(datum, dt.time(uur, minuut)))
        return min(moment, self.nu)

    def na_overstap(self, moment: dt.date | dt.datetime) -> bool:
        """Whether ``moment`` (a date: 10:00 that day) comes after the move onto Stapteam."""
        if not isinstance(moment, dt.datetime):
            moment = self.tijdstip(moment)
        return moment >= self.overstap

    def op(self, moment: dt.date | dt.datetime, actie: Callable[[], object]) -> None:
        """Do ``actie`` at ``moment`` (a date means 10:00 that day). Events at the same
        moment keep the order in which they were added."""
        if not isinstance(moment, dt.datetime):
            moment = self.tijdstip(moment)
        if moment > self.nu:
            raise ValueError(f"Een demogebeurtenis ligt in de toekomst: {moment:%Y-%m-%d %H:%M}.")
        self._gebeurtenissen.append((moment, len(self._gebeurtenissen), actie))

    def afspelen(self, tot: dt.datetime | None = None) -> int:
        """Replay the events before ``tot`` (all, if None) and forget them; the later
        ones wait for the next call."""
        gebeurtenissen = sorted(self._gebeurtenissen, key=lambda g: (g[0], g[1]))
        nu = [g for g in gebeurtenissen if tot is None or g[0] < tot]
        self._gebeurtenissen = gebeurtenissen[len(nu) :]
        for moment, _, actie in nu:
            with klok_op(moment):
                actie()
        return len(nu)


def klok_op(moment: dt.datetime):
    """The clock stands still at ``moment`` for what happens inside the ``with``."""
    # Imported here: time-machine is a development dependency, like the demo itself.
    import time_machine

    return time_machine.travel(moment, tick=False)
