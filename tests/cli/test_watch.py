"""``recoupe watch --once`` on a temporary database, against a loopback server with ETags: the first round
ingests, the second finds nothing new (every page answers 304)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.procs import http_server, recoupe, recoupe_env, running

from recoupe.cli.main import cli
from recoupe.cli.watch import parse_interval
from recoupe.store import open_store

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "orangesum" / "raw"
NAMES = ["10686", "13271"]


class Site:
    def __init__(self) -> None:
        self.url = ""
        self.log: list[tuple[str, int]] = []


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: bytes, media: str, etag: str | None = None) -> None:
            site.log.append((self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            name = self.path.strip("/").removesuffix(".html")
            if self.path == "/sitemap.xml":
                locs = "".join(f"<url><loc>{site.url}/{n}.html</loc></url>" for n in NAMES)
                body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
                self._send(200, body.encode(), "application/xml")
            elif name in NAMES and self.headers.get("If-None-Match") == f'"{name}"':
                self._send(304, b"", "text/html", etag=f'"{name}"')
            elif name in NAMES:
                self._send(200, (PAGES / f"{name}.html").read_bytes(), "text/html; charset=utf-8", etag=f'"{name}"')
            else:
                self._send(404, b"no", "text/plain")

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    with http_server(_handler(site)) as url:
        site.url = url
        yield site


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "watch.db"))
    monkeypatch.setenv("RECOUPE_ENRICH", "false")
    monkeypatch.setenv("RECOUPE_STORIES", "false")
    monkeypatch.setenv("RECOUPE_FETCH_DELAY", "0")
    return CliRunner()


def test_watch_once_twice(site: Site, runner: CliRunner, tmp_path: Path) -> None:
    args = ["watch", "--sitemap", f"{site.url}/sitemap.xml", "--once"]
    first = runner.invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "round 1 · 2 new · 0 updated · 0 unchanged · 0 not modified · 0 failed" in first.stdout

    second = runner.invoke(cli, args, catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert "round 1 · 0 new · 0 updated · 0 unchanged · 2 not modified · 0 failed" in second.stdout
    assert [status for path, status in site.log if path.endswith(".html")] == [200, 200, 304, 304]

    with open_store(str(tmp_path / "watch.db")) as store:
        assert store.count() == 2
        state = store.fetch_state(f"{site.url}/10686.html")
        assert state is not None
        assert (state.etag, state.status) == ('"10686"', 304)
        assert store.check_integrity() == []


def test_ingest_sitemap_then_nothing_new(site: Site, runner: CliRunner) -> None:
    args = ["ingest", "--sitemap", f"{site.url}/sitemap.xml", "--json"]
    first = json.loads(runner.invoke(cli, args, catch_exceptions=False).stdout)
    assert (first["new"], first["not_modified"]) == (2, 0)
    second = json.loads(runner.invoke(cli, args, catch_exceptions=False).stdout)
    assert (second["new"], second["unchanged"], second["not_modified"], second["failed"]) == (0, 0, 2, 0)


def test_watch_needs_a_source(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["watch", "--once"])
    assert result.exit_code == 2
    assert "give --feed or --sitemap" in result.output


def test_intervals() -> None:
    assert [parse_interval(text) for text in ["90", "30s", "15m", "2h", "1d"]] == [90, 30, 900, 7200, 86400]
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval("soon")


def test_sigterm_stops_watch_cleanly(site: Site, tmp_path: Path) -> None:
    """A real ``recoupe watch`` process, stopped by SIGTERM while it waits for its next round: it exits 0 and
    leaves a consistent store with what it read."""
    import signal

    db = tmp_path / "signal.db"
    env = recoupe_env(db, enrich="false", stories="false", fetch_delay=0)
    process = recoupe("watch", "--sitemap", f"{site.url}/sitemap.xml", "--every", "1h", env=env, cwd=tmp_path)
    with running(process):
        assert process.stdout is not None
        first = process.stdout.readline()  # the first round's line: it now waits an hour for the next
        assert "round 1 · 2 new" in first, first
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        process.communicate()  # its pipes closed
    with open_store(str(db)) as store:
        assert store.count() == 2
        assert store.check_integrity() == []
