"""Alerts as people see them: the CLI (watchlist add/list/remove, alerts), the API, the page and the Atom feed
(read back with feedparser, as a feed reader would), and the hook after ``recoupe ingest``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from tests.alerts.conftest import Receiver
from tests.store.corpus import CLUBIC_BODY, MUSK_BODY, article

from recoupe.alerts.deliver import signature
from recoupe.app import create_app
from recoupe.cli.main import cli
from recoupe.config import load_settings
from recoupe.model import StoryRow
from recoupe.store import Store, open_store

NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)  # created_at of the rows; stories are written at the real time
TRICKY = "Musk <b>& OpenAI</b>: l'offre « rejetée »"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "cli.db"))
    monkeypatch.delenv("RECOUPE_WEBHOOK_SECRET", raising=False)
    return CliRunner()


def _invoke(run: CliRunner, *args: str) -> str:
    result = run.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _story(store: Store, story_id: str, title: str, body: str, outlet: str) -> None:
    [(article_id, _)] = store.add([article(title, body, outlet=outlet, day=date(2025, 2, 11))])
    row = StoryRow(story_id, title, article_id, 1, 1, 1, ("fr",), None, None, NOW, NOW)
    with store.story_tx(write=True) as tx:
        tx.write_stories({article_id: story_id}, [row], {}, datetime.now(UTC))


def test_watchlist_commands_and_alert_list(run: CliRunner, tmp_path: Path) -> None:
    out = _invoke(run, "watchlist", "add", "musk", "--entity", "M. Élon Musk", "--min-outlets", "2")
    assert "watchlist 1 musk: entity 'elon musk' · 2+ independent outlets" in out
    _invoke(
        run, "watchlist", "add", "openai", "--query", "OpenAI", "--webhook", "http://127.0.0.1:9/h", "--secret", "k"
    )
    listed = json.loads(_invoke(run, "watchlist", "list", "--json"))
    assert [(w["name"], w["entity"], w["query"], w["min_outlets"], w["signed"]) for w in listed] == [
        ("musk", "elon musk", None, 2, False),
        ("openai", None, "OpenAI", 1, True),
    ]
    refused = run.invoke(cli, ["watchlist", "add", "x", "--webhook", "ftp://example.org/"])
    assert refused.exit_code == 2
    assert "http:// or https://" in refused.output
    twice = run.invoke(cli, ["watchlist", "add", "musk"])
    assert twice.exit_code != 0
    assert "exists already" in twice.output

    with open_store(str(tmp_path / "cli.db")) as store:
        _story(store, "t1", TRICKY, MUSK_BODY, "Le Monde")
        assert store.check_watchlists() == 1
    alerts = json.loads(_invoke(run, "alerts", "--json"))
    assert [(a["watchlist"]["name"], a["kind"], a["story_id"], a["title"]) for a in alerts] == [
        ("openai", "new-story", "t1", TRICKY)
    ]
    assert json.loads(_invoke(run, "alerts", "--watchlist", "musk", "--json")) == []
    table = _invoke(run, "alerts")
    assert "new-story" in table
    assert "1 alert(s)" in table
    assert "removed watchlist 2 openai" in _invoke(run, "watchlist", "remove", "openai")
    assert "no alerts" in _invoke(run, "alerts")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    db = tmp_path / "served.db"
    with open_store(str(db)) as store:
        store.add_watchlist("openai", query="OpenAI", webhook="http://127.0.0.1:9/h", secret="zq-secret-91")
        store.add_watchlist("clubic", outlet="Clubic")
        _story(store, "f1", TRICKY, MUSK_BODY, "Le Monde")
        _story(store, "f2", "OpenAI repousse l'offre", CLUBIC_BODY, "Clubic")
        assert store.check_watchlists() == 3
        settings = load_settings({"db": str(db)}, env={}, config_file=None)
        with TestClient(create_app(settings, store=store)) as client:
            yield client, store


def test_atom_feed_reads_back_in_a_feed_reader(served: tuple[TestClient, Store]) -> None:
    client, _store = served
    response = client.get("/alerts.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo is False, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "recoupe alerts"
    titles = [entry.title for entry in parsed.entries]
    assert titles == [
        "New story: OpenAI repousse l'offre",  # newest first: f2 for the clubic watchlist
        "New story: OpenAI repousse l'offre",  # f2 for openai
        f"New story: {TRICKY}",  # markup in a title stays text
    ]
    assert parsed.entries[2].link == "http://testserver/stories/f1"
    assert parsed.entries[2].summary == "1 article from 1 independent outlet (watchlist openai)"
    assert len({entry.id for entry in parsed.entries}) == 3
    one = feedparser.parse(client.get("/alerts.atom", params={"watchlist": "clubic"}).content)
    assert [entry.link for entry in one.entries] == ["http://testserver/stories/f2"]
    assert one.feed.title == "recoupe alerts: clubic"


def test_api_and_page_list_alerts_and_hide_secrets(served: tuple[TestClient, Store]) -> None:
    client, _store = served
    items = client.get("/api/alerts", params={"watchlist": "openai"}).json()["items"]
    assert [(a["story_id"], a["kind"], a["delivered_at"]) for a in items] == [
        ("f2", "new-story", None),
        ("f1", "new-story", None),
    ]
    watchlists = client.get("/api/watchlists").json()["items"]
    assert [(w["name"], w["signed"]) for w in watchlists] == [("openai", True), ("clubic", False)]
    assert "zq-secret-91" not in client.get("/api/watchlists").text
    page = client.get("/alerts")
    assert page.status_code == 200
    assert "Musk &lt;b&gt;&amp; OpenAI&lt;/b&gt;" in page.text  # escaped, never markup
    assert 'href="/stories/f1"' in page.text
    assert 'href="/alerts.atom"' in page.text
    assert "zq-secret-91" not in page.text
    only = client.get("/alerts", params={"watchlist": "clubic"}).text
    assert 'href="/stories/f1"' not in only
    assert 'href="/stories/f2"' in only


def test_an_ingest_round_raises_and_delivers_alerts(run: CliRunner, receiver: Receiver, seeds_dir: Path) -> None:
    _invoke(run, "watchlist", "add", "openai", "--query", "OpenAI", "--webhook", receiver.url, "--secret", "k")
    _invoke(run, "ingest", str(seeds_dir), "--no-enrich")  # the hook runs at the end of the round
    [(status, headers, body)] = receiver.got
    assert status == 200
    sent = json.loads(body)
    assert (sent["kind"], sent["watchlist"]["name"]) == ("new-story", "openai")
    assert sent["detail"].startswith("2 articles from ")  # the two seed articles, one story
    assert headers["X-Recoupe-Signature"] == signature("k", body)
    _invoke(run, "ingest", str(seeds_dir), "--no-enrich")  # nothing changed: nothing raised, nothing sent
    assert len(receiver.got) == 1
    [listed] = json.loads(_invoke(run, "alerts", "--json"))
    assert listed["delivered_at"] is not None


def test_an_api_ingest_raises_alerts_too(tmp_path: Path) -> None:
    db = tmp_path / "api.db"
    settings = load_settings({"db": str(db), "api_token": "t0ken", "enrich": False}, env={}, config_file=None)
    with open_store(str(db)) as store:
        store.add_watchlist("openai", query="OpenAI")
        with TestClient(create_app(settings, store=store)) as client:
            record = {"title": "OpenAI repousse l'offre d'Elon Musk", "text": CLUBIC_BODY, "outlet": "Clubic"}
            response = client.post("/api/ingest", json={"records": [record]}, headers={"Authorization": "Bearer t0ken"})
            assert response.status_code == 200, response.text
            assert [(a["kind"], a["watchlist"]["name"]) for a in client.get("/api/alerts").json()["items"]] == [
                ("new-story", "openai")
            ]
