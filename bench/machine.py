"""How busy and how fast the machine is, for every report of the benchmark.

The same code and database measured 2.1–2.9 times slower at one hour than two hours later
on the same machine (docs/prestaties.md). So each report gives, besides the load average,
a yardstick: runs are compared in proportion to it.
"""

import os
import time


def ijkmaat_ms() -> float:
    """How fast this machine is now: the CPU milliseconds of a fixed piece of pure-Python
    work, the best of five."""
    tijden = []
    for _ in range(5):
        begin = time.process_time()
        sum(i * i for i in range(300_000))
        tijden.append((time.process_time() - begin) * 1000)
    return min(tijden)


def toestand() -> str:
    """The load average, the cores and the yardstick, as the reports print them."""
    een, vijf, vijftien = os.getloadavg()
    return (
        f"load average {een:.1f} / {vijf:.1f} / {vijftien:.1f} on {os.cpu_count()} cores, "
        f"yardstick {ijkmaat_ms():.0f} ms"
    )
