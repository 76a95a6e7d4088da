"""Word lists and patterns for ``figures.py``: currencies (ISO 4217), units, time nouns, and the words the
annotation guide's exclusions need (function words, identifier nouns, fixed expressions).

Rules, not a library: recognizers-text ships currency and unit tables, but its French currency names do not
map to ISO codes, and the short list below covers what French and English news write.
"""

from __future__ import annotations

import re

__all__ = [
    "ATHLETICS_AFTER",
    "BARE_OK_BEFORE",
    "CURRENCY_AFTER",
    "CURRENCY_BEFORE",
    "CURRENCY_FIRST",
    "CURRENCY_WORDS",
    "DECADE_BEFORE",
    "FIXED_EXPRESSIONS",
    "FOIS_AFTER",
    "FUNCTION_WORDS",
    "IDENTIFIER_NOUNS",
    "MONEY_ABOUT_VERBS",
    "MULTIPLIER_AFTER",
    "ONE_WORDS",
    "PERCENT_ABOUT_VERBS",
    "PERCENT_AFTER",
    "PRENOMINAL",
    "RATIO",
    "SPACE",
    "SUBUNITS",
    "SUBUNIT_AFTER",
    "TIME_AFTER",
    "TIME_OF_DAY_BEFORE",
    "TIME_OF_DAY_GLUED",
    "TIME_UNITS",
    "TRANSPARENT_NOUNS",
    "UNITS",
    "UNIT_AFTER",
    "VAGUE_BEFORE",
    "alternation",
]

SPACE = r"[ \u00a0\u202f\u2009\u2007]"  # space, no-break, narrow no-break, thin, figure space

# --- currencies (ISO 4217), after the number, before it (symbols) -----------------------------------
CURRENCY_WORDS: dict[str, str] = {
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "m€": "EUR", "md€": "EUR", "mds€": "EUR",
    "$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD", "us$": "USD",
    "dollars américains": "USD", "dollars us": "USD", "dollars canadiens": "CAD", "dollar canadien": "CAD",
    "dollars australiens": "AUD", "dollars de hong kong": "HKD", "dollars néo-zélandais": "NZD",
    "£": "GBP", "livre sterling": "GBP", "livres sterling": "GBP", "livres": "GBP", "livre": "GBP",
    "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "sterling": "GBP",
    "francs suisses": "CHF", "franc suisse": "CHF", "chf": "CHF", "swiss francs": "CHF",
    "francs cfa": "XOF", "franc cfa": "XOF", "fcfa": "XOF",
    "yen": "JPY", "yens": "JPY", "jpy": "JPY", "yuan": "CNY", "yuans": "CNY", "cny": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "roupie": "INR", "roupies": "INR",
    "rupee": "INR", "rupees": "INR", "dirham": "MAD", "dirhams": "MAD", "dinar": "TND", "dinars": "TND",
    "couronnes suédoises": "SEK", "couronnes danoises": "DKK", "couronnes norvégiennes": "NOK",
    "bitcoin": "XBT", "bitcoins": "XBT", "hryvnias": "UAH", "réals": "BRL", "reais": "BRL",
}  # fmt: skip
SUBUNITS = {"centime": "EUR", "centimes": "EUR", "cent": "", "cents": ""}


def alternation(words: list[str] | set[str] | dict[str, str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


CURRENCY_AFTER = re.compile(
    rf"{SPACE}*(?:(?:de|of){SPACE}+|d['’]{SPACE}*)?(?P<cur>{alternation(CURRENCY_WORDS)})(?![\w$€£])", re.IGNORECASE
)
# the first explicit currency of the text, for amounts written before any ("Son offre de 97,4 milliards")
CURRENCY_FIRST = re.compile(
    rf"\d{SPACE}*(?:(?:millions?|milliards?|billions?|M|Mds?){SPACE}*)?(?:(?:de|of){SPACE}+|d['’]{SPACE}*)?"
    rf"(?P<cur>€|\$|£|euros?|dollars?|livres{SPACE}sterling|francs{SPACE}suisses|yens?|yuans?)(?![\w$€£])",
    re.IGNORECASE,
)
SUBUNIT_AFTER = re.compile(rf"{SPACE}*(?P<cur>{alternation(SUBUNITS)})\b", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|\$|£|€)[ \u00a0\u202f\u2009]?$")
PERCENT_AFTER = re.compile(rf"{SPACE}*(?:%|pour{SPACE}?cents?\b|pourcent\b|per{SPACE}?cent\b|pct\b)", re.IGNORECASE)

# --- units -----------------------------------------------------------------------------------------------
UNITS: dict[str, str] = {
    "km/h": "km/h", "kilomètres par heure": "km/h", "kilomètres/heure": "km/h", "km par heure": "km/h",
    "kilomètres-heure": "km/h", "mph": "mph", "miles per hour": "mph", "nœuds": "nœud", "noeuds": "nœud",
    "m3/s": "m3/s", "m3 par seconde": "m3/s", "m³/s": "m3/s", "mètres cubes par seconde": "m3/s",
    "m/s": "m/s", "mètres par seconde": "m/s",
    "km²": "km2", "km2": "km2", "kilomètres carrés": "km2", "m²": "m2", "m2": "m2", "mètres carrés": "m2",
    "hectares": "ha", "hectare": "ha", "ha": "ha", "m3": "m3", "m³": "m3", "mètres cubes": "m3",
    "km": "km", "kilomètres": "km", "kilomètre": "km", "kilometres": "km", "kilometers": "km", "kilometres ": "km",
    "m": "m", "mètres": "m", "mètre": "m", "metres": "m", "meters": "m", "cm": "cm", "centimètres": "cm",
    "mm": "mm", "millimètres": "mm", "miles": "mile", "mile": "mile",
    "kg": "kg", "kilos": "kg", "kilogrammes": "kg", "kilogrammes ": "kg", "g": "g", "grammes": "g",
    "tonnes": "t", "tonne": "t", "t": "t", "litres": "l", "litre": "l", "l": "l", "hectolitres": "hl",
    "°c": "°C", "degrés": "°C", "degrees": "°C", "°": "°C",
    "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mégawatts": "MW", "gigawatts": "GW",
    "go": "Go", "mo": "Mo", "to": "To", "ch": "ch", "chevaux": "ch", "tr/min": "tr/min", "tr/mn": "tr/min",
}  # fmt: skip
TIME_UNITS: dict[str, str] = {
    "ans": "an", "an": "an", "années": "an", "année": "an", "mois": "mois", "semaines": "semaine",
    "semaine": "semaine", "jours": "jour", "jour": "jour", "journées": "jour", "heures": "heure",
    "heure": "heure", "h": "heure", "minutes": "minute", "minute": "minute", "min": "minute",
    "secondes": "seconde", "seconde": "seconde", "nuits": "nuit", "siècles": "siècle",
    "years": "an", "year": "an", "months": "mois", "month": "mois", "weeks": "semaine", "week": "semaine",
    "days": "jour", "day": "jour", "hours": "heure", "hour": "heure", "minutes ": "minute",
    "seconds": "seconde", "second": "seconde",
}  # fmt: skip
UNIT_AFTER = re.compile(
    rf"{SPACE}*(?:(?:de|of){SPACE}+|d['’]{SPACE}*)?(?P<unit>{alternation(UNITS)})(?![\w/²³'’])", re.IGNORECASE
)
PRENOMINAL = (
    "premiers|premières|premier|première|derniers|dernières|dernier|dernière|nouveaux|nouvelles|nouveau|"
    "nouvelle|anciens|anciennes|ancien|ancienne|autres|autre|grands|grandes|petits|petites|jeunes|seuls|"
    "seules|prochains|prochaines|vrais|vraies|longs|longues|courtes|bons|bonnes|bonne|bon|gros|grosses|"
    "principaux|principales|first|last|next|new|old|other|more|additional|consecutive|longues"
)
TIME_AFTER = re.compile(
    rf"{SPACE}*(?:(?:{PRENOMINAL}){SPACE}+){{0,2}}(?:(?:de{SPACE}+|d['’]{SPACE}*))?(?P<unit>{alternation(TIME_UNITS)})(?![\w\-])"
    r"|-(?P<yo>year|month|week|day|hour|minute)s?-old\b|-(?P<hy>year|month|week|day|hour|minute)\b",
    re.IGNORECASE,
)
FOIS_AFTER = re.compile(rf"{SPACE}*(?:fois|times)\b", re.IGNORECASE)
MULTIPLIER_AFTER = re.compile(
    rf"{SPACE}*(?:fois|times){SPACE}+(?:le|la|les|l['’]|plus|moins|supérieure?s?|inférieure?s?|more|less|the|as)\b",
    re.IGNORECASE,
)
ATHLETICS_AFTER = re.compile(rf"{SPACE}*m{SPACE}+(?:steeple|haies|nage|4{SPACE}nages|relais|hurdles)\b", re.IGNORECASE)

# --- words -----------------------------------------------------------------------------------------------
FUNCTION_WORDS = frozenset(
    [
        "de",
        "d",
        "du",
        "des",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "au",
        "aux",
        "à",
        "a",
        "en",
        "et",
        "ou",
        "où",
        "sur",
        "sous",
        "dans",
        "par",
        "pour",
        "avec",
        "sans",
        "chez",
        "entre",
        "vers",
        "dès",
        "depuis",
        "contre",
        "pendant",
        "durant",
        "selon",
        "que",
        "qu",
        "qui",
        "quoi",
        "dont",
        "ne",
        "n",
        "pas",
        "plus",
        "moins",
        "très",
        "trop",
        "se",
        "s",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "je",
        "j",
        "tu",
        "y",
        "est",
        "sont",
        "était",
        "été",
        "être",
        "avoir",
        "ont",
        "avait",
        "avaient",
        "seront",
        "sera",
        "serait",
        "seraient",
        "étaient",
        "aura",
        "auront",
        "peuvent",
        "doivent",
        "fait",
        "font",
        "mais",
        "donc",
        "or",
        "ni",
        "car",
        "si",
        "comme",
        "lorsque",
        "quand",
        "puis",
        "alors",
        "ainsi",
        "aussi",
        "encore",
        "déjà",
        "même",
        "tout",
        "tous",
        "toute",
        "toutes",
        "avant",
        "après",
        "environ",
        "près",
        "quelque",
        "au-delà",
        "jusqu",
        "jusque",
        "afin",
        "tandis",
        "soit",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
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
        "matin",
        "soir",
        "midi",
        "demain",
        "hier",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "than",
        "as",
        "it",
        "its",
        "their",
        "this",
        "these",
        "those",
        "over",
        "under",
        "about",
        "around",
        "nearly",
        "almost",
        "up",
        "per",
        "into",
        "out",
    ]
)
FIXED_EXPRESSIONS = re.compile(
    r"(?:à deux pas|deux sens|à eux (?:deux|trois|quatre)|tous (?:deux|trois|quatre)|toutes (?:deux|trois)"
    r"|les deux ne|l'un des deux|deux ou trois|en deux temps|à deux vitesses|two-thirds|one-third)",
    re.IGNORECASE,
)
VAGUE_BEFORE = re.compile(rf"(?:\b(?:des|plusieurs|quelques|de|les|ces)){SPACE}+$", re.IGNORECASE)
DECADE_BEFORE = re.compile(rf"(?:années|ann[ée]es{SPACE}+|the){SPACE}*$", re.IGNORECASE)
TIME_OF_DAY_BEFORE = re.compile(
    rf"(?:\b(?:à|a|vers|dès|jusqu['’]à|journal{SPACE}+de|peu{SPACE}+(?:après|avant)|aux{SPACE}+alentours{SPACE}+de|at|by|"
    rf"around)){SPACE}+$",
    re.IGNORECASE,
)
TIME_OF_DAY_GLUED = re.compile(r"[hH:]\d{2}\b|[hH]\b(?!{SPACE}*(?:de|d))")
IDENTIFIER_NOUNS = frozenset(
    [
        "article",
        "articles",
        "alinéa",
        "ligne",
        "lignes",
        "numéro",
        "n°",
        "no",
        "acte",
        "saison",
        "épisode",
        "chapitre",
        "page",
        "pages",
        "tome",
        "volume",
        "étape",
        "route",
        "rn",
        "a",
        "autoroute",
        "départementale",
        "taille",
        "pointure",
        "vol",
        "promo",
        "niveau",
        "classe",
        "catégorie",
        "groupe",
        "section",
        "salle",
        "porte",
        "quai",
        "terminal",
        "version",
        "génération",
        "série",
        "modèle",
        "type",
        "code",
        "rang",
        "dossard",
        "maillot",
        "match",
        "journée",
        "tour",
        "round",
        "lot",
        "bâtiment",
        "chambre",
        "bureau",
        "box",
        "étage",
        "rue",
        "avenue",
        "boulevard",
        "place",
        "season",
        "episode",
        "chapter",
        "line",
        "number",
        "act",
        "level",
        "stage",
        "room",
        "floor",
        "flight",
        "gate",
        "version",
        "model",
    ]
)
BARE_OK_BEFORE = frozenset(
    [
        "dont",
        "contre",
        "serons",
        "sommes",
        "seront",
        "sont",
        "étaient",
        "était",
        "sera",
        "soit",
        "parmi",
        "ils",
        "elles",
        "nous",
        "among",
        "including",
        "against",
    ]
)
ONE_WORDS = frozenset({"un", "une", "one", "a"})

MONEY_ABOUT_VERBS = {
    "valoriser": "valorisation", "lever": "levée de fonds", "racheter": "rachat", "coûter": "coût",
    "investir": "investissement", "emprunter": "emprunt", "payer": "paiement", "verser": "versement",
    "dépenser": "dépense", "perdre": "perte", "gagner": "gain", "vendre": "vente", "acheter": "achat",
    "estimer": "estimation", "évaluer": "évaluation", "chiffrer": "coût", "financer": "financement",
    "value": "valuation", "raise": "fundraising", "cost": "cost", "pay": "payment", "invest": "investment",
    "spend": "spending", "lose": "loss", "sell": "sale", "buy": "purchase", "valued": "valuation",
}  # fmt: skip
#: verbs of change → their noun, for what a percent measures ("les salaires augmentent de 5 %")
PERCENT_ABOUT_VERBS = {
    "augmenter": "augmentation", "baisser": "baisse", "reculer": "recul", "progresser": "progression",
    "croître": "croissance", "diminuer": "diminution", "chuter": "chute", "bondir": "bond", "grimper": "hausse",
    "rebondir": "rebond", "plonger": "plongeon", "dégringoler": "chute", "flamber": "flambée",
    "rise": "rise", "increase": "increase", "grow": "growth", "fall": "fall", "drop": "drop", "decline": "decline",
    "climb": "rise", "jump": "jump", "slide": "fall", "plunge": "fall", "surge": "surge",
}  # fmt: skip
TRANSPARENT_NOUNS = frozenset(
    [
        "hauteur",
        "montant",
        "somme",
        "total",
        "niveau",
        "ordre",
        "chiffre",
        "valeur",
        "bout",
        "cours",
        "âge",
        "fin",
        "début",
        "terme",
        "peine",
        "instant",
        "amount",
        "sum",
        "level",
        "age",
        "end",
    ]
)
RATIO = re.compile(
    rf"(?:{SPACE}+(?P<n>[^\W\d_][\w\-]*))?{SPACE}+(?:sur|out{SPACE}+of|in){SPACE}+"
    r"(?P<d>\d+|dix|deux|trois|quatre|cinq|six|sept|huit|neuf|ten|two|three|four|five)\b"
    rf"(?![.,]?\d)(?!{SPACE}*(?:%|ans|km|m\b))",
    re.IGNORECASE,
)
