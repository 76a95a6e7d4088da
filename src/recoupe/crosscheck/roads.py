"""The road an event happened on: "l'autoroute A10" / "l'autoroute A7", "la RN102 a été fermée" / "la RN7 est
coupée".

French press names a road by its number: a motorway (A7, "l'autoroute A10"), a national road (RN7, N102), a
departmental road (D17). Two outlets that each name one road, and a different one, for the event they both
tell (a viaduct that collapsed, a road closed by a quake) disagree on which road it was: what one article
names once, the other names once, and the same road, however the two sentences are worded (``sole_roads``,
linked by ``align``). Two claims aligned for what else they say are compared when each names one road
(``road_conflicts``). A number is read as a road only after the words that introduce one ("l'", "la",
"autoroute", "route nationale") or when written "RN" or "D" with its number; an Airbus "A320" is no road
unless an article says "l'A320", which a second article would then contradict by another type too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import between, sole_claims

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["road_conflicts", "roads_told", "sole_roads"]

_SPACE = r"[\s\u00a0]"
_ROAD = re.compile(
    rf"(?:\b(?:autoroute|route{_SPACE}+nationale|route{_SPACE}+départementale|nationale|départementale|la|l['’])"
    rf"{_SPACE}*)(?P<road>(?:A|RN|N|D){_SPACE}?\d{{1,4}})\b"
    rf"|\b(?P<bare>RN{_SPACE}?\d{{1,4}})\b",
    re.IGNORECASE,
)
_NAMES = {"rn": "n"}  # "RN7" and "N7" name one national road


def _key(written: str) -> str:
    letters = "".join(c for c in written if c.isalpha()).lower()
    return _NAMES.get(letters, letters) + "".join(c for c in written if c.isdigit())


def roads_told(text: str) -> list[tuple[str, tuple[int, int]]]:
    """(road, span) for each road a text names by its number ("A7", "N102" for "la RN102")."""
    found = []
    for match in _ROAD.finditer(text):
        group = "road" if match.group("road") else "bare"
        written = match.group(group)
        if written[0].isupper():  # "la d17"? a road's letter is written in capitals
            found.append((_key(written), match.span(group)))
    return found


def road_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between two claims that each name one road, and different ones (spans: the roads)."""
    roads_a, roads_b = roads_told(a.text), roads_told(b.text)
    if len({road for road, _ in roads_a}) != 1 or len({road for road, _ in roads_b}) != 1:
        return []
    (road_a, span_a), (road_b, span_b) = roads_a[0], roads_b[0]
    return [] if road_a == road_b else [between(a, span_a, b, span_b, kind="claim", tag="route")]


def sole_roads(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that each name their article's only road (the
    first claim naming it; the title may repeat it)."""
    return sole_claims(claims, lambda text: [("road", road) for road, _ in roads_told(text)])
