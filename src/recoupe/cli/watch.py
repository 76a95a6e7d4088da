"""``recoupe watch``: poll feeds and sitemaps, ingest what is new, one summary line per round.

Each round opens one polite client (robots.txt read again, per-host delay) with a ``FetchMemory`` over
the store's ``fetch_state``: feeds and pages are conditional GETs, so a quiet round costs a 304 per URL.
Validators are saved only after the articles they concern are stored (``fetch_ingest``), so a round
killed midway leaves a consistent store and the next one fetches what was not stored.

Nothing one round raises stops watching (``watch_round``): each feed and sitemap is ingested in turn, a
batch whose storing raises is stored again one article at a time, and what still raises is that article's
failure (or that feed's, when its reader raised), listed with its reason; a round that fails as a whole
(the store unreachable) is one line on standard error, and the next round runs. What was stored stays:
every batch is its own transaction. The validators of an article that failed so are not saved, nor, when
one of its articles failed, the feed's or sitemap's own: the next round fetches them again.

Ctrl-C or SIGTERM stops after the current article: the source stops being read, the batch in hand is
stored, its validators saved, and the command exits 0. A second Ctrl-C interrupts at once.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import FrameType
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from recoupe.alerts import after_round
from recoupe.cli.context import AppContext
from recoupe.config import Settings
from recoupe.errors import RecoupeError
from recoupe.model import Failure, Provenance, Record
from recoupe.partitions import ingest_on_workers, writes_on_workers
from recoupe.pipeline import IngestReport, batches, ingest
from recoupe.sources.web import Fetched, Fetcher, FetchMemory
from recoupe.store import Store

if TYPE_CHECKING:
    from recoupe.enrich.nlp import NlpModels
    from recoupe.execute import Executor
    from recoupe.stories.assign import StoryEngine

__all__ = ["Source", "fetch_ingest", "parse_interval", "watch_command", "watch_round"]

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


#: one feed or sitemap of a round: what names it in a failure, and its reader over the round's ``Fetcher``
Source = tuple[Provenance, Callable[[Fetcher], Iterable[Record | Failure]]]


def _reason(exc: BaseException) -> str:
    """What went wrong, for a person: a recoupe error's message, else the exception's type and text."""
    if isinstance(exc, RecoupeError):
        return exc.message
    detail = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


@dataclass(slots=True)
class _RoundMemory(FetchMemory):
    """A ``FetchMemory`` that knows which pending states are a feed's or a sitemap's own validators."""

    documents: set[str] = field(default_factory=set)

    def document(self, fetched: Fetched) -> None:
        self.documents.add(fetched.requested)
        FetchMemory.document(self, fetched)

    def forget(self, urls: set[str]) -> None:
        """Drop the pending states of ``urls``: their records were not stored, the next round asks again."""
        self.pending = [state for state in self.pending if state.url not in urls]


def _merge(total: IngestReport, part: IngestReport) -> None:
    total.new += part.new
    total.updated += part.updated
    total.unchanged += part.unchanged
    total.enriched += part.enriched
    total.failures.extend(part.failures)
    total.article_ids.extend(part.article_ids)
    if total.stories is not None and part.stories is not None:
        total.stories.add(part.stories)


def _urls_of(item: Record | Failure) -> set[str]:
    """Every URL the fetch state of ``item`` may be saved under (asked for, answered, its source)."""
    urls = {item.provenance.source}
    if isinstance(item, Record):
        http = item.fields.get("http")
        if isinstance(http, dict) and http.get("requested_url"):
            urls.add(str(http["requested_url"]))
        if item.url:
            urls.add(item.url)
    return urls


def _store_batch(
    batch: list[Record | Failure],
    store: Store,
    settings: Settings,
    *,
    models: NlpModels | None,
    stories: StoryEngine | None,
) -> tuple[IngestReport, set[str]]:
    """``batch`` ingested; if that raises, each of its items ingested alone, and the ones that still raise
    are failures with the reason. Returns the report and the URLs of the records that failed so.

    An article stored by the first try before it raised counts as unchanged in the second; one whose
    storing went through but whose enrichment or story raised stays stored, and is a failure.
    """
    try:
        return ingest(batch, store, settings, models=models, stories=stories), set()
    except Exception:  # noqa: BLE001, S110 - retried item by item below, where each failure is reported
        pass
    from recoupe.stories.assign import StoryReport

    report = IngestReport(stories=StoryReport() if stories is not None else None)
    lost: set[str] = set()
    for item in batch:
        try:
            _merge(report, ingest([item], store, settings, models=models, stories=stories))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the round; its reason is reported
            error = type(exc).__name__ if isinstance(exc, RecoupeError) else "InputError"
            report.failures.append(Failure(item.provenance, f"ingest failed: {_reason(exc)}", error))
            lost |= _urls_of(item)
    return report, lost


def watch_round(
    sources: Sequence[Source],
    store: Store,
    settings: Settings,
    *,
    stop: threading.Event,
    models: NlpModels | None = None,
    stories: StoryEngine | None = None,
) -> tuple[IngestReport, int]:
    """One round of ``watch``: each source read and ingested in turn over one polite ``Fetcher`` whose memory
    is the store's ``fetch_state``; returns the report and how many URLs answered "not modified".

    Whatever one source's reader, or the storing of one article, raises is a ``Failure`` with the reason;
    the round goes on with the next batch or source. The alerts run at the end, as after ``fetch_ingest``.
    """
    from recoupe.stories.assign import StoryReport

    memory = _RoundMemory(store.fetch_state)
    report = IngestReport(stories=StoryReport() if stories is not None else None)
    with Fetcher(settings, memory=memory) as fetcher:
        for provenance, source in sources:
            if stop.is_set():
                break
            failed = False  # an article of this source not stored: its feed or sitemap is fetched again
            try:
                for batch in batches(memory.track(_until(stop, iter(source(fetcher)))), settings.batch_size):
                    part, lost = _store_batch(batch, store, settings, models=models, stories=stories)
                    _merge(report, part)
                    failed = failed or bool(lost)
                    memory.forget(lost | (memory.documents if failed else set()))
                    memory.flush(store.save_fetch_state, report.failures)
                memory.forget(memory.documents if failed else set())
                memory.flush(store.save_fetch_state, report.failures)  # the 304s of a source with nothing new
            except Exception as exc:  # noqa: BLE001 - one feed must not stop the round; its reason is reported
                error = type(exc).__name__ if isinstance(exc, RecoupeError) else "InputError"
                report.failures.append(Failure(provenance, f"stopped reading: {_reason(exc)}", error))
                memory.pending.clear()  # the records read since the last stored batch were not stored
    try:
        after_round(store)  # watchlists: alerts for what this round changed, delivered to their webhooks
    except Exception as exc:  # noqa: BLE001 - what was stored is stored; the alerts are checked next round
        report.failures.append(Failure(Provenance("alerts", "watchlists"), f"not checked: {_reason(exc)}"))
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

    def feed(url: str) -> Callable[[Fetcher], Iterable[Record | Failure]]:
        return lambda fetcher: read_feeds([url], settings, client=fetcher)

    def sitemap(url: str) -> Callable[[Fetcher], Iterable[Record | Failure]]:
        return lambda fetcher: read_sitemaps([url], settings, since=day, client=fetcher)

    sources: list[Source] = [(Provenance(url, "feed"), feed(url)) for url in feeds]
    sources += [(Provenance(url, "sitemap"), sitemap(url)) for url in sitemaps]

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
            try:
                report, not_modified = watch_round(sources, store, settings, stop=stop, models=models, stories=engine)
            except Exception as exc:  # noqa: BLE001 - the safety net: one round's trouble never ends watching
                app.err.print(f"[red]round {number} failed[/]: {escape(_reason(exc))}", highlight=False, soft_wrap=True)
                if once:
                    click.get_current_context().exit(exc.exit_code if isinstance(exc, RecoupeError) else 1)
                stop.wait(every)
                continue
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
