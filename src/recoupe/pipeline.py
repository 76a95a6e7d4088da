"""Compose the stages: sources → extract → store → enrich → stories, batch by batch, with a per-item error policy.

Each batch of records is extracted through the ``Executor`` and written in one store transaction,
so a run killed at any point leaves every finished batch stored and nothing half-written; running
the same inputs again skips what is there (the store's idempotent ``add``). The batch's articles are
then enriched (when ``models`` is given) and their enrichment stored in a second transaction; an
article stored but not yet enriched when a run is killed is enriched by the next run that sees it
(or by ``recoupe enrich``). With a ``StoryEngine``, each batch's articles are then embedded, checked
for wire copies and assigned to stories in a third transaction (``recoupe.stories.assign``); an article
left unassigned by a kill is assigned by the next run that sees it (or by ``recoupe recluster``).

Per-item policy: a record that cannot be read or holds no article becomes a ``Failure`` (where and
why) in the report, and the run goes on. Errors of the store itself stop the run.

Overlap: when the batch is both enriched and assigned to stories, and the story engine's embedder can
compute ahead (``prefetch``, the default embedder), the embeddings of the batch's new and changed
articles start in a background thread as soon as the batch is stored, and run while the batch is
parsed and enriched (in this process or in the executor's workers); the engine then finds them ready.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from recoupe.config import Settings
from recoupe.errors import RecoupeError
from recoupe.execute import Executor, InlineExecutor
from recoupe.extract import extract
from recoupe.model import Article, Enrichment, Failure, IngestOutcome, Record
from recoupe.store import Store

if TYPE_CHECKING:
    from recoupe.enrich.nlp import NlpModels
    from recoupe.stories.assign import StoryEngine, StoryReport

__all__ = [
    "IngestReport",
    "batches",
    "embed_ahead",
    "enrich_many",
    "enrich_one",
    "enrich_stored",
    "extract_one",
    "ingest",
]


@dataclass(slots=True)
class IngestReport:
    """What a run did: counts per outcome, the stored ids, and every failure with its reason."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    enriched: int = 0
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    stories: StoryReport | None = None

    @property
    def read(self) -> int:
        return self.new + self.updated + self.unchanged

    def count(self, outcome: IngestOutcome) -> None:
        if outcome is IngestOutcome.NEW:
            self.new += 1
        elif outcome is IngestOutcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1

    def to_dict(self) -> dict[str, object]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "enriched": self.enriched,
            "failed": len(self.failures),
            "failures": [failure.to_dict() for failure in self.failures],
            "stories": self.stories.to_dict() if self.stories else None,
        }


def extract_one(record: Record, settings: Settings, default_outlet: str | None = None) -> Article | Failure:
    """The article in ``record``, or a ``Failure`` saying why there is none. Never raises for bad input."""
    try:
        article = extract(record, settings)
    except RecoupeError as exc:
        return Failure(record.provenance, exc.message, type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a library bug on one page must not stop the run; reported with its type
        return Failure(record.provenance, f"extractor crashed: {type(exc).__name__}: {exc}", "ExtractionError")
    if default_outlet and not article.outlet:
        article = article.with_changes(outlet=default_outlet)
    return article


def enrich_one(article: Article, models: NlpModels) -> Enrichment | Failure:
    """The enrichment of ``article``, or a ``Failure`` naming the article if an enricher crashed."""
    from recoupe.enrich import enrich

    try:
        return enrich(article, models)
    except RecoupeError as exc:
        return Failure(article.provenance, f"enrichment failed: {exc.message}", type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - one odd article must not stop the run; reported with its type
        return Failure(article.provenance, f"enrichment crashed: {type(exc).__name__}: {exc}", "EnrichmentError")


def enrich_many(articles: list[Article], models: NlpModels) -> list[Enrichment | Failure]:
    """``enrich_one`` of each article, in order, their texts parsed together first (one ``nlp.pipe`` pass per
    language: less CPU than one call per text, the same enrichments)."""
    with models.parsed_ahead((article.text, article.language) for article in articles):
        return [enrich_one(article, models) for article in articles]


#: articles enriched together by one call of ``enrich_many`` (one executor task)
ENRICH_CHUNK = 16


def enrich_stored(store: Store, ids: list[str], models: NlpModels, executor: Executor, report: IngestReport) -> None:
    """Enrich the stored articles ``ids`` that lack a current enrichment, and store the results."""
    from recoupe.enrich import ENRICHER_VERSION

    todo = store.missing_enrichment(ids, ENRICHER_VERSION)
    if not todo:
        return
    stage = partial(enrich_many, models=models)
    articles = [store.get(article_id) for article_id in todo]
    chunks = [articles[at : at + ENRICH_CHUNK] for at in range(0, len(articles), ENRICH_CHUNK)]
    done: list[Enrichment] = []
    for result in (result for results in executor.map(stage, chunks) for result in results):
        if isinstance(result, Failure):
            report.failures.append(result)
        else:
            done.append(result)
    store.save_enrichments(done, ENRICHER_VERSION)
    report.enriched += len(done)


def embed_ahead(stories: StoryEngine | None, articles: list[Article], stored: list[tuple[str, IngestOutcome]]) -> None:
    """Start the embeddings of the new and changed ``articles`` (``stored``: their outcomes, in order), if the
    story engine's embedder can compute ahead; what it computes is handed to the engine's ``update``."""
    prefetch: Callable[[list[str]], None] | None = getattr(stories.embedder, "prefetch", None) if stories else None
    if prefetch is None:
        return
    from recoupe.enrich.embed import embedding_text

    changed = [a for a, (_, outcome) in zip(articles, stored, strict=True) if outcome is not IngestOutcome.UNCHANGED]
    prefetch([embedding_text(article) for article in changed])


def batches(items: Iterable[Record | Failure], size: int) -> Iterator[list[Record | Failure]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(
    items: Iterable[Record | Failure],
    store: Store,
    settings: Settings,
    *,
    executor: Executor | None = None,
    default_outlet: str | None = None,
    models: NlpModels | None = None,
    stories: StoryEngine | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Extract, store, (with ``models``) enrich and (with ``stories``) assign to stories every record.

    Source ``Failure`` items are reported with the others.
    """
    from recoupe.stories.assign import StoryReport

    executor = executor or InlineExecutor()
    report = IngestReport(stories=StoryReport() if stories is not None else None)
    stage = partial(extract_one, settings=settings, default_outlet=default_outlet)
    for batch in batches(items, settings.batch_size):
        records = [item for item in batch if isinstance(item, Record)]
        report.failures.extend(item for item in batch if isinstance(item, Failure))
        articles: list[Article] = []
        for result in executor.map(stage, records):
            if isinstance(result, Failure):
                report.failures.append(result)
            else:
                articles.append(result)
        if articles:
            stored = store.add(articles)
            for article_id, outcome in stored:
                report.count(outcome)
                report.article_ids.append(article_id)
            if models is not None:
                embed_ahead(stories, articles, stored)  # runs while the batch is enriched
                enrich_stored(store, [article_id for article_id, _ in stored], models, executor, report)
            if stories is not None and report.stories is not None:
                report.stories.add(stories.update([article_id for article_id, _ in stored]))
        if on_progress:
            on_progress(report)
    return report
