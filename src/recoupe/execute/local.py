"""Executors on one machine: in the calling process, or over a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["InlineExecutor", "ProcessExecutor"]

In = TypeVar("In")
Out = TypeVar("Out")


class InlineExecutor:
    """Runs each call in the calling process, lazily, in order."""

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        return map(function, items)

    def close(self) -> None:
        """Nothing to release."""


class ProcessExecutor:
    """Runs calls in ``workers`` processes (``forkserver`` start, so threads in the parent are safe)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        context = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        batch = list(items)
        chunk = max(1, len(batch) // (self.workers * 4))
        return self._pool.map(function, batch, chunksize=chunk)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
