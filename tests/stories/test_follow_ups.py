"""Next-day follow-ups and first reports joined to the event (``recoupe.stories.cluster.attach_follow_ups``).

The vectors are built so that the answers follow from the scores: a story of three articles on day 100
(cosines 0.94-0.98 between them) and a piece on day 101 whose cosines with them are 0.93, 0.90 and 0.90.
With the day penalty (0.04) its pair scores are 0.89, 0.86 and 0.86: one edge (0.89 >= 0.88), a mean of
0.87 under the threshold, so average link leaves it apart; with the penalty waived the mean is 0.91.
"""

from __future__ import annotations

import numpy as np

from recoupe.stories.cluster import (
    FIRST_REPORT_WEIGHT,
    FOLLOW_UP_FAR_WEIGHT,
    FOLLOW_UP_WEIGHT,
    ClusterItem,
    StoryParams,
    cluster_items,
    follow_up_in_time,
)

PARAMS = StoryParams(threshold=0.88, day_penalty=0.04, entity_weight=0.0, window_days=3)
EVENT = frozenset({"indre", "gargilesse dampierre", "vanik berberian", "berry", "emmanuel macron"})
#: rare names (an idf of 4.5: about 1 % of the articles, under ``SPECIFIC_IDF``: no day penalty given back) and
#: the running topic's (named everywhere)
IDF = {
    "indre": 4.5,
    "gargilesse dampierre": 4.5,
    "vanik berberian": 4.5,
    "berry": 4.5,
    "emmanuel macron": 0.7,
    "paris": 0.8,
}


def _vector(*parts: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(8)
    for axis, value in parts:
        vector[axis] = value
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _event(day: int = 100) -> list[ClusterItem]:
    """Three articles of one event on ``day``, each naming the event's places and persons."""
    vectors = [_vector((0, 0.93), (1, 0.3676)), _vector((0, 0.90), (1, 0.4), (2, 0.1732)),
               _vector((0, 0.90), (1, 0.4), (2, -0.1732))]  # fmt: skip
    return [
        ClusterItem(f"e{k}", vector, (day, day), EVENT, f"2019-02-{day - 86:02d}T1{k}:00")
        for k, vector in enumerate(vectors)
    ]


def _piece(day: int, entities: set[str], name: str = "piece") -> ClusterItem:
    return ClusterItem(name, _vector((0, 1.0)), (day, day), frozenset(entities), f"2019-02-{day - 86:02d}T08:00")


def _partition(items: list[ClusterItem]) -> set[frozenset[str]]:
    return {frozenset(item.id for item in group) for group in cluster_items(items, IDF, PARAMS)}


def test_the_next_day_piece_naming_the_event_rare_names_joins_it() -> None:
    piece = _piece(101, {"gargilesse dampierre", "vanik berberian", "emmanuel macron"})
    assert _partition([*_event(), piece]) == {frozenset({"e0", "e1", "e2", "piece"})}


def test_a_piece_naming_only_what_the_running_topic_names_everywhere_stays_apart() -> None:
    piece = _piece(101, {"emmanuel macron", "paris"})
    assert _partition([*_event(), piece]) == {frozenset({"e0", "e1", "e2"}), frozenset({"piece"})}


def test_a_first_report_the_day_before_naming_the_event_rare_names_joins_it() -> None:
    piece = _piece(99, {"gargilesse dampierre", "emmanuel macron"})
    assert _partition([*_event(), piece]) == {frozenset({"e0", "e1", "e2", "piece"})}


def test_a_piece_the_day_before_naming_only_the_running_topic_stays_apart() -> None:
    piece = _piece(99, {"emmanuel macron", "paris"})
    assert _partition([*_event(), piece]) == {frozenset({"e0", "e1", "e2"}), frozenset({"piece"})}


def test_two_pieces_the_day_before_are_no_first_report() -> None:
    # a story of its own the day before (a separate happening, an announcement): not opened by a first report
    first = _piece(99, {"gargilesse dampierre", "indre"}, "first")
    second = ClusterItem("second", _vector((0, 1.0), (4, 0.05)), (99, 99), frozenset({"vanik berberian"}), "2019-02-13")
    found = _partition([*_event(), first, second])
    assert frozenset({"e0", "e1", "e2"}) in found


def test_follow_up_in_time_grows_with_what_the_unit_shares() -> None:
    story = (100, 101)
    assert follow_up_in_time(story, (102, 102), FOLLOW_UP_WEIGHT)
    assert follow_up_in_time(story, (102, 103), FOLLOW_UP_WEIGHT)
    assert not follow_up_in_time(story, (102, 102), FOLLOW_UP_WEIGHT - 1)
    assert not follow_up_in_time(story, (103, 103), FOLLOW_UP_WEIGHT)  # two days after: only with more shared
    assert follow_up_in_time(story, (103, 103), FOLLOW_UP_FAR_WEIGHT)
    assert not follow_up_in_time(story, (104, 104), FOLLOW_UP_FAR_WEIGHT)
    assert follow_up_in_time(story, (99, 99), FIRST_REPORT_WEIGHT)  # a first report the day before
    assert not follow_up_in_time(story, (99, 99), FIRST_REPORT_WEIGHT, single=False)
    assert not follow_up_in_time(story, (98, 98), FOLLOW_UP_FAR_WEIGHT)
    assert not follow_up_in_time(story, (98, 99), FOLLOW_UP_FAR_WEIGHT)


def test_a_piece_two_days_after_the_story_is_no_follow_up_unless_it_shares_much() -> None:
    # the window is wide enough for an edge at two days (0.93 - 2 x 0.04 + nothing) only with a lower threshold
    params = StoryParams(threshold=0.845, day_penalty=0.04, entity_weight=0.0, window_days=3)
    piece = _piece(102, {"gargilesse dampierre", "vanik berberian"})
    found = {frozenset(i.id for i in g) for g in cluster_items([*_event(), piece], IDF, params)}
    assert found == {frozenset({"e0", "e1", "e2"}), frozenset({"piece"})}
    # four of the event's rare names (18 >= FOLLOW_UP_FAR_WEIGHT): the window grows to two days
    piece = _piece(102, {"gargilesse dampierre", "vanik berberian", "indre", "berry"})
    found = {frozenset(i.id for i in g) for g in cluster_items([*_event(), piece], IDF, params)}
    assert found == {frozenset({"e0", "e1", "e2", "piece"})}


def test_the_follow_up_leaves_the_unrelated_piece_of_its_day_behind() -> None:
    # the companion: cosine 0.89 with the piece (one story of two by average link), 0.83 and 0.80 with the event
    piece = _piece(101, {"gargilesse dampierre", "vanik berberian"})
    companion = ClusterItem("other", _vector((0, 0.89), (3, 0.456)), (101, 101), frozenset({"paris"}), "2019-02-15")
    assert _partition([*_event(), piece, companion]) == {
        frozenset({"e0", "e1", "e2", "piece"}),
        frozenset({"other"}),
    }


def test_a_small_story_of_next_day_pieces_joins_whole() -> None:
    first = _piece(101, {"gargilesse dampierre", "indre"}, "first")
    second = ClusterItem(
        "second", _vector((0, 1.0), (4, 0.05)), (101, 101), frozenset({"vanik berberian"}), "2019-02-15"
    )
    assert _partition([*_event(), first, second]) == {frozenset({"e0", "e1", "e2", "first", "second"})}
