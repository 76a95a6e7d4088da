"""``ArticlesMixin``: storing, reading, listing and searching articles; fetch state of URLs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, select

from recoupe.model import FetchState, Revision, SearchHit
from recoupe.store import fulltext
from recoupe.store.core import StoreCore, check_page
from recoupe.store.ingest import add_batch
from recoupe.store.rows import article_from_row, outlet_key
from recoupe.store.schema import article_revisions, articles, copies, fetch_state

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.model import Article, IngestOutcome

__all__ = ["ArticlesMixin"]


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


class ArticlesMixin(StoreCore):
    """Articles in and out (see ``recoupe.store.protocol.Store``)."""

    #: seconds one search may run before it is stopped with ``StoreError`` (``None``: no limit)
    search_budget_s: float | None = fulltext.SEARCH_BUDGET_S

    def add(self, batch: Sequence[Article]) -> list[tuple[str, IngestOutcome]]:
        """Store a batch of articles in one transaction; (stored id, outcome) per article, in order.

        Idempotent: see ``recoupe.store.ingest`` for the rules (same URL, same text, revisions).
        """
        if not batch:
            return []
        with self._connect(write=True) as conn:
            return add_batch(conn, batch, datetime.now(UTC))

    def get(self, article_id: str) -> Article:
        """The article with this id, or with this unique id prefix (at least 6 hex characters).

        Raises ``NotFoundError`` when there is none, ``QueryError`` when the prefix is ambiguous.
        """
        with self._connect(write=False) as conn:
            found = self._resolve(conn, article_id)
            row = conn.execute(select(articles).where(articles.c.id == found)).mappings().one()
            return article_from_row(row, article_id=found)

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
        check_page(limit, offset)
        query = (
            select(articles)
            .where(*_filters(outlet, language, since, until))
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
        query = select(func.count()).select_from(articles).where(*_filters(outlet, language, since, until))
        with self._connect(write=False) as conn:
            return int(conn.execute(query).scalar_one())

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        outlet: str | None = None,
        language: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[SearchHit]:
        """Full-text search, best first (title weighs more than lead, lead more than body).

        Accents and case are ignored. The query syntax is in ``recoupe.store.query``; a query with no
        word in it returns no hits, too many terms raise ``QueryError``. ``since``/``until`` are
        inclusive days and leave out undated articles. The cost is bounded (``fulltext.search``): the
        engine keeps the best ``limit`` before rows are read, snippets come from a bounded window, and a
        search past ``search_budget_s`` seconds raises ``StoreError``.
        """
        check_page(limit)
        terms = fulltext.terms_of(query)
        if not terms or limit == 0:
            return []
        wanted_language = language.strip().lower() if language is not None else None
        with self._connect(write=False) as conn:
            found = fulltext.search(
                conn,
                terms,
                limit=limit,
                outlet=outlet_key(outlet),
                language=wanted_language,
                since=since.isoformat() if since is not None else None,
                until=(until + timedelta(days=1)).isoformat() if until is not None and until < date.max else None,
                budget_s=self.search_budget_s,
            )
        hits = []
        for row, score, marked in found:
            snippet, spans = fulltext.split_snippet(marked)
            hits.append(SearchHit(article_from_row(row, article_id=row["id"]), score, snippet, spans))
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

    def outlet_stats(self) -> list[tuple[str, int, int]]:
        """``(outlet, articles, wire copies)`` per outlet, most articles first (as ``outlets()``).

        A wire copy is an article marked as copying an earlier article from another outlet.
        """
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
