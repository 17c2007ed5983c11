"""The settings gunicorn runs under in the throughput benchmark: those of the benchmark
(``stapteam.settings.dev`` with DJANGO_DEBUG=false, as ``make benchmark-landelijk`` sets
them) with the URLs of ``bench.urls``, so the reference admin changelist can be loaded
too."""

from stapteam.settings.dev import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
