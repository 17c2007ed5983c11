"""The definitions of the evaluation report (ONTWERP §6), as the report's appendix says
them. One text per figure, in the order of the report."""

DEFINITIES = [
    (
        "Periode en peildatum",
        "De periode loopt van 'van' tot en met 'tot'. De peildatum is "
        "'tot': waarden 'op peildatum' zijn de laatst vastgelegde waarde met een datum op of vóór "
        "de peildatum. De datum van een contact is de datum van het tijdstip.",
    ),
    (
        "In beeld",
        "Cliënten met 'in beeld sinds' op of vóór 'tot', behalve wie vóór 'van' is uitgestroomd.",
    ),
    (
        "Met vergunning",
        "Cliënten in beeld met een vergunning die op de peildatum geldig is: "
        "verleend, besluit op of vóór de peildatum, en geen einddatum of een einddatum op of na "
        "de peildatum.",
    ),
    (
        "Verdelingen",
        "Zone-activiteit, woonsituatie, intensiteit, uitstappen en tevredenheid: "
        "cliënten in beeld per waarde op peildatum; wie geen waarde heeft, telt in die verdeling "
        "niet mee. Bewindvoering en budgetbeheer: cliënten in beeld met 'ja' op peildatum.",
    ),
    (
        "Begin van de periode",
        "Naast elke verdeling staat dezelfde telling op de eerste dag van "
        "de periode (cliënten die toen in beeld waren, waarden op die dag).",
    ),
    (
        "Vergunningen",
        "Aanvragen van cliënten van het team met een aanvraagdatum in de periode, "
        "naar besluit; bezwaren: aanvragen met een bezwaardatum.",
    ),
    (
        "Actief ondersteund",
        "Cliënten in beeld met een intensiteit op peildatum die is vastgelegd en niet 'geen' is.",
    ),
    (
        "Met plan",
        "Cliënten in beeld met een plan van aanpak dat op of vóór de peildatum is "
        "opgesteld en op de peildatum actief is.",
    ),
    (
        "Levensdomeinen in plan",
        "Per levensdomein: de cliënten met plan die ten minste één doel "
        "in dat domein hebben, gesteld op of vóór de peildatum.",
    ),
    (
        "Contactfrequentie",
        "Gerealiseerde contacten (face-to-face, telefonisch, digitaal) in de "
        "91 dagen tot en met de peildatum. Wekelijks: 13 of meer; maandelijks: 3 tot en met 12; "
        "minder dan maandelijks: 2 of minder.",
    ),
    (
        "Met ervaringsdeskundige",
        "Cliënten in beeld met ten minste 3 gerealiseerde contacten in "
        "dat venster, vastgelegd door een medewerker met de rol ervaringsdeskundige.",
    ),
    (
        "ZRM",
        "Cliënten in beeld met ten minste twee metingen op of vóór de peildatum: hun eerste "
        "en laatste meting. Per domein, over wie in beide metingen een score heeft: het aantal, "
        "het gemiddelde van de eerste en van de laatste (half naar boven afgerond op twee "
        "decimalen) en wie 2 punten of meer steeg of daalde. Een domein telt als hoger, lager of "
        "gelijk door de exacte gemiddelden te vergelijken. Per cliënt de grootste verandering "
        "over de domeinen met een score in beide: 1 punt of minder, of 2 punten of meer.",
    ),
    (
        "Resultaten",
        "Per soort uit de catalogus (ook als het nul is): resultaten van cliënten "
        "van het team met een datum in de periode, en het aantal verschillende cliënten.",
    ),
    (
        "Budget",
        "Budgetten van het team waarvan de eigen periode de rapportperiode overlapt. "
        "Besteed: goedgekeurde uitgaven van dat budget met een datum in de periode. Resterend: "
        "bedrag min alle goedgekeurde uitgaven tot en met de peildatum. De kosten van een "
        "time-out tellen als uitgave van het time-outbudget op de begindatum. Per categorie: "
        "goedgekeurde uitgaven van het team in de periode, zonder time-outs. Time-outs: die in "
        "de periode begonnen; dagen = tot − van + 1; kosten = dagen × dagtarief.",
    ),
]
