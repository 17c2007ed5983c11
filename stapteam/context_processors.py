from django.conf import settings

from stapteam.navigatie import menu_voor


def navigatie(request):
    return {
        "menu": menu_voor(request),
        "sessie_timeout_seconden": settings.SESSION_COOKIE_AGE,
        "omgeving": settings.STAPTEAM_OMGEVING,
    }
