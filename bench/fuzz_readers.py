"""The long fuzz run (issue 17): every target of ``tests/fuzz/fuzz_targets.py`` on Hypothesis-generated inputs.

A **crash** is any exception a target raises beyond its documented errors (see ``fuzz_targets``); a **hang**
is one input taking more than ``--hang`` seconds of CPU time (wall time on a shared machine measures the
other processes too; the slowest wall time is printed beside it). Inputs are shared out by each target's
weight; the first crashes and hangs of each target are printed with their input (``repr``, cut at 300
characters). The last line gives the totals.

Run (the 300 k inputs of bench/README.md take about an hour on one core; ``--processes 2`` halves that):

    .venv/bin/python bench/fuzz_readers.py [--inputs 300000] [--seed 17] [--hang 2] [--processes 1] [--targets NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))

from fuzz_targets import TARGETS

_SHOWN = 3


@dataclass
class Tally:
    name: str
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    slowest: float = 0.0
    slowest_wall: float = 0.0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)


def run_target(name: str, count: int, run_seed: int, hang: float) -> Tally:
    """``count`` generated inputs for the target ``name``; crashes and hangs counted, never raised."""
    target = next(t for t in TARGETS if t.name == name)
    tally = Tally(name)
    warnings.simplefilter("ignore")  # feedparser and charset detection warn on garbage: not what is counted

    @seed(run_seed)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def one(data: Any) -> None:
        started, cpu = time.monotonic(), time.process_time()
        try:
            target.run(data)
        except Exception as exc:  # noqa: BLE001 - counted and shown, the run goes on
            tally.crashes += 1
            if len(tally.examples) < _SHOWN:
                tally.examples.append(f"crash {type(exc).__name__}: {exc!s:.200} on {data!r:.300}")
        took = time.process_time() - cpu  # CPU time: on a loaded machine wall time measures the others
        tally.inputs += 1
        tally.seconds += took
        tally.slowest = max(tally.slowest, took)
        tally.slowest_wall = max(tally.slowest_wall, time.monotonic() - started)
        if took > hang:
            tally.hangs += 1
            if len(tally.examples) < _SHOWN:
                tally.examples.append(f"hang {took:.1f} s CPU on {data!r:.300}")

    one()
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--hang", type=float, default=2.0, help="CPU seconds one input may take")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--targets", nargs="+", metavar="NAME", help="only these targets [all]")
    args = parser.parse_args()
    chosen = [target for target in TARGETS if not args.targets or target.name in args.targets]
    weights = sum(target.weight for target in chosen)
    # Hypothesis runs at most ~10 k examples a @given well; a target's share is run in chunks of seeds
    chunk = 10_000
    jobs: list[tuple[str, int, int]] = []
    for target in chosen:
        share = args.inputs * target.weight // weights
        for index, start in enumerate(range(0, share, chunk)):
            jobs.append((target.name, min(chunk, share - start), args.seed * 1000 + index))
    started = time.monotonic()
    tallies: dict[str, Tally] = {target.name: Tally(target.name) for target in chosen}
    with ProcessPoolExecutor(args.processes) as pool:
        futures = [pool.submit(run_target, name, count, run_seed, args.hang) for name, count, run_seed in jobs]
        for future in futures:
            part = future.result()
            total = tallies[part.name]
            total.inputs += part.inputs
            total.crashes += part.crashes
            total.hangs += part.hangs
            total.seconds += part.seconds
            total.slowest = max(total.slowest, part.slowest)
            total.slowest_wall = max(total.slowest_wall, part.slowest_wall)
            total.examples.extend(part.examples[: _SHOWN - len(total.examples)])
    print("| target | inputs | crashes | hangs | slowest (CPU s) | slowest (wall s) | mean (CPU ms) |")
    print("|---|---|---|---|---|---|---|")
    for tally in tallies.values():
        mean = 1000 * tally.seconds / tally.inputs if tally.inputs else 0.0
        print(
            f"| {tally.name} | {tally.inputs} | {tally.crashes} | {tally.hangs} | {tally.slowest:.2f} | "
            f"{tally.slowest_wall:.2f} | {mean:.2f} |"
        )
        for example in tally.examples:
            print(f"    {tally.name}: {example}")
    inputs = sum(t.inputs for t in tallies.values())
    crashes = sum(t.crashes for t in tallies.values())
    hangs = sum(t.hangs for t in tallies.values())
    print(
        f"{inputs} inputs, {crashes} crashes, {hangs} hangs (> {args.hang:g} s) in {time.monotonic() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
