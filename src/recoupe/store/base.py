"""``SqlStore`` (the ``Store`` of both engines) and ``open_store``, which picks the engine from the URL.

``SqlStore`` is assembled from one part per concern: ``core`` (engine, transactions, id prefixes),
``api_articles`` (articles, search, fetch state), ``api_enrichment`` and ``api_stories`` (stories and
cross-checks); the SQL itself lives in the modules those call (``ingest``, ``enrichment``, ``stories``,
``crosschecks``, ``fulltext``). Engine specifics are in ``sqlite`` and ``postgres``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from recoupe.errors import StoreError
from recoupe.store import fulltext
from recoupe.store import stories as story_table
from recoupe.store.api_articles import ArticlesMixin
from recoupe.store.api_enrichment import EnrichmentMixin
from recoupe.store.api_stories import StoriesMixin
from recoupe.store.core import wrap_errors
from recoupe.store.edits import EditsMixin
from recoupe.store.migrations import LATEST, current_version, migrate
from recoupe.store.profiles import ProfilesMixin
from recoupe.store.schema import articles
from recoupe.store.sqlite import create_sqlite_engine, require_fts5
from recoupe.store.watch import WatchMixin

__all__ = ["SqlStore", "open_store"]

BACKENDS = ("sqlite", "postgresql")


class SqlStore(ArticlesMixin, EnrichmentMixin, StoriesMixin, WatchMixin, ProfilesMixin, EditsMixin):
    """An open recoupe database, SQLite or PostgreSQL. Use ``open_store`` to get one; close it when done."""

    def check_integrity(self) -> list[str]:
        """Problems found in the database; [] when healthy.

        Checks the engine's own checks (SQLite's ``integrity_check`` and foreign keys), the schema
        version, the full-text index (one entry per article and no other; FTS5's ``integrity-check``),
        the stories (every embedded article in a story, every member's story stored, each story's
        article count right), and that no two current articles share a content hash or a canonical URL.
        """
        problems: list[str] = []
        with self._connect(write=True) as conn:
            problems.extend(fulltext.database_problems(conn))
            version = current_version(conn)
            if version != LATEST:
                problems.append(f"schema version is {version}, expected {LATEST}")
            ids = conn.execute(select(articles.c.id)).scalars().all()
            problems.extend(fulltext.integrity_problems(conn, ids))
            problems.extend(story_table.integrity_problems(conn))
            unique = ((articles.c.content_hash, "content hash"), (articles.c.canonical_url, "URL"))
            for column, label in unique:
                dupes = conn.execute(
                    select(column, func.count()).where(column.is_not(None)).group_by(column).having(func.count() > 1)
                ).all()
                problems.extend(f"{n} current articles share the {label} {value}" for value, n in dupes)
        return problems


def _resolve_db(db: str) -> tuple[URL, str]:
    """The SQLAlchemy URL for a path or URL, and how to name it in messages; parent dirs created."""
    if "://" in db:
        try:
            url = make_url(db)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {exc}", where=db) from exc
        path = url.database if url.get_backend_name() == "sqlite" else None
        where = url.render_as_string(hide_password=True)
    else:
        path = str(Path(db).expanduser())
        url = URL.create("sqlite", database=path)
        where = path
    if path and path != ":memory:" and not path.startswith("file:"):
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the database directory: {exc.strerror}", where=where) from exc
    return url, where


def open_store(db: str) -> SqlStore:
    """Open (creating and upgrading as needed) the database at ``db``: a file path, an SQLite URL, or a
    PostgreSQL URL (``postgresql://user@host/dbname``; ``?options=-csearch_path%3Dname`` picks a schema).

    Raises ``StoreError`` naming the database when it cannot be created or opened, is not a database,
    or was written by a newer recoupe.
    """
    url, where = _resolve_db(db)
    backend = url.get_backend_name()
    if backend not in BACKENDS:
        raise StoreError(f"{backend} databases are not supported; use SQLite or PostgreSQL", where=where)
    if backend == "postgresql":
        from recoupe.store.postgres import create_postgres_engine

        engine = create_postgres_engine(url, where)
    else:
        engine = create_sqlite_engine(url)
    try:
        with wrap_errors(where):
            if backend == "sqlite":
                with engine.connect() as conn, conn.begin():
                    require_fts5(conn)
            migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return SqlStore(engine, where)
