"""Charts as server-rendered SVG: the same markup in the page and in a PDF.

``staafdiagram`` lays out a horizontal bar chart with one or more series per category;
the template ``includes/staafdiagram.html`` draws it. The category name stands above
its bars, so the chart stays readable on a phone without shrinking the text. Series are
told apart by fill *and* outline (not by colour alone), every bar carries its value as
text, and the page shows the same numbers in a table for screen readers.
"""

from dataclasses import dataclass

BREEDTE = 340
STAAFGEBIED = 280
LABELHOOGTE = 17
STAAFHOOGTE = 13
RUIMTE = 10
LEGENDA = 26

# (fill, stroke) per series: outlined first, solid second, a third in another hue.
STIJLEN = [("#ffffff", "#0b5563"), ("#0b5563", "#0b5563"), ("#8a5a00", "#8a5a00")]


@dataclass
class Staaf:
    y: float
    breedte: float
    vulling: str
    rand: str
    tekst: str
    tekst_x: float


def staafdiagram(
    *,
    titel: str,
    categorieen: list[str],
    reeksen: list[tuple[str, list[float | None]]],
    maximum: float,
    schaal: list[float] | None = None,
    opmaak: str = "{:g}",
) -> dict:
    """Geometry for a horizontal bar chart.

    ``reeksen`` is a list of (name, values per category); a value None draws no bar and
    shows '–'. ``schaal`` are the values where vertical guide lines are drawn.
    """
    per_rij = LABELHOOGTE + len(reeksen) * STAAFHOOGTE + RUIMTE
    rijen = []
    for index, categorie in enumerate(categorieen):
        y0 = LEGENDA + index * per_rij
        staven = []
        for reeks_index, (_, waarden) in enumerate(reeksen):
            waarde = waarden[index]
            vulling, rand = STIJLEN[reeks_index % len(STIJLEN)]
            lengte = 0 if waarde is None else STAAFGEBIED * max(0, waarde) / maximum
            staven.append(
                Staaf(
                    y=y0 + LABELHOOGTE + reeks_index * STAAFHOOGTE,
                    breedte=round(lengte, 1),
                    vulling=vulling,
                    rand=rand,
                    tekst="–" if waarde is None else opmaak.format(waarde),
                    tekst_x=round(lengte + 5, 1),
                )
            )
        rijen.append(
            {
                "label": categorie,
                "label_y": y0 + LABELHOOGTE - 5,
                "staven_boven": y0 + LABELHOOGTE - 1,
                "staven_onder": y0 + LABELHOOGTE + len(reeksen) * STAAFHOOGTE,
                "staven": staven,
            }
        )
    return {
        "titel": titel,
        "breedte": BREEDTE,
        "hoogte": LEGENDA + per_rij * len(categorieen),
        "staafhoogte": STAAFHOOGTE - 3,
        "rijen": rijen,
        "schaal": [
            {"x": round(STAAFGEBIED * waarde / maximum, 1), "label": opmaak.format(waarde)}
            for waarde in (schaal or [])
        ],
        "legenda": [
            {
                "naam": naam,
                "vulling": STIJLEN[i % len(STIJLEN)][0],
                "rand": STIJLEN[i % len(STIJLEN)][1],
                "x": i * 170,
            }
            for i, (naam, _) in enumerate(reeksen)
        ],
    }
