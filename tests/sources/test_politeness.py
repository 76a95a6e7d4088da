"""The polite fetcher against the loopback server: robots.txt, the per-host delay, conditional GETs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from recoupe.config import Settings
from recoupe.model import Failure, Record
from recoupe.sources.polite import HostPacer, Politeness
from recoupe.sources.web import NOT_MODIFIED, Fetcher, FetchMemory, fetch_url, fetch_urls, make_client
from recoupe.store import open_store

from .conftest import LoopbackServer


@pytest.fixture
def robots(web: LoopbackServer) -> Iterator[LoopbackServer]:
    """The server with its robots.txt reset after the test (the server is shared by the module)."""
    yield web
    web.robots = None


def test_disallowed_path_is_never_requested(robots: LoopbackServer, settings: Settings) -> None:
    robots.robots = (200, "User-agent: *\nDisallow: /pages/13271.html\n\nUser-agent: otherbot\nDisallow: /\n")
    before, robots_before = len(robots.hits), len(robots.robots_hits)
    urls = [robots("/pages/13271.html"), robots("/pages/10686.html")]
    results = list(fetch_urls(urls, settings))
    assert isinstance(results[0], Failure)
    assert (results[0].reason, results[0].error) == ("disallowed by robots.txt", "FetchError")
    assert isinstance(results[1], Record)
    assert robots.hits[before:] == ["/pages/10686.html"]  # the disallowed path never reached the server
    assert len(robots.robots_hits) - robots_before == 1  # robots.txt once for the run


def test_robots_is_matched_on_our_user_agent(robots: LoopbackServer, settings: Settings) -> None:
    robots.robots = (200, "User-agent: recoupe\nDisallow: /pages/\n")
    result = fetch_url(robots("/pages/10686.html"), settings)
    assert isinstance(result, Failure)
    assert result.reason == "disallowed by robots.txt"
    ignoring = dataclasses.replace(settings, respect_robots=False)
    assert isinstance(fetch_url(robots("/pages/10686.html"), ignoring), Record)


@pytest.mark.parametrize(("status", "allowed"), [(500, True), (503, True), (404, True), (403, False), (401, False)])
def test_robots_status(robots: LoopbackServer, settings: Settings, status: int, allowed: bool) -> None:
    robots.robots = (status, "User-agent: *\nDisallow: /\n")
    before = len(robots.hits)
    result = fetch_url(robots("/pages/10686.html"), settings)
    assert isinstance(result, Record) is allowed
    assert len(robots.hits) - before == (1 if allowed else 0)


def test_unreachable_robots_allows() -> None:
    politeness = Politeness(delay=0.0)
    settings = Settings(fetch_delay=0.0)
    with make_client(settings, politeness=politeness) as client:
        result = fetch_url("http://127.0.0.1:9/page.html", settings, client=client)
    assert isinstance(result, Failure)
    assert result.reason.startswith("cannot connect")  # not "disallowed": robots.txt could not be read
    assert politeness.robots_fetched == ["http://127.0.0.1:9"]


class FakeClock:
    """A clock that only moves when the pacer sleeps: the waits are recorded, no time passes."""

    def __init__(self) -> None:
        self.now = 100.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 6))
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_delay(robots: LoopbackServer, settings: Settings) -> None:
    fake = FakeClock()
    politeness = Politeness(delay=2.5, pacer=HostPacer(clock=fake.clock, sleep=fake.sleep))
    delayed = dataclasses.replace(settings, fetch_delay=2.5)
    urls = [robots("/pages/10686.html"), robots("/pages/13271.html"), robots("/latin1.html")]
    with make_client(delayed, politeness=politeness) as client:
        results = list(fetch_urls(urls, delayed, client=client))
    assert all(isinstance(item, Record) for item in results)
    assert fake.waits == [2.5, 2.5]  # robots.txt first (delays nothing), then three pages 2.5 s apart


def test_crawl_delay_wins_when_longer(robots: LoopbackServer, settings: Settings) -> None:
    robots.robots = (200, "User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n")
    fake = FakeClock()
    politeness = Politeness(delay=1.0, pacer=HostPacer(clock=fake.clock, sleep=fake.sleep))
    with make_client(settings, politeness=politeness) as client:
        list(fetch_urls([robots("/pages/10686.html"), robots("/pages/13271.html")], settings, client=client))
    assert fake.waits == [7.0]


def test_pacer_is_per_host() -> None:
    fake = FakeClock()
    pacer = HostPacer(clock=fake.clock, sleep=fake.sleep)
    assert [pacer.wait("a", 1.0), pacer.wait("b", 1.0), pacer.wait("a", 1.0)] == [0.0, 0.0, 1.0]
    assert fake.waits == [1.0]


def test_conditional_get_and_not_modified(web: LoopbackServer, settings: Settings) -> None:
    url = web("/pages/10686.html")
    with open_store(settings.db) as store:
        memory = FetchMemory(store.fetch_state)
        with Fetcher(settings, memory=memory) as fetcher:
            first = list(memory.track(fetch_urls([url], settings, client=fetcher)))
        assert isinstance(first[0], Record)
        assert store.fetch_state(url) is None  # nothing saved before the caller says it is stored
        assert memory.flush(store.save_fetch_state) == 1
        state = store.fetch_state(url)
        assert state is not None
        assert (state.etag, state.last_modified, state.status) == ('"10686"', "Wed, 24 Oct 2018 08:00:00 GMT", 200)

        before = len(web.conditional)
        memory = FetchMemory(store.fetch_state)
        with Fetcher(settings, memory=memory) as fetcher:
            second = list(memory.track(fetch_urls([url], settings, client=fetcher)))
            single = fetch_url(url, settings, client=fetcher)
        assert second == []  # skipped, not a failure
        assert isinstance(single, Failure)
        assert single.error == NOT_MODIFIED
        assert memory.not_modified == 2
        assert web.conditional[before] == ("/pages/10686.html", '"10686"', "Wed, 24 Oct 2018 08:00:00 GMT")
        memory.flush(store.save_fetch_state)
        later = store.fetch_state(url)
        assert later is not None
        assert (later.etag, later.status) == ('"10686"', 304)
        assert later.fetched_at >= state.fetched_at


def test_flush_leaves_out_records_that_failed(settings: Settings) -> None:
    with open_store(settings.db) as store:
        memory = FetchMemory(store.fetch_state)
        now = datetime.now(UTC)
        from recoupe.model import Provenance

        ok = Record(
            "html",
            Provenance("http://a/1", "html", fetched_at=now),
            data=b"<p>x</p>",
            fields={"http": {"status": 200, "requested_url": "http://a/1", "etag": '"1"'}},
        )
        bad = Record(
            "html",
            Provenance("http://a/2", "html", fetched_at=now),
            data=b"<p>x</p>",
            fields={"http": {"status": 200, "requested_url": "http://a/2", "etag": '"2"'}},
        )
        assert len(list(memory.track([ok, bad]))) == 2
        memory.flush(store.save_fetch_state, [Failure(bad.provenance, "no article", "ExtractionError")])
        assert store.fetch_state("http://a/1") is not None
        assert store.fetch_state("http://a/2") is None


def test_public_only_transport_refuses_non_public_addresses() -> None:
    import httpx

    from recoupe.sources.polite import PublicOnlyTransport, is_public_host

    for host in ("127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fd00::1"):
        assert not is_public_host(host, 80), host
    assert is_public_host("93.184.215.14", 443)  # a literal public address resolves without DNS
    assert not is_public_host("no-such-host.invalid", 80)
    with pytest.raises(httpx.TransportError, match="not a public address"):
        PublicOnlyTransport().handle_request(httpx.Request("GET", "http://127.0.0.1:9/"))
