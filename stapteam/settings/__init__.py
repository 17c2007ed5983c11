"""Settings per environment: ``base`` holds everything, the others only differ.

Choose one with ``DJANGO_SETTINGS_MODULE`` (``stapteam.settings.dev`` by default for
``manage.py``; ``stapteam.settings.test`` for pytest; ``stapteam.settings.production``
in the container).
"""
