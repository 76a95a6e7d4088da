"""A vote's tally: how many voted for, how many against ("adopté par 780 voix pour et 72 contre" / "780 voix
pour, soixante-deux voix contre").

The enrichment counts "780 voix" and "62 voix" alike, and reads no figure in "72 contre" (a number with no
noun). A tally has two sides, and two outlets disagree when they give one side two values, not when one gives
the votes for and the other the votes against. ``votes_told`` gives each count of votes its side as its unit
(``FOR``, ``AGAINST``): "N voix pour", "N voix contre", "par N voix contre M" (N for, M against: "contre"
there means "to"), and the bare number of an ellipsis after a count of votes ("780 voix pour et 72 contre",
"…, 72 contre et 3 abstentions"). Each side is then a slot of its own, compared like any count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from recoupe.model import Figure

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["AGAINST", "FOR", "votes_told"]

#: the units of the two sides of a tally (one word each, so that a slot never merges them)
FOR = "voix-pour"
AGAINST = "voix-contre"

_SPACE = r"[\s\u00a0\u202f]"
_NUMBER_WORD = (
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|"
    r"quarante|cinquante|soixante|cent)"
)
#: the side after a count of votes; "contre" followed by a number is "to" ("331 voix contre 313")
_SIDE = re.compile(
    rf"{_SPACE}+(?P<side>pour|contre)\b(?P<versus>{_SPACE}+(?:\d|{_NUMBER_WORD}\b))?",
    re.IGNORECASE,
)
#: how far after a count of votes an elided count ("et 72 contre") may stand, in characters
_REACH = 60


def _voices(figure: Figure) -> bool:
    return figure.kind == "count" and (figure.unit or "").casefold() in {
        "voix",
        "vote",
        "votes",
        "suffrage",
        "suffrages",
    }


def votes_told(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """``figures`` with each count of votes given its side, and the elided counts of a tally added."""
    from recoupe.enrich.numbers import find_numbers

    out: list[Figure] = []
    made: list[Figure] = []  # counts of a side read here, replacing what the enrichment read at their place
    for figure in figures:
        side = _SIDE.match(text, figure.end) if _voices(figure) else None
        if side is None:
            out.append(figure)
            continue
        # "par 331 voix contre 313": 331 for, 313 against
        unit = FOR if side.group("side").casefold() == "pour" or side.group("versus") else AGAINST
        out.append(replace(figure, unit=unit))
        if side.group("versus"):
            numbers = find_numbers(text[side.end("side") : side.end("side") + 30], "fr")
            if numbers and not numbers[0].ordinal and not numbers[0].decimal:
                start = side.end("side") + numbers[0].start
                end = side.end("side") + numbers[0].end
                made.append(Figure(start, end, text[start:end], "count", float(numbers[0].value), AGAINST))
    for last in [f for f in out if f.unit in {FOR, AGAINST}]:  # "780 voix pour et 72 contre": the elided count
        window = text[last.end : last.end + _REACH]
        for number in find_numbers(window, "fr"):
            start, end = last.end + number.start, last.end + number.end
            side = _SIDE.match(text, end)
            if side is None or side.group("versus") or "." in text[last.end : start] or number.ordinal:
                continue
            if any(f.start < end and start < f.end for f in made):
                continue
            unit = FOR if side.group("side").casefold() == "pour" else AGAINST
            made.append(Figure(start, end, text[start:end], "count", float(number.value), unit))
    out = [f for f in out if not any(m.start < f.end and f.start < m.end for m in made)] + made
    return sorted(out, key=lambda f: f.start)
