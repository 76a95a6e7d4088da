"""A rank told two ways in two sentences that say the same thing.

"Benzema devient le cinquième Français sacré" / "… le quatrième Français sacré"; "but à la 109e minute" /
"à la 111e minute". Ordinals are not figures (a rank says which, not how many: ``statements``), so figure
slots never compare them; two claims aligned as one statement do. Each sentence must hold one ordinal
(in digits, "109e", in Roman numerals, "XVIIe", or in words, "cinquième", "vingt et unième"; never
"premier"/"second", which name offices and rounds)
before a noun, the same noun in both ("Français", "minute"): "le cinquième Français" and "la quatrième fois"
rank two things.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import Conflict, stop_words
from recoupe.crosscheck.statements import ordinal_value
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.crosscheck.statements import Statement

__all__ = ["rank_conflicts"]

_ORDINAL = re.compile(
    r"\b(?P<n>\d{1,3}(?:e|ème|eme)|(?:[IVXLC]{2,6}|[IVX])(?:e|ème)|(?:[a-zé]+(?:-| et |-et-))*[a-zé]+ième)"
    r"\s+(?P<noun>[^\W\d_][\w\-]*)"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(raw: str) -> int | None:
    """ "XVII" 17, "XIV" 14; ``None`` when the letters are not a Roman number."""
    values = [_ROMAN[c] for c in raw]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


def _value(raw: str) -> int | None:
    if raw[0].isdigit():
        return int(re.sub(r"\D", "", raw))
    letters = re.sub(r"(e|ème)$", "", raw)
    if letters and set(letters) <= set(_ROMAN):  # "XVIIe siècle"
        return _roman(letters)
    return ordinal_value(raw.casefold())


def _rank(text: str) -> tuple[int, str, int, int] | None:
    """(value, folded noun, start, end) of the one ordinal before a noun in ``text``, else ``None``."""
    found = []
    for match in _ORDINAL.finditer(text):
        raw = match.group("n")
        value = _value(raw)
        noun = fold(match.group("noun")).casefold()
        noun = noun[:-1] if len(noun) > 3 and noun.endswith("s") else noun
        if value is not None and noun not in stop_words("fr"):  # "troisième au classement"
            found.append((value, noun, match.start(), match.end()))
    return found[0] if len({(v, n) for v, n, _, _ in found}) == 1 else None


def rank_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between the ranks two aligned claims give to one noun (spans: the ordinal and its noun)."""
    one, other = _rank(a.text), _rank(b.text)
    if one is None or other is None or one[1] != other[1] or one[0] == other[0]:
        return []
    written_a, written_b = a.text[one[2] : one[3]], b.text[other[2] : other[3]]
    return [Conflict("figure", f"{written_a} vs {written_b} (rang)", (a.start + one[2], a.start + one[3]),
                     (b.start + other[2], b.start + other[3]))]  # fmt: skip
