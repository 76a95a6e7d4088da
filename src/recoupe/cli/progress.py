"""Feedback while ``ingest`` works: what was read, stored and refused, how far along, and when it should end.

The total is the size of the input files when only files are read (WARC archives report their byte offset
record by record, so a large archive moves smoothly; other files count when the next one starts); with
standard input, URLs, feeds or sitemaps there is no total, and the counts alone move. On a terminal a
progress bar is redrawn as records go by; otherwise (a file, a pipe, a CI log) one line is written every
``every`` seconds, so a long run is never silent.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from types import TracebackType

    from rich.console import Console

    from recoupe.model import Failure, Record
    from recoupe.pipeline import IngestReport

__all__ = ["IngestProgress", "input_sizes"]


def input_sizes(arguments: list[str]) -> dict[str, int] | None:
    """``{file as the sources name it: bytes}`` for local inputs; ``None`` when some input has no size."""
    from pathlib import Path

    from recoupe.model import Failure
    from recoupe.sources import is_url_argument
    from recoupe.sources.files import expand_paths

    if any(argument == "-" or is_url_argument(argument) for argument in arguments):
        return None
    sizes: dict[str, int] = {}
    for item in expand_paths(arguments):
        if isinstance(item, Failure | str):
            continue
        try:
            sizes[str(item)] = Path(item).stat().st_size
        except OSError:
            continue
    return sizes


def _size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"  # pragma: no cover - the loop returns


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class IngestProgress:
    """Tracks records as the pipeline pulls them (``wrap``) and batches as they are stored (``stored``)."""

    def __init__(self, console: Console, sizes: dict[str, int] | None, *, every: float = 10.0) -> None:
        self.console = console
        self.sizes = sizes
        self.total = sum(sizes.values()) if sizes else None
        self.every = every
        self.read = 0
        self.stored_count = 0
        self.failed = 0
        self._done_files = 0  # bytes of the files finished
        self._current: str | None = None
        self._offset = 0
        self._started = time.monotonic()
        self._last_line = self._started
        self._bar = None
        self._task = None
        if console.is_terminal:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            columns = [
                SpinnerColumn(),
                TextColumn("ingesting"),
                BarColumn(bar_width=None),
                TextColumn("{task.fields[counts]}"),
                TextColumn("{task.fields[eta]}"),
                TimeElapsedColumn(),
            ]
            self._bar = Progress(*columns, console=console, transient=True)
            self._task = self._bar.add_task("ingesting", total=self.total, counts="starting", eta="")

    # -- what the pipeline reports ----------------------------------------------------------------------
    def wrap(self, items: Iterable[Record | Failure]) -> Iterator[Record | Failure]:
        """``items`` unchanged, counted as the pipeline pulls them."""
        for item in items:
            self._position(item.provenance.source, item.provenance.offset)
            self.read += 1
            self._tick()
            yield item

    def stored(self, report: IngestReport) -> None:
        """After each stored batch (the pipeline's ``on_progress``)."""
        self.stored_count = report.new + report.updated + report.unchanged
        self.failed = len(report.failures)
        self._tick(force_line=False)

    # -- where we are ----------------------------------------------------------------------------------
    def _position(self, source: str, offset: int | None) -> None:
        if self.sizes is None:
            return
        if source != self._current:
            if self._current is not None:
                self._done_files += self.sizes.get(self._current, 0)
            self._current, self._offset = source, 0
        if offset is not None and source in self.sizes:
            self._offset = min(offset, self.sizes[source])

    @property
    def done(self) -> int:
        """Bytes of input behind us (files finished, and the offset reached in the current one)."""
        return self._done_files + self._offset

    def eta(self) -> float | None:
        """Seconds left at the pace so far; ``None`` without a total or before any progress."""
        if not self.total or not self.done:
            return None
        elapsed = time.monotonic() - self._started
        return elapsed * (self.total - self.done) / self.done

    def line(self) -> str:
        """The one-line state: counts, and with a total the share done and the time left."""
        parts = [f"{self.read} read", f"{self.stored_count} stored", f"{self.failed} failed"]
        text = "ingesting: " + " · ".join(parts)
        if self.total:
            text += f" · {_size(self.done)} of {_size(self.total)} ({100 * self.done / self.total:.0f} %)"
            left = self.eta()
            if left is not None:
                text += f" · about {_duration(left)} left"
        return text + f" · {_duration(time.monotonic() - self._started)} so far"

    def _tick(self, *, force_line: bool = False) -> None:
        if self._bar is not None and self._task is not None:
            left = self.eta()
            counts = f"{self.read} read · {self.stored_count} stored · {self.failed} failed"
            eta = f"about {_duration(left)} left" if left is not None else ""
            self._bar.update(self._task, completed=self.done if self.total else None, counts=counts, eta=eta)
            return
        now = time.monotonic()
        if self.every > 0 and (force_line or now - self._last_line >= self.every):
            self._last_line = now
            self.console.print(self.line(), highlight=False, markup=False, soft_wrap=True)

    # -- lifetime ----------------------------------------------------------------------------------------
    def __enter__(self) -> IngestProgress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        if self._current is not None and self.sizes is not None:
            self._done_files += self.sizes.get(self._current, 0)
            self._current, self._offset = None, 0
