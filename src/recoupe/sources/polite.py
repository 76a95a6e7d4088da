"""Politeness for every request recoupe makes: robots.txt per host and a least delay between two requests.

``Politeness`` holds one run's state (no global state: ``make_client`` creates one per client, or takes
one); ``PoliteTransport`` applies it to each request an ``httpx.Client`` sends, redirect hops included, so
every client from ``recoupe.sources.web.make_client`` is polite whoever uses it.

- **robots.txt** is fetched once per host (scheme, host and port) per ``Politeness``, through the same
  transport, with the User-Agent of the request that needed it, under its timeout, at most 5 redirects and
  ``ROBOTS_MAX_BYTES`` read. It is parsed by the standard library's ``urllib.robotparser`` (no new
  dependency; it knows ``Allow``, ``Disallow`` and ``Crawl-delay`` but neither ``*``/``$`` wildcards inside
  paths nor Google's "longest match wins": ``protego``, Scrapy's parser, would add both). Rules are matched
  on the User-Agent's first word (``recoupe``). As Google and Scrapy do: a 401 or 403 answer disallows the
  whole host; any other 4xx, a 5xx, a network error or a body that is not text allows everything. A
  disallowed URL raises ``RobotsDisallowed`` before any request is made for it.
- **Pacing**: two requests to one host start at least ``fetch_delay`` seconds apart, or the host's
  ``Crawl-delay`` when it is longer. ``HostPacer`` reserves each start time under a lock, so threads
  sharing a client are paced together; its clock and sleep are injectable (tests record the waits).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

__all__ = ["ROBOTS_MAX_BYTES", "HostPacer", "PoliteTransport", "Politeness", "RobotsDisallowed", "host_key"]

#: robots.txt bytes read (Google reads 500 KiB)
ROBOTS_MAX_BYTES = 512 * 1024
_ROBOTS_REDIRECTS = 5


class RobotsDisallowed(httpx.TransportError):
    """The host's robots.txt disallows this URL for our User-Agent; no request was made for it."""


def host_key(url: httpx.URL) -> str:
    """``scheme://host:port``: what robots.txt and the pacing apply to."""
    port = url.port or (443 if url.scheme == "https" else 80)
    host = f"[{url.host}]" if ":" in url.host else url.host  # an IPv6 literal keeps its brackets in a URL
    return f"{url.scheme}://{host}:{port}"


class HostPacer:
    """Spaces the requests to each host: ``wait(host, delay)`` returns when this request may start.

    Thread-safe: each call reserves its start time under a lock, then sleeps outside it.
    """

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> float:
        """Block until a request to ``host`` may start, ``delay`` seconds after the previous one; the wait."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + delay
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited


class _Rules:
    """One host's robots.txt: a parser, or a blanket answer."""

    __slots__ = ("parser", "verdict")

    def __init__(self, parser: RobotFileParser | None = None, verdict: bool | None = None) -> None:
        self.parser = parser
        self.verdict = verdict

    def allows(self, user_agent: str, url: str) -> bool:
        if self.parser is None:
            return self.verdict is not False
        return self.parser.can_fetch(user_agent, url)

    def crawl_delay(self, user_agent: str) -> float:
        if self.parser is None:
            return 0.0
        try:
            delay = self.parser.crawl_delay(user_agent)
        except (TypeError, ValueError):
            return 0.0
        return float(delay) if delay else 0.0


class Politeness:
    """One run's politeness: robots.txt rules per host, the pacer, and the settings they follow."""

    def __init__(self, *, delay: float, respect_robots: bool = True, pacer: HostPacer | None = None) -> None:
        self.delay = delay
        self.respect_robots = respect_robots
        self.pacer = pacer or HostPacer()
        self._rules: dict[str, _Rules] = {}
        self._host_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.robots_fetched: list[str] = []  # hosts whose robots.txt was asked for, in order

    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault(host, threading.Lock())

    def rules(self, request: httpx.Request, transport: httpx.BaseTransport) -> _Rules:
        """The robots.txt rules of the request's host, fetched the first time (once, even across threads)."""
        host = host_key(request.url)
        with self._host_lock(host):
            found = self._rules.get(host)
            if found is None:
                found = self._fetch_rules(host, request, transport)
                self._rules[host] = found
            return found

    def delay_for(self, host: str, user_agent: str) -> float:
        rules = self._rules.get(host)
        crawl = rules.crawl_delay(user_agent) if rules is not None else 0.0
        return max(self.delay, crawl)

    def _fetch_rules(self, host: str, request: httpx.Request, transport: httpx.BaseTransport) -> _Rules:
        self.robots_fetched.append(host)
        url = f"{host}/robots.txt"
        headers = {"User-Agent": request.headers.get("user-agent", "recoupe"), "Accept": "text/plain,*/*;q=0.5"}
        try:
            for _ in range(_ROBOTS_REDIRECTS + 1):
                robots = httpx.Request("GET", url, headers=headers, extensions=dict(request.extensions))
                self.pacer.wait(host_key(robots.url), 0.0)  # waits its turn, delays no page
                response = transport.handle_request(robots)
                try:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        url = urljoin(url, location)
                        continue
                    return self._read_rules(response, url)
                finally:
                    response.close()
        except httpx.HTTPError:
            return _Rules(verdict=True)  # unreachable: allowed
        return _Rules(verdict=True)  # too many redirects: as unreachable

    @staticmethod
    def _read_rules(response: httpx.Response, url: str) -> _Rules:
        if response.status_code in {401, 403}:
            return _Rules(verdict=False)
        if not response.is_success:
            return _Rules(verdict=True)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) >= ROBOTS_MAX_BYTES:
                break
        text = bytes(body[:ROBOTS_MAX_BYTES]).decode("utf-8", errors="replace")
        parser = RobotFileParser(url)
        parser.parse(text.splitlines())
        return _Rules(parser=parser)


class PoliteTransport(httpx.BaseTransport):
    """A transport that checks robots.txt and paces each request before ``inner`` sends it."""

    def __init__(self, inner: httpx.BaseTransport, politeness: Politeness) -> None:
        self.inner = inner
        self.politeness = politeness

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        user_agent = request.headers.get("user-agent", "recoupe")
        host = host_key(request.url)
        if self.politeness.respect_robots:
            rules = self.politeness.rules(request, self.inner)
            if not rules.allows(user_agent, str(request.url)):
                raise RobotsDisallowed("disallowed by robots.txt", request=request)
        self.politeness.pacer.wait(host, self.politeness.delay_for(host, user_agent))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class PrivateAddress(httpx.TransportError):
    """A request to a host that resolves to a loopback, private, link-local or reserved address."""


class PublicOnlyTransport(httpx.BaseTransport):
    """A transport that refuses hosts resolving to non-public addresses (what a server fetching URLs its
    clients give must refuse: the loopback admin page, the cloud metadata address, the office network).

    The check runs on every request, redirects and robots.txt included. A host is resolved here and again
    by the connection: a DNS answer that changes in between is not caught (no pinning).
    """

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if not is_public_host(host, request.url.port or (443 if request.url.scheme == "https" else 80)):
            raise PrivateAddress(f"refused: {host} is not a public address", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def is_public_host(host: str, port: int) -> bool:
    """Whether every address ``host`` resolves to is a public one (an unresolvable host is not)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos}
    return bool(addresses) and all(address.is_global and not address.is_multicast for address in addresses)
