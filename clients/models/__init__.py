"""The client dossier: the client, her dated situation, consent and handovers."""

from .client import Client
from .contact import Contact
from .overdracht import Overdracht
from .situatie import Situatie
from .toegang import ClientToegang
from .toestemming import Toestemming, toestemming_status

__all__ = [
    "Client",
    "ClientToegang",
    "Contact",
    "Overdracht",
    "Situatie",
    "Toestemming",
    "toestemming_status",
]
