"""Scale-out with the writes on the workers: a Dask ``LocalCluster`` (processes, loopback) over PostgreSQL.

The workers extract, store and embed their partitions (``recoupe.partitions``); the driver assigns stories in
publication order. Compared with an inline run of the same input: the same articles and the same stories
(as sets of article URLs; story ids may differ). A worker that dies after writing its partition loses no
article and stores none twice: the scheduler runs the partition again, and the writes are idempotent.

Input: the 48 articles of the held-out French cross-check pairs (``tests/fixtures/crosscheck_fr/report.jsonl``:
24 events, two outlets each), stories on with the fast embedder, enrichment off (spaCy on two workers would
make the test minutes longer; enrichment on workers is ``test_dask.py``'s).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

from recoupe.config import Settings, load_settings  # noqa: E402 - after the skip: nothing here runs without dask
from recoupe.execute import InlineExecutor  # noqa: E402
from recoupe.execute.dask import DaskExecutor, local_cluster_options  # noqa: E402
from recoupe.partitions import ingest_on_workers, ingest_partition, writes_on_workers  # noqa: E402
from recoupe.pipeline import IngestReport, ingest  # noqa: E402
from recoupe.sources import read_inputs  # noqa: E402
from recoupe.store import open_store  # noqa: E402
from recoupe.stories.assign import StoryEngine  # noqa: E402

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "crosscheck_fr" / "report.jsonl"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A ``LocalCluster`` of 2 single-threaded processes; a task is run again up to twice when its worker dies."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 2}):
        cluster = distributed.LocalCluster(**local_cluster_options(2))
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


@pytest.fixture
def articles_file(tmp_path: Path) -> Path:
    """The pairs' 48 articles as JSON Lines, one URL each."""
    out = tmp_path / "pairs.jsonl"
    with out.open("w", encoding="utf-8") as sink:
        for line in PAIRS.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            for side in ("a", "b"):
                item = pair[side]
                record = {
                    "url": f"https://pairs.example/{pair['id']}/{side}",
                    "outlet": item["outlet"],
                    "date": item["published"],
                    "title": item["title"],
                    "lead": item.get("lead", ""),
                    "text": item["body"],
                    "language": "fr",
                }
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def _settings(db: str, **values: object) -> Settings:
    overrides = {"db": db, "enrich": False, "embedder": "fast-use", "batch_size": 6, **values}
    return load_settings(overrides, env={}, config_file=None)


def _run(source: Path, settings: Settings, executor: object, **options: object) -> IngestReport:
    with open_store(settings.db) as store:
        engine = StoryEngine.from_settings(store, settings)
        try:
            items = read_inputs([str(source)], settings)
            if writes_on_workers(executor, settings.db):
                return ingest_on_workers(items, store, settings, executor=executor, stories=engine, **options)  # type: ignore[arg-type]
            return ingest(items, store, settings, executor=InlineExecutor(), stories=engine)
        finally:
            engine.close()


def _stories(db: str) -> tuple[int, set[frozenset[str]]]:
    """How many articles are stored, and the stories as sets of article URLs."""
    with open_store(db) as store:
        stored = store.articles(limit=1000)
        groups: dict[str, set[str]] = {}
        for article in stored:
            story = store.story_of(article.id)
            assert story is not None, f"{article.url} is in no story"
            groups.setdefault(story, set()).add(str(article.url))
        return len(stored), {frozenset(group) for group in groups.values()}


def test_workers_write_the_same_articles_and_stories_as_inline(
    articles_file: Path, scheduler: str, new_postgres_schema: object
) -> None:
    with new_postgres_schema() as inline_db, new_postgres_schema() as dask_db:  # type: ignore[operator]
        inline = _run(articles_file, _settings(inline_db), InlineExecutor())
        executor = DaskExecutor(scheduler, timeout=300)
        try:
            assert writes_on_workers(executor, dask_db)
            assert not writes_on_workers(executor, "/tmp/recoupe.db")
            report = _run(articles_file, _settings(dask_db), executor)
        finally:
            executor.close()
        assert (inline.new, len(inline.failures)) == (48, 0)
        assert (report.new, report.unchanged, len(report.failures)) == (48, 0, 0)
        assert report.stories is not None
        assert report.stories.embedded == 48  # on the workers: the driver embedded nothing more
        inline_count, inline_stories = _stories(inline_db)
        dask_count, dask_stories = _stories(dask_db)
        assert inline_count == dask_count == 48
        assert dask_stories == inline_stories
        assert len(inline_stories) >= 20  # 24 events: pairs grouped, a few split by the embedder


def test_a_worker_lost_after_writing_loses_nothing_and_doubles_nothing(
    articles_file: Path, scheduler: str, new_postgres_schema: object, tmp_path: Path
) -> None:
    crashed = tmp_path / "crashed"

    def dies_once_after_writing(records: list[object], **options: object) -> object:
        result = ingest_partition(records, **options)  # type: ignore[arg-type]
        if not crashed.exists():
            crashed.write_text("died")
            os._exit(1)  # the worker is lost with its partition written but not reported
        return result

    with new_postgres_schema() as db:  # type: ignore[operator]
        executor = DaskExecutor(scheduler, timeout=300)
        try:
            report = _run(articles_file, _settings(db), executor, partition=dies_once_after_writing)
        finally:
            executor.close()
        assert crashed.exists()
        assert len(report.failures) == 0
        # the partition run again finds its articles stored: counted unchanged, not new
        assert report.new + report.unchanged == 48
        assert report.unchanged == 6
        count, stories = _stories(db)
        assert count == 48
        assert sum(len(story) for story in stories) == 48
        with open_store(db) as store:
            assert store.check_integrity() == []


def test_cli_ingest_on_a_dask_scheduler_into_postgresql(
    articles_file: Path, scheduler: str, new_postgres_schema: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from recoupe.cli.main import cli

    monkeypatch.chdir(articles_file.parent)  # no recoupe.toml from the repo leaks in
    monkeypatch.setenv("RECOUPE_EMBEDDER", "fast-use")
    with new_postgres_schema() as db:  # type: ignore[operator]
        spec = "dask://" + scheduler.removeprefix("tcp://")
        args = ["--db", db, "ingest", str(articles_file), "--executor", spec, "--no-enrich", "--json"]
        result = CliRunner().invoke(cli, [*args, "--batch-size", "10"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        summary = json.loads(result.stdout)
        assert (summary["new"], summary["failed"]) == (48, 0)
        assert (summary["stories"]["embedded"], summary["stories"]["assigned"]) == (48, 48)
        again = CliRunner().invoke(cli, [*args, "--batch-size", "10"], catch_exceptions=False)
        assert json.loads(again.stdout)["unchanged"] == 48
        count, _ = _stories(db)
        assert count == 48
