"""Versioned schema migrations.

``MIGRATIONS`` is the ordered list of steps; step *n* brings a database from version *n - 1* to *n*.
Each step is a function ``(connection, dialect_name)`` and runs in its own write transaction together
with the row it adds to ``schema_version``, so an interrupted upgrade leaves the database at the last
complete version and the next open carries on.

Opening a database runs every step above its recorded version. A database whose version is above
``LATEST`` was written by a newer recoupe: it is refused with a ``StoreError`` instead of being
misread.

Adding a step: append a function; never edit a released one. Step 1 creates the tables from
``schema.py``; when a later step alters a table, step 1 must first be frozen to a copy of the tables
as they were at version 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, inspect, select, text

from recoupe.errors import StoreError
from recoupe.store import fulltext, schema

__all__ = ["LATEST", "MIGRATIONS", "Migration", "current_version", "migrate"]

Step = Callable[[Connection, str], None]


class Migration:
    """One numbered step with a description for ``schema_version``."""

    __slots__ = ("description", "step", "version")

    def __init__(self, version: int, description: str, step: Step) -> None:
        self.version = version
        self.description = description
        self.step = step


def _create_tables(conn: Connection, _dialect: str) -> None:
    schema.metadata.create_all(conn, tables=[schema.articles, schema.article_revisions])


def _create_full_text(conn: Connection, _dialect: str) -> None:
    fulltext.create(conn)


def _create_enrichment_tables(conn: Connection, _dialect: str) -> None:
    schema.metadata.create_all(conn, tables=list(schema.ENRICHMENT_TABLES))


def _create_story_tables(conn: Connection, _dialect: str) -> None:
    schema.metadata.create_all(conn, tables=list(schema.STORY_TABLES))


def _create_crosscheck_tables(conn: Connection, _dialect: str) -> None:
    schema.metadata.create_all(conn, tables=list(schema.CROSSCHECK_TABLES))


def _create_fetch_tables(conn: Connection, _dialect: str) -> None:
    schema.metadata.create_all(conn, tables=list(schema.FETCH_TABLES))


def _quote_referents(conn: Connection, dialect: str) -> None:
    """Quotes say what kind of speaker speaks and whether it is an unresolved description. Idempotent:
    a database created at this version already has the columns (step 3 builds tables from ``schema``)."""
    have = {c["name"] for c in inspect(conn).get_columns("quotes")}
    if "speaker_kind" not in have:
        conn.execute(text("ALTER TABLE quotes ADD COLUMN speaker_kind VARCHAR(8)"))
    if "unresolved" not in have:
        false = "FALSE" if dialect == "postgresql" else "0"
        conn.execute(text(f"ALTER TABLE quotes ADD COLUMN unresolved BOOLEAN NOT NULL DEFAULT {false}"))


def _create_edit_tables(conn: Connection, dialect: str) -> None:
    from recoupe.store import edits  # the corrections' table lives with its queries

    edits.create_tables(conn, dialect)


def _create_watch_tables(conn: Connection, dialect: str) -> None:
    from recoupe.store import watch  # the watchlist tables live with their queries

    watch.create_tables(conn, dialect)


def _add_watch_checked_at(conn: Connection, dialect: str) -> None:
    from recoupe.store import watch

    watch.add_checked_at(conn, dialect)


def _fts_index_per_config(conn: Connection, dialect: str) -> None:
    """PostgreSQL: one GIN index per text search configuration instead of one over all rows (SQLite: nothing)."""
    if dialect == "postgresql":
        from recoupe.store import postgres

        postgres.fts_indexes(conn)


def _fts_word_pairs(conn: Connection, dialect: str) -> None:
    """PostgreSQL: ``articles_fts.pairs``, adjacent lexemes for phrase searches (SQLite: nothing)."""
    if dialect == "postgresql":
        from recoupe.store import postgres

        postgres.pairs_column(conn)


MIGRATIONS: list[Migration] = [
    Migration(1, "articles and article_revisions tables", _create_tables),
    Migration(2, "full-text index articles_fts", _create_full_text),
    Migration(3, "enrichment: entities, mentions, quotes, figures, keywords", _create_enrichment_tables),
    Migration(4, "stories: embeddings, wire copies, stories, members, edges, redirects", _create_story_tables),
    Migration(5, "cross-check: sentence vectors, stored cross-checks", _create_crosscheck_tables),
    Migration(6, "fetching: fetch_state (validators for conditional GETs)", _create_fetch_tables),
    Migration(7, "quotes: speaker_kind and unresolved (speakers as resolved referents)", _quote_referents),
    Migration(8, "watchlists: watchlists, watch_seen, alerts (the alert outbox)", _create_watch_tables),
    Migration(
        9, "corrections: deleted_articles (what recoupe delete removed, with its revisions)", _create_edit_tables
    ),
    Migration(10, "watchlists: checked_at (a check looks at what changed since the last)", _add_watch_checked_at),
    Migration(11, "full-text: one GIN index per text search configuration (PostgreSQL)", _fts_index_per_config),
    Migration(12, "full-text: pairs of adjacent lexemes for phrases (PostgreSQL)", _fts_word_pairs),
]
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The highest version recorded in ``schema_version``; 0 for a database recoupe never touched."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(select(func.coalesce(func.max(schema.schema_version.c.version), 0))).scalar_one())


def _refuse_newer(version: int, where: str) -> None:
    if version > LATEST:
        raise StoreError(
            f"the database is at schema version {version}, written by a newer recoupe; "
            f"this recoupe knows versions up to {LATEST}: upgrade recoupe to open it",
            where=where,
        )


def migrate(engine: Engine, where: str) -> int:
    """Bring the database to ``LATEST``; return the version it was at. ``where`` names it in errors."""
    dialect = engine.dialect.name
    with engine.connect() as conn:
        with conn.begin():
            start = current_version(conn)
        _refuse_newer(start, where)
    for migration in MIGRATIONS:
        if migration.version <= start:
            continue
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            if dialect == "postgresql":  # SQLite's BEGIN IMMEDIATE is the lock there
                from recoupe.store.postgres import lock_writes

                lock_writes(conn)
            # Re-read under the write lock: another process may have run this step meanwhile.
            schema.schema_version.create(conn, checkfirst=True)
            version = current_version(conn)
            _refuse_newer(version, where)
            if version >= migration.version:
                continue
            migration.step(conn, dialect)
            conn.execute(
                schema.schema_version.insert().values(
                    version=migration.version,
                    description=migration.description,
                    applied_at=datetime.now(UTC),
                )
            )
    return start
