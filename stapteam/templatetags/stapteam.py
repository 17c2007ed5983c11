"""Template helpers: ``user|mag:"app.permissie"`` asks the access functions, not ``perms``;
``{% staafdiagram grafiek id %}`` draws a chart of ``stapteam.grafieken``."""

from django import template
from django.utils.safestring import SafeString

from stapteam import grafieken, toegang

register = template.Library()


@register.filter
def mag(user, permissie: str) -> bool:
    return toegang.mag(user, permissie)


@register.simple_tag
def staafdiagram(grafiek: dict, id: str) -> SafeString:
    return grafieken.svg(grafiek, id)
