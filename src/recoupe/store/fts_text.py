"""The SQLite full-text search statement and the snippet marks, as plain text: no SQLAlchemy here.

The store runs the statement through SQLAlchemy (``recoupe.store.sqlite``); the lean read path
(``recoupe.store.lean``) runs the same statement on ``sqlite3`` alone, so that ``recoupe search``
does not pay for importing SQLAlchemy. Both take it from here: one statement, one ranking.
"""

from __future__ import annotations

__all__ = ["BM25_WEIGHTS", "FTS_MARK_END", "FTS_MARK_START", "SEARCH_BUDGET_S", "SEARCH_CANDIDATES", "search_sql"]

# Private-use characters mark matched terms in snippets; they are removed from indexed text.
FTS_MARK_START = "\ue000"
FTS_MARK_END = "\ue001"
# bm25 weights per column, in declaration order: title, lead, body, article_id (unindexed).
BM25_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
#: seconds one search may run before it is stopped (``StoreError``)
SEARCH_BUDGET_S = 10.0
#: matches a search ranks at most (more when it asks for more hits): see ``search_sql``
SEARCH_CANDIDATES = 1_000


def search_sql(*, outlet: bool, language: bool, since: bool, until: bool) -> str:
    """The ranked search statement; ``:match`` and ``:limit`` (plus the filters asked for) are bound.

    The index yields at most ``max(:limit, SEARCH_CANDIDATES)`` matches (filters applied there), in its
    own order, with their bm25 score; the best ``:limit`` of them are kept before any article row is
    joined. A search therefore costs about the same whatever the number of matches: the ranking is exact
    when the query matches at most ``SEARCH_CANDIDATES`` articles, and otherwise the best of the first
    ``SEARCH_CANDIDATES`` in rowid order, that is article-id order (ids are hashes: a sample spread evenly
    over the archive, not the newest). Snippets are built afterwards, in Python (``recoupe.store.snippet``).
    """
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    filters = ""
    if outlet:
        filters += " AND fa.outlet_key = :outlet"
    if language:
        filters += " AND fa.language = :language"
    if since:
        filters += " AND fa.published_sort >= :since"
    if until:
        filters += " AND fa.published_sort < :until"
    join = " JOIN articles AS fa ON fa.id = printf('%016x', articles_fts.rowid)" if filters else ""
    # the FTS rowid is the article id (fts_rowid): printf gives it back without reading the FTS row's
    # content, which costs as much per match as the ranking itself. The candidates' LIMIT comes without an
    # ORDER BY, so FTS5 stops walking its doclists there instead of scoring every match.
    return (
        "SELECT a.*, top.rank AS rank FROM ("
        "SELECT fts_rowid, rank FROM ("
        f"SELECT articles_fts.rowid AS fts_rowid, bm25(articles_fts, {weights}) AS rank "
        f"FROM articles_fts{join} WHERE articles_fts MATCH :match{filters} "
        f"LIMIT max(:limit, {SEARCH_CANDIDATES})"
        ") ORDER BY rank, fts_rowid LIMIT :limit"
        ") AS top JOIN articles AS a ON a.id = printf('%016x', top.fts_rowid) ORDER BY top.rank, a.id"
    )
