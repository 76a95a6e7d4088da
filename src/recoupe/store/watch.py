"""Watchlists and the alert outbox (schema versions 8 and 10): tables, the check, and ``WatchMixin`` for ``SqlStore``.

``check`` runs in one write transaction: it finds the stories each watchlist matches, compares them with
what the watchlist last saw of them (``watch_seen``), and records an alert for each change in ``alerts`` in
that same transaction, so a change raises its alert once however often the check runs, and a check that
fails midway raises none. An alert waits in ``alerts`` until it is delivered: ``claim`` hands it to one
deliverer at a time (``next_attempt_at`` moves forward), ``delivered`` or ``failed`` records how it went.

A story merged into another (``story_redirects``) hands what the watchlist saw of it to the story it
joined, so a merge alone raises no "new story".
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    and_,
    delete,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)

from recoupe.alerts.model import Alert, StoryCounts, Watchlist
from recoupe.errors import NotFoundError, QueryError
from recoupe.store import fulltext
from recoupe.store.core import StoreCore, check_page
from recoupe.store.rows import outlet_key
from recoupe.store.schema import (
    UTCDateTime,
    _string,
    _text,
    article_entities,
    articles,
    crosschecks,
    metadata,
    stories,
    story_articles,
    story_redirects,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, RowMapping

__all__ = ["WATCH_TABLES", "WatchMixin", "alerts", "create_tables", "watch_seen", "watchlists"]

#: full-text hits a keyword watchlist looks at per check (best first)
QUERY_HITS = 500
#: how long a claimed alert is left to its deliverer before another may try it
CLAIM = timedelta(minutes=2)

watchlists = Table(
    "watchlists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", _text(), nullable=False, unique=True),
    Column("entity", _text()),  # an entity key (``enrich.entities.entity_key``)
    Column("query", _text()),  # a full-text query (``store.query`` syntax)
    Column("outlet", _text()),  # as given; matched on its ``outlet_key``
    Column("min_outlets", Integer, nullable=False, default=1),
    Column("webhook", _text()),
    Column("secret", _text()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("checked_at", UTCDateTime),  # schema version 10: the last check (it then looks at what changed since)
)

watch_seen = Table(
    "watch_seen",
    metadata,
    Column("watch_id", Integer, ForeignKey("watchlists.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", _string(16), primary_key=True),
    Column("independent", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("conflicting", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watch_id", Integer, ForeignKey("watchlists.id", ondelete="CASCADE"), nullable=False),
    Column("story_id", _string(16), nullable=False),
    Column("kind", _string(16), nullable=False),
    Column("title", _text(), nullable=False),
    Column("detail", _text(), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", _text()),
    Column("next_attempt_at", UTCDateTime),  # not before: a claim in progress or a backoff
)
Index("ix_alerts_pending", alerts.c.delivered_at, alerts.c.next_attempt_at)

WATCH_TABLES = (watchlists, watch_seen, alerts)


def create_tables(conn: Connection, _dialect: str) -> None:
    """Migration step 8: the watchlist tables."""
    metadata.create_all(conn, tables=list(WATCH_TABLES))


def add_checked_at(conn: Connection, _dialect: str) -> None:
    """Migration step 10: ``watchlists.checked_at``. Idempotent: a database created at this version already
    has it (step 8 builds the tables from this module)."""
    if "checked_at" not in {c["name"] for c in inspect(conn).get_columns("watchlists")}:
        conn.execute(text("ALTER TABLE watchlists ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE"))


# -- rows ---------------------------------------------------------------------------------------------


def _watchlist(row: RowMapping) -> Watchlist:
    return Watchlist(
        id=int(row["id"]),
        name=row["name"],
        entity=row["entity"],
        query=row["query"],
        outlet=row["outlet"],
        min_outlets=int(row["min_outlets"]),
        webhook=row["webhook"],
        secret=row["secret"],
        created_at=row["created_at"],
    )


def _alert(row: RowMapping) -> Alert:
    return Alert(
        id=int(row["id"]),
        watch_id=int(row["watch_id"]),
        watch_name=row["name"],
        story_id=row["story_id"],
        kind=row["kind"],
        title=row["title"],
        detail=row["detail"],
        created_at=row["created_at"],
        delivered_at=row["delivered_at"],
        attempts=int(row["attempts"]),
        last_error=row["last_error"],
    )


def _alert_query() -> Any:
    return select(alerts, watchlists.c.name).join(watchlists, watchlists.c.id == alerts.c.watch_id)


# -- the check ----------------------------------------------------------------------------------------


def _query_hits(conn: Connection, query: str) -> list[str]:
    """Ids of the ``QUERY_HITS`` best full-text matches of ``query`` (no snippets: only ids are needed)."""
    terms = fulltext.terms_of(query)
    if not terms:
        return []
    if conn.dialect.name == "postgresql":
        from recoupe.store import postgres

        found = postgres.search(conn, terms, limit=QUERY_HITS, filters={}, budget_s=None)
        return sorted({str(row["id"]) for row, _score, _snippet in found})
    from recoupe.store import sqlite

    return sorted(
        {str(row["id"]) for row, _score in sqlite.search(conn, terms, limit=QUERY_HITS, filters={}, budget_s=None)}
    )


def _matching(conn: Connection, watch: Watchlist, since: datetime | None) -> list[RowMapping]:
    """The stories ``watch`` matches now (every condition it has); with ``since``, only those written or
    cross-checked since then (what else could have changed)."""
    query = select(stories.c.id, stories.c.title, stories.c.independent, stories.c.articles).where(
        stories.c.independent >= watch.min_outlets
    )
    if since is not None:
        checked = select(crosschecks.c.story_id).where(crosschecks.c.computed_at >= since)
        changed = select(stories.c.id).where(or_(stories.c.updated_at >= since, stories.c.id.in_(checked)))
        if conn.execute(changed.limit(1)).first() is None:
            return []  # nothing written or cross-checked since: no need to ask the full-text index
        query = query.where(stories.c.id.in_(changed))
    if watch.entity:
        naming = (
            select(story_articles.c.story_id)
            .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
            .where(article_entities.c.key == watch.entity)
        )
        query = query.where(stories.c.id.in_(naming))
    if watch.outlet:
        carrying = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(articles.c.outlet_key == outlet_key(watch.outlet))
        )
        query = query.where(stories.c.id.in_(carrying))
    if watch.query:
        ids = _query_hits(conn, watch.query)
        if not ids:
            return []
        found = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(ids))
        query = query.where(stories.c.id.in_(found))
    return list(conn.execute(query.order_by(stories.c.id)).mappings())


def _verdicts(conn: Connection, story_ids: list[str]) -> dict[str, tuple[int, int]]:
    """``{story id: (conflicting, updated)}`` from the stored cross-checks."""
    out: dict[str, tuple[int, int]] = {}
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start : start + 500]
        query = select(crosschecks.c.story_id, crosschecks.c.counts).where(crosschecks.c.story_id.in_(chunk))
        for story_id, counts in conn.execute(query):
            data = json.loads(counts)
            out[story_id] = (int(data.get("conflicting", 0)), int(data.get("updated", 0)))
    return out


def _seen(conn: Connection, watch_id: int) -> dict[str, StoryCounts]:
    query = select(watch_seen).where(watch_seen.c.watch_id == watch_id)
    return {
        row["story_id"]: StoryCounts(row["independent"], row["articles"], row["conflicting"], row["updated"])
        for row in conn.execute(query).mappings()
    }


def _inherited(conn: Connection, story_id: str, seen: dict[str, StoryCounts]) -> tuple[list[str], StoryCounts | None]:
    """What the watchlist saw of the stories merged into ``story_id`` (the most of each count), and their ids."""
    old = conn.execute(select(story_redirects.c.old_id).where(story_redirects.c.new_id == story_id)).scalars().all()
    known = [seen[o] for o in old if o in seen]
    if not known:
        return [], None
    merged = StoryCounts(
        max(c.independent for c in known),
        max(c.articles for c in known),
        max(c.conflicting for c in known),
        max(c.updated for c in known),
    )
    return [o for o in old if o in seen], merged


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def changes(before: StoryCounts | None, now: StoryCounts) -> list[tuple[str, str]]:
    """``(kind, detail)`` of each alert a story's counts call for, given what was seen of it before."""
    if before is None:
        return [
            (
                "new-story",
                f"{_plural(now.articles, 'article')} from {_plural(now.independent, 'independent outlet')}",
            )
        ]
    found = []
    if now.independent > before.independent:
        found.append(("new-outlet", f"now {_plural(now.independent, 'independent outlet')} (was {before.independent})"))
    if now.conflicting > before.conflicting:
        found.append(("conflicting", f"{_plural(now.conflicting, 'conflicting statement')} (was {before.conflicting})"))
    if now.updated > before.updated:
        found.append(("updated", f"{_plural(now.updated, 'updated statement')} (was {before.updated})"))
    return found


def check(conn: Connection, now: datetime, *, only: int | None = None, baseline: bool = False) -> int:
    """Compare every watchlist (or watchlist ``only``) with the stories it matches; record the alerts.

    ``baseline`` records what is there without raising alerts (a new watchlist starts from the present).
    Returns how many alerts were raised.
    """
    query = select(watchlists).order_by(watchlists.c.id)
    if only is not None:
        query = query.where(watchlists.c.id == only)
    raised = 0
    for found in list(conn.execute(query).mappings()):
        watch = _watchlist(found)
        matched = _matching(conn, watch, None if baseline else found["checked_at"])
        conn.execute(update(watchlists).where(watchlists.c.id == watch.id).values(checked_at=now))
        if not matched:
            continue
        verdicts = _verdicts(conn, [str(r["id"]) for r in matched])
        seen = _seen(conn, watch.id)
        for row in matched:
            story_id = str(row["id"])
            conflicting, updated = verdicts.get(story_id, (0, 0))
            now_counts = StoryCounts(int(row["independent"]), int(row["articles"]), conflicting, updated)
            before = seen.get(story_id)
            if before is None:
                gone, before = _inherited(conn, story_id, seen)
                if gone:
                    conn.execute(
                        delete(watch_seen).where(watch_seen.c.watch_id == watch.id, watch_seen.c.story_id.in_(gone))
                    )
            if before == now_counts:
                continue
            if not baseline:
                for kind, detail in changes(before, now_counts):
                    conn.execute(
                        insert(alerts).values(
                            watch_id=watch.id,
                            story_id=story_id,
                            kind=kind,
                            title=str(row["title"]),
                            detail=detail,
                            created_at=now,
                            attempts=0,
                        )
                    )
                    raised += 1
            values = {
                "independent": now_counts.independent,
                "articles": now_counts.articles,
                "conflicting": now_counts.conflicting,
                "updated": now_counts.updated,
            }
            if story_id in seen:
                conn.execute(
                    update(watch_seen)
                    .where(watch_seen.c.watch_id == watch.id, watch_seen.c.story_id == story_id)
                    .values(**values)
                )
            else:
                conn.execute(insert(watch_seen).values(watch_id=watch.id, story_id=story_id, **values))
    return raised


# -- the store's methods ------------------------------------------------------------------------------


class WatchMixin(StoreCore):
    """Watchlists and alerts (see ``recoupe.store.protocol.Store``)."""

    def add_watchlist(
        self,
        name: str,
        *,
        entity: str | None = None,
        query: str | None = None,
        outlet: str | None = None,
        min_outlets: int = 1,
        webhook: str | None = None,
        secret: str | None = None,
    ) -> Watchlist:
        """Keep a new watchlist, starting from the present: the stories it matches now raise no alert."""
        name = name.strip()
        if not name:
            raise QueryError("a watchlist needs a name")
        if min_outlets < 1:
            raise QueryError(f"min_outlets must be at least 1 (got {min_outlets})")
        if query is not None and not fulltext.terms_of(query):
            raise QueryError(f"the query {query!r} has no word to search for")
        now = datetime.now(UTC)
        with self._connect(write=True) as conn:
            if conn.execute(select(watchlists.c.id).where(watchlists.c.name == name)).first():
                raise QueryError(f"a watchlist named {name!r} exists already")
            result = conn.execute(
                insert(watchlists).values(
                    name=name,
                    entity=entity or None,
                    query=query or None,
                    outlet=outlet or None,
                    min_outlets=min_outlets,
                    webhook=webhook or None,
                    secret=secret or None,
                    created_at=now,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            new_id = int(key[0])
            check(conn, now, only=new_id, baseline=True)
            row = conn.execute(select(watchlists).where(watchlists.c.id == new_id)).mappings().one()
        return _watchlist(row)

    def watchlists(self) -> list[Watchlist]:
        """Every watchlist, oldest first."""
        with self._connect(write=False) as conn:
            return [_watchlist(r) for r in conn.execute(select(watchlists).order_by(watchlists.c.id)).mappings()]

    def remove_watchlist(self, name_or_id: str) -> Watchlist:
        """Forget a watchlist (by name or id) with what it saw and its alerts."""
        with self._connect(write=True) as conn:
            wanted = name_or_id.strip()
            condition = watchlists.c.name == wanted
            if wanted.isdigit():
                condition = or_(condition, watchlists.c.id == int(wanted))
            row = conn.execute(select(watchlists).where(condition)).mappings().first()
            if row is None:
                raise NotFoundError(f"no watchlist named {name_or_id!r}", where=self.where)
            # explicit: SQLite enforces foreign keys only when asked, PostgreSQL always
            conn.execute(delete(alerts).where(alerts.c.watch_id == row["id"]))
            conn.execute(delete(watch_seen).where(watch_seen.c.watch_id == row["id"]))
            conn.execute(delete(watchlists).where(watchlists.c.id == row["id"]))
        return _watchlist(row)

    def check_watchlists(self) -> int:
        """Run every watchlist against the stories now; record (and return the number of) new alerts."""
        with self._connect(write=True) as conn:
            if conn.execute(select(watchlists.c.id).limit(1)).first() is None:
                return 0
            return check(conn, datetime.now(UTC))

    def alerts(
        self, *, watchlist: str | None = None, pending: bool = False, limit: int = 50, offset: int = 0
    ) -> list[Alert]:
        """Alerts, newest first; ``watchlist`` (a name) keeps its own, ``pending`` those not delivered yet."""
        check_page(limit, offset)
        query = _alert_query()
        if watchlist is not None:
            query = query.where(watchlists.c.name == watchlist)
        if pending:
            query = query.where(alerts.c.delivered_at.is_(None), watchlists.c.webhook.is_not(None))
        query = query.order_by(alerts.c.id.desc()).limit(limit).offset(offset)
        with self._connect(write=False) as conn:
            return [_alert(r) for r in conn.execute(query).mappings()]

    def claim_alerts(self, *, limit: int = 100) -> list[tuple[Alert, str, str | None]]:
        """Undelivered alerts due for delivery, each with its webhook and secret, claimed for ``CLAIM``.

        A claimed alert is not handed to another deliverer until the claim runs out, so two processes
        delivering at once do not both send it.
        """
        now = datetime.now(UTC)
        due = and_(
            alerts.c.delivered_at.is_(None),
            watchlists.c.webhook.is_not(None),
            or_(alerts.c.next_attempt_at.is_(None), alerts.c.next_attempt_at <= now),
        )
        query = _alert_query().add_columns(watchlists.c.webhook, watchlists.c.secret)
        with self._connect(write=True) as conn:
            rows = list(conn.execute(query.where(due).order_by(alerts.c.id).limit(limit)).mappings())
            if rows:
                ids = [int(r["id"]) for r in rows]
                conn.execute(update(alerts).where(alerts.c.id.in_(ids)).values(next_attempt_at=now + CLAIM))
        return [(_alert(r), str(r["webhook"]), r["secret"]) for r in rows]

    def alert_delivered(self, alert_id: int, attempts: int) -> None:
        """Record that an alert reached its webhook after ``attempts`` more tries."""
        with self._connect(write=True) as conn:
            conn.execute(
                update(alerts)
                .where(alerts.c.id == alert_id)
                .values(
                    delivered_at=datetime.now(UTC),
                    attempts=alerts.c.attempts + attempts,
                    last_error=None,
                    next_attempt_at=None,
                )
            )

    def alert_failed(self, alert_id: int, attempts: int, error: str, retry_at: datetime) -> None:
        """Record that ``attempts`` more tries failed (the last with ``error``); try again from ``retry_at``."""
        with self._connect(write=True) as conn:
            conn.execute(
                update(alerts)
                .where(alerts.c.id == alert_id)
                .values(attempts=alerts.c.attempts + attempts, last_error=error[:500], next_attempt_at=retry_at)
            )
