"""A rank told two ways in two sentences that say the same thing.

"Benzema devient le cinquième Français sacré" / "… le quatrième Français sacré"; "but à la 109e minute" /
"à la 111e minute". Ordinals are not figures (a rank says which, not how many: ``statements``), so figure
slots never compare them; two claims aligned as one statement do, and so do the claims that give each
article's only rank of one noun (``sole_ranks``, linked by ``align``; a sentence that ranks something is a
claim). Ranks are read in digits ("109e"), in Roman numerals ("XVIIe") or in words ("cinquième", "vingt et
unième"; never "premier"/"second", which name offices and rounds) before a noun; two sentences conflict on
a noun each ranks once, with two values ("le cinquième Français" and "la quatrième fois" rank two things).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.ordinals import ordinal_value
from recoupe.crosscheck.rules_base import between, sole_claims, stop_words
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["rank_conflicts", "ranks_told", "sole_ranks"]

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


def ranks_told(text: str) -> set[tuple[int, str]]:
    """Every (value, folded noun) rank of ``text``."""
    return {(value, noun) for noun, found in _written_ranks(text).items() for value, _ in found}


def sole_ranks(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that each give their article's only rank of one
    noun ("Le seul but est tombé à la 59e minute" / "À la soixante-neuvième minute, Coman a repris de la
    tête"): what one article ranks once, the other ranks once, however the two sentences are worded."""
    return sole_claims(claims, lambda text: [(noun, value) for value, noun in ranks_told(text)])


def rank_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflicts between the ranks two aligned claims give to one noun, each claim ranking that noun once
    ("à la 59e minute" / "À la soixante-neuvième minute, …, sa sixième Ligue des champions"; spans: the
    ordinal and its noun)."""
    ranks_a, ranks_b = _written_ranks(a.text), _written_ranks(b.text)
    return [
        between(a, ranks_a[noun][0][1], b, ranks_b[noun][0][1], kind="figure", tag="rang")
        for noun in sorted(set(ranks_a) & set(ranks_b))
        if len({v for v, _ in ranks_a[noun]}) == len({v for v, _ in ranks_b[noun]}) == 1
        and ranks_a[noun][0][0] != ranks_b[noun][0][0]
    ]


def _written_ranks(text: str) -> dict[str, list[tuple[int, tuple[int, int]]]]:
    """The ranks of ``text`` by folded noun: the value and span of each ordinal and its noun."""
    ranks: dict[str, list[tuple[int, tuple[int, int]]]] = {}
    for match in _ORDINAL.finditer(text):
        value, noun = _value(match.group("n")), fold(match.group("noun")).casefold()
        noun = noun[:-1] if len(noun) > 3 and noun.endswith("s") else noun
        if value is not None and noun not in stop_words("fr"):  # "troisième au classement"
            ranks.setdefault(noun, []).append((value, match.span()))
    return ranks
