"""A cross-check not computed yet: ``202 Accepted`` while it is computed in the background, then 200.

A real server (uvicorn on a loopback port) over a copy of the shared database whose seeds' story has a
stale stored cross-check (its signature no longer matches the articles), so the next request has to compute
it. The computation is real; in the 202 test it is held at a gate until the test has seen the 202s.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from tests.procs import serve_app

import recoupe.crosscheck.report as report_module
from recoupe.api.routes_stories import CROSSCHECK_RETRY_S
from recoupe.api.schemas import CrossCheckOut
from recoupe.enrich.entities import entity_key
from recoupe.faces import Faces
from recoupe.store import open_store

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from fastapi.testclient import TestClient

    from recoupe.config import Settings


def _seeds_story(settings: Settings) -> str:
    with open_store(settings.db) as store:
        rows = store.stories(entity=entity_key("Bret Taylor"), limit=2)
    assert len(rows) == 1, rows
    return rows[0].id


def _make_stale(settings: Settings, story_id: str) -> dict[str, Any]:
    """The story's stored cross-check (computed by the ``faces_db`` fixture), replaced by one whose signature
    no longer matches: the next request computes it again."""
    with open_store(settings.db) as store:
        found = store.crosscheck_report(story_id)
        assert found is not None
        stored: dict[str, Any] = json.loads(found[1])
        assert stored["signature"] == found[0]
        store.save_crosscheck(story_id, "stale", stored["counts"], found[1])
    return stored


def _verdicts(report: dict[str, Any]) -> list[tuple[str, float]]:
    """Each verdict as the API writes it (its schema's fields), without its score, and its score."""
    verdicts = []
    for verdict in CrossCheckOut.model_validate(report).model_dump(mode="json")["verdicts"]:
        score = verdict.pop("score")
        verdicts.append((json.dumps(verdict, sort_keys=True), score))
    return sorted(verdicts)


def _same_report(answer: dict[str, Any], stored: dict[str, Any]) -> None:
    """The answer is the cross-check a direct computation gave: the same verdicts, statements and sources; the
    centrality scores to 1e-3 (embeddings read back from the store's cache differ in their last bits)."""
    assert answer["signature"] == stored["signature"]
    assert answer["counts"] == stored["counts"]
    assert answer["articles"] == stored["articles"]
    got, wanted = _verdicts(answer), _verdicts(stored)
    assert [text for text, _ in got] == [text for text, _ in wanted]
    assert [score for _, score in got] == pytest.approx([score for _, score in wanted], abs=1e-3)
    assert answer["computed_at"] != stored["computed_at"]  # computed again, not the stale row read back


@pytest.fixture
def stale(faces_db: Path, tmp_path: Path, kit: Any) -> tuple[Settings, str, dict[str, Any]]:
    settings: Settings = kit.settings(kit.copy_db(faces_db, tmp_path))
    story_id = _seeds_story(settings)
    return settings, story_id, _make_stale(settings, story_id)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, list[str]]]:
    """Every cross-check the server asks for waits for the gate to open; the story ids asked are listed."""
    opened, asked = threading.Event(), []
    original = report_module.load_or_compute

    def gated(store: Any, story_id: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(story_id)
        opened.wait(120)
        return original(store, story_id, *args, **kwargs)

    monkeypatch.setattr(report_module, "load_or_compute", gated)
    yield opened, asked
    opened.set()  # never leave the server's worker waiting


def test_a_first_request_is_accepted_then_answered(
    stale: tuple[Settings, str, dict[str, Any]], gate: tuple[threading.Event, list[str]]
) -> None:
    settings, story_id, stored = stale
    opened, asked = gate
    path = f"/api/stories/{story_id}/crosscheck"
    with serve_app(settings) as base, httpx.Client(base_url=base, timeout=60) as http:
        # two first requests at once (one by a prefix of the id): both 202, one computation started
        answers: dict[str, httpx.Response] = {}

        def ask(url: str) -> None:
            answers[url] = http.get(url)

        asking = [
            threading.Thread(target=ask, args=(url,)) for url in (path, f"/api/stories/{story_id[:10]}/crosscheck")
        ]
        for thread in asking:
            thread.start()
        for thread in asking:
            thread.join(30)
        assert len(answers) == 2
        for answer in answers.values():
            assert answer.status_code == 202, answer.text
            assert answer.headers["retry-after"] == str(CROSSCHECK_RETRY_S)
            assert answer.headers["location"] == path  # the story's own id, whatever was asked
            assert answer.headers["cache-control"] == "no-store"
            assert "etag" not in answer.headers
            assert answer.json() == {
                "status": "computing",
                "story_id": story_id,
                "poll": path,
                "retry_after": CROSSCHECK_RETRY_S,
                "message": answer.json()["message"],
            }
            assert "being computed" in answer.json()["message"]
        assert asked == [story_id]
        # asked again meanwhile, with a filter: still 202, its query kept in the poll URL, nothing new started
        filtered = http.get(path, params={"verdict": "corroborated"})
        assert filtered.status_code == 202
        assert filtered.json()["poll"] == f"{path}?verdict=corroborated"
        assert asked == [story_id]

        opened.set()
        deadline = time.monotonic() + 120
        while (answer := http.get(path)).status_code == 202:
            assert time.monotonic() < deadline, "the cross-check was never answered"
            time.sleep(0.2)
        assert answer.status_code == 200, answer.text
        assert answer.headers["etag"]
        _same_report(answer.json(), stored)
        assert asked == [story_id]  # the polls read the one computation's result
        # from now on it is stored: at once, the same
        again = http.get(path)
        assert again.status_code == 200
        assert again.json()["verdicts"] == answer.json()["verdicts"]


def test_wait_answers_at_once_and_csv_waits(stale: tuple[Settings, str, dict[str, Any]]) -> None:
    settings, story_id, stored = stale
    path = f"/api/stories/{story_id}/crosscheck"
    with serve_app(settings) as base, httpx.Client(base_url=base, timeout=300) as http:
        answer = http.get(path, params={"wait": "true"})
        assert answer.status_code == 200, answer.text
        _same_report(answer.json(), stored)

        _make_stale(settings, story_id)  # again, with the server running
        download = http.get(path, params={"format": "csv"})
        assert download.status_code == 200, download.text
        assert download.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(download.text)))
        assert len(rows) == sum(len(v["statements"]) for v in stored["verdicts"])
        assert {row["story_id"] for row in rows} == {story_id}
        with open_store(settings.db) as store:
            found = store.crosscheck_report(story_id)
        assert found is not None
        assert found[0] == stored["signature"]  # the CSV request computed and stored it


def test_the_openapi_spec_describes_the_202(client: TestClient) -> None:
    operation = client.get("/api/openapi.json").json()["paths"]["/api/stories/{story_id}/crosscheck"]["get"]
    accepted = operation["responses"]["202"]
    assert accepted["content"]["application/json"]["schema"]["$ref"].endswith("/CrossCheckPending")
    assert set(accepted["headers"]) == {"Retry-After", "Location"}
    assert "wait" in {parameter["name"] for parameter in operation["parameters"]}
    assert "202 Accepted" in operation["description"]


def _another_checked_story(settings: Settings, story_id: str) -> tuple[str, dict[str, Any]]:
    """A story other than ``story_id`` whose stored cross-check is current (``faces_db`` computed it), and
    that report as stored."""
    with open_store(settings.db) as store:
        for row in store.stories(min_outlets=2, limit=100):
            found = store.crosscheck_report(row.id)
            if row.id != story_id and row.independent >= 2 and found is not None:
                stored: dict[str, Any] = json.loads(found[1])
                assert stored["signature"] == found[0]
                return row.id, stored
    raise AssertionError("faces_db has no other cross-checked story")


def test_a_stored_cross_check_is_answered_while_another_story_is_computed(
    stale: tuple[Settings, str, dict[str, Any]], gate: tuple[threading.Event, list[str]]
) -> None:
    settings, story_id, _ = stale
    opened, asked = gate
    other, stored = _another_checked_story(settings, story_id)
    with serve_app(settings) as base, httpx.Client(base_url=base, timeout=60) as http:
        assert http.get(f"/api/stories/{story_id}/crosscheck").status_code == 202
        assert asked == [story_id]  # its computation started, held at the gate from now on
        path = f"/api/stories/{other}/crosscheck"
        answer = http.get(path)
        assert answer.status_code == 200, answer.text  # not 202: the stored report, not queued behind the gate
        assert answer.json()["computed_at"] == stored["computed_at"]  # the stored report, read back
        assert answer.json()["signature"] == stored["signature"]
        assert _verdicts(answer.json()) == _verdicts(stored)
        # wait=true and the CSV read it at once too (a short timeout: before, they waited for the gate)
        waited = http.get(path, params={"wait": "true"}, timeout=15)
        assert waited.status_code == 200, waited.text
        assert waited.json()["computed_at"] == stored["computed_at"]
        download = http.get(path, params={"format": "csv"}, timeout=15)
        assert download.status_code == 200, download.text
        assert len(list(csv.DictReader(io.StringIO(download.text)))) == sum(
            len(v["statements"]) for v in stored["verdicts"]
        )
        # the story page shows its matrix, not "being computed"
        page = http.get(f"/stories/{other}", timeout=15)
        assert page.status_code == 200
        assert 'class="matrix"' in page.text
        assert "Cross-checking the" not in page.text
        assert "refresh" not in page.headers
        # the first story is still being computed, and the other one was never computed
        assert not opened.is_set()
        assert http.get(f"/api/stories/{story_id}/crosscheck").status_code == 202
        assert asked == [story_id]
        opened.set()
        deadline = time.monotonic() + 120
        while (first := http.get(f"/api/stories/{story_id}/crosscheck")).status_code == 202:
            assert time.monotonic() < deadline, "the cross-check was never answered"
            time.sleep(0.2)
        assert first.status_code == 200, first.text
        assert asked == [story_id]


def test_a_stored_cross_check_is_read_without_the_models(
    stale: tuple[Settings, str, dict[str, Any]], gate: tuple[threading.Event, list[str]]
) -> None:
    """``Faces`` over a real store: a current stored report is read without making the NLP models, and
    without waiting for the computation lock that another story's computation holds."""
    settings, story_id, _ = stale
    opened, asked = gate
    other, stored = _another_checked_story(settings, story_id)
    with open_store(settings.db) as store:
        reader = Faces(settings, store)
        got = reader.crosscheck(other)
        assert got.to_dict()["computed_at"] == stored["computed_at"]
        assert reader._nlp is None  # no model made for a read
        computing = threading.Thread(target=reader.crosscheck, args=(story_id,), daemon=True)
        computing.start()
        deadline = time.monotonic() + 60
        while asked != [story_id]:
            assert time.monotonic() < deadline, "the computation never started"
            time.sleep(0.05)
        started = time.monotonic()
        within = reader.crosscheck_within(other, 0.0)
        direct = reader.crosscheck(other[:10])  # by a prefix of its id
        assert time.monotonic() - started < CROSSCHECK_RETRY_S
        assert within is not None
        assert within.to_dict() == direct.to_dict() == got.to_dict()
        assert not opened.is_set()
        opened.set()
        computing.join(120)
        assert not computing.is_alive()
        assert asked == [story_id]
