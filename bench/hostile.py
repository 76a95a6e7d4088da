"""Hostile inputs (issue 17): the costs that grew faster than the input, measured as curves, before and after.

Each curve doubles the input and prints the cost (CPU seconds, or peak bytes allocated) of the old way (the
code as it was before issue 17, rebuilt here from the same libraries) and of recoupe now, with the growth
factor per doubling (2 is linear, 4 quadratic, 1 flat):

1. **CSV lines**: one row whose quoted field is N MB. Before: ``csv`` over ``codecs.getreader`` (its
   ``readline`` rescans the line for every 72-character piece: quadratic). Now: ``read_csv`` (an
   ``io.TextIOWrapper``, lines bounded by ``max_record_mb``).
2. **Blank lines in a ``.jsonl.gz``**: N MB of newlines. Before: a ``readline`` per blank line and no bound
   on the decompressed size (a 200 KB file held a reader for 40 s). Now: ``read_inputs`` (JSONL read in
   blocks, gzip bounded to 100 times the file's size).
3. **WARC header lines**: one record whose HTTP header block is N MB of ``X: y`` lines, peak bytes allocated
   (tracemalloc). Before: warcio's parser as it is (a tuple per line). Now: ``read_warc`` (header blocks
   bounded to 256 KB: refused with a reason).
4. **WARC bodies**: peak bytes allocated while an archive is read item by item (each dropped before the
   next, as the pipeline's batches do), ``max_file_mb`` 20. (a) One gzipped record whose body is N × 8 MB
   (32 MB is over the cap: that record's failure). Before: warcio's ``content_stream`` (16 KB blocks, one
   inflating to up to 16 MB) read into a ``bytearray`` then copied to ``bytes``. Now: ``read_warc`` (the
   body held once, inflated 4 KB of input at a time). (b) N × 16 records of 1 MB: the archive grows, the
   peak must not.
5. **A page sent a byte a second** from a loopback server: seconds until the fetch gives up, for
   ``fetch_timeout`` 1 and 2 (deadline 3 × ``fetch_timeout``); before, the fetch lasted as long as the
   server did (each byte came within the read timeout).
6. ``--concurrent ROUNDS`` (default 5; 0 skips it): two ``recoupe ingest`` processes at once (stories on,
   the default embedder, batches of 3 so they interleave) on the two halves of a JSON Lines file,
   ``ROUNDS`` times, against one ingest of the whole: articles stored, stories (the same partition?),
   vectors in the index, ``recoupe check``. The file is, by default, the 48 articles of the held-out French
   cross-check pairs (24 events, two outlets each; ``tests/fixtures/crosscheck_fr/report.jsonl``), written
   as ``tests/store/test_concurrent_ingest_processes.py`` writes them.

Run (some 5 minutes on a loaded 2-core machine, most of it the ingests):

    .venv/bin/python bench/hostile.py [--sizes 0.25 0.5 1 2 4] [--concurrent 5] [--inputs FILE.jsonl]
    .venv/bin/python bench/hostile.py --no-curves --concurrent 5     # the ingests only
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import dataclasses
import gzip
import io
import json
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import procs
from tests.procs import http_server
from warcio.archiveiterator import ArchiveIterator

from recoupe.config import Settings, load_settings
from recoupe.model import Record
from recoupe.sources import read_inputs
from recoupe.sources.tabular import read_csv
from recoupe.sources.warc import read_warc
from recoupe.sources.web import fetch_url

MB = 1024 * 1024
_PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "crosscheck_fr" / "report.jsonl"


def _cpu(work: Callable[[], Any]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _peak(work: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _curve(
    title: str, unit: str, sizes: list[float], old: Callable[[float], float], new: Callable[[float], float]
) -> None:
    print(f"\n{title}")
    print(f"| size (MB) | before ({unit}) | growth | now ({unit}) | growth |")
    print("|---|---|---|---|---|")
    last: tuple[float, float] | None = None
    for size in sizes:
        before, now = old(size), new(size)
        grow = (
            ("", "")
            if last is None
            else tuple(f"× {b / a:.1f}" if a > 0 else "" for a, b in zip(last, (before, now), strict=True))
        )
        print(f"| {size:g} | {before:.4g} | {grow[0]} | {now:.4g} | {grow[1]} |")
        last = (before, now)


# -- 1. CSV lines -----------------------------------------------------------------------------------------------


def _csv_data(size: float) -> bytes:
    return b"title,text\n" + b'Titre,"' + b"x" * int(size * MB) + b'"\n'


def csv_before(size: float) -> float:
    data = _csv_data(size)
    csv.field_size_limit(64 * MB)

    def work() -> None:
        list(csv.DictReader(codecs.getreader("utf-8-sig")(io.BytesIO(data), "strict")))

    return _cpu(work)


def csv_now(size: float, settings: Settings) -> float:
    data = _csv_data(size)
    return _cpu(lambda: list(read_csv(io.BytesIO(data), "bench.csv", settings)))


# -- 2. blank lines in a gzipped JSONL ----------------------------------------------------------------------------


def _blank_gz(folder: Path, size: float) -> Path:
    path = folder / f"blank-{size:g}.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b'{"title": "un", "text": "une ligne avant les lignes vides"}\n')
        handle.write(b"\n" * int(size * MB))
    return path


def blank_before(path: Path) -> float:
    def work() -> None:
        with gzip.open(path, "rb") as handle:
            while handle.readline(5 * MB + 1):
                pass

    return _cpu(work)


def blank_now(path: Path, settings: Settings) -> float:
    return _cpu(lambda: list(read_inputs([str(path)], settings)))


# -- 3. WARC header lines ---------------------------------------------------------------------------------------------


def _warc(folder: Path, size: float) -> Path:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X: y\r\n" * int(size * MB / 6) + b"\r\n<html></html>"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    path = folder / f"headers-{size:g}.warc"
    path.write_bytes(head.encode() + block + b"\r\n\r\n")
    return path


def warc_before(path: Path) -> float:
    def work() -> None:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()

    return _peak(work) / MB


def warc_now(path: Path, settings: Settings) -> float:
    return _peak(lambda: list(read_warc(path, settings))) / MB


# -- 4. WARC bodies ------------------------------------------------------------------------------------------------

_PARAGRAPH = b"<p>Le conseil municipal a vote un budget de douze millions d'euros pour les ecoles.</p>\n"


def _warc_record(uri: str, body_size: int) -> bytes:
    """One gzip member: a response record whose HTML body is ``body_size`` bytes (compressing some 300 times)."""
    body = b"<html><body>" + _PARAGRAPH * (body_size // len(_PARAGRAPH)) + b"</body></html>"
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T08:00:00Z\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 6)


def _warc_of(folder: Path, name: str, sizes: list[int]) -> Path:
    path = folder / name
    with path.open("wb") as handle:
        for number, size in enumerate(sizes):
            handle.write(_warc_record(f"https://example.org/{number}", size))
    return path


def warc_body_before(path: Path, limit: int) -> float:
    def work() -> None:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, arc2warc=True):
                if record.rec_type != "response":
                    continue
                body = bytearray()
                stream = record.content_stream()
                while chunk := stream.read(64 * 1024):
                    body += chunk
                    if len(body) > limit:
                        break
                else:
                    data = bytes(body)
                    del data
                del body

    return _peak(work) / MB


def warc_body_now(path: Path, settings: Settings) -> float:
    def work() -> None:
        for item in read_warc(path, settings):
            assert isinstance(item, Record) or "record too large" in item.reason
            del item

    return _peak(work) / MB


# -- 5. a page sent a byte a second -------------------------------------------------------------------------------


@contextlib.contextmanager
def _drip_server(seconds: int) -> Iterator[str]:
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:
            self.send_response(200 if self.path != "/robots.txt" else 404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(seconds):
                    if stop.wait(1.0):
                        return
                    self.wfile.write(b"x")
                    self.wfile.flush()

    with http_server(Handler) as base:
        try:
            yield f"{base}/drip"
        finally:
            stop.set()


def drip(settings: Settings) -> None:
    print("\nA page sent a byte a second for 60 s (loopback server)")
    print("| fetch_timeout (s) | deadline (s) | gave up after (s) | reason |")
    print("|---|---|---|---|")
    with _drip_server(60) as url:
        for timeout in (1.0, 2.0):
            quick = dataclasses.replace(settings, fetch_timeout=timeout)
            started = time.monotonic()
            result = fetch_url(url, quick)
            took = time.monotonic() - started
            print(f"| {timeout:g} | {3 * timeout:g} | {took:.1f} | {getattr(result, 'reason', 'fetched')} |")


# -- 6. ingest processes at once, stories on -------------------------------------------------------------------


def _partition(db: Path) -> tuple[int, set[frozenset[str]], int]:
    from recoupe.store import open_store
    from recoupe.stories.assign import index_path_for
    from recoupe.stories.index import VectorIndex

    with open_store(str(db)) as store:
        members: dict[str | None, set[str]] = {}
        ids = [article.id for article in store.articles(limit=100_000)]
        for article_id in ids:
            members.setdefault(store.story_of(article_id), set()).add(article_id)
    path = index_path_for(str(db))
    vectors = len(VectorIndex.load(path)) if path is not None else 0
    return len(ids), {frozenset(group) for group in members.values()}, vectors


def concurrent(rounds: int, inputs: Path) -> None:
    """``rounds`` times: two ``recoupe ingest`` processes at once on the two halves of ``inputs`` (JSON Lines),
    against one ingest of the whole file: articles, stories, vectors, and ``recoupe check``."""
    import os
    import subprocess

    print(f"\nTwo ingest processes at once, stories on ({inputs.name}), {rounds} rounds")
    print("| round | articles (once / together) | stories (once / together) | same stories | vectors | check |")
    print("|---|---|---|---|---|---|")
    env = {**os.environ, "RECOUPE_ENRICH": "false", "RECOUPE_BATCH_SIZE": "3"}
    lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)

    def recoupe(db: Path, *args: str) -> subprocess.Popen[str]:
        return procs.recoupe("--db", str(db), *args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        halves = [folder / "half0.jsonl", folder / "half1.jsonl"]
        for index, half in enumerate(halves):
            half.write_text("".join(lines[index::2]), encoding="utf-8")
        once = folder / "once.db"
        recoupe(once, "ingest", str(inputs)).wait()
        alone = _partition(once)
        for number in range(1, rounds + 1):
            together = folder / f"together{number}.db"
            runs = [recoupe(together, "ingest", str(half)) for half in halves]
            codes = [run.wait() for run in runs]
            checked = recoupe(together, "check").wait()
            found = _partition(together)
            same = "yes" if found[1] == alone[1] and codes == [0, 0] else "NO"
            print(
                f"| {number} | {alone[0]} / {found[0]} | {len(alone[1])} / {len(found[1])} | {same} | "
                f"{found[2]} of {found[0]} | {'OK' if checked == 0 else 'problem'} |"
            )


def pairs_jsonl(path: Path) -> Path:
    """The 48 articles of the held-out French cross-check pairs as JSON Lines (the concurrent ingest test's)."""
    rows = []
    for line in _PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("a", "b"):
            item = pair[side]
            row = {
                "url": f"https://pairs.example/{pair['id']}/{side}",
                "outlet": item["outlet"],
                "date": item["published"],
                "title": item["title"],
                "lead": item.get("lead", ""),
                "text": item["body"],
                "language": "fr",
            }
            rows.append(json.dumps(row, ensure_ascii=False) + "\n")
    path.write_text("".join(rows), encoding="utf-8")
    return path


def curves(sizes: list[float]) -> None:
    settings = load_settings({"fetch_delay": 0, "max_record_mb": 64}, env={}, config_file=None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _curve("1. CSV: one row, one quoted field of N MB", "CPU s", sizes, csv_before, lambda s: csv_now(s, settings))
        blank = {size: _blank_gz(folder, size * 16) for size in sizes}
        _curve(
            "2. .jsonl.gz: N×16 MB of blank lines (size column: N)",
            "CPU s",
            sizes,
            lambda s: blank_before(blank[s]),
            lambda s: blank_now(blank[s], settings),
        )
        warcs = {size: _warc(folder, size) for size in sizes}
        _curve(
            "3. WARC: one record, N MB of HTTP header lines",
            "peak MB allocated",
            sizes,
            lambda s: warc_before(warcs[s]),
            lambda s: warc_now(warcs[s], settings),
        )
        cap = settings.max_file_bytes
        bodies = {size: _warc_of(folder, f"body-{size:g}.warc.gz", [int(size * 8 * MB)]) for size in sizes}
        _curve(
            f"4a. WARC: one record whose body is N×8 MB, max_file_mb {settings.max_file_mb:g} (size column: N)",
            "peak MB allocated",
            sizes,
            lambda s: warc_body_before(bodies[s], cap),
            lambda s: warc_body_now(bodies[s], settings),
        )
        archives = {size: _warc_of(folder, f"many-{size:g}.warc.gz", [MB] * int(size * 16)) for size in sizes}
        _curve(
            "4b. WARC: N×16 records of 1 MB (size column: N)",
            "peak MB allocated",
            sizes,
            lambda s: warc_body_before(archives[s], cap),
            lambda s: warc_body_now(archives[s], settings),
        )
    drip(settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2, 4])
    parser.add_argument("--no-curves", action="store_true", help="only the ingests at once")
    parser.add_argument("--concurrent", type=int, default=5, metavar="ROUNDS", help="ingests at once (0: none)")
    parser.add_argument("--inputs", type=Path, help="JSON Lines for --concurrent [the French pairs]")
    args = parser.parse_args()
    if not args.no_curves:
        curves(args.sizes)
    if args.concurrent:
        with tempfile.TemporaryDirectory() as tmp:
            concurrent(args.concurrent, args.inputs or pairs_jsonl(Path(tmp) / "pairs.jsonl"))


if __name__ == "__main__":
    main()
