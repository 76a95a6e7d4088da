"""``recoupe stories``, ``recoupe story ID`` and ``recoupe recluster`` on the seeds and a few OrangeSum pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    db = tmp_path_factory.mktemp("stories-cli") / "cli.db"
    runner = CliRunner(env={"RECOUPE_DB": str(db)})
    pages = sorted((FIXTURES / "orangesum" / "raw").glob("*.html"))[20:28]
    result = runner.invoke(cli, ["ingest", str(FIXTURES / "seeds"), *map(str, pages), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stories"]["assigned"] == 10
    return runner


def _json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_biggest_story_is_the_seeds_told_by_two_outlets(runner: CliRunner) -> None:
    stories = _json(runner, "stories", "--order", "biggest")
    assert len(stories) == 9  # 10 articles, the two seeds together
    top = stories[0]
    assert top["articles"] == 2
    assert top["outlets"] == 2
    assert top["independent_outlets"] == 1  # the rewrite's outlet is not given: no independent outlet
    assert "97,4" in top["title"]
    assert _json(runner, "stories", "--min-outlets", "2") == []
    assert [s["id"] for s in _json(runner, "stories", "--entity", "sam altman")] == [top["id"]]


def test_story_shows_articles_summary_and_entities(runner: CliRunner) -> None:
    top = _json(runner, "stories", "--order", "biggest", "--limit", "1")[0]
    story = _json(runner, "story", top["id"][:8])  # a prefix is enough
    assert story["id"] == top["id"]
    assert {item["outlet"] for item in story["timeline"]} == {"Clubic", None}
    assert {e["name"] for e in story["entities"] if e["articles"] == 2} >= {"Elon Musk", "OpenAI"}
    assert story["summary"]
    assert all("97,4" in s["sentence"] or "Musk" in s["sentence"] for s in story["summary"])
    shown = runner.invoke(cli, ["story", top["id"]])
    assert "Clubic" in shown.stdout
    assert "independent outlet" in shown.stdout


def test_unknown_story_is_not_found(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["story", "0123456789abcdef"])
    assert result.exit_code == 66
    assert "no story with id" in result.stderr


def test_recluster_rebuilds_the_same_stories_without_embedding_again(runner: CliRunner) -> None:
    def partition() -> set[tuple[str, frozenset[str]]]:
        out = set()
        for row in _json(runner, "stories", "--limit", "100"):
            story = _json(runner, "story", row["id"])
            out.add((row["id"], frozenset(item["id"] for item in story["timeline"])))
        return out

    before = partition()
    report = _json(runner, "recluster")
    assert report["assigned"] == 10
    assert report["embedded"] == 0
    assert partition() == before  # the same stories, under the same ids
    assert _json(runner, "check") == {"ok": True, "problems": []}
