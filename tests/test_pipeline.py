"""The pipeline over both executors: the same articles whichever runs the extraction."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from recoupe import pipeline
from recoupe.config import Settings, load_settings
from recoupe.enrich import embed_fast
from recoupe.enrich.nlp import NlpModels
from recoupe.execute import InlineExecutor, ProcessExecutor
from recoupe.model import Failure, Provenance
from recoupe.pipeline import IngestReport, ingest
from recoupe.sources import read_inputs
from recoupe.store import open_store
from recoupe.stories.assign import StoryEngine


def test_process_pool_gives_the_same_articles(tmp_path: Path, seeds_dir: Path, settings: Settings) -> None:
    results = {}
    for name, executor in (("inline", InlineExecutor()), ("pool", ProcessExecutor(2))):
        with open_store(str(tmp_path / f"{name}.db")) as store:
            try:
                report = ingest(read_inputs([str(seeds_dir)], settings), store, settings, executor=executor)
            finally:
                executor.close()
            results[name] = sorted(store.get(article_id).to_dict()["content_hash"] for article_id in report.article_ids)
    assert results["inline"] == results["pool"]
    assert len(results["inline"]) == 2


def test_source_failures_pass_through_and_default_outlet(tmp_path: Path, seeds_dir: Path, settings: Settings) -> None:
    failure = Failure(Provenance("feed.xml", "feed"), "unreachable")
    items = [failure, *read_inputs([str(seeds_dir)], settings)]
    with open_store(str(tmp_path / "p.db")) as store:
        report = ingest(items, store, settings, default_outlet="Inconnu")
        outlets = sorted(store.get(article_id).outlet or "" for article_id in report.article_ids)
    assert report.failures == [failure]
    assert outlets == ["Clubic", "Inconnu"]  # the default fills only the article that had no outlet


ORANGESUM = sorted((Path(__file__).parent / "fixtures" / "orangesum" / "raw").glob("*.html"))[:8]


def _ingest_with_stories(db: Path, seeds_dir: Path) -> tuple[IngestReport, dict[str, str | None]]:
    """Seeds and 8 OrangeSum pages, enriched and assigned; each article's story."""
    settings = load_settings({"db": str(db)}, env={}, config_file=None)
    with open_store(str(db)) as store:
        engine = StoryEngine.from_settings(store, settings)
        try:
            paths = [str(seeds_dir), *map(str, ORANGESUM)]
            report = ingest(read_inputs(paths, settings), store, settings, models=NlpModels(), stories=engine)
        finally:
            engine.close()
        return report, {article_id: store.story_of(article_id) for article_id in report.article_ids}


def test_embeddings_computed_while_the_batch_is_enriched(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int]] = []
    embed_now = embed_fast._embed_now

    def counted(texts: list[str], max_tokens: int) -> NDArray[np.float32]:
        calls.append((threading.current_thread().name, len(texts)))
        return embed_now(texts, max_tokens)

    monkeypatch.setattr(embed_fast, "_embed_now", counted)
    ahead, stories_ahead = _ingest_with_stories(tmp_path / "ahead.db", seeds_dir)
    assert ahead.new == 10
    assert ahead.stories is not None
    assert ahead.stories.embedded == 10
    # every vector was computed once, ahead, in the background thread: the engine computed none again
    assert calls == [("recoupe-embed-ahead", 10)]

    calls.clear()
    monkeypatch.setattr(pipeline, "embed_ahead", lambda *_: None)
    _, stories_in_place = _ingest_with_stories(tmp_path / "in-place.db", seeds_dir)
    assert calls == [("MainThread", 10)]
    # the same stories either way (vectors computed ahead differ from in place only by float rounding)
    assert stories_ahead == stories_in_place
    assert len(set(stories_ahead.values())) < len(stories_ahead)  # the two seeds share a story: not all alone
