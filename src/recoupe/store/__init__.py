"""The article store: SQLite by default (WAL, FTS5), PostgreSQL by URL; one SQLAlchemy Core schema for both.

Public API::

    with open_store("news.db") as store:        # or "postgresql://user@host/db"
        outcomes = store.add(articles)          # idempotent, one transaction per batch
        hits = store.search("bénéfique")        # accent-insensitive, ranked
        article = store.get(hits[0].article.id[:8])

Stages and faces type against ``Store`` (``protocol``), a protocol: no SQLAlchemy object leaves this
package. Modules: ``protocol`` (``Store``, ``StoryTx``), ``base`` (``SqlStore``, ``open_store``),
``core`` / ``api_*`` (its parts by concern), ``schema`` (tables), ``migrations`` (versioned steps),
``ingest`` (the write rules), ``enrichment``, ``stories``, ``crosschecks`` (SQL by subject),
``fulltext`` with ``sqlite`` (FTS5) and ``postgres`` (tsvector), ``query`` (user text to safe terms).
"""

from __future__ import annotations

from recoupe.model import EntityStat, FetchState, QuoteHit, Revision, SearchHit, StoryRow
from recoupe.store.base import SqlStore, open_store
from recoupe.store.protocol import Store, StoryTx
from recoupe.store.query import fts_match

__all__ = [
    "EntityStat",
    "FetchState",
    "QuoteHit",
    "Revision",
    "SearchHit",
    "SqlStore",
    "Store",
    "StoryRow",
    "StoryTx",
    "fts_match",
    "open_store",
]
