"""Support: plan van aanpak with goals and actions, ZRM, results, barriers, escalation."""

from .escalatie import Escalatie, Voortgang
from .knelpunt import Knelpunt, Knelpuntcategorie
from .knelpuntnotitie import Knelpuntnotitie
from .plan import Actiepunt, Doel, Plan
from .resultaat import Resultaat, Resultaattype
from .zrm import ZRMAnker, ZRMMeting

__all__ = [
    "Actiepunt",
    "Doel",
    "Escalatie",
    "Knelpunt",
    "Knelpuntcategorie",
    "Knelpuntnotitie",
    "Plan",
    "Resultaat",
    "Resultaattype",
    "Voortgang",
    "ZRMAnker",
    "ZRMMeting",
]
