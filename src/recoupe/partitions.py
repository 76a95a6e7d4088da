"""Ingest with the writes on the workers: scale-out on a Dask cluster over a PostgreSQL store.

``recoupe.pipeline.ingest`` gathers every batch's articles on the driver and writes them there. On a cluster
that makes the driver the bottleneck; when the executor runs partitions itself (``DaskExecutor``) and the
store is a database every worker reaches (PostgreSQL), ``ingest_on_workers`` sends each partition of
records (``batch_size`` records) to one task instead: the worker extracts, stores (``Store.add``, one
transaction), enriches and stores the enrichments, and embeds the new texts and stores the embeddings,
all through a store it opens once per process (``ingest_partition``). Only the partition's ids, outcomes
and failures travel back.

The driver then assigns the stored articles to stories, in publication order, ``batch_size`` at a time
(``StoryEngine.update``: it finds the workers' embeddings in the store and embeds nothing again; wire
copies are looked for among the new and updated articles).

A lost worker loses no article: Dask runs the task of a worker that died again on another worker (up to
``distributed.scheduler.allowed-failures`` times), and every write of a partition is idempotent (the
ingest rules of ``recoupe.store.ingest``, enrichments and embeddings keyed by article), so a partition
that was half written when its worker died is completed, never doubled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from recoupe.model import Article, EmbeddingRow, Failure, IngestOutcome, Record
from recoupe.pipeline import IngestReport, batches, enrich_stored, extract_one

if TYPE_CHECKING:
    from recoupe.config import Settings
    from recoupe.enrich.nlp import NlpModels
    from recoupe.store import Store
    from recoupe.stories.assign import StoryEngine

__all__ = [
    "PartitionResult",
    "PartitionRunner",
    "embed_stored",
    "ingest_on_workers",
    "ingest_partition",
    "writes_on_workers",
]

In = TypeVar("In")
Out = TypeVar("Out")

#: partitions sent to the cluster per round (the driver holds this many partitions of records at once)
PARTITIONS_PER_ROUND = 8

# what a worker process keeps between its tasks: the open store, the models, the embedder
_WORKER: dict[tuple[str, str], Any] = {}


class PartitionRunner(Protocol):
    """An executor that runs one task per item, on workers that can write to the store (``DaskExecutor``)."""

    def map_partitions(self, function: Callable[[In], Out], items: Iterable[In]) -> Iterator[Out]: ...

    @property
    def threads(self) -> int:
        """How many tasks the workers run at once."""
        ...


def split(records: list[In], size: int, threads: int) -> list[list[In]]:
    """``records`` in partitions of at most ``size`` (articles written per transaction), and small enough
    that every worker thread gets one when there are fewer than ``size`` per thread: 200 articles on 2
    workers are two partitions of 100, not one of 200 that leaves a worker idle."""
    per_thread = -(-len(records) // max(1, threads)) if records else 1
    step = max(1, min(size, per_thread))
    return [records[start : start + step] for start in range(0, len(records), step)]


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a worker did with one partition: stored ids and outcomes, failures, counts."""

    stored: list[tuple[str, IngestOutcome]]
    failures: list[Failure] = field(default_factory=list)
    enriched: int = 0
    embedded: int = 0


def writes_on_workers(executor: object, db: str) -> bool:
    """True when ``executor`` runs partitions on workers and ``db`` is a server every worker reaches.

    An SQLite file is written by the driver only: workers on other machines would each open a file of
    their own.
    """
    return hasattr(executor, "map_partitions") and db.startswith(("postgresql:", "postgresql+"))


def _cached(kind: str, key: str, make: Callable[[], Any]) -> Any:
    if (kind, key) not in _WORKER:
        _WORKER[kind, key] = make()
    return _WORKER[kind, key]


def _text_hash(text: str) -> str:
    """The hash of an embedded text, as ``recoupe.stories.assign`` keys embeddings (sha256 of UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_stored(store: Store, ids: Sequence[str], embedder: Any) -> int:
    """Embed the stored articles ``ids`` whose current text has no embedding yet; how many were embedded."""
    from recoupe.enrich.embed import embedding_text

    model = embedder.name
    texts = {article_id: embedding_text(store.get(article_id)) for article_id in dict.fromkeys(ids)}
    wanted = {article_id: _text_hash(text) for article_id, text in texts.items()}
    with store.story_tx(write=False) as tx:
        have = tx.embedded_hashes(list(wanted), model)
        todo = [article_id for article_id, digest in wanted.items() if have.get(article_id) != digest]
        known = tx.vectors_for_hashes(sorted({wanted[i] for i in todo}), model)
        days = tx.publication_days(todo)
    missing = sorted({wanted[i] for i in todo} - set(known))
    if missing:
        by_hash = {wanted[i]: texts[i] for i in todo}
        known.update(zip(missing, embedder.embed([by_hash[h] for h in missing]), strict=True))
    rows = [EmbeddingRow(i, model, wanted[i], known[wanted[i]], days.get(i)) for i in todo]
    if rows:
        with store.story_tx(write=True) as tx:
            tx.save_embeddings(rows)
    return len(missing)


def ingest_partition(
    records: list[Record], *, settings: Settings, default_outlet: str | None, enrich: bool, embed: bool
) -> PartitionResult:
    """What one worker task runs: extract, store, enrich and embed one partition (see the module docstring)."""
    from recoupe.execute import InlineExecutor
    from recoupe.store import open_store

    store = _cached("store", settings.db, lambda: open_store(settings.db))
    results = [extract_one(record, settings, default_outlet) for record in records]
    failures = [result for result in results if isinstance(result, Failure)]
    articles = [result for result in results if isinstance(result, Article)]
    stored = store.add(articles) if articles else []
    ids = [article_id for article_id, _ in stored]
    enriched = embedded = 0
    if enrich and ids:
        from recoupe.enrich.nlp import NlpModels

        gazetteer = Path(settings.gazetteer) if settings.gazetteer else None
        models = _cached("models", settings.gazetteer or "", lambda: NlpModels(gazetteer=gazetteer))
        report = IngestReport()
        enrich_stored(store, ids, models, InlineExecutor(), report)
        failures += report.failures
        enriched = report.enriched
    if embed and ids:
        from recoupe.enrich.embed import make_embedder

        embedder = _cached(
            "embedder",
            f"{settings.embedder}:{settings.embed_max_tokens}",
            lambda: make_embedder(settings.embedder, max_tokens=settings.embed_max_tokens),
        )
        embedded = embed_stored(store, ids, embedder)
    return PartitionResult(stored, failures, enriched, embedded)


def ingest_on_workers(
    items: Iterable[Record | Failure],
    store: Store,
    settings: Settings,
    *,
    executor: Any,
    default_outlet: str | None = None,
    models: NlpModels | None = None,
    stories: StoryEngine | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    partition: Callable[..., PartitionResult] = ingest_partition,
) -> IngestReport:
    """Ingest ``items`` with each partition written by the worker that runs it, then assign stories.

    The arguments are ``recoupe.pipeline.ingest``'s; ``executor`` must have ``map_partitions``
    (``PartitionRunner``). ``models`` only says whether to enrich: each worker loads its own.
    ``partition``: the task (``ingest_partition``; tests wrap it to lose a worker on purpose).
    """
    from recoupe.stories.assign import StoryReport

    runner: PartitionRunner = executor
    report = IngestReport(stories=StoryReport() if stories is not None else None)
    task = partial(
        partition,
        settings=settings,
        default_outlet=default_outlet,
        enrich=models is not None,
        embed=stories is not None,
    )
    size = settings.batch_size
    fresh: list[str] = []  # new or updated: their wire copies are looked for
    for chunk in batches(items, size * PARTITIONS_PER_ROUND):
        records = [item for item in chunk if isinstance(item, Record)]
        report.failures.extend(item for item in chunk if isinstance(item, Failure))
        parts = split(records, size, runner.threads)
        for result in runner.map_partitions(task, parts):
            report.failures.extend(result.failures)
            report.enriched += result.enriched
            for article_id, outcome in result.stored:
                report.count(outcome)
                report.article_ids.append(article_id)
                if outcome is not IngestOutcome.UNCHANGED:
                    fresh.append(article_id)
            if report.stories is not None:
                report.stories.embedded += result.embedded
        if on_progress:
            on_progress(report)
    if stories is not None and report.stories is not None:
        _assign_in_time_order(store, stories, report, set(fresh), size)
    return report


def _assign_in_time_order(store: Store, stories: StoryEngine, report: IngestReport, fresh: set[str], size: int) -> None:
    from recoupe.stories.assign import StoryReport

    assert report.stories is not None
    ids = list(dict.fromkeys(report.article_ids))
    keys = {article_id: _time_key(store.get(article_id)) for article_id in ids}
    ordered = sorted(ids, key=lambda article_id: (keys[article_id], article_id))
    for start in range(0, len(ordered), size):
        chunk = ordered[start : start + size]
        new = [article_id for article_id in chunk if article_id in fresh]
        old = [article_id for article_id in chunk if article_id not in fresh]
        # the workers embedded the new texts; force links, and looks for wire copies of, the new ones
        step = StoryReport()
        if new:
            step.add(stories.update(new, force=True))
        if old:
            step.add(stories.update(old))
        report.stories.add(step)


def _time_key(article: Article) -> str:
    """Publication order, undated articles last (as ``recoupe.stories.assign`` orders them)."""
    published = article.published
    return "~" if published is None else published.sort_key()
