"""The article store: SQLite by default (WAL, FTS5), one SQLAlchemy Core schema for every engine.

Public API::

    with open_store("news.db") as store:
        outcomes = store.add(articles)          # idempotent, one transaction per batch
        hits = store.search("bénéfique")        # accent-insensitive, bm25-ranked
        article = store.get(hits[0].article.id[:8])

Modules: ``schema`` (tables), ``migrations`` (versioned steps), ``sqlite`` (engine and FTS5),
``query`` (user text to a safe FTS5 MATCH), ``ingest`` (the write rules), ``base`` (``Store``).
"""

from __future__ import annotations

from recoupe.store.base import EntityStat, QuoteHit, Revision, SearchHit, Store, open_store
from recoupe.store.query import fts_match

__all__ = ["EntityStat", "QuoteHit", "Revision", "SearchHit", "Store", "fts_match", "open_store"]
