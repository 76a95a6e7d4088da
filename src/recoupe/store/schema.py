"""The store's tables, in SQLAlchemy Core with generic types: one schema for SQLite and PostgreSQL.

Full-text search is dialect-specific and is not declared here: SQLite keeps an FTS5 table
``articles_fts`` (see ``recoupe.store.sqlite``), created by a migration.

Datetimes recoupe writes itself (``ingested_at``, ``updated_at``, ...) are timezone-aware UTC
(``UTCDateTime``). A publication date keeps what the source said: ``published_value`` is the ISO text
of the (naive or aware) datetime, ``published_sort`` the chronological key of ``PublishedDate.sort_key``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

__all__ = ["UTCDateTime", "article_revisions", "articles", "metadata", "schema_version"]


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as UTC; naive values read back (SQLite) are given UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:  # noqa: ARG002 - signature set by TypeDecorator
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given where UTC is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:  # noqa: ARG002 - signature set by TypeDecorator
        if value is None:
            return None
        if isinstance(value, str):  # defensive: a value written by hand in the sqlite3 shell
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()


def _article_text_columns() -> list[Column[Any]]:
    """Text and metadata columns shared by ``articles`` and ``article_revisions``."""
    return [
        Column("url", Text),
        Column("canonical_url", Text),
        Column("title", Text, nullable=False),
        Column("title_derived", Boolean, nullable=False, default=False),
        Column("lead", Text, nullable=False, default=""),
        Column("body", Text, nullable=False),
        Column("outlet", Text),
        Column("outlet_key", Text),  # outlet case-folded: SQLite's lower() only folds ASCII
        Column("published_value", Text),
        Column("published_precision", String(16)),
        Column("published_tz", Text),
        Column("published_sort", String(32)),
        Column("language", String(16)),
        Column("tags", Text, nullable=False, default="[]"),
        Column("authors", Text, nullable=False, default="[]"),
        Column("section", Text),
        Column("content_hash", String(64), nullable=False),
        Column("provenance", Text, nullable=False),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    *_article_text_columns(),
    Column("ingested_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
# Unique among non-null values on both SQLite and PostgreSQL (NULLs are distinct).
Index("ix_articles_canonical_url", articles.c.canonical_url, unique=True)
Index("ix_articles_content_hash", articles.c.content_hash)
Index("ix_articles_published_sort", articles.c.published_sort)
Index("ix_articles_outlet_key", articles.c.outlet_key)

article_revisions = Table(
    "article_revisions",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    *_article_text_columns(),
    Column("stored_at", UTCDateTime, nullable=False),
    Column("replaced_at", UTCDateTime, nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)
