"""A real HTTP server on the loopback interface, serving the committed fixtures, for the web and feed readers.

Routes:

- ``/pages/<name>.html``: ``tests/fixtures/orangesum/raw/<name>.html`` (UTF-8, with ``ETag`` and
  ``Last-Modified``; a 304 when ``If-None-Match`` names the ETag); any other name is a 404;
- ``/robots.txt``: ``LoopbackServer.robots`` (status, body); a 404 when it is ``None`` (the default);
- ``/sitemaps/<name>``: ``LoopbackServer.sitemaps[name]`` (bytes; ``.gz`` names served as gzip files), with
  ``{base}`` in them replaced by the server's URL;
- ``/feeds/<name>``: ``tests/fixtures/feeds/<name>`` (RSS and Atom with their media types);
- ``/latin1.html``, ``/latin1.txt``: an ISO-8859-1 page (no ``<meta charset>``) and windows-1252 text, both
  labelled ``ISO-8859-1`` in the ``Content-Type`` header only;
- ``/redirect`` (two hops to an OrangeSum page), ``/loop`` (redirects to itself), ``/status/<code>``;
- ``/slow``: answers only when the test ends (a client with a short timeout gives up first);
- ``/big`` (a declared length over 1 MB), ``/big-stream`` (2 MB with no length), ``/image.png``.

Every request's path is recorded in ``LoopbackServer.hits``, except ``/robots.txt`` (in ``robots_hits``:
every client is polite and asks for it first); the ``If-None-Match`` and ``If-Modified-Since`` headers
received are in ``conditional``. Every test here runs with ``fetch_delay`` 0 (the ``settings`` fixture and
``RECOUPE_FETCH_DELAY``), unless it sets a delay itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.procs import http_server

from recoupe.config import Settings
from recoupe.model import Article, Failure, Record
from recoupe.pipeline import extract_one

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORANGESUM = FIXTURES / "orangesum" / "raw"
FEEDS = FIXTURES / "feeds"
LATIN1_TEXT = (
    "Le marché de Noël d'Épinal ouvrira plus tôt\n"
    "date 2024-11-20\n\n"
    "Le marché de Noël d'Épinal ouvrira le 22 novembre, une semaine plus tôt que l'an dernier, a annoncé la "
    "mairie. Soixante chalets sont attendus place des Vosges, au cœur de la ville, et la patinoire sera gratuite "
    "le mercredi.\n"
)
MB = 1024 * 1024


@dataclass
class LoopbackServer:
    """The running server: its base URL, the paths asked for, and the event that releases ``/slow``."""

    url: str
    hits: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    robots_hits: list[str] = field(default_factory=list)
    robots: tuple[int, str] | None = None
    sitemaps: dict[str, bytes] = field(default_factory=dict)
    conditional: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def __call__(self, path: str) -> str:
        return self.url + path


def _handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, status: int, location: str) -> None:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                server.robots_hits.append(self.path)
                status, text = server.robots or (404, "no robots.txt")
                self._send(status, text.encode(), "text/plain")
                return
            server.hits.append(self.path)
            server.conditional.append(
                (self.path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"))
            )
            # the client may give up (a refused body, a timeout): expected
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._route(self.path.split("?")[0])

        def _page(self, page: Path) -> None:
            etag = f'"{page.stem}"'
            if page.suffix != ".html" or not page.is_file():
                self._send(404, b"<html><body>Not found</body></html>", "text/html")
            elif self.headers.get("If-None-Match") == etag:
                self._send(304, b"", None, ETag=etag)
            else:
                modified = "Wed, 24 Oct 2018 08:00:00 GMT"
                self._send(200, page.read_bytes(), "text/html; charset=utf-8", ETag=etag, Last_Modified=modified)

        def _route(self, path: str) -> None:  # noqa: PLR0912 - one branch per route
            if path.startswith("/pages/"):
                self._page(ORANGESUM / path.removeprefix("/pages/"))
            elif path.startswith("/feeds/"):
                feed = FEEDS / path.removeprefix("/feeds/")
                if feed.is_file():
                    media = {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}
                    self._send(200, feed.read_bytes(), media.get(feed.name, "application/xml"))
                else:
                    self._send(404, b"not found", "text/plain")
            elif path.startswith("/sitemaps/") and path.removeprefix("/sitemaps/") in server.sitemaps:
                body = server.sitemaps[path.removeprefix("/sitemaps/")].replace(b"{base}", server.url.encode())
                if path.endswith(".gz"):
                    self._send(200, gzip.compress(body), "application/x-gzip")
                else:
                    self._send(200, body, "application/xml")
            elif path == "/latin1.html":
                self._send(200, (FEEDS / "latin1.html").read_bytes(), "text/html; charset=ISO-8859-1")
            elif path == "/latin1.txt":
                # labelled ISO-8859-1, written in windows-1252 (the "œ"), as on many French sites
                self._send(200, LATIN1_TEXT.encode("cp1252"), "text/plain; charset=iso-8859-1")
            elif path == "/redirect":
                self._redirect(302, "/moved")
            elif path == "/moved":
                self._redirect(301, "/pages/10686.html")
            elif path == "/loop":
                self._redirect(302, "/loop")
            elif path.startswith("/status/"):
                self._send(int(path.removeprefix("/status/")), b"<html><body>error page</body></html>", "text/html")
            elif path == "/slow":
                server.release.wait(10)
                self._send(200, b"<html><body>too late</body></html>", "text/html")
            elif path == "/big":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(2 * MB))
                self.end_headers()
                self.wfile.write(b"<html>" + b" " * (2 * MB - 6))
            elif path == "/big-stream":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()  # no length: HTTP/1.0, the body ends when the connection closes
                for _ in range(32):
                    self.wfile.write(b"<p>" + b"x" * (64 * 1024 - 3))
            elif path == "/image.png":
                self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            else:
                self._send(404, b"no such route", "text/plain")

    return Handler


@pytest.fixture(scope="module")
def web() -> Iterator[LoopbackServer]:
    """A ``ThreadingHTTPServer`` on 127.0.0.1 (a free port) for the module's tests."""
    server = LoopbackServer(url="")
    with http_server(_handler(server)) as url:
        server.url = url
        try:
            yield server
        finally:
            server.release.set()


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The shared settings with no delay between requests (a test of the delay sets its own)."""
    return dataclasses.replace(settings, fetch_delay=0.0)


@pytest.fixture(autouse=True)
def _no_fetch_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs here read the environment: no delay between requests either."""
    monkeypatch.setenv("RECOUPE_FETCH_DELAY", "0")


@pytest.fixture
def small(settings: Settings) -> Settings:
    """1 MB read limit: the OrangeSum pages (about 60 KB) pass, ``/big`` does not."""
    return dataclasses.replace(settings, max_file_mb=1.0)


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """``recoupe`` on a temporary database, without enrichment and stories (not what these tests are about)."""
    monkeypatch.chdir(tmp_path)  # no recoupe.toml from the repository leaks in
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("RECOUPE_ENRICH", "false")
    monkeypatch.setenv("RECOUPE_STORIES", "false")
    return CliRunner()


def article_of(item: Record | Failure, settings: Settings) -> Article:
    """The article extracted from a record a reader yielded (a failure fails the test)."""
    assert isinstance(item, Record), item
    article = extract_one(item, settings)
    assert isinstance(article, Article), article
    return article
