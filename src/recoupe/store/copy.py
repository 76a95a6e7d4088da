"""Copy a whole archive from one store to another (SQLite to PostgreSQL and back): ``recoupe copy``.

Every table the migrations create is copied (``tests/store/test_store_copy.py`` checks the list against
the database), parents first: articles, revisions, enrichment, embeddings, stories, cross-checks, fetch
state, watchlists with what they saw and their alerts (delivered or not, attempts and errors as they
are), and the deleted articles kept by corrections; in batches ordered by primary key, each batch in
one target transaction. A row the target already has (same primary key, or same unique URL) is left as it is, so a
copy that was interrupted carries on where it stopped when run again, and copying twice changes
nothing. The full-text index is written for each article copied, in the target engine's own form.
Watchlists and alerts keep their numeric ids (alerts and what a watchlist saw refer to them); on
PostgreSQL the ids' sequences are then moved past the copied ones, so the target's next watchlist or
alert gets a new id. The target is meant to be empty or an earlier copy of the same source: a
watchlist of the target's own with the same name as a source's is kept, and the source's is skipped.
``schema_version`` is not copied: the target has its own migrations. The vector index beside an SQLite
file is a cache: the target's is rebuilt from the copied embeddings when stories are next assigned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite

from recoupe.store import edits, fulltext, schema, watch
from recoupe.store.rows import article_from_row

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from recoupe.store.base import SqlStore

__all__ = ["COPIED_TABLES", "CopyReport", "copy_store"]

BATCH = 500

#: parents before children (foreign keys), as migrations created them
COPIED_TABLES: tuple[Table, ...] = (
    schema.articles,
    schema.article_revisions,
    *schema.ENRICHMENT_TABLES,
    *schema.STORY_TABLES,
    *schema.CROSSCHECK_TABLES,
    *schema.FETCH_TABLES,
    *watch.WATCH_TABLES,
    edits.deleted_articles,
)


@dataclass(slots=True)
class CopyReport:
    """Rows read from the source and rows the target did not have yet, per table."""

    read: dict[str, int]
    written: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"tables": {name: {"read": n, "written": self.written.get(name, 0)} for name, n in self.read.items()}}


def _insert_missing(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert the rows the target lacks (conflicts on any unique key are skipped); how many went in."""
    if not rows:
        return 0
    first = next(iter(table.primary_key.columns))
    if conn.dialect.name == "postgresql":
        statement = postgresql.insert(table).on_conflict_do_nothing().returning(first)
    else:
        statement = sqlite.insert(table).on_conflict_do_nothing().returning(first)
    return len(conn.execute(statement, list(rows)).all())


def _copy_articles(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Articles the target lacks, with their full-text entries."""
    ids = [row["id"] for row in rows]
    have = set(conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))).scalars())
    fresh = [row for row in rows if row["id"] not in have]
    written = _insert_missing(conn, schema.articles, fresh)
    stored = set(conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))).scalars())
    for row in fresh:
        if row["id"] in stored:  # not skipped for a URL the target already had under another id
            fulltext.insert(conn, row["id"], article_from_row(row, article_id=row["id"]))
    return written


def _advance_sequence(conn: Connection, table: Table) -> None:
    """Move the id sequence of ``table`` (PostgreSQL, an autoincrement key) past the ids copied into it."""
    key = table.autoincrement_column
    if conn.dialect.name != "postgresql" or key is None:
        return
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence(:table, :column), max({key.name})) FROM {table.name} "
            f"HAVING max({key.name}) IS NOT NULL"
        ),
        {"table": table.name, "column": key.name},
    )


def copy_store(
    source: SqlStore, target: SqlStore, progress: Callable[[str, int, int], None] | None = None
) -> CopyReport:
    """Copy every row of ``source`` that ``target`` lacks; ``progress(table, done, total)`` after each batch."""
    read: dict[str, int] = {}
    written: dict[str, int] = {}
    for table in COPIED_TABLES:
        key = list(table.primary_key.columns)
        with source.transaction(write=False) as conn:
            total = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        read[table.name], written[table.name] = 0, 0
        if progress is not None:
            progress(table.name, 0, total)
        last: tuple[Any, ...] | None = None
        while True:
            query = select(table).order_by(*key).limit(BATCH)
            if last is not None:  # keyset paging: stable however big the table
                query = query.where(tuple_(*key) > tuple_(*last))
            with source.transaction(write=False) as conn:
                rows = [dict(row) for row in conn.execute(query).mappings()]
            if not rows:
                break
            last = tuple(rows[-1][column.name] for column in key)
            with target.transaction(write=True) as conn:
                if table is schema.articles:
                    written[table.name] += _copy_articles(conn, rows)
                else:
                    written[table.name] += _insert_missing(conn, table, rows)
            read[table.name] += len(rows)
            if progress is not None:
                progress(table.name, read[table.name], total)
        if table.autoincrement_column is not None:
            with target.transaction(write=True) as conn:
                _advance_sequence(conn, table)
    return CopyReport(read, written)
