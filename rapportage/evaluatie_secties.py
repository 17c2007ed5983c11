"""The evaluation report as chapters of tables and charts, in the order of chapters 3–6
of the first evaluation (seed 001). The page, the PDF and the XLSX all lay out these same
tables, so a label or an order is written once."""

from dataclasses import dataclass, field

from budget.constants import BudgetSoort, Categorie
from clients.constants import (
    Geslacht,
    Intensiteit,
    Levensdomein,
    Tevredenheid,
    UitstapStatus,
    Woonsituatie,
    ZoneActiviteit,
)
from plannen.constants import ZRMDomein
from stapteam.grafieken import staafdiagram


@dataclass
class Tabel:
    sleutel: str
    titel: str
    kolommen: list[str]
    rijen: list[list]  # the first cell of a row is its label; the others are numbers
    grafiek: dict | None = None
    toelichting: str = ""


@dataclass
class Hoofdstuk:
    nummer: int
    titel: str
    tabellen: list[Tabel] = field(default_factory=list)


def _verdeling(sleutel, titel, keuzes, nu: dict, begin: dict | None) -> Tabel:
    """An as-of breakdown at the peildatum, after the same at the start of the period."""
    rijen = [
        [keuze.label, *([begin[keuze.value]] if begin is not None else []), nu[keuze.value]]
        for keuze in keuzes
    ]
    reeksen = [("Op peildatum", [nu[k.value] for k in keuzes])]
    if begin is not None:
        reeksen = [("Begin periode", [begin[k.value] for k in keuzes]), *reeksen]
    return Tabel(sleutel, titel, _kolommen(begin), rijen, _grafiek(titel, keuzes, reeksen))


def _kolommen(begin) -> list[str]:
    return ["", *(["Begin periode"] if begin is not None else []), "Op peildatum"]


def _kern(regels: list[tuple[str, str]], nu: dict, begin: dict | None) -> list[list]:
    return [
        [label, *([begin[sleutel]] if begin is not None else []), nu[sleutel]]
        for sleutel, label in regels
    ]


def _grafiek(titel, keuzes, reeksen) -> dict:
    hoogste = max([w or 0 for _, waarden in reeksen for w in waarden] + [1])
    return staafdiagram(
        titel=titel,
        categorieen=[k.label for k in keuzes],
        reeksen=reeksen,
        maximum=hoogste,
    )


class _Label:
    def __init__(self, value, label):
        self.value, self.label = value, label


def hoofdstukken(cijfers: dict, begin: dict | None = None) -> list[Hoofdstuk]:
    """``cijfers``: the report (``rapportage.evaluatie.evaluatie``); ``begin``: the as-of
    parts of the same on the first day of the period, for the comparison columns."""
    d, z = cijfers["doelgroep"], cijfers["zorgaanpak"]
    bd = begin["doelgroep"] if begin else None
    bz = begin["zorgaanpak"] if begin else None

    doelgroep = Hoofdstuk(1, "Doelgroep")
    kern = _kern(
        [
            ("in_beeld", "In beeld"),
            ("met_vergunning", "Met een geldige vergunning"),
            ("bewindvoering", "Met bewindvoering"),
            ("budgetbeheer", "Met budgetbeheer"),
        ],
        d,
        bd,
    )
    doelgroep.tabellen = [
        Tabel("doelgroep", "Cliënten in beeld", _kolommen(bd), kern),
        _verdeling("geslacht", "Geslacht", Geslacht, d["geslacht"], bd and bd["geslacht"]),
        _verdeling(
            "zone_activiteit",
            "Werkt op de tippelzone",
            ZoneActiviteit,
            d["zone_activiteit"],
            bd and bd["zone_activiteit"],
        ),
        _verdeling(
            "woonsituatie",
            "Woonsituatie",
            Woonsituatie,
            d["woonsituatie"],
            bd and bd["woonsituatie"],
        ),
    ]

    v = cijfers["vergunningen"]
    vergunningen = Hoofdstuk(2, "Vergunningen")
    labels = [
        ("aanvragen", "Aanvragen"),
        ("verleend", "Verleend"),
        ("verleend_nieuw", "Verleend, nieuw"),
        ("verleend_verlenging", "Verleend, verlenging"),
        ("geweigerd", "Geweigerd"),
        ("in_behandeling", "In behandeling"),
        ("bezwaren", "Bezwaren"),
    ]
    keuzes = [_Label(sleutel, label) for sleutel, label in labels]
    vergunningen.tabellen = [
        Tabel(
            "vergunningen",
            "Aanvragen in de periode",
            ["", "Aantal"],
            [[label, v[sleutel]] for sleutel, label in labels],
            _grafiek("Aanvragen in de periode", keuzes, [("Aantal", [v[s] for s, _ in labels])]),
        )
    ]

    zorg = Hoofdstuk(3, "Zorgaanpak")
    frequentie = [
        _Label("wekelijks", "Wekelijks (13 of meer)"),
        _Label("maandelijks", "Maandelijks (3–12)"),
        _Label("minder_dan_maandelijks", "Minder dan maandelijks (0–2)"),
    ]
    kern = _kern(
        [
            ("actief_ondersteund", "Actief ondersteund"),
            ("met_plan", "Met een actief plan van aanpak"),
            (
                "met_ervaringsdeskundige",
                "Met ervaringsdeskundige (3 of meer contacten in 13 weken)",
            ),
        ],
        z,
        bz,
    )
    zorg.tabellen = [
        Tabel("zorgaanpak", "Ondersteuning", _kolommen(bz), kern),
        _verdeling(
            "contactfrequentie",
            "Contactfrequentie in de 13 weken tot de peildatum",
            frequentie,
            z["contactfrequentie"],
            bz and bz["contactfrequentie"],
        ),
        _verdeling(
            "intensiteit",
            "Intensiteit van de begeleiding",
            Intensiteit,
            z["intensiteit"],
            bz and bz["intensiteit"],
        ),
        _verdeling(
            "levensdomeinen",
            "Levensdomeinen in het plan van aanpak",
            Levensdomein,
            z["levensdomeinen_in_plan"],
            bz and bz["levensdomeinen_in_plan"],
        ),
    ]

    zrm = cijfers["zrm"]
    resultaten = Hoofdstuk(4, "Resultaten")
    per_domein = zrm["per_domein"]
    resultaten.tabellen = [
        Tabel(
            "zrm",
            "Zelfredzaamheid (ZRM): eerste en laatste meting",
            ["Domein", "n", "Eerste", "Laatste", "Grote stijgers", "Grote dalers"],
            [
                [
                    domein.label,
                    per_domein[domein.value]["n"],
                    per_domein[domein.value]["eerste"],
                    per_domein[domein.value]["laatste"],
                    per_domein[domein.value]["grote_stijgers"],
                    per_domein[domein.value]["grote_dalers"],
                ]
                for domein in ZRMDomein
            ],
            staafdiagram(
                titel="ZRM: gemiddelde eerste en laatste meting per domein",
                categorieen=[domein.label for domein in ZRMDomein],
                reeksen=[
                    ("Eerste meting", [per_domein[d]["eerste"] for d in ZRMDomein.values]),
                    ("Laatste meting", [per_domein[d]["laatste"] for d in ZRMDomein.values]),
                ],
                maximum=5,
                schaal=[1, 2, 3, 4, 5],
                opmaak="{:.2f}",
            ),
            toelichting=(
                f"{zrm['clienten_met_twee_metingen']} cliënten met twee of meer metingen. "
                f"Domeinen hoger: {zrm['domeinen_hoger']}, lager: {zrm['domeinen_lager']}, "
                f"gelijk: {zrm['domeinen_gelijk']}. Cliënten met hooguit 1 punt verschil: "
                f"{zrm['clienten_max_1_punt']}; met 2 punten of meer: "
                f"{zrm['clienten_2_of_meer_punten']}."
            ),
        ),
        Tabel(
            "resultaten",
            "Behaalde resultaten in de periode",
            ["Resultaat", "Aantal", "Cliënten"],
            [[r["naam"], r["aantal"], r["clienten"]] for r in cijfers["resultaten"].values()],
        ),
        _verdeling(
            "uitstappen",
            "Uitstappen uit het sekswerk",
            UitstapStatus,
            cijfers["uitstappen"],
            begin and begin["uitstappen"],
        ),
    ]

    ervaringen = Hoofdstuk(5, "Ervaringen van de cliënten")
    ervaringen.tabellen = [
        _verdeling(
            "tevredenheid",
            "Tevredenheid over de begeleiding",
            Tevredenheid,
            cijfers["tevredenheid"],
            begin and begin["tevredenheid"],
        )
    ]

    b = cijfers["budget"]
    budget = Hoofdstuk(6, "Budget")
    budget.tabellen = [
        Tabel(
            "budgetten",
            "Budgetten",
            ["Budget", "Soort", "Bedrag", "Besteed in de periode", "Resterend op peildatum"],
            [
                [
                    regel["naam"],
                    BudgetSoort(regel["soort"]).label,
                    regel["bedrag"],
                    regel["besteed"],
                    regel["resterend"],
                ]
                for regel in b["budgetten"]
            ],
        ),
        Tabel(
            "per_categorie",
            "Uitgaven per categorie (zonder time-outs)",
            ["Categorie", "Bedrag"],
            [[c.label, b["per_categorie"][c.value]] for c in Categorie],
        ),
        Tabel(
            "time_outs",
            "Time-outs begonnen in de periode",
            ["", "Waarde"],
            [
                ["Aantal", b["time_outs"]["aantal"]],
                ["Dagen", b["time_outs"]["dagen"]],
                ["Kosten", b["time_outs"]["kosten"]],
            ],
        ),
    ]
    return [doelgroep, vergunningen, zorg, resultaten, ervaringen, budget]
