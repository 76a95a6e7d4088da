"""Paraphrased plantings for ``bench/crosscheck.py``: one fact told in two wordings, with a planted difference.

A *frame* is a kind of fact news reports (a turnout, a toll, arrests, evacuations, a workforce, a strike, a
change in percent, a share) with several sentence templates per language, the synonyms its nouns and verbs
take, the sources that report it and, for running counts, the markers of a provisional and a later count.
``render`` writes one sentence of a frame for a value (digits, words, fraction or percent) and returns the
span of the value in it, so the expected answer is known before recoupe reads anything.

``paraphrase(kind, language, rng)`` returns the sentence for article A, the sentence for article B and the
span of the planted value in each:

* ``figure_paraphrase``: another template, other synonyms, the figure in words or as a fraction, another value;
* ``none_paraphrase``: the same, with the same value (and, sometimes, the same source worded otherwise);
* ``attributed``: the same template with another value, each given for another source (police / organisers);
* ``update``: a running count that grew, with a provisional / later marker, and/or publication times hours
  apart (returned as ``timing``).

``words_in_body`` rewrites a small count of a real article in words (another value or the same), the
real-text side of the paraphrase kinds; ``swap_synonyms`` swaps a few nouns of a real text for synonyms of
the same gender.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

SENTINEL = "\x00"

# --- numbers in words ------------------------------------------------------------------------------

_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty"}


def in_words(value: int, language: str) -> str | None:
    """``value`` (0-69) in words, ``None`` beyond."""
    units, tens = (_FR_UNITS, _FR_TENS) if language == "fr" else (_EN_UNITS, _EN_TENS)
    if value < 20:
        return units[value]
    ten, unit = divmod(value, 10)
    if ten * 10 not in tens:
        return None
    if unit == 0:
        return tens[ten * 10]
    if language == "fr":
        return f"{tens[ten * 10]}-et-un" if unit == 1 else f"{tens[ten * 10]}-{units[unit]}"
    return f"{tens[ten * 10]}-{units[unit]}"


def in_digits(value: float, language: str, rng: random.Random) -> str:
    """``value`` as a paper prints it: ``8 000`` / ``4,5`` in French, ``8,000`` / ``4.5`` in English."""
    if value != int(value):
        text = f"{value:.1f}"
        return text.replace(".", ",") if language == "fr" else text
    number = int(value)
    if number < 1000:
        return str(number)
    if language == "en":
        return f"{number:,}"
    return f"{number:,}".replace(",", rng.choice((" ", " ", "\u00a0")))


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

#: a value-free template count per kind, for the docs: share values have 2 templates x 3 written forms
SHARES = ((1, 2), (1, 3), (2, 3), (1, 4), (3, 4))
_FR_FRACTIONS = {
    (1, 2): "la moitié",
    (1, 3): "un tiers",
    (2, 3): "deux tiers",
    (1, 4): "un quart",
    (3, 4): "trois quarts",
}
_EN_FRACTIONS = {
    (1, 2): "half of the",
    (1, 3): "a third of the",
    (2, 3): "two thirds of the",
    (1, 4): "a quarter of the",
    (3, 4): "three quarters of the",
}
_PERCENT_SHARES = {(1, 2): 50, (1, 4): 25, (3, 4): 75}

UPDATE_MARKERS = {
    "fr": (
        ("à la mi-journée", "en fin de journée"),
        ("dans la matinée", "dans la soirée"),
        ("en début d'après-midi", "en fin de soirée"),
    ),
    "en": (
        ("by midday", "by the end of the day"),
        ("early in the day", "late in the evening"),
        ("by early afternoon", "by nightfall"),
    ),
}
TOLL_MARKERS = {
    "fr": (
        ("selon un bilan provisoire", "selon le dernier bilan"),
        ("selon un premier bilan", "selon un nouveau bilan"),
        ("d'après un bilan encore provisoire", "d'après le bilan définitif"),
    ),
    "en": (
        ("according to a provisional toll", "according to the latest toll"),
        ("in an initial count", "in the latest count"),
        ("according to early figures", "according to the final count"),
    ),
}


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    value: tuple[int, int]  # span of the value in ``text``
    template: int


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _value_text(  # noqa: PLR0911 - one way out per written form
    frame: Frame, value: float, form: str, rng: random.Random, scene: dict[str, str]
) -> tuple[str, bool]:
    """The value as written (and whether a share's verb is plural)."""
    lang = frame.language
    if frame.kind == "percent":
        number = in_digits(value, lang, rng)
        if lang == "fr":
            return f"{number}{rng.choice((' ', chr(0xA0)))}%", True
        return f"{number}{rng.choice(('%', ' percent'))}", True
    if frame.kind == "share":
        num, den = int(value // 10), int(value % 10)
        if form == "percent":
            pct = _PERCENT_SHARES[(num, den)]
            return (f"{pct} % des {scene['pl']}" if lang == "fr" else f"{pct}% of {scene['pl']}"), True
        if form == "fraction":
            if lang == "fr":
                return f"{_FR_FRACTIONS[(num, den)]} des {scene['pl']}", True
            return f"{_EN_FRACTIONS[(num, den)]} {scene['pl']}", True
        if lang == "fr":
            head = scene["un"] if num == 1 else in_words(num, "fr")
            return f"{head} {scene['sg'] if num == 1 else scene['pl']} sur {in_words(den, 'fr')}", num > 1
        return f"{in_words(num, 'en')} in {in_words(den, 'en')} {scene['pl']}", True
    number = int(value)
    if form == "words":
        words = in_words(number, lang)
        if words is not None:
            return words, True
    return in_digits(number, lang, rng), True


def forms(frame: Frame, value: float) -> list[str]:
    """The ways ``value`` can be written in ``frame``: digits, words, fraction, percent, "one in N"."""
    if frame.kind == "share":
        num, den = int(value // 10), int(value % 10)
        out = ["fraction", "in"]
        if (num, den) in _PERCENT_SHARES:
            out.append("percent")
        return out
    if frame.kind == "count" and in_words(int(value), frame.language) is not None and value <= 20:
        return ["digits", "words"]
    return ["digits"]


def render(
    frame: Frame, scene: dict[str, str], value: float, form: str, *, template: int, rng: random.Random
) -> Rendered:
    """One sentence of ``frame`` for ``value``, its synonyms drawn from ``rng``; the value's span in it."""
    written, plural = _value_text(frame, value, form, rng, scene)
    slots = dict(scene)
    for slot, words in frame.synonyms.items():
        slots[slot] = rng.choice(words)
    if frame.kind == "share":
        slots["verbe"] = scene["verbe_pl"] if plural else scene["verbe_sg"]
    slots["v"] = SENTINEL
    text = frame.templates[template].format(**slots)
    start = text.index(SENTINEL)
    text = text.replace(SENTINEL, written)
    return Rendered(text, (start, start + len(written)), template)


def _value(frame: Frame, rng: random.Random) -> float:
    if frame.kind == "share":
        num, den = rng.choice(SHARES)
        return num * 10 + den
    if frame.kind == "percent":
        return round(rng.uniform(frame.low, frame.high), rng.choice((0, 1)))
    if frame.high <= 60:
        return rng.randint(int(frame.low), int(frame.high))
    step = 500 if frame.high > 5000 else 10
    return rng.randrange(int(frame.low) // step, int(frame.high) // step + 1) * step


def _other_value(frame: Frame, value: float, rng: random.Random, *, larger: bool = False) -> float:
    """A value no rounding reconciles with ``value`` (larger when asked: a toll that grew, organisers' count)."""
    if frame.kind == "share":
        choices = [
            n * 10 + d for n, d in SHARES if n * 10 + d != value and abs(n / d - (value // 10) / (value % 10)) > 0.1
        ]
        return rng.choice(choices)
    if frame.kind == "percent":
        new = value + rng.choice((1.5, 2, 3, 4.5)) * (1 if larger or rng.random() < 0.5 or value < 4 else -1)
        return round(new, 1)
    if value <= 20:
        return value + rng.randint(2, 8) if larger or value < 6 or rng.random() < 0.5 else value - rng.randint(2, 4)
    factor = rng.choice((1.5, 2, 2.5, 3)) if larger or rng.random() < 0.6 else rng.choice((0.4, 0.5, 0.6))
    step = 500 if value >= 5000 else 10 if value >= 100 else 1
    return max(step, round(value * factor / step) * step)


def _attribution(sentence: str, source: str, language: str, rng: random.Random) -> tuple[str, int]:
    """``sentence`` given for ``source`` (before it or after it); the shift of the sentence's offsets."""
    if language == "fr":
        if rng.random() < 0.6:
            prefix = rng.choice(("selon", "d'après")) + f" {source}, "
            return prefix + sentence, len(prefix)
        plural = source.startswith(("les ", "des "))
        verb = rng.choice(("indiqué", "affirmé", "annoncé", "précisé"))
        return f"{sentence[:-1]}, {'ont' if plural else 'a'} {verb} {source}.", 0
    if rng.random() < 0.6:
        prefix = f"according to {source}, "
        return prefix + sentence, len(prefix)
    return f"{sentence[:-1]}, {source} {rng.choice(('said', 'reported', 'announced'))}.", 0


@dataclass(frozen=True, slots=True)
class Paraphrase:
    """Sentences for A and B and the value's span in each; ``timing``: ``None`` (minutes apart) or ``hours``."""

    frame: str
    a: str
    b: str
    a_value: tuple[int, int]
    b_value: tuple[int, int]
    note: str  # how B differs from A, for ``--show``
    timing: str | None = None


def _finish(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    return _capital(text), span


def paraphrase(kind: str, language: str, rng: random.Random) -> Paraphrase:
    """A pair of sentences for ``kind`` (figure_paraphrase, none_paraphrase, attributed, update)."""
    frames = [f for f in FRAMES if f.language == language]
    if kind == "update":
        frames = [f for f in frames if f.running]
    if kind == "attributed":
        frames = [f for f in frames if f.official or f.kind == "share"]
    frame = rng.choice(frames)
    scene = rng.choice(frame.scenes)
    value = _value(frame, rng)
    n = len(frame.templates)
    if kind in {"figure_paraphrase", "none_paraphrase"}:
        t_a, t_b = rng.sample(range(n), 2)
        new = _other_value(frame, value, rng) if kind == "figure_paraphrase" else value
        f_a = rng.choice(forms(frame, value))
        other_forms = [f for f in forms(frame, new) if f != f_a] or forms(frame, new)
        f_b = rng.choice(other_forms)
        a = render(frame, scene, value, f_a, template=t_a, rng=rng)
        b = render(frame, scene, new, f_b, template=t_b, rng=rng)
        a_text, b_text, a_span, b_span = a.text, b.text, a.value, b.value
        note = f"template {t_a}->{t_b}, {f_a}->{f_b}"
        if kind == "none_paraphrase" and frame.official and rng.random() < 0.3:  # the same source, worded otherwise
            source = rng.choice(frame.official)
            a_text, shift_a = _attribution(a_text, source, language, rng)
            b_text, shift_b = _attribution(b_text, source, language, rng)
            a_span = (a_span[0] + shift_a, a_span[1] + shift_a)
            b_span = (b_span[0] + shift_b, b_span[1] + shift_b)
            note += f", both for {source}"
        a_text, a_span = _finish(a_text, a_span)
        b_text, b_span = _finish(b_text, b_span)
        return Paraphrase(frame.name, a_text, b_text, a_span, b_span, note)
    t_a = rng.randrange(n)
    t_b = t_a if rng.random() < 0.67 else rng.choice([t for t in range(n) if t != t_a])
    new = _other_value(frame, value, rng, larger=True)
    f_a = rng.choice(forms(frame, value))
    f_b = f_a if f_a in forms(frame, new) else rng.choice(forms(frame, new))
    a = render(frame, scene, value, f_a, template=t_a, rng=rng)
    b = render(frame, scene, new, f_b, template=t_b, rng=rng)
    if kind == "attributed":
        first, second = (
            (scene["src1"], scene["src2"])
            if frame.kind == "share"
            else (rng.choice(frame.official), rng.choice(frame.other))
        )
        a_text, shift_a = _attribution(a.text, first, language, rng)
        b_text, shift_b = _attribution(b.text, second, language, rng)
        note = f"A for {first}, B for {second}; template {t_a}->{t_b}"
        timing = None
    else:
        timing = rng.choice(("both", "both", "hours", "markers"))
        if timing == "hours":
            a_text, shift_a, b_text, shift_b = a.text, 0, b.text, 0
            note = "A published 8:00, B 21:00, no marker"
        else:
            pairs = UPDATE_MARKERS[language] + (TOLL_MARKERS[language] if frame.tolls else ())
            early, late = rng.choice(pairs)
            a_text, b_text = f"{early}, {a.text}", f"{late}, {b.text}"
            shift_a, shift_b = len(early) + 2, len(late) + 2
            note = f"'{early}' -> '{late}'" + (", A published 8:00, B 21:00" if timing == "both" else ", minutes apart")
        note += f"; template {t_a}->{t_b}"
    a_span = (a.value[0] + shift_a, a.value[1] + shift_a)
    b_span = (b.value[0] + shift_b, b.value[1] + shift_b)
    a_text, a_span = _finish(a_text, a_span)
    b_text, b_span = _finish(b_text, b_span)
    return Paraphrase(frame.name, a_text, b_text, a_span, b_span, note, None if timing == "markers" else timing)


# --- real text: a count in words, synonyms ---------------------------------------------------------

_MONTHS = {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_NOT_NOUNS = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "et",
    "à",
    "au",
    "aux",
    "en",
    "sur",
    "pour",
    "par",
    "ou",
    "of",
    "the",
    "and",
    "in",
    "to",
    "on",
    "at",
    "or",
    "for",
    "by",
    "per",
    "from",
    "heures",
    "minutes",
    "secondes",
    "hours",
    "seconds",
    "points",
    "millions",
    "milliards",
    "million",
    "billion",
    "mille",
    "fois",
    "times",
    "cent",
    "percent",
    "h",
    "ans",
    "years",
    "year",
    "an",
    "mois",
    "months",
    "jours",
    "days",
    "semaines",
    "weeks",
    "fr",
    "km",
    "kg",
}
_SMALL_COUNT = re.compile(r"(?<![\d.,:/\-\w])(\d{1,2})([ \u00a0])([a-zà-ÿ][a-zà-ÿ'’-]{2,})")


def small_counts(body: str) -> list[re.Match[str]]:
    """Counts of 2 to 20 written in digits before a noun ("3 joueurs"), outside quotes, not dates or units."""
    quoted = [m.span() for m in re.finditer(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", body)]
    out = []
    for match in _SMALL_COUNT.finditer(body):
        value = int(match.group(1))
        before = body[max(0, match.start() - 2) : match.start()]
        if not 2 <= value <= 20 or re.search(r"\d\s$", before) or match.group(3).lower() in _NOT_NOUNS:
            continue
        if match.group(3).lower() in _MONTHS or any(s <= match.start() < e for s, e in quoted):
            continue
        if re.match(r"[ \u00a0]?\d", body[match.end(3) : match.end(3) + 2]):
            continue
        out.append(match)
    return out


def words_in_body(
    body: str, language: str, rng: random.Random, *, change: bool
) -> tuple[str, tuple[int, int], str] | None:
    """``body`` with one small count written in words (another value when ``change``); its span, the old text."""
    options = small_counts(body)
    if not options:
        return None
    match = rng.choice(options)
    value = int(match.group(1))
    if change:
        value = value + rng.randint(2, 6) if value < 6 or rng.random() < 0.5 else value - rng.randint(2, 3)
    words = in_words(value, language)
    assert words is not None
    start = match.start(1)
    if start == 0 or body[start - 2 : start] in {". ", "\n\n"} or body[start - 1] == "\n":
        words = _capital(words)
    return body[:start] + words + body[match.end(1) :], (start, start + len(words)), match.group(0)


SYNONYM_SETS = {
    "fr": (
        ("manifestants", "protestataires", "participants"),
        ("morts", "tués"),
        ("salariés", "employés", "travailleurs"),
        ("hausse", "augmentation", "progression"),
        ("baisse", "diminution"),
        ("recul", "repli"),
    ),
    "en": (
        ("protesters", "demonstrators"),
        ("workers", "employees"),
        ("rise", "increase"),
        ("decline", "drop"),
    ),
}


def swap_synonyms(body: str, language: str, rng: random.Random) -> str:
    """``body`` with each word of a synonym set (same gender and number) replaced by another, outside quotes."""
    for words in SYNONYM_SETS[language]:
        quoted = [m.span() for m in re.finditer(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", body)]
        pattern = re.compile(r"\b(" + "|".join(words) + r")\b")
        pieces: list[str] = []
        last = 0
        for match in pattern.finditer(body):
            if any(s <= match.start() < e for s, e in quoted):
                continue
            pieces.extend((body[last : match.start()], rng.choice([w for w in words if w != match.group()])))
            last = match.end()
        pieces.append(body[last:])
        body = "".join(pieces)
    return body


def template_counts() -> dict[str, int]:
    """Templates per frame and language ("fr turnout": 5 …), for the docs and ``--show``."""
    return {f"{f.language} {f.name}": len(f.templates) for f in FRAMES}
