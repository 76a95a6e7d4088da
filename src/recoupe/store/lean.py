"""The lean read path: a full-text search on an SQLite file with ``sqlite3`` alone, no SQLAlchemy.

Importing SQLAlchemy costs more CPU than the rest of ``recoupe search`` together (about 0.25 of its
0.5 CPU-s), so the command asks this module first. It answers exactly as ``SqlStore.search`` does,
with the same ranking (``fts_text.ranked``), snippets (``snippet``) and rows (``rows``), and
only where it can: an SQLite file at the schema version it was written for (``SCHEMA_VERSION``, the
store's ``migrations.LATEST``: a test keeps them equal). For anything else (a file to migrate or
written by a newer recoupe, PostgreSQL, an SQLite without FTS5) it answers ``None`` and the caller
opens the store, which migrates, refuses or explains.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recoupe.errors import QueryError, StoreError
from recoupe.model import SearchHit
from recoupe.store.fts_text import SEARCH_BUDGET_S, ranked
from recoupe.store.query import search_terms
from recoupe.store.rows import article_from_row, outlet_key
from recoupe.store.snippet import marked_snippet, split_snippet

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SCHEMA_VERSION", "search"]

#: the schema version whose tables this module reads (``recoupe.store.migrations.LATEST``)
SCHEMA_VERSION = 12
BUSY_TIMEOUT_S = 10.0
# virtual-machine steps between two looks at the search's clock (as ``recoupe.store.sqlite``)
PROGRESS_STEPS = 1_000


def _connect(path: Path) -> sqlite3.Connection | None:
    """A connection to the existing file at ``path`` at ``SCHEMA_VERSION``; ``None`` when it is not."""
    try:
        # mode=rw: never creates the file (the caller checked it exists; a race must not leave an empty one)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return None
    conn.isolation_level = None
    conn.row_factory = sqlite3.Row
    try:
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    except sqlite3.Error:  # not a recoupe database, not a database, no FTS5: the store says what is wrong
        version = None
    if version != SCHEMA_VERSION:
        conn.close()
        return None
    return conn


def search(
    path: Path,
    query: str,
    *,
    limit: int = 20,
    outlet: str | None = None,
    language: str | None = None,
    since: date | None = None,
    until: date | None = None,
    budget_s: float | None = SEARCH_BUDGET_S,
) -> list[SearchHit] | None:
    """``SqlStore.search`` on the SQLite file at ``path``, or ``None`` when this path cannot answer."""
    if limit < 0:
        raise QueryError(f"limit and offset must not be negative (limit={limit}, offset=0)")
    terms = search_terms(query)
    conn = _connect(path)
    if conn is None:
        return None
    if not terms or limit == 0:
        conn.close()
        return []
    filters: dict[str, str] = {}
    if (key := outlet_key(outlet)) is not None:
        filters["outlet"] = key
    if language is not None:
        filters["language"] = language.strip().lower()
    if since is not None:
        filters["since"] = since.isoformat()
    if until is not None and until < date.max:
        filters["until"] = (until + timedelta(days=1)).isoformat()
    if budget_s is not None:
        deadline = time.monotonic() + budget_s
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
    try:
        best = ranked(conn, terms, limit=limit, filters=filters)
        marks = ", ".join(f":i{index}" for index in range(len(best)))
        ids = {f"i{index}": article_id for index, (article_id, _) in enumerate(best)}
        by_id = {row["id"]: row for row in conn.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids)}
    except sqlite3.OperationalError as exc:
        if budget_s is not None and "interrupted" in str(exc):
            raise StoreError(
                f"the search took more than {budget_s:g} s and was stopped: "
                "add words, or choose an outlet, a language or dates"
            ) from exc
        raise StoreError(f"search failed: {exc}", where=str(path)) from exc
    finally:
        conn.close()
    hits = []
    for article_id, score in ((a, score) for a, score in best if a in by_id):
        row = by_id[article_id]
        marked = marked_snippet((row["title"] or "", row["lead"] or "", row["body"] or ""), terms)
        snippet, spans = split_snippet(marked)
        hits.append(SearchHit(article_from_row(row, article_id=article_id), score, snippet, spans))
    return hits
