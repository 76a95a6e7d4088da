"""The executor seam: how a stage is mapped over a batch of items.

Stages are plain functions; an ``Executor`` decides where they run. ``InlineExecutor`` runs in the
calling process (tests, small inputs, debugging); ``ProcessExecutor`` spreads a batch over worker
processes; ``recoupe.execute.dask.DaskExecutor`` over a Dask cluster (the optional ``dask`` extra, imported
only when asked for). Results come back in input order, whichever executor runs them.

``make_executor`` reads the ``executor`` setting: ``local`` (in-process, or a process pool with more than
one worker), ``dask`` (a Dask ``LocalCluster`` of ``workers`` processes) or ``dask://HOST:PORT`` (the Dask
scheduler there; its own workers run the stages).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from recoupe.config import parse_executor
from recoupe.execute.local import InlineExecutor, ProcessExecutor

__all__ = ["Executor", "InlineExecutor", "ProcessExecutor", "make_executor", "parse_executor"]

In = TypeVar("In")
Out = TypeVar("Out")


class Executor(Protocol):
    """Maps a picklable function over items, returning results in input order."""

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]: ...

    def close(self) -> None: ...


def make_executor(workers: int, spec: str = "local") -> Executor:
    """The executor the ``executor`` setting ``spec`` names, with ``workers`` processes where it starts them.

    ``local``: ``InlineExecutor`` for ``workers <= 1``, else a ``ProcessExecutor`` with that many processes.
    ``dask``: a ``DaskExecutor`` over a new ``LocalCluster`` of ``workers`` processes. ``dask://HOST:PORT``:
    a ``DaskExecutor`` connected to that scheduler (``workers`` is ignored: the cluster has its own).
    """
    kind, address = parse_executor(spec)
    if kind == "dask":
        from recoupe.execute.dask import DaskExecutor

        return DaskExecutor(address, workers=workers)
    return InlineExecutor() if workers <= 1 else ProcessExecutor(workers)
