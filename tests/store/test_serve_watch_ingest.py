"""``recoupe serve``, ``recoupe watch`` and ``recoupe ingest`` at once on one store (issue 17), on SQLite and on
PostgreSQL: the stories of one sequential run of the same inputs, 0 lost, 0 duplicated, ``recoupe check`` OK.

Inputs: the 48 articles of the held-out French cross-check pairs (24 events, two outlets each), as three
overlapping sources in the forms each face reads:

- 16 as HTML pages behind an RSS feed on a loopback server (with ETags): ``watch`` polls the feed every
  second and ``ingest --feed`` reads it too, so both fetch every page;
- 24 in a JSON Lines file for ``ingest``;
- 16 posted to the running ``serve`` through ``POST /api/ingest`` in bodies of 4, 8 of them also in the
  file, while searches and story lists are read from it.

Stories on (fast embedder), batches of 3 so that the writers interleave. The sequential run is one
``recoupe ingest`` of the same file, the posted records and the same feed into a fresh database.
"""

from __future__ import annotations

import html
import json
import re
import signal
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from tests.procs import free_port, http_server, recoupe, recoupe_env, recoupe_run, running, wait_for_http
from tests.store import test_concurrent_ingest_processes as two_ingests
from tests.store.test_concurrent_ingest_processes import _records, _stories, _write

from recoupe.store import open_store

pytestmark = pytest.mark.slow

second_db = two_ingests.second_db  # the fixture: another database on the same engine, for the sequential run

TOKEN = "jeton-de-test"  # the API token of the serve under test
ROUND = re.compile(r"^round \d+ · (\d+) new · (\d+) updated · (\d+) unchanged · (\d+) not modified · (\d+) failed")


def _page(record: dict[str, str]) -> bytes:
    """An article page as a news site writes one: title, outlet and date in the head, lead and paragraphs."""
    e = html.escape
    paragraphs = "".join(f"<p>{e(part)}</p>" for part in record["text"].split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{e(record["title"])}</title>'
        f'<meta property="og:site_name" content="{e(record["outlet"])}">'
        f'<meta property="og:title" content="{e(record["title"])}">'
        f'<meta property="article:published_time" content="{e(record["date"])}"></head>'
        f"<body><article><h1>{e(record['title'])}</h1><p><strong>{e(record['lead'])}</strong></p>"
        f"{paragraphs}</article></body></html>"
    ).encode()


@contextmanager
def _site(records: list[dict[str, str]]) -> Iterator[str]:
    """``/feed.xml`` listing ``/pages/<n>.html``, one page per record, each with an ETag (304 when named)."""
    pages = {f"/pages/{number}.html": _page(record) for number, record in enumerate(records)}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: bytes, media: str, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(
                    f"<item><title>{html.escape(record['title'])}</title><link>{base}/pages/{number}.html</link></item>"
                    for number, record in enumerate(records)
                )
                feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>f</title>{items}'
                self._send(200, (feed + "</channel></rss>").encode(), "application/rss+xml")
            elif self.path in pages:
                etag = f'"{self.path.split("/")[-1]}"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", "text/html", etag)
                else:
                    self._send(200, pages[self.path], "text/html; charset=utf-8", etag)
            else:
                self._send(404, b"not found", "text/plain")

    with http_server(Handler) as base:
        yield f"{base}/feed.xml"


def _call(url: str, body: object | None = None) -> tuple[int, object]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"} if data else {}
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    with urllib.request.urlopen(request, timeout=300) as answer:
        return int(answer.status), json.loads(answer.read())


def _env(db: str) -> dict[str, str]:
    return recoupe_env(db, embedder="fast-use", enrich="false", fetch_delay=0, batch_size=3, api_token=TOKEN)


def _start(command: str, *args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    """``recoupe COMMAND ARGS`` in the background, its standard error in ``cwd/COMMAND.err``."""
    with (cwd / f"{command}.err").open("w", encoding="utf-8") as log:
        return recoupe(command, *args, env=env, cwd=cwd, stderr=log)


def _log(cwd: Path, command: str) -> str:
    return (cwd / f"{command}.err").read_text(encoding="utf-8", errors="replace")


def _post_and_read(base: str, posted: list[dict[str, str]]) -> int:
    """``posted`` through ``POST /api/ingest`` in bodies of 4, a search and a story list read after each;
    how many articles the API stored as new."""
    new = 0
    for start in range(0, len(posted), 4):
        status, answer = _call(f"{base}/api/ingest", {"records": posted[start : start + 4]})
        assert status == 200, answer
        assert isinstance(answer, dict)
        assert answer["failed"] == 0, answer
        new += int(answer["new"])
        for read in ("/api/search?q=gouvernement", "/api/stories?limit=50"):
            assert _call(base + read)[0] == 200
    return new


def _watched(watch: subprocess.Popen[str], ingest_done: threading.Event) -> list[str]:
    """watch's round lines until a round that began after ``ingest_done`` has ended (the round under way
    then, and the next one); then watch is stopped by SIGTERM."""
    assert watch.stdout is not None
    lines: list[str] = []
    after = None
    for line in watch.stdout:
        lines.append(line)
        if after is None and ingest_done.is_set():
            after = len(lines) + 1
        if after is not None and len(lines) >= after:
            break
    watch.send_signal(signal.SIGTERM)
    watch.communicate(timeout=120)
    return lines


def test_serve_watch_and_ingest_at_once_give_the_stories_of_one_run(
    db_url: str, second_db: str, tmp_path: Path
) -> None:
    records = _records()
    assert len(records) == 48
    paged, filed, posted = records[:16], records[16:40], records[32:]  # records[32:40]: in the file and posted
    jsonl = _write(tmp_path / "filed.jsonl", filed)
    open_store(db_url).close()  # the schema exists before the three start
    env, port = _env(db_url), free_port()
    base = f"http://127.0.0.1:{port}"
    with _site(paged) as feed:
        serve = _start("serve", "--port", str(port), env=env, cwd=tmp_path)
        watch = _start("watch", "--feed", feed, "--every", "1s", env=env, cwd=tmp_path)
        ingest = _start("ingest", str(jsonl), "--feed", feed, "--json", env=env, cwd=tmp_path)
        with running(serve, watch, ingest):
            ingest_done = threading.Event()
            rounds: list[str] = []
            reader = threading.Thread(target=lambda: rounds.extend(_watched(watch, ingest_done)), daemon=True)
            reader.start()
            wait_for_http(f"{base}/api/stories", serve, lambda: _log(tmp_path, "serve"))  # serve has bound its port
            posted_new = _post_and_read(base, posted)
            out, _ = ingest.communicate(timeout=600)
            ingest_done.set()
            assert ingest.returncode == 0, _log(tmp_path, "ingest")
            reader.join(timeout=600)
            assert watch.returncode == 0, _log(tmp_path, "watch")
            serve.send_signal(signal.SIGTERM)
            serve.communicate(timeout=60)
            assert serve.returncode in {0, -signal.SIGTERM}, _log(tmp_path, "serve")
        summary = json.loads(out)
        assert summary["failed"] == 0, summary
        counts = [ROUND.match(line) for line in rounds]
        assert len(counts) >= 2, rounds
        assert all(counts), rounds
        watched = [[int(n) for n in found.groups()] for found in counts if found]
        assert all(found[4] == 0 for found in watched), rounds  # no failure in any round
        # every article stored as new by exactly one of the writers: 0 duplicated
        assert sum(found[0] for found in watched) + summary["new"] + posted_new == len(records)
        check = recoupe_run("check", env=env, cwd=tmp_path)
        assert check.returncode == 0, check.stdout + check.stderr

        everything = _write(tmp_path / "everything.jsonl", records[16:])  # the file and the posted records
        alone = _start("ingest", str(everything), "--feed", feed, env=_env(second_db), cwd=tmp_path)
        with running(alone):
            alone.communicate(timeout=600)
        assert alone.returncode == 0, _log(tmp_path, "ingest")

    together_urls, together_stories = _stories(db_url)
    alone_urls, alone_stories = _stories(second_db)
    assert together_urls == alone_urls  # 0 lost, 0 duplicated
    assert len(together_urls) == len(set(together_urls)) == len(records)
    assert together_stories == alone_stories
