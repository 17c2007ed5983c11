"""Vocabularies of support (ONTWERP §3): plans, goals, ZRM, results, barriers, escalation."""

from django.db import models

# The life domains of goals and barriers are ``clients.constants.Levensdomein`` (shared
# with contacts).


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    ACTIEF = "actief", "Actief"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class Methodiek(models.TextChoices):
    PRESENTIE = "presentie", "Presentie"
    TAAKGERICHT = "taakgericht", "Taakgericht"
    BEMOEIZORG = "bemoeizorg", "Bemoeizorg"
    KRACHTWERK = "krachtwerk", "Krachtwerk"
    COMPETENTIEGERICHT = "competentiegericht", "Competentiegericht"
    SYSTEEMGERICHT = "systeemgericht", "Systeemgericht"


class DoelStatus(models.TextChoices):
    OPEN = "open", "Open"
    LOOPT = "loopt", "Loopt"
    BEHAALD = "behaald", "Behaald"
    NIET_BEHAALD = "niet_behaald", "Niet behaald"
    VERVALLEN = "vervallen", "Vervallen"


class Wie(models.TextChoices):
    """Who takes an action of a goal."""

    CASEMANAGER = "casemanager", "Casemanager"
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", "Ervaringsdeskundige"
    CLIENT = "client", "Cliënt zelf"
    NETWERKPARTNER = "netwerkpartner", "Netwerkpartner"


class ActiepuntStatus(models.TextChoices):
    OPEN = "open", "Open"
    GEDAAN = "gedaan", "Gedaan"
    VERVALLEN = "vervallen", "Vervallen"


# --- ZRM (Zelfredzaamheid-Matrix 2017) ------------------------------------------------


class ZRMDomein(models.TextChoices):
    """The 13 domains, in the matrix's own order."""

    FINANCIEN = "financien", "Financiën"
    WERK_OPLEIDING = "werk_opleiding", "Werk & opleiding"
    TIJDSBESTEDING = "tijdsbesteding", "Tijdsbesteding"
    HUISVESTING = "huisvesting", "Huisvesting"
    HUISELIJKE_RELATIES = "huiselijke_relaties", "Huiselijke relaties"
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", "Geestelijke gezondheid"
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", "Lichamelijke gezondheid"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    BASALE_ADL = "basale_adl", "Basale ADL"
    INSTRUMENTELE_ADL = "instrumentele_adl", "Instrumentele ADL"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    MAATSCHAPPELIJKE_PARTICIPATIE = "maatschappelijke_participatie", "Maatschappelijke participatie"
    JUSTITIE = "justitie", "Justitie"


class ZRMNiveau(models.IntegerChoices):
    ACUTE_PROBLEMATIEK = 1, "Acute problematiek"
    NIET_ZELFREDZAAM = 2, "Niet zelfredzaam"
    BEPERKT_ZELFREDZAAM = 3, "Beperkt zelfredzaam"
    VOLDOENDE_ZELFREDZAAM = 4, "Voldoende zelfredzaam"
    VOLLEDIG_ZELFREDZAAM = 5, "Volledig zelfredzaam"


ZRM_VERSIE = "2017"


# --- Results and barriers -----------------------------------------------------------------


class ResultaatGroep(models.TextChoices):
    WONEN = "wonen", "Wonen"
    ZORG = "zorg", "Zorg"
    OVERIG = "overig", "Overig"


class KnelpuntStatus(models.TextChoices):
    OPEN = "open", "Open"
    OPGELOST = "opgelost", "Opgelost"


class EscalatieStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEROND = "afgerond", "Afgerond"


# The organisation an escalation shares data with: the Zorg- en Veiligheidshuis.
ESCALATIE_ORGANISATIE = "zvh"
