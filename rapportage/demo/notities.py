"""What each demo team tells its municipality about a few categories of barriers: the
memo's structure (consequence, wish or proposal, next step), in the memo's own words and
without client data. The coordinator writes them, one a little later revised, so the
history shows a change."""

from plannen import services as plannen_services
from rapportage.demo.clienten import Bezetting
from rapportage.demo.tijdlijn import Tijdlijn

# team code → (category code, days ago, consequence, wish or proposal, next step)
NOTITIES: dict[str, list[tuple[str, int, str, str, str]]] = {
    "stapteam-nijmegen": [
        (
            "postadres",
            120,
            "Steeds weer processtappen van in- en uitschrijven: eerst het adres van de "
            "gemeente, dan van de opvang, na vertrek weer van de gemeente. Post over "
            "zorgverzekering en uitkering raakt zoek.",
            "Standaard het adres van de gemeente als postadres hanteren, totdat er sprake is "
            "van een stabiele woonsituatie.",
            "Voorstel in de projectgroep; de gemeente gaat na wat de BRP toelaat.",
        ),
        (
            "tekort_opvang_vrouwen",
            90,
            "Soms is er plek maar is de vrouw nog niet zover, en omgekeerd. Na een paar "
            "nachten wegblijven is de plek vergeven: opnieuw dakloos. Gemengde opvang "
            "voelt voor veel vrouwen onveilig.",
            "Een kleinschalige voorziening met zes tot acht plaatsen, alleen voor vrouwen.",
            "Verkenning met de opvangaanbieders; terug in het regieoverleg.",
        ),
        (
            "wachtlijst_behandeling",
            60,
            "Na een no-show wordt de behandeling afgebroken, volgt uitschrijving en komt zij "
            "weer onderaan de wachtlijst.",
            "Een pauzeperiode van twee maanden bij het afbreken van een behandeling, daarna "
            "de draad weer oppakken.",
            "Gesprek met de behandelaar over een pauzeregeling.",
        ),
    ],
    "stapteam-arnhem": [
        (
            "bw_wachtlijst",
            75,
            "Lange wachtlijsten en voorwaarden waaraan zij (nog) niet kan voldoen: "
            "plaatsing wordt onhaalbaar.",
            "Eén ingang, geen aparte intake voor een plaats op de wachtlijst.",
            "Navragen bij de toegang hoe de intakes samen kunnen.",
        ),
    ],
}
# The first memo of each team gets a later revision of its next step.
HERZIENING = (
    20,
    "Voorstel besproken in de projectgroep; de gemeente komt in het volgende "
    "regieoverleg met een antwoord.",
)


def knelpuntnotities(bezetting: Bezetting, tijdlijn: Tijdlijn) -> None:
    """The team's memos, on the timeline: written by its coordinator."""
    notities = NOTITIES.get(bezetting.team.code, [])
    for nummer, (categorie, dagen_geleden, gevolg, wens, volgende_stap) in enumerate(notities):

        def schrijven(categorie=categorie, gevolg=gevolg, wens=wens, stap=volgende_stap):
            plannen_services.knelpuntnotitie_opslaan(
                team=bezetting.team,
                categorie=categorie,
                door=bezetting.coordinator,
                gevolg=gevolg,
                wens=wens,
                volgende_stap=stap,
            )

        tijdlijn.op(tijdlijn.tijdstip(tijdlijn.dag(dagen_geleden), 16), schrijven)
        if nummer == 0:
            dagen, stap = HERZIENING
            tijdlijn.op(
                tijdlijn.tijdstip(tijdlijn.dag(dagen), 16),
                lambda schrijven=schrijven, stap=stap: schrijven(stap=stap),
            )
