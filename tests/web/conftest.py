"""Web UI fixtures: settings on the shared ``faces_db``, a TestClient, a live server, headless Chromium.

Browser tests drive Debian's ``chromium`` (``shutil.which("chromium")``) through Playwright; no browser is
ever downloaded. Without chromium they are skipped, unless ``RECOUPE_REQUIRE_BROWSER=1`` makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient  # pyproject ignores Starlette's ask for httpx2

from recoupe.api.app import create_app
from recoupe.config import Settings, load_settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def settings_for(db: Path) -> Settings:
    return load_settings({"db": str(db)}, env={}, config_file=None)


@pytest.fixture(scope="session")
def web_settings(faces_db: Path) -> Settings:
    """Settings serving the shared database (read-only: pages only read it)."""
    return settings_for(faces_db)


@pytest.fixture(scope="session")
def client(web_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seeds_story(web_settings: Settings) -> str:
    """The id of the seeds' story (Musk's $97.4 bn bid for OpenAI): the story of the Clubic article."""
    from recoupe.store import open_store

    with open_store(web_settings.db) as store:
        clubic = store.articles(outlet="Clubic", limit=1)[0]
        story = store.story_of(clubic.id)
    assert story is not None
    return story


@pytest.fixture(scope="session")
def xss_db(faces_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``faces_db`` with the XSS corpus (``tests/fixtures/xss``) ingested, enriched and grouped."""
    from recoupe.enrich.nlp import NlpModels
    from recoupe.pipeline import ingest
    from recoupe.sources import read_inputs
    from recoupe.store import open_store
    from recoupe.stories.assign import StoryEngine

    folder = tmp_path_factory.mktemp("xss")
    path = folder / faces_db.name
    shutil.copy2(faces_db, path)
    vectors = faces_db.parent / (faces_db.name + ".vectors")
    if vectors.exists():
        shutil.copytree(vectors, folder / vectors.name)
    settings = settings_for(path)
    with open_store(settings.db) as store:
        engine = StoryEngine.from_settings(store, settings)
        try:
            inputs = read_inputs([str(FIXTURES / "xss" / "articles.jsonl")], settings)
            report = ingest(inputs, store, settings, models=NlpModels(), stories=engine)
        finally:
            engine.close()
    assert not report.failures, report.failures
    return path


@contextmanager
def _serve(settings: Settings) -> Iterator[str]:
    import uvicorn

    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server() -> Callable[[Settings], AbstractContextManager[str]]:
    """``with live_server(settings) as base_url:``: the app under uvicorn on a free loopback port."""
    return _serve


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium")
    reason = "the Debian chromium package is not installed (shutil.which('chromium') found nothing)"
    if path is None:
        if os.environ.get("RECOUPE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and RECOUPE_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def watch(page: Any) -> tuple[list[str], list[str]]:
    """Record every dialog (then dismiss it) and every console error or warning of ``page``."""
    dialogs: list[str] = []
    console: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    return dialogs, console
