"""Pages from the web: one URL fetched with httpx into a ``Record`` the extract stage reads like a file.

``fetch_url`` makes one GET and never raises for a bad URL or a failed fetch: it returns a ``Failure`` with
the reason. What it does:

- only ``http`` and ``https`` URLs are fetched; any other scheme (``file:``, ``ftp:``, ``javascript:``) is
  refused before any request is made;
- redirects are followed, at most ``MAX_REDIRECTS``; the record's provenance names the final URL;
- the body is read as a stream and refused once it passes ``settings.max_file_bytes`` (a ``Content-Length``
  over the limit is refused before reading);
- a status other than 2xx is a failure naming the status; so is a content type other than HTML, XHTML or
  plain text;
- an HTML page becomes a ``kind="html"`` record holding the raw bytes, as ``read_html_file`` makes it, with
  the HTTP charset as the decoding hint (``Provenance.encoding``; ``iso-8859-1`` read as windows-1252, as
  browsers do) and ``Record.url`` the final URL (the article's URL, and its canonical URL when the page
  gives none); plain text is decoded here (the HTTP charset, else ``decode_bytes``) into a ``kind="text"``
  record;
- ``Record.fields["http"]`` keeps the status, the requested URL and the ``ETag``/``Last-Modified``
  validators (extract ignores fields of HTML and text records; a later conditional GET can use them).

Failure types: ``FetchError`` for what the network or the server did (DNS, refused connection, TLS,
timeout, too many redirects, a non-2xx status), ``InputError`` for what was asked or served (a URL that is
not http(s), a body too large, a wrong content type, binary or undecodable bytes).

All clients come from ``make_client``: the User-Agent (``user_agent``), the timeout (``fetch_timeout``), the
redirect bound, and politeness (``recoupe.sources.polite``): robots.txt honoured per host (a disallowed
URL is a ``FetchError`` failure "disallowed by robots.txt", no request made) and at least ``fetch_delay``
seconds (or the host's longer ``Crawl-delay``) between two requests to a host. A bare ``httpx.Client``
passed in is used as it is (tests pass mock transports).

Conditional GETs: a ``Fetcher`` (a polite client and, optionally, a ``FetchMemory``) is what a run passes
as ``client=``. With a memory, each GET sends the ``If-None-Match``/``If-Modified-Since`` validators last
saved for the URL asked for; a 304 is counted (``FetchMemory.not_modified``) and is neither a record nor a
failure of the iterators (``fetch_urls``, feeds, sitemaps skip it; ``fetch_url`` alone returns it as a
``Failure`` whose error is ``NOT_MODIFIED``). The memory saves new validators only once what they concern is
stored (``FetchMemory.track`` and ``flush``), so a crash never leaves a page marked fetched that was not.

A whole fetch has a deadline too, ``DEADLINE_FACTOR`` × ``fetch_timeout`` (60 s by default) from the request
to the body's last byte, robots.txt and redirects included: a server sending a byte a second is a
``FetchError`` "timed out" once it passes (``fetch_timeout`` alone bounds each connect and each read). No
address is filtered here: a URL naming a loopback or private address is fetched, so a face that fetches
URLs on a remote client's behalf (the REST API) must decide whether to allow that.
"""

from __future__ import annotations

import codecs
import contextlib
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from recoupe.config import DEFAULT_USER_AGENT, Settings
from recoupe.errors import InputError
from recoupe.model import Failure, FetchState, Provenance, Record
from recoupe.sources.decode import decode_bytes, looks_binary
from recoupe.sources.polite import Politeness, PoliteTransport, PrivateAddress, RobotsDisallowed

__all__ = [
    "DEADLINE_FACTOR",
    "HTML_TYPES",
    "MAX_REDIRECTS",
    "NOT_MODIFIED",
    "TEXT_TYPES",
    "TIMEOUT_S",
    "USER_AGENT",
    "Client",
    "FetchMemory",
    "Fetched",
    "Fetcher",
    "fetch",
    "fetch_deadline",
    "fetch_url",
    "fetch_urls",
    "fetcher_for",
    "is_not_modified",
    "is_web_url",
    "make_client",
    "page_record",
]

USER_AGENT = DEFAULT_USER_AGENT
#: the default of ``fetch_timeout``: seconds allowed for connecting, and between two reads of the response
TIMEOUT_S = 20.0
#: a whole fetch (connect, redirects, robots.txt, every byte of the body) is bounded by this × ``fetch_timeout``
DEADLINE_FACTOR = 3.0
#: the ``Failure.error`` of a 304 answer to a conditional GET (a skip, not a failure)
NOT_MODIFIED = "NotModified"
MAX_REDIRECTS = 10
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_SCHEMES = frozenset({"http", "https"})
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def make_client(
    settings: Settings,
    *,
    timeout: float | None = None,
    politeness: Politeness | None = None,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """The one place HTTP clients are made: User-Agent, timeout, redirects followed and bounded, politeness.

    ``timeout`` defaults to ``settings.fetch_timeout``; ``politeness`` (robots.txt rules and pacing) to a
    new one from ``fetch_delay`` and ``respect_robots``; ``transport`` (what sends the requests, under the
    politeness) to httpx's own. The caller closes the client (``with make_client(...)``).
    """
    polite = politeness or Politeness(delay=settings.fetch_delay, respect_robots=settings.respect_robots)
    return httpx.Client(
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        },
        timeout=httpx.Timeout(settings.fetch_timeout if timeout is None else timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=PoliteTransport(transport or httpx.HTTPTransport(), polite),
    )


@dataclass(slots=True)
class FetchMemory:
    """One run's conditional-GET memory: the saved validators of each URL, and what to save once stored.

    ``lookup`` reads the saved state of a URL (``Store.fetch_state``). New states wait in ``pending``, in
    the order the records they concern went by, until ``flush`` is called once those records are stored.
    """

    lookup: Callable[[str], FetchState | None]
    not_modified: int = 0
    pending: list[FetchState] = field(default_factory=list)

    def headers(self, url: str) -> dict[str, str]:
        """``If-None-Match``/``If-Modified-Since`` for ``url`` (empty when nothing was saved)."""
        state = self.lookup(url)
        headers: dict[str, str] = {}
        if state is not None and state.etag:
            headers["If-None-Match"] = state.etag
        if state is not None and state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        return headers

    def unchanged(self, url: str, when: datetime) -> None:
        """A 304 for ``url``: counted, and its state re-saved with the time and status (its record is stored)."""
        self.not_modified += 1
        state = self.lookup(url)
        if state is not None:
            self.pending.append(FetchState(url, state.etag, state.last_modified, when, 304))

    def document(self, fetched: Fetched) -> None:
        """A feed or sitemap whose every entry has gone by: its validators may be saved after them."""
        http = fetched.http_fields()
        self.pending.append(
            FetchState(fetched.requested, http.get("etag"), http.get("last_modified"), fetched.fetched_at, 200)
        )

    def track(self, items: Iterable[Record | Failure]) -> Iterator[Record | Failure]:
        """``items`` unchanged; each fetched record's validators queued (to save once it is stored)."""
        for item in items:
            http = item.fields.get("http") if isinstance(item, Record) else None
            if isinstance(http, dict) and http.get("requested_url") and item.provenance.fetched_at:
                self.pending.append(
                    FetchState(
                        str(http["requested_url"]),
                        http.get("etag"),
                        http.get("last_modified"),
                        item.provenance.fetched_at,
                        int(http.get("status", 200)),
                    )
                )
            yield item

    def flush(self, save: Callable[[Sequence[FetchState]], None], failures: Iterable[Failure] = ()) -> int:
        """Save the pending states (not those of URLs whose record then failed); how many were saved.

        Call it when every record that went by is stored: after each batch, and at the end of the run.
        """
        failed = {failure.provenance.source for failure in failures}
        states = [state for state in self.pending if state.url not in failed]
        self.pending.clear()
        save(states)
        return len(states)


class Fetcher:
    """One run's HTTP: a polite client (made here, or given) and an optional ``FetchMemory``.

    Pass it as ``client=`` to ``fetch_url``, ``fetch_urls``, the feed and sitemap readers. Closing it closes
    the client only when it made it.
    """

    def __init__(
        self, settings: Settings, *, client: httpx.Client | None = None, memory: FetchMemory | None = None
    ) -> None:
        self.client = client if client is not None else make_client(settings)
        self.memory = memory
        self._owned = client is None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._owned:
            self.client.close()


Client = httpx.Client | Fetcher


def fetcher_for(settings: Settings, client: Client | None) -> AbstractContextManager[Fetcher]:
    """``client`` as a ``Fetcher`` for the duration of a ``with``: a new one (closed after) when ``None``."""
    if isinstance(client, Fetcher):
        return nullcontext(client)
    if client is not None:
        return nullcontext(Fetcher(settings, client=client))
    return Fetcher(settings)


def is_not_modified(item: Record | Failure | Fetched) -> bool:
    """True for the answer to a conditional GET that found the page unchanged (a skip, not a failure)."""
    return isinstance(item, Failure) and item.error == NOT_MODIFIED


def is_web_url(value: str) -> bool:
    """True for an absolute ``http``/``https`` URL with a host."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # "http://[::1" and the like
        return False
    return parts.scheme.lower() in _SCHEMES and bool(parts.netloc)


def _media_type(headers: httpx.Headers) -> str:
    return str(headers.get("content-type", "")).split(";")[0].strip().lower()


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful GET: the final URL, its status and headers, the body, and when it was fetched."""

    url: str
    requested: str
    status: int
    headers: httpx.Headers
    data: bytes
    fetched_at: datetime

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-cased; empty when the server sent none."""
        return _media_type(self.headers)

    @property
    def charset(self) -> str | None:
        """The ``charset`` of the content type when Python knows it, else ``None``.

        As browsers do (the WHATWG Encoding Standard), ``iso-8859-1`` and ``us-ascii`` mean windows-1252:
        pages labelled so often hold its curly quotes and the French "œ".
        """
        for param in str(self.headers.get("content-type", "")).split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                try:
                    codec = str(codecs.lookup(value.strip().strip("\"'")).name)
                except LookupError:
                    return None
                return _WHATWG_ALIASES.get(codec, codec)
        return None

    def http_fields(self) -> dict[str, Any]:
        """What a later conditional GET needs, and what was asked for."""
        fields: dict[str, Any] = {"status": self.status, "requested_url": self.requested}
        for header, name in (("etag", "etag"), ("last-modified", "last_modified")):
            if header in self.headers:
                fields[name] = self.headers[header]
        return fields


def _refused_scheme(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        return f"not a URL: {exc}"
    scheme = parts.scheme.lower()
    if scheme in _SCHEMES:
        return None if parts.netloc else f"not a URL: {scheme}: without a host"
    shown = f"{scheme}:" if scheme else "no scheme"
    return f"only http and https URLs are fetched (got {shown})"


def _too_large(size: int, settings: Settings, *, partial: bool) -> str:
    amount = f"more than {settings.max_file_mb:g} MB" if partial else f"{size / 1_048_576:.1f} MB"
    return f"response too large ({amount} > max_file_mb={settings.max_file_mb:g}); raise max_file_mb to read it"


def _network_reason(exc: Exception) -> str:  # noqa: PLR0911 - one reason per kind of failure
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, RobotsDisallowed):
        return "disallowed by robots.txt"
    if isinstance(exc, PrivateAddress):
        return detail
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__}: {detail})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {detail}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"redirected to an unsupported URL: {detail}"
    return f"fetch failed ({type(exc).__name__}: {detail})"


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


def _refusal(response: httpx.Response, settings: Settings, accept: Callable[[str], bool]) -> tuple[str, str] | None:
    """Why the response's headers rule it out (reason, error type), or ``None``."""
    if not response.is_success:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        return f"HTTP {response.status_code}{phrase}", "FetchError"
    media = _media_type(response.headers)
    if not accept(media):
        return f"unsupported content type {media or '(none)'!r}", "InputError"
    declared = _content_length(response)
    if declared is not None and declared > settings.max_file_bytes:
        return _too_large(declared, settings, partial=False), "InputError"
    return None


def _not_modified(
    response: httpx.Response, memory: FetchMemory | None, url: str, started: datetime
) -> tuple[str, str] | None:
    if response.status_code != 304 or memory is None:
        return None
    memory.unchanged(url, started)
    return "not modified", NOT_MODIFIED


class _Deadline:
    """A whole-response deadline: when it passes, the sockets of the fetch are shut down from a timer thread.

    httpx bounds each connect and each read, not their sum: a server sending a byte a second would hold the
    fetch (and the API's ingest lock) for as long as it likes. The sockets are learnt from httpcore's trace
    hook (each new connection, robots.txt and redirects included) and from the response (a pooled one); the
    blocked read then ends with an error, reported as the deadline passed.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: each new connection's socket is watched."""
        if event in {"connection.connect_tcp.complete", "connection.start_tls.complete"}:
            self.watch(info.get("return_value"))

    def watch(self, stream: Any) -> None:
        """Watch the socket of an httpcore network stream (a no-op for anything else)."""
        get_extra = getattr(stream, "get_extra_info", None)
        sock = get_extra("socket") if get_extra is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def check(self) -> None:
        if self.expired:
            raise _DeadlinePassed


class _DeadlinePassed(Exception):  # noqa: N818 - a signal inside fetch, never seen outside
    pass


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def fetch_deadline(settings: Settings) -> float:
    """Seconds a whole fetch may take, from the request to the last byte: ``DEADLINE_FACTOR × fetch_timeout``."""
    return DEADLINE_FACTOR * settings.fetch_timeout


def fetch(
    url: str, settings: Settings, client: Client, *, accept: Callable[[str], bool], kind: str = "url"
) -> Fetched | Failure:
    """GET ``url`` within the limits; ``accept`` says which media types (``""`` when none was sent) to read.

    The building block of ``fetch_url``, ``read_feed`` and ``read_sitemap``; a ``Failure`` (with ``kind`` in
    its provenance) for every refusal and network error. With a ``Fetcher`` holding a ``FetchMemory`` the GET
    is conditional, and a 304 is the ``Failure`` "not modified" with the error ``NOT_MODIFIED`` (counted).
    """
    started = datetime.now(UTC)
    refused = _refused_scheme(url)
    if refused:
        return Failure(Provenance(url, kind), refused, "InputError")
    http, memory = (client.client, client.memory) if isinstance(client, Fetcher) else (client, None)
    url = url.strip()
    deadline = _Deadline(fetch_deadline(settings))
    headers = memory.headers(url) if memory else None
    try:
        with deadline, http.stream("GET", url, headers=headers, extensions={"trace": deadline.trace}) as response:
            deadline.watch(response.extensions.get("network_stream"))
            where = Provenance(str(response.url), kind, fetched_at=started)
            refusal = _not_modified(response, memory, url, started) or _refusal(response, settings, accept)
            if refusal:
                return Failure(where, *refusal)
            body = bytearray()
            for chunk in response.iter_bytes():  # each read as it comes: the deadline is checked between them
                deadline.check()
                body += chunk
                if len(body) > settings.max_file_bytes:
                    return Failure(where, _too_large(len(body), settings, partial=True), "InputError")
            deadline.check()
            return Fetched(str(response.url), url, response.status_code, response.headers, bytes(body), started)
    except (httpx.HTTPError, httpx.StreamError, _DeadlinePassed) as exc:
        reason = _deadline_reason(deadline) if deadline.expired else _network_reason(exc)
        return Failure(Provenance(url, kind, fetched_at=started), reason, "FetchError")
    except (httpx.InvalidURL, ValueError) as exc:  # ValueError: a host IDNA refuses (idna.IDNAError) and the like
        return Failure(Provenance(url, kind, fetched_at=started), f"not a valid URL: {exc}", "InputError")


def _deadline_reason(deadline: _Deadline) -> str:
    return f"timed out: the whole response took longer than {deadline.seconds:g} s (3 × fetch_timeout)"


def _page_type(media: str) -> bool:
    return media in HTML_TYPES or media in TEXT_TYPES or not media


def page_record(fetched: Fetched) -> Record | Failure:
    """An HTML page as ``read_html_file`` makes it (raw bytes, the HTTP charset as hint), or decoded text."""
    media = fetched.media_type
    html = media in HTML_TYPES or (not media and fetched.data.lstrip()[:1] == b"<")
    kind = "html" if html else "text"
    fields = {"http": fetched.http_fields()}
    if not fetched.data.strip():
        return Failure(Provenance(fetched.url, kind, fetched_at=fetched.fetched_at), "empty response", "InputError")
    if html:
        if looks_binary(fetched.data):
            where = Provenance(fetched.url, kind, fetched_at=fetched.fetched_at)
            return Failure(where, "binary content, not HTML", "InputError")
        provenance = Provenance(fetched.url, "html", fetched_at=fetched.fetched_at, encoding=fetched.charset)
        return Record(kind="html", provenance=provenance, data=fetched.data, fields=fields, url=fetched.url)
    try:
        text, encoding = _decode_text(fetched)
    except InputError as exc:
        return Failure(Provenance(fetched.url, kind, fetched_at=fetched.fetched_at), exc.message, "InputError")
    provenance = Provenance(fetched.url, "text", fetched_at=fetched.fetched_at, encoding=encoding)
    return Record(kind="text", provenance=provenance, text=text, fields=fields, url=fetched.url)


def _decode_text(fetched: Fetched) -> tuple[str, str]:
    charset = fetched.charset
    if charset and not looks_binary(fetched.data):
        try:
            return fetched.data.decode(charset).removeprefix("\ufeff"), charset
        except UnicodeDecodeError:
            pass  # a wrong header: detect as for a file
    return decode_bytes(fetched.data, where=fetched.url)


def fetch_url(url: str, settings: Settings, *, client: Client | None = None) -> Record | Failure:
    """The page at ``url`` as a ``Record`` (HTML or plain text), or a ``Failure`` saying why not.

    Never raises for a bad URL, a network error or a bad response. ``client`` (a ``Fetcher``, or a client
    from ``make_client``) is reused when given, else a polite one is made and closed.
    """
    refused = _refused_scheme(url)
    if refused:  # before a client is even made
        return Failure(Provenance(url, "url"), refused, "InputError")
    with fetcher_for(settings, client) as active:
        fetched = fetch(url, settings, active, accept=_page_type)
    if isinstance(fetched, Failure):
        return fetched
    return page_record(fetched)


def fetch_urls(urls: Iterable[str], settings: Settings, *, client: Client | None = None) -> Iterator[Record | Failure]:
    """``fetch_url`` for each URL (each once, in order), over one client; pages not modified are skipped."""
    seen: set[str] = set()
    with fetcher_for(settings, client) as active:
        for url in urls:
            if url in seen:
                continue
            seen.add(url)
            item = fetch_url(url, settings, client=active)
            if not is_not_modified(item):
                yield item
