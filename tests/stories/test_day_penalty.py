"""The day penalty given back by very rare names two articles share (``recoupe.stories.cluster.day_penalty``).

Two articles of one event two days apart (a fire at an MP's home on Saturday, the Assembly's party leaders
backing him on Monday) read alike (cosine 0.93) but the penalty of two days (2 x 0.04) takes them under the
threshold (0.85 < 0.88). What they share tells whether it is one event: names only that event's coverage uses
(an idf of 5 or more) give the penalty back; the running topic's names do not.
"""

from __future__ import annotations

import numpy as np
import pytest

from recoupe.stories.cluster import SPECIFIC_IDF, SPECIFIC_WAIVER, ClusterItem, StoryParams, cluster_items, day_penalty

PARAMS = StoryParams(threshold=0.88, day_penalty=0.04, entity_weight=0.0, window_days=3)
IDF = {
    "motreff": 8.0,  # the MP's village: named by a handful of articles
    "richard ferrand": 8.0,
    "emmanuel macron": 0.7,  # the running topic's: named everywhere
    "paris": 0.8,
    "assemblee nationale": 3.5,  # rare, but not rare enough to be one event's own
    "finistere": 4.0,
}


def _item(name: str, vector: list[float], day: int, entities: set[str]) -> ClusterItem:
    array = np.array(vector, dtype=np.float64)
    unit = (array / np.linalg.norm(array)).astype(np.float32)
    return ClusterItem(name, unit, (day, day), frozenset(entities), f"2019-02-{day - 90:02d}")


def _stories(entities: set[str]) -> set[frozenset[str]]:
    saturday = _item("saturday", [1.0, 0.0], 100, entities | {"paris"})
    monday = _item("monday", [0.93, 0.3676], 102, entities | {"emmanuel macron"})
    return {frozenset(i.id for i in group) for group in cluster_items([saturday, monday], IDF, PARAMS)}


def test_no_gap_no_penalty() -> None:
    assert day_penalty(0, frozenset({"paris"}), IDF, PARAMS) == 0.0


def test_the_running_topic_names_give_nothing_back() -> None:
    shared = frozenset({"emmanuel macron", "paris", "assemblee nationale", "finistere"})
    assert day_penalty(2, shared, IDF, PARAMS) == pytest.approx(0.08)
    assert min(IDF["assemblee nationale"], IDF["finistere"]) < SPECIFIC_IDF


def test_each_very_rare_name_gives_back_its_share() -> None:
    assert day_penalty(2, frozenset({"motreff", "paris"}), IDF, PARAMS) == pytest.approx(0.08 * (1 - 8 / 16))
    assert SPECIFIC_WAIVER == 16


def test_enough_very_rare_names_give_the_whole_penalty_back() -> None:
    assert day_penalty(2, frozenset({"motreff", "richard ferrand"}), IDF, PARAMS) == 0.0


def test_two_days_apart_naming_the_event_own_names_is_one_story() -> None:
    assert _stories({"motreff", "richard ferrand"}) == {frozenset({"saturday", "monday"})}


def test_two_days_apart_naming_only_what_many_articles_name_are_two_stories() -> None:
    assert _stories({"assemblee nationale", "finistere"}) == {frozenset({"saturday"}), frozenset({"monday"})}
