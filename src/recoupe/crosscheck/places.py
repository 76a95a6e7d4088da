"""A place told with its region in two articles: "Régny (Loire)" / "Régny (Rhône)", "Butler, en
Pennsylvanie" / "Butler, dans l'Ohio".

French press sets a small town's département or region right after it, in brackets or after a comma (a
dateline writes the town in capitals: "SAINT-MARTIN-VÉSUBIE (Alpes-Maritimes)"). Two
outlets that name one town with two regions disagree on where it is (one of them put it in the wrong
département). The town must be written the same way in both; a region is a proper noun that is not an
acronym ("Paris (AFP)" is a dateline, "Marine Le Pen (RN)" a party), and two regions one of which holds the
other's words are one ("Savoie" / "Haute-Savoie" are not: the words differ).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import between
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["place_conflicts", "places_told"]

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
    words_a, words_b = set(re.split(r"[\s\-’']+", a)), set(re.split(r"[\s\-’']+", b))
    return words_a <= words_b or words_b <= words_a


def place_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """Conflicts between the regions two claims give one town (spans: the regions in each article)."""
    return [
        between(a, span, b, other_span, kind="claim", tag="lieu")
        for town, region, span in places_told(a.text)
        for other_town, other_region, other_span in places_told(b.text)
        if town == other_town and not _same_region(region, other_region)
    ]
