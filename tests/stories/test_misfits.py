"""A misfit carried into a story by average link moves to the story it fits (``cluster.reassign_misfits``).

One Wednesday of a running topic, written by hand after gj-dev's 23 January 2019 (no text from the corpus):
one outlet's pieces of the day read alike — a député heckled at Ternay (``ternay``), Mélenchon backing a
general strike (``melenchon``), Juppé's call to reason (``juppe``) — and so does its preview of Macron's visit
to the Drôme the next day (``preview``), which also names the region the Ternay piece names. Another outlet's
two Drôme pieces (``drome_a``, ``drome_b``) tell the visit. The cosines are those of the vectors below (they are
the rows of a Cholesky factor, written to three decimals); the shared region adds 0.05 to one pair:

=========== ======= ===== ========= ===== ======= =======
pair score  preview ternay melenchon juppe drome_a drome_b
=========== ======= ===== ========= ===== ======= =======
preview             0.97   0.81      0.81  0.90    0.90
ternay                     0.96      0.96  0.80    0.80
=========== ======= ===== ========= ===== ======= =======

(Mélenchon–Juppé 0.96, Drôme a–b 0.95, the outlet's pieces with the Drôme pieces 0.72.) Average link first
joins the preview to the Ternay piece (0.97), then that pair to the two others (mean 0.885 >= 0.88): the
preview ends in the outlet's day story, whose rest it fits at a mean of 0.863 only, while it fits the Drôme
story at 0.90.
"""

from __future__ import annotations

import numpy as np

from recoupe.stories.cluster import ClusterItem, StoryParams, cluster_items

PARAMS = StoryParams(threshold=0.88, day_penalty=0.04, entity_weight=0.05, window_days=3)
IDF = {"auvergne rhone alpes": 5.0}
REGION = frozenset({"auvergne rhone alpes"})
VECTORS = {
    "preview": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    "ternay": [0.92, 0.392, 0.0, 0.0, 0.0, 0.0],
    "melenchon": [0.81, 0.548, 0.209, 0.0, 0.0, 0.0],
    "juppe": [0.81, 0.548, 0.017, 0.208, 0.0, 0.0],
    "drome_a": [0.9, -0.071, 0.145, 0.133, 0.382, 0.0],
    "drome_b": [0.9, -0.071, 0.145, 0.133, 0.252, 0.288],
}
#: the same day, but the preview reads closer to the outlet's other pieces (0.84) and to the Drôme pieces (0.93)
CLOSER = {
    "preview": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    "ternay": [0.92, 0.392, 0.0, 0.0, 0.0, 0.0],
    "melenchon": [0.84, 0.478, 0.257, 0.0, 0.0, 0.0],
    "juppe": [0.84, 0.478, 0.102, 0.236, 0.0, 0.0],
    "drome_a": [0.93, -0.142, 0.025, 0.017, 0.338, 0.0],
    "drome_b": [0.93, -0.142, 0.025, 0.017, 0.19, 0.279],
}


def _items(vectors: dict[str, list[float]]) -> list[ClusterItem]:
    items = []
    for hour, (name, values) in enumerate(vectors.items()):
        vector = np.asarray(values, dtype=np.float64)
        entities = REGION if name in ("preview", "ternay") else frozenset()
        unit = (vector / np.linalg.norm(vector)).astype(np.float32)
        items.append(ClusterItem(name, unit, (100, 100), entities, f"2019-01-23T{8 + hour:02d}:00"))
    return items


def _partition(items: list[ClusterItem]) -> set[frozenset[str]]:
    return {frozenset(item.id for item in group) for group in cluster_items(items, IDF, PARAMS)}


def test_the_preview_carried_into_the_outlet_day_story_joins_the_visit_it_announces() -> None:
    assert _partition(_items(VECTORS)) == {
        frozenset({"ternay", "melenchon", "juppe"}),
        frozenset({"preview", "drome_a", "drome_b"}),
    }


def test_an_article_that_fits_its_own_story_stays_however_well_it_fits_another() -> None:
    # its mean with the outlet's pieces is (0.97 + 0.84 + 0.84) / 3 = 0.883, at the threshold: it is no misfit
    assert _partition(_items(CLOSER)) == {
        frozenset({"preview", "ternay", "melenchon", "juppe"}),
        frozenset({"drome_a", "drome_b"}),
    }


def test_a_misfit_does_not_leave_for_a_single_article() -> None:
    # one Drôme piece only: no story of two articles to move to, the preview stays where average link put it
    items = [item for item in _items(VECTORS) if item.id != "drome_b"]
    assert _partition(items) == {frozenset({"preview", "ternay", "melenchon", "juppe"}), frozenset({"drome_a"})}
