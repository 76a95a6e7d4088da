"""Two ``recoupe ingest`` processes of overlapping inputs at once, on SQLite and on PostgreSQL (issue 14).

Input: the 48 articles of the held-out French cross-check pairs (24 events, two outlets each), as two JSON
Lines files that share 16 articles (8 events); stories on (fast embedder), small batches so that the two
processes interleave. Afterwards: every article stored once (0 lost, 0 duplicated), every article in a
story, the stories those of one sequential ingest of the same articles, and ``recoupe check`` clean.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from tests.procs import recoupe, recoupe_env, recoupe_run, running

from recoupe.store import open_store

pytestmark = pytest.mark.slow

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "crosscheck_fr" / "report.jsonl"


def _records() -> list[dict[str, str]]:
    records = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("a", "b"):
            item = pair[side]
            records.append(
                {
                    "url": f"https://pairs.example/{pair['id']}/{side}",
                    "outlet": item["outlet"],
                    "date": item["published"],
                    "title": item["title"],
                    "lead": item.get("lead", ""),
                    "text": item["body"],
                    "language": "fr",
                }
            )
    return records


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _start(db: str, source: Path, cwd: Path) -> subprocess.Popen[str]:
    env = recoupe_env(db, embedder="fast-use")
    return recoupe("ingest", str(source), "--no-enrich", "--batch-size", "3", "--json", env=env, cwd=cwd)


def _stories(db: str) -> tuple[list[str], set[frozenset[str]]]:
    with open_store(db) as store:
        stored = store.articles(limit=1000)
        groups: dict[str, set[str]] = {}
        for article in stored:
            story = store.story_of(article.id)
            assert story is not None, f"{article.url} is in no story"
            groups.setdefault(story, set()).add(str(article.url))
        assert store.check_integrity() == []
    return sorted(str(article.url) for article in stored), {frozenset(group) for group in groups.values()}


@pytest.fixture
def second_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Another database on the same engine, for the sequential run."""
    if backend == "postgresql":
        factory: Callable[[], AbstractContextManager[str]] = request.getfixturevalue("new_postgres_schema")
        with factory() as url:
            yield url
    else:
        yield str(tmp_path / "sequential.db")


def test_two_overlapping_ingests_at_once_lose_nothing_double_nothing(
    db_url: str, second_db: str, tmp_path: Path
) -> None:
    records = _records()
    assert len(records) == 48
    first = _write(tmp_path / "first.jsonl", records[:32])
    second = _write(tmp_path / "second.jsonl", records[16:])  # 16 articles in both
    everything = _write(tmp_path / "all.jsonl", records)
    open_store(db_url).close()  # the schema exists before the two start

    one, two = _start(db_url, first, tmp_path), _start(db_url, second, tmp_path)
    with running(one, two):
        outputs = [process.communicate(timeout=300) for process in (one, two)]
    for process, (_, err) in zip((one, two), outputs, strict=True):
        assert process.returncode == 0, err
    summaries = [json.loads(out) for out, _ in outputs]
    assert sum(summary["new"] for summary in summaries) == 48  # each shared article stored by one of the two
    assert sum(summary["unchanged"] for summary in summaries) == 16
    assert all(summary["failed"] == 0 for summary in summaries)

    alone = _start(second_db, everything, tmp_path)
    with running(alone):
        _, err = alone.communicate(timeout=300)
    assert alone.returncode == 0, err

    together_urls, together_stories = _stories(db_url)
    alone_urls, alone_stories = _stories(second_db)
    assert together_urls == alone_urls == sorted(str(r["url"]) for r in records)  # 0 lost, 0 duplicated
    assert together_stories == alone_stories
    check = recoupe_run("--db", db_url, "check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
