"""The local process pool keeps its worker processes between batches (models load once per worker)."""

from __future__ import annotations

import operator
import os

from recoupe.execute import ProcessExecutor


def test_process_pool_keeps_its_workers_between_batches() -> None:
    executor = ProcessExecutor(2)
    try:
        # operator.call(os.getpid) runs os.getpid() in the worker that takes the item
        first = set(executor.map(operator.call, [os.getpid] * 16))
        second = set(executor.map(operator.call, [os.getpid] * 16))
    finally:
        executor.close()
    assert os.getpid() not in first | second  # the work ran in other processes
    # two batches, never more than the two workers: a pool started per batch would show new processes
    assert len(first | second) <= 2
