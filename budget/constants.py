"""Vocabularies of budgets, spends and time-outs (ONTWERP §5)."""

from django.db import models


class BudgetSoort(models.TextChoices):
    FLEXBUDGET = "flexbudget", "Flex-/doorbraakbudget"
    TIME_OUT = "time_out", "Time-outbudget"


class Categorie(models.TextChoices):
    KLEDING = "kleding", "Kleding"
    VOEDING = "voeding", "Voeding"
    SLAAPPLEK = "slaapplek", "Slaapplek"
    VERVOER = "vervoer", "Vervoer"
    TELEFOON = "telefoon", "Telefoon"
    DOCUMENTEN = "documenten", "Documenten"
    ZORGKOSTEN = "zorgkosten", "Zorgkosten"
    DIERENARTS = "dierenarts", "Dierenarts"
    HUISVESTING = "huisvesting", "Huisvesting"
    ACTIVITEIT = "activiteit", "Activiteit"
    OVERIG = "overig", "Overig"


class UitgaveStatus(models.TextChoices):
    INGEDIEND = "ingediend", "Wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


# A time-out lasts at most this many days, the first and the last day included.
MAX_TIMEOUT_DAGEN = 14
