"""Figure drafts, and the passes that complete them once every number of the text is read.

``recoupe.enrich.figures`` classifies each number alone into a ``Draft``; then ``inherit_lists`` gives a bare
number linked to the next figure that figure's kind and unit ("trois, quatre, cinq mois", "Quinze à 20 %"),
and ``restore_elided`` gives a bare count the noun of the count before it ("dont cinq", "contre 295"; "2,06
millions" listed after "2,8 millions de visiteurs").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from recoupe.enrich.figure_lexicon import ONE_WORDS, SPACE
from recoupe.enrich.numbers import NumberMatch

__all__ = ["Draft", "inherit_lists", "restore_elided"]


@dataclass(frozen=True, slots=True)
class Draft:
    """A figure found in the text, before its noun's lemma and what it is about are read."""

    start: int
    end: int
    kind: str
    value: float | str | None
    unit: str | None = None
    relative: bool = False
    number: NumberMatch | None = None
    explicit_currency: bool = False
    noun_start: int = -1  # where the counted noun is (for its lemma)
    noun_end: int = -1
    about: str | None = None  # what a share counts, as written ("TGV" in "un TGV sur deux")


_LIST_LINK = re.compile(rf"^{SPACE}*(?:,|à|et|ou|-|–|to|and|or){SPACE}*$", re.IGNORECASE)


def inherit_lists(text: str, drafts: list[Draft], pending: list[NumberMatch], taken: bytearray) -> list[Draft]:
    """``trois, quatre, cinq mois`` and ``Quinze à 20%``: a bare number linked to the next figure takes its
    kind and unit."""
    by_start = sorted(drafts, key=lambda d: d.start)
    starts = [d.start for d in by_start]

    added: list[Draft] = []
    for number in sorted(pending, key=lambda n: n.start, reverse=True):
        if number.ordinal or any(taken[number.start : number.end]):
            continue
        if number.words and text[number.start : number.end].split(maxsplit=1)[0].lower() in ONE_WORDS:
            continue
        index = bisect.bisect_left(starts, number.end)
        candidates = [d for d in added if d.start >= number.end] + by_start[index : index + 1]
        if not candidates:
            continue
        following = min(candidates, key=lambda d: d.start)
        link = text[number.end : following.start]
        if following.kind == "date" or following.number is None or not _LIST_LINK.match(link):
            continue
        if following.kind == "count" and following.unit is None:
            continue
        draft = replace(
            following,
            start=number.start,
            end=number.end,
            value=_rescale(number, following),
            number=number,
            explicit_currency=False,
        )
        added.append(draft)
        taken[number.start : number.end] = b"\x01" * (number.end - number.start)
    return drafts + added


def _rescale(number: NumberMatch, following: Draft) -> float:
    """``entre 2 et 3 milliards``: the first number takes the second's scale when it has none."""
    value = number.value
    nxt = following.number
    if nxt is not None and nxt.scaled and not number.scaled and following.kind == "money" and nxt.value:
        base = nxt.value
        for factor in (1e12, 1e9, 1e6, 1e3):
            if base >= factor and not number.decimal and value < 1000:
                return value * factor
    sub = following.kind == "money" and following.unit and nxt is not None and following.value != nxt.value
    return value / 100 if sub and not nxt.scaled else value  # type: ignore[union-attr]


def restore_elided(drafts: list[Draft], text: str) -> list[Draft]:
    """A bare count (``dont cinq``, ``contre 295``) counts the noun of the nearest earlier count; so does a
    bare scaled number with no currency written that follows a scaled count in its sentence ("2,8 millions de
    visiteurs …, suivis des Britanniques (2,06 millions, …)": visitors, not euros)."""
    out: list[Draft] = []
    last_unit: str | None = None
    last_scaled: Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.kind == "count" and draft.unit is None:
            if last_unit is None:
                continue
            draft = replace(draft, unit=last_unit)  # noqa: PLW2901
        if last_scaled is not None and _elided_scaled_count(draft, last_scaled, text):
            draft = replace(draft, kind="count", unit=last_scaled.unit)  # noqa: PLW2901
        if draft.kind == "count" and draft.unit and draft.unit != "fois":
            last_unit = draft.unit
            if draft.number is not None and draft.number.scaled:
                last_scaled = draft
        out.append(draft)
    return out


def _elided_scaled_count(draft: Draft, count: Draft, text: str) -> bool:
    """A money draft guessed from a bare scaled number, in the sentence of an earlier scaled count."""
    if draft.kind != "money" or draft.explicit_currency or draft.number is None:
        return False
    if not draft.number.scaled or draft.end != draft.number.end:
        return False
    between = text[count.end : draft.start]
    if len(between) > ELIDED_REACH or re.search(r"[.!?;]\s|€|\$|euros?\b|dollars?\b", between):
        return False
    # set in a list or in brackets ("(2,06 millions, + 15,7 %)"), not the object of a verb ("coûtera 40 milliards")
    return between.rstrip()[-1:] in {"(", ",", ":"} and text[draft.end : draft.end + 2].lstrip()[:1] in {",", ")", ";"}


#: how far after a scaled count a bare scaled number may stand to count the same noun
ELIDED_REACH = 160
