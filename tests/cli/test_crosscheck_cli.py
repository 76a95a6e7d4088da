"""Issue 5's acceptance on the seeds: ``recoupe crosscheck`` on their story, as a journalist reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[CliRunner, dict[str, Any], Path]:
    folder = tmp_path_factory.mktemp("crosscheck")
    runner = CliRunner(env={"RECOUPE_DB": str(folder / "seeds.db")})
    assert runner.invoke(cli, ["ingest", str(SEEDS)]).exit_code == 0
    (story,) = json.loads(runner.invoke(cli, ["stories", "--json"]).stdout)
    page = folder / "seeds.html"
    result = runner.invoke(cli, ["crosscheck", story["id"], "--json", "--html", str(page)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return runner, json.loads(result.stdout), page


def _verdicts(report: dict[str, Any], kind: str, verdict: str) -> list[dict[str, Any]]:
    return [v for v in report["verdicts"] if v["kind"] == kind and v["verdict"] == verdict]


def test_the_bid_is_corroborated_by_both_outlets(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    _, report, _ = checked
    bids = [v for v in _verdicts(report, "figure", "corroborated") if "offre" in v["subject"]]
    assert bids
    assert len(bids[0]["sources"]) == 2
    assert all(s["figure"]["value"] == pytest.approx(97.4e9) for s in bids[0]["statements"])


def test_what_only_one_outlet_says_is_single_source(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    _, report, _ = checked
    single = [v for v in report["verdicts"] if v["verdict"] == "single-source"]
    quotes = [v for v in single if v["kind"] == "quote"]
    assert any(v["subject"] == "Bret Taylor" for v in quotes)
    figures = {s["figure"]["value"] for v in single if v["kind"] == "figure" for s in v["statements"]}
    assert {300e9, 40e9} <= figures  # the valuation and the fundraising (Clubic only)
    texts = " ".join(s["text"] for v in single for s in v["statements"])
    assert "Sommet pour l'Action" in texts
    # a detail only Clubic adds to the corroborated account of the rejection
    details = [d["text"] for v in report["verdicts"] for d in v["details"]]
    assert any("consortium d'investisseurs" in d for d in details)


def test_xai_statements_are_side_by_side(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    _, report, _ = checked
    (xai,) = [v for v in report["verdicts"] if v["kind"] == "entity" and v["subject"] == "xai"]
    assert xai["verdict"] in {"differing", "conflicting"}
    outlets = {s["outlet"] for s in xai["statements"]}
    assert outlets == {"Clubic", None}
    texts = [s["text"] for s in xai["statements"]]
    assert any("fondateur de Tesla et de xAI" in t for t in texts)  # Clubic: Musk already founded xAI
    assert any("baptisée xAI" in t for t in texts)  # the rewrite: xAI launched after the rejection


def test_no_false_conflict_between_the_seeds(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    _, report, _ = checked
    assert report["counts"]["conflicting"] == 0


def test_html_page_is_standalone_and_escaped(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    _, _, page = checked
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<script" not in html
    assert "corroborated" in html
    assert "d&#x27;investisseurs" in html  # article text is escaped, never inserted raw


def test_the_stored_cross_check_is_reused_until_refresh(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    runner, report, _ = checked
    again = json.loads(runner.invoke(cli, ["crosscheck", report["story_id"], "--json"]).stdout)
    assert again["computed_at"] == report["computed_at"]
    assert again["counts"] == report["counts"]
    fresh = json.loads(runner.invoke(cli, ["crosscheck", report["story_id"], "--json", "--refresh"]).stdout)
    assert fresh["computed_at"] != report["computed_at"]
    assert fresh["counts"] == report["counts"]


def test_crosscheck_all_computes_only_what_is_out_of_date(checked: tuple[CliRunner, dict[str, Any], Path]) -> None:
    runner, report, _ = checked
    current = runner.invoke(cli, ["crosscheck", "all", "--json"], catch_exceptions=False)
    assert current.exit_code == 0, current.output
    assert json.loads(current.stdout)["computed"] == 0  # the seeds' story was cross-checked by the fixture
    assert json.loads(current.stdout)["stories"] == 1
    again = json.loads(runner.invoke(cli, ["crosscheck", "all", "--refresh", "--json"]).stdout)
    assert again["computed"] == 1
    assert again["verdicts"]["corroborated"] == sum(v["verdict"] == "corroborated" for v in report["verdicts"])
