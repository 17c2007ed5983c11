from django.conf import settings

from stapteam.middleware import sessie_rest_seconden
from stapteam.navigatie import menu_voor


def navigatie(request):
    return {
        "menu": menu_voor(request),
        "sessie_timeout_seconden": sessie_rest_seconden(request)
        if hasattr(request, "session")
        else settings.SESSION_COOKIE_AGE,
        "omgeving": settings.STAPTEAM_OMGEVING,
    }
