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
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

__all__ = [
    "CROSSCHECK_TABLES",
    "ENRICHMENT_TABLES",
    "FETCH_TABLES",
    "STORY_TABLES",
    "UTCDateTime",
    "article_entities",
    "article_revisions",
    "articles",
    "copies",
    "crosschecks",
    "embeddings",
    "enrichments",
    "entities",
    "fetch_state",
    "figures",
    "mentions",
    "metadata",
    "quotes",
    "schema_version",
    "sentence_vectors",
    "stories",
    "story_articles",
    "story_edges",
    "story_redirects",
]


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


def _text() -> Text:
    """Text compared byte-wise on PostgreSQL too (``COLLATE "C"``), so ids, keys and sort keys order as on SQLite."""
    return Text().with_variant(Text(collation="C"), "postgresql")


def _string(length: int) -> String:
    """``_text`` with a length."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


metadata = MetaData()


def _article_text_columns() -> list[Column[Any]]:
    """Text and metadata columns shared by ``articles`` and ``article_revisions``."""
    return [
        Column("url", _text()),
        Column("canonical_url", _text()),
        Column("title", _text(), nullable=False),
        Column("title_derived", Boolean, nullable=False, default=False),
        Column("lead", _text(), nullable=False, default=""),
        Column("body", _text(), nullable=False),
        Column("outlet", _text()),
        Column("outlet_key", _text()),  # outlet case-folded: SQLite's lower() only folds ASCII
        Column("published_value", _text()),
        Column("published_precision", _string(16)),
        Column("published_tz", _text()),
        Column("published_sort", _string(32)),
        Column("language", _string(16)),
        Column("tags", _text(), nullable=False, default="[]"),
        Column("authors", _text(), nullable=False, default="[]"),
        Column("section", _text()),
        Column("content_hash", _string(64), nullable=False),
        Column("provenance", _text(), nullable=False),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", _string(16), primary_key=True),
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
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True, autoincrement=False),
    *_article_text_columns(),
    Column("stored_at", UTCDateTime, nullable=False),
    Column("replaced_at", UTCDateTime, nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", _text(), nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)


# -- enrichment (schema version 3) ------------------------------------------------------------------
# One row per enriched article, and its mentions, per-article entities, quotes and figures. Offsets are
# into ``Article.text`` (title, lead and body joined by blank lines). ``enrichments.version`` is the
# enricher's version: an article enriched by an older one is enriched again when it is next seen.

enrichments = Table(
    "enrichments",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("content_hash", _string(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("language", _string(16)),
    Column("level", _string(16), nullable=False),
    Column("keywords", _text(), nullable=False, default="[]"),
    Column("summary", _text(), nullable=False, default=""),
    Column("notes", _text(), nullable=False, default="[]"),
    Column("enriched_at", UTCDateTime, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("key", _text(), primary_key=True),
    Column("canonical", _text(), nullable=False),
    Column("label", _string(8), nullable=False),
    Column("aliases", _text(), nullable=False, default="[]"),
    Column("roles", _text(), nullable=False, default="[]"),
)

article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("key", _text(), primary_key=True),
    Column("canonical", _text(), nullable=False),
    Column("label", _string(8), nullable=False),
    Column("aliases", _text(), nullable=False, default="[]"),
    Column("roles", _text(), nullable=False, default="[]"),
    Column("mentions", Integer, nullable=False, default=0),
)
Index("ix_article_entities_key", article_entities.c.key)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True, autoincrement=False),
    Column("end", Integer, nullable=False),
    Column("text", _text(), nullable=False),
    Column("label", _string(8), nullable=False),
    Column("canonical", _text(), nullable=False),
    Column("key", _text(), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", _text(), nullable=False),
    Column("kind", _string(16), nullable=False),
    Column("speaker", _text()),
    Column("speaker_key", _text()),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", _text()),
    Column("cue_start", Integer),
    Column("role", _text()),
    Column("speaker_kind", _string(8)),  # PER / ORG / MEDIA (schema version 7)
    Column("unresolved", Boolean, nullable=False, default=False, server_default="0"),  # version 7
)
Index("ix_quotes_speaker_key", quotes.c.speaker_key)

figures = Table(
    "figures",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", _text(), nullable=False),
    Column("kind", _string(16), nullable=False),
    Column("value_number", Float),
    Column("value_text", _text()),
    Column("unit", _text()),
    Column("about", _text()),
    Column("relative", Boolean, nullable=False, default=False),
)
Index("ix_figures_kind_unit", figures.c.kind, figures.c.unit)

ENRICHMENT_TABLES = (enrichments, entities, article_entities, mentions, quotes, figures)

# -- stories (schema v4) ----------------------------------------------------------------------------

embeddings = Table(
    "embeddings",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("model", _text(), nullable=False),
    Column("text_hash", _string(64), nullable=False),  # sha256 of the embedded text: same text, no new embedding
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float16, little-endian, L2-normalised
    Column("day", Integer),  # proleptic ordinal of the publication day (None: undated or coarser than a month)
    Column("day_lo", Integer),  # the publication date as an interval of days (a month-precision date spans it)
    Column("day_hi", Integer),
)
Index("ix_embeddings_text_hash", embeddings.c.model, embeddings.c.text_hash)

copies = Table(
    "copies",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("copy_of", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float, nullable=False),
)
Index("ix_copies_copy_of", copies.c.copy_of)

stories = Table(
    "stories",
    metadata,
    Column("id", _string(16), primary_key=True),
    Column("title", _text(), nullable=False),
    Column("title_article", _string(16), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("independent", Integer, nullable=False),  # outlets once wire copies count as their original's
    Column("languages", _text(), nullable=False, default="[]"),
    Column("first_seen", _string(32)),  # published_sort of the earliest / latest dated article
    Column("last_seen", _string(32)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
Index("ix_stories_last_seen", stories.c.last_seen)
Index("ix_stories_articles", stories.c.articles)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", _string(16), nullable=False),  # no foreign key: a component is rewritten in any order
)
Index("ix_story_articles_story", story_articles.c.story_id)

story_edges = Table(
    "story_edges",
    metadata,
    Column("a", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("b", _string(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),  # a < b
    Column("score", Float, nullable=False),
)
Index("ix_story_edges_b", story_edges.c.b)

story_redirects = Table(
    "story_redirects",
    metadata,
    Column("old_id", _string(16), primary_key=True),
    Column("new_id", _string(16), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

STORY_TABLES = (embeddings, copies, stories, story_articles, story_edges, story_redirects)

# -- cross-check (schema v5) ------------------------------------------------------------------------

sentence_vectors = Table(
    "sentence_vectors",
    metadata,
    Column("model", _text(), primary_key=True),
    Column("text_hash", _string(64), primary_key=True),  # sha256 of the sentence or quote
    Column("vector", LargeBinary, nullable=False),  # float16, little-endian, L2-normalised
)

crosschecks = Table(
    "crosschecks",
    metadata,
    Column("story_id", _string(16), primary_key=True),
    Column("signature", _string(64), nullable=False),  # what it was computed from: articles, texts, model
    Column("computed_at", UTCDateTime, nullable=False),
    Column("counts", _text(), nullable=False),  # JSON {verdict: n}
    Column("report", _text(), nullable=False),  # JSON of CrossCheck.to_dict()
)

CROSSCHECK_TABLES = (sentence_vectors, crosschecks)

# -- fetching (schema v6) ---------------------------------------------------------------------------
# The validators of each URL fetched (a page, a feed, a sitemap), for conditional GETs: a row is written
# only once what the URL gave is stored (``recoupe.sources.web.FetchMemory``). ``url`` is the URL asked
# for (before redirects); ``status`` the last answer (200, or 304 for "not modified").

fetch_state = Table(
    "fetch_state",
    metadata,
    Column("url", _text(), primary_key=True),
    Column("etag", _text()),
    Column("last_modified", _text()),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("status", Integer, nullable=False),
)

FETCH_TABLES = (fetch_state,)
