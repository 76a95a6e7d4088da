"""A ``recoupe ingest`` killed midway leaves a consistent store; running it again completes it exactly.

The run extracts, stores and assigns stories (``--no-enrich`` keeps it short); ``recoupe check`` verifies
the story tables too (every embedded article in a story, every story's counts right).
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from tests.procs import recoupe, recoupe_env, recoupe_run

ALLSIDES = Path(__file__).parents[2] / "demo" / "corpus" / "allsides" / "neus-allsides-dev.jsonl"
ARTICLES = 240  # of its 730: lines 222 and 224 are the AP URL with two texts (an update)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _stories(db: Path) -> tuple[int, int]:
    """(articles in a story, articles) in the database."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
        assigned = connection.execute("select count(*) from story_articles").fetchone()[0]
        return int(assigned), int(connection.execute("select count(*) from articles").fetchone()[0])


def _ingest(db: Path, *args: str) -> subprocess.Popen[str]:
    # stories on, with the fast embedder (the default one would make this test minutes longer)
    return recoupe("ingest", *args, env=recoupe_env(db, embedder="fast-use"))


@pytest.mark.slow
def test_kill_midway_then_resume(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    # the first articles of the demo corpus, enough that the kill after 30 comes long before the end
    lines = [line for line in ALLSIDES.read_text(encoding="utf-8").splitlines() if line.strip()][:ARTICLES]
    inputs = tmp_path / "allsides.jsonl"
    inputs.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    expected = len(lines)
    process = _ingest(db, str(inputs), "--batch-size", "10", "--no-enrich")
    deadline = time.monotonic() + 120
    while _count(db) < 30 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed; use a bigger input"
    process.send_signal(signal.SIGKILL)
    process.communicate()
    partial = _count(db)
    assert 0 < partial < expected

    check = recoupe_run("check", "--json", env=recoupe_env(db))
    assert json.loads(check.stdout) == {"ok": True, "problems": []}

    resumed = _ingest(db, str(inputs), "--json", "--no-enrich")
    out, _ = resumed.communicate(timeout=300)
    summary = json.loads(out)
    assert resumed.returncode == 0
    assert summary["unchanged"] >= partial
    # one AP URL carries two different texts in this slice: the second is an update, not a new article
    assert summary["new"] + summary["unchanged"] + summary["updated"] + summary["failed"] == expected
    assert _count(db) == summary["new"] + partial
    assigned, stored = _stories(db)
    assert assigned == stored  # every article is in a story, those stored before the kill included
    again = _ingest(db, str(inputs), "--json", "--no-enrich")
    out, _ = again.communicate(timeout=300)
    assert json.loads(out)["new"] == 0
