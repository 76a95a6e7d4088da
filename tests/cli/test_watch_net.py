"""``recoupe watch`` goes on whatever one round, one feed or one article raises (issue 17): each failure is
reported with its reason, what was stored stays, and the next round runs.

A real ``recoupe watch`` process against a loopback server: a server that drops the connection in the
middle of a feed, and entries that stopped ``watch`` on its first round before (a date Python cannot move to
UTC, ``31 Dec 9999 23:00 -1400``: ``OverflowError`` in the store, taking the batch's other articles with it;
``31 Dec 9999`` UTC: ``ValueError`` in the story engine; a NUL in a title: ``StoreError`` on PostgreSQL).
Those are fixed at their root (``recoupe.extract``); what the net does with the next failure nobody foresaw
is shown by making the pipeline raise on one article and on one whole round.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.procs import http_server, recoupe, recoupe_env, running

import recoupe.cli.watch as watch_module
from recoupe.cli.main import cli
from recoupe.model import Failure, Record
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
#: the title of the entry the pipeline is made to raise on
POISON = "Une date au-delà du calendrier"


def _item(title: str, text: str, date: str) -> str:
    return f"<item><title>{title}</title><description>{text}</description><pubDate>{date}</pubDate></item>"


def _rss(*items: str) -> bytes:
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
    return (head + "".join(items) + "</channel></rss>").encode()


FEEDS = {
    "/hostile.xml": _rss(
        _item("Budget des écoles de Maurepas", BODY, GOOD_DATE),
        _item(POISON, BODY.replace("Rennes", "Brest"), BEYOND_UTC),
        _item("Le dernier jour du calendrier &#0;", BODY.replace("Rennes", "Vannes"), LAST_DAY),
        _item("Éoliennes au large de Concarneau", OTHER, GOOD_DATE),
    ),
    "/good.xml": _rss(_item("Enquête publique à Quimper", OTHER.replace("Concarneau", "Quimper"), GOOD_DATE)),
}
GOOD = {"Budget des écoles de Maurepas", "Éoliennes au large de Concarneau", "Enquête publique à Quimper"}
STORED = {*GOOD, POISON, "Le dernier jour du calendrier"}


class _Site(BaseHTTPRequestHandler):
    """The feeds above, ``/drop.xml`` (headers, half a feed, then the connection closed) and no robots.txt."""

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


@pytest.fixture
def site() -> Iterator[str]:
    with http_server(_Site) as url:
        yield url


def _env(db: Path) -> dict[str, str]:
    # batches of 8: the whole hostile feed in one batch
    return recoupe_env(db, enrich="false", embedder="fast-use", fetch_delay=0, batch_size=8)


def test_watch_goes_on_after_a_dropped_connection_and_stores_edge_dates(site: str, tmp_path: Path) -> None:
    db = tmp_path / "net.db"
    feeds = [f"{site}/hostile.xml", f"{site}/drop.xml", f"{site}/good.xml"]
    args = ["watch", "--every", "0.5s"]
    for feed in feeds:
        args += ["--feed", feed]
    process = recoupe(*args, env=_env(db), cwd=tmp_path)
    with running(process):
        assert process.stdout is not None
        rounds = [process.stdout.readline() for _ in range(2)]
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors
    # round 1: the five articles stored (the edge dates unknown, the NUL dropped); the cut feed failed
    assert rounds[0].startswith("round 1 · 5 new · 0 updated · 0 unchanged · 0 not modified · 1 failed"), rounds
    # round 2 runs: what was stored stays, the cut feed is tried again
    assert rounds[1].startswith("round 2 · 0 new · 0 updated · 5 unchanged · 0 not modified · 1 failed"), rounds
    lines = [line for line in errors.splitlines() if line.startswith("failed ")]
    assert len(lines) == 2, errors
    assert all(line.startswith(f"failed {site}/drop.xml: ") for line in lines), errors
    assert "Traceback" not in errors
    with open_store(str(db)) as store:
        stored = {article.title: article for article in store.articles(limit=100)}
        assert all(store.story_of(article.id) is not None for article in stored.values())
        assert store.check_integrity() == []
    assert set(stored) == STORED
    assert [stored[title].published for title in (POISON, "Le dernier jour du calendrier")] == [None, None]


def test_an_article_whose_ingest_raises_is_its_failure_and_the_batch_is_stored(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline made to raise whenever a batch holds one article (as storing the date beyond UTC did):
    the batch is stored again one article at a time, that article is the round's failure with its reason,
    the others are stored, and the next round runs and tries it again."""
    real_ingest, real_round = watch_module.ingest, watch_module.watch_round
    rounds: list[int] = []

    def poisoned(items: list[Record | Failure], *args: Any, **kwargs: Any) -> IngestReport:
        if any(isinstance(item, Record) and item.fields.get("title") == POISON for item in items):
            raise OverflowError("date value out of range")
        return real_ingest(items, *args, **kwargs)

    def two_rounds(*args: Any, **kwargs: Any) -> tuple[IngestReport, int]:
        rounds.append(1)
        done = real_round(*args, **kwargs)
        if len(rounds) == 2:
            kwargs["stop"].set()
        return done

    monkeypatch.setattr(watch_module, "ingest", poisoned)
    monkeypatch.setattr(watch_module, "watch_round", two_rounds)
    _cli_env(monkeypatch, tmp_path / "poisoned.db")
    result = CliRunner().invoke(cli, ["watch", "--every", "0.1s", "--feed", f"{site}/hostile.xml"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("round 1 · 3 new · 0 updated · 0 unchanged · 0 not modified · 1 failed"), lines
    assert lines[1].startswith("round 2 · 0 new · 0 updated · 3 unchanged · 0 not modified · 1 failed"), lines
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert len(failed) == 2, result.stderr
    assert all(line.endswith("#entry-2: ingest failed: OverflowError: date value out of range") for line in failed)
    with open_store(str(tmp_path / "poisoned.db")) as store:
        titles = {article.title for article in store.articles(limit=100)}
    assert titles == {
        "Budget des écoles de Maurepas",
        "Le dernier jour du calendrier",
        "Éoliennes au large de Concarneau",
    }


def _cli_env(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    monkeypatch.chdir(db.parent)
    for name, value in _env(db).items():
        if name.startswith("RECOUPE_"):
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("RECOUPE_STORIES", "false")


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
    _cli_env(monkeypatch, tmp_path / "whole.db")
    result = CliRunner().invoke(cli, ["watch", "--every", "0.1s", "--feed", f"{site}/good.xml"])
    assert result.exit_code == 0, result.output
    assert "round 1 failed: ConnectionResetError: the database server went away" in result.stderr
    assert "round 2 · 1 new" in result.stdout

    calls.clear()
    once = CliRunner().invoke(cli, ["watch", "--once", "--feed", f"{site}/good.xml"])
    assert once.exit_code == 1
    assert "round 1 failed: ConnectionResetError" in once.stderr
