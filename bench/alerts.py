"""Watchlists and alerts: what the check costs after each ingest round, and webhook delivery throughput.

    .venv/bin/python bench/alerts.py [--stories 2000] [--per-story 3] [--watchlists 20] [--changed 50]
        [--alerts 200] [--postgres postgresql://postgres@127.0.0.1:5432/test]

A synthetic SQLite archive (and, with ``--postgres``, the same on a PostgreSQL schema of its own, dropped
afterwards): ``--stories`` stories of ``--per-story`` articles from 30 outlets, each article naming 2 of 60
people (``Store.save_enrichments``), text from the seeds' sentences; stories written with
``StoryTx.write_stories``. ``--watchlists`` watchlists: a third by entity, a third by keyword query, a third
by outlet (each with 2+ independent outlets).

Timed, on the same archive in one run: the first check (every watchlist starts from the present: all rows
written), a quiet check (nothing changed: the cost every ingest round pays; it looks only at the stories
written or cross-checked since the last check), and a check after ``--changed``
stories gained an independent outlet (how many alerts that raised: a story matched by several watchlists
raises one per watchlist).
Delivery: ``--alerts`` alerts to a loopback webhook receiver (a thread), signed; alerts per second. The
headline figure, printed last, is the quiet check's cost as a ratio of one ``Store.stories(limit=20)`` read.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.store.corpus import article

from recoupe.alerts.deliver import DeliveryPolicy, deliver
from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, StoryRow
from recoupe.store import Store, open_store

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return [s.strip() + "." for s in text.replace("\n", " ").split(". ") if len(s.split()) > 5]


def build(store: Store, stories: int, per_story: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    sentences = _sentences()
    people = [EntityRef(f"person {i}", f"Person {i}", "PER", (), (), 1) for i in range(60)]
    members: dict[str, list[str]] = {}
    for s in range(stories):
        batch = []
        for a in range(per_story):
            body = " ".join(rng.sample(sentences, 4)) + f" ({s}-{a})"
            outlet = f"Outlet {rng.randrange(30)}"
            batch.append(article(f"Story {s} article {a}", body, outlet=outlet, day=date(2025, 1, 1 + s % 28)))
        ids = [i for i, _ in store.add(batch)]
        named = rng.sample(people, 2)
        store.save_enrichments([Enrichment(i, "fr", EnrichmentLevel.FULL, entities=tuple(named)) for i in ids], 1)
        members[f"{s:016x}"] = ids
    rows = []
    assignment = {}
    for story_id, ids in members.items():
        outlets = len({store.get(i).outlet for i in ids})
        rows.append(
            StoryRow(story_id, f"Story {story_id}", ids[0], len(ids), outlets, outlets, ("fr",), None, None, NOW, NOW)
        )
        assignment.update(dict.fromkeys(ids, story_id))
    with store.story_tx(write=True) as tx:
        tx.write_stories(assignment, rows, {}, datetime.now(UTC))
    return members


def watch(store: Store, count: int) -> None:
    for w in range(count):
        kind = w % 3
        if kind == 0:
            store.add_watchlist(f"entity {w}", entity=f"person {w}", min_outlets=2)
        elif kind == 1:
            store.add_watchlist(f"query {w}", query=["OpenAI", "Musk", "milliards", "Altman"][w % 4], min_outlets=2)
        else:
            store.add_watchlist(f"outlet {w}", outlet=f"Outlet {w}", min_outlets=2)


def timed(call, rounds: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


class _Sink(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()


def run(store: Store, args: argparse.Namespace, label: str) -> float:
    t0 = time.perf_counter()
    members = build(store, args.stories, args.per_story)
    print(
        f"[{label}] built {args.stories} stories, {args.stories * args.per_story} articles"
        f" in {time.perf_counter() - t0:.1f} s"
    )
    start = time.perf_counter()
    watch(store, args.watchlists)
    print(
        f"[{label}] {args.watchlists} watchlists added (first check, rows written): {time.perf_counter() - start:.2f} s"
    )
    quiet, raised = timed(store.check_watchlists)
    assert raised == 0, raised
    read, _ = timed(lambda: store.stories(limit=20))
    print(f"[{label}] quiet check: {quiet * 1000:.1f} ms (median of 3); stories(limit=20): {read * 1000:.2f} ms")
    # --changed stories gain an outlet nobody had: those the watchlists match raise new-outlet/new-story alerts
    changed = list(members)[: args.changed]
    rows = []
    for story_id in changed:
        row = store.story_row(story_id)
        rows.append(
            StoryRow(
                row.id,
                row.title,
                row.title_article,
                row.articles,
                row.outlets + 1,
                row.independent + 1,
                row.languages,
                None,
                None,
                NOW,
                NOW,
            )
        )
    with store.story_tx(write=True) as tx:
        tx.write_stories({}, rows, {}, datetime.now(UTC))
    start = time.perf_counter()
    raised = store.check_watchlists()
    busy = time.perf_counter() - start
    print(f"[{label}] check after {len(changed)} stories gained an outlet: {busy * 1000:.1f} ms, {raised} alerts")
    return quiet / read if read else float("nan")


def delivery(args: argparse.Namespace) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "d.db")) as store:
        store.add_watchlist("all", webhook=url, secret="bench")
        build(store, args.alerts, 1, seed=3)
        raised = store.check_watchlists()
        start = time.perf_counter()
        report = deliver(store, policy=DeliveryPolicy(tries=1))
        while store.alerts(pending=True, limit=1):
            report = deliver(store, policy=DeliveryPolicy(tries=1))
        seconds = time.perf_counter() - start
    server.shutdown()
    print(
        f"delivery: {raised} signed alerts to a loopback webhook in {seconds:.2f} s"
        f" = {raised / seconds:.0f} alerts/s (last round {report.delivered})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--per-story", type=int, default=3)
    parser.add_argument("--watchlists", type=int, default=20)
    parser.add_argument("--changed", type=int, default=50)
    parser.add_argument("--alerts", type=int, default=200)
    parser.add_argument("--postgres")
    args = parser.parse_args()
    ratios = {}
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "bench.db")) as store:
        ratios["sqlite"] = run(store, args, "sqlite")
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from tests.conftest import postgres_schema

        with postgres_schema(args.postgres) as url, open_store(url) as store:
            ratios["postgresql"] = run(store, args, "postgresql")
    delivery(args)
    figures = ", ".join(f"{k} {v:.0f}x" for k, v in ratios.items())
    print(
        f"quiet watchlist check vs one stories(limit=20) read, {args.watchlists} watchlists"
        f" over {args.stories} stories: {figures}"
    )


if __name__ == "__main__":
    main()
