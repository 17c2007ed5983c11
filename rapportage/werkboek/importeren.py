"""Importing an exchange workbook into a team: all or nothing, through the services.

Every record is written by the same service functions the pages use, or — for the
sheets that run into the thousands of rows (clients, situation, consent forms, contacts,
goals, ZRM, results, barriers, permits, spends) — checked row by row with those
services' own rule functions and the model's ``clean``, then written in batches with
their history in bulk (``bulk.py``: ``COPY`` on PostgreSQL). Either way the importer
cannot store what a user could not.

It is one transaction. Every row is tried, every problem collected; if there is any, or
this is a dry run (``proef``), the transaction is rolled back: nothing is written, not
even the team or the accounts. The counts in the report are what was (or would be)
created. Every history record names the importing user and has the file name as its
change reason.
"""

import contextlib
import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.signals import pre_create_historical_record

from budget import services as budget_services
from budget.constants import UitgaveStatus
from budget.geld import NUL, euro
from budget.models import Budget, Uitgave
from budget.selectors import saldo
from clients import services as client_services
from clients.constants import KENMERK_WAARDEN
from clients.models import Client, Contact, Overdracht, Situatie, Toestemming
from clients.stand import herbouwen
from clients.validators import normaliseer_bsn
from plannen import services as plannen_services
from plannen.constants import KnelpuntStatus, ZRMDomein
from plannen.models import (
    Doel,
    Knelpunt,
    Knelpuntcategorie,
    Plan,
    Resultaat,
    Resultaattype,
    ZRMMeting,
)
from rapportage.werkboek.bulk import (
    koppelingen_met_geschiedenis_schrijven,
    met_geschiedenis_schrijven,
)
from rapportage.werkboek.lezen import (
    BESTAND,
    OngeldigBestand,
    Problemen,
    Rij,
    lees_werkboek,
)
from rapportage.werkboek.plan_van_doel import plan_van_doel, plannen_op_volgorde
from stapteam import services as stapteam_services
from stapteam.constants import TEAMROLLEN, Rol
from stapteam.models import Gemeente, Organisatie, Team, User
from stapteam.toegang import medewerkers_van
from vergunningen import services as vergunning_services
from vergunningen.constants import Besluit
from vergunningen.models import Vergunning, toets_criteria

# Rows written per INSERT by the bulk sheets; small enough to keep memory flat.
PARTIJ = 2000


@dataclass
class Verslag:
    """What an import did (or would do), in Dutch for the command and the page."""

    bestandsnaam: str
    team_code: str
    proef: bool
    problemen: Problemen = field(default_factory=Problemen)
    team_nieuw: bool = False
    bestaande_medewerkers: int = 0
    aantallen: dict[str, int] = field(default_factory=dict)
    # Seconds per step (reading, then each sheet), for measuring (docs/prestaties.md).
    duur: dict[str, float] = field(default_factory=dict)

    @property
    def geslaagd(self) -> bool:
        return not self.problemen

    @property
    def vastgelegd(self) -> bool:
        return self.geslaagd and not self.proef

    def regels(self) -> list[str]:
        regels = []
        if not self.geslaagd:
            regels.append(
                f"Het werkboek {self.bestandsnaam} is geweigerd: {self.problemen.aantal} "
                f"probleem/problemen. Er is niets vastgelegd."
            )
        elif self.proef:
            regels.append(
                f"Proefimport van {self.bestandsnaam} in team {self.team_code}: het werkboek "
                "is in orde. Er is niets vastgelegd; dit zou worden aangemaakt:"
            )
        else:
            regels.append(
                f"Het werkboek {self.bestandsnaam} is geïmporteerd in team {self.team_code}:"
            )
        if self.geslaagd:
            if self.team_nieuw:
                regels.append(f"  team {self.team_code}: nieuw")
            for blad, aantal in self.aantallen.items():
                regels.append(f"  {blad}: {aantal}")
            if self.bestaande_medewerkers:
                regels.append(
                    f"  medewerkers met een bestaand account: {self.bestaande_medewerkers}"
                )
            if self.aantallen.get("medewerkers"):
                regels.append("Nieuwe accounts kunnen pas inloggen als een beheerder ze activeert.")
        for probleem in self.problemen.getoond:
            regels.append(f"  {probleem}")
        if self.problemen.weggelaten:
            regels.append(f"  … en nog {self.problemen.weggelaten} problemen.")
        return regels


@contextlib.contextmanager
def _gemeten(verslag: Verslag, stap: str) -> Iterator[None]:
    begin = time.perf_counter()
    try:
        yield
    finally:
        verslag.duur[stap] = verslag.duur.get(stap, 0) + time.perf_counter() - begin


class _Terugdraaien(Exception):
    """Rolls the import's transaction back (a refusal, or a dry run)."""


@contextlib.contextmanager
def wijzigingsreden(reden: str) -> Iterator[None]:
    """Every history record this thread writes meanwhile gets ``reden`` as change reason."""
    draad = threading.get_ident()

    def zet_reden(sender, history_instance, **kwargs):
        if threading.get_ident() == draad and not history_instance.history_change_reason:
            history_instance.history_change_reason = reden

    uid = f"werkboek-{draad}-{id(zet_reden)}"
    pre_create_historical_record.connect(zet_reden, weak=False, dispatch_uid=uid)
    try:
        yield
    finally:
        pre_create_historical_record.disconnect(dispatch_uid=uid)


def werkboek_importeren(
    *,
    bestand: BinaryIO,
    grootte: int,
    bestandsnaam: str,
    team_code: str,
    gemeente_naam: str = "",
    door: User | None,
    proef: bool = False,
) -> Verslag:
    """Import the workbook into the team with ``team_code``; see the module docstring.

    An unknown team is created only when ``gemeente_naam`` names its municipality.
    """
    verslag = Verslag(bestandsnaam=bestandsnaam, team_code=team_code, proef=proef)
    try:
        with _gemeten(verslag, "lezen"):
            bladen = lees_werkboek(bestand, grootte, verslag.problemen)
    except OngeldigBestand as fout:
        verslag.problemen.melden(BESTAND, None, "", str(fout))
        return verslag
    reden = f"Werkboek {bestandsnaam}"[:100]
    try:
        with transaction.atomic(), wijzigingsreden(reden):
            _Import(verslag, bladen, door=door, reden=reden).uitvoeren(team_code, gemeente_naam)
            if verslag.problemen or proef:
                raise _Terugdraaien
    except _Terugdraaien:
        pass
    return verslag


# Which workbook column a model field's error belongs to, per sheet (same name if absent).
KOLOM_VAN_VELD = {
    "medewerkers": {"username": "gebruikersnaam", "rol": "rol", "organisatie": "organisatie"},
    "clienten": {"tweede_casemanager": "casemanager"},
    "contacten": {"tijdstip": "datum"},
    "doelen": {"omschrijving": "doel"},
    "vergunningen": {"afwijking_reden": "besluit", "bezwaar_door": "bezwaar_op"},
    "uitgaven": {"geregistreerd_door": "medewerker"},
    "timeouts": {"limiet_reden": "van", "budget": "van", "dagen": "tot"},
}


class _Import:
    def __init__(self, verslag: Verslag, bladen: dict[str, list[Rij]], *, door, reden):
        self.verslag = verslag
        self.problemen = verslag.problemen
        self.bladen = bladen
        self.door = door
        self.reden = reden
        self.bestandsnaam = verslag.bestandsnaam
        self.team: Team | None = None
        self.medewerkers: dict[str, User] = {}
        self.clienten: dict[str, Client] = {}
        self.budgetten: dict[str, Budget] = {}
        # Names and codes the workbook declares, readable or not: a reference to one of
        # them whose own row failed is not reported a second time.
        self.genoemd: dict[str, set[str]] = defaultdict(set)

    # --- Helpers ------------------------------------------------------------------------

    def melden(self, blad: str, rij: Rij, kolom: str, melding: str) -> None:
        self.problemen.melden(blad, rij.nummer, kolom, melding)

    def fout_melden(self, blad: str, rij: Rij, fout: ValidationError) -> None:
        kolommen = KOLOM_VAN_VELD.get(blad, {})
        if not hasattr(fout, "error_dict"):
            for melding in fout.messages:
                self.melden(blad, rij, "", melding)
            return
        for veld, meldingen in fout.message_dict.items():
            kolom = "" if veld == NON_FIELD_ERRORS else kolommen.get(veld, veld)
            for melding in meldingen:
                self.melden(blad, rij, kolom, melding)

    def rijen(self, blad: str) -> Iterator[Rij]:
        for rij in self.bladen.get(blad, []):
            if rij.geldig:
                yield rij

    def tel(self, blad: str, aantal: int = 1) -> None:
        self.verslag.aantallen[blad] = self.verslag.aantallen.get(blad, 0) + aantal

    def poging(self, blad: str, rij: Rij, functie, **kwargs):
        """Call a service for one row; its refusal becomes this row's problem."""
        try:
            resultaat = functie(door=self.door, **kwargs)
        except ValidationError as fout:
            self.fout_melden(blad, rij, fout)
            return None
        self.tel(blad)
        return resultaat

    def verwijzing(self, blad: str, rij: Rij, kolom: str, soort: str, opzoek: dict):
        """The record a reference cell names, or None (with a problem if it is unknown)."""
        sleutel = rij.waarden.get(kolom)
        if sleutel is None:
            return None
        gevonden = opzoek.get(sleutel)
        if gevonden is None and sleutel not in self.genoemd[soort]:
            uitleg = {
                "client": f"Onbekende cliënt '{sleutel}': niet in het blad clienten en geen "
                "cliënt van het team.",
                "medewerker": f"Onbekende medewerker '{sleutel}': niet in het blad "
                "medewerkers en geen account van het team.",
                "budget": f"Onbekend budget '{sleutel}': niet in het blad budgetten en geen "
                "budget van het team.",
            }[soort]
            self.melden(blad, rij, kolom, uitleg)
        return gevonden

    def client(self, blad: str, rij: Rij) -> Client | None:
        return self.verwijzing(blad, rij, "client", "client", self.clienten)

    def medewerker(self, blad: str, rij: Rij, kolom: str) -> User | None:
        return self.verwijzing(blad, rij, kolom, "medewerker", self.medewerkers)

    def bulk(self, blad: str | None, model, objecten: Iterable) -> None:
        """Write in batches; ``blad`` None: records that go with a sheet's (not counted)."""
        partij = []
        for obj in objecten:
            partij.append(obj)
            if len(partij) >= PARTIJ:
                self._schrijf(blad, model, partij)
                partij = []
        if partij:
            self._schrijf(blad, model, partij)

    def _schrijf(self, blad: str | None, model, partij: list) -> None:
        if self.problemen:
            return  # the import is refused anyway: only keep checking
        met_geschiedenis_schrijven(partij, model, door=self.door, reden=self.reden)
        if blad is not None:
            self.tel(blad, len(partij))

    # --- The sheets, in the order of ONTWERP §7 -------------------------------------------

    def uitvoeren(self, team_code: str, gemeente_naam: str) -> None:
        self.team = self.team_bepalen(team_code, gemeente_naam)
        if self.team is None:
            return
        self.bekende_gegevens()
        stappen = {
            "medewerkers": self.medewerkers_importeren,
            "clienten": self.clienten_importeren,
            "situatie": self.situatie_importeren,
            "toestemmingen": self.toestemmingen_importeren,
            "contacten": self.contacten_importeren,
            "plannen": lambda: self.per_rij("plannen", self.plan),
            "doelen": self.doelen_importeren,
            "zrm": self.zrm_importeren,
            "resultaten": self.resultaten_importeren,
            "knelpunten": self.knelpunten_importeren,
            "vergunningen": self.vergunningen_importeren,
            "budgetten": self.budgetten_importeren,
            "uitgaven": self.uitgaven_importeren,
            "timeouts": lambda: self.per_rij("timeouts", self.timeout),
        }
        for blad, stap in stappen.items():
            with _gemeten(self.verslag, blad):
                stap()
        if not self.problemen:
            # Clients, situations, contacts, consents, ZRM and permits are bulk-written (services
            # check each row first but do not save it): their current state in one go.
            with _gemeten(self.verslag, "huidige stand"):
                herbouwen(Client.objects.filter(team=self.team))

    def team_bepalen(self, code: str, gemeente_naam: str) -> Team | None:
        team = Team.objects.select_related("gemeente").filter(code=code).first()
        gemeente_naam = gemeente_naam.strip()
        if team is not None:
            if gemeente_naam and team.gemeente.naam != gemeente_naam:
                self.problemen.melden(
                    "team",
                    None,
                    "",
                    f"Team {code} bestaat al en hoort bij gemeente {team.gemeente.naam}, "
                    f"niet bij {gemeente_naam}.",
                )
                return None
            return team
        if not gemeente_naam:
            self.problemen.melden(
                "team",
                None,
                "",
                f"Team {code} bestaat niet. Geef de gemeente op om het aan te maken.",
            )
            return None
        try:
            gemeente = Gemeente.objects.filter(naam=gemeente_naam).first() or (
                stapteam_services.opslaan(Gemeente(naam=gemeente_naam), door=self.door)
            )
            team = stapteam_services.team_opslaan(
                naam=code, code=code, gemeente=gemeente, door=self.door
            )
        except ValidationError as fout:
            for melding in fout.messages:
                self.problemen.melden("team", None, "", melding)
            return None
        self.verslag.team_nieuw = True
        return team

    def bekende_gegevens(self) -> None:
        """What the team already has, by the keys the workbook uses."""
        for medewerker in medewerkers_van([self.team], TEAMROLLEN, ook_inactief=True):
            self.medewerkers[medewerker.username] = medewerker
        for client in Client.objects.filter(team=self.team):
            self.clienten[client.code] = client
        for budget in Budget.objects.filter(team=self.team):
            self.budgetten[budget.naam] = budget
        self.organisaties = {org.code: org for org in Organisatie.objects.all()}
        for blad, kolom, soort in (
            ("medewerkers", "gebruikersnaam", "medewerker"),
            ("clienten", "code", "client"),
            ("budgetten", "naam", "budget"),
        ):
            for rij in self.bladen.get(blad, []):
                if rij.waarden.get(kolom):
                    self.genoemd[soort].add(rij.waarden[kolom])

    def medewerkers_importeren(self) -> None:
        gezien: dict[str, int] = {}
        for rij in self.rijen("medewerkers"):
            w = rij.waarden
            naam = w["gebruikersnaam"]
            if naam in gezien:
                self.melden(
                    "medewerkers", rij, "gebruikersnaam", f"Staat al in rij {gezien[naam]}."
                )
                continue
            gezien[naam] = rij.nummer
            organisatie = None
            if w.get("organisatie"):
                organisatie = self.organisaties.get(w["organisatie"])
                if organisatie is None:
                    self.melden(
                        "medewerkers",
                        rij,
                        "organisatie",
                        f"Onbekende organisatie '{w['organisatie']}'.",
                    )
                    continue
            bestaand = User.objects.filter(username=naam).first()
            if bestaand is not None:
                self.bestaande_medewerker(rij, bestaand)
                continue
            gebruiker = self.poging(
                "medewerkers",
                rij,
                stapteam_services.gebruiker_opslaan,
                gebruikersnaam=naam,
                naam=w["naam"],
                rol=w["rol"],
                organisatie=organisatie,
                teams=[self.team],
                actief=False,  # until an administrator activates the account
            )
            if gebruiker is not None:
                self.medewerkers[naam] = gebruiker

    def bestaande_medewerker(self, rij: Rij, bestaand: User) -> None:
        rol = rij.waarden["rol"]
        if bestaand.rol != rol:
            huidige = Rol(bestaand.rol).label.lower() if bestaand.rol else "geen rol"
            self.melden(
                "medewerkers",
                rij,
                "rol",
                f"Het account {bestaand.username} bestaat al met de rol {huidige}, niet "
                f"{Rol(rol).label.lower()}.",
            )
        elif bestaand.username not in self.medewerkers:
            self.melden(
                "medewerkers",
                rij,
                "gebruikersnaam",
                f"Het account {bestaand.username} bestaat al maar is geen medewerker van "
                f"{self.team}. Een beheerder voegt het eerst aan het team toe.",
            )
        else:
            self.verslag.bestaande_medewerkers += 1

    def clienten_importeren(self) -> None:
        gezien: dict[str, int] = {}
        nieuw = []
        for rij in self.rijen("clienten"):
            code = rij.waarden["code"]
            if code in gezien:
                self.melden(
                    "clienten", rij, "code", f"Cliëntnummer {code} staat al in rij {gezien[code]}."
                )
            elif code in self.clienten:
                self.melden("clienten", rij, "code", f"Cliëntnummer {code} bestaat al in het team.")
            else:
                gezien[code] = rij.nummer
                nieuw.append(rij)
        if self.clienten:
            # Likely duplicates of clients the team already had (a team without clients
            # has none); among the workbook's own clients the code decides: the earlier
            # administration confirmed they are different people.
            for rij in nieuw:
                w = rij.waarden
                kandidaat = Client(
                    team=self.team,
                    roepnaam=w["roepnaam"],
                    geboortedatum=w["geboortedatum"],
                    bsn=normaliseer_bsn(w["bsn"] or ""),
                )
                try:
                    client_services.controleer_geen_dubbel(kandidaat)
                except ValidationError as fout:
                    self.fout_melden("clienten", rij, fout)
        aangemaakt: list[Client] = []
        self.bulk("clienten", Client, self._clienten(nieuw, aangemaakt))
        # Her first casemanager as her first handover, as ``client_aanmaken`` records it.
        overdrachten = (
            client_services.eerste_overdracht(client, door=self.door)
            for client in aangemaakt
            if client.casemanager_id and client.pk is not None
        )
        self.bulk(None, Overdracht, overdrachten)

    def _clienten(self, nieuw: list[Rij], aangemaakt: list[Client]) -> Iterator[Client]:
        bsns: dict[str, int] = {}
        for rij in nieuw:
            w = rij.waarden
            koppelingen = {
                kolom: self.medewerker("clienten", rij, kolom)
                for kolom in ("casemanager", "ervaringsdeskundige")
            }
            if any(w[kolom] and koppelingen[kolom] is None for kolom in koppelingen):
                continue
            client = Client(
                team=self.team,
                code=w["code"],
                roepnaam=w["roepnaam"],
                voornaam=w["voornaam"] or "",
                achternaam=w["achternaam"] or "",
                geboortedatum=w["geboortedatum"],
                geslacht=w["geslacht"] or Client._meta.get_field("geslacht").default,
                bsn=w["bsn"] or "",
                in_beeld_sinds=w["in_beeld_sinds"],
                status=w["status"],
                uitstroom_datum=w["uitstroom_datum"],
                uitstroom_reden=w["uitstroom_reden"] or "",
                **koppelingen,
            )
            try:
                # The service's rules: BSN normalised and unique in the team, staff of
                # the team; then every field (the 11-proef among them).
                client_services.controleer_client(client, overgenomen=True)
                client.full_clean(
                    exclude=["team", "casemanager", "tweede_casemanager", "ervaringsdeskundige"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as fout:
                self.fout_melden("clienten", rij, fout)
                continue
            if client.bsn and client.bsn in bsns:
                self.melden("clienten", rij, "bsn", f"Dit BSN staat al in rij {bsns[client.bsn]}.")
                continue
            if client.bsn:
                bsns[client.bsn] = rij.nummer
            self.clienten[client.code] = client
            aangemaakt.append(client)
            yield client

    def per_rij(self, blad: str, functie) -> None:
        for rij in self.rijen(blad):
            client = self.client(blad, rij)
            # A client without a key was not written: the import is refused already.
            if client is not None and client.pk is not None:
                functie(blad, rij, client, rij.waarden)

    # --- Bulk sheets: rule functions per row, written in batches ------------------------

    def gecontroleerd(self, blad: str, rij: Rij, obj, *regels) -> bool:
        """The model's own rules (``clean``) and the service's rule functions for one row.

        What ``full_clean`` would check field by field — codes from the vocabulary,
        lengths, ranges — the reader has already checked against the same declarations
        (a test holds ``kolommen`` and the models together); foreign keys were resolved
        from the team. Skipping that second pass per row is what makes 200,000 rows fast.
        """
        try:
            obj.clean()
            for regel in regels:
                regel()
        except ValidationError as fout:
            self.fout_melden(blad, rij, fout)
            return False
        return True

    def situatie_importeren(self) -> None:
        bestaand = set(
            Situatie.objects.filter(client__team=self.team).values_list(
                "client_id", "kenmerk", "datum"
            )
        )
        self.bulk("situatie", Situatie, self._situaties(bestaand))

    def _situaties(self, bestaand: set) -> Iterator[Situatie]:
        gezien: dict[tuple, int] = {}
        for rij in self.rijen("situatie"):
            client = self.client("situatie", rij)
            if client is None:
                continue
            w = rij.waarden
            sleutel = (client.pk, w["kenmerk"], w["datum"])
            if sleutel in gezien or sleutel in bestaand:
                waar = f"in rij {gezien[sleutel]}" if sleutel in gezien else "in het dossier"
                self.melden(
                    "situatie",
                    rij,
                    "datum",
                    f"Voor {w['kenmerk']} van cliënt {client.code} staat op deze datum al een "
                    f"waarde ({waar}).",
                )
                continue
            gezien[sleutel] = rij.nummer
            situatie = Situatie(
                client=client,
                kenmerk=w["kenmerk"],
                waarde=w["waarde"],
                datum=w["datum"],
                geregistreerd_door=self.door,
            )
            if w["kenmerk"] not in KENMERK_WAARDEN:  # the service's own check
                self.melden("situatie", rij, "kenmerk", f"Onbekend kenmerk '{w['kenmerk']}'.")
                continue
            if self.gecontroleerd("situatie", rij, situatie):
                yield situatie

    def contacten_importeren(self) -> None:
        self.bulk("contacten", Contact, self._contacten())

    def _contacten(self) -> Iterator[Contact]:
        for rij in self.rijen("contacten"):
            client = self.client("contacten", rij)
            medewerker = self.medewerker("contacten", rij, "medewerker")
            if client is None or medewerker is None:
                continue
            w = rij.waarden
            contact = Contact(
                client=client,
                tijdstip=w["datum"],
                medewerker=medewerker,
                soort=w["soort"],
                locatie=w["locatie"] or "",
                duur_minuten=w["duur_minuten"],
                levensdomeinen=w["levensdomeinen"] or [],
                notitie=w["notitie"] or "",
                vertrouwelijk=bool(w["vertrouwelijk"]),
            )
            if self.gecontroleerd(
                "contacten",
                rij,
                contact,
                lambda c=contact: client_services.controleer_contact(
                    c, self.team, overgenomen=True
                ),
            ):
                yield contact

    def zrm_importeren(self) -> None:
        self.bulk("zrm", ZRMMeting, self._zrm())

    def _zrm(self) -> Iterator[ZRMMeting]:
        domeinen = ZRMDomein.values  # a new list on every access: read it once
        for rij in self.rijen("zrm"):
            client = self.client("zrm", rij)
            if client is None:
                continue
            w = rij.waarden
            meting = ZRMMeting(
                client=client,
                datum=w["datum"],
                afgenomen_door=self.door,
                **{domein: w.get(domein) for domein in domeinen},
            )
            if self.gecontroleerd("zrm", rij, meting):
                yield meting

    def budgetten_importeren(self) -> None:
        gezien: dict[str, int] = {}
        for rij in self.rijen("budgetten"):
            w = rij.waarden
            if w["naam"] in gezien:
                self.melden("budgetten", rij, "naam", f"Staat al in rij {gezien[w['naam']]}.")
                continue
            gezien[w["naam"]] = rij.nummer
            budget = self.poging(
                "budgetten",
                rij,
                budget_services.budget_aanmaken,
                team=self.team,
                naam=w["naam"],
                soort=w["soort"],
                van=w["van"],
                tot=w["tot"],
                bedrag=w["bedrag"],
            )
            if budget is not None:
                self.budgetten[budget.naam] = budget

    def uitgaven_importeren(self) -> None:
        self.beschikbaar: dict[int, Decimal] = {}
        self.bulk("uitgaven", Uitgave, self._uitgaven())

    def _uitgaven(self) -> Iterator[Uitgave]:
        for rij in self.rijen("uitgaven"):
            budget = self.verwijzing("uitgaven", rij, "budget", "budget", self.budgetten)
            medewerker = self.medewerker("uitgaven", rij, "medewerker")
            client = self.client("uitgaven", rij) if rij.waarden["client"] else None
            if budget is None or medewerker is None or (rij.waarden["client"] and client is None):
                continue
            w = rij.waarden
            uitgave = Uitgave(
                budget=budget,
                datum=w["datum"],
                bedrag=w["bedrag"],
                categorie=w["categorie"],
                client=client,
                omschrijving=(w["omschrijving"] or "").strip(),
                medewerker=medewerker,
                geregistreerd_door=self.door,
                # Spends of an earlier administration count as approved (ONTWERP §6).
                status=UitgaveStatus.GOEDGEKEURD,
            )
            if not self.gecontroleerd(
                "uitgaven",
                rij,
                uitgave,
                lambda m=medewerker: budget_services.controleer_uitgever(
                    m, self.team, overgenomen=True
                ),
                lambda c=client: budget_services.controleer_client(c, self.team),
            ):
                continue
            # Never below zero: what the budget had, minus this workbook's spends so far.
            if budget.pk not in self.beschikbaar:
                self.beschikbaar[budget.pk] = saldo(budget).beschikbaar
            if uitgave.bedrag > self.beschikbaar[budget.pk]:
                self.melden(
                    "uitgaven",
                    rij,
                    "bedrag",
                    f"Dit past niet in {budget}: er is nog "
                    f"{euro(max(self.beschikbaar[budget.pk], NUL))} beschikbaar.",
                )
                continue
            self.beschikbaar[budget.pk] -= uitgave.bedrag
            yield uitgave

    # --- Sheets written row by row through the services ---------------------------------

    def toestemmingen_importeren(self) -> None:
        """Checked row by row by the service's rule (``controleer_toestemming``), written in
        batches with their parties and the history ``toestemming_vastleggen`` leaves."""
        gecontroleerd = self._toestemmingen()
        while partij := list(itertools.islice(gecontroleerd, PARTIJ)):
            if self.problemen:
                continue  # the import is refused anyway: only keep checking
            toestemmingen = [toestemming for toestemming, _ in partij]
            met_geschiedenis_schrijven(toestemmingen, Toestemming, door=self.door, reden=self.reden)
            koppelingen_met_geschiedenis_schrijven(
                toestemmingen,
                "partijen",
                [partijen for _, partijen in partij],
                door=self.door,
                reden=self.reden,
            )
            self.tel("toestemmingen", len(partij))

    def _toestemmingen(self) -> Iterator[tuple[Toestemming, list[Organisatie]]]:
        for rij in self.rijen("toestemmingen"):
            client = self.client("toestemmingen", rij)
            # A client without a key was not written: the import is refused already.
            if client is None or client.pk is None:
                continue
            w = rij.waarden
            onbekend = [code for code in w["partijen"] if code not in self.organisaties]
            if onbekend:
                self.melden(
                    "toestemmingen",
                    rij,
                    "partijen",
                    f"Onbekende organisatie: {', '.join(onbekend)}.",
                )
                continue
            toestemming = Toestemming(
                client=client,
                ondertekend_op=w["ondertekend_op"],
                versie=w["versie"],
                geldig_tot=w["geldig_tot"],
                ingetrokken_op=w["ingetrokken_op"],
                vastgelegd_door=self.door,
            )
            partijen = [self.organisaties[code] for code in w["partijen"]]
            try:
                client_services.controleer_toestemming(toestemming, partijen)
            except ValidationError as fout:
                self.fout_melden("toestemmingen", rij, fout)
                continue
            yield toestemming, partijen

    def plan(self, blad, rij, client, w) -> None:
        self.poging(
            blad,
            rij,
            plannen_services.plan_opstellen,
            client=client,
            opgesteld_op=w["opgesteld_op"],
            status=w["status"],
            evaluatie_op=w["evaluatie_op"],
        )

    def doelen_importeren(self) -> None:
        # Her plans, the workbook's and those already in the team: a goal goes with the
        # plan current on its date (``plan_van_doel``).
        self.plannen = plannen_op_volgorde(
            Plan.objects.filter(client__team=self.team).only("pk", "client", "opgesteld_op")
        )
        self.bulk("doelen", Doel, self._per_client("doelen", self._doel))

    def _doel(self, rij: Rij, client: Client, w: dict) -> Doel | None:
        doel = Doel(
            client=client,
            plan=plan_van_doel(self.plannen.get(client.pk, []), w["gesteld_op"]),
            levensdomein=w["levensdomein"],
            omschrijving=w["doel"],
            status=w["status"],
            gesteld_op=w["gesteld_op"],
        )
        return doel if self.gecontroleerd("doelen", rij, doel) else None

    def knelpunten_importeren(self) -> None:
        # Every category of the vocabulary, also one switched off since: the workbook
        # holds barriers that already happened (an export must import to the same
        # reports), not a new choice.
        self.knelpuntcategorieen = {c.code: c for c in Knelpuntcategorie.objects.all()}
        self.bulk("knelpunten", Knelpunt, self._per_client("knelpunten", self._knelpunt))

    def _knelpunt(self, rij: Rij, client: Client, w: dict) -> Knelpunt | None:
        categorie = self.knelpuntcategorieen.get(w["categorie"])
        if categorie is None:
            codes = ", ".join(self.knelpuntcategorieen)
            self.melden(
                "knelpunten",
                rij,
                "categorie",
                f"Onbekende knelpuntcategorie '{w['categorie']}'; kies uit: {codes}.",
            )
            return None
        knelpunt = Knelpunt(
            client=client,
            datum=w["datum"],
            levensdomein=w["levensdomein"],
            categorie=categorie,
            omschrijving=w["omschrijving"],
            status=w["status"],
            geregistreerd_door=self.door,
        )
        # As ``knelpunt_vastleggen``: a solved barrier without its date was solved today.
        if knelpunt.status == KnelpuntStatus.OPGELOST:
            knelpunt.opgelost_op = timezone.localdate()
        return knelpunt if self.gecontroleerd("knelpunten", rij, knelpunt) else None

    def _per_client(self, blad: str, maak) -> Iterator:
        for rij in self.rijen(blad):
            client = self.client(blad, rij)
            if client is not None:
                obj = maak(rij, client, rij.waarden)
                if obj is not None:
                    yield obj

    def resultaten_importeren(self) -> None:
        self.resultaattypes = {soort.code: soort for soort in Resultaattype.objects.all()}
        self.bulk("resultaten", Resultaat, self._resultaten())

    def _resultaten(self) -> Iterator[Resultaat]:
        for rij in self.rijen("resultaten"):
            client = self.client("resultaten", rij)
            if client is None:
                continue
            w = rij.waarden
            soort = self.resultaattypes.get(w["soort"])
            if soort is None:  # as ``resultaat_vastleggen`` says it
                self.melden("resultaten", rij, "soort", f"Onbekende resultaatsoort '{w['soort']}'.")
                continue
            resultaat = Resultaat(
                client=client,
                soort=soort,
                datum=w["datum"],
                toelichting=w["toelichting"] or "",
                geregistreerd_door=self.door,
            )
            if self.gecontroleerd("resultaten", rij, resultaat):
                yield resultaat

    def vergunningen_importeren(self) -> None:
        self.lopend = {
            vergunning.client_id: vergunning
            for vergunning in Vergunning.objects.filter(
                client__team=self.team, besluit=Besluit.IN_BEHANDELING
            )
        }
        self.bulk("vergunningen", Vergunning, self._vergunningen())

    def _vergunningen(self) -> Iterator[Vergunning]:
        """An application with its decision and objection in one record, checked by the
        rules of the three services that write them one after the other."""
        for rij in self.rijen("vergunningen"):
            client = self.client("vergunningen", rij)
            if client is None:
                continue
            w = rij.waarden
            vergunning = Vergunning(
                client=client,
                soort=w["soort"],
                aanvraag_op=w["aanvraag_op"],
                peildatum=self.team.vergunning_peildatum,
                werkt_sinds_peildatum=w["werkt_sinds_peildatum"],
                zorg_sinds_peildatum=w["zorg_sinds_peildatum"],
                besluit=w["besluit"],
                besluit_op=w["besluit_op"],
                registratienummer=(w["registratienummer"] or "").strip(),
                geldig_tot=w["geldig_tot"],
                weigeringsgrond=(w["weigeringsgrond"] or "").strip(),
                afwijking_reden=self.afwijking_reden(client, w),
                bezwaar_op=w["bezwaar_op"],
                bezwaar_status=w["bezwaar_status"] or "",
                geregistreerd_door=self.door,
            )
            if self.gecontroleerd(
                "vergunningen",
                rij,
                vergunning,
                lambda c=client: vergunning_services.controleer_nieuwe_aanvraag(
                    c, self.lopend.get(c.pk)
                ),
            ):
                if vergunning.besluit == Besluit.IN_BEHANDELING:
                    self.lopend[client.pk] = vergunning
                yield vergunning

    def afwijking_reden(self, client: Client, w: dict) -> str:
        """A permit the municipality granted although the criteria fail needs a reason;
        the workbook has no column for it, so the reason says where the decision is from."""
        criteria = toets_criteria(
            geboortedatum=client.geboortedatum,
            aanvraag_op=w["aanvraag_op"],
            werkt_sinds_peildatum=w["werkt_sinds_peildatum"],
            zorg_sinds_peildatum=w["zorg_sinds_peildatum"],
            peildatum=self.team.vergunning_peildatum,
        )
        if w["besluit"] != Besluit.VERLEEND or criteria.voldaan:
            return ""
        return f"Verleend volgens {self.bestandsnaam}; de reden staat niet in het werkboek."

    def timeout(self, blad, rij, client, w) -> None:
        self.poging(
            blad,
            rij,
            budget_services.timeout_registreren,
            client=client,
            locatie=w["locatie"],
            van=w["van"],
            tot=w["tot"],
            dagtarief=w["dagtarief"],
            reeds_toegestaan=True,
            limiet_reden=f"Toegestaan in de eerdere administratie ({self.bestandsnaam}).",
        )
