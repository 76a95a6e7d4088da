"""``copy_store`` carries every table: a store with revisions, a deleted article, stories, cross-checks,
fetch state, watchlists, what they saw and their alerts (delivered, failed, claimed, never sent) goes from
SQLite to PostgreSQL and back with every row identical, and the copies keep working (new ids, new alerts)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from tests.store.corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, SUMMIT_BODY, SUMMIT_TITLE, article

from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, FetchState, StoryRow
from recoupe.store import open_store
from recoupe.store.base import SqlStore
from recoupe.store.copy import COPIED_TABLES, copy_store

MUSK = EntityRef("elon musk", "Elon Musk", "PER", ("Musk",), (), 2)
NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)
#: tables that are not data: the migrations' own record and the engines' full-text index (rebuilt on copy)
NOT_COPIED = {"schema_version", "articles_fts"}


def _story(store: SqlStore, story_id: str, members: list[str], independent: int) -> None:
    row = StoryRow(
        story_id, f"story {story_id}", members[0], len(members), independent, independent, ("fr",), None, None, NOW, NOW
    )
    with store.story_tx(write=True) as tx:
        tx.write_stories(dict.fromkeys(members, story_id), [row], {}, datetime.now(UTC))


def _fill(store: SqlStore) -> None:
    """An archive using every table: articles, a revision, a deletion, enrichment, stories, cross-check,
    fetch state, two watchlists, what they saw and six alerts (delivered, failed, claimed, never sent)."""
    day = date(2025, 2, 11)
    added = store.add(
        [
            article(MUSK_TITLE, MUSK_BODY, outlet="Le Monde", url="https://a.example/musk", day=day),
            article(CLUBIC_TITLE, CLUBIC_BODY, outlet="Clubic", url="https://b.example/musk", day=day),
            article(SUMMIT_TITLE, SUMMIT_BODY, outlet="Libération", url="https://c.example/summit", day=day),
        ]
    )
    monde, clubic, summit = (article_id for article_id, _ in added)
    store.save_enrichments(
        [Enrichment(a, "fr", EnrichmentLevel.FULL, entities=(MUSK,)) for a in (monde, clubic)], version=1
    )
    store.edit_article(monde, outlet="Le Monde.fr")  # a correction: the old row becomes a revision
    store.delete_article(summit)
    store.save_fetch_state([FetchState("https://a.example/feed", '"v1"', None, NOW, 200)])
    store.add_watchlist("musk", entity="elon musk", webhook="https://hooks.example/musk", secret="s3cret")
    store.add_watchlist("openai", query="OpenAI")
    _story(store, "s1", [monde], 1)
    assert store.check_watchlists() == 2
    _story(store, "s1", [monde, clubic], 2)
    store.save_crosscheck("s1", "sig", {"conflicting": 1}, '{"verdicts": []}')
    assert store.check_watchlists() == 4
    claimed = store.claim_alerts()
    assert len(claimed) == 3  # the webhook watchlist's alerts (new story, new outlet, conflicting); the other
    # watchlist has no webhook: its three are never claimed
    store.alert_delivered(claimed[0][0].id, 1)
    store.alert_failed(claimed[1][0].id, 3, "HTTP 502", NOW + timedelta(minutes=5))


def _dump(store: SqlStore) -> dict[str, list[dict[str, Any]]]:
    """Every copied table's rows, ordered by primary key."""
    with store.transaction(write=False) as conn:
        ordered = {table.name: select(table).order_by(*table.primary_key.columns) for table in COPIED_TABLES}
        return {name: [dict(row) for row in conn.execute(query).mappings()] for name, query in ordered.items()}


def _tables(store: SqlStore) -> set[str]:
    with store.transaction(write=False) as conn:
        return {name for name in inspect(conn).get_table_names() if not name.startswith("articles_fts")}


def test_every_table_of_the_migrations_is_copied(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.db")) as store:
        assert isinstance(store, SqlStore)
        assert _tables(store) - NOT_COPIED == {table.name for table in COPIED_TABLES}


def test_a_whole_archive_round_trips_through_postgresql(tmp_path: Path, postgres_url: str) -> None:
    with (
        open_store(str(tmp_path / "a.db")) as source,
        open_store(postgres_url) as middle,
        open_store(str(tmp_path / "back.db")) as back,
    ):
        assert isinstance(source, SqlStore)
        assert isinstance(middle, SqlStore)
        assert isinstance(back, SqlStore)
        _fill(source)
        original = _dump(source)
        counted = ("article_revisions", "deleted_articles", "watchlists", "watch_seen", "alerts", "crosschecks")
        assert {name: len(original[name]) for name in counted} == {
            "article_revisions": 1,
            "deleted_articles": 1,
            "watchlists": 2,
            "watch_seen": 2,
            "alerts": 6,
            "crosschecks": 1,
        }
        sent = sorted((a["delivered_at"] is not None, a["attempts"], a["last_error"]) for a in original["alerts"])
        assert sent == [*[(False, 0, None)] * 4, (False, 3, "HTTP 502"), (True, 1, None)]
        first = copy_store(source, middle)
        assert first.written == first.read
        assert _dump(middle) == original
        again = copy_store(source, middle)  # resumable: a second run writes nothing
        assert sum(again.written.values()) == 0
        copy_store(middle, back)
        assert _dump(back) == original
        assert source.check_integrity() == middle.check_integrity() == back.check_integrity() == []

        # the copies go on: new watchlists and alerts get ids past the copied ones, on both engines
        for target in (middle, back):
            most = max(row["id"] for row in original["alerts"])
            watchlist = target.add_watchlist("clubic", outlet="Clubic")
            assert watchlist.id == 3
            (clubic,) = [row["id"] for row in original["articles"] if row["outlet"] == "Clubic"]
            _story(target, "s2", [clubic], 1)
            assert target.check_watchlists() >= 1
            assert min(a.id for a in target.alerts(watchlist="clubic")) > most
            assert target.deleted() == source.deleted()
