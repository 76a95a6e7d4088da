"""Story-candidate search at scale: ``recoupe.stories.index.VectorIndex`` on synthetic embeddings.

    .venv/bin/python bench/stories_scale.py [--sizes 10000 1000000] [--dtype f16 i8] [--threads 2]
        [--queries 3000] [--i8-size N] [--no-sweep] [--spacing rate span] [--rate 1000]
        [--span-days 1096] [--periods week month]

Synthetic corpus (seeded): 384-dim unit vectors in three levels, like news: 300 topics; stories around a
topic (cosine about 0.7 to it), of geometric size (mean 8, many of one article); articles around their story
(cosine about 0.8 to its centre, 0.64 between two articles of a story). A story starts on a day drawn
evenly over the archive's span from 2023-01-01 and its articles fall on that day and the three after.
Two spacings of the same articles:

- ``rate`` (the headline): ``--rate`` articles a day (1,000), so the span grows with the archive: 10k
  articles span 10 days, 1M span 1,000 days. Does assignment cost grow with the archive?
- ``span``: every size over the same ``--span-days`` (1,096: 2023-2025), so 1M has 100x the articles of
  10k on each day: the cost of denser days.

Articles are added in day order, in batches of 50,000 (``add_many``, as ``VectorIndex.rebuild`` does);
``--periods`` picks the shard period(s) built (``recoupe.stories.index.SHARD_PERIOD``).

Each (spacing, period, size, dtype) runs in its own process, so that its RSS growth is its own:

1. **Assignment-candidate time** per new article (a fresh member of a random story, dated within the
   story): ``search(window=3, k=32)`` then scoring the 32 candidates by a numpy dot product with their
   float32 vectors, as the assignment step does. Median and p95 over ``--queries`` queries after 50 warm-up
   queries; the headline is the ratio of the largest size to the smallest (goal <= 2). Also ``k=10``,
   ``k=32, min_similarity=0.5`` and ``k=4096, min_similarity=0.5`` (every in-window article above the
   floor, as the assignment code asks).
2. **Recall@10** against numpy brute force (float32, exact day filter) on 300 of those queries.
3. **Memory**: ``memory_bytes()`` and the growth of VmRSS (``/proc/self/status``) over the build.
4. **Build**: ``add_many`` throughput with ``--threads`` usearch threads.

Then (unless ``--no-sweep``) the exactness threshold: one month shard of n articles, the same window queries
searched exhaustively and by HNSW (with the window's oversampling), to place ``EXACT_THRESHOLD``.
The headline figures are printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

import recoupe.stories.index as index_module
from recoupe.stories.index import EXACT_THRESHOLD, PERIODS, Tuning, VectorIndex

DIM = 384
START = date(2023, 1, 1).toordinal()
SPAN = 1096  # days: 2023-01-01 to 2025-12-31, the "span" spacing's default
RATE = 1000  # articles a day, the "rate" spacing's default
TOPICS = 300
MEAN_STORY = 8
SPREAD = 4  # a story's articles fall on its first day and the three after
BATCH = 50_000
_MULT = 0x9E3779B97F4A7C15  # odd, so row -> key is a bijection of 64-bit integers
_INVERSE = pow(_MULT, -1, 2**64)
_MASK = 2**64 - 1


def _unit(matrix: NDArray[np.float32]) -> NDArray[np.float32]:
    out: NDArray[np.float32] = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    return out


def article_id(row: int) -> str:
    return f"{(row + 1) * _MULT & _MASK:016x}"


def row_of(article_id: str) -> int:
    return (int(article_id, 16) * _INVERSE & _MASK) - 1


class Corpus:
    """``size`` articles (vectors, days in day order) and ``queries`` new articles from the same stories."""

    def __init__(self, size: int, queries: int, seed: int, span: int = SPAN) -> None:
        rng = np.random.default_rng(seed)
        topics = _unit(rng.standard_normal((TOPICS, DIM)).astype(np.float32))
        sizes = rng.geometric(1 / MEAN_STORY, size=size)
        sizes = sizes[: int(np.searchsorted(np.cumsum(sizes), size)) + 1]
        sizes[-1] -= int(sizes.sum()) - size
        stories = len(sizes)
        noise = np.float32(1.0 / np.sqrt(DIM))
        centres = topics[rng.integers(0, TOPICS, stories)] + noise * rng.standard_normal((stories, DIM), np.float32)
        self.centres = _unit(centres)
        self.story_days = START + rng.integers(0, max(span - SPREAD + 1, 1), stories)
        story_of = np.repeat(np.arange(stories), sizes)
        days = self.story_days[story_of] + rng.integers(0, SPREAD, size)
        order = np.argsort(days, kind="stable")
        story_of, self.days = story_of[order], days[order]
        self.vectors = np.empty((size, DIM), dtype=np.float32)
        for start in range(0, size, 100_000):
            part = story_of[start : start + 100_000]
            self.vectors[start : start + len(part)] = self._member(rng, part)
        asked = rng.integers(0, stories, queries)
        self.query_vectors = self._member(rng, asked)
        self.query_days = self.story_days[asked] + rng.integers(0, SPREAD, queries)

    def _member(self, rng: np.random.Generator, stories: NDArray[np.int64]) -> NDArray[np.float32]:
        scale = np.float32(0.75 / np.sqrt(DIM))
        return _unit(self.centres[stories] + scale * rng.standard_normal((len(stories), DIM), np.float32))


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build(corpus: Corpus, dtype: str, threads: int) -> tuple[VectorIndex, float]:
    index = VectorIndex(DIM, dtype=dtype, tuning=Tuning(threads=threads))
    started = time.perf_counter()
    for start in range(0, len(corpus.days), BATCH):
        stop = min(start + BATCH, len(corpus.days))
        ids = [article_id(row) for row in range(start, stop)]
        index.add_many(ids, corpus.days[start:stop].tolist(), corpus.vectors[start:stop])
    return index, time.perf_counter() - started


MODES = (  # (label, k, min_similarity)
    ("k=32", 32, None),
    ("k=10", 10, None),
    ("k=32 >=0.5", 32, 0.5),
    ("k=4096 >=0.5", 4096, 0.5),
)


def time_queries(index: VectorIndex, corpus: Corpus, k: int, floor: float | None) -> tuple[float, float]:
    """Median and p95 seconds of search + scoring the candidates, after 50 warm-up queries."""
    timings = []
    queries = zip(corpus.query_vectors, corpus.query_days.tolist(), strict=True)
    for number, (query, day) in enumerate(queries):
        started = time.perf_counter()
        hits = index.search(query, day, window=3, k=k, min_similarity=floor)
        scores = corpus.vectors[[row_of(hit) for hit, _ in hits]] @ query
        _best = hits[int(np.argmax(scores))][0] if hits else None
        if number >= 50:
            timings.append(time.perf_counter() - started)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def span_days(size: int, spacing: str, rate: int, span: int) -> int:
    return -(-size // rate) if spacing == "rate" else span


def worker(size: int, dtype: str, *, threads: int, queries: int, seed: int, span: int, period: str) -> dict[str, Any]:
    index_module.SHARD_PERIOD = period
    corpus = Corpus(size, queries + 50, seed, span)
    before = rss_mib()
    index, seconds = build(corpus, dtype, threads)
    grown = rss_mib() - before
    vectors, days = corpus.vectors, corpus.days
    times = {label: time_queries(index, corpus, k, floor) for label, k, floor in MODES}
    found = expected = 0
    for query, day in zip(corpus.query_vectors[:300], corpus.query_days[:300].tolist(), strict=True):
        inside = np.flatnonzero(np.abs(days - day) <= 3)
        top = {article_id(int(row)) for row in inside[np.argsort(-(vectors[inside] @ query), kind="stable")[:10]]}
        expected += len(top)
        found += len(top & {hit for hit, _ in index.search(query, day, window=3, k=10)})
    counts = index.counts()
    reported = sum(shard.index.memory_usage for shard in index._shards.values())  # usearch's own figure
    in_window = [int(np.count_nonzero(np.abs(days - day) <= 3)) for day in corpus.query_days[:300].tolist()]
    return {
        "size": size,
        "dtype": dtype,
        "period": period,
        "span_days": span,
        "window_articles": statistics.median(in_window),
        "shards": len(counts),
        "largest_shard": max(counts.values()),
        "build_s": seconds,
        "build_per_s": size / seconds,
        "median_us": times["k=32"][0] * 1e6,
        "p95_us": times["k=32"][1] * 1e6,
        "modes": {label: [median * 1e6, p95 * 1e6] for label, (median, p95) in times.items()},
        "recall10": found / expected,
        "memory_mib": index.memory_bytes() / 2**20,
        "usearch_reported_mib": reported / 2**20,
        "rss_growth_mib": grown,
        "load": os.getloadavg()[0],
    }


def sweep(seed: int, threads: int, sizes: tuple[int, ...] = (2_500, 5_000, 10_000, 20_000, 40_000)) -> list[str]:
    """One month of n articles (a month shard); window=3 queries mid-month, exhaustive and HNSW."""
    index_module.SHARD_PERIOD = "month"
    lines = []
    for size in sizes:
        corpus = Corpus(size, 300, seed)
        month = date(2024, 3, 1).toordinal()
        corpus.days = month + (corpus.days - START) * 30 // SPAN  # squeeze three years into March 2024
        index, _ = build(corpus, "f16", threads)
        figures = []
        for threshold in (size, 0):  # exhaustive, then HNSW
            index.tuning = Tuning(exact_threshold=threshold, threads=threads)
            timings = []
            for query in corpus.query_vectors:
                started = time.perf_counter()
                index.search(query, month + 15, window=3, k=32)
                timings.append(time.perf_counter() - started)
            figures.append(statistics.median(timings) * 1e6)
        lines.append(f"  one month of {size:>6,}: exhaustive {figures[0]:7.0f} us, HNSW {figures[1]:7.0f} us")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--dtype", nargs="+", default=["f16", "i8"], choices=["f32", "f16", "i8"])
    parser.add_argument("--threads", type=int, default=2, help="usearch threads for add_many (0: all cores)")
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--i8-size", type=int, default=None, help="largest size built for i8 (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-sweep", action="store_true")
    parser.add_argument("--spacing", nargs="+", default=["rate", "span"], choices=["rate", "span"])
    parser.add_argument("--rate", type=int, default=RATE, help="articles a day in the rate spacing")
    parser.add_argument("--span-days", type=int, default=SPAN, help="days every size spans in the span spacing")
    parser.add_argument("--periods", nargs="+", default=[index_module.SHARD_PERIOD], choices=PERIODS)
    parser.add_argument("--worker", nargs=4, metavar=("SIZE", "DTYPE", "SPAN", "PERIOD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        size, dtype, span, period = int(args.worker[0]), args.worker[1], int(args.worker[2]), args.worker[3]
        options = {"threads": args.threads, "queries": args.queries, "seed": args.seed}
        print(json.dumps(worker(size, dtype, span=span, period=period, **options)))
        return
    results: list[dict[str, Any]] = []
    runs = [(s, p, d) for s in args.spacing for p in args.periods for d in args.dtype]
    for spacing, period, dtype in runs:
        for size in sorted(args.sizes):
            if dtype == "i8" and args.i8_size is not None and size > args.i8_size:
                print(f"i8 at {size:,} skipped (--i8-size {args.i8_size:,})")
                continue
            span = span_days(size, spacing, args.rate, args.span_days)
            command = [sys.executable, __file__, "--worker", str(size), dtype, str(span), period]
            command += ["--threads", str(args.threads), "--queries", str(args.queries), "--seed", str(args.seed)]
            started = time.perf_counter()
            run = subprocess.run(command, capture_output=True, text=True, check=True)
            result = json.loads(run.stdout.strip().splitlines()[-1])
            result["spacing"] = spacing
            results.append(result)
            modes = ", ".join(f"{label} {m:.0f}/{p:.0f}" for label, (m, p) in result["modes"].items())
            print(
                f"{spacing} ({span:,} days) {period} {dtype} {size:>9,}: {result['shards']} shards "
                f"(largest {result['largest_shard']:,}; {result['window_articles']:,.0f} articles in a window); "
                f"build {result['build_s']:.1f} s ({result['build_per_s']:,.0f}/s); "
                f"candidates median/p95 us: {modes}; recall@10 {result['recall10']:.3f}; "
                f"memory_bytes {result['memory_mib']:,.0f} MiB (usearch memory_usage "
                f"{result['usearch_reported_mib']:,.0f}), RSS +{result['rss_growth_mib']:,.0f} MiB; "
                f"load average {result['load']:.1f}  [{time.perf_counter() - started:.0f} s]",
                flush=True,
            )
    if not args.no_sweep:
        print(f"exactness threshold (EXACT_THRESHOLD = {EXACT_THRESHOLD:,}), window=3, k=32, median per query:")
        print("\n".join(sweep(args.seed, args.threads)), flush=True)
    print("--- headline ---")
    for spacing, period, dtype in runs:
        chosen = [r for r in results if (r["spacing"], r["period"], r["dtype"]) == (spacing, period, dtype)]
        if not chosen:
            continue
        small, large = min(chosen, key=lambda r: r["size"]), max(chosen, key=lambda r: r["size"])
        tag = f"{spacing} {period} {dtype}"
        for label, _, _ in MODES:
            (small_median, small_p95), (large_median, large_p95) = small["modes"][label], large["modes"][label]
            print(
                f"{tag} {label}: candidates per article {small_median:.0f} us at {small['size']:,} -> "
                f"{large_median:.0f} us at {large['size']:,} (median; p95 {small_p95:.0f} -> {large_p95:.0f} us): "
                f"ratio {large_median / small_median:.1f} (goal <= 2)"
            )
        print(
            f"{tag}: at {large['size']:,}: recall@10 {large['recall10']:.3f}; memory_bytes "
            f"{large['memory_mib']:,.0f} MiB, RSS growth {large['rss_growth_mib']:,.0f} MiB; "
            f"build {large['build_per_s']:,.0f} articles/s ({large['build_s']:.0f} s)"
        )


if __name__ == "__main__":
    main()
