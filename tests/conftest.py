"""Shared fixtures: paths to the committed real files, settings pointing at a temporary database."""

from __future__ import annotations

from pathlib import Path

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
