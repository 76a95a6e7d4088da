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
