"""Days a French press article looks back to, on sentences written for the test in the style of the press."""

from __future__ import annotations

from datetime import date

import numpy as np

from recoupe.stories.cluster import ClusterItem, StoryParams, pair_scores
from recoupe.stories.timeref import days_referred

SUNDAY = date(2019, 1, 6).toordinal()
SATURDAY = date(2019, 1, 5).toordinal()


def _days(text: str, day: int) -> list[date]:
    return sorted(date.fromordinal(d) for d in days_referred(text, day))


def test_the_sunday_tally_looks_back_to_saturday() -> None:
    text = "Acte VIII : le ministère de l'Intérieur a recensé samedi 50 000 manifestants dans toute la France."
    assert _days(text, SUNDAY) == [date(2019, 1, 5)]


def test_hier_la_veille_and_a_written_date() -> None:
    assert _days("Le boxeur s'est rendu hier soir à la police.", SUNDAY) == [date(2019, 1, 5)]
    assert _days("Mis en examen la veille, il a été placé en détention.", SUNDAY) == [date(2019, 1, 5)]
    assert _days("Lors de la manifestation du 4 janvier à Paris, un homme a été blessé.", SUNDAY) == [
        date(2019, 1, 4)
    ]
    assert _days("Manifestation du samedi 29 décembre : le bilan", date(2019, 1, 1).toordinal()) == [
        date(2018, 12, 29)
    ]
    assert _days("Le 1er février, les syndicats ont appelé à la grève.", date(2019, 2, 3).toordinal()) == [
        date(2019, 2, 1)
    ]


def test_the_same_weekday_the_future_and_far_days_are_not_looked_back_to() -> None:
    # published on a Saturday: "samedi" is the day itself; "mardi prochain" is ahead (a week back is too far)
    assert _days("Samedi, les « gilets jaunes » défilent à Paris ; un débat est prévu mardi prochain.", SATURDAY) == []
    assert _days("Le 25 décembre, la préfecture avait interdit le rassemblement.", SUNDAY) == []
    assert _days("Aujourd'hui, le gouvernement annonce un plan ; demain, il reçoit les maires.", SUNDAY) == []
    assert days_referred("Samedi, le cortège est parti de la place de l'Étoile.", None) == frozenset()


def test_a_follow_up_that_names_the_earlier_day_counts_no_day_gap() -> None:
    params = StoryParams(threshold=0.88, day_penalty=0.04, entity_weight=0.0, look_back=True)
    vector = np.array([1.0, 0.0], dtype=np.float32)
    protest = ClusterItem("a", vector, (SATURDAY, SATURDAY), frozenset(), "2019-01-05")
    tally = ClusterItem("b", vector, (SUNDAY, SUNDAY), frozenset(), "2019-01-06", refers=frozenset({SATURDAY}))
    other = ClusterItem("c", vector, (SUNDAY, SUNDAY), frozenset(), "2019-01-06")
    scores = pair_scores([protest, tally, other], {}, params)
    assert scores[0, 1] == 1.0  # the tally names Saturday: no gap
    assert abs(scores[0, 2] - 0.96) < 1e-6  # one day apart, no look back
    unset = pair_scores([protest, tally], {}, StoryParams(threshold=0.88, day_penalty=0.04, entity_weight=0.0))
    assert abs(unset[0, 1] - 0.96) < 1e-6  # the calibration decides whether the look back counts
