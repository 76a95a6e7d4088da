"""The full-text index, whichever engine keeps it: FTS5 on SQLite (``sqlite``), tsvector on PostgreSQL
(``postgres``). Each function picks the engine's module by the connection's dialect.

Both follow ``recoupe.store.query``: accents and case folded, every term required, "quoted phrases",
``prefix*``, and no user text ever read as syntax. Snippets come back with the matched terms between
``MARK_START`` and ``MARK_END`` (private-use characters removed from indexed text); ``split_snippet``
turns them into spans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.store import sqlite
from recoupe.store.fts_text import SEARCH_BUDGET_S
from recoupe.store.query import search_terms
from recoupe.store.snippet import marked_snippet, split_snippet
from recoupe.store.sqlite import FTS_MARK_END as MARK_END
from recoupe.store.sqlite import FTS_MARK_START as MARK_START

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy import Connection, RowMapping

    from recoupe.model import Article
    from recoupe.store.query import Term

__all__ = [
    "MARK_END",
    "MARK_START",
    "SEARCH_BUDGET_S",
    "create",
    "database_problems",
    "delete",
    "insert",
    "integrity_problems",
    "search",
    "split_snippet",
    "terms_of",
]


def _postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def terms_of(query: str) -> list[Term]:
    """The terms of a user query (``[]``: nothing to search); ``QueryError`` when there are too many."""
    return search_terms(query)


def create(conn: Connection) -> None:
    """Create the index and fill it from the stored articles (migration step 2)."""
    if _postgres(conn):
        from recoupe.store import postgres

        postgres.create_fts(conn)
    else:
        sqlite.create_fts(conn)


def insert(conn: Connection, article_id: str, article: Article) -> None:
    """Index one article under ``article_id``."""
    if _postgres(conn):
        from recoupe.store import postgres

        postgres.fts_insert(conn, article_id, article)
    else:
        sqlite.fts_insert(conn, article_id, article.title, article.lead, article.body)


def delete(conn: Connection, article_id: str) -> None:
    """Remove one article from the index."""
    if _postgres(conn):
        from recoupe.store import postgres

        postgres.fts_delete(conn, article_id)
    else:
        sqlite.fts_delete(conn, article_id)


def search(
    conn: Connection,
    terms: list[Term],
    *,
    limit: int,
    outlet: str | None,
    language: str | None,
    since: str | None = None,
    until: str | None = None,
    budget_s: float | None = SEARCH_BUDGET_S,
) -> list[tuple[RowMapping, float, str]]:
    """``(article row, score, marked snippet)`` of the ``limit`` best matches, best first.

    ``outlet`` is an outlet key (``rows.outlet_key``), ``language`` a lower-case code, ``since`` and
    ``until`` bounds on ``published_sort`` (``since <= published_sort < until``). The engine ranks the
    matches and keeps the best ``limit`` before any article row is read; snippets come from a bounded
    window of each hit's text (``recoupe.store.snippet``), so a search costs about the same whatever
    the number of matches or the size of an article. A search still running after ``budget_s``
    seconds is stopped with ``StoreError`` (``None``: no budget).
    """
    filters = {
        name: value
        for name, value in (("outlet", outlet), ("language", language), ("since", since), ("until", until))
        if value is not None
    }
    if _postgres(conn):
        from recoupe.store import postgres

        return postgres.search(conn, terms, limit=limit, filters=filters, budget_s=budget_s)
    found = sqlite.search(conn, terms, limit=limit, filters=filters, budget_s=budget_s)
    return [
        (row, score, marked_snippet((row["title"] or "", row["lead"] or "", row["body"] or ""), terms))
        for row, score in found
    ]


def integrity_problems(conn: Connection, article_ids: Iterable[str]) -> list[str]:
    """What is wrong between the index and the given current article ids ([] when in sync)."""
    if _postgres(conn):
        from recoupe.store import postgres

        return postgres.fts_integrity_problems(conn, article_ids)
    return sqlite.fts_integrity_problems(conn, article_ids)


def database_problems(conn: Connection) -> list[str]:
    """The engine's own checks of the database file or schema ([] when healthy)."""
    if _postgres(conn):
        return []  # PostgreSQL enforces foreign keys and checks its pages itself
    return sqlite.database_problems(conn)
