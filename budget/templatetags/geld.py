"""``{{ bedrag|euro }}``: an amount as '€ 1.234,50'."""

from django import template

from budget.geld import euro as euro_tekst

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    return euro_tekst(bedrag)
