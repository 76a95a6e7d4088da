"""Batch runs on Dask: the same articles and entities as inline, results in input order, clear errors.

One small ``LocalCluster`` (2 worker processes, 1 thread each, no dashboard) serves the module. Functions
mapped here are defined inside the tests: Dask then pickles them by value (the workers cannot import this
test module, which pytest loads by path).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

from recoupe.cli.main import cli  # noqa: E402 - after the skip: nothing here runs without dask
from recoupe.config import Settings, load_settings  # noqa: E402
from recoupe.enrich.nlp import NlpModels  # noqa: E402
from recoupe.errors import ConfigError  # noqa: E402
from recoupe.execute import Executor, InlineExecutor, make_executor, parse_executor  # noqa: E402
from recoupe.execute.dask import ClusterError, DaskExecutor, local_cluster_options  # noqa: E402
from recoupe.pipeline import ingest  # noqa: E402
from recoupe.sources import read_inputs  # noqa: E402
from recoupe.store import open_store  # noqa: E402

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "orangesum" / "raw"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a ``LocalCluster`` of 2 processes with 1 thread each, no dashboard; a task is failed
    after one worker died running it (the default, 3, would only make the killed-worker test longer)."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = distributed.LocalCluster(**local_cluster_options(2))
    try:
        yield str(cluster.scheduler_address)
    finally:
        cluster.close()


@pytest.fixture
def executor(scheduler: str) -> Iterator[DaskExecutor]:
    dask_executor = DaskExecutor(scheduler, chunk_size=4, timeout=120)
    try:
        yield dask_executor
    finally:
        dask_executor.close()


def _settings(tmp_path: Path, name: str, **values: object) -> Settings:
    overrides = {"db": str(tmp_path / f"{name}.db"), "stories": False, **values}
    return load_settings(overrides, env={}, config_file=None)


def _ingest(
    paths: list[Path], settings: Settings, executor: Executor, models: NlpModels | None = None
) -> dict[str, object]:
    """id -> (title, body, entities) of every article an ingest through ``executor`` stored."""
    with open_store(settings.db) as store:
        report = ingest(
            read_inputs([str(path) for path in paths], settings), store, settings, executor=executor, models=models
        )
        assert not report.failures, report.failures
        articles = {}
        for article_id in report.article_ids:
            article = store.get(article_id)
            enrichment = store.enrichment(article_id)
            mentions = enrichment.to_dict()["mentions"] if enrichment else None
            articles[article_id] = (article.title, article.body, mentions)
    return articles


def test_results_keep_input_order_over_uneven_work(executor: DaskExecutor) -> None:
    def square(value: int) -> int:
        time.sleep(0.05 if value < 8 else 0.0)  # the first chunks finish last
        return value * value

    assert list(executor.map(square, range(50))) == [value * value for value in range(50)]
    assert list(executor.map(square, [])) == []


def test_a_large_batch_is_sent_without_a_warning(executor: DaskExecutor) -> None:
    pages = [bytes(1_000_000)] * 16  # 16 MB: one graph that size makes dask warn (an error here)
    assert list(executor.map(len, pages)) == [1_000_000] * 16


def test_ingest_gives_the_same_articles_as_inline(tmp_path: Path, executor: DaskExecutor) -> None:
    pages = sorted(PAGES.glob("*.html"))
    assert len(pages) >= 50
    inline = _ingest(pages, _settings(tmp_path, "inline", enrich=False), InlineExecutor())
    on_dask = _ingest(pages, _settings(tmp_path, "dask", enrich=False, batch_size=25), executor)
    assert len(inline) == len(pages)
    assert on_dask == inline


def test_enrichment_on_workers_finds_the_same_entities(tmp_path: Path, scheduler: str) -> None:
    pages = sorted(PAGES.glob("*.html"))[:5]
    models = NlpModels()
    executor = DaskExecutor(scheduler, chunk_size=8, timeout=120)  # one task: one worker loads spaCy
    try:
        # both runs at once: each loads spaCy (seconds), the worker in its process, inline in this one
        with ThreadPoolExecutor(1) as thread:
            running = thread.submit(_ingest, pages, _settings(tmp_path, "dask"), executor, models)
            inline = _ingest(pages, _settings(tmp_path, "inline"), InlineExecutor(), models)
            on_dask = running.result(timeout=180)
    finally:
        executor.close()
    assert on_dask == inline
    assert all(mentions for _, _, mentions in inline.values())


def test_a_worker_killed_midway_is_a_clear_error(scheduler: str) -> None:
    def dies_on_seven(value: int) -> int:
        if value == 7:
            os._exit(1)  # a worker lost: the process ends without a word
        return value

    executor = DaskExecutor(scheduler, chunk_size=4, timeout=120)
    try:
        with pytest.raises(ClusterError, match="worker died") as caught:
            list(executor.map(dies_on_seven, range(20)))
        assert scheduler in str(caught.value)
        assert list(executor.map(abs, [-1, -2, 3])) == [1, 2, 3]  # the cluster is still usable
    finally:
        executor.close()


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterError, match=r"tcp://127\.0\.0\.1:1: cannot reach the Dask scheduler"):
        DaskExecutor("tcp://127.0.0.1:1", connect_timeout=0.5)


def test_a_task_bug_is_raised_as_it_is(executor: DaskExecutor) -> None:
    def fails_on_three(value: int) -> int:
        if value == 3:
            raise ValueError("bug on three")
        return value

    with pytest.raises(ValueError, match="bug on three"):
        list(executor.map(fails_on_three, range(10)))


def test_executor_specs(scheduler: str) -> None:
    assert parse_executor("local") == ("local", None)
    assert parse_executor("dask") == ("dask", None)
    assert parse_executor("dask://scheduler:8786") == ("dask", "tcp://scheduler:8786")
    for bad in ("spark", "dask://nohost", "dask://host:port"):
        with pytest.raises(ConfigError):
            parse_executor(bad)
    with pytest.raises(ConfigError):
        load_settings({"executor": "ray"}, env={}, config_file=None)
    host_port = scheduler.removeprefix("tcp://")
    remote = make_executor(4, f"dask://{host_port}")
    try:
        assert isinstance(remote, DaskExecutor)
        assert list(remote.map(abs, [-5, 6])) == [5, 6]
    finally:
        remote.close()


def test_cli_ingest_on_a_local_dask_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no recoupe.toml from the repo leaks in
    monkeypatch.setenv("RECOUPE_DB", str(tmp_path / "cli.db"))
    pages = [str(path) for path in sorted(PAGES.glob("*.html"))[:12]]
    args = ["ingest", *pages, "--executor", "dask", "--workers", "2", "--no-enrich", "--no-stories", "--json"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (12, 0)


def test_a_batch_past_its_timeout_is_a_clear_error(scheduler: str) -> None:
    def slow(value: int) -> int:
        time.sleep(1.0)
        return value

    executor = DaskExecutor(scheduler, timeout=0.2)
    try:
        with pytest.raises(ClusterError, match=r"not back within 0\.2 s"):
            list(executor.map(slow, [1]))
    finally:
        executor.close()


def test_partitions_leave_no_worker_idle() -> None:
    from recoupe.partitions import split

    records = list(range(200))
    # 200 articles on 2 workers: two partitions of 100, not one of 200 (a transaction holds at most 200)
    assert [len(p) for p in split(records, 200, 2)] == [100, 100]
    assert [len(p) for p in split(records, 50, 2)] == [50, 50, 50, 50]
    assert [len(p) for p in split(records[:3], 200, 8)] == [1, 1, 1]
    assert split([], 200, 2) == []
    assert [x for p in split(records, 64, 3) for x in p] == records
