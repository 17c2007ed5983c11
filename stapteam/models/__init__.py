"""The core models: organisations, municipalities, teams, users and the access log."""

from .gebruikers import User, weergavenaam
from .organisaties import Gemeente, GemeenteToegang, Organisatie, Team, TeamLidmaatschap
from .toegangsaanvragen import Toegangsaanvraag
from .toegangslog import Toegangslog

__all__ = [
    "Gemeente",
    "GemeenteToegang",
    "Organisatie",
    "Team",
    "TeamLidmaatschap",
    "Toegangsaanvraag",
    "Toegangslog",
    "User",
    "weergavenaam",
]
