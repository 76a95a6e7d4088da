"""SQLite specifics: engine set-up (WAL, pragmas, explicit transactions) and the FTS5 index.

Transactions. Python's ``sqlite3`` module opens transactions implicitly and lazily; SQLAlchemy's
recommended recipe turns that off (``isolation_level = None``) and emits ``BEGIN`` itself. Writes use
``BEGIN IMMEDIATE`` (execution option ``sqlite_begin="IMMEDIATE"``) so two writers queue on the
busy timeout instead of failing with a read-to-write lock upgrade deadlock; reads use a plain ``BEGIN``.

Full-text index. ``articles_fts`` is an FTS5 table that keeps its own copy of title, lead and body
(the snippets are read from it) plus the article id, tokenized with ``unicode61 remove_diacritics 2``
so "benefique" finds "bénéfique". Its rowid is the article id read as a signed 64-bit integer: an
exact, stable mapping, whereas the implicit rowid of ``articles`` (a table with a text key) may be
renumbered by ``VACUUM``. The store's write path keeps it in sync, not triggers: the rowid mapping
would need a Python function inside the trigger, and a database whose triggers call an application
function cannot be written from the ``sqlite3`` shell or any other tool.
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, text
from sqlalchemy.exc import OperationalError

from recoupe.errors import StoreError
from recoupe.store.fts_text import BM25_WEIGHTS, FTS_MARK_END, FTS_MARK_START, ranked, search_sql

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy import RowMapping
    from sqlalchemy.engine import URL

    from recoupe.store.query import Term

__all__ = [
    "BM25_WEIGHTS",
    "BUSY_TIMEOUT_MS",
    "FTS_MARK_END",
    "FTS_MARK_START",
    "create_fts",
    "create_sqlite_engine",
    "database_problems",
    "fts_delete",
    "fts_insert",
    "fts_integrity_problems",
    "fts_rowid",
    "require_fts5",
    "search",
    "search_sql",
]

BUSY_TIMEOUT_MS = 10_000
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
# virtual-machine steps between two looks at a search's clock (a few hundred microseconds)
PROGRESS_STEPS = 1_000
FTS5_PROBE = "CREATE VIRTUAL TABLE temp.recoupe_fts5_probe USING fts5(x)"


def _wal(cursor: sqlite3.Cursor) -> None:
    """``PRAGMA journal_mode = WAL``, asked again while another connection holds the new file's lock:
    switching the journal mode answers "database is locked" at once, without the busy handler, when two
    processes open a new database together. Bounded by the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
        else:
            return


def create_sqlite_engine(url: URL) -> Engine:
    """An engine for an SQLite URL with WAL, ``synchronous=NORMAL``, foreign keys and a busy timeout."""
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see the module docstring
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode not in {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}:
            raise ValueError(f"unknown sqlite_begin mode {mode!r}")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def require_fts5(conn: Connection) -> None:
    """Raise ``StoreError`` when this SQLite build has no FTS5 (the full-text index needs it)."""
    try:
        conn.exec_driver_sql(FTS5_PROBE)
    except OperationalError as exc:
        raise StoreError(
            "this SQLite build has no FTS5 full-text search (needed by recoupe); "
            f"use a Python whose sqlite3 is compiled with FTS5 ({exc.orig})"
        ) from exc
    conn.exec_driver_sql("DROP TABLE temp.recoupe_fts5_probe")


def create_fts(conn: Connection) -> None:
    """Create ``articles_fts`` and fill it from the stored articles (a migration step)."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        f"title, lead, body, article_id UNINDEXED, tokenize = '{FTS_TOKENIZE}')"
    )
    rows = conn.execute(text("SELECT id, title, lead, body FROM articles")).all()
    for row in rows:
        fts_insert(conn, row.id, row.title, row.lead, row.body)


def fts_rowid(article_id: str) -> int:
    """The FTS rowid of an article: its 16-hex id as a signed 64-bit integer (a bijection)."""
    value = int(article_id, 16)
    return value - (1 << 64) if value >= (1 << 63) else value


def _clean(value: str) -> str:
    return value.replace(FTS_MARK_START, "").replace(FTS_MARK_END, "")


def fts_insert(conn: Connection, article_id: str, title: str, lead: str, body: str) -> None:
    """Index one article."""
    conn.execute(
        text(
            "INSERT INTO articles_fts (rowid, title, lead, body, article_id) "
            "VALUES (:rowid, :title, :lead, :body, :article_id)"
        ),
        {
            "rowid": fts_rowid(article_id),
            "title": _clean(title),
            "lead": _clean(lead),
            "body": _clean(body),
            "article_id": article_id,
        },
    )


def fts_delete(conn: Connection, article_id: str) -> None:
    """Remove one article from the index."""
    conn.execute(text("DELETE FROM articles_fts WHERE rowid = :rowid"), {"rowid": fts_rowid(article_id)})


def search(
    conn: Connection,
    terms: list[Term],
    *,
    limit: int,
    filters: dict[str, str],
    budget_s: float | None,
) -> list[tuple[RowMapping, float]]:
    """``(article row, score)`` of the best ``limit`` matches, best first (``fts_text.ranked``).

    ``filters`` binds any of ``outlet``, ``language``, ``since`` and ``until``. A search still running after
    ``budget_s`` seconds is interrupted (``sqlite3``'s progress handler) and raises ``StoreError``.
    """
    raw = conn.connection.driver_connection
    if raw is None:
        raise StoreError("the database connection is closed")
    if budget_s is not None:
        deadline = time.monotonic() + budget_s
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
    try:
        best = ranked(raw, terms, limit=limit, filters=filters)
        rows = conn.execute(
            text("SELECT * FROM articles WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": [article_id for article_id, _ in best]},
        ).mappings()
        by_id = {row["id"]: row for row in rows}
    except (OperationalError, sqlite3.OperationalError) as exc:
        if budget_s is not None and "interrupted" in str(exc):
            raise StoreError(
                f"the search took more than {budget_s:g} s and was stopped: "
                "add words, or choose an outlet, a language or dates"
            ) from exc
        raise
    finally:
        if budget_s is not None:
            raw.set_progress_handler(None, 0)
    return [(by_id[article_id], score) for article_id, score in best if article_id in by_id]


def database_problems(conn: Connection) -> list[str]:
    """SQLite's ``integrity_check`` and ``foreign_key_check`` ([] when both are clean)."""
    problems: list[str] = []
    status = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    if status != ["ok"]:
        problems.extend(f"sqlite integrity_check: {line}" for line in status)
    problems.extend(
        f"foreign key violation in {row[0]} (rowid {row[1]}) -> {row[2]}"
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    )
    return problems


def fts_integrity_problems(conn: Connection, article_ids: Iterable[str]) -> list[str]:
    """What is wrong between ``articles_fts`` and the given current article ids ([] when in sync)."""
    from sqlalchemy.exc import DatabaseError

    problems: list[str] = []
    try:
        conn.exec_driver_sql("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    except DatabaseError as exc:
        problems.append(f"full-text index is damaged: {exc.orig}")
    wanted = {fts_rowid(aid): aid for aid in article_ids}
    rows = conn.execute(text("SELECT rowid, article_id FROM articles_fts")).all()
    indexed: dict[int, str] = {int(rowid): str(aid) for rowid, aid in rows}
    if len(indexed) != len(wanted):
        problems.append(f"{len(wanted)} articles but {len(indexed)} rows in the full-text index")
    missing = sorted(aid for rowid, aid in wanted.items() if indexed.get(rowid) != aid)
    extra = sorted(aid for rowid, aid in indexed.items() if rowid not in wanted)
    if missing:
        problems.append(f"{len(missing)} articles missing from the full-text index, e.g. {missing[0]}")
    if extra:
        problems.append(f"{len(extra)} full-text rows without an article, e.g. {extra[0]}")
    return problems
