"""Who the demo teams' clients are, and what happened to each of them (all fictional).

Every date is "days ago", so the story always ends today. The Nijmegen team is shaped like
the one in the evaluation of the first project period (seed 001, ch. 4): most women seen
weekly, a few monthly, some rarely; about half measured with the ZRM every few months;
the peer worker regularly in touch with about twelve. Signals fall where a real team
would have them: a consent that runs out, a plan evaluation overdue, a woman no longer on
the zone with a valid permit, one who is hard to reach, a newcomer without consent yet.
"""

from dataclasses import dataclass

# A situation history: (days ago, value); days ago None means "since she came in view".
Verloop = tuple[tuple[int | None, str], ...]


@dataclass(frozen=True)
class Vrouw:
    roepnaam: str
    in_beeld: int  # days ago she came into view
    frequentie: str  # "wekelijks", "maandelijks" or "zelden": how often the team sees her
    casemanager: int  # index in the team's casemanagers
    wonen: Verloop
    intensiteit: Verloop
    zone: Verloop
    uitstap: Verloop = ((None, "niet"),)
    bewind: Verloop = ((None, "nee"),)
    budgetbeheer: Verloop = ((None, "nee"),)
    tevredenheid: Verloop = ()
    ervaringsdeskundige: bool = False
    aandeel_ervaringsdeskundige: float = 0.35  # of her contacts, when the peer worker is linked
    # "geldig", "binnenkort" (expires within 30 days), "verlopen", "ingetrokken", "geen"
    toestemming: str = "geldig"
    zrm: str = "reeks"  # "reeks" (every 3–6 months), "recent" (one, lately) or "geen"
    plan: str = "actief"  # "actief", "evalueren" (overdue), "afgesloten" or "geen"
    afgesloten: int | None = None  # days ago her plan was closed, if not at outflow
    # "verleend" (with renewals), "verlenging_lopend", "geweigerd_lopend",
    # "geweigerd_ongegrond" (refused, objection rejected, later granted) or "geen"
    vergunning: str = "verleend"
    uitstroom: tuple[int, str] | None = None  # (days ago, reason)
    gepauzeerd: int | None = None  # days ago her support was paused
    overdracht: tuple[int, int, str] | None = None  # (days ago, to casemanager, note)
    resultaten: tuple[tuple[int, str], ...] = ()
    # (days ago, life domain, category, description, days ago solved or None)
    knelpunten: tuple[tuple[int, str, str, str, int | None], ...] = ()
    time_out: tuple[int, int] | None = None  # (days ago it started, days)
    # (days ago opened, days ago handling started, days ago closed or None)
    escalatie: tuple[int, int | None, int | None] | None = None


NIJMEGEN = [
    Vrouw(
        "Kim",
        1040,
        "wekelijks",
        0,
        wonen=((None, "mfc_nachtopvang"), (400, "bw_iriszorg")),
        intensiteit=((None, "zeer_intensief"), (300, "intensief")),
        zone=((None, "regelmatig"),),
        bewind=((None, "nee"), (700, "ja")),
        tevredenheid=((680, "matig"), (200, "tevreden")),
        ervaringsdeskundige=True,
        resultaten=(
            (900, "zorgverzekering"),
            (760, "id_bewijs"),
            (620, "tandarts"),
            (400, "intake_bw"),
            (150, "huisarts"),
        ),
        knelpunten=(
            (
                820,
                "wonen",
                "sociale_huur",
                "Geen kans op sociale huur zonder urgentie; de wachttijd is acht jaar.",
                None,
            ),
        ),
    ),
    Vrouw(
        "Priscilla",
        1010,
        "wekelijks",
        1,
        wonen=((None, "dakloos"), (900, "mfc_nachtopvang"), (275, "bw_overig")),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        bewind=((None, "nee"), (800, "ja")),
        tevredenheid=((640, "niet_tevreden"), (250, "tevreden")),
        ervaringsdeskundige=True,
        resultaten=((880, "naar_mo"), (560, "aanmelding_begeleide_herkansing"), (275, "intake_bw")),
        knelpunten=(
            (600, "wonen", "bw_wachtlijst", "Wachtlijst beschermd wonen van ruim een jaar.", 275),
        ),
        escalatie=(430, 405, 280),
    ),
    Vrouw(
        "Naomi",
        990,
        "maandelijks",
        0,
        wonen=((None, "bij_derden"), (700, "zelfstandig")),
        intensiteit=((None, "licht"),),
        zone=((None, "regelmatig"), (300, "zelden")),
        tevredenheid=((600, "tevreden"),),
        toestemming="binnenkort",
        zrm="recent",
        plan="evalueren",
        vergunning="verlenging_lopend",
        resultaten=((650, "huisarts"),),
    ),
    Vrouw(
        "Chantal",
        960,
        "zelden",
        1,
        wonen=((None, "mfc_nachtopvang"),),
        intensiteit=((None, "licht"), (650, "geen")),
        zone=((None, "regelmatig"), (650, "niet")),
        tevredenheid=((700, "niet_tevreden"),),
        toestemming="ingetrokken",
        zrm="geen",
        plan="geen",
        uitstroom=(600, "geen_vergunning_gewenst"),
    ),
    Vrouw(
        "Bianca",
        930,
        "wekelijks",
        0,
        wonen=((None, "bw_iriszorg"),),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"), (200, "zelden")),
        uitstap=((None, "niet"), (200, "in_proces")),
        bewind=((None, "ja"),),
        budgetbeheer=((None, "nee"), (500, "ja")),
        tevredenheid=((500, "tevreden"),),
        ervaringsdeskundige=True,
        resultaten=((700, "bewind_aangevraagd"), (480, "financien_op_orde"), (180, "dagbesteding")),
    ),
    Vrouw(
        "Sharon",
        900,
        "wekelijks",
        1,
        wonen=((None, "bw_iriszorg"), (300, "zelfstandig")),
        intensiteit=((None, "intensief"), (300, "licht")),
        zone=((None, "regelmatig"), (400, "zelden"), (250, "niet")),
        uitstap=((None, "niet"), (420, "in_proces"), (150, "uitgestapt")),
        tevredenheid=((400, "tevreden"),),
        uitstroom=(120, "uitgestapt"),
        resultaten=(
            (500, "dagbesteding"),
            (160, "uitkering_aangevraagd"),
            (130, "netwerk_hersteld"),
        ),
    ),
    Vrouw(
        "Mandy",
        880,
        "wekelijks",
        0,
        wonen=((None, "mfc_nachtopvang"), (600, "bw_iriszorg")),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        bewind=((None, "ja"),),
        tevredenheid=((500, "tevreden_met_kanttekening"),),
        ervaringsdeskundige=True,
        resultaten=((610, "intake_bw"), (300, "tandarts")),
    ),
    Vrouw(
        "Jessica",
        850,
        "maandelijks",
        1,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "regelmatig"),),
        tevredenheid=((500, "tevreden"),),
        ervaringsdeskundige=True,
        aandeel_ervaringsdeskundige=0.65,
        zrm="recent",
        resultaten=((400, "voedselbank"),),
    ),
    Vrouw(
        "Linda",
        820,
        "wekelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"), (120, "intensief")),
        zone=((None, "regelmatig"),),
        bewind=((None, "nee"), (90, "ja")),
        tevredenheid=((450, "tevreden"),),
        ervaringsdeskundige=True,
        resultaten=((100, "bewind_aangevraagd"),),
        knelpunten=(
            (
                110,
                "psychische_gezondheid",
                "diagnostiek",
                "Geen diagnostiek zonder vaste behandelaar; de huisarts verwijst terug.",
                None,
            ),
        ),
    ),
    Vrouw(
        "Wendy",
        800,
        "maandelijks",
        1,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"),),
        tevredenheid=((450, "tevreden"),),
        zrm="recent",
        plan="afgesloten",
        afgesloten=150,
        resultaten=((300, "financien_op_orde"), (160, "vakantie")),
    ),
    Vrouw(
        "Sandra",
        760,
        "wekelijks",
        0,
        wonen=((None, "zelfstandig"), (120, "time_out"), (110, "zelfstandig")),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        uitstap=((None, "niet"), (200, "in_proces")),
        bewind=((None, "ja"),),
        tevredenheid=((400, "tevreden"),),
        ervaringsdeskundige=True,
        resultaten=((120, "time_out"), (60, "orientatie_klinisch")),
        time_out=(120, 10),
    ),
    Vrouw(
        "Tamara",
        720,
        "wekelijks",
        1,
        wonen=((None, "zelfstandig"), (90, "kliniek")),
        intensiteit=((None, "intensief"), (90, "licht")),
        zone=((None, "regelmatig"), (60, "niet")),
        tevredenheid=((400, "tevreden"),),
        gepauzeerd=90,
        resultaten=((95, "orientatie_klinisch"), (92, "aanmelding_fact")),
    ),
    Vrouw(
        "Angela",
        680,
        "maandelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"),),
        tevredenheid=((400, "matig"),),
        zrm="recent",
        knelpunten=(
            (
                500,
                "financien",
                "eigen_bijdrage",
                "Eigen bijdrage beschermd wonen maakt instroom onhaalbaar.",
                380,
            ),
        ),
    ),
    Vrouw(
        "Debby",
        640,
        "wekelijks",
        1,
        wonen=((None, "dakloos"), (560, "mfc_nachtopvang"), (70, "instroomwoning")),
        intensiteit=((None, "zeer_intensief"),),
        zone=((None, "regelmatig"),),
        bewind=((None, "nee"), (450, "ja")),
        budgetbeheer=((None, "nee"), (450, "ja")),
        tevredenheid=((400, "niet_tevreden"), (40, "tevreden")),
        ervaringsdeskundige=True,
        toestemming="verlopen",
        resultaten=((300, "aanmelding_fact"), (75, "instroomwoning")),
        knelpunten=(
            (
                520,
                "wonen",
                "tekort_opvang_vrouwen",
                "Geen plek in een opvang alleen voor vrouwen.",
                70,
            ),
        ),
    ),
    Vrouw(
        "Ilse",
        600,
        "maandelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"), (400, "niet")),
        uitstap=((None, "in_proces"), (300, "uitgestapt")),
        tevredenheid=((400, "tevreden"),),
        uitstroom=(210, "reguliere_zorg"),
    ),
    Vrouw(
        "Yvonne",
        560,
        "maandelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"),),
        tevredenheid=((300, "tevreden"),),
        zrm="recent",
        overdracht=(
            180,
            1,
            "Yvonne kent Mirjam van de huiskamer; samen overgedragen op "
            "het spreekuur. Let op: afspraken liefst 's middags.",
        ),
    ),
    Vrouw(
        "Roxanne",
        480,
        "wekelijks",
        1,
        wonen=((None, "dakloos"), (300, "mfc_nachtopvang")),
        intensiteit=((None, "zeer_intensief"),),
        zone=((None, "regelmatig"),),
        bewind=((None, "nee"), (200, "ja")),
        tevredenheid=((300, "niet_tevreden"),),
        ervaringsdeskundige=True,
        resultaten=((350, "id_bewijs"),),
        knelpunten=(
            (
                400,
                "documenten",
                "postadres",
                "Briefadres geweigerd zonder vaste verblijfplaats.",
                None,
            ),
        ),
        escalatie=(12, None, None),
    ),
    Vrouw(
        "Samira",
        420,
        "wekelijks",
        0,
        wonen=(
            (None, "dakloos"),
            (200, "leger_des_heils"),
            (38, "time_out"),
            (31, "leger_des_heils"),
        ),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        tevredenheid=((250, "tevreden_met_kanttekening"),),
        ervaringsdeskundige=True,
        vergunning="geweigerd_lopend",
        resultaten=((200, "naar_mo"), (38, "time_out")),
        knelpunten=(
            (
                250,
                "middelengebruik",
                "exclusiecriteria",
                "Behandeling weigert bij actief gebruik.",
                None,
            ),
        ),
        time_out=(38, 7),
    ),
    Vrouw(
        "Kelly",
        330,
        "wekelijks",
        1,
        wonen=((None, "leger_des_heils"),),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"), (130, "niet")),
        tevredenheid=((200, "tevreden"),),
        ervaringsdeskundige=True,
        overdracht=(
            60,
            0,
            "Warme overdracht: Sanne neemt het over omdat Mirjam minder "
            "uren krijgt. Kelly wil haar afspraken bij het Leger houden.",
        ),
    ),
    Vrouw(
        "Nicole",
        240,
        "zelden",
        0,
        wonen=((None, "de_aanvang"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"),),
        zrm="geen",
        plan="geen",
    ),
    Vrouw(
        "Esmee",
        150,
        "wekelijks",
        1,
        wonen=((None, "mfc_nachtopvang"),),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        ervaringsdeskundige=True,
        vergunning="geweigerd_ongegrond",
        knelpunten=(
            (
                100,
                "wonen",
                "eisen_specifieke_projecten",
                "Het project vraagt een jaar aantoonbaar clean voor instroom.",
                None,
            ),
        ),
    ),
    Vrouw(
        "Lotte",
        20,
        "maandelijks",
        0,
        wonen=((None, "bij_derden"),),
        intensiteit=((None, "licht"),),
        zone=((None, "regelmatig"),),
        toestemming="geen",
        zrm="geen",
        plan="geen",
        vergunning="geen",
    ),
]

ARNHEM = [
    Vrouw(
        "Esther",
        700,
        "maandelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "regelmatig"),),
        tevredenheid=((300, "tevreden"),),
        zrm="recent",
    ),
    Vrouw(
        "Monique",
        650,
        "wekelijks",
        0,
        wonen=((None, "mfc_nachtopvang"), (200, "bw_overig")),
        intensiteit=((None, "intensief"),),
        zone=((None, "regelmatig"),),
        bewind=((None, "ja"),),
        tevredenheid=((300, "matig"),),
        resultaten=((200, "intake_bw"),),
        knelpunten=(
            (
                400,
                "wonen",
                "bw_wachtlijst",
                "Wachtlijst beschermd wonen in Arnhem van negen maanden.",
                200,
            ),
        ),
    ),
    Vrouw(
        "Dana",
        400,
        "wekelijks",
        0,
        wonen=((None, "dakloos"), (60, "time_out"), (55, "dakloos")),
        intensiteit=((None, "zeer_intensief"),),
        zone=((None, "zelden"),),
        toestemming="binnenkort",
        time_out=(60, 5),
        resultaten=((60, "time_out"),),
    ),
    Vrouw(
        "Fleur",
        300,
        "maandelijks",
        0,
        wonen=((None, "bij_derden"),),
        intensiteit=((None, "licht"),),
        zone=((None, "regelmatig"),),
        zrm="recent",
    ),
    Vrouw(
        "Iris",
        500,
        "maandelijks",
        0,
        wonen=((None, "zelfstandig"),),
        intensiteit=((None, "licht"),),
        zone=((None, "zelden"),),
        uitstroom=(90, "verhuisd"),
    ),
]
