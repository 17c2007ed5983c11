"""The columns of her current state about permits (see ``clients.stand``).

A granted permit is valid from its decision date up to and including its end date
(``selectors.geldig_op``). A decision date is never in the future, so from the day it is
recorded on, whether she holds a valid permit today depends only on the end dates: she
does while one of her granted permits has none, or the latest one has not passed.
"""

from django.db.models import Exists, F, Subquery

from clients.stand import Kolommen, van_client
from vergunningen.constants import Besluit
from vergunningen.models import Vergunning


def vergunning_kolommen() -> Kolommen:
    verleend = van_client(Vergunning.objects.filter(besluit=Besluit.VERLEEND))
    return {
        "vergunning_tot": Subquery(
            verleend.exclude(geldig_tot=None)
            .order_by(F("geldig_tot").desc())
            .values("geldig_tot")[:1]
        ),
        "vergunning_zonder_einde": Exists(verleend.filter(geldig_tot=None)),
    }
