"""``EnrichmentMixin``: what enrichment found in each article (entities, quotes, figures ...)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from recoupe.store import enrichment
from recoupe.store.core import StoreCore, check_page
from recoupe.store.schema import articles, enrichments

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.model import Enrichment, EntityStat, QuoteHit

__all__ = ["EnrichmentMixin"]


class EnrichmentMixin(StoreCore):
    """Enrichment in and out (see ``recoupe.store.protocol.Store``)."""

    def save_enrichments(self, items: Sequence[Enrichment], version: int) -> None:
        """Store the enrichment of each article (replacing what it had), in one transaction.

        The article's current content hash is recorded with it, so an article whose text changes later
        counts as not enriched (``missing_enrichment``).
        """
        if not items:
            return
        with self._connect(write=True) as conn:
            query = select(articles.c.id, articles.c.content_hash).where(
                articles.c.id.in_([item.article_id for item in items])
            )
            hashes = {row.id: row.content_hash for row in conn.execute(query)}
            known = [(item, hashes[item.article_id]) for item in items if item.article_id in hashes]
            enrichment.save(conn, known, version, datetime.now(UTC))

    def missing_enrichment(self, ids: Sequence[str], version: int) -> list[str]:
        """The ids among ``ids`` not yet enriched, for their current text, by enricher ``version``."""
        with self._connect(write=False) as conn:
            return enrichment.missing(conn, ids, version)

    def unenriched(self, version: int, *, limit: int = 1000) -> list[str]:
        """Up to ``limit`` article ids with no enrichment for their current text by ``version``."""
        stale = (
            select(articles.c.id)
            .outerjoin(enrichments, enrichments.c.article_id == articles.c.id)
            .where(
                or_(
                    enrichments.c.article_id.is_(None),
                    enrichments.c.version != version,
                    enrichments.c.content_hash != articles.c.content_hash,
                )
            )
            .order_by(articles.c.id)
            .limit(limit)
        )
        with self._connect(write=False) as conn:
            return list(conn.execute(stale).scalars())

    def enrichment(self, article_id: str) -> Enrichment | None:
        """The stored enrichment of an article (id or prefix), ``None`` when it was not enriched yet."""
        with self._connect(write=False) as conn:
            return enrichment.load(conn, self._resolve(conn, article_id))

    def entities(
        self, *, label: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[EntityStat]:
        """Corpus entities with article and quote counts; ``name`` matches a part of the folded key."""
        check_page(limit, offset)
        with self._connect(write=False) as conn:
            return enrichment.list_entities(conn, label=label, key_contains=name, limit=limit, offset=offset)

    def quotes(
        self, *, speaker_key: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[QuoteHit]:
        """Stored quotes; ``speaker_key`` (a folded name) matches the speaker's key or a part of it."""
        check_page(limit, offset)
        with self._connect(write=False) as conn:
            resolved = self._resolve(conn, article_id) if article_id else None
            return enrichment.list_quotes(
                conn, speaker_key=speaker_key, article_id=resolved, limit=limit, offset=offset
            )
