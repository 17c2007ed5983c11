"""Vocabularies of permits (ONTWERP §4)."""

from django.db import models


class Soort(models.TextChoices):
    NIEUW = "nieuw", "Nieuwe vergunning"
    VERLENGING = "verlenging", "Verlenging"


class Besluit(models.TextChoices):
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    VERLEEND = "verleend", "Verleend"
    GEWEIGERD = "geweigerd", "Geweigerd"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


# The decisions that close an application (all but "in behandeling").
GENOMEN_BESLUITEN = (Besluit.VERLEEND, Besluit.GEWEIGERD, Besluit.INGETROKKEN)


class BezwaarStatus(models.TextChoices):
    LOPEND = "lopend", "Lopend"
    GEGROND = "gegrond", "Gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


# An applicant must be at least this old on the application date.
MINIMUMLEEFTIJD = 18
# A valid permit whose holder has not worked on the zone, or not been reached, for this
# many calendar months is signalled: the permit desk's list must stay current.
SIGNAAL_MAANDEN = 3
# A permit whose validity ends within this many days is marked on the list.
VERLOOPT_BINNENKORT_DAGEN = 30

# The organisation the permit list goes to (the municipality's permit desk); her consent
# must name it, or the coordinator gives a reason (the register of disclosures).
VERGUNNINGLOKET_ORGANISATIE = "gemeente"
