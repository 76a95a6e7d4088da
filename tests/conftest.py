"""Shared fixtures: paths to the committed real files, settings pointing at a temporary database."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from recoupe.config import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
DEMO = Path(__file__).resolve().parent.parent / "demo" / "corpus"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with the database in a temporary folder (no user config or env leaks in)."""
    return load_settings({"db": str(tmp_path / "recoupe.db")}, env={}, config_file=None)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load_bench(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module (the quality floors reuse the benchmarks' generators and scorers)."""
    module_name = f"bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_script() -> Callable[[str], ModuleType]:
    """Load a benchmark script by name: ``bench_script("stories")``."""
    return _load_bench


@pytest.fixture(scope="session")
def faces_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database the API and the web pages serve: the seeds, the cross-lingual set and 30 NeuS articles,
    enriched, grouped into stories, every story told by two outlets or more cross-checked. Read-only: a test
    that writes copies it first (the database and its ``.vectors`` folder)."""
    from recoupe.crosscheck.report import load_or_compute
    from recoupe.enrich.embed import make_embedder
    from recoupe.enrich.nlp import NlpModels
    from recoupe.pipeline import ingest
    from recoupe.sources import read_inputs
    from recoupe.store import open_store
    from recoupe.stories.assign import StoryEngine

    folder = tmp_path_factory.mktemp("faces")
    path = folder / "faces.db"
    # the first 30 NeuS/AllSides articles of the demo corpus: stories told by 2 or 3 outlets
    allsides = folder / "allsides.jsonl"
    with (DEMO / "allsides" / "neus-allsides-dev.jsonl").open(encoding="utf-8") as lines:
        allsides.write_text("".join(line for _, line in zip(range(30), lines, strict=False)), encoding="utf-8")
    settings = load_settings({"db": str(path)}, env={}, config_file=None)
    models = NlpModels()
    inputs = [str(SEEDS), str(FIXTURES / "crosslingual" / "articles.jsonl"), str(allsides)]
    with open_store(settings.db) as store:
        engine = StoryEngine.from_settings(store, settings)
        try:
            report = ingest(read_inputs(inputs, settings), store, settings, models=models, stories=engine)
            assert not report.failures, report.failures
            embedder = make_embedder(settings.embedder)
            for row in store.stories(min_outlets=2, limit=1000):
                load_or_compute(store, row.id, embedder, models)
        finally:
            engine.close()
    return path
