"""The client dossier: the client, her dated situation, consent, handovers and disclosures."""

from .client import Client
from .contact import Contact
from .overdracht import Overdracht
from .situatie import Situatie
from .stand import ClientStand
from .toegang import ClientToegang
from .toestemming import Toestemming, toestemming_status
from .verstrekking import Verstrekking

__all__ = [
    "Client",
    "ClientStand",
    "ClientToegang",
    "Contact",
    "Overdracht",
    "Situatie",
    "Toestemming",
    "Verstrekking",
    "toestemming_status",
]
