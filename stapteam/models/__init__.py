"""The core models: organisations, municipalities, teams, users and the access log."""

from .gebruikers import User, weergavenaam
from .organisaties import Gemeente, GemeenteToegang, Organisatie, Team, TeamLidmaatschap
from .toegangslog import Toegangslog

__all__ = [
    "Gemeente",
    "GemeenteToegang",
    "Organisatie",
    "Team",
    "TeamLidmaatschap",
    "Toegangslog",
    "User",
    "weergavenaam",
]
