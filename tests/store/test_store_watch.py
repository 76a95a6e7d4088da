"""Watchlists and the alert outbox in the store (both engines): each change raises one alert, once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from tests.store.corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, SUMMIT_BODY, SUMMIT_TITLE, article

from recoupe.errors import NotFoundError, QueryError
from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, StoryRow
from recoupe.store import Store
from recoupe.store.schema import stories

NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)  # created_at of the rows; stories are written at the real time
MUSK = EntityRef("elon musk", "Elon Musk", "PER", ("Musk",), (), 2)


def _add(store: Store, title: str, body: str, outlet: str, *, musk: bool) -> str:
    [(article_id, _)] = store.add([article(title, body, outlet=outlet, day=date(2025, 2, 11))])
    if musk:
        store.save_enrichments([Enrichment(article_id, "fr", EnrichmentLevel.FULL, entities=(MUSK,))], version=1)
    return article_id


def _story(
    store: Store, story_id: str, members: list[str], independent: int, *, redirects: dict[str, str] | None = None
) -> None:
    row = StoryRow(
        story_id, f"story {story_id}", members[0], len(members), independent, independent, ("fr",), None, None, NOW, NOW
    )
    with store.story_tx(write=True) as tx:
        tx.write_stories(dict.fromkeys(members, story_id), [row], redirects or {}, datetime.now(UTC))


def _seen(store: Store) -> list[tuple[str, str, str]]:
    return [(a.story_id, a.kind, a.detail) for a in reversed(store.alerts())]


def test_a_watchlist_starts_from_the_present_and_alerts_each_change_once(store: Store) -> None:
    monde = _add(store, MUSK_TITLE, MUSK_BODY, "Le Monde", musk=True)
    _story(store, "s1", [monde], 1)
    watch = store.add_watchlist("musk", entity="elon musk")
    assert watch.id >= 1
    assert watch.describe() == "entity 'elon musk'"
    assert store.check_watchlists() == 0  # the story there when the watchlist was made raises nothing
    assert store.alerts() == []

    summit = _add(store, SUMMIT_TITLE, SUMMIT_BODY, "Libération", musk=False)
    _story(store, "s2", [summit], 1)
    assert store.check_watchlists() == 0  # a story not naming Musk

    clubic = _add(store, CLUBIC_TITLE, CLUBIC_BODY, "Clubic", musk=True)
    _story(store, "s3", [clubic], 1)
    assert store.check_watchlists() == 1
    assert _seen(store) == [("s3", "new-story", "1 article from 1 independent outlet")]
    assert store.check_watchlists() == 0  # once

    _story(store, "s1", [monde, clubic], 2, redirects={"s3": "s1"})  # s3 joins s1: one more outlet
    assert store.check_watchlists() == 1
    assert _seen(store)[-1] == ("s1", "new-outlet", "now 2 independent outlets (was 1)")

    store.save_crosscheck("s1", "sig", {"conflicting": 2, "updated": 1, "corroborated": 3}, "{}")
    assert store.check_watchlists() == 2
    assert _seen(store)[-2:] == [
        ("s1", "conflicting", "2 conflicting statements (was 0)"),
        ("s1", "updated", "1 updated statement (was 0)"),
    ]
    store.save_crosscheck("s1", "sig2", {"conflicting": 1, "updated": 1}, "{}")
    assert store.check_watchlists() == 0  # fewer conflicts: nothing to say
    assert [a.watch_name for a in store.alerts()] == ["musk"] * 4


def test_a_merged_story_is_not_new(store: Store) -> None:
    monde = _add(store, MUSK_TITLE, MUSK_BODY, "Le Monde", musk=True)
    clubic = _add(store, CLUBIC_TITLE, CLUBIC_BODY, "Clubic", musk=True)
    _story(store, "a1", [monde], 1)
    _story(store, "a2", [clubic], 1)
    store.add_watchlist("musk", entity="elon musk")
    _story(store, "a3", [monde, clubic], 1, redirects={"a1": "a3", "a2": "a3"})  # same outlets counted as one
    assert store.check_watchlists() == 0


def test_query_outlet_and_least_outlets_all_hold(store: Store) -> None:
    monde = _add(store, MUSK_TITLE, MUSK_BODY, "Le Monde", musk=False)
    _story(store, "q1", [monde], 1)
    store.add_watchlist("openai in two", query="OpenAI", min_outlets=2)
    store.add_watchlist("clubic", outlet="CLUBIC")
    assert store.check_watchlists() == 0
    clubic = _add(store, CLUBIC_TITLE, CLUBIC_BODY, "Clubic", musk=False)
    _story(store, "q1", [monde, clubic], 2)
    assert store.check_watchlists() == 2
    got = sorted((a.watch_name, a.kind, a.detail) for a in store.alerts())
    assert got == [
        ("clubic", "new-story", "2 articles from 2 independent outlets"),  # Clubic now covers q1
        ("openai in two", "new-story", "2 articles from 2 independent outlets"),  # q1 reaches 2 outlets
    ]


def test_watchlists_are_listed_refused_and_removed(store: Store) -> None:
    store.add_watchlist("one", entity="elon musk", webhook="http://127.0.0.1:9/hook", secret="k")
    store.add_watchlist("two", query="sommet")
    with pytest.raises(QueryError, match="exists already"):
        store.add_watchlist("one")
    with pytest.raises(QueryError, match="no word"):
        store.add_watchlist("three", query="  ;; ")
    assert [(w.name, w.webhook, w.secret) for w in store.watchlists()] == [
        ("one", "http://127.0.0.1:9/hook", "k"),
        ("two", None, None),
    ]
    assert store.watchlists()[0].to_dict()["signed"] is True
    assert "secret" not in store.watchlists()[0].to_dict()
    assert store.remove_watchlist("one").name == "one"
    assert [w.name for w in store.watchlists()] == ["two"]
    with pytest.raises(NotFoundError):
        store.remove_watchlist("one")


def test_claimed_alerts_wait_and_delivered_ones_are_not_handed_out_again(store: Store) -> None:
    store.add_watchlist("hooked", query="OpenAI", webhook="http://127.0.0.1:9/hook")
    store.add_watchlist("feed only", query="OpenAI")
    monde = _add(store, MUSK_TITLE, MUSK_BODY, "Le Monde", musk=False)
    _story(store, "c1", [monde], 1)
    assert store.check_watchlists() == 2
    claimed = store.claim_alerts()
    assert [(a.watch_name, url) for a, url, _ in claimed] == [("hooked", "http://127.0.0.1:9/hook")]
    assert store.claim_alerts() == []  # claimed: not handed out twice
    alert = claimed[0][0]
    store.alert_failed(alert.id, 3, "HTTP 500", datetime.now(UTC) - timedelta(seconds=1))
    [(again, _, _)] = store.claim_alerts()
    assert again.attempts == 3
    assert again.last_error == "HTTP 500"
    store.alert_delivered(alert.id, 1)
    assert store.claim_alerts() == []
    [done] = store.alerts(watchlist="hooked")
    assert done.attempts == 4
    assert done.delivered_at is not None
    assert store.alerts(pending=True) == []


def test_a_check_looks_at_what_changed_since_the_last(store: Store) -> None:
    monde = _add(store, MUSK_TITLE, MUSK_BODY, "Le Monde", musk=True)
    _story(store, "w1", [monde], 1)
    store.add_watchlist("musk", entity="elon musk")
    assert store.check_watchlists() == 0
    # a story row changed behind the check's back, without being written again: not looked at
    with store.transaction(write=True) as conn:  # type: ignore[attr-defined] - the SQL store's own test door
        conn.execute(stories.update().where(stories.c.id == "w1").values(independent=3))
    assert store.check_watchlists() == 0
    # cross-checking it (computed_at now) brings it back into view: its new outlets are seen too
    store.save_crosscheck("w1", "sig", {"conflicting": 1}, "{}")
    assert store.check_watchlists() == 2
    assert sorted(a.kind for a in store.alerts()) == ["conflicting", "new-outlet"]
