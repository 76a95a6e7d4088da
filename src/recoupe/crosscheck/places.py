"""A place told with its region in two articles: "Régny (Loire)" / "Régny (Rhône)", "Butler, en
Pennsylvanie" / "Butler, dans l'Ohio".

French press sets a small town's département or region right after it, in brackets or after a comma (a
dateline writes the town in capitals: "SAINT-MARTIN-VÉSUBIE (Alpes-Maritimes)"). Two
outlets that name one town with two regions disagree on where it is (one of them put it in the wrong
département). The town must be written the same way in both; a region is a proper noun that is not an
acronym ("Paris (AFP)" is a dateline, "Marine Le Pen (RN)" a party), and two regions one of which holds the
other's words are one ("Savoie" / "Haute-Savoie" are not: the words differ).

A place is also told by its kind and its name: "dans la région de Donetsk" / "dans la région de Louhansk", "le
département de Saône-et-Loire" / "le département de la Côte-d'Or", "vers la gare d'Arras" / "en gare d'Amiens"
(``kinds_told``, ``KINDS``; "une gare de Nara" is a station in Nara, not one named so). Each article's only place of
one kind, named differently in two articles, is where the event happened told two ways (``sole_kinds``, linked by
``align``); two aligned claims each naming one place of a kind are compared too. Kinds whose "de" names an
institution as often as a place ("la ville de Paris" a annoncé, "la préfecture de Lyon") or that go by several names
(an airport) are left out.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import between, sole_claims
from recoupe.folding import fold, fold_in_place

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["KINDS", "countries_told", "is_country", "kinds_told", "place_conflicts", "places_told", "sole_kinds"]

_PROPER = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœ’'][\w’'-]*"
_PLACE = rf"{_PROPER}(?:[\s-](?:(?:de|du|des|sur|en|la|le|les|l['’])[\s-]?)?{_PROPER}){{0,3}}"
#: a town in capitals, as a dateline writes it ("SAINT-MARTIN-VÉSUBIE (Alpes-Maritimes) -")
_CAPITALS = (
    r"(?:(?:LA|LE|LES) |L['’])?[A-ZÀ-ÖØ-Þ]{2,}(?:[-’'][A-ZÀ-ÖØ-Þ]+|-(?:SUR|LÈS|LES|EN|DE|DU|LA|LE)-[A-ZÀ-ÖØ-Þ]+){0,4}"
)
_REGION = rf"{_PROPER}(?:[\s-](?:(?:de|du|des|et|la|le|l['’])[\s-]?)?{_PROPER}){{0,3}}"
_TOLD = re.compile(
    rf"(?P<town>{_PLACE}|{_CAPITALS})[\s\u00a0]*(?:\([\s\u00a0]*(?P<bracketed>{_REGION})[\s\u00a0]*\)"
    rf"|,[\s\u00a0]+(?:en|dans[\s\u00a0]+(?:le|la|les|l['’])|au|aux)[\s\u00a0]*(?P<after>{_REGION})\b)"
)
_ARTICLES = re.compile(r"^(?:l['’]|le |la |les )")


def places_told(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(town, region, region's span) for each town written with its region, folded for comparison."""
    found = []
    for match in _TOLD.finditer(text):
        group = "bracketed" if match.group("bracketed") else "after"
        town = fold(match.group("town")).casefold()
        region = _ARTICLES.sub("", fold(match.group(group)))
        found.append((town, region, match.span(group)))
    return found


def _same_region(a: str, b: str) -> bool:
    """Two regions one holds the other's words ("Savoie" in "Haute-Savoie" aside), or a country and a region
    of it as far as the words tell ("Livingston (Louisiane)" / "Livingston, aux États-Unis")."""
    words_a, words_b = set(re.split(r"[\s\-’']+", a)), set(re.split(r"[\s\-’']+", b))
    return words_a <= words_b or words_b <= words_a or is_country(a) != is_country(b)


@cache
def _countries() -> frozenset[str]:
    """Folded French names of the world's countries and territories (CLDR, through Babel)."""
    from babel import Locale

    names = Locale("fr").territories
    return frozenset(_ARTICLES.sub("", fold(name)).casefold() for code, name in names.items() if len(code) == 2)


def is_country(name: str) -> bool:
    """Whether a folded place name is a country's ("etats-unis", "norvege")."""
    return _ARTICLES.sub("", name.casefold()) in _countries()


#: kinds of place named "<kind> de <Name>" (folded kind: the kind as read)
KINDS = {
    "region": "région",
    "departement": "département",
    "province": "province",
    "etat": "État",
    "commune": "commune",
    "village": "village",
    "quartier": "quartier",
    "canton": "canton",
    "comte": "comté",
    "gare": "gare",
    "port": "port",
    "hauteur": "hauteur",
    "vallee": "vallée",
    "massif": "massif",
    "ile": "île",
}
_KIND = re.compile(
    r"\b(?P<kind>r[ée]gion|d[ée]partement|province|[ÉE]tat|commune|village|quartier|canton|comt[ée]|gare|port|hauteur"
    r"|vall[ée]e|massif|[îi]le)s?[\s\u00a0]+(?:de[\s\u00a0]+la[\s\u00a0]+|de[\s\u00a0]+l['’]|d['’]|de[\s\u00a0]+|du[\s\u00a0]+)"
    rf"(?P<name>{_REGION})"
)


_INDEFINITE = re.compile(r"\b(?:une?|des|plusieurs|deux|trois)[\s\u00a0]+$", re.IGNORECASE)


def kinds_told(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(kind, name, name's span) for each place a text names by its kind ("la région de Donetsk"), folded."""
    found = []
    for match in _KIND.finditer(text):
        if _INDEFINITE.search(text, 0, match.start()):  # "devant une gare de Nara": a station in Nara
            continue
        kind = fold(match.group("kind")).casefold()
        if kind == "etat" and not match.group("kind")[0].isupper():  # "un état de siège": no State
            continue
        found.append((kind, _ARTICLES.sub("", fold(match.group("name"))), match.span("name")))
    return found


def sole_kinds(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that each name their article's only place of one
    kind, named differently (the first claim naming it)."""
    pairs = sole_claims(claims, lambda text: [(kind, name) for kind, name, _ in kinds_told(text)])
    return [(i, j) for i, j in pairs if _kind_conflicts(claims[i], claims[j])]


def _kind_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The places of one kind two claims each name once, named differently (``kinds_told``)."""
    told_a: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    told_b: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for told, text in ((told_a, a.text), (told_b, b.text)):
        for kind, name, span in kinds_told(text):
            told.setdefault(kind, []).append((name, span))
    found = []
    for kind in told_a.keys() & told_b.keys():
        names_a, names_b = {n for n, _ in told_a[kind]}, {n for n, _ in told_b[kind]}
        if len(names_a) == 1 and len(names_b) == 1 and not _same_region(names_a.pop(), names_b.pop()):
            found.append(between(a, told_a[kind][0][1], b, told_b[kind][0][1], kind="claim", tag="lieu"))
    return found


def place_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """Conflicts between the regions two claims give one town, between the places of one kind they each name
    once, and between the one country each names that the other does not (spans: the names in each article)."""
    return (
        [
            between(a, span, b, other_span, kind="claim", tag="lieu")
            for town, region, span in places_told(a.text)
            for other_town, other_region, other_span in places_told(b.text)
            if town == other_town and not _same_region(region, other_region)
        ]
        + _kind_conflicts(a, b)
        + _country_conflicts(a, b)
    )


@cache
def _country_pattern() -> re.Pattern[str]:
    names = sorted(_countries(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


#: a country named as where something is or goes: "en Suisse", "au Luxembourg", "vers Singapour" (not "l'équipe
#: de France", "le Tour de France", "offrant à la Colombie")
_LOCATIVE = re.compile(
    r"(?:\b(?:en|au|aux|vers|depuis|a)\s+"
    r"|\b(?:parti|venu|originaire|provenance|rentre|revenu|rapatrie|arrive|expulse|exile)\w*\s+(?:d'|de\s+|du\s+|des\s+))$"
)


def countries_told(text: str) -> dict[str, tuple[int, int]]:
    """The countries a text names as places (capitalised, right after "en", "au", "aux", "vers", "depuis", "à",
    or "de" after a word of coming from: "parti d'Égypte"), folded, each with its first span."""
    folded = fold_in_place(text)  # offsets into the folded text are the text's
    found: dict[str, tuple[int, int]] = {}
    for match in _country_pattern().finditer(folded):
        if text[match.start()].isupper() and _LOCATIVE.search(folded, max(0, match.start() - 30), match.start()):
            found.setdefault(match.group(), match.span())
    return found


def _country_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """Two claims told alike that each name one country the other does not ("un compte ouvert en Suisse" / "un
    compte caché au Luxembourg", both then moved to Singapour): where it happened, told two ways."""
    told_a, told_b = countries_told(a.text), countries_told(b.text)
    only_a, only_b = told_a.keys() - told_b.keys(), told_b.keys() - told_a.keys()
    if len(only_a) != 1 or len(only_b) != 1:
        return []
    (one,), (other,) = only_a, only_b
    return [between(a, told_a[one], b, told_b[other], kind="claim", tag="lieu")]
