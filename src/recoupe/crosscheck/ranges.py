"""The values a range gives: "entre 100 et 300 morts" is 100 to 300, not any number.

A figure written as one end of a range ("entre 100 et 300 morts", "de 5 000 à 8 000 manifestants",
"1,2 à 1,5 million") was compatible with any value; read with its other end, it is the interval between the
two (the other end in the scale of the figure: "1,2" before "1,5 million" is 1,2 million). "471 morts" against
"entre 100 et 300 morts" is then two accounts that cannot both hold. A range whose other end cannot be read
stays open.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from recoupe.enrich.numbers import find_numbers

if TYPE_CHECKING:
    from recoupe.model import Figure

__all__ = ["range_bounds"]

_SPACE = r"[\s\u00a0\u202f]"
_NUMBER = rf"\d(?:[\d.,]|{_SPACE}(?=\d{{3}}\b))*"
#: the other end written before the figure: "entre 100 et ", "de 5 000 à ", "1,2 à "
_BEFORE = re.compile(rf"(?P<n>{_NUMBER}){_SPACE}*(?:et|à|a|au|and|to|-|–){_SPACE}*$", re.IGNORECASE)
#: the other end written after it: " et 300", " à 8 000"
_AFTER = re.compile(rf"^{_SPACE}*(?:et|à|a|au|and|to|-|–){_SPACE}*(?P<n>{_NUMBER})", re.IGNORECASE)


_SCALE = re.compile(rf"{_SPACE}*(?:millions?|milliards?|billions?|mds?|md|k)\b", re.IGNORECASE)


def _value(raw: str, language: str) -> float | None:
    found = find_numbers(raw.strip(), language)
    return found[0].value if len(found) == 1 else None


def range_bounds(text: str, figure: Figure, language: str = "fr") -> tuple[float, float] | None:
    """(low, high) of the range ``figure`` is an end of, from ``text`` around it (offsets of ``figure`` are
    into ``text``); ``None`` when it is not a number or its other end cannot be read."""
    if not isinstance(figure.value, int | float) or not figure.value or not 0 <= figure.start <= len(text):
        return None
    value = float(figure.value)
    before = _BEFORE.search(text[max(0, figure.start - 40) : figure.start])
    after = _AFTER.match(text[figure.end : figure.end + 40])
    if after and _SCALE.match(text, figure.end + after.end()) and not _SCALE.search(figure.text):
        return None  # "entre 1,2 et 1,5 million": this end's own value lacks the scale written after the other
    match = before or after
    other = _value(match.group("n"), language) if match else None
    if other is None or other <= 0:
        return None
    shift = round(math.log10(value / other) / 3) * 3  # "1,2 à 1,5 million": the first end in millions too
    other *= 10.0**shift
    return (min(value, other), max(value, other))
