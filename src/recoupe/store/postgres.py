"""PostgreSQL specifics: the engine (psycopg 3), the write lock, and the tsvector full-text index.

Engine. ``postgresql://user@host/db`` URLs are opened with psycopg 3 (``pip install 'recoupe[postgres]'``).
The tables are the ones of ``schema.py`` (the same migrations as SQLite), in the connection's current
schema: ``?options=-csearch_path%3Dname`` in the URL puts a database in a schema of its own.

Writers. Every write transaction first takes a transaction-level advisory lock for its schema
(``lock_writes``), as SQLite's ``BEGIN IMMEDIATE`` does: the ingest rules read before they write, and
two ingests running at once must not both store the same article. Readers never wait. Story
assignment, which reads and writes over several transactions, takes turns on a session-level lock
(``lock_assignment``).

Full-text index. ``articles_fts`` holds one ``tsvector`` per article (title weight A, lead B, body D)
built with a text search configuration chosen by the article's language: ``recoupe_french``,
``recoupe_english``, or ``recoupe_simple`` for any other. Each is a copy of PostgreSQL's configuration
with ``unaccent`` before the stemmer, so "benefique" finds "bénéfique" and case never matters (the
``unaccent`` extension is created when missing). A query is parsed once (``recoupe.store.query``) and
turned into one tsquery per configuration from bound parameters only (``phraseto_tsquery`` for words
and phrases, ``to_tsquery`` of a quoted lexeme with ``:*`` for a prefix): no user text is ever read as
tsquery syntax. French and English articles are matched on stems and without their stop words ("les
élections" finds "élection"), others on words. Each configuration's rows have a GIN index of their own
(a partial index, ``fts_indexes``): one index over all rows made a query find, then fetch and drop, every
French row whose stems the English query also matched. Ranking (``ts_rank``, title 1.0, lead 0.4, body
0.1) is bounded as on SQLite: at most ``max(limit, SEARCH_CANDIDATES)`` matches per configuration, in
the index's order, filters included, are ranked, and the best ``limit`` are kept before rows are joined
and ``ts_headline`` builds the snippets from the first ``snippet.WINDOW_CHARS`` characters of their
column.

Phrases. ``articles_fts.pairs`` (migration 12) holds the pairs of adjacent lexemes of each ``tsvector``
and a phrase search requires its own pairs there: see ``recoupe.store.phrase_pairs``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from recoupe.errors import StoreError
from recoupe.store import fts_text, phrase_pairs
from recoupe.store.query import tokens_of
from recoupe.store.snippet import WINDOW_CHARS
from recoupe.store.sqlite import FTS_MARK_END, FTS_MARK_START

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy import RowMapping
    from sqlalchemy.engine import URL

    from recoupe.model import Article
    from recoupe.store.query import Term

__all__ = [
    "CONFIGS",
    "config_for",
    "create_fts",
    "create_postgres_engine",
    "drop_fts_indexes",
    "fts_delete",
    "fts_indexes",
    "fts_insert",
    "fts_integrity_problems",
    "lock_assignment",
    "lock_writes",
    "pairs_column",
    "search",
    "unlock_assignment",
]

#: recoupe's text search configurations: (copied from, the dictionary after unaccent)
CONFIGS = {
    "recoupe_french": ("french", "french_stem"),
    "recoupe_english": ("english", "english_stem"),
    "recoupe_simple": ("simple", "simple"),
}
_BY_LANGUAGE = {"fr": "recoupe_french", "en": "recoupe_english"}
_SIMPLE = "recoupe_simple"
_LOCK_SPACE = 0x7265636F  # "reco": the advisory lock key's first half; the second is the schema's hash
_ASSIGN_SPACE = 0x61737367  # "assg": the story assignment lock (a session lock, see lock_assignment)
_RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D (body), C (unused), B (lead), A (title)
_HEADLINE = f"StartSel={FTS_MARK_START}, StopSel={FTS_MARK_END}, MaxWords=24, MinWords=12, MaxFragments=1"
_MARKS = FTS_MARK_START + FTS_MARK_END
# The snippet's column, as FTS5 picks one: the title if it matches, else the lead, else the body.
# Both read a bounded window of the column (WINDOW_CHARS), as the SQLite snippets do.
_SNIPPET_SOURCE = (
    "CASE WHEN to_tsvector(CAST(top.config AS regconfig), left(a.title, :window)) @@ top.query THEN a.title"
    " WHEN to_tsvector(CAST(top.config AS regconfig), left(a.lead, :window)) @@ top.query THEN a.lead"
    " ELSE a.body END"
)


def create_postgres_engine(url: URL, where: str) -> Engine:
    """An engine for a ``postgresql://`` URL, through psycopg 3."""
    try:
        import psycopg  # noqa: F401 - only to say what is missing
    except ImportError as exc:
        raise StoreError("PostgreSQL databases need psycopg 3: pip install 'recoupe[postgres]'", where=where) from exc
    return create_engine(url.set(drivername="postgresql+psycopg"), pool_pre_ping=True)


def lock_writes(conn: Connection) -> None:
    """Wait for, then hold until the transaction ends, the write lock of the current schema."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(current_schema()))"), {"space": _LOCK_SPACE})


def lock_assignment(conn: Connection) -> None:
    """Wait for, then hold until ``unlock_assignment`` (or the session's end), the schema's assignment lock."""
    conn.execute(text("SELECT pg_advisory_lock(:space, hashtext(current_schema()))"), {"space": _ASSIGN_SPACE})


def unlock_assignment(conn: Connection) -> None:
    conn.execute(text("SELECT pg_advisory_unlock(:space, hashtext(current_schema()))"), {"space": _ASSIGN_SPACE})


def config_for(language: str | None) -> str:
    """The text search configuration of an article in ``language``."""
    return _BY_LANGUAGE.get((language or "").strip().lower()[:2], _SIMPLE)


def _unaccent_schema(conn: Connection) -> str:
    query = text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'"
    )
    found = conn.execute(query).scalar_one_or_none()
    if found is None:
        try:
            with conn.begin_nested():
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
        except Exception as exc:
            raise StoreError(
                "the PostgreSQL extension unaccent is missing and could not be created "
                f"(ask an administrator for CREATE EXTENSION unaccent): {getattr(exc, 'orig', exc)}"
            ) from exc
        found = conn.execute(query).scalar_one()
    return str(found)


def create_fts(conn: Connection) -> None:
    """Create the text search configurations, ``articles_fts`` and its GIN index; index stored articles."""
    quote = conn.dialect.identifier_preparer.quote
    unaccent = f"{quote(_unaccent_schema(conn))}.unaccent"
    for name, (base, stem) in CONFIGS.items():
        exists = conn.execute(
            text(
                "SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace "
                "WHERE c.cfgname = :name AND n.nspname = current_schema()"
            ),
            {"name": name},
        ).first()
        if exists is None:
            conn.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})"))
            conn.execute(
                text(
                    f"ALTER TEXT SEARCH CONFIGURATION {name} "
                    f"ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}, pg_catalog.{stem}"
                )
            )
    conn.execute(
        text(
            "CREATE TABLE articles_fts ("
            ' article_id VARCHAR(16) COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,'
            " config TEXT NOT NULL,"
            " document TSVECTOR NOT NULL)"
        )
    )
    fts_indexes(conn)
    language = "lower(coalesce(language, ''))"
    config = (
        f"CASE WHEN {language} LIKE 'fr%' THEN 'recoupe_french' "
        f"WHEN {language} LIKE 'en%' THEN 'recoupe_english' ELSE 'recoupe_simple' END"
    )
    conn.execute(
        text(
            f"INSERT INTO articles_fts (article_id, config, document) "
            f"SELECT id, cfg, {_document('CAST(cfg AS regconfig)', 'title', 'lead', 'body')} "
            f"FROM (SELECT id, {config} AS cfg, title, lead, body FROM articles) AS src"
        )
    )


def fts_indexes(conn: Connection, *, pairs: bool = False) -> None:
    """One GIN index per text search configuration, over that configuration's rows (migration step 11;
    idempotent), and with ``pairs`` one over its ``pairs`` (migration step 12). Before, one index over all
    rows: see the module docstring."""
    # fastupdate off: an ingest's rows go straight into the index, not to a pending list that every search
    # would scan until the next vacuum (after a bulk ingest, 10x slower searches)
    for name in CONFIGS:
        for index, column in (("", "document"), ("_pairs", "pairs")) if pairs else (("", "document"),):
            conn.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_articles_fts{index}_{name} ON articles_fts USING GIN ({column}) "
                    f"WITH (fastupdate = off) WHERE config = '{name}'"
                )
            )
    conn.execute(text("DROP INDEX IF EXISTS ix_articles_fts_document"))


def drop_fts_indexes(conn: Connection) -> None:
    """Drop the GIN indexes (a bulk load, as ``bench/store.py`` does, then builds them once: ``fts_indexes``)."""
    for name in CONFIGS:
        conn.execute(text(f"DROP INDEX IF EXISTS ix_articles_fts_{name}"))
        conn.execute(text(f"DROP INDEX IF EXISTS ix_articles_fts_pairs_{name}"))
    conn.execute(text("DROP INDEX IF EXISTS ix_articles_fts_document"))


def pairs_column(conn: Connection) -> None:
    """``articles_fts.pairs`` filled for the stored articles, ``NOT NULL``, and its GIN indexes (migration step
    12; idempotent): see ``recoupe.store.phrase_pairs``. About 1 ms an article, indexes included."""
    conn.exec_driver_sql("ALTER TABLE articles_fts ADD COLUMN IF NOT EXISTS pairs INTEGER[]")
    # every row is rewritten: without its GIN indexes (built again below), not one index update per lexeme
    drop_fts_indexes(conn)
    phrase_pairs.fill(conn)
    conn.exec_driver_sql("ALTER TABLE articles_fts ALTER COLUMN pairs SET NOT NULL")
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    fts_indexes(conn, pairs=True)
    conn.exec_driver_sql("ANALYZE articles_fts")  # the planner needs the pairs' frequencies


def _document(config: str, title: str, lead: str, body: str) -> str:
    return (
        f"setweight(to_tsvector({config}, {title}), 'A') || "
        f"setweight(to_tsvector({config}, {lead}), 'B') || "
        f"setweight(to_tsvector({config}, {body}), 'D')"
    )


def fts_insert(conn: Connection, article_id: str, article: Article) -> None:
    """Index one article under ``article_id`` (in its language's configuration), with its word pairs."""
    document = conn.execute(
        text(f"SELECT CAST({_document('CAST(:cfg AS regconfig)', ':title', ':lead', ':body')} AS TEXT)"),
        {"cfg": config_for(article.language), "title": article.title, "lead": article.lead, "body": article.body},
    ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO articles_fts (article_id, config, document, pairs) "
            "VALUES (:article_id, :config, CAST(:document AS TSVECTOR), CAST(:pairs AS INTEGER[]))"
        ),
        {
            "article_id": article_id,
            "config": config_for(article.language),
            "document": document,
            "pairs": phrase_pairs.pairs_of(str(document)),
        },
    )


def fts_delete(conn: Connection, article_id: str) -> None:
    """Remove one article from the index."""
    conn.execute(text("DELETE FROM articles_fts WHERE article_id = :article_id"), {"article_id": article_id})


def _tsquery(config: str, terms: list[Term], params: dict[str, Any]) -> str:
    """The tsquery of ``terms`` (all required) in ``config``, as SQL over bound parameters set in ``params``."""
    parts: list[str] = []
    for index, term in enumerate(terms):
        if term.prefix:
            tokens = tokens_of(term.text)
            if not tokens:
                continue
            params[f"p{index}"] = f"'{tokens[-1]}':*"  # a token has no quote or backslash in it
            last = f"to_tsquery('{config}', :p{index})"
            if len(tokens) > 1:
                params[f"h{index}"] = " ".join(tokens[:-1])
                parts.append(f"tsquery_phrase(phraseto_tsquery('{config}', :h{index}), {last})")
            else:
                parts.append(last)
        else:
            params[f"t{index}"] = term.text
            parts.append(f"phraseto_tsquery('{config}', :t{index})")
    return "(" + " && ".join(parts or ["''::tsquery"]) + ")"


def _phrase_pairs(conn: Connection, terms: list[Term], params: dict[str, Any]) -> dict[str, str]:
    """Per configuration, the condition that an article holds the adjacent pairs of every phrase in ``terms``
    (``f.pairs @>``, the array bound in ``params``); none where they have no pair (``phrase_pairs``)."""
    phrases = [term.text for term in terms if not term.prefix and len(tokens_of(term.text)) > 1]
    if not phrases:
        return {}
    columns = [
        (name, f"CAST(to_tsvector('{name}', :q{index}) AS TEXT)") for name in CONFIGS for index in range(len(phrases))
    ]
    row = conn.execute(
        text("SELECT " + ", ".join(sql for _, sql in columns)),
        {f"q{index}": phrase for index, phrase in enumerate(phrases)},
    ).one()
    wanted: dict[str, set[int]] = {}
    for (name, _), vector in zip(columns, row, strict=True):
        wanted.setdefault(name, set()).update(phrase_pairs.pairs_of(str(vector)))
    conditions = {}
    for name, values in wanted.items():
        if values:
            params[f"pairs_{name}"] = sorted(values)
            conditions[name] = f" AND f.pairs @> CAST(:pairs_{name} AS INTEGER[])"
    return conditions


def search(
    conn: Connection, terms: list[Term], *, limit: int, filters: dict[str, str], budget_s: float | None
) -> list[tuple[RowMapping, float, str]]:
    """``(article row, score, snippet with marks)`` of the best ``limit`` matches, best first.

    ``filters`` binds any of ``outlet``, ``language``, ``since`` and ``until``; they are applied inside the
    ranking query. Snippets are built by ``ts_headline`` over the first ``WINDOW_CHARS`` characters of
    their column only. A statement still running after ``budget_s`` seconds is cancelled
    (``statement_timeout`` for this transaction) and raises ``StoreError``.
    """
    params: dict[str, Any] = {"limit": limit, "marks": _MARKS, "headline": _HEADLINE, "window": WINDOW_CHARS}
    queries = {name: _tsquery(name, terms, params) for name in CONFIGS}
    pairs = _phrase_pairs(conn, terms, params)
    conditions = {
        "outlet": " AND fa.outlet_key = :outlet",
        "language": " AND fa.language = :language",
        "since": " AND fa.published_sort >= :since",
        "until": " AND fa.published_sort < :until",
    }
    filtered = "".join(conditions[name] for name in filters)
    params.update(filters)
    join = " JOIN articles AS fa ON fa.id = f.article_id" if filtered else ""
    # one ranked branch per configuration: its rows matching its query, the first candidates (no ORDER BY: the
    # scan stops there) ranked, each tsvector read once. The planner picks the scan: the configuration's GIN
    # index for a rare term; for a common one the table read in order until the candidates are found, which
    # costs less than the index's bitmap of every match (300 k articles, "gilets jaunes" in 233 k: 12 ms
    # against 72 ms, EXPLAIN ANALYZE)
    branches = " UNION ALL ".join(
        f"(SELECT c.article_id, c.config, {query} AS query, ts_rank('{_RANK_WEIGHTS}', c.document, {query}) AS rank"
        f" FROM (SELECT f.article_id, f.config, f.document FROM articles_fts AS f{join}"
        f" WHERE f.config = '{name}' AND f.document @@ {query}{pairs.get(name, '')}{filtered}"
        f" LIMIT GREATEST(:limit, {fts_text.SEARCH_CANDIDATES})) AS c"
        " ORDER BY rank DESC, c.article_id LIMIT :limit)"
        for name, query in queries.items()
    )
    statement = (
        f"WITH top AS (SELECT * FROM ({branches}) AS ranked ORDER BY rank DESC, article_id LIMIT :limit)"
        " SELECT a.*, top.rank AS rank, ts_headline(CAST(top.config AS regconfig),"
        " translate(left(s.source, :window), :marks, ''), top.query, :headline) AS snip, s.source AS snip_source"
        " FROM top JOIN articles AS a ON a.id = top.article_id"
        f" CROSS JOIN LATERAL (SELECT {_SNIPPET_SOURCE} AS source) AS s"
        " ORDER BY top.rank DESC, a.id"
    )
    # a plan for these values: psycopg prepares a statement run 5 times, and PostgreSQL's generic plan for it
    # (the words and pairs unknown) read every article with both words of a rare phrase (0.6 s at 100 k)
    settings = "set_config('plan_cache_mode', 'force_custom_plan', true)"
    if budget_s is not None:
        settings += ", set_config('statement_timeout', :ms, true)"
        params_ms = {"ms": f"{max(1, round(budget_s * 1000))}ms"}
    else:
        params_ms = {}
    conn.execute(text(f"SELECT {settings}"), params_ms)
    try:
        rows = conn.execute(text(statement), params).mappings().all()
    except OperationalError as exc:
        if budget_s is not None and type(exc.orig).__name__ == "QueryCanceled":
            raise StoreError(
                f"the search took more than {budget_s:g} s and was stopped: "
                "add words, or choose an outlet, a language or dates"
            ) from exc
        raise
    return [(row, float(row["rank"]), _ellipsis(str(row["snip"]), str(row["snip_source"]))) for row in rows]


def _ellipsis(marked: str, source: str) -> str:
    """``…`` where the snippet starts after the start, or ends before the end, of its column (as FTS5 marks)."""
    marked = marked.replace(FTS_MARK_END + FTS_MARK_START, "")  # the parts of "covid-19" are one match
    plain = marked.replace(FTS_MARK_START, "").replace(FTS_MARK_END, "").strip()
    whole = source.replace(FTS_MARK_START, "").replace(FTS_MARK_END, "").strip()
    if not whole.startswith(plain):
        marked = "…" + marked
    if not whole.endswith(plain):
        marked += "…"
    return marked


def fts_integrity_problems(conn: Connection, article_ids: Iterable[str]) -> list[str]:
    """What is wrong between ``articles_fts`` and the given current article ids ([] when in sync)."""
    problems: list[str] = []
    wanted = set(article_ids)
    indexed = {str(aid) for aid in conn.execute(text("SELECT article_id FROM articles_fts")).scalars()}
    if len(indexed) != len(wanted):
        problems.append(f"{len(wanted)} articles but {len(indexed)} rows in the full-text index")
    missing = sorted(wanted - indexed)
    extra = sorted(indexed - wanted)
    if missing:
        problems.append(f"{len(missing)} articles missing from the full-text index, e.g. {missing[0]}")
    if extra:
        problems.append(f"{len(extra)} full-text rows without an article, e.g. {extra[0]}")
    unknown = conn.execute(
        text(f"SELECT count(*) FROM articles_fts WHERE config NOT IN ({', '.join(repr(c) for c in CONFIGS)})")
    ).scalar_one()
    if unknown:
        problems.append(f"{unknown} full-text rows with an unknown text search configuration")
    sample = conn.execute(
        text(
            "SELECT article_id, CAST(document AS TEXT), pairs FROM articles_fts WHERE article_id IN "
            "(SELECT article_id FROM articles_fts ORDER BY random() LIMIT 100)"
        )
    ).all()
    wrong = [str(aid) for aid, vector, pairs in sample if list(pairs or []) != phrase_pairs.pairs_of(str(vector))]
    if wrong:
        problems.append(f"word pairs that do not match their tsvector (100 rows sampled), e.g. {wrong[0]}")
    return problems
