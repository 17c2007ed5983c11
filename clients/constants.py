"""Vocabularies of the client dossier (ONTWERP §2)."""

from django.db import models


class Geslacht(models.TextChoices):
    VROUW = "vrouw", "Vrouw"
    MAN = "man", "Man"
    ANDERS = "anders", "Anders"


class Status(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    ACTIEF = "actief", "Actief"
    GEPAUZEERD = "gepauzeerd", "Gepauzeerd"
    UITGESTROOMD = "uitgestroomd", "Uitgestroomd"


class UitstroomReden(models.TextChoices):
    UITGESTAPT = "uitgestapt", "Uitgestapt"
    REGULIERE_ZORG = "reguliere_zorg", "Naar reguliere zorg"
    VERHUISD = "verhuisd", "Verhuisd"
    GEEN_VERGUNNING_GEWENST = "geen_vergunning_gewenst", "Geen vergunning gewenst"
    UIT_BEELD = "uit_beeld", "Uit beeld"
    OVERLEDEN = "overleden", "Overleden"
    ANDERS = "anders", "Anders"


# --- Situation: dated facts read "as of" a date --------------------------------------


class Kenmerk(models.TextChoices):
    WOONSITUATIE = "woonsituatie", "Woonsituatie"
    INTENSITEIT = "intensiteit", "Intensiteit begeleiding"
    ZONE_ACTIVITEIT = "zone_activiteit", "Werkt op de tippelzone"
    UITSTAP_STATUS = "uitstap_status", "Uitstappen"
    BEWINDVOERING = "bewindvoering", "Bewindvoering"
    BUDGETBEHEER = "budgetbeheer", "Budgetbeheer"
    ZORGVERZEKERING = "zorgverzekering", "Zorgverzekering"
    TEVREDENHEID = "tevredenheid", "Tevredenheid over de begeleiding"


class Woonsituatie(models.TextChoices):
    MFC_NACHTOPVANG = "mfc_nachtopvang", "MFC nachtopvang"
    BW_IRISZORG = "bw_iriszorg", "Beschermd wonen IrisZorg"
    BW_OVERIG = "bw_overig", "Beschermd wonen overig"
    ZELFSTANDIG = "zelfstandig", "Zelfstandig"
    DAKLOOS = "dakloos", "Dakloos"
    LEGER_DES_HEILS = "leger_des_heils", "Leger des Heils"
    DE_AANVANG = "de_aanvang", "De Aanvang (IrisZorg)"
    INSTROOMWONING = "instroomwoning", "Instroomwoning"
    OVERWEEGHUIS = "overweeghuis", "Overweeghuis"
    TIME_OUT = "time_out", "Time-out"
    BIJ_DERDEN = "bij_derden", "Bij derden"
    DETENTIE = "detentie", "Detentie"
    KLINIEK = "kliniek", "Kliniek"
    ONBEKEND = "onbekend", "Onbekend"


class Intensiteit(models.TextChoices):
    GEEN = "geen", "Geen"
    LICHT = "licht", "Licht"
    INTENSIEF = "intensief", "Intensief"
    ZEER_INTENSIEF = "zeer_intensief", "Zeer intensief"


class ZoneActiviteit(models.TextChoices):
    REGELMATIG = "regelmatig", "Regelmatig"
    ZELDEN = "zelden", "Zelden"
    NIET = "niet", "Niet"


class UitstapStatus(models.TextChoices):
    NIET = "niet", "Niet"
    IN_PROCES = "in_proces", "In proces"
    UITGESTAPT = "uitgestapt", "Uitgestapt"


class JaNee(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee"


class Tevredenheid(models.TextChoices):
    TEVREDEN = "tevreden", "Tevreden"
    TEVREDEN_MET_KANTTEKENING = "tevreden_met_kanttekening", "Tevreden, met kanttekening"
    MATIG = "matig", "Matig"
    NIET_TEVREDEN = "niet_tevreden", "Niet tevreden"


# Each kenmerk and the vocabulary of its values.
KENMERK_WAARDEN: dict[str, type[models.TextChoices]] = {
    Kenmerk.WOONSITUATIE: Woonsituatie,
    Kenmerk.INTENSITEIT: Intensiteit,
    Kenmerk.ZONE_ACTIVITEIT: ZoneActiviteit,
    Kenmerk.UITSTAP_STATUS: UitstapStatus,
    Kenmerk.BEWINDVOERING: JaNee,
    Kenmerk.BUDGETBEHEER: JaNee,
    Kenmerk.ZORGVERZEKERING: JaNee,
    Kenmerk.TEVREDENHEID: Tevredenheid,
}

# Financial facts are not shown in the reduced dossier of the ervaringsdeskundige.
FINANCIELE_KENMERKEN = frozenset({Kenmerk.BEWINDVOERING, Kenmerk.BUDGETBEHEER})


class ToestemmingStatus(models.TextChoices):
    GELDIG = "geldig", "Geldig"
    VERLOOPT_BINNENKORT = "verloopt_binnenkort", "Verloopt binnenkort"
    VERLOPEN = "verlopen", "Verlopen"
    INGETROKKEN = "ingetrokken", "Ingetrokken"
    ONTBREEKT = "ontbreekt", "Ontbreekt"


# Consent that expires within this many days is signalled.
TOESTEMMING_WAARSCHUWING_DAGEN = 30
# Statuses under which data may be shared with the parties the consent names.
TOESTEMMING_BRUIKBAAR = frozenset({ToestemmingStatus.GELDIG, ToestemmingStatus.VERLOOPT_BINNENKORT})


# --- Contacts (ONTWERP §3) --------------------------------------------------------------


class ContactSoort(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face-to-face"
    TELEFONISCH = "telefonisch", "Telefonisch"
    DIGITAAL = "digitaal", "Digitaal (app, mail)"
    POGING = "poging", "Poging (niet bereikt)"
    NETWERKOVERLEG = "netwerkoverleg", "Netwerkoverleg (zonder haar)"


# A realised contact is one in which she was actually reached.
GEREALISEERD = frozenset(
    {ContactSoort.FACE_TO_FACE, ContactSoort.TELEFONISCH, ContactSoort.DIGITAAL}
)


class Locatie(models.TextChoices):
    TIPPELZONE = "tippelzone", "Tippelzone"
    HUISKAMER = "huiskamer", "Huiskamer"
    MFC = "mfc", "MFC"
    THUIS = "thuis", "Thuis"
    KANTOOR = "kantoor", "Kantoor"
    STRAAT = "straat", "Straat"
    ELDERS = "elders", "Elders"


class Levensdomein(models.TextChoices):
    """Life domains, of a plan's goals and of what a contact was about."""

    WONEN = "wonen", "Wonen"
    FINANCIEN = "financien", "Financiën"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    PSYCHISCHE_GEZONDHEID = "psychische_gezondheid", "Psychische gezondheid"
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", "Lichamelijke gezondheid"
    SEKSUELE_GEZONDHEID = "seksuele_gezondheid", "Seksuele gezondheid"
    VEILIGHEID = "veiligheid", "Veiligheid"
    DAGBESTEDING = "dagbesteding", "Dagbesteding"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    JUSTITIE = "justitie", "Justitie"
    ADL = "adl", "ADL (dagelijkse verzorging)"
    DOCUMENTEN = "documenten", "Documenten (ID, postadres, verzekering)"
    UITSTAPPEN = "uitstappen", "Uitstappen"
    MEDIA = "media", "Media (ongewenste foto's)"


# Days without a realised contact before the caseload signals it.
GEEN_CONTACT_SIGNAAL_DAGEN = 14
# Days during which the author may correct her own contact.
CONTACT_CORRECTIE_DAGEN = 7


class Grondslag(models.TextChoices):
    """On what basis her data was disclosed outside the team (the register of disclosures)."""

    TOESTEMMING = "toestemming", "Haar toestemming"
    ZONDER_TOESTEMMING = "zonder_toestemming", "Zonder toestemming, met reden van de coördinator"
    EIGEN_VERZOEK = "eigen_verzoek", "Op haar eigen verzoek (inzage)"
