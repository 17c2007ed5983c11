"""Demo data of the core: two teams, organisations and one account per role.

Part of ``manage.py seed_demo``. Everything here is fictional. Each step looks records
up by their natural key first, so running the seeder twice changes nothing.
"""

from dataclasses import dataclass, field

from stapteam import services
from stapteam.constants import GEMEENTEROLLEN, TEAMROLLEN, Rol
from stapteam.models import Gemeente, Organisatie, Team, User


@dataclass
class DemoContext:
    """What the steps of the seeder share: the password and what earlier steps made."""

    wachtwoord: str
    teams: dict[str, Team] = field(default_factory=dict)
    gebruikers: dict[str, User] = field(default_factory=dict)


# username, name, role, organisation code, team code (or municipality for gemeente roles)
DEMO_ACCOUNTS = [
    ("casemanager1", "Sanne de Vries", Rol.CASEMANAGER, "leger_des_heils", "stapteam-nijmegen"),
    ("casemanager2", "Mirjam Bakker", Rol.CASEMANAGER, "iriszorg", "stapteam-nijmegen"),
    (
        "ervaringsdeskundige1",
        "Joyce Peters",
        Rol.ERVARINGSDESKUNDIGE,
        "iriszorg",
        "stapteam-nijmegen",
    ),
    ("coordinator1", "Ellen Jansen", Rol.COORDINATOR, "iriszorg", "stapteam-nijmegen"),
    ("gemeente1", "Thijs van Dam", Rol.GEMEENTE, "gemeente", "Nijmegen"),
    ("procesregisseur1", "Karin Willems", Rol.PROCESREGISSEUR, "zvh", "Nijmegen"),
    ("beheerder1", "Ruud Hendriks", Rol.BEHEERDER, "gemeente", None),
    ("functionaris1", "Noor Visser", Rol.FUNCTIONARIS, "gemeente", None),
    ("casemanager3", "Fatima el Amrani", Rol.CASEMANAGER, "bindkracht10", "stapteam-arnhem"),
    ("coordinator2", "Anouk Smit", Rol.COORDINATOR, "iriszorg", "stapteam-arnhem"),
]


def teams_en_accounts(context: DemoContext) -> None:
    for code, naam, gemeentenaam in [
        ("stapteam-nijmegen", "Stapteam Nijmegen", "Nijmegen"),
        ("stapteam-arnhem", "Stapteam Arnhem", "Arnhem"),
    ]:
        gemeente = Gemeente.objects.filter(naam=gemeentenaam).first() or services.opslaan(
            Gemeente(naam=gemeentenaam), door=None
        )
        team = Team.objects.filter(code=code).first()
        context.teams[code] = team or services.team_opslaan(
            naam=naam, code=code, gemeente=gemeente, door=None
        )

    for gebruikersnaam, naam, rol, organisatie, toegang in DEMO_ACCOUNTS:
        bestaand = User.objects.filter(username=gebruikersnaam).first()
        if bestaand:
            context.gebruikers[gebruikersnaam] = bestaand
            continue
        context.gebruikers[gebruikersnaam] = services.gebruiker_opslaan(
            gebruikersnaam=gebruikersnaam,
            naam=naam,
            rol=rol,
            email=f"{gebruikersnaam}@example.org",
            organisatie=Organisatie.objects.get(code=organisatie),
            teams=[context.teams[toegang]] if rol in TEAMROLLEN else [],
            gemeenten=[Gemeente.objects.get(naam=toegang)] if rol in GEMEENTEROLLEN else [],
            wachtwoord=context.wachtwoord,
            door=None,
        )
