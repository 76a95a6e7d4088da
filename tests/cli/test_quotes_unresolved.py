"""``recoupe quotes --unresolved`` lists the quotes whose speaker names nobody the article names; every
quote shows its speaker's kind and flag (issue 12). The article is an OrangeSum test document of the
tune half of tests/fixtures/quotes_fr_test (CC BY-SA 4.0): two unnamed magistrates and the Conseil d'État."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

TUNE = Path(__file__).resolve().parents[1] / "fixtures" / "quotes_fr_test" / "tune.jsonl"


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> CliRunner:
    folder = tmp_path_factory.mktemp("unresolved")
    article = next(
        json.loads(x)["article"] for x in TUNE.read_text(encoding="utf-8").splitlines() if '"line": 676' in x
    )
    (folder / "magistrats.txt").write_text("Mutation au tribunal administratif\n\n" + article + "\n", encoding="utf-8")
    runner = CliRunner(env={"RECOUPE_DB": str(folder / "q.db")})
    result = runner.invoke(cli, ["ingest", str(folder / "magistrats.txt"), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return runner


def _quotes(runner: CliRunner, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(cli, ["quotes", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert isinstance(listed, list)
    return listed


def test_unresolved_lists_only_descriptions(runner: CliRunner) -> None:
    every = _quotes(runner)
    unresolved = _quotes(runner, "--unresolved")
    assert unresolved
    assert all(q["unresolved"] is True for q in unresolved)
    assert len(unresolved) < len(every)
    speakers = {str(q["speaker"]) for q in unresolved}
    assert any("magistrat" in s or "juge" in s for s in speakers)
    assert "Conseil d'Etat" not in speakers
    named = [q for q in every if q["speaker"] == "Conseil d'Etat"]
    assert named
    assert named[0]["unresolved"] is False
    assert named[0]["speaker_kind"] == "ORG"


def test_the_table_flags_unresolved_speakers(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["quotes", "--unresolved"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "(unresolved)" in result.output
