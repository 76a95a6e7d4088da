"""API fixtures: clients over copies of the shared ``faces_db`` (reads may store a computed cross-check)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient  # pyproject ignores Starlette's ask for httpx2
from tests.procs import copy_db

from recoupe.app import create_app
from recoupe.config import Settings, load_settings

TOKEN = "test-token-\u00e9t\u00e9"  # non-ASCII on purpose: compared as bytes


def api_settings(db: Path, **values: object) -> Settings:
    # the loopback test server needs no politeness delay between requests
    return load_settings({"db": str(db), "fetch_delay": 0, **values}, env={}, config_file=None)


@dataclass(frozen=True, slots=True)
class ApiKit:
    """What API tests build their own apps with (a fixture, so test modules import nothing from here)."""

    token: str = TOKEN
    copy_db: Callable[[Path, Path], Path] = copy_db
    settings: Callable[..., Settings] = api_settings

    def client(self, settings: Settings) -> TestClient:
        """A client of a new app over ``settings`` (use it in ``with``: the app's store is closed on exit)."""
        return TestClient(create_app(settings))


@pytest.fixture(scope="session")
def kit() -> ApiKit:
    return ApiKit()


@pytest.fixture(scope="session")
def read_db(faces_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_db(faces_db, tmp_path_factory.mktemp("api-read"))


@pytest.fixture(scope="session")
def client(read_db: Path) -> Iterator[TestClient]:
    """A client of the API over the shared stories database (no ingest token configured)."""
    with TestClient(create_app(api_settings(read_db))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seeds_story(client: TestClient) -> str:
    """The id of the seeds' story: Musk's rejected $97.4 bn bid for OpenAI (2 French outlets, 1 English article)."""
    items = client.get("/api/stories", params={"entity": "Bret Taylor"}).json()["items"]
    assert len(items) == 1, items
    story_id: str = items[0]["id"]
    return story_id
