"""The pipeline over both executors: the same articles whichever runs the extraction."""

from __future__ import annotations

from pathlib import Path

from recoupe.config import Settings
from recoupe.execute import InlineExecutor, ProcessExecutor
from recoupe.model import Failure, Provenance
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import open_store


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
