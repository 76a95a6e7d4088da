"""Outlet profiles and blind spots (both engines), on a small archive whose figures are counted by hand.

Le Monde: a1 (story s1), a2 (s2, no one else). Clubic: b1 (s1), b2 (s3). Libération: c1 (s3), c2 (s1, a wire
copy of a1). Every article names Elon Musk, so each outlet usually covers him (2+ of its stories). Story s1
was cross-checked: Le Monde and Clubic agree on one statement, conflict on another, and Le Monde alone says a
third.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from tests.store.corpus import MUSK_BODY, article

from recoupe.errors import NotFoundError
from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, StoryRow
from recoupe.store import Store

NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)
MUSK = EntityRef("elon musk", "Elon Musk", "PER", (), (), 1)
PARIS = EntityRef("paris", "Paris", "LOC", (), (), 1)
ARTICLES = [("a1", "Le Monde"), ("a2", "Le Monde"), ("b1", "Clubic"), ("b2", "Clubic")]
ARTICLES += [("c1", "Libération"), ("c2", "Libération")]


def _archive(store: Store) -> dict[str, str]:
    ids: dict[str, str] = {}
    for name, outlet in ARTICLES:
        [(ids[name], _)] = store.add(
            [article(f"Article {name}", f"{MUSK_BODY} ({name})", outlet=outlet, day=date(2025, 2, 11))]
        )
    store.save_enrichments(
        [Enrichment(i, "fr", EnrichmentLevel.FULL, entities=(MUSK, PARIS)) for i in ids.values()], version=1
    )
    members = {"s1": ["a1", "b1", "c2"], "s2": ["a2"], "s3": ["b2", "c1"]}
    independent = {"s1": 2, "s2": 1, "s3": 2}  # c2 copies a1: Le Monde's
    with store.story_tx(write=True) as tx:
        tx.save_copies({ids["c2"]: (ids["a1"], 0.97)})
        for story_id, names in members.items():
            row = StoryRow(
                story_id,
                f"story {story_id}",
                ids[names[0]],
                len(names),
                len(names),
                independent[story_id],
                ("fr",),
                None,
                None,
                NOW,
                NOW,
            )
            tx.write_stories({ids[n]: story_id for n in names}, [row], {}, NOW)

    def statement(name: str) -> dict[str, str]:
        return {"article_id": ids[name], "text": "…"}

    report = {
        "verdicts": [
            {"verdict": "corroborated", "statements": [statement("a1"), statement("b1")]},
            {"verdict": "conflicting", "statements": [statement("a1"), statement("b1"), statement("a1")]},
            {"verdict": "single-source", "statements": [statement("a1")]},
        ]
    }
    store.save_crosscheck("s1", "sig", {"corroborated": 1, "conflicting": 1, "single-source": 1}, json.dumps(report))
    return ids


def test_outlet_profiles(store: Store) -> None:
    _archive(store)
    got = [(p.name, p.articles, p.copies, p.stories, p.exclusive, p.verdicts) for p in store.outlet_profiles()]
    assert got == [
        ("Clubic", 2, 0, 2, 0, {"corroborated": 1, "conflicting": 1}),
        ("Le Monde", 2, 0, 2, 1, {"corroborated": 1, "conflicting": 1, "single-source": 1}),
        ("Libération", 2, 1, 2, 0, {}),  # its copy in s1 makes no statement in the report
    ]
    monde = store.outlet_profile("le monde")
    assert monde.checked == 3
    assert monde.share("single-source") == pytest.approx(1 / 3)
    assert store.outlet_profile("LIBÉRATION").copy_share == 0.5
    assert monde.to_dict()["exclusive_stories"] == 1
    with pytest.raises(NotFoundError):
        store.outlet_profile("Le Figaro")


def test_exclusives_blind_spots_and_not_covered_by(store: Store) -> None:
    _archive(store)
    assert [s.id for s in store.outlet_exclusives("Le Monde")] == ["s2"]
    assert store.outlet_exclusives("Clubic") == []
    spots = store.outlet_blind_spots("Le Monde")
    assert [(b.story.id, b.entities) for b in spots] == [("s3", ("Elon Musk",))]  # Paris is a place: not counted
    assert store.outlet_blind_spots("Clubic") == []  # s2 is told by one outlet only
    assert store.outlet_blind_spots("Clubic", min_outlets=1)[0].story.id == "s2"
    assert [(n.outlet, n.entities) for n in store.not_covered_by("s3")] == [("Le Monde", ("Elon Musk",))]
    assert [n.outlet for n in store.not_covered_by("s2")] == ["Clubic", "Libération"]
    assert store.not_covered_by("s1") == []  # every outlet covering Musk is there
