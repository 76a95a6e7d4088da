"""Executors: extraction (and optionally enrichment) of the OrangeSum pages inline, on a process pool and on Dask.

    .venv/bin/python bench/executors.py [--workers 2] [--rounds 3] [--enrich 40]

The 200 OrangeSum pages of ``demo/corpus/orangesum`` are read once into ``Record``s; each executor then maps
``recoupe.pipeline.extract_one`` over all of them as one batch (what ``ingest`` does with ``batch_size``
200), best of ``--rounds``. Executors: ``InlineExecutor`` (this process), ``ProcessExecutor(workers)`` and
``DaskExecutor`` over a ``LocalCluster`` of ``workers`` processes (1 thread each). Each executor first runs
one untimed round so that every worker has imported trafilatura; its start-up time is printed apart.

``--enrich N`` also maps ``enrich_one`` over the first N extracted articles (best of ``--rounds``; the first
round loads spaCy in each worker and is not timed). Needs ``pip install 'recoupe[dask]'``.
Prints pages/s for each executor and, last, the Dask / process-pool ratio.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from recoupe.config import Settings
from recoupe.execute import Executor, InlineExecutor, ProcessExecutor
from recoupe.execute.dask import DaskExecutor
from recoupe.model import Article, Record
from recoupe.pipeline import enrich_one, extract_one
from recoupe.sources import read_inputs

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "demo" / "corpus" / "orangesum"
SETTINGS = Settings(db=":memory:")


def best_rate(executor: Executor, stage: Callable[[Any], Any], items: list[Any], rounds: int) -> float:
    """Items per second, best of ``rounds`` after one untimed warm-up round."""
    list(executor.map(stage, items))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        results = list(executor.map(stage, items))
        best = min(best, time.perf_counter() - start)
        assert len(results) == len(items)
    return len(items) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--enrich", type=int, default=0, metavar="N", help="also enrich the first N articles")
    args = parser.parse_args()

    records = [item for item in read_inputs([str(PAGES)], SETTINGS) if isinstance(item, Record)]
    extract = partial(extract_one, settings=SETTINGS)
    articles = [result for result in map(extract, records[: args.enrich]) if isinstance(result, Article)]
    enrich = None
    if args.enrich:
        from recoupe.enrich.nlp import NlpModels

        enrich = partial(enrich_one, models=NlpModels())

    makers: dict[str, Callable[[], Executor]] = {
        "inline": InlineExecutor,
        f"process ({args.workers} workers)": lambda: ProcessExecutor(args.workers),
        f"dask LocalCluster ({args.workers} workers)": lambda: DaskExecutor(workers=args.workers),
    }
    extracted: dict[str, float] = {}
    enriched: dict[str, float] = {}
    for name, make in makers.items():
        start = time.perf_counter()
        executor = make()
        started = time.perf_counter() - start
        try:
            extracted[name] = best_rate(executor, extract, records, args.rounds)
            if enrich is not None:
                enriched[name] = best_rate(executor, enrich, articles, args.rounds)
        finally:
            executor.close()
        print(f"{name}: started in {started:.1f} s", flush=True)

    print(f"\n{len(records)} OrangeSum pages, best of {args.rounds} rounds")
    for name, rate in extracted.items():
        line = f"{name:32} extract {rate:6.1f} pages/s"
        if name in enriched:
            line += f"   enrich ({len(articles)} articles) {enriched[name]:5.1f} articles/s"
        print(line)
    process, dask = list(extracted)[1], list(extracted)[2]
    print(f"dask / process: extract {extracted[dask] / extracted[process]:.2f}", end="")
    if enriched:
        print(f", enrich {enriched[dask] / enriched[process]:.2f}", end="")
    print()


if __name__ == "__main__":
    main()
