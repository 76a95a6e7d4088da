"""Shared fixtures: paths to the committed real files, settings pointing at a temporary database."""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import pytest

from recoupe.config import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"
# The PostgreSQL server the store tests also run on; RECOUPE_REQUIRE_POSTGRES=1 (CI) makes its absence a failure.
POSTGRES_URL = os.environ.get("RECOUPE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
SEEDS = FIXTURES / "seeds"
DEMO = Path(__file__).resolve().parent.parent / "demo" / "corpus"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with the database in a temporary folder (no user config or env leaks in)."""
    return load_settings({"db": str(tmp_path / "recoupe.db")}, env={}, config_file=None)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL URL, once it answers (with ``unaccent`` installed); skip or fail when it does not."""
    reason = None
    try:
        import psycopg

        with psycopg.connect(POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=5) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except ImportError:
        reason = "psycopg is not installed (pip install -e '.[dev]')"
    except Exception as exc:  # noqa: BLE001 - any failure to connect says the same: no server to test on
        reason = f"PostgreSQL at {POSTGRES_URL} is unreachable: {exc}"
    if reason is not None:
        if os.environ.get("RECOUPE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"RECOUPE_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    return POSTGRES_URL


@contextmanager
def postgres_schema(server: str) -> Iterator[str]:
    """A fresh schema on the PostgreSQL ``server``, dropped afterwards, as a URL ``open_store`` takes."""
    import psycopg

    schema = f"recoupe_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def new_postgres_schema(postgres_server: str) -> Callable[[], AbstractContextManager[str]]:
    """``with new_postgres_schema() as url:`` a schema of its own, for fixtures wider than one test."""
    return lambda: postgres_schema(postgres_server)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A PostgreSQL schema of the test's own (``postgres_schema``)."""
    with postgres_schema(postgres_server) as url:
        yield url


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
