"""What the gunicorn workers spend their CPU on, from a py-spy recording of the
throughput benchmark: each sample counted once, for the innermost frame that says what
kind of work it is (the ORM building a query, compiling it to SQL, psycopg, templates,
…). Samples waiting on PostgreSQL are counted apart.

py-spy is not a dependency of the project (``pip install py-spy``). Record while the
throughput benchmark runs, after its warm-up::

    py-spy record --pid <gunicorn master> --subprocesses --duration 40 --rate 200 \\
        --format raw --output werkers.txt --nonblocking
    python -m bench.werkersprofiel werkers.txt [substring …]

Substrings given after the file (a function or file name, say ``medewerkers_van``) get
their inclusive share of the busy samples as well.
"""

import re
import sys
from collections import Counter

# (kind of work, pattern of a frame "function (file:line)"), innermost frame first.
SOORTEN = [
    ("psycopg: executing and reading", r"\(psycopg/"),
    ("ORM: compiling to SQL", r"compiler\.py|as_sql|sql/where\.py|process_lhs|process_rhs"),
    ("ORM: model instances", r"\(django/db/models/base\.py|RelatedPopulator"),
    (
        "ORM: building querysets (clone, filter, annotate, resolve)",
        r"\(django/db/models/(sql/query|query|expressions|query_utils|lookups)\.py",
    ),
    ("templates", r"\(django/template/"),
    ("forms and widgets", r"\(django/forms/|widgetweergave"),
    (
        "sessions, login, middleware",
        r"contrib/sessions|contrib/auth|django/middleware|stapteam/middleware|\(csp/|allauth",
    ),
    ("gunicorn, WSGI, request and response", r"\(gunicorn/|django/core/handlers|django/http/"),
    ("own code", r"\((clients|stapteam|plannen|vergunningen|budget|rapportage)/"),
]
WACHTEN = ("Connection.wait", "_execute_send", "_exec_command")


def monsters(pad: str):
    """(frames, count) per line of py-spy's raw output; the frames outermost first."""
    with open(pad, encoding="utf-8") as bestand:
        for regel in bestand:
            stapel, _, aantal = regel.rstrip().rpartition(" ")
            if stapel:
                yield stapel.split(";"), int(aantal)


def soort_van(frames: list[str]) -> str:
    for frame in reversed(frames):
        for soort, patroon in SOORTEN:
            if re.search(patroon, frame):
                return soort
    return "other"


def main(pad: str, zoektermen: list[str]) -> None:
    per_soort, per_term = Counter(), Counter()
    bezig = wachten = 0
    for frames, aantal in monsters(pad):
        if any(woord in frames[-1] for woord in WACHTEN):
            wachten += aantal
            continue
        bezig += aantal
        per_soort[soort_van(frames)] += aantal
        stapel = ";".join(frames)
        for term in zoektermen:
            if term in stapel:
                per_term[term] += aantal
    print(f"{bezig} busy samples, {wachten} waiting on PostgreSQL")
    for soort, aantal in per_soort.most_common():
        print(f"{aantal / bezig * 100:5.1f} %  {soort}")
    for term in zoektermen:
        print(f"{per_term[term] / bezig * 100:5.1f} %  with {term} on the stack")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
