"""Batch runs on Dask: the executor seam over a ``dask.distributed`` cluster.

``DaskExecutor`` maps a stage over a batch on the workers of a Dask cluster: an existing scheduler
(``tcp://host:8786``) or, when none is given, a ``LocalCluster`` of worker processes that it starts and
stops. Items travel in chunks (up to ``chunk_size`` items per task, so a batch of 200 records is 13 tasks,
not 200), and results come back in input order, like every executor.

What runs where: with an SQLite store only the mapped stage (extraction, enrichment) runs on the workers:
the driver (the process that called ``ingest``) reads the inputs, sends the records, gathers the articles
and writes them, so a worker needs recoupe and its models installed, never a database. With a PostgreSQL
store the workers write too (``map_partitions`` and ``recoupe.partitions``): each task extracts, stores,
enriches and embeds a partition, and the driver only assigns stories. Workers of a remote cluster must
run the same recoupe version as the driver.

Errors: a stage turns bad input into ``Failure`` values, so a task that raises is a bug; its exception
is re-raised as it is, when its result is reached, as ``ProcessExecutor`` does. A worker lost (killed,
out of memory, its machine gone) is a ``ClusterError`` naming the scheduler, as is a scheduler that
cannot be reached or a batch not back within ``timeout`` seconds.

Dask is an optional dependency (``pip install 'recoupe[dask]'``), imported only when an executor is made.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError
from typing import Any, TypeVar

from recoupe.errors import ConfigError, RecoupeError

__all__ = ["ClusterError", "DaskExecutor", "apply_chunk", "local_cluster_options"]

In = TypeVar("In")
Out = TypeVar("Out")

#: items per Dask task: big enough that scheduling costs little, small enough to spread a batch
DEFAULT_CHUNK = 16


class ClusterError(RecoupeError):
    """The cluster could not run a batch: a worker was lost, the scheduler is unreachable or too slow."""


def apply_chunk(function: Callable[[In], Out], chunk: Sequence[In]) -> list[Out]:
    """What one Dask task runs: ``function`` over each item of ``chunk``, in order."""
    return [function(item) for item in chunk]


def local_cluster_options(workers: int) -> dict[str, Any]:
    """``LocalCluster`` options: ``workers`` single-threaded processes, no dashboard, on loopback only.

    The scheduler serves HTTP (health checks) even without a dashboard, on port 8787 unless told
    otherwise; a free port keeps two clusters on one machine from clashing.
    """
    return {
        "n_workers": max(1, workers),
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": None,
        "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"},
    }


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError(
            "the dask executor needs dask.distributed: pip install 'recoupe[dask]'", where="executor"
        ) from exc
    return distributed


class DaskExecutor:
    """Runs calls on a Dask cluster: the scheduler at ``address``, else a ``LocalCluster`` of ``workers``.

    ``timeout``: seconds a batch may take before ``map`` gives up with a ``ClusterError`` (``None``: no
    limit). ``connect_timeout``: seconds to reach the scheduler. ``chunk_size``: the most items a task
    takes (fewer when the batch is too small to give each worker thread 4 tasks).
    """

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int = 2,
        chunk_size: int = DEFAULT_CHUNK,
        timeout: float | None = None,
        connect_timeout: float = 30.0,
    ) -> None:
        distributed = _import_distributed()
        self.chunk_size = max(1, chunk_size)
        self.timeout = timeout
        self._cluster: Any = None  # distributed.LocalCluster: its methods are untyped
        if address is None:
            self._cluster = distributed.LocalCluster(**local_cluster_options(workers))
            address = str(self._cluster.scheduler_address)
        self.address = address
        try:
            self._client: Any = distributed.Client(address, set_as_default=False, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise ClusterError(f"cannot reach the Dask scheduler: {exc}", where=address) from exc

    def map(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        batch = list(items)
        # at most chunk_size items a task, and at least 4 tasks per worker thread when the batch allows it
        threads = max(1, sum(self._client.nthreads().values())) if batch else 1
        size = max(1, min(self.chunk_size, -(-len(batch) // (4 * threads))))
        chunks = [batch[start : start + size] for start in range(0, len(batch), size)]
        # one submission per chunk: a batch of 200 HTML pages is about 12 MB, which in one graph dask warns
        # about; the items stay inside their task (not scattered) so a task whose worker died can be rerun
        futures = [self._client.submit(apply_chunk, function, chunk, pure=False) for chunk in chunks]
        return self._results(futures)

    @property
    def threads(self) -> int:
        """How many tasks the cluster's workers run at once (their threads, summed)."""
        threads: int = sum(self._client.nthreads().values())
        return max(1, threads)

    def map_partitions(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]:
        """``function`` over each item as a task of its own (a partition a worker writes), results in order.

        A task whose worker died is run again on another worker by the scheduler (up to
        ``distributed.scheduler.allowed-failures`` times), so ``function`` must be idempotent.
        """
        futures = [self._client.submit(apply_chunk, function, [item], pure=False) for item in items]
        return self._results(futures)

    def _results(self, futures: list[Any]) -> Iterator[Out]:
        """Each chunk's results in order; a lost worker or the timeout cancels what is left."""
        distributed = _import_distributed()
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        try:
            for future in futures:
                left = None if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    results: list[Out] = future.result(timeout=left)
                except TimeoutError as exc:
                    if future.done():  # the task itself raised it: a bug, re-raised as it is
                        raise
                    raise ClusterError(
                        f"the batch was not back within {self.timeout:g} s (workers lost or too busy)",
                        where=self.address,
                    ) from exc
                except distributed.KilledWorker as exc:
                    raise ClusterError(
                        f"a Dask worker died while running {_task_name(exc)} (killed, out of memory or its"
                        " machine lost); the batch did not finish",
                        where=self.address,
                    ) from exc
                except CancelledError as exc:
                    raise ClusterError(f"a task was cancelled: {exc}", where=self.address) from exc
                yield from results
        finally:
            self._client.cancel([future for future in futures if not future.done()])

    def close(self) -> None:
        """Close the client, and the cluster if this executor started it."""
        self._client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _task_name(error: BaseException) -> str:
    task = getattr(error, "task", None)
    return f"task {task}" if task else "a task"
