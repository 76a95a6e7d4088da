"""A match's score: "l'Afrique du Sud a battu la Nouvelle-Zélande 12 à 11" / "sur le score de 12 à 10",
"6-3, 2-6, 5-7, 6-1, 6-2" / "(6-3, 2-6, 5-7, 6-1, 6-3)".

A score is not a figure (the enrichment reads "12 à 11" as two numbers, "6-1" as none), so figure slots never
compare it. ``scores_told`` reads a score as its sets: a run of "N-M" (hyphen or dash, each side at most 200;
"2019-2020" is a season, "12-13 juin" two days) separated by commas, or "N à M" right after the words that
announce a result ("battu … 12 à 11", "sur le score de", "victoire", "s'impose", "l'emporte"). Each article's only
score is the one result both tell, however the sentences are worded (``sole_scores``, linked by ``align``);
two scores that differ set by set conflict (``score_conflicts``, the first differing set's span in each).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import between, sole_claims

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["score_conflicts", "scores_told", "sole_scores"]

_SPACE = r"[\s\u00a0]"
_SET = r"\d{1,3}[\-–]\d{1,3}(?![\d\-–])"
_DASHED = re.compile(rf"(?<![\w\-–/.,]){_SET}(?:,{_SPACE}*{_SET})*(?!{_SPACE}*(?:janvier|février|mars|avril|mai|juin|"
                     rf"juillet|août|septembre|octobre|novembre|décembre|ans|h\b|heures))", re.IGNORECASE)  # fmt: skip
#: "N à M" is a score only after what announces a result
_RESULT = re.compile(
    rf"(?:\bbattu|\bbat|\bbattent|\bdominé|\bdomine|\bscore{_SPACE}+de|\bvictoire|\bvainqueurs?|\bs['’]impose|"
    rf"\bl['’]emporte|\bl['’]a{_SPACE}+emporté|\bgagné|\bdéfaite|\bperdu|\bs['’]est{_SPACE}+incliné)"
    rf"[^.;:!?]{{0,60}}?(?<![\w,])(?P<home>\d{{1,3}}){_SPACE}+à{_SPACE}+(?P<away>\d{{1,3}})\b(?!{_SPACE}*(?:h\b|heures))",
    re.IGNORECASE,
)


def scores_told(text: str) -> list[tuple[tuple[tuple[int, int], ...], list[tuple[int, int]]]]:
    """Each score of a text: its sets as (points, points), and each set's span."""
    found: list[tuple[tuple[tuple[int, int], ...], list[tuple[int, int]]]] = []
    for match in _DASHED.finditer(text):
        sets: list[tuple[int, int]] = []
        spans: list[tuple[int, int]] = []
        for one in re.finditer(_SET, match.group()):
            left, right = re.split(r"[\-–]", one.group())
            sets.append((int(left), int(right)))
            spans.append((match.start() + one.start(), match.start() + one.end()))
        found.append((tuple(sets), spans))
    for match in _RESULT.finditer(text):
        result = ((int(match.group("home")), int(match.group("away"))),)
        found.append((result, [(match.start("home"), match.end("away"))]))
    return found


def score_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between two claims that each give one score, and different ones: the first set that differs
    (spans: that set in each article)."""
    told_a, told_b = scores_told(a.text), scores_told(b.text)
    if len({s for s, _ in told_a}) != 1 or len({s for s, _ in told_b}) != 1:
        return []
    (sets_a, spans_a), (sets_b, spans_b) = told_a[0], told_b[0]
    if len(sets_a) != len(sets_b) and len(sets_a) > 1 and len(sets_b) > 1:
        return []  # a match told set by set and another's sets: nothing to line up
    for k, (one, other) in enumerate(zip(sets_a, sets_b, strict=False)):
        if one != other and one != other[::-1]:  # "12 à 11" / "11-12": one result, told from the other side
            return [between(a, spans_a[k], b, spans_b[k], kind="figure", tag="score")]
    return []


def sole_scores(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that each give their article's only score."""
    return sole_claims(claims, lambda text: [("score", sets) for sets, _ in scores_told(text)])
