"""The ``recoupe`` command on the real seed articles: ingest, search, show, articles, check, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no recoupe.toml from the repo leaks in
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "cli.db"))
    return CliRunner()


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_seed_acceptance(run: CliRunner, seeds_dir: Path) -> None:
    first = _json(run, "ingest", str(seeds_dir))
    assert isinstance(first, dict)
    stories = first.pop("stories")
    assert first == {"new": 2, "updated": 0, "unchanged": 0, "enriched": 2, "failed": 0, "failures": []}
    assert (stories["embedded"], stories["assigned"], stories["stories_updated"]) == (2, 2, 1)  # one story

    hits = _json(run, "search", "Bret Taylor")
    assert isinstance(hits, list)
    assert [hit["title"] for hit in hits] == ["Elon Musk : Son Offre de 97,4 Milliards pour OpenAI Rejetée"]

    accent_free = _json(run, "search", "benefique")
    assert isinstance(accent_free, list)
    assert [hit["outlet"] for hit in accent_free] == ["Clubic"]
    assert "bénéfique" in accent_free[0]["snippet"]

    again = _json(run, "ingest", str(seeds_dir))
    assert isinstance(again, dict)
    stories = again.pop("stories")
    assert again == {"new": 0, "updated": 0, "unchanged": 2, "enriched": 0, "failed": 0, "failures": []}
    assert (stories["embedded"], stories["assigned"]) == (0, 0)  # nothing embedded twice
    listed = _json(run, "articles")
    assert isinstance(listed, list)
    assert len(listed) == 2


def test_show_by_prefix_and_outlet_filter(run: CliRunner, seeds_dir: Path) -> None:
    _json(run, "ingest", str(seeds_dir))
    clubic = _json(run, "articles", "--outlet", "clubic")
    assert isinstance(clubic, list)
    assert len(clubic) == 1
    shown = _json(run, "show", clubic[0]["id"][:8])
    assert isinstance(shown, dict)
    assert shown["tags"] == ["Intelligence Artificielle", "Openai", "Elon Musk", "Rachat", "Sam Altman"]
    assert shown["published"]["precision"] == "month"
    text = run.invoke(cli, ["show", clubic[0]["id"]])
    assert text.exit_code == 0
    assert "Clubic" in text.stdout
    assert "derived from the first sentence" in text.stdout


def test_missing_article_is_a_clear_error(run: CliRunner) -> None:
    result = run.invoke(cli, ["show", "0123456789abcdef"])
    assert result.exit_code == 66
    assert "Error:" in result.stderr
    assert "Traceback" not in result.output


def test_bad_inputs_reported_and_run_goes_on(run: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "rows.jsonl").write_text('{"title": "x"\n', encoding="utf-8")
    result = run.invoke(cli, ["ingest", str(bad), str(seeds_dir)])
    assert result.exit_code == 0  # something was read, and --strict was not given
    assert "empty.txt: empty file" in result.stderr
    assert "rows.jsonl:1: not JSON" in result.stderr
    strict = run.invoke(cli, ["ingest", "--strict", str(bad), str(seeds_dir)])
    assert strict.exit_code != 0
    nothing = run.invoke(cli, ["ingest", str(bad)])
    assert nothing.exit_code == 65  # nothing could be read at all
    assert len(_json(run, "articles")) == 2  # type: ignore[arg-type]


def test_stdin_jsonl_and_mapping(run: CliRunner) -> None:
    row = {
        "headline_fr": "La Seine en crue à Paris",
        "texte": "Le niveau de la Seine a dépassé cinq mètres mercredi à Paris, selon Vigicrues. Pic prévu jeudi.",
        "source": "France Info",
    }
    result = run.invoke(
        cli,
        ["ingest", "-", "--map", "title=headline_fr", "--map", "body=texte", "--json"],
        input=json.dumps(row, ensure_ascii=False) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 1
    hits = _json(run, "search", "crue")
    assert [hit["title"] for hit in hits] == ["La Seine en crue à Paris"]  # type: ignore[index, union-attr]


def test_bad_map_and_bad_date_flags(run: CliRunner) -> None:
    result = run.invoke(cli, ["ingest", "-", "--map", "nonsense=col"], input="")
    assert result.exit_code == 78
    assert "--map takes FIELD=COLUMN" in result.stderr
    result = run.invoke(cli, ["articles", "--since", "yesterday"])
    assert result.exit_code == 64
    assert "YYYY-MM-DD" in result.stderr


def test_nasty_queries_never_crash(run: CliRunner, seeds_dir: Path) -> None:
    _json(run, "ingest", str(seeds_dir))
    for query in ["covid-19", "l'été", '"crise', "AND", "Macron:", "NEAR(", "*", "OR OR", "😀", "-"]:
        result = run.invoke(cli, ["search", query])
        assert result.exit_code == 0, (query, result.output)


def test_check_reports_ok(run: CliRunner, seeds_dir: Path) -> None:
    _json(run, "ingest", str(seeds_dir))
    assert _json(run, "check") == {"ok": True, "problems": []}
