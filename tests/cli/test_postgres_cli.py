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
    return {**_reads(db), "served": _serve(db, _run(runner, "stories", "--json")[0]["id"])}


def _reads(db: str) -> dict[str, Any]:
    runner = CliRunner(env={"RECOUPE_DB": db})
    (story,) = _run(runner, "stories", "--json")
    return {
        "story": story,
        "members": _run(runner, "story", story["id"], "--json"),
        "search": _run(runner, "search", "Elon Musk", "--json"),
        "prefix": _run(runner, "search", "bénéf*", "--json"),
        "crosscheck": _run(runner, "crosscheck", story["id"], "--json"),
        "check": _run(runner, "check", "--json"),
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
def lite_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("lite") / "seeds.db")


@pytest.fixture(scope="module")
def both(
    new_postgres_schema: Callable[[], AbstractContextManager[str]], lite_db: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    lite = _session(lite_db)
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


def test_copy_round_trips_the_archive_through_postgresql(
    both: tuple[dict[str, Any], dict[str, Any]],
    lite_db: str,
    new_postgres_schema: Callable[[], AbstractContextManager[str]],
    tmp_path: Path,
) -> None:
    lite, _ = both
    back = str(tmp_path / "back.db")
    runner = CliRunner()
    with new_postgres_schema() as url:
        first = _run(runner, "copy", lite_db, url, "--json")
        assert first["tables"]["articles"] == {"read": 2, "written": 2}
        again = _run(runner, "copy", lite_db, url, "--json")  # resumable: a second run writes nothing
        assert all(counts["written"] == 0 for counts in again["tables"].values())
        _run(runner, "copy", url, back)
        on_postgres = _reads(url)
    returned = _reads(back)
    for reads in (on_postgres, returned):
        assert reads["story"] == lite["story"]
        assert reads["members"] == lite["members"]
        assert reads["crosscheck"] == lite["crosscheck"]
        assert _ids(reads["search"]) == _ids(lite["search"])
        assert reads["check"] == {"ok": True, "problems": []}
    assert returned["search"] == lite["search"]
