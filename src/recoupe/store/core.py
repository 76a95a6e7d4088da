"""``StoreCore``: the engine, transactions and id resolution every part of ``SqlStore`` builds on.

Transactions. Every public method runs in one transaction of its own. Writes are serialised on both
engines: SQLite's ``BEGIN IMMEDIATE`` takes the database's write lock; on PostgreSQL a write transaction
first takes a transaction-level advisory lock (``postgres.lock_writes``). So the ingest rules
(``recoupe.store.ingest``), which read before they write, hold with several writers at once: no
article is lost or stored twice when two ingests run together. Reads never wait for writers.
"""

from __future__ import annotations

import fcntl
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine, and_, select
from sqlalchemy.exc import SQLAlchemyError

from recoupe.errors import NotFoundError, QueryError, StoreError
from recoupe.store.schema import articles
from recoupe.store.story_tx import SqlStoryTx

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import TracebackType

__all__ = ["MIN_PREFIX", "StoreCore", "check_page", "wrap_errors"]

MIN_PREFIX = 6
_HEX = frozenset("0123456789abcdef")


def check_page(limit: int, offset: int = 0) -> None:
    if limit < 0 or offset < 0:
        raise QueryError(f"limit and offset must not be negative (limit={limit}, offset={offset})")


@contextmanager
def wrap_errors(where: str) -> Iterator[None]:
    """Turn database-driver errors into ``StoreError`` naming the database."""
    try:
        yield
    except (SQLAlchemyError, sqlite3.Error) as exc:
        detail = getattr(exc, "orig", None) or exc
        raise StoreError(f"database error: {detail}", where=where) from exc


class StoreCore:
    """An open database: its engine, where it is (for messages), and transactions."""

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self.where = where
        self._closed = False
        self._local_lock = threading.Lock()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections. Using the store afterwards raises ``StoreError``."""
        self._closed = True
        self._engine.dispose()

    @contextmanager
    def _connect(self, *, write: bool) -> Iterator[Connection]:
        """A connection in a transaction (serialised with other writers for writes), errors wrapped."""
        if self._closed:
            raise StoreError("the store is closed", where=self.where)
        with wrap_errors(self.where), self._engine.connect() as conn:
            if write:
                conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if write and conn.dialect.name == "postgresql":
                    from recoupe.store.postgres import lock_writes

                    lock_writes(conn)
                yield conn

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[Connection]:
        """A raw connection in one transaction: for the store's own tests and benchmarks only.

        Not part of the ``Store`` protocol: stages use ``story_tx`` and the query methods.
        """
        with self._connect(write=write) as conn:
            yield conn

    @contextmanager
    def assigning(self) -> Iterator[None]:
        """Held while one story assignment runs, so that assignments by several processes take turns.

        PostgreSQL: a session advisory lock for the schema, on a connection of its own. SQLite: an
        exclusive lock on the file ``<database>.assign-lock`` beside the database (a lock of this store
        object for an in-memory database).
        """
        if self._closed:
            raise StoreError("the store is closed", where=self.where)
        if self.dialect == "postgresql":
            from recoupe.store.postgres import lock_assignment, unlock_assignment

            with wrap_errors(self.where), self._engine.connect() as conn:
                auto = conn.execution_options(isolation_level="AUTOCOMMIT")
                lock_assignment(auto)
                try:
                    yield
                finally:
                    unlock_assignment(auto)
            return
        database = self._engine.url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            with self._local_lock:
                yield
            return
        with Path(f"{database}.assign-lock").open("a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def story_tx(self, *, write: bool) -> Iterator[SqlStoryTx]:
        """The story tables in one transaction (``StoryTx``): what story assignment reads and writes."""
        with self._connect(write=write) as conn:
            yield SqlStoryTx(conn)

    def _resolve(self, conn: Connection, article_id: str) -> str:
        wanted = article_id.strip().lower()
        if len(wanted) >= MIN_PREFIX and set(wanted) <= _HEX:
            found = (
                conn.execute(
                    select(articles.c.id)
                    .where(and_(articles.c.id >= wanted, articles.c.id < wanted + "g"))
                    .order_by(articles.c.id)
                    .limit(2)
                )
                .scalars()
                .all()
            )
            if len(found) == 1:
                return str(found[0])
            if len(found) > 1:  # a full 16-hex id matches itself only, so this is a short prefix
                raise QueryError(
                    f"id prefix {article_id!r} is ambiguous ({found[0]}, {found[1]}, ...): give more of it"
                )
        raise NotFoundError(f"no article with id {article_id!r}", where=self.where)
