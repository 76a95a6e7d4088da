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


def test_naming_xai_is_not_a_verdict_and_no_attribution_line_is_a_statement(
    checked: tuple[CliRunner, dict[str, Any], Path],
) -> None:
    _, report, _ = checked
    # both outlets name xAI in sentences that say different things: co-mention is no verdict (issue 11)
    assert not [v for v in report["verdicts"] if v["kind"] == "entity"]
    texts = [s["text"] for v in report["verdicts"] for s in v["statements"]]
    assert not [t for t in texts if t.lstrip().startswith(("–", "—"))]  # "– Bret Taylor, président d'OpenAI"
    details = [d["text"] for v in report["verdicts"] for d in v["details"]]
    assert not {"part", "pour", "dollars", "achat"} & set(details)
    # what leads (all but single-source) fits one screen
    assert len([v for v in report["verdicts"] if v["verdict"] != "single-source"]) <= 20


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


# -- the table as a person reads it, on a cross-check built by hand ------------------------------------------


@pytest.fixture
def handmade(checked: tuple[CliRunner, dict[str, Any], Path], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """The seeds' database, whose story's cross-check is the hand-built one (every verdict, sources, times)."""
    from tests.web.conftest import handmade_check

    import recoupe.crosscheck.report as report_module

    runner, _, _ = checked
    monkeypatch.setattr(report_module, "load_or_compute", lambda *_args, **_kwargs: handmade_check())
    return runner


def _table(runner: CliRunner, story: str, *args: str, columns: int = 100) -> list[str]:
    result = runner.invoke(cli, ["crosscheck", story, *args], env={"COLUMNS": str(columns)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("columns", [60, 80, 100, 160])
def test_the_table_fits_the_terminal_and_cuts_with_an_ellipsis(
    handmade: CliRunner, checked: tuple[CliRunner, dict[str, Any], Path], columns: int
) -> None:
    from tests.web.conftest import LONG_CLAIM

    story = checked[1]["story_id"]
    lines = _table(handmade, story, "--all", columns=columns)
    assert max(len(line) for line in lines) <= columns
    assert any("…" in line for line in lines)
    assert LONG_CLAIM not in " ".join(" ".join(line.strip("│ ").split()) for line in lines)  # cut in the table
    full = json.loads(handmade.invoke(cli, ["crosscheck", story, "--json"]).stdout)
    assert any(s["text"] == LONG_CLAIM for v in full["verdicts"] for s in v["statements"])  # whole in --json


def _rows(lines: list[str]) -> list[list[str]]:
    """The table's rows, each as its cells' text (a cell's wrapped lines joined by spaces)."""
    rows: list[list[list[str]]] = [[]]
    for line in lines:
        if line.startswith(("├", "└")):
            rows.append([])
        elif line.startswith("│"):
            rows[-1].append([cell.strip() for cell in line.strip("│").split("│")])
    return [[" ".join(" ".join(part).split()) for part in zip(*row, strict=True)] for row in rows if row]


def test_the_new_verdicts_with_their_sources_and_times(
    handmade: CliRunner, checked: tuple[CliRunner, dict[str, Any], Path]
) -> None:
    rows = _rows(_table(handmade, checked[1]["story_id"], columns=160))
    text = "\n".join(" | ".join(row) for row in rows)
    for label in ("✗ Conflicting", "↻ Updated", "⇄ Differs by source", "✓ Corroborated", "≠ Differing"):
        assert label in text
    # the attributed source in the cell, and "X says a, Y says b"
    assert "[selon la préfecture]" in text
    assert "[selon les organisateurs]" in text
    assert "la préfecture (Le Monde) says 8 000 manifestants" in text
    # the update's values from the earliest to the latest, with their times
    earliest, latest = text.index("→ 3 morts (provisional · 2025-03-01 09:00)"), text.index("→ 5 morts (21:00")
    assert earliest < latest
    assert "update: 3 morts vs 5 morts" in text
    assert "conflict: 120 millions d'euros vs 210 millions d'euros" in text
    # leading rows come in the verdicts' order
    order = [text.index(label) for label in ("Conflicting", "Updated", "Differs by source", "Corroborated")]
    assert order == sorted(order)


def test_single_source_rows_are_one_line_per_outlet_until_all(
    handmade: CliRunner, checked: tuple[CliRunner, dict[str, Any], Path]
) -> None:
    story = checked[1]["story_id"]
    collapsed = "\n".join(_table(handmade, story, columns=160))
    assert "Le Monde: 3 statements only this outlet carries (--all to show)" in collapsed
    assert "Libération: 2 statements only this outlet carries (--all to show)" in collapsed
    assert "Ouest-France: 1 statement only this outlet carries (--all to show)" in collapsed
    assert "Single source" not in collapsed.split("\n", 2)[2]  # no single-source row (the counts line aside)
    assert "Gustin" not in collapsed
    lines = _table(handmade, story, "--all", columns=160)
    assert "only this outlet carries" not in "\n".join(lines)
    shown = "\n".join(" | ".join(row) for row in _rows(lines))
    # within an outlet, the most central first: Le Monde's rows scored 0.9, 0.5, 0.2
    assert shown.index("Le maire de Rennes") < shown.index("Philippe Gustin") < shown.index("Cour des comptes")
    assert shown.index("Clément Beaune") < shown.index("grève des cheminots")  # Libération: 0.7, 0.4
    # asking for single-source rows shows them too
    only = _rows(_table(handmade, story, "--verdict", "single-source", columns=160))
    assert [row[0].split(" claim")[0] for row in only] == ["① Single source"] * 6


def test_the_html_page_gives_outlets_the_width_and_folds_single_source_rows(
    handmade: CliRunner, checked: tuple[CliRunner, dict[str, Any], Path], tmp_path: Path
) -> None:
    from lxml import html as lxml_html

    page = tmp_path / "handmade.html"
    result = handmade.invoke(cli, ["crosscheck", checked[1]["story_id"], "--html", str(page)])
    assert result.exit_code == 0, result.output
    source = page.read_text(encoding="utf-8")
    doc = lxml_html.fromstring(source)
    assert doc.xpath("//script") == []
    assert "col.vcol{width:12rem}" in source  # a narrow verdict column; the outlets share the rest
    (matrix,) = doc.xpath("/html/body/table")
    assert matrix.xpath("./colgroup/col/@class") == ["vcol"]
    assert matrix.xpath(".//thead/tr/th/text()") == ["verdict", "Le Monde", "Libération", "Ouest-France"]
    rows = matrix.xpath("./tbody/tr")
    assert [row.get("class") for row in rows] == [
        "conflicting",
        "updated",
        "differs-by-source",
        "corroborated",
        "differing",
    ]
    words = [" ".join(row.text_content().split()) for row in rows]
    assert words[1].startswith("↻ Updated")
    steps = [" ".join(li.text_content().split()) for li in rows[1].xpath(".//ol[@class='steps']/li")]
    assert steps == ["3 morts provisional · 2025-03-01 09:00 Le Monde", "5 morts 21:00 · 2025-03-01 21:00 Libération"]
    assert words[2].startswith("⇄ Differs by source")
    assert "la préfecture (Le Monde) says 8 000 manifestants" in words[2]
    assert "[selon la préfecture]" in words[2]
    assert "[selon les organisateurs]" in words[2]
    folds = doc.xpath("//details[@class='single-source']")
    assert [" ".join(d.xpath("./summary")[0].text_content().split()) for d in folds] == [
        "Le Monde: 3 statements only this outlet carries",
        "Libération: 2 statements only this outlet carries",
        "Ouest-France: 1 statement only this outlet carries",
    ]
    assert all(d.get("open") is None for d in folds)
    le_monde = " ".join(folds[0].text_content().split())
    assert le_monde.index("Le maire de Rennes") < le_monde.index("Philippe Gustin") < le_monde.index("Cour des")
