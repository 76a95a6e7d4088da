"""Whose age a number of years is: the name written right before it.

"Paul-Henri Nargeolet, 77 ans" / "Paul-Henri Nargeolet, 73 ans": two outlets give one man two ages. Press
French sets a person's age in apposition after the name ("Name, 77 ans", "Name (77 ans)", "Name, âgé de 77
ans"); the name is the age's holder, and two ages of one holder in two articles are one figure
(``figure_order.ages_of_one_person``); so is the name set right after a description's age ("un policier de
quarante-cinq ans, Keith Palmer,"). An age set after a description alone ("le tireur, âgé de 20 ans") or a
pronoun ("il avait 42 ans") has no holder here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.model import Figure

__all__ = ["age_holder", "same_holder"]

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_PARTICLE = r"(?:de|du|des|d['’]|la|le|van|von|ben|bin|al|el)"
_HOLDER = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:[\s\u00a0]+(?:{_PARTICLE}[\s\u00a0]+)?{_NAME_WORD}){{0,3}})"
    rf"[\s\u00a0]*(?:,|\()[\s\u00a0]*(?:(?:âgée?s?|agée?s?)[\s\u00a0]+de[\s\u00a0]+)?$"
)
_YEARS = frozenset({"an", "ans", "year", "years"})


#: a description's age with the name set after it: "un policier de quarante-cinq ans, Keith Palmer,"
_DESCRIBED = re.compile(r"\bde[\s\u00a0]+$")
_HOLDER_AFTER = re.compile(
    rf"[\s\u00a0]*,[\s\u00a0]*(?P<name>{_NAME_WORD}(?:[\s\u00a0]+(?:{_PARTICLE}[\s\u00a0]+)?{_NAME_WORD}){{1,3}})"
    rf"[\s\u00a0]*[,.;)]"
)


def age_holder(text: str, figure: Figure) -> str | None:
    """The name written right before a number of years set in apposition, or right after a description's age
    ("un policier de 45 ans, Keith Palmer,"), or ``None``."""
    if figure.kind != "quantity" or fold(figure.unit or "") not in _YEARS:
        return None
    match = _HOLDER.search(text, max(0, figure.start - 80), figure.start)
    if match is None:
        if not _DESCRIBED.search(text, max(0, figure.start - 4), figure.start):
            return None
        match = _HOLDER_AFTER.match(text, figure.end)
        return None if match is None else " ".join(match.group("name").split())
    words = match.group("name").split()
    return " ".join(words) if len(words) >= 2 else None  # a first name alone ("Marie, 34 ans") names nobody known


def _surnames(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-’']+", fold(name)) if len(w) >= 4}


def same_holder(a: str | None, b: str | None) -> bool:
    """Two holders that are one person: their last names meet ("Paul-Henri Nargeolet" / "M. Nargeolet" aside)."""
    if not a or not b:
        return False
    last_a, last_b = fold(a).split()[-1], fold(b).split()[-1]
    return last_a == last_b and bool(_surnames(a) & _surnames(b))
