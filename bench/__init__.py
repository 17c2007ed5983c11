"""The national-scale benchmark (``manage.py benchmark --landelijk``).

- ``landelijke_data``: builds 100 teams with their clients and years of history in an
  empty PostgreSQL database, in bulk SQL;
- ``metingen``: times each page in-process as the role that uses it, with the plain
  admin changelist and the bare SQL of each page as references;
- ``belasting``: a mixed casemanager workload against gunicorn on loopback;
- ``machine``: the load and a CPU yardstick that every report gives;
- ``referentie_admin``, ``urls`` and ``instellingen``: the plain admin changelist used as
  a reference, in-process and under gunicorn.

Not part of the application and never run in production or CI.
"""
