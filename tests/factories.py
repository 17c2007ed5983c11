"""factory_boy factories. Users are made through the same service the admin uses."""

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from factory.django import DjangoModelFactory

from stapteam import services
from stapteam.constants import GEMEENTEROLLEN, TEAMROLLEN, Rol
from stapteam.models import Gemeente, Organisatie, Team, User

WACHTWOORD = "correct-paard-batterij-niet"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("code",)

    naam = factory.Sequence(lambda n: f"Stapteam {n}")
    code = factory.Sequence(lambda n: f"stapteam-{n}")
    gemeente = factory.SubFactory(GemeenteFactory)


class UserFactory(factory.Factory):
    """A user with a role, made by ``services.gebruiker_opslaan``.

    A team role joins ``team`` (a new team if none is given), a municipality role gets
    ``gemeente``'s figures. With ``mfa=True`` (the default) the user has an activated
    authenticator app, as every real user must.
    """

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    naam = factory.Faker("name", locale="nl_NL")
    rol = Rol.CASEMANAGER
    team = None
    gemeente = None
    mfa = True
    actief = True

    @classmethod
    def _create(cls, model_class, *, username, naam, rol, team, gemeente, mfa, actief):
        teams, gemeenten = [], []
        if rol in TEAMROLLEN:
            teams = [team or TeamFactory()]
        if rol in GEMEENTEROLLEN:
            gemeenten = [gemeente or (team.gemeente if team else GemeenteFactory())]
        user = services.gebruiker_opslaan(
            gebruikersnaam=username,
            naam=naam,
            rol=rol,
            email=f"{username}@example.org",
            organisatie=Organisatie.objects.get(code="iriszorg"),
            teams=teams,
            gemeenten=gemeenten,
            actief=actief,
            wachtwoord=WACHTWOORD,
            door=None,
        )
        if mfa:
            TOTP.activate(user, generate_totp_secret())
        return user


class ClientFactory(factory.Factory):
    """A client registered through ``clients.services.client_aanmaken``."""

    class Meta:
        model = "clients.Client"

    team = factory.SubFactory(TeamFactory)
    roepnaam = factory.Faker("first_name_female", locale="nl_NL")
    casemanager = None
    door = None
    gegevens = factory.Dict({})

    @classmethod
    def _create(cls, model_class, *, team, roepnaam, casemanager, door, gegevens):
        from clients import services as client_services

        return client_services.client_aanmaken(
            team=team, door=door, roepnaam=roepnaam, casemanager=casemanager, **gegevens
        )
