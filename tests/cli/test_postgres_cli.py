"""Issue 14's done-when on the seeds: ``ingest``, ``search``, ``stories``, ``story``, ``crosscheck`` and
``check`` give on PostgreSQL what they give on SQLite (skipped without a server, failed in CI)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "--json" in args else result.stdout


def _session(db: str) -> dict[str, Any]:
    runner = CliRunner(env={"RECOUPE_DB": db})
    _run(runner, "ingest", str(SEEDS))
    (story,) = _run(runner, "stories", "--json")
    return {
        "story": story,
        "members": _run(runner, "story", story["id"], "--json"),
        "search": _run(runner, "search", "Elon Musk", "--json"),
        "prefix": _run(runner, "search", "bénéf*", "--json"),
        "crosscheck": _run(runner, "crosscheck", story["id"], "--json"),
        "check": _run(runner, "check", "--json"),
        "served": _serve(db, story["id"]),
    }


def _serve(db: str, story_id: str) -> dict[str, Any]:
    """What ``recoupe serve`` answers over this database: the API's reads and two pages."""
    from fastapi.testclient import TestClient

    from recoupe.app import create_app
    from recoupe.config import load_settings

    with TestClient(create_app(load_settings({"db": db}, env={}, config_file=None))) as client:
        answers = {
            path: client.get(path)
            for path in ("/api/search?q=milliards", "/api/stories", f"/api/stories/{story_id}", "/", "/search?q=Musk")
        }
    assert all(answer.status_code == 200 for answer in answers.values()), {p: a.status_code for p, a in answers.items()}
    return {path: answer.json() for path, answer in answers.items() if path.startswith("/api/")}


@pytest.fixture(scope="module")
def both(
    new_postgres_schema: Callable[[], AbstractContextManager[str]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], dict[str, Any]]:
    lite = _session(str(tmp_path_factory.mktemp("lite") / "seeds.db"))
    with new_postgres_schema() as url:
        return lite, _session(url)


def _ids(hits: list[dict[str, Any]]) -> set[str]:
    return {hit["article"]["id"] if "article" in hit else hit["id"] for hit in hits}


def test_the_same_story_and_members(both: tuple[dict[str, Any], dict[str, Any]]) -> None:
    lite, pg = both
    keep = ("id", "title", "articles", "outlets", "independent_outlets", "languages", "first_seen", "last_seen")
    assert {k: pg["story"][k] for k in keep} == {k: lite["story"][k] for k in keep}
    for key in ("articles", "outlet_names", "summary"):
        assert pg["members"][key] == lite["members"][key]


def test_the_same_search_hits(both: tuple[dict[str, Any], dict[str, Any]]) -> None:
    lite, pg = both
    assert _ids(pg["search"]) == _ids(lite["search"])
    assert len(pg["search"]) == 2
    assert _ids(pg["prefix"]) == _ids(lite["prefix"])


def test_the_same_crosscheck(both: tuple[dict[str, Any], dict[str, Any]]) -> None:
    lite, pg = both

    def verdicts(report: dict[str, Any]) -> list[tuple[str, str, str]]:
        return sorted((v["kind"], v["verdict"], v["subject"]) for v in report["verdicts"])

    assert verdicts(pg["crosscheck"]) == verdicts(lite["crosscheck"])
    assert pg["crosscheck"]["signature"] == lite["crosscheck"]["signature"]


def test_the_same_api_answers(both: tuple[dict[str, Any], dict[str, Any]]) -> None:
    lite, pg = both
    search = "/api/search?q=milliards"
    assert {h["id"] for h in pg["served"][search]["items"]} == {h["id"] for h in lite["served"][search]["items"]}
    assert len(pg["served"][search]["items"]) == 2
    story = next(path for path in pg["served"] if path.startswith("/api/stories/"))
    assert pg["served"][story]["id"] == lite["served"][story]["id"]


def test_check_is_clean_on_both(both: tuple[dict[str, Any], dict[str, Any]]) -> None:
    for session in both:
        assert session["check"] == {"ok": True, "problems": []}
