"""The SQLite full-text ranking and the snippet marks, on a DB-API ``sqlite3`` connection: no SQLAlchemy here.

The store runs it on the connection under its SQLAlchemy one (``recoupe.store.sqlite``); the lean read
path (``recoupe.store.lean``) on ``sqlite3`` alone, so that ``recoupe search`` does not pay for importing
SQLAlchemy. Both take it from here: one ranking (``ranked``), then each reads the rows of the ids it gives.

Why two ways of ranking. FTS5's ``bm25`` needs, for each term, the number of articles holding it (its
idf), and counts them by reading the term's whole list of articles the first time it scores a row: a
word in a third of a million articles costs about 30 ms before a single row is scored, however few rows
are scored. So a term is first probed (``COMMON_DOCS``): a query whose terms are all in fewer articles is
ranked by ``bm25`` over its first ``SEARCH_CANDIDATES`` matches (exact up to that many matches); a query
with a stop-word-like term (or a ``prefix*``, whose probe would cost as much as the search: FTS5 merges
the lists of every word of the prefix) is ranked in tiers instead: the matches with every term in the
title first, then the others, each tier in the index's order (the rowid, i.e. the article id: a hash,
so an even spread over the archive, not the newest). That tier ranking knows nothing of how often or
how early a term occurs; it is what a search this broad can afford.

A phrase is probed word by word: ``bm25``'s idf of a phrase walks the lists of its words (the
intersection, led by the shortest list) however few articles hold the phrase, so a phrase of common
words (``"gouvernement emmanuel"``, in no article) is ranked in tiers even when it is rare. The tiers take
the first ``2 * limit`` matches first: when there are fewer, they are every match, and a query of one
term tells its title tier in that same walk (``highlight`` of the title) instead of a second walk.

Prefixes. FTS5 (3.40) answers ``manif*`` by merging the lists of every word of the prefix over the whole
archive before the first row (about 100 ms at 1 M articles, growing with it). A prefix is therefore
expanded into the indexed words it stands for (``fts5vocab``, one seek per word, at most
``PREFIX_WORDS`` of them), an ``OR`` that FTS5 walks lazily and stops at the limit: the same matches
(from ``EXPAND_FROM_DOCS`` articles: on a smaller archive the merge is the cheaper).
The prefix is folded here as the tokenizer folds it, only for letters whose folding is known to agree
(ASCII, and the Latin-1 letters with diacritics); any other prefix, or one of more words, is left to FTS5.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Protocol

from recoupe.store.query import Term, match_of, tokens_of

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "BM25_WEIGHTS",
    "COMMON_DOCS",
    "FTS_MARK_END",
    "FTS_MARK_START",
    "PREFIX_WORDS",
    "SEARCH_BUDGET_S",
    "SEARCH_CANDIDATES",
    "article_id_of",
    "ranked",
    "search_sql",
]

# Private-use characters mark matched terms in snippets; they are removed from indexed text.
FTS_MARK_START = "\ue000"
FTS_MARK_END = "\ue001"
# bm25 weights per column, in declaration order: title, lead, body, article_id (unindexed).
BM25_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
#: seconds one search may run before it is stopped (``StoreError``)
SEARCH_BUDGET_S = 10.0
#: matches a search ranks at most (more when it asks for more hits): see ``search_sql``
SEARCH_CANDIDATES = 500
#: a term in at least this many articles is stop-word-like: it filters, and the query is ranked in tiers
COMMON_DOCS = 10_000
#: tier scores (``SearchHit.score``): every term in the title, the others
TITLE_TIER, OTHER_TIER = 2.0, 1.0
#: indexed words a prefix is expanded into at most (past that, FTS5's own prefix query)
PREFIX_WORDS = 128
#: articles from which prefixes are expanded: below, FTS5's merge costs less than the seeks (1-2 ms at 10 k)
EXPAND_FROM_DOCS = 30_000
#: the vocabulary of ``articles_fts`` (a temporary table of the connection: no schema change)
VOCABULARY = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.recoupe_fts_words USING fts5vocab(main, articles_fts, instance)"
_NEXT_WORD = "SELECT term FROM temp.recoupe_fts_words WHERE term >= :after LIMIT 1"
#: letters ``unicode61 remove_diacritics 2`` folds as ``_fold_prefix`` does (checked against FTS5 by a test)
FOLDABLE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789àáâãäåçèéêëìíîïñòóôõöùúûüýÿ")


class Cursor(Protocol):
    def fetchall(self) -> list[Any]: ...


class DbApi(Protocol):
    """What ``ranked`` needs of a ``sqlite3.Connection``."""

    def execute(self, sql: str, parameters: Mapping[str, Any], /) -> Cursor: ...


def article_id_of(rowid: int) -> str:
    """The article id of an FTS rowid (the inverse of ``sqlite.fts_rowid``)."""
    return f"{rowid & 0xFFFFFFFFFFFFFFFF:016x}"


def _filters(filters: Mapping[str, str]) -> tuple[str, str]:
    """The join and the conditions of the filters asked for (bound by name)."""
    conditions = {
        "outlet": " AND fa.outlet_key = :outlet",
        "language": " AND fa.language = :language",
        "since": " AND fa.published_sort >= :since",
        "until": " AND fa.published_sort < :until",
    }
    where = "".join(conditions[name] for name in conditions if name in filters)
    # the FTS rowid is the article id (sqlite.fts_rowid): printf gives it back without reading the FTS row's
    # content, which costs as much per match as the ranking itself
    join = " JOIN articles AS fa ON fa.id = printf('%016x', articles_fts.rowid)" if where else ""
    return join, where


def _common(conn: DbApi, term: Term) -> bool:
    """Whether ranking ``term`` by ``bm25`` reads ``COMMON_DOCS`` entries or more: a prefix, a word in that many
    articles, a phrase of such words (each probe reads at most that many entries)."""
    if term.prefix:
        return True
    probe = "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :match LIMIT :most)"
    words = tokens_of(term.text)
    for word in words if len(words) > 1 else [term.text]:
        (count,) = conn.execute(probe, {"match": match_of([Term(word)]), "most": COMMON_DOCS}).fetchall()[0]
        if int(count) < COMMON_DOCS:
            return False
    return True


def _fold_prefix(text: str) -> str | None:
    """``text`` folded as the tokenizer folds it (case, diacritics); ``None`` outside ``FOLDABLE``."""
    lower = text.lower()
    if not lower or any(char not in FOLDABLE for char in lower):
        return None
    return "".join(char for char in unicodedata.normalize("NFD", lower) if not unicodedata.combining(char))


def _indexed(conn: DbApi) -> int:
    """The number of rows of ``articles_fts``, read from FTS5's averages record (its first varint): O(1)."""
    found = conn.execute("SELECT block FROM articles_fts_data WHERE id = 1", {}).fetchall()
    value = 0
    for index, byte in enumerate(bytes(found[0][0])[:9] if found else b""):
        if index == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return value


def _prefix_words(conn: DbApi, term: Term) -> str | None:
    """The FTS5 expression of a prefix term as the ``OR`` of the indexed words it stands for (``""``: no word
    starts with it, nothing matches); ``None`` when it is left to FTS5 (see the module docstring)."""
    tokens = tokens_of(term.text)
    stem = _fold_prefix(tokens[-1]) if tokens else None
    if stem is None or _indexed(conn) < EXPAND_FROM_DOCS:
        return None
    conn.execute(VOCABULARY, {})
    words: list[str] = []
    after = stem
    while len(words) <= PREFIX_WORDS:
        found = conn.execute(_NEXT_WORD, {"after": after}).fetchall()
        if not found or not str(found[0][0]).startswith(stem):
            break
        words.append(str(found[0][0]))
        after = words[-1] + "\x01"  # the next word: no token holds a control character
    if len(words) > PREFIX_WORDS:
        return None
    head = " ".join(tokens[:-1])
    return "(" + " OR ".join(Term(f"{head} {word}".strip()).to_fts() for word in words) + ")" if words else ""


def ranked(conn: DbApi, terms: Sequence[Term], *, limit: int, filters: Mapping[str, str]) -> list[tuple[str, float]]:
    """``(article id, score)`` of the best ``limit`` matches of ``terms``, best first (see the module docstring).

    ``filters`` binds any of ``outlet`` (an outlet key), ``language``, ``since`` and ``until`` (bounds on
    ``published_sort``); they apply inside the index query, before the limit.
    """
    if limit <= 0:
        return []
    parts: list[str] = []
    for term in terms:
        words = _prefix_words(conn, term) if term.prefix else None
        if words == "":
            return []  # a prefix no indexed word starts with
        parts.append(words or term.to_fts())
    match = " AND ".join(parts)
    if not any(_common(conn, term) for term in terms):
        statement = search_sql(**{name: name in filters for name in ("outlet", "language", "since", "until")})
        rows = conn.execute(statement, {"match": match, "limit": limit, **filters}).fetchall()
        return [(article_id_of(int(rowid)), -float(rank)) for rowid, rank in rows]
    one_term = len(terms) == 1 and not terms[0].prefix  # a prefix's title tier: its own query, cheap
    return _tiers(conn, match, one_term=one_term, limit=limit, filters=filters)


def _tiers(
    conn: DbApi, match: str, *, one_term: bool, limit: int, filters: Mapping[str, str]
) -> list[tuple[str, float]]:
    """The best ``limit`` matches in tiers: the first matches (index order) with every term in the title, then
    the first others. The first ``2 * limit`` matches are read first; fewer are every match, and then the title
    tier is taken from them: for one term by ``highlight`` of the title (a mark: the term is in it), in the same
    walk of the lists; for several by one more query on the title alone (none when nothing matched)."""
    join, where = _filters(filters)
    flag = f", instr(highlight(articles_fts, 0, '{FTS_MARK_START}', ''), '{FTS_MARK_START}')" if one_term else ""
    select = (
        f"SELECT articles_fts.rowid{{}} FROM articles_fts{join} WHERE articles_fts MATCH :match{where} LIMIT :limit"
    )
    rows = conn.execute(select.format(flag), {"match": match, "limit": 2 * limit, **filters}).fetchall()
    first = [int(row[0]) for row in rows]
    if len(first) < 2 * limit and one_term:
        titled = [int(row[0]) for row in rows if row[1]]
    elif first:
        in_title = {"match": f"{{title}} : ({match})", "limit": limit, **filters}
        titled = [int(rowid) for (rowid,) in conn.execute(select.format(""), in_title).fetchall()]
    else:
        return []
    tiers = dict.fromkeys(titled[:limit], TITLE_TIER)
    for rowid in first:
        if len(tiers) >= limit:
            break
        tiers.setdefault(rowid, OTHER_TIER)
    return [(article_id_of(rowid), score) for rowid, score in tiers.items()]


def search_sql(*, outlet: bool, language: bool, since: bool, until: bool) -> str:
    """The bm25 statement: ``(rowid, rank)`` of the best ``:limit`` matches; ``:match`` and the filters bound.

    The index yields at most ``max(:limit, SEARCH_CANDIDATES)`` matches (filters applied there), in its
    own order, with their bm25 score; the best ``:limit`` of them are kept. The ranking is exact when the
    query matches at most ``SEARCH_CANDIDATES`` articles, and otherwise the best of the first
    ``SEARCH_CANDIDATES`` in rowid order. The candidates' LIMIT comes without an ORDER BY, so FTS5 stops
    walking its lists there instead of scoring every match.
    """
    join, where = _filters(
        {
            name: ""
            for name, wanted in (("outlet", outlet), ("language", language), ("since", since), ("until", until))
            if wanted
        }
    )
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    return (
        "SELECT fts_rowid, rank FROM ("
        f"SELECT articles_fts.rowid AS fts_rowid, bm25(articles_fts, {weights}) AS rank "
        f"FROM articles_fts{join} WHERE articles_fts MATCH :match{where} "
        f"LIMIT max(:limit, {SEARCH_CANDIDATES})"
        ") ORDER BY rank, fts_rowid LIMIT :limit"
    )
