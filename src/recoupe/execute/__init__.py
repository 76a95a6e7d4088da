"""The executor seam: how a stage is mapped over a batch of items.

Stages are plain functions; an ``Executor`` decides where they run. ``InlineExecutor`` runs in the
calling process (tests, small inputs, debugging); ``ProcessExecutor`` spreads a batch over worker
processes. A distributed engine plugs in by implementing ``map`` the same way. Results come back in
input order, whichever executor runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from recoupe.execute.local import InlineExecutor, ProcessExecutor

__all__ = ["Executor", "InlineExecutor", "ProcessExecutor", "make_executor"]

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    """Maps a picklable function over items, returning results in input order."""

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]: ...

    def close(self) -> None: ...


def make_executor(workers: int) -> Executor:
    """``InlineExecutor`` for ``workers <= 1``, else a ``ProcessExecutor`` with that many processes."""
    return InlineExecutor() if workers <= 1 else ProcessExecutor(workers)
