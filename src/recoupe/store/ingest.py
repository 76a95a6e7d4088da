"""The idempotent write path: one batch of articles in one transaction.

Rules, applied to each article in order (earlier articles of the same batch count as stored):

1. Its canonical URL is stored with the same content hash: ``UNCHANGED``, the stored id.
2. Its canonical URL is stored with another content hash: ``UPDATED``. The old row is copied to
   ``article_revisions`` first, then the row and its full-text entry are replaced; the id is kept.
   Exception: when the new text is already stored under another article, the content is kept once
   (rule 3) and the URL's row is left as it was: ``UNCHANGED``, the id of the article holding it.
3. Its content hash equals a stored article's: ``UNCHANGED``, that article's id, whatever the URL or
   file the new copy came from.
4. Otherwise ``NEW``, stored under ``Article.id``.

So the current articles never share a content hash or a canonical URL, and ingesting the same input
twice changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, or_, select

from recoupe.model import Article, IngestOutcome
from recoupe.store import fulltext
from recoupe.store.rows import TEXT_COLUMNS, article_values
from recoupe.store.schema import article_revisions, articles

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

__all__ = ["add_batch", "snapshot"]

_CHUNK = 400  # bound parameters per IN (...) list, well under SQLite's limit


class _Known:
    """What the batch knows of stored articles: canonical URL -> (id, hash), hash -> id."""

    def __init__(self, conn: Connection, batch: Sequence[Article]) -> None:
        self.by_url: dict[str, tuple[str, str]] = {}
        self.by_hash: dict[str, str] = {}
        urls = sorted({a.canonical_url for a in batch if a.canonical_url})
        hashes = sorted({a.content_hash for a in batch})
        for start in range(0, max(len(urls), len(hashes)), _CHUNK):
            url_part, hash_part = urls[start : start + _CHUNK], hashes[start : start + _CHUNK]
            query = select(articles.c.id, articles.c.canonical_url, articles.c.content_hash).where(
                or_(articles.c.canonical_url.in_(url_part), articles.c.content_hash.in_(hash_part))
            )
            for article_id, url, digest in conn.execute(query.order_by(articles.c.id)):
                self.remember(article_id, url, digest)

    def remember(self, article_id: str, url: str | None, digest: str) -> None:
        if url:
            self.by_url[url] = (article_id, digest)
        self.by_hash.setdefault(digest, article_id)

    def forget_hash(self, article_id: str, digest: str) -> None:
        if self.by_hash.get(digest) == article_id:
            del self.by_hash[digest]


def _insert(conn: Connection, article: Article, now: datetime) -> None:
    conn.execute(articles.insert().values(id=article.id, ingested_at=now, updated_at=now, **article_values(article)))
    fulltext.insert(conn, article.id, article)


def snapshot(conn: Connection, article_id: str, old: Any, now: datetime) -> None:
    """Store the article row ``old`` as the article's next revision (before a changed source or a correction
    replaces it)."""
    last = conn.execute(
        select(func.coalesce(func.max(article_revisions.c.revision), 0)).where(
            article_revisions.c.article_id == article_id
        )
    ).scalar_one()
    conn.execute(
        article_revisions.insert().values(
            article_id=article_id,
            revision=int(last) + 1,
            stored_at=old["updated_at"],
            replaced_at=now,
            **{name: old[name] for name in TEXT_COLUMNS},
        )
    )


def _update(conn: Connection, article_id: str, article: Article, now: datetime) -> None:
    snapshot(conn, article_id, conn.execute(select(articles).where(articles.c.id == article_id)).mappings().one(), now)
    conn.execute(articles.update().where(articles.c.id == article_id).values(updated_at=now, **article_values(article)))
    fulltext.delete(conn, article_id)
    fulltext.insert(conn, article_id, article)


def add_batch(conn: Connection, batch: Sequence[Article], now: datetime) -> list[tuple[str, IngestOutcome]]:
    """Store a batch inside the caller's transaction; (stored id, outcome) per article, in order."""
    known = _Known(conn, batch)
    results: list[tuple[str, IngestOutcome]] = []
    for article in batch:
        digest, url = article.content_hash, article.canonical_url
        stored = known.by_url.get(url) if url else None
        holder = known.by_hash.get(digest)
        if stored is not None and stored[1] != digest and holder is None:
            stored_id, old_digest = stored
            _update(conn, stored_id, article, now)
            known.forget_hash(stored_id, old_digest)
            known.remember(stored_id, url, digest)
            results.append((stored_id, IngestOutcome.UPDATED))
        elif stored is not None and stored[1] == digest:
            results.append((stored[0], IngestOutcome.UNCHANGED))
        elif holder is not None:
            results.append((holder, IngestOutcome.UNCHANGED))
        else:
            _insert(conn, article, now)
            known.remember(article.id, url, digest)
            results.append((article.id, IngestOutcome.NEW))
    return results
