"""What a new user trips on: a mistyped database, silent writes, options without help, lists that hide how many
there are, unreadable scores, a server that prints before it listens, settings nobody can see."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

import click
import httpx
import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.cli.paging import showing
from recoupe.config import Settings, load_settings
from recoupe.store import open_store

ROOT = Path(__file__).parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
EXAMPLE = ROOT / "docs" / "recoupe.toml.example"


def _flat(text: str) -> str:
    """Terminal text with its line wrapping undone."""
    return " ".join(text.split())


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # no recoupe.toml from the repo
    for name in list(os.environ):
        if name.startswith("RECOUPE_"):
            monkeypatch.delenv(name)
    return CliRunner()


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seeds, neither enriched nor grouped (fast)."""
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(SEEDS), "--no-enrich", "--no-stories"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "command", [["articles"], ["stories"], ["search", "Musk"], ["show", "abcdef"], ["export", "articles"], ["serve"]]
)
def test_reading_a_database_that_does_not_exist_is_an_error(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "typo.db"
    result = runner.invoke(cli, ["--db", str(typo), *command])
    assert result.exit_code == 66
    assert f"no database at {typo} (from --db)" in _flat(result.stderr)
    assert not typo.exists()


def test_the_variable_is_named_when_it_points_nowhere(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stories"], env={"RECOUPE_DB": str(tmp_path / "nope.db")})
    assert result.exit_code == 66
    assert "(from RECOUPE_DB)" in _flat(result.stderr)


def test_ingest_creates_the_database_and_says_where(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "new" / "news.db"
    seed = SEEDS / "000_8aee5ca2760b0c1d.txt"
    result = runner.invoke(cli, ["--db", str(target), "ingest", str(seed), "--no-enrich", "--no-stories", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 1  # stdout stays JSON
    assert f"database: {target}" in result.stderr
    assert target.exists()
    listed = runner.invoke(cli, ["--db", str(target), "articles"])
    assert "1 article" in listed.stdout


def test_lists_say_which_part_of_how_many_they_show(plain_db: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(plain_db), "articles", "--limit", "1"])
    assert "showing 1–1 of 2 articles (--offset 1 for the next)" in first.stdout
    last = runner.invoke(cli, ["--db", str(plain_db), "articles", "--limit", "1", "--offset", "1"])
    assert "showing 2–2 of 2 articles" in last.stdout
    assert "--offset 2" not in last.stdout
    whole = runner.invoke(cli, ["--db", str(plain_db), "articles"])
    assert "2 articles" in whole.stdout
    assert "showing" not in whole.stdout


def test_page_titles() -> None:
    nouns = ("story", "stories")
    assert showing(nouns, 0, 1, 1) == "1 story"
    assert showing(nouns, 0, 20, 23) == "showing 1–20 of 23 stories (--offset 20 for the next)"
    assert showing(nouns, 20, 3, 23) == "showing 21–23 of 23 stories"
    assert showing(nouns, 0, 50, None) == "showing 1–50 of more than 50 stories (--offset 50 for the next)"
    assert showing(nouns, 30, 0, 23) == "none from 31 (23 stories)"
    assert showing(nouns, 0, 0, 0) == "0 stories"


def test_search_relevance_is_a_share_of_the_best_hit(plain_db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(plain_db), "search", "OpenAI", "--json"])
    hits = json.loads(result.stdout)
    assert len(hits) == 2
    assert hits[0]["relevance"] == 100
    assert 0 < hits[1]["relevance"] <= 100
    text = CliRunner().invoke(cli, ["--db", str(plain_db), "search", "OpenAI"]).stdout
    assert "relevance 100%" in text
    assert "e-0" not in text  # no raw engine score


def test_every_option_of_every_command_has_help() -> None:
    ctx = click.Context(cli)
    missing: list[str] = []
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None
        missing.extend(
            f"recoupe {name} {param.opts[0]}"
            for param in command.params
            if isinstance(param, click.Option) and not param.hidden and not param.help
        )
    assert missing == []


def test_config_shows_each_value_and_where_it_came_from(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "recoupe.toml").write_text("batch_size = 10\nembedder = 'fast-use'\n", encoding="utf-8")
    env = {"RECOUPE_STRICT": "yes", "RECOUPE_BATCH_SIZE": "30", "RECOUPE_API_TOKEN": "s3cret-token"}
    result = runner.invoke(cli, ["--db", "flag.db", "config", "--json"], env=env)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert set(shown) == {f.name for f in fields(Settings)} - {"sources"}
    assert shown["db"] == {"value": "flag.db", "from": "command line"}
    assert shown["batch_size"] == {"value": 30, "from": "RECOUPE_BATCH_SIZE"}  # the variable beats the file
    assert shown["embedder"] == {"value": "fast-use", "from": "recoupe.toml"}
    assert shown["strict"] == {"value": True, "from": "RECOUPE_STRICT"}
    assert shown["min_body_chars"] == {"value": 80, "from": "default"}
    assert shown["api_token"] == {"value": "(set)", "from": "RECOUPE_API_TOKEN"}
    table = runner.invoke(cli, ["--db", "flag.db", "config"], env=env)
    assert "s3cret-token" not in table.output
    assert "fast-use" in table.stdout


def test_the_documented_example_parses_and_lists_every_setting() -> None:
    settings = load_settings(env={}, config_file=EXAMPLE)
    defaults = Settings()
    parsed = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    for name in parsed:  # every value written in the example is the default
        assert getattr(settings, name) == getattr(defaults, name), name
    text = EXAMPLE.read_text(encoding="utf-8")
    for field in fields(Settings):
        if field.name != "sources":
            assert field.name in parsed or f"# {field.name} = " in text, field.name
    assert "docs/recoupe.toml.example" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_serve_says_when_its_port_is_taken(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    open_store(str(db)).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["--db", str(db), "serve", "--port", str(port)])
    assert result.exit_code == 78
    assert f"port {port} on 127.0.0.1 is already in use" in _flat(result.stderr)
    assert "serving" not in result.output  # no banner for a server that is not there


def test_serve_listens_before_it_prints(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    open_store(str(db)).close()
    server = subprocess.Popen(
        [sys.executable, "-m", "recoupe.cli", "--db", str(db), "serve", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        assert server.stderr is not None
        banner = [server.stderr.readline() for _ in range(2)]
        assert banner[0].startswith(f"recoupe serving {db}")
        url = banner[1].split("web UI:")[1].strip()
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert port > 0  # the port the system chose, not 0
        # the banner is out: the port answers now (the connection waits in the listen queue if need be)
        health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=60)
        assert health.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
