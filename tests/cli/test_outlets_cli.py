"""``recoupe outlets`` on the hand-counted archive of ``tests/store/test_store_profiles.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.store.test_store_profiles import _archive

from recoupe.cli.main import cli
from recoupe.store import open_store


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "outlets.db"))
    with open_store(str(tmp_path / "outlets.db")) as store:
        _archive(store)
    return CliRunner()


def _out(run: CliRunner, *args: str) -> str:
    result = run.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_outlets_table_profile_and_not_covering(run: CliRunner) -> None:
    every = json.loads(_out(run, "outlets", "--json"))
    assert [(p["name"], p["exclusive_stories"], p["checked_statements"]) for p in every] == [
        ("Clubic", 0, 2),
        ("Le Monde", 1, 3),
        ("Libération", 0, 0),
    ]
    table = _out(run, "outlets")
    assert "Le Monde" in table
    assert "33% (1)" in table
    profile = _out(run, "outlets", "le monde")
    assert "Le Monde: 2 articles · 2 stories (1 only it covers) · 0 wire copies (0%)" in profile
    assert "statements checked: 3 · corroborated 33% (1), single-source 33% (1), conflicting 33% (1)" in profile
    assert "s3 story s3 · 2 outlets · about Elon Musk" in profile
    assert "s2 story s2" in profile
    missing = json.loads(_out(run, "outlets", "--not-covering", "s2", "--json"))
    assert missing == {
        "story_id": "s2",
        "items": [
            {"outlet": "Clubic", "entities": ["Elon Musk"]},
            {"outlet": "Libération", "entities": ["Elon Musk"]},
        ],
    }
    assert "Le Monde (usually covers Elon Musk)" in _out(run, "outlets", "--not-covering", "s3")
    unknown = run.invoke(cli, ["outlets", "Le Figaro"])
    assert unknown.exit_code != 0
    assert "no articles from an outlet named 'Le Figaro'" in " ".join(unknown.output.split())  # wrapped or not
