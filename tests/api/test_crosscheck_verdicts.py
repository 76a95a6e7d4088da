"""The cross-check endpoint on a cross-check built by hand: every verdict, the verdict filter, the new fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

import pytest

from recoupe.api.schemas import VerdictName
from recoupe.crosscheck.verdict import VERDICTS
from recoupe.faces import Faces

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.fixture
def handmade(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The API client, every story's cross-check being the hand-built one (asked of a story that exists: the
    route resolves the id before it asks for the cross-check)."""
    from tests.web.conftest import handmade_check

    monkeypatch.setattr(Faces, "crosscheck", lambda _self, _story_id: handmade_check())
    monkeypatch.setattr(Faces, "stored_crosscheck", lambda _self, _story_id: handmade_check())  # read first
    return client


@pytest.fixture
def url(seeds_story: str) -> str:
    return f"/api/stories/{seeds_story}/crosscheck"


def _verdicts(client: TestClient, url: str, params: Any = None) -> list[dict[str, Any]]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    verdicts: list[dict[str, Any]] = response.json()["verdicts"]
    return verdicts


def test_the_schema_names_every_verdict_the_cross_check_gives() -> None:
    assert get_args(VerdictName) == VERDICTS


def test_every_verdict_and_its_new_fields(handmade: TestClient, url: str) -> None:
    report = handmade.get(url).json()
    assert report["counts"] == {
        "conflicting": 1,
        "updated": 1,
        "differs-by-source": 1,
        "corroborated": 1,
        "differing": 1,
        "single-source": 6,
    }
    by_verdict = {v["verdict"]: v for v in report["verdicts"]}
    updated = by_verdict["updated"]
    assert [step["text"] for step in updated["timeline"]] == [
        "Un bilan provisoire fait état de 3 morts.",
        "Le dernier bilan fait état de 5 morts à 21 h.",
    ]
    assert [step["when"] for step in updated["timeline"]] == ["provisional", "21:00"]
    assert updated["timeline"][0]["published"] == "2025-03-01T09:00:00+01:00"
    assert [c["relation"] for c in updated["conflicts"]] == ["updated"]
    by_source = by_verdict["differs-by-source"]
    assert [s["attributed_to"] for s in by_source["statements"]] == ["la préfecture", "les organisateurs"]
    assert [c["relation"] for c in by_source["conflicts"]] == ["differs-by-source"]
    assert [c["relation"] for c in by_verdict["conflicting"]["conflicts"]] == ["conflicting"]
    scores = sorted(v["score"] for v in report["verdicts"] if v["verdict"] == "single-source")
    assert scores == [0.2, 0.3, 0.4, 0.5, 0.7, 0.9]


@pytest.mark.parametrize(
    ("params", "wanted"),
    [
        ({"verdict": "updated"}, {"updated"}),
        ({"verdict": "differs-by-source"}, {"differs-by-source"}),
        ([("verdict", "conflicting"), ("verdict", "updated")], {"conflicting", "updated"}),
        ({"verdict": "conflicting,differs-by-source"}, {"conflicting", "differs-by-source"}),
        ({"verdict": " single-source , updated "}, {"single-source", "updated"}),
    ],
)
def test_the_verdict_filter_returns_only_the_asked_verdicts(
    handmade: TestClient, url: str, params: Any, wanted: set[str]
) -> None:
    verdicts = _verdicts(handmade, url, params)
    assert {v["verdict"] for v in verdicts} == wanted
    counts = handmade.get(url).json()["counts"]
    assert len(verdicts) == sum(counts[v] for v in wanted)


@pytest.mark.parametrize("value", ["true", "updated,nonsense", "single_source", "Conflicting"])
def test_an_unknown_verdict_is_422(handmade: TestClient, url: str, value: str) -> None:
    response = handmade.get(url, params={"verdict": value})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["type"] == "ValidationError"
    assert "verdict" in error["message"]
