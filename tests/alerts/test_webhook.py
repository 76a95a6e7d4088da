"""Alert delivery against a real loopback webhook receiver: signed JSON, retries with backoff, sent once."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.alerts.conftest import Receiver
from tests.store.corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, article

from recoupe.alerts import after_round
from recoupe.alerts.deliver import DeliveryPolicy, deliver, signature
from recoupe.model import StoryRow
from recoupe.store import Store, open_store

NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)  # created_at of the rows; stories are written at the real time
FAST = DeliveryPolicy(tries=3, backoff=0.01, retry=0.0, timeout=5.0)
SECRET = "s3cret"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "alerts.db")) as opened:
        yield opened


def _stories(store: Store, *titles: tuple[str, str, str]) -> None:
    """One story per ``(story id, title, body)``, each from its own outlet."""
    for n, (story_id, title, body) in enumerate(titles):
        [(article_id, _)] = store.add([article(title, body, outlet=f"outlet {n}", day=date(2025, 2, 11))])
        row = StoryRow(story_id, title, article_id, 1, 1, 1, ("fr",), None, None, NOW, NOW)
        with store.story_tx(write=True) as tx:
            tx.write_stories({article_id: story_id}, [row], {}, datetime.now(UTC))


def _successes(receiver: Receiver) -> list[str]:
    return [headers["X-Recoupe-Alert"] for status, headers, _ in receiver.got if status == 200]


def test_signature_is_hmac_sha256_of_the_body() -> None:
    # RFC 4231-style check with the well-known example of HMAC-SHA256 (key "key", the quick brown fox)
    expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    assert signature("key", b"The quick brown fox jumps over the lazy dog") == expected


def test_a_failing_receiver_that_recovers_gets_the_alert_once(store: Store, receiver: Receiver) -> None:
    store.add_watchlist("openai", query="OpenAI", webhook=receiver.url, secret=SECRET)
    _stories(store, ("s1", MUSK_TITLE, MUSK_BODY))
    receiver.script = [500, 503]  # two failures, then it takes it
    waits: list[float] = []
    report = deliver(store, policy=FAST, sleep=waits.append, raised=store.check_watchlists())
    assert (report.raised, report.delivered, report.failed) == (1, 1, 0)
    assert [status for status, _, _ in receiver.got] == [500, 503, 200]
    assert waits == [0.01, 0.02]  # backoff doubles
    bodies = {body for _, _, body in receiver.got}
    assert len(bodies) == 1  # the same alert each time
    [(_, headers, body)] = [item for item in receiver.got if item[0] == 200]
    sent = json.loads(body)
    assert sent["kind"] == "new-story"
    assert sent["story_id"] == "s1"
    assert sent["title"] == MUSK_TITLE
    assert sent["watchlist"]["name"] == "openai"
    assert sent["detail"] == "1 article from 1 independent outlet"
    assert headers["X-Recoupe-Event"] == "new-story"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    by_hand = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Recoupe-Signature"] == by_hand
    assert not hmac.compare_digest(headers["X-Recoupe-Signature"], signature("wrong", body))

    again = deliver(store, policy=FAST, sleep=waits.append)
    assert (again.delivered, again.failed) == (0, 0)
    assert len(receiver.got) == 3  # delivered: never sent again
    [alert] = store.alerts()
    assert alert.delivered_at is not None
    assert alert.attempts == 3


def test_a_receiver_down_for_a_round_gets_every_alert_in_a_later_round_once(store: Store, receiver: Receiver) -> None:
    store.add_watchlist("all", webhook=receiver.url)  # no condition: every story
    _stories(store, ("a1", MUSK_TITLE, MUSK_BODY), ("a2", CLUBIC_TITLE, CLUBIC_BODY))
    receiver.script = [500, 500, 500]
    first = deliver(store, policy=FAST, sleep=lambda _s: None, raised=store.check_watchlists())
    assert (first.raised, first.delivered, first.failed) == (2, 0, 2)
    assert len(receiver.got) == 3  # the second alert is not tried against a webhook that is down
    assert [a.last_error for a in store.alerts(pending=True)] == ["webhook down this round", "HTTP 500"]
    second = deliver(store, policy=FAST, sleep=lambda _s: None)
    assert (second.delivered, second.failed) == (2, 0)
    third = after_round(store)  # nothing new, nothing due
    assert (third.raised, third.delivered, third.failed) == (0, 0, 0)
    ids = sorted(str(a.id) for a in store.alerts())
    assert sorted(_successes(receiver)) == ids  # each alert taken exactly once
    assert store.alerts(pending=True) == []


def test_an_unreachable_webhook_waits_for_a_later_round(store: Store, receiver: Receiver) -> None:
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{closed.server_address[1]}/hook"
    closed.server_close()  # nothing listens there now
    store.add_watchlist("nowhere", webhook=url)
    _stories(store, ("u1", MUSK_TITLE, MUSK_BODY))
    slow = DeliveryPolicy(tries=2, backoff=0.01, retry=3600.0, timeout=5.0)
    report = deliver(store, policy=slow, sleep=lambda _s: None, raised=store.check_watchlists())
    assert (report.delivered, report.failed) == (0, 1)
    [alert] = store.alerts()
    assert alert.attempts == 2
    assert alert.last_error is not None
    assert alert.last_error.startswith("ConnectError")
    assert deliver(store, policy=slow).failed == 0  # not due for an hour: not tried again now
    assert receiver.got == []


def test_a_malformed_webhook_url_is_a_recorded_failure_not_a_crash(store: Store) -> None:
    store.add_watchlist("typo", webhook="http://[::1/hook")  # starts like a URL, is not one
    _stories(store, ("m1", MUSK_TITLE, MUSK_BODY))
    report = after_round(store)  # what ingest calls: it must not fail the ingest
    assert (report.raised, report.delivered, report.failed) == (1, 0, 1)
    [alert] = store.alerts()
    assert alert.last_error is not None
    assert alert.last_error.startswith("InvalidURL")
