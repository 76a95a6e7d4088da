"""Two groups join only when they share words or rare names, not on the embedding alone (``cluster.average_link``).

One Tuesday of a running topic, written by hand after gj-dev's 22 January 2019 (no text from the corpus): three
pieces on Éric Drouet's call for a "nuit jaune" (``drouet_*``) and two on the ruling party keeping its distance
from the "foulards rouges" march (``larem_*``). The embedding reads every pair of that day alike: cosine 0.95
inside each group, 0.91 across (the vectors below: a shared topic axis, a group axis, an own axis). Inside a
group the pieces share their title words (TF-IDF cosine 1) and a name; across, nothing. With the lexical term
(0.2 x (min(cosine, 0.4) - 0.1)) a pair across scores 0.91 - 0.02 = 0.89, over the threshold 0.88: average link
alone makes one story of the five.
"""

from __future__ import annotations

import math

import numpy as np

from recoupe.stories.cluster import ClusterItem, StoryParams, cluster_items

PARAMS = StoryParams(
    threshold=0.88,
    day_penalty=0.04,
    entity_weight=0.05,
    window_days=3,
    lexical_weight=0.2,
    lexical_offset=0.1,
    lexical_cap=0.4,
    share_words=0.06,
    share_names=0.03,
)
IDF = {"nuit jaune": 5.0, "foulards rouges": 5.0, "eric drouet": 4.0}
DROUET_WORDS = {"drouet": 0.6, "nuit": 0.8}
LAREM_WORDS = {"foulards": 0.6, "distances": 0.8}


def _vector(group: int, own: int) -> np.ndarray:
    vector = np.zeros(8)
    vector[0] = math.sqrt(0.91)  # the running topic
    vector[1 + group] = math.sqrt(0.04)  # the event
    vector[3 + own] = math.sqrt(0.05)  # the piece itself
    return vector.astype(np.float32)


def _items(*, shared_name: bool = False) -> list[ClusterItem]:
    items = []
    for own, name in enumerate(["drouet_a", "drouet_b", "drouet_c", "larem_a", "larem_b"]):
        group = 0 if name.startswith("drouet") else 1
        entities = {"nuit jaune"} if group == 0 else {"foulards rouges"}
        if shared_name:
            entities.add("eric drouet")
        words = DROUET_WORDS if group == 0 else LAREM_WORDS
        when = f"2019-01-22T{9 + own:02d}:00"
        items.append(ClusterItem(name, _vector(group, own), (100, 100), frozenset(entities), when, words=words))
    return items


def _partition(items: list[ClusterItem], params: StoryParams = PARAMS) -> set[frozenset[str]]:
    return {frozenset(item.id for item in group) for group in cluster_items(items, IDF, params)}


def test_two_events_of_one_day_that_share_no_word_nor_name_stay_two_stories() -> None:
    assert _partition(_items()) == {
        frozenset({"drouet_a", "drouet_b", "drouet_c"}),
        frozenset({"larem_a", "larem_b"}),
    }


def test_without_the_gate_the_embedding_alone_makes_them_one_story() -> None:
    ungated = StoryParams(
        threshold=0.88, day_penalty=0.04, entity_weight=0.05, lexical_weight=0.2, lexical_offset=0.1, lexical_cap=0.4
    )
    assert _partition(_items(), ungated) == {frozenset({"drouet_a", "drouet_b", "drouet_c", "larem_a", "larem_b"})}


def test_groups_naming_the_same_rare_person_join() -> None:
    # the ruling party's pieces answer Drouet by name: one story
    assert _partition(_items(shared_name=True)) == {
        frozenset({"drouet_a", "drouet_b", "drouet_c", "larem_a", "larem_b"})
    }


def test_two_single_articles_at_the_threshold_are_never_held_back() -> None:
    # one piece of each: a pair at 0.89 is a story of two, as before the gate
    items = [item for item in _items() if item.id in ("drouet_a", "larem_a")]
    assert _partition(items) == {frozenset({"drouet_a", "larem_a"})}
