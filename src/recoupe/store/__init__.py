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

The names below load on first use (PEP 562): importing a light module of this package
(``recoupe.store.lean``, ``recoupe.store.query``) does not import SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: each public name -> the module that defines it
_HOMES = {
    **dict.fromkeys(("EntityStat", "FetchState", "QuoteHit", "Revision", "SearchHit", "StoryRow"), "recoupe.model"),
    "SqlStore": "recoupe.store.base",
    "open_store": "recoupe.store.base",
    "Store": "recoupe.store.protocol",
    "StoryTx": "recoupe.store.protocol",
    "fts_match": "recoupe.store.query",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
