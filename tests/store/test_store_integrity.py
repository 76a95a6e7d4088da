"""check_integrity finds planted problems; a killed ingest leaves a sound database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from recoupe.model import Article, IngestOutcome
from recoupe.store import SqlStore, Store, open_store
from recoupe.store.sqlite import fts_rowid

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, article, make_corpus


@pytest.fixture
def three(store: SqlStore) -> SqlStore:
    store.add(make_corpus(3))
    assert store.check_integrity() == []
    return store


def _raw(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_missing_full_text_row_is_found(three: SqlStore, db_path: Path) -> None:
    victim = three.articles()[0].id
    _raw(db_path, f"DELETE FROM articles_fts WHERE rowid = {fts_rowid(victim)}")
    problems = three.check_integrity()
    assert any("3 articles but 2 rows" in p for p in problems)
    assert any(victim in p and "missing" in p for p in problems)


@pytest.mark.sqlite_only
def test_stray_full_text_row_is_found(three: Store, db_path: Path) -> None:
    _raw(db_path, "INSERT INTO articles_fts (rowid, title, lead, body, article_id) VALUES (7, 't', '', 'b', 'x')")
    assert any("without an article" in p for p in three.check_integrity())


@pytest.mark.sqlite_only
def test_damaged_full_text_index_is_found(three: Store, db_path: Path) -> None:
    _raw(db_path, "DELETE FROM articles_fts_data WHERE id > 1")
    assert any("full-text index is damaged" in p for p in three.check_integrity())


def test_duplicate_content_hash_is_found(three: SqlStore) -> None:
    first, second = (a.id for a in three.articles(limit=2))
    with three.transaction(write=True) as conn:
        conn.exec_driver_sql(
            f"UPDATE articles SET content_hash = (SELECT content_hash FROM articles WHERE id = '{first}') "
            f"WHERE id = '{second}'"
        )
    assert any("share the content hash" in p for p in three.check_integrity())


def test_missing_full_text_row_is_found_on_either_engine(three: SqlStore) -> None:
    victim = three.articles()[0].id
    column = "article_id" if three.dialect == "postgresql" else "rowid"
    value = f"'{victim}'" if three.dialect == "postgresql" else str(fts_rowid(victim))
    with three.transaction(write=True) as conn:
        conn.exec_driver_sql(f"DELETE FROM articles_fts WHERE {column} = {value}")
    problems = three.check_integrity()
    assert any("3 articles but 2 rows" in p for p in problems)
    assert any(victim in p and "missing" in p for p in problems)


@pytest.mark.sqlite_only
def test_orphan_revision_is_found(three: Store, db_path: Path) -> None:
    _raw(
        db_path,
        "INSERT INTO article_revisions (article_id, revision, title, title_derived, lead, body, tags, authors, "
        "content_hash, provenance, stored_at, replaced_at) VALUES ('ffffffffffffffff', 1, 't', 0, '', 'b', "
        "'[]', '[]', 'h', '{}', '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
    )
    assert any("foreign key" in p for p in three.check_integrity())


def test_healthy_after_updates(store: Store) -> None:
    url = "https://www.clubic.com/openai.html"
    for n in range(3):
        store.add([article(CLUBIC_TITLE, f"{CLUBIC_BODY} Version {n}.", url=url)])
    assert store.check_integrity() == []


CHILD = """
import sys
sys.path.insert(0, sys.argv[2])
from store.corpus import make_corpus
from recoupe.store import open_store

corpus = make_corpus(int(sys.argv[3]))
size = int(sys.argv[4])
with open_store(sys.argv[1]) as store:
    for start in range(0, len(corpus), size):
        store.add(corpus[start : start + size])
        print("committed", start + size, flush=True)
print("done", flush=True)
"""


@pytest.mark.slow
def test_killed_ingest_leaves_a_sound_database(tmp_path: Path) -> None:
    db, total, size = tmp_path / "killed.db", 3000, 50
    script = tmp_path / "ingest_child.py"
    script.write_text(CHILD, encoding="utf-8")
    tests_dir = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(
        [sys.executable, str(script), str(db), str(tests_dir), str(total), str(size)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    seen = 0
    for line in child.stdout:
        if line.startswith("committed"):
            seen = int(line.split()[1])
            if seen >= 5 * size:
                break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    child.stdout.close()
    if child.stderr:
        child.stderr.close()

    corpus = make_corpus(total)
    with open_store(str(db)) as store:
        assert store.check_integrity() == []
        stored = store.count()
        assert seen <= stored < total  # killed before the end, nothing committed was lost
        assert stored % size == 0  # batches are atomic: no half batch
        outcomes = [outcome for start in range(0, total, 500) for _, outcome in store.add(corpus[start : start + 500])]
        assert outcomes.count(IngestOutcome.UNCHANGED) == stored
        assert outcomes.count(IngestOutcome.NEW) == total - stored
        assert store.count() == total
        assert store.check_integrity() == []
        assert len(store.search("Dépêche 2999")) == 1


def test_two_writers_on_one_database_queue_instead_of_failing(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    corpus = make_corpus(400)
    halves = (corpus[:200], corpus[200:])
    open_store(db_url).close()

    def ingest(part: list[Article]) -> int:
        with open_store(db_url) as own:  # separate engines, as two processes would have
            return sum(len(own.add(part[i : i + 20])) for i in range(0, len(part), 20))

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(ingest, halves)) == [200, 200]
    with open_store(db_url) as store:
        assert store.count() == 400
        assert store.check_integrity() == []


def test_two_ingests_of_overlapping_inputs_lose_nothing_and_store_nothing_twice(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    corpus = make_corpus(300)
    parts = (corpus[:200], corpus[100:])  # 100 articles in both, met in the same order by both writers
    open_store(db_url).close()

    def ingest(part: list[Article]) -> list[tuple[str, IngestOutcome]]:
        with open_store(db_url) as own:
            return [outcome for i in range(0, len(part), 10) for outcome in own.add(part[i : i + 10])]

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(ingest, parts)
    new = [i for i, outcome in first + second if outcome is IngestOutcome.NEW]
    assert len(new) == len(set(new)) == 300  # each article stored once, by one of the two
    with open_store(db_url) as store:
        assert store.count() == 300
        assert store.check_integrity() == []
