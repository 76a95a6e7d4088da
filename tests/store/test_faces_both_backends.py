"""The faces over both engines (issue 14 item 6): the CLI and the REST API on SQLite and on PostgreSQL.

``db_url`` (``tests/store/conftest.py``) is an SQLite file or a PostgreSQL schema of the test's own,
dropped afterwards. The seed articles go in through ``recoupe ingest`` (stories on, with the fast embedder),
then the read commands and the API routes that touch storage answer the same on either engine; the
expected values are the seeds' own (two French articles on Musk's rejected bid for OpenAI, one story).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient  # pyproject ignores Starlette's ask for httpx2

from recoupe.app import create_app
from recoupe.cli.main import cli
from recoupe.config import load_settings

MUSK = "Elon Musk : Son Offre de 97,4 Milliards pour OpenAI Rejetée"


@pytest.fixture
def ingested(db_url: str, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no recoupe.toml from the repo leaks in
    monkeypatch.setenv("RECOUPE_DB", db_url)
    monkeypatch.setenv("RECOUPE_EMBEDDER", "fast-use")
    runner = CliRunner()
    summary = _json(runner, "ingest", str(seeds_dir))
    assert (summary["new"], summary["failed"]) == (2, 0)
    assert summary["stories"]["assigned"] == 2
    return runner


def _json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_reads_on_both_engines(ingested: CliRunner, seeds_dir: Path) -> None:
    assert [hit["title"] for hit in _json(ingested, "search", "Bret Taylor")] == [MUSK]
    accent_free = _json(ingested, "search", "benefique")
    assert [hit["outlet"] for hit in accent_free] == ["Clubic"]
    assert "bénéfique" in accent_free[0]["snippet"]
    assert _json(ingested, "search", "pizza") == []
    listed = _json(ingested, "articles")
    assert len(listed) == 2
    assert len(_json(ingested, "articles", "--outlet", "clubic")) == 1
    shown = _json(ingested, "show", listed[0]["id"][:8])
    assert shown["id"] == listed[0]["id"]
    stories = _json(ingested, "stories")
    assert [story["articles"] for story in stories] == [2]
    again = _json(ingested, "ingest", str(seeds_dir))
    assert (again["new"], again["unchanged"]) == (0, 2)
    result = ingested.invoke(cli, ["check"], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_api_reads_on_both_engines(ingested: CliRunner, db_url: str) -> None:
    settings = load_settings({"db": db_url}, env={}, config_file=None)
    with TestClient(create_app(settings)) as client:
        found = client.get("/api/search", params={"q": "benefique"}).json()["items"]
        assert [hit["outlet"] for hit in found] == ["Clubic"]
        start, end = found[0]["highlights"][0]
        assert found[0]["snippet"][start:end] == "bénéfique"
        assert client.get("/api/search", params={"q": "benefique", "outlet": "Le Monde"}).json()["items"] == []
        articles = client.get("/api/articles").json()["items"]
        assert len(articles) == 2
        assert client.get(f"/api/articles/{articles[0]['id']}").json()["id"] == articles[0]["id"]
        outlets = {item["name"]: item["articles"] for item in client.get("/api/outlets").json()["items"]}
        assert outlets == {"Clubic": 1}  # the other seed names no outlet
        stories = client.get("/api/stories").json()["items"]
        assert len(stories) == 1
        story = client.get(f"/api/stories/{stories[0]['id']}").json()
        assert story["articles"] == 2
        assert {item["id"] for item in story["timeline"]} == {item["id"] for item in articles}
        page = client.get("/search", params={"q": "benefique"})
        assert page.status_code == 200
        assert "bénéfique" in page.text
