"""``recoupe watch`` goes on whatever one round, one feed or one article raises (issue 17): each failure is
reported with its reason, what was stored stays, and the next round runs.

A real ``recoupe watch`` process against a loopback server with feeds that fail in ways the readers do not
foresee: an entry dated ``31 Dec 9999 23:00 -1400`` (a date Python cannot move to UTC: storing it raised
``OverflowError`` and ended ``watch`` on its first round, taking the batch's other articles with it), an
entry dated ``31 Dec 9999`` UTC (assigning it to a story raised ``ValueError``), and a server that drops the
connection in the middle of a feed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import recoupe.cli.watch as watch_module
from recoupe.cli.main import cli
from recoupe.pipeline import IngestReport
from recoupe.store import open_store

BODY = (
    "Le conseil municipal de Rennes a voté jeudi soir un budget de douze millions d'euros pour la rénovation "
    "des écoles du quartier de Maurepas, a annoncé la mairie. Les travaux commenceront en septembre et "
    "dureront deux ans, soit moins que les trois ans prévus au départ."
)
OTHER = (
    "La préfecture du Finistère a ouvert mardi une enquête publique sur le projet d'éoliennes en mer au large "
    "de Concarneau. Les habitants pourront donner leur avis jusqu'au 15 mars dans les mairies des communes "
    "du littoral, a précisé le sous-préfet lors d'une réunion publique."
)
GOOD_DATE = "Thu, 13 Feb 2025 18:00:00 +0100"
#: a date Python cannot move to UTC (year 10000): the store raised OverflowError
BEYOND_UTC = "Fri, 31 Dec 9999 23:00:00 -1400"
#: the last day of Python's calendar: the story engine raised ValueError looking a few days past it
LAST_DAY = "Fri, 31 Dec 9999 23:00:00 +0000"


def _item(title: str, text: str, date: str) -> str:
    return f"<item><title>{title}</title><description>{text}</description><pubDate>{date}</pubDate></item>"


def _rss(*items: str) -> bytes:
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
    return (head + "".join(items) + "</channel></rss>").encode()


FEEDS = {
    "/hostile.xml": _rss(
        _item("Budget des écoles de Maurepas", BODY, GOOD_DATE),
        _item("Une date au-delà du calendrier", BODY.replace("Rennes", "Brest"), BEYOND_UTC),
        _item("Le dernier jour du calendrier", BODY.replace("Rennes", "Vannes"), LAST_DAY),
        _item("Éoliennes au large de Concarneau", OTHER, GOOD_DATE),
    ),
    "/good.xml": _rss(_item("Enquête publique à Quimper", OTHER.replace("Concarneau", "Quimper"), GOOD_DATE)),
}
GROUPED = {"Budget des écoles de Maurepas", "Éoliennes au large de Concarneau", "Enquête publique à Quimper"}


@pytest.fixture
def site() -> Iterator[str]:
    """The feeds above, ``/drop.xml`` (headers, half a feed, then the connection closed) and no robots.txt."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:
            with contextlib.suppress(OSError):
                if self.path in FEEDS:
                    body = FEEDS[self.path]
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/drop.xml":
                    body = FEEDS["/good.xml"]
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(2)  # the rest never comes
                else:
                    self.send_error(404)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _env(db: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RECOUPE_DB": str(db),
        "RECOUPE_ENRICH": "false",
        "RECOUPE_EMBEDDER": "fast-use",
        "RECOUPE_FETCH_DELAY": "0",
        "RECOUPE_BATCH_SIZE": "8",  # the whole hostile feed in one batch: one bad article, three good ones
    }


def test_watch_goes_on_after_articles_and_feeds_that_fail_in_new_ways(site: str, tmp_path: Path) -> None:
    db = tmp_path / "net.db"
    feeds = [f"{site}/hostile.xml", f"{site}/drop.xml", f"{site}/good.xml"]
    command = [sys.executable, "-m", "recoupe.cli", "watch", "--every", "0.5s"]
    for feed in feeds:
        command += ["--feed", feed]
    with subprocess.Popen(
        command, cwd=tmp_path, env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            rounds = [process.stdout.readline() for _ in range(2)]
            process.send_signal(signal.SIGTERM)
            _, errors = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, errors
    # round 1: the three good articles stored and grouped; the two dated articles and the cut feed failed
    assert rounds[0].startswith("round 1 · 3 new · 0 updated · 0 unchanged · 0 not modified · 3 failed"), rounds
    # round 2 runs, and finds the same: what was stored stays, the failures are tried again
    assert rounds[1].startswith("round 2 · 0 new · 0 updated · 3 unchanged · 0 not modified · 3 failed"), rounds
    lines = [line for line in errors.splitlines() if line.startswith("failed ")]
    assert sum("#entry-2: ingest failed: OverflowError: date value out of range" in line for line in lines) == 2
    assert sum("#entry-3: ingest failed: ValueError: year 10000 is out of range" in line for line in lines) == 2
    assert sum(line.startswith(f"failed {site}/drop.xml: ") for line in lines) == 2, errors
    assert "Traceback" not in errors
    with open_store(str(db)) as store:
        stored = {article.title: store.story_of(article.id) for article in store.articles(limit=100)}
        assert store.check_integrity() == []
    # the last day's article was stored before its story raised: stored, in no story, reported each round
    assert set(stored) == {*GROUPED, "Le dernier jour du calendrier"}
    assert {title for title, story in stored.items() if story is not None} == GROUPED


def test_a_round_that_fails_as_a_whole_is_reported_and_the_next_one_runs(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round whose every step raised (here the store vanishing under the first one) is one line on
    standard error; the next round runs. With ``--once`` the failed round is the command's error."""
    real = watch_module.watch_round
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> tuple[IngestReport, int]:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionResetError("the database server went away")
        done = real(*args, **kwargs)
        kwargs["stop"].set()  # the second round works, then watching stops
        return done

    monkeypatch.setattr(watch_module, "watch_round", flaky)
    monkeypatch.chdir(tmp_path)
    for name, value in _env(tmp_path / "whole.db").items():
        if name.startswith("RECOUPE_"):
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("RECOUPE_STORIES", "false")
    result = CliRunner().invoke(cli, ["watch", "--every", "0.1s", "--feed", f"{site}/good.xml"])
    assert result.exit_code == 0, result.output
    assert "round 1 failed: ConnectionResetError: the database server went away" in result.stderr
    assert "round 2 · 1 new" in result.stdout

    calls.clear()
    once = CliRunner().invoke(cli, ["watch", "--once", "--feed", f"{site}/good.xml"])
    assert once.exit_code == 1
    assert "round 1 failed: ConnectionResetError" in once.stderr
