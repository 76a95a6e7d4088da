"""The store fixtures: every test taking ``store`` (or ``db_url``) runs on SQLite and on PostgreSQL.

PostgreSQL is the server of ``tests/conftest.py`` (``postgres_url``: a schema of its own per test,
dropped afterwards; skipped with the reason when unreachable, failed under ``RECOUPE_REQUIRE_POSTGRES=1``).
Tests marked ``sqlite_only`` (they open the SQLite file themselves) run on SQLite only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from recoupe.store import Store, open_store

BACKENDS = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL run of tests marked ``sqlite_only``."""
    dropped = [
        item for item in items if item.get_closest_marker("sqlite_only") is not None and "[postgresql" in item.nodeid
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recoupe.db"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's database is: the SQLite file ``db_path``, or a PostgreSQL schema of its own."""
    if backend == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(db_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened
