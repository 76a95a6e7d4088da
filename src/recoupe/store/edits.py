"""Corrections: edit an article's outlet, title or date, delete an article, give an outlet to articles that lack one.

Every correction keeps what was there: an edit stores the article as it was as a revision (``recoupe show
--revisions``), as a changed source does on ingest; a delete moves the article, with its revisions, into
``deleted_articles`` (migration step 9) before removing it. In the same transaction the full-text index is
brought in line (a title is searched), a changed title drops the article's enrichment (its offsets count
from the title: ``recoupe enrich`` finds it again), and the stored cross-check of the article's story is
dropped: the cross-check's signature covers texts, not outlets or dates, so it would otherwise be reused
with the old values. The story rows (outlet counts, first and last seen) are recomputed by whoever holds a
story engine (``recoupe edit``/``delete`` do), from ``StoryTouched.members``.

The content hash is left as it was: it names the text that was ingested, so ingesting the same file again
finds the article unchanged and keeps the correction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, MetaData, Table, delete, insert, select, update

from recoupe.model import Article, PublishedDate
from recoupe.store import fulltext
from recoupe.store.core import StoreCore
from recoupe.store.ingest import snapshot
from recoupe.store.rows import article_from_row, article_values, outlet_key
from recoupe.store.schema import (
    UTCDateTime,
    _string,
    _text,
    article_entities,
    article_revisions,
    articles,
    crosschecks,
    enrichments,
    figures,
    mentions,
    quotes,
    stories,
    story_articles,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["EditsMixin", "StoryTouched", "create_tables", "deleted_articles", "members_of"]

metadata = MetaData()

#: what ``delete_article`` removed: the article and its revisions as JSON (``Article.to_dict``), and when
deleted_articles = Table(
    "deleted_articles",
    metadata,
    Column("id", _string(16), primary_key=True),
    Column("title", _text(), nullable=False),
    Column("outlet", _text()),
    Column("story_id", _string(16)),
    Column("article", _text(), nullable=False),
    Column("revisions", _text(), nullable=False, default="[]"),
    Column("deleted_at", UTCDateTime, nullable=False),
)

_ENRICHED = (enrichments, article_entities, mentions, quotes, figures)
_UNSET: Any = object()


def create_tables(conn: Connection, _dialect: str) -> None:
    """Migration step 9: ``deleted_articles``."""
    metadata.create_all(conn, tables=[deleted_articles])


@dataclass(frozen=True, slots=True)
class StoryTouched:
    """What a correction changed: the article as it is now (as it was, for a delete), its story and the
    story's remaining members, whose story rows the caller recomputes."""

    article: Article
    story_id: str | None
    members: tuple[str, ...]
    changed: tuple[str, ...]


def _story_of(conn: Connection, article_id: str) -> tuple[str | None, tuple[str, ...]]:
    story = conn.execute(
        select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
    ).scalar_one_or_none()
    if story is None:
        return None, ()
    members = conn.execute(select(story_articles.c.article_id).where(story_articles.c.story_id == story)).scalars()
    return str(story), tuple(sorted(str(m) for m in members))


def _forget_crosscheck(conn: Connection, story_id: str | None) -> None:
    if story_id is not None:
        conn.execute(delete(crosschecks).where(crosschecks.c.story_id == story_id))


class EditsMixin(StoreCore):
    """``edit_article``, ``delete_article`` and ``fill_outlets`` (mixed into ``SqlStore``)."""

    def edit_article(
        self,
        article_id: str,
        *,
        outlet: str | None = _UNSET,
        title: str | None = None,
        published: PublishedDate | None = _UNSET,
    ) -> StoryTouched:
        """Change an article's outlet (``None``: unknown), title and publication date; the old version is kept
        as a revision. Raises ``NotFoundError`` for an unknown id, ``QueryError`` for an empty title."""
        from recoupe.errors import QueryError

        if title is not None and not title.strip():
            raise QueryError("a title cannot be empty")
        now = datetime.now(UTC)
        with self._connect(write=True) as conn:
            found = self._resolve(conn, article_id)
            old = conn.execute(select(articles).where(articles.c.id == found)).mappings().one()
            before = article_from_row(old, article_id=found)
            changes: dict[str, Any] = {}
            if outlet is not _UNSET and outlet != before.outlet:
                changes["outlet"] = outlet.strip() if outlet and outlet.strip() else None
            if title is not None and title.strip() != before.title:
                changes["title"], changes["title_derived"] = title.strip(), False
            if published is not _UNSET and published != before.published:
                changes["published"] = published
            story, members = _story_of(conn, found)
            if not changes:
                return StoryTouched(before, story, members, ())
            after = _replace(before, changes)
            snapshot(conn, found, old, now)
            conn.execute(
                articles.update().where(articles.c.id == found).values(updated_at=now, **article_values(after))
            )
            if "title" in changes:
                fulltext.delete(conn, found)
                fulltext.insert(conn, found, after)
                for table in _ENRICHED:
                    conn.execute(delete(table).where(table.c.article_id == found))
            _forget_crosscheck(conn, story)
        return StoryTouched(after, story, members, tuple(sorted(set(changes) - {"title_derived"})))

    def delete_article(self, article_id: str) -> StoryTouched:
        """Remove an article (its enrichment, embedding, story membership, copy marks with it) after moving it
        and its revisions into ``deleted_articles``; ``members`` are the story's members left."""
        now = datetime.now(UTC)
        with self._connect(write=True) as conn:
            found = self._resolve(conn, article_id)
            row = conn.execute(select(articles).where(articles.c.id == found)).mappings().one()
            article = article_from_row(row, article_id=found)
            story, members = _story_of(conn, found)
            revisions = [
                {
                    "revision": int(rev["revision"]),
                    "stored_at": rev["stored_at"].isoformat(),
                    "replaced_at": rev["replaced_at"].isoformat(),
                    "article": article_from_row(rev, article_id=found).to_dict(),
                }
                for rev in conn.execute(
                    select(article_revisions)
                    .where(article_revisions.c.article_id == found)
                    .order_by(article_revisions.c.revision)
                ).mappings()
            ]
            conn.execute(delete(deleted_articles).where(deleted_articles.c.id == found))  # deleted before
            conn.execute(
                insert(deleted_articles).values(
                    id=found,
                    title=article.title,
                    outlet=article.outlet,
                    story_id=story,
                    article=json.dumps(article.to_dict(), ensure_ascii=False, default=str),
                    revisions=json.dumps(revisions, ensure_ascii=False),
                    deleted_at=now,
                )
            )
            fulltext.delete(conn, found)
            conn.execute(delete(articles).where(articles.c.id == found))  # the rest cascades
            _forget_crosscheck(conn, story)
            left = tuple(m for m in members if m != found)
            if story is not None and not left:  # its last article: the story goes too
                conn.execute(delete(stories).where(stories.c.id == story))
        return StoryTouched(article, story, left, ("deleted",))

    def deleted(self, *, limit: int = 50) -> list[tuple[str, str, str | None, datetime]]:
        """``(id, title, outlet, deleted at)`` of deleted articles, the latest first."""
        query = (
            select(
                deleted_articles.c.id,
                deleted_articles.c.title,
                deleted_articles.c.outlet,
                deleted_articles.c.deleted_at,
            )
            .order_by(deleted_articles.c.deleted_at.desc())
            .limit(limit)
        )
        with self._connect(write=False) as conn:
            return [(r.id, r.title, r.outlet, r.deleted_at) for r in conn.execute(query)]

    def fill_outlets(self, article_ids: Iterable[str], outlet: str) -> list[StoryTouched]:
        """Give ``outlet`` to those of ``article_ids`` stored without one (``ingest --outlet`` on articles stored
        already); each keeps its old version as a revision. The articles changed, with their stories."""
        name = outlet.strip()
        if not name:
            return []
        now = datetime.now(UTC)
        touched: list[StoryTouched] = []
        wanted = sorted(set(article_ids))
        with self._connect(write=True) as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = conn.execute(
                    select(articles).where(articles.c.id.in_(chunk), articles.c.outlet.is_(None))
                ).mappings()
                for old in list(rows):
                    found = str(old["id"])
                    snapshot(conn, found, old, now)
                    conn.execute(
                        update(articles)
                        .where(articles.c.id == found)
                        .values(outlet=name, outlet_key=outlet_key(name), updated_at=now)
                    )
                    story, members = _story_of(conn, found)
                    _forget_crosscheck(conn, story)
                    after = _replace(article_from_row(old, article_id=found), {"outlet": name})
                    touched.append(StoryTouched(after, story, members, ("outlet",)))
        return touched


def _replace(article: Article, changes: dict[str, Any]) -> Article:
    """``article`` with ``changes``, keeping its id and content hash (``Article.with_changes`` recomputes them)."""
    from dataclasses import replace

    return replace(article, **changes)


def members_of(touched: Sequence[StoryTouched]) -> list[str]:
    """The article ids whose story rows need recomputing after ``touched`` corrections, each once."""
    return sorted({member for item in touched for member in item.members})
