"""``recoupe watch``: poll feeds and sitemaps, ingest what is new, one summary line per round.

Each round opens one polite client (robots.txt read again, per-host delay) with a ``FetchMemory`` over
the store's ``fetch_state``: feeds and pages are conditional GETs, so a quiet round costs a 304 per URL.
Validators are saved only after the articles they concern are stored (``fetch_ingest``), so a round
killed midway leaves a consistent store and the next one fetches what was not stored.

Ctrl-C or SIGTERM stops after the current article: the source stops being read, the batch in hand is
stored, its validators saved, and the command exits 0. A second Ctrl-C interrupts at once.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from types import FrameType
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from recoupe.alerts import after_round
from recoupe.cli.context import AppContext
from recoupe.config import Settings
from recoupe.model import Failure, Record
from recoupe.partitions import ingest_on_workers, writes_on_workers
from recoupe.pipeline import IngestReport, ingest
from recoupe.sources.web import Fetcher, FetchMemory
from recoupe.store import Store

if TYPE_CHECKING:
    from recoupe.enrich.nlp import NlpModels
    from recoupe.execute import Executor
    from recoupe.stories.assign import StoryEngine

__all__ = ["fetch_ingest", "parse_interval", "watch_command"]

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``2h``, ``1d`` or a bare number of seconds; ``ValueError`` otherwise."""
    found = _INTERVAL.match(text)
    if not found or float(found[1]) <= 0:
        raise ValueError(f"not an interval: {text!r} (examples: 90s, 15m, 2h)")
    return float(found[1]) * _UNITS[found[2].lower()]


def _until(stop: threading.Event, items: Iterator[Record | Failure]) -> Iterator[Record | Failure]:
    """``items`` until ``stop`` is set (checked before each next item is read: no fetch is cut)."""
    try:
        for item in items:
            yield item
            if stop.is_set():
                return
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def fetch_ingest(
    sources: Callable[[Fetcher], Iterable[Record | Failure]],
    store: Store,
    settings: Settings,
    *,
    stop: threading.Event | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    executor: Executor | None = None,
    default_outlet: str | None = None,
    models: NlpModels | None = None,
    stories: StoryEngine | None = None,
) -> tuple[IngestReport, int]:
    """Ingest ``sources(fetcher)`` over one polite ``Fetcher`` whose memory is the store's ``fetch_state``.

    Validators are saved after each stored batch (the pipeline reads a batch, stores it, then reports
    progress: every record gone by is stored by then) and at the end. Returns the report and how many
    URLs answered "not modified". The other arguments are ``recoupe.pipeline.ingest``'s.
    """
    memory = FetchMemory(store.fetch_state)

    def progress(report: IngestReport) -> None:
        memory.flush(store.save_fetch_state, report.failures)
        if on_progress is not None:
            on_progress(report)

    with Fetcher(settings, memory=memory) as fetcher:
        items = iter(sources(fetcher))
        tracked = memory.track(_until(stop, items) if stop is not None else items)
        # a cluster over a PostgreSQL store: each worker writes its partitions (recoupe.partitions)
        run = ingest_on_workers if writes_on_workers(executor, settings.db) else ingest
        report = run(
            tracked,
            store,
            settings,
            executor=executor,
            default_outlet=default_outlet,
            models=models,
            stories=stories,
            on_progress=progress,
        )
    memory.flush(store.save_fetch_state, report.failures)
    after_round(store)  # watchlists: alerts for what this round changed, delivered to their webhooks
    return report, memory.not_modified


def _round_line(number: int, report: IngestReport, not_modified: int, seconds: float) -> str:
    return (
        f"round {number} · {report.new} new · {report.updated} updated · {report.unchanged} unchanged · "
        f"{not_modified} not modified · {len(report.failures)} failed · {seconds:.1f} s"
    )


def _interval(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command("watch")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE", help="An RSS/Atom feed to poll (repeatable).")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL|FILE", help="A sitemap to poll (repeatable).")
@click.option("--every", default="15m", show_default=True, callback=_interval, help="Time between rounds.")
@click.option("--once", is_flag=True, help="One round, then exit.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip sitemap entries older than this day.")
@click.option("--enrich/--no-enrich", default=None, help="Find entities, quotes and figures [default: on].")
@click.option("--stories/--no-stories", default=None, help="Group articles into stories [default: on].")
@click.pass_obj
def watch_command(
    app: AppContext,
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    every: float,
    once: bool,
    since: datetime | None,
    enrich: bool | None,
    stories: bool | None,
) -> None:
    """Poll feeds and sitemaps, ingest what is new; one summary line per round. Ctrl-C stops cleanly."""
    from recoupe.sources.feeds import read_feeds
    from recoupe.sources.sitemaps import read_sitemaps

    if not feeds and not sitemaps:
        raise click.UsageError("give --feed or --sitemap")
    settings = app.settings_with(enrich=enrich, stories=stories)
    store = app.store(create=True)  # watching is ingesting: it may start a new database
    models: NlpModels | None = app.nlp_models() if settings.enrich else None
    engine: StoryEngine | None = app.story_engine(settings) if settings.stories else None
    day: date | None = since.date() if since else None
    stop = threading.Event()

    def sources(fetcher: Fetcher) -> Iterator[Record | Failure]:
        yield from read_feeds(list(feeds), settings, client=fetcher)
        yield from read_sitemaps(list(sitemaps), settings, since=day, client=fetcher)

    def on_signal(_signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, on_signal) for sig in handled}
    try:
        number = 0
        while not stop.is_set():
            number += 1
            started = time.monotonic()
            report, not_modified = fetch_ingest(sources, store, settings, stop=stop, models=models, stories=engine)
            for failure in report.failures:
                where, reason = escape(failure.provenance.where()), escape(failure.reason)
                app.err.print(f"[red]failed[/] {where}: {reason}", highlight=False, soft_wrap=True)
            line = _round_line(number, report, not_modified, time.monotonic() - started)
            app.out.print(line, highlight=False, soft_wrap=True)
            if once:
                break
            stop.wait(every)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if engine is not None:
            engine.close()
