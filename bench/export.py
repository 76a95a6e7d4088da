"""Peak memory of ``recoupe export`` on 1 M rows: CSV, JSON Lines and Parquet.

Rows are synthetic: a stand-in for the store (the ``Store`` methods the articles export calls: ``articles``
by page, and a read ``story_tx`` for each page's ``memberships`` and ``copies_of``) makes each article on
demand from its position, so the figure is the export's own memory (paging, row building, the writers), not
a database's cache. Each article has a
60-character title, a 120-character lead, an 800-character body, two tags, an author, a story and, for one
in ten, a wire-copy mark. Each run is a fresh process; its peak RSS (``ru_maxrss``) is printed next to its
RSS before exporting (Python, recoupe and pyarrow loaded), at 100 k and 1 M rows: the same peak at both sizes
is what "streamed" means. Output goes to a temporary file, removed after.

    .venv/bin/python bench/export.py [--rows 1000000] [--batch-size 500]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GOAL_MB = 300


class SyntheticStore:
    """Just enough of the ``Store`` protocol for ``recoupe export articles``, over ``rows`` made-up articles."""

    where = "synthetic"

    def __init__(self, rows: int) -> None:
        self.rows = rows

    def articles(self, *, limit: int = 50, offset: int = 0, **_filters: Any) -> list[Any]:
        from recoupe.model import Article, DatePrecision, Provenance, PublishedDate

        return [
            Article(
                id=f"{n:016x}",
                title=f"Article {n:>9} about a story that several outlets tell".ljust(60, "."),
                body=(f"Paragraph {n} of a synthetic body, with accents: été, déjà, où. " * 13)[:800],
                lead=("A lead sentence that sums the article up in a few words. " * 3)[:120],
                content_hash=f"{n:064x}",
                provenance=Provenance(kind="jsonl", source="synthetic.jsonl", line=n + 1),
                outlet=f"Outlet {n % 50}",
                published=PublishedDate(datetime(2025, 1, 1 + n % 28, tzinfo=UTC), DatePrecision.DAY),
                language="fr",
                tags=("politique", "économie"),
                authors=(f"Author {n % 300}",),
            )
            for n in range(offset, min(offset + limit, self.rows))
        ]

    @contextmanager
    def story_tx(self, *, write: bool) -> Iterator[SyntheticStore]:  # noqa: ARG002 - the protocol's signature
        yield self

    def memberships(self, ids: list[str]) -> dict[str, str]:
        return {i: f"{int(i, 16) // 7:016x}" for i in ids}

    def copies_of(self, ids: list[str]) -> dict[str, tuple[str, float]]:
        return {i: (f"{int(i, 16) - 1:016x}", 0.93) for i in ids if int(i, 16) % 10 == 9}


def _child(fmt: str, rows: int, batch_size: int) -> None:
    """One export in this process: prints JSON with the RSS before and the peak after."""
    import pyarrow as pa  # noqa: F401 - loaded before the baseline, like the export's own imports

    from recoupe.export import export

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"export.{fmt}"
        started = time.perf_counter()
        with target.open("wb") as out:
            summary = export(SyntheticStore(rows), "articles", fmt, out, batch_size=batch_size)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        size = target.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": summary.rows, "before_kb": before, "peak_kb": peak, "seconds": seconds, "bytes": size}))


def _run(fmt: str, rows: int, batch_size: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", fmt, "--rows", str(rows), "--batch-size", str(batch_size)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--child", choices=["csv", "jsonl", "parquet"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.rows, args.batch_size)
        return
    small = max(args.rows // 10, 1)
    peaks: dict[str, float] = {}
    print(f"{'format':8} {'rows':>9} {'RSS before':>11} {'peak RSS':>9} {'seconds':>8} {'rows/s':>8} {'output':>9}")
    for fmt in ("csv", "jsonl", "parquet"):
        for rows in (small, args.rows):
            r = _run(fmt, rows, args.batch_size)
            assert r["rows"] == rows, r
            peak_mb = r["peak_kb"] / 1024
            print(
                f"{fmt:8} {rows:>9} {r['before_kb'] / 1024:>8.0f} MB {peak_mb:>6.0f} MB {r['seconds']:>8.1f} "
                f"{rows / r['seconds']:>8.0f} {r['bytes'] / 1e6:>6.0f} MB",
                flush=True,
            )
            if rows == args.rows:
                peaks[fmt] = peak_mb
    worst = max(peaks, key=lambda fmt: peaks[fmt])
    verdict = "under" if peaks[worst] < GOAL_MB else "OVER"
    print(f"peak RSS exporting {args.rows} rows: {peaks[worst]:.0f} MB ({worst}), {verdict} the {GOAL_MB} MB goal")


if __name__ == "__main__":
    main()
