"""The store's public API: ``open_store`` and ``Store``, what the CLI, the API and the pipeline use."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, func, or_, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from recoupe.errors import NotFoundError, QueryError, StoreError
from recoupe.store import enrichment
from recoupe.store import stories as story_table
from recoupe.store.enrichment import EntityStat, QuoteHit
from recoupe.store.ingest import add_batch
from recoupe.store.migrations import LATEST, current_version, migrate
from recoupe.store.query import fts_match
from recoupe.store.rows import article_from_row, outlet_key
from recoupe.store.schema import article_revisions, articles, enrichments
from recoupe.store.sqlite import (
    FTS_MARK_END,
    FTS_MARK_START,
    create_sqlite_engine,
    fts_integrity_problems,
    require_fts5,
    search_sql,
)
from recoupe.store.stories import StoryRow

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import TracebackType

    from recoupe.model import Article, Enrichment, IngestOutcome

__all__ = ["EntityStat", "FetchState", "QuoteHit", "Revision", "SearchHit", "Store", "StoryRow", "open_store"]

MIN_PREFIX = 6
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class FetchState:
    """The last fetch of a URL: its validators (``ETag``, ``Last-Modified``), when, and the HTTP status."""

    url: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    status: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article, its relevance (higher is better) and a highlighted snippet.

    ``highlights`` are ``(start, end)`` character spans of the matched terms inside ``snippet``.
    """

    article: Article
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Revision:
    """An earlier version of an article, stored at ``stored_at`` and replaced at ``replaced_at``."""

    article: Article
    revision: int
    stored_at: datetime
    replaced_at: datetime


def _split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the match markers from an FTS5 snippet; return the text and the marked spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, -1
    for char in marked:
        if char == FTS_MARK_START:
            start = length
        elif char == FTS_MARK_END:
            if start >= 0 and length > start:
                spans.append((start, length))
            start = -1
        else:
            out.append(char)
            length += 1
    return "".join(out), tuple(spans)


def _check_page(limit: int, offset: int = 0) -> None:
    if limit < 0 or offset < 0:
        raise QueryError(f"limit and offset must not be negative (limit={limit}, offset={offset})")


class Store:
    """An open recoupe database. Use ``open_store`` to get one; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self.where = where
        self._closed = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections. Using the store afterwards raises ``StoreError``."""
        self._closed = True
        self._engine.dispose()

    @contextmanager
    def _connect(self, *, write: bool) -> Iterator[Connection]:
        """A connection in a transaction (``BEGIN IMMEDIATE`` for writes), database errors wrapped."""
        if self._closed:
            raise StoreError("the store is closed", where=self.where)
        with _wrap_errors(self.where), self._engine.connect() as conn:
            if write:
                conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[Connection]:
        """A connection in one transaction, for recoupe's own stages (``recoupe.stories``) that write
        several tables at once; faces use the query methods below."""
        with self._connect(write=write) as conn:
            yield conn

    # -- writing ---------------------------------------------------------------------------------

    def add(self, batch: Sequence[Article]) -> list[tuple[str, IngestOutcome]]:
        """Store a batch of articles in one transaction; (stored id, outcome) per article, in order.

        Idempotent: see ``recoupe.store.ingest`` for the rules (same URL, same text, revisions).
        """
        if not batch:
            return []
        with self._connect(write=True) as conn:
            return add_batch(conn, batch, datetime.now(UTC))

    # -- reading ---------------------------------------------------------------------------------

    def _resolve(self, conn: Connection, article_id: str) -> str:
        wanted = article_id.strip().lower()
        if len(wanted) >= MIN_PREFIX and set(wanted) <= _HEX:
            found = (
                conn.execute(
                    select(articles.c.id)
                    .where(and_(articles.c.id >= wanted, articles.c.id < wanted + "g"))
                    .order_by(articles.c.id)
                    .limit(2)
                )
                .scalars()
                .all()
            )
            if len(found) == 1:
                return str(found[0])
            if len(found) > 1:  # a full 16-hex id matches itself only, so this is a short prefix
                raise QueryError(
                    f"id prefix {article_id!r} is ambiguous ({found[0]}, {found[1]}, ...): give more of it"
                )
        raise NotFoundError(f"no article with id {article_id!r}", where=self.where)

    def get(self, article_id: str) -> Article:
        """The article with this id, or with this unique id prefix (at least 6 hex characters).

        Raises ``NotFoundError`` when there is none, ``QueryError`` when the prefix is ambiguous.
        """
        with self._connect(write=False) as conn:
            found = self._resolve(conn, article_id)
            row = conn.execute(select(articles).where(articles.c.id == found)).mappings().one()
            return article_from_row(row, article_id=found)

    @staticmethod
    def _filters(
        outlet: str | None, language: str | None, since: date | None, until: date | None
    ) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if outlet is not None:
            where.append(articles.c.outlet_key == outlet_key(outlet))
        if language is not None:
            where.append(func.lower(articles.c.language) == language.strip().lower())
        if since is not None:
            where.append(articles.c.published_sort >= since.isoformat())
        if until is not None and until < date.max:  # the last day there is bounds nothing
            where.append(articles.c.published_sort < (until + timedelta(days=1)).isoformat())
        return where

    def articles(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles, newest first (publication date, undated last, then ingestion time).

        ``outlet`` matches case-insensitively; ``since``/``until`` are inclusive days and leave out
        undated articles.
        """
        _check_page(limit, offset)
        query = (
            select(articles)
            .where(*self._filters(outlet, language, since, until))
            .order_by(
                articles.c.published_sort.desc().nulls_last(),
                articles.c.ingested_at.desc(),
                articles.c.id,
            )
            .limit(limit)
            .offset(offset)
        )
        with self._connect(write=False) as conn:
            rows = conn.execute(query).mappings().all()
        return [article_from_row(row, article_id=row["id"]) for row in rows]

    def count(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> int:
        """How many articles ``articles()`` would list with the same filters, without paging."""
        query = select(func.count()).select_from(articles).where(*self._filters(outlet, language, since, until))
        with self._connect(write=False) as conn:
            return int(conn.execute(query).scalar_one())

    def search(
        self, query: str, *, limit: int = 20, outlet: str | None = None, language: str | None = None
    ) -> list[SearchHit]:
        """Full-text search, best first (bm25; title weighs more than lead, lead more than body).

        Accents and case are ignored. The query syntax is in ``recoupe.store.query``; a query with no
        word in it returns no hits, too many terms raise ``QueryError``.
        """
        _check_page(limit)
        match = fts_match(query)
        if match is None or limit == 0:
            return []
        params: dict[str, Any] = {"match": match, "limit": limit}
        if outlet is not None:
            params["outlet"] = outlet_key(outlet)
        if language is not None:
            params["language"] = language.strip().lower()
        statement = text(search_sql(outlet=outlet is not None, language=language is not None))
        with self._connect(write=False) as conn:
            rows = conn.execute(statement, params).mappings().all()
        hits = []
        for row in rows:
            snippet, spans = _split_snippet(row["snip"])
            article = article_from_row(row, article_id=row["id"])
            hits.append(SearchHit(article, -float(row["rank"]), snippet, spans))
        return hits

    def revisions(self, article_id: str) -> list[Revision]:
        """Earlier versions of an article (id or unique prefix), oldest first; [] when it never changed."""
        with self._connect(write=False) as conn:
            found = self._resolve(conn, article_id)
            rows = (
                conn.execute(
                    select(article_revisions)
                    .where(article_revisions.c.article_id == found)
                    .order_by(article_revisions.c.revision)
                )
                .mappings()
                .all()
            )
        return [
            Revision(article_from_row(row, article_id=found), row["revision"], row["stored_at"], row["replaced_at"])
            for row in rows
        ]

    def outlets(self) -> list[tuple[str, int]]:
        """Each outlet with its article count, most articles first; spellings differing in case count as one."""
        count = func.count().label("n")
        query = (
            select(func.min(articles.c.outlet), count)
            .where(articles.c.outlet_key.is_not(None))
            .group_by(articles.c.outlet_key)
            .order_by(count.desc(), articles.c.outlet_key)
        )
        with self._connect(write=False) as conn:
            return [(str(name), int(n)) for name, n in conn.execute(query)]

    # -- enrichment --------------------------------------------------------------------------------

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
        _check_page(limit, offset)
        with self._connect(write=False) as conn:
            return enrichment.list_entities(conn, label=label, key_contains=name, limit=limit, offset=offset)

    def quotes(
        self, *, speaker_key: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[QuoteHit]:
        """Stored quotes; ``speaker_key`` (a folded name) matches the speaker's key or a part of it."""
        _check_page(limit, offset)
        with self._connect(write=False) as conn:
            resolved = self._resolve(conn, article_id) if article_id else None
            return enrichment.list_quotes(
                conn, speaker_key=speaker_key, article_id=resolved, limit=limit, offset=offset
            )

    # -- stories -----------------------------------------------------------------------------------

    def stories(
        self,
        *,
        order: str = "latest",
        min_articles: int = 1,
        min_outlets: int = 1,
        language: str | None = None,
        since: date | None = None,
        until: date | None = None,
        entity: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Stories: ``latest`` (last seen first), ``biggest`` (most independent outlets) or ``oldest``.

        ``min_outlets`` counts independent outlets (wire copies count for their original's outlet);
        ``since``/``until`` keep stories seen on or after / before the end of those days; ``entity`` is a
        folded entity key (``recoupe entities`` shows them) named by one of the story's articles.
        """
        _check_page(limit, offset)
        if order not in story_table.STORY_ORDERS:
            raise QueryError(f"unknown story order {order!r} (known: {', '.join(story_table.STORY_ORDERS)})")
        with self._connect(write=False) as conn:
            return story_table.list_stories(
                conn,
                order=order,
                min_articles=min_articles,
                min_outlets=min_outlets,
                language=language,
                since=since.isoformat() if since else None,
                until=(until + timedelta(days=1)).isoformat() if until and until < date.max else None,
                entity_key=entity,
                limit=limit,
                offset=offset,
            )

    def story_row(self, story_id: str) -> StoryRow:
        """A story by id or unique prefix (6+ characters); a merged story's id leads to the story it joined."""
        with self._connect(write=False) as conn:
            found = story_table.resolve(conn, story_id)
            row = story_table.story_row(conn, found) if found else None
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}", where=self.where)
        return row

    def story_articles(self, story_id: str) -> list[tuple[Article, tuple[str, float] | None]]:
        """The articles of a story, oldest first (undated last), each with its copy mark (original, similarity)."""
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            ids = sorted(story_table.story_member_ids(conn, [row.id]))
            marks = story_table.copies_of(conn, ids)
            found = conn.execute(select(articles).where(articles.c.id.in_(ids))).mappings().all()
        items = [article_from_row(r, article_id=r["id"]) for r in found]
        items.sort(key=lambda a: (a.published.sort_key() if a.published else "~", a.id))
        return [(a, marks.get(a.id)) for a in items]

    def story_neighbours(self, story_id: str, *, limit: int = 20) -> list[Article]:
        """Articles outside a story linked to one of its members (an edge), best-linked first.

        Story pages show those that are not news (an op-ed, an explainer) as the story's related pieces.
        """
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            ids = story_table.neighbours(conn, row.id, limit)
            found = conn.execute(select(articles).where(articles.c.id.in_(ids))).mappings().all() if ids else []
        by_id = {r["id"]: article_from_row(r, article_id=r["id"]) for r in found}
        return [by_id[i] for i in ids if i in by_id]

    def story_entities(self, story_id: str, *, limit: int = 10) -> list[tuple[str, str, int]]:
        """``(name, label, articles naming it)`` for a story's most-named entities."""
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            return story_table.top_entities(conn, row.id, limit)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article (id or prefix) belongs to, ``None`` before it is assigned."""
        with self._connect(write=False) as conn:
            return story_table.story_of(conn, self._resolve(conn, article_id))

    def copy_of(self, article_id: str) -> tuple[str, float] | None:
        """``(original id, similarity)`` when the article (id or prefix) copies an earlier one from another outlet."""
        with self._connect(write=False) as conn:
            found = self._resolve(conn, article_id)
            return story_table.copies_of(conn, [found]).get(found)

    def check_integrity(self) -> list[str]:
        """Problems found in the database; [] when healthy.

        Checks SQLite's ``integrity_check`` and foreign keys, the schema version, the full-text index
        (FTS5 ``integrity-check``, one entry per article and no other), the stories (every embedded
        article in a story, every member's story stored, each story's article count right), and that
        no two current articles share a content hash or a canonical URL.
        """
        problems: list[str] = []
        with self._connect(write=True) as conn:
            status = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if status != ["ok"]:
                problems.extend(f"sqlite integrity_check: {line}" for line in status)
            problems.extend(
                f"foreign key violation in {row[0]} (rowid {row[1]}) -> {row[2]}"
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            )
            version = current_version(conn)
            if version != LATEST:
                problems.append(f"schema version is {version}, expected {LATEST}")
            ids = conn.execute(select(articles.c.id)).scalars().all()
            problems.extend(fts_integrity_problems(conn, ids))
            problems.extend(story_table.integrity_problems(conn))
            unique = ((articles.c.content_hash, "content hash"), (articles.c.canonical_url, "URL"))
            for column, label in unique:
                dupes = conn.execute(
                    select(column, func.count()).where(column.is_not(None)).group_by(column).having(func.count() > 1)
                ).all()
                problems.extend(f"{n} current articles share the {label} {value}" for value, n in dupes)
        return problems

    def story_count(self) -> int:
        """How many stories there are (merged stories not counted)."""
        from recoupe.store.schema import stories

        query = select(func.count()).select_from(stories)
        with self._connect(write=False) as conn:
            return int(conn.execute(query).scalar_one())

    def outlet_stats(self) -> list[tuple[str, int, int]]:
        """``(outlet, articles, wire copies)`` per outlet, most articles first (as ``outlets()``).

        A wire copy is an article marked as copying an earlier article from another outlet.
        """
        from recoupe.store.schema import copies

        count = func.count().label("n")
        copied = func.count(copies.c.article_id).label("c")
        query = (
            select(func.min(articles.c.outlet), count, copied)
            .select_from(articles.outerjoin(copies, copies.c.article_id == articles.c.id))
            .where(articles.c.outlet_key.is_not(None))
            .group_by(articles.c.outlet_key)
            .order_by(count.desc(), articles.c.outlet_key)
        )
        with self._connect(write=False) as conn:
            return [(str(name), int(n), int(c)) for name, n, c in conn.execute(query)]

    # -- fetching ----------------------------------------------------------------------------------

    def fetch_state(self, url: str) -> FetchState | None:
        """What the last fetch of ``url`` (the URL asked for) left: validators, time, status; ``None`` if never."""
        from recoupe.store.schema import fetch_state

        with self._connect(write=False) as conn:
            row = conn.execute(select(fetch_state).where(fetch_state.c.url == url)).mappings().first()
        if row is None:
            return None
        return FetchState(row["url"], row["etag"], row["last_modified"], row["fetched_at"], int(row["status"]))

    def save_fetch_state(self, states: Sequence[FetchState]) -> None:
        """Record (insert or replace) the fetch state of each URL, in one transaction.

        Call it only once what each URL gave is stored: a saved validator makes the next fetch a
        conditional GET, and a "not modified" answer skips the URL.
        """
        from recoupe.store.schema import fetch_state

        if not states:
            return
        latest = {state.url: state for state in states}  # one row per URL: the last state given wins
        with self._connect(write=True) as conn:
            conn.execute(fetch_state.delete().where(fetch_state.c.url.in_(sorted(latest))))
            conn.execute(
                fetch_state.insert(),
                [
                    {
                        "url": s.url,
                        "etag": s.etag,
                        "last_modified": s.last_modified,
                        "fetched_at": s.fetched_at,
                        "status": s.status,
                    }
                    for s in latest.values()
                ],
            )


@contextmanager
def _wrap_errors(where: str) -> Iterator[None]:
    """Turn database-driver errors into ``StoreError`` naming the database."""
    try:
        yield
    except (SQLAlchemyError, sqlite3.Error) as exc:
        detail = getattr(exc, "orig", None) or exc
        raise StoreError(f"database error: {detail}", where=where) from exc


def _resolve_db(db: str) -> tuple[URL, str]:
    """The SQLAlchemy URL for a path or URL, and how to name it in messages; parent dirs created."""
    if "://" in db:
        try:
            url = make_url(db)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {exc}", where=db) from exc
        path = url.database if url.get_backend_name() == "sqlite" else None
        where = url.render_as_string(hide_password=True)
    else:
        path = str(Path(db).expanduser())
        url = URL.create("sqlite", database=path)
        where = path
    if path and path != ":memory:" and not path.startswith("file:"):
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the database directory: {exc.strerror}", where=where) from exc
    return url, where


def open_store(db: str) -> Store:
    """Open (creating and upgrading as needed) the database at ``db``: a file path or an SQLAlchemy URL.

    Raises ``StoreError`` naming the database when it cannot be created or opened, is not a database,
    or was written by a newer recoupe.
    """
    url, where = _resolve_db(db)
    if url.get_backend_name() != "sqlite":
        raise StoreError(f"{url.get_backend_name()} databases are not supported yet; use SQLite", where=where)
    engine = create_sqlite_engine(url)
    try:
        with _wrap_errors(where):
            with engine.connect() as conn, conn.begin():
                require_fts5(conn)
            migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)
