"""The paraphrase frames of the planted cross-check pairs: kinds of fact, their templates, scenes and words.

Data for ``crosscheck_plant`` (which renders them into sentences): each ``Frame`` is one kind of fact
(a turnout, a toll, arrests, a percent that rises or falls, a share …) in one language, with several
templates, the scenes that stay the same in A and B, the synonyms drawn anew in each sentence and the
sources each side may cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# --- frames ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """One kind of fact, its templates and words. ``{v}`` is the value (with its noun where ``nouns``)."""

    name: str
    language: str
    kind: str  # count | percent | share
    low: float
    high: float
    templates: tuple[str, ...]
    scenes: tuple[dict[str, str], ...]  # slots the same in A and B (a place, an event, a company)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # slots drawn anew in each sentence
    official: tuple[str, ...] = ()  # sources of one side ("la police"); a plural one starts with les/des
    other: tuple[str, ...] = ()  # sources of the other side ("les organisateurs")
    running: bool = False  # a count that grows as the day goes on (toll, turnout, arrests): can be updated
    tolls: bool = False  # a toll-like count: "selon un bilan provisoire" fits
    words: bool = False  # small values: may be written in words


def _frame(language: str, name: str, kind: str, bounds: tuple[float, float], templates: str, **kw: Any) -> Frame:
    lines = tuple(t.strip() for t in templates.strip().split("\n"))
    kw["scenes"] = tuple(kw["scenes"])
    return Frame(name, language, kind, bounds[0], bounds[1], lines, **kw)


_FR_CITIES = ("Lyon", "Nantes", "Rennes", "Toulouse", "Lille", "Bordeaux", "Grenoble", "Montpellier")
_EN_CITIES = ("Chicago", "Denver", "Atlanta", "Portland", "Seattle", "Phoenix", "Boston")


def _de(name: str) -> str:
    return f"d'{name}" if name[0] in "AEIOUÉ" else f"de {name}"


_FR_COMPANIES = ("Renault", "Michelin", "Auchan", "Airbus", "Carrefour", "Stellantis", "la SNCF")
_EN_COMPANIES = ("Boeing", "Ford", "Starbucks", "Amazon", "General Motors", "Walmart")

FRAMES: tuple[Frame, ...] = (
    _frame(
        "fr",
        "turnout",
        "count",
        (1500, 60000),
        """
        {v} {manifestants} ont défilé {jour} à {ville} contre {cause}.
        {jour}, à {ville}, {v} {manifestants} ont manifesté contre {cause}.
        {v} {manifestants} ont manifesté contre {cause} à {ville} {jour}.
        la mobilisation contre {cause} a réuni {v} {manifestants} {jour} à {ville}.
        à {ville}, le cortège contre {cause} comptait {v} {manifestants} {jour}.
        """,
        scenes=[
            {"cause": c, "jour": j, "ville": v}
            for c, j, v in (
                ("la réforme des retraites", "jeudi", "Lyon"),
                ("la fermeture de la maternité", "samedi", "Nantes"),
                ("le projet d'autoroute", "samedi", "Toulouse"),
                ("la hausse des loyers", "mardi", "Rennes"),
                ("la loi sur l'immigration", "dimanche", "Lille"),
            )
        ],
        synonyms={"manifestants": ("manifestants", "personnes mobilisées", "participants", "protestataires")},
        official=("la police", "la préfecture", "le ministère de l'Intérieur"),
        other=("les organisateurs", "les syndicats", "la CGT", "l'intersyndicale"),
        running=True,
    ),
    _frame(
        "fr",
        "toll",
        "count",
        (2, 30),
        """
        {event} {a} fait {v} {morts_fait}.
        {v} personnes ont perdu la vie dans {event}.
        le bilan {de_event} s'élève à {v} {morts_bilan}.
        {v} {morts_recenses} ont été recensés après {event}.
        {event} {a} coûté la vie à {v} personnes.
        on déplore {v} {morts_fait} dans {event}.
        {v} personnes ont été tuées dans {event}.
        le bilan {de_event} fait état de {v} tués.
        """,
        scenes=[
            {
                "event": "l'effondrement d'un immeuble à Marseille",
                "de_event": "de l'effondrement d'un immeuble à Marseille",
                "a": "a",
            },
            {"event": "les inondations du Var", "de_event": "des inondations du Var", "a": "ont"},
            {"event": "l'accident de car sur l'A7", "de_event": "de l'accident de car sur l'A7", "a": "a"},
            {"event": "l'incendie d'un hôtel à Grenoble", "de_event": "de l'incendie d'un hôtel à Grenoble", "a": "a"},
            {
                "event": "le séisme survenu dans le sud de l'Italie",
                "de_event": "du séisme survenu dans le sud de l'Italie",
                "a": "a",
            },
        ],
        synonyms={
            "morts_fait": ("morts", "victimes"),
            "morts_bilan": ("morts", "victimes", "décès"),
            "morts_recenses": ("décès", "morts"),
        },
        official=("les autorités", "le ministère de l'Intérieur", "la préfecture"),
        other=("une ONG locale", "l'opposition", "des sources hospitalières"),
        running=True,
        tolls=True,
        words=True,
    ),
    _frame(
        "fr",
        "arrests",
        "count",
        (4, 60),
        """
        {v} personnes ont été interpellées {jour} à {ville} en marge de {evt}.
        les forces de l'ordre ont procédé à {v} interpellations {jour} à {ville} en marge de {evt}.
        {jour}, à {ville}, la police a interpellé {v} personnes en marge de {evt}.
        en marge de {evt}, {v} personnes ont été arrêtées {jour} à {ville}.
        """,
        scenes=[
            {"jour": j, "ville": v, "evt": e}
            for j, v, e in (
                ("samedi", "Nantes", "la manifestation"),
                ("mardi", "Lyon", "la finale de la Coupe de France"),
                ("dimanche", "Bordeaux", "la manifestation contre la réforme"),
                ("jeudi", "Lille", "la rave-party"),
            )
        ],
        official=("la préfecture", "la police", "le parquet"),
        other=("les organisateurs", "un collectif d'avocats"),
        running=True,
        tolls=True,
        words=True,
    ),
    _frame(
        "fr",
        "evacuated",
        "count",
        (20, 3000),
        """
        {v} {habitants} ont été évacués à {ville} en raison de {crue}.
        à {ville}, {v} personnes ont dû être évacuées à cause de {crue}.
        {crue} a contraint {v} {habitants} de {ville} à quitter leur domicile.
        les pompiers ont évacué {v} {habitants} à {ville} face à {crue}.
        """,
        scenes=[
            {"ville": v, "crue": c}
            for v, c in (
                ("Nîmes", "la crue du Gardon"),
                ("Montpellier", "la montée des eaux"),
                ("Quimper", "la crue de l'Odet"),
                ("Marseille", "l'incendie de forêt"),
            )
        ],
        synonyms={"habitants": ("habitants", "riverains")},
        official=("la préfecture", "les pompiers"),
        other=("la mairie", "des associations de riverains"),
        running=True,
        tolls=True,
    ),
    _frame(
        "fr",
        "strike",
        "count",
        (200, 12000),
        """
        {v} {salaries} {de_company} étaient en grève {jour}.
        {jour}, la grève a été suivie par {v} {salaries} {de_company}.
        chez {company}, {v} {salaries} ont cessé le travail {jour}.
        le mouvement de grève chez {company} a mobilisé {v} {salaries} {jour}.
        """,
        scenes=[
            {"company": c, "de_company": _de(c), "jour": j}
            for c, j in (
                ("Renault", "lundi"),
                ("Michelin", "jeudi"),
                ("Auchan", "samedi"),
                ("Airbus", "mardi"),
                ("Carrefour", "vendredi"),
            )
        ],
        synonyms={"salaries": ("salariés", "employés", "travailleurs")},
        official=("la direction", "le groupe"),
        other=("les syndicats", "la CGT", "FO", "l'intersyndicale"),
        running=True,
    ),
    _frame(
        "fr",
        "workforce",
        "count",
        (800, 40000),
        """
        {company} emploie {v} {salaries} en France.
        {v} {salaries} travaillent pour {company} en France.
        en France, {company} compte {v} {salaries}.
        l'effectif {de_company} en France s'élève à {v} {salaries}.
        """,
        scenes=[{"company": c, "de_company": _de(c)} for c in _FR_COMPANIES if c != "la SNCF"],
        synonyms={"salaries": ("salariés", "employés", "travailleurs")},
        official=("la direction", "le groupe"),
        other=("les syndicats", "la CGT"),
    ),
    _frame(
        "fr",
        "percent_up",
        "percent",
        (1.5, 12),
        """
        {subj} {a} {augmente} de {v} {periode}.
        {periode}, {subj} {a} {augmente} de {v}.
        {subj} {enregistre} {une_hausse} de {v} {periode}.
        les chiffres publiés jeudi font état d'{une_hausse} de {v} {de_subj} {periode}.
        {periode}, {la_hausse} {de_subj} atteint {v}.
        on observe {une_hausse} de {v} {de_subj} {periode}.
        """,
        scenes=[
            {
                "subj": "les salaires",
                "de_subj": "des salaires",
                "a": "ont",
                "enregistre": "enregistrent",
                "periode": "sur un an",
            },
            {
                "subj": "le chiffre d'affaires de Michelin",
                "de_subj": "du chiffre d'affaires de Michelin",
                "a": "a",
                "enregistre": "enregistre",
                "periode": "au premier trimestre",
            },
            {
                "subj": "les ventes de voitures neuves",
                "de_subj": "des ventes de voitures neuves",
                "a": "ont",
                "enregistre": "enregistrent",
                "periode": "en 2024",
            },
            {
                "subj": "le prix du gazole",
                "de_subj": "du prix du gazole",
                "a": "a",
                "enregistre": "enregistre",
                "periode": "en un mois",
            },
            {
                "subj": "les loyers",
                "de_subj": "des loyers",
                "a": "ont",
                "enregistre": "enregistrent",
                "periode": "sur un an",
            },
        ],
        synonyms={
            "augmente": ("augmenté", "progressé", "grimpé"),
            "une_hausse": ("une hausse", "une augmentation", "une progression", "une croissance"),
            "la_hausse": ("la hausse", "l'augmentation", "la progression", "la croissance"),
        },
        official=("l'Insee", "le gouvernement"),
        other=("les syndicats", "une association de consommateurs", "l'opposition"),
    ),
    _frame(
        "fr",
        "percent_down",
        "percent",
        (1.5, 12),
        """
        {subj} {a} {baisse} de {v} {periode}.
        {periode}, {subj} {a} {baisse} de {v}.
        {subj} {enregistre} {une_baisse} de {v} {periode}.
        les chiffres publiés jeudi font état d'{une_baisse} de {v} {de_subj} {periode}.
        {periode}, {la_baisse} {de_subj} atteint {v}.
        on observe {une_baisse} de {v} {de_subj} {periode}.
        """,
        scenes=[
            {
                "subj": "le chômage",
                "de_subj": "du chômage",
                "a": "a",
                "enregistre": "enregistre",
                "periode": "sur un an",
            },
            {
                "subj": "les ventes de logements neufs",
                "de_subj": "des ventes de logements neufs",
                "a": "ont",
                "enregistre": "enregistrent",
                "periode": "en 2024",
            },
            {
                "subj": "la fréquentation des cinémas",
                "de_subj": "de la fréquentation des cinémas",
                "a": "a",
                "enregistre": "enregistre",
                "periode": "au premier semestre",
            },
            {
                "subj": "le prix de l'électricité",
                "de_subj": "du prix de l'électricité",
                "a": "a",
                "enregistre": "enregistre",
                "periode": "en février",
            },
        ],
        synonyms={
            "baisse": ("baissé", "reculé", "diminué"),
            "une_baisse": ("une baisse", "un recul", "une diminution", "un repli"),
            "la_baisse": ("la baisse", "le recul", "la diminution", "le repli"),
        },
        official=("l'Insee", "le gouvernement"),
        other=("les syndicats", "l'opposition", "une association"),
    ),
    _frame(
        "fr",
        "share",
        "share",
        (0, 0),
        """
        {v} {verbe} {ctx}.
        {ctx}, {v} {verbe}.
        """,
        scenes=[
            {
                "pl": "TGV",
                "sg": "TGV",
                "un": "un",
                "verbe_pl": "circuleront",
                "verbe_sg": "circulera",
                "ctx": "jeudi",
                "src1": "la SNCF",
                "src2": "les syndicats de cheminots",
            },
            {
                "pl": "vols",
                "sg": "vol",
                "un": "un",
                "verbe_pl": "seront annulés",
                "verbe_sg": "sera annulé",
                "ctx": "mardi à Orly",
                "src1": "la DGAC",
                "src2": "les syndicats de contrôleurs",
            },
            {
                "pl": "écoles",
                "sg": "école",
                "un": "une",
                "verbe_pl": "resteront fermées",
                "verbe_sg": "restera fermée",
                "ctx": "vendredi à Marseille",
                "src1": "la mairie",
                "src2": "les syndicats d'enseignants",
            },
            {
                "pl": "enseignants",
                "sg": "enseignant",
                "un": "un",
                "verbe_pl": "seront en grève",
                "verbe_sg": "sera en grève",
                "ctx": "jeudi en Seine-Saint-Denis",
                "src1": "le ministère",
                "src2": "le SNUipp-FSU",
            },
            {
                "pl": "lignes de bus",
                "sg": "ligne de bus",
                "un": "une",
                "verbe_pl": "seront perturbées",
                "verbe_sg": "sera perturbée",
                "ctx": "lundi à Lyon",
                "src1": "les TCL",
                "src2": "les syndicats",
            },
        ],
    ),
    _frame(
        "en",
        "turnout",
        "count",
        (1500, 60000),
        """
        {v} {protesters} marched in {city} on {day} against {cause}.
        on {day}, {v} {protesters} took to the streets of {city} to protest {cause}.
        {v} {protesters} rallied against {cause} in {city} on {day}.
        the rally against {cause} drew {v} {protesters} in {city} on {day}.
        in {city}, {v} {protesters} joined the march against {cause} on {day}.
        """,
        scenes=[
            {"cause": c, "day": d, "city": v}
            for c, d, v in (
                ("the pension reform", "Thursday", "Chicago"),
                ("the new abortion law", "Saturday", "Atlanta"),
                ("police violence", "Saturday", "Portland"),
                ("rising rents", "Sunday", "Boston"),
            )
        ],
        synonyms={"protesters": ("protesters", "demonstrators", "people")},
        official=("police", "city officials", "the police department"),
        other=("organizers", "union leaders", "the organizers"),
        running=True,
    ),
    _frame(
        "en",
        "toll",
        "count",
        (2, 30),
        """
        {event} left {v} {dead}.
        {v} people were killed in {event}.
        the death toll from {event} rose to {v}.
        {v} people died in {event}.
        {event} claimed {v} lives.
        {event} {has} killed {v} people.
        """,
        scenes=[
            {"event": "the collapse of an apartment building in Miami", "has": "has"},
            {"event": "the floods in eastern Kentucky", "has": "have"},
            {"event": "the bus crash on Interstate 95", "has": "has"},
            {"event": "the hotel fire in Denver", "has": "has"},
            {"event": "the earthquake in southern Turkey", "has": "has"},
        ],
        synonyms={"dead": ("dead", "people dead")},
        official=("officials", "the state health department", "the governor's office"),
        other=("a local aid group", "hospital sources", "the opposition"),
        running=True,
        tolls=True,
        words=True,
    ),
    _frame(
        "en",
        "arrests",
        "count",
        (4, 60),
        """
        police arrested {v} people in {city} on {day} after {evt}.
        {v} people were arrested in {city} on {day} after {evt}.
        on {day}, {v} people were detained in {city} after {evt}.
        after {evt}, officers made {v} arrests in {city} on {day}.
        """,
        scenes=[
            {"city": c, "day": d, "evt": e}
            for c, d, e in (
                ("Portland", "Saturday", "the protest"),
                ("Seattle", "Sunday", "the game"),
                ("Denver", "Friday", "the rally"),
            )
        ],
        official=("police", "the sheriff's office"),
        other=("organizers", "a legal aid group"),
        running=True,
        tolls=True,
        words=True,
    ),
    _frame(
        "en",
        "workforce",
        "count",
        (800, 40000),
        """
        {company} employs {v} {workers} in the United States.
        {v} {workers} work for {company} in the United States.
        in the United States, {company} has {v} {workers}.
        {company}'s U.S. workforce stands at {v} {workers}.
        """,
        scenes=[{"company": c} for c in _EN_COMPANIES],
        synonyms={"workers": ("workers", "employees", "staff")},
        official=("the company", "management"),
        other=("the union", "union leaders"),
    ),
    _frame(
        "en",
        "percent_up",
        "percent",
        (1.5, 12),
        """
        {subj} {rose} {v} {period}.
        {period}, {subj} {rose} {v}.
        {subj} saw {a_rise} of {v} {period}.
        figures released on Thursday show {a_rise} of {v} in {subj} {period}.
        {period}, {subj} posted {a_rise} of {v}.
        """,
        scenes=[
            {"subj": "wages", "period": "over the past year"},
            {"subj": "home prices", "period": "in 2024"},
            {"subj": "Ford's revenue", "period": "in the first quarter"},
            {"subj": "gasoline prices", "period": "in March"},
        ],
        synonyms={
            "rose": ("rose", "increased", "grew", "climbed"),
            "a_rise": ("a rise", "an increase", "growth", "a jump"),
        },
        official=("official figures", "the government", "officials"),
        other=("unions", "a consumer group", "analysts"),
    ),
    _frame(
        "en",
        "percent_down",
        "percent",
        (1.5, 12),
        """
        {subj} {fell} {v} {period}.
        {period}, {subj} {fell} {v}.
        {subj} saw {a_fall} of {v} {period}.
        figures released on Thursday show {a_fall} of {v} in {subj} {period}.
        {period}, {subj} posted {a_fall} of {v}.
        """,
        scenes=[
            {"subj": "unemployment", "period": "over the past year"},
            {"subj": "new car sales", "period": "in 2024"},
            {"subj": "Boeing's deliveries", "period": "in the first quarter"},
            {"subj": "cinema attendance", "period": "in February"},
        ],
        synonyms={"fell": ("fell", "declined", "dropped"), "a_fall": ("a fall", "a decline", "a drop")},
        official=("official figures", "the government", "officials"),
        other=("unions", "a consumer group", "analysts"),
    ),
    _frame(
        "en",
        "share",
        "share",
        (0, 0),
        """
        {v} {verbe} {ctx}.
        {ctx}, {v} {verbe}.
        """,
        scenes=[
            {
                "pl": "flights",
                "verbe_pl": "will be cancelled",
                "verbe_sg": "will be cancelled",
                "ctx": "on Tuesday at Heathrow",
                "src1": "the airport",
                "src2": "the pilots' union",
            },
            {
                "pl": "trains",
                "verbe_pl": "will run",
                "verbe_sg": "will run",
                "ctx": "on Thursday",
                "src1": "Amtrak",
                "src2": "the rail unions",
            },
            {
                "pl": "schools",
                "verbe_pl": "will stay closed",
                "verbe_sg": "will stay closed",
                "ctx": "on Friday in Chicago",
                "src1": "the school district",
                "src2": "the teachers' union",
            },
            {
                "pl": "teachers",
                "verbe_pl": "will strike",
                "verbe_sg": "will strike",
                "ctx": "on Thursday in Los Angeles",
                "src1": "the district",
                "src2": "the union",
            },
        ],
    ),
)
