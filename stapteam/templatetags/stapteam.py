"""Template helpers: ``user|mag:"app.permissie"`` asks the access functions, not ``perms``."""

from django import template

from stapteam import toegang

register = template.Library()


@register.filter
def mag(user, permissie: str) -> bool:
    return toegang.mag(user, permissie)
