"""The bar chart written in Python gives the SVG the former template gave: the same
elements, attributes and text, hostile labels escaped the same way, bars left out for
zero and None, guide lines per category and one to three series."""

import re
from pathlib import Path

import pytest
from django.template import engines

from stapteam.grafieken import staafdiagram, svg

# templates/includes/staafdiagram.html before the chart was written in Python.
SJABLOON = (Path(__file__).parent / "staafdiagram_voorheen.html").read_text()

VIJANDIG = "<script>alert('x')</script> & \"Bea\""


def _zonder_opmaak(html: str) -> str:
    """Without the template's comment, its indentation and line breaks between
    elements, which the chart does not show."""
    return re.sub(r">\s+<", "><", html).strip()


@pytest.mark.parametrize(
    "reeksen",
    [
        [("Aantal", [3, 0, None])],
        [(VIJANDIG, [1.5, 2.25, 0]), ("Laatste", [None, 4, 7])],
        [("Eerste", [1, 2, 3]), ("Tweede", [0, 5, 1]), ("Derde <b>", [2.5, None, 9])],
    ],
    ids=["een reeks", "twee reeksen", "drie reeksen"],
)
@pytest.mark.parametrize("schaal", [None, [0, 2.5, 5, 10]], ids=["zonder schaal", "met schaal"])
def test_svg_zoals_het_sjabloon_het_schreef(reeksen, schaal):
    grafiek = staafdiagram(
        titel=VIJANDIG,
        categorieen=["Wonen", VIJANDIG, "Financiën & schulden"],
        reeksen=reeksen,
        maximum=10,
        schaal=schaal,
        opmaak="{:.1f} <x>",
    )
    verwacht = engines["django"].from_string(SJABLOON).render({"grafiek": grafiek, "id": "g-<1>"})

    assert svg(grafiek, "g-<1>") == _zonder_opmaak(verwacht)


def test_de_tag_tekent_de_grafiek():
    grafiek = staafdiagram(titel="ZRM", categorieen=["Wonen"], reeksen=[("A", [2])], maximum=5)
    html = engines["django"].from_string("{% load stapteam %}{% staafdiagram g 'zrm' %}")

    assert html.render({"g": grafiek}) == svg(grafiek, "zrm")
    assert 'aria-labelledby="zrm-titel"' in html.render({"g": grafiek})
