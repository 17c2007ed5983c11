"""``manage.py shell`` without the history models in its automatic imports.

django-simple-history's models are made at run time and cannot be imported by path, so
Django's shell would list each of them as a failed import at every start.
"""

from django.core.management.commands import shell


class Command(shell.Command):
    def get_auto_imports(self):
        return [pad for pad in super().get_auto_imports() if ".Historical" not in pad]
