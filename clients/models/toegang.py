"""Per-client object grants (django-guardian), such as an escalation's read access."""

from django.db import models
from guardian.models import UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from stapteam.avg import AVG

from .client import Client


class ClientToegang(UserObjectPermissionBase):
    """A grant on one client, with a real foreign key so access queries can join on it."""

    content_object = models.ForeignKey(Client, on_delete=models.CASCADE)
    avg = AVG()
    history = HistoricalRecords()

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = "toegang tot cliënt"
        verbose_name_plural = "toegang tot cliënten"
