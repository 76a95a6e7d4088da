"""Texts parsed together (``NlpModels.parsed_ahead``, one ``nlp.pipe`` pass) give the docs and enrichments of
texts parsed one by one; each doc parsed ahead is handed out once, and a failed batch falls back to one by one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from recoupe.config import Settings
from recoupe.enrich import NlpModels
from recoupe.extract import extract
from recoupe.model import Article, Enrichment, Failure, Provenance
from recoupe.pipeline import enrich_many, enrich_one
from recoupe.sources.pages import read_text_file

if TYPE_CHECKING:
    from spacy.tokens import Doc

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def _articles(settings: Settings) -> list[Article]:
    """Real texts in both languages (seed articles, OrangeSum pages, the cross-lingual fixtures), an empty one,
    one in a language without a model, and one text twice."""
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))
    articles = [extract(read_text_file(path, settings), settings) for path in seeds]
    for path in sorted((FIXTURES / "orangesum" / "parsed").glob("*.json"))[:4]:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles.append(
            Article.build(
                title=data["title"], body=data["article"], provenance=Provenance(str(path), "json"), language="fr"
            )
        )
    lines = (FIXTURES / "crosslingual" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[10:16]):
        data = json.loads(line)
        where = Provenance("articles.jsonl", "jsonl", line=number)
        articles.append(
            Article.build(
                title=data["title"], lead=data["lead"], body=data["text"], provenance=where, language=data["language"]
            )
        )
    articles.append(Article.build(title="Titel", body="Der Text.", provenance=Provenance("x", "t"), language="de"))
    articles.append(Article.build(title=" ", body="", provenance=Provenance("y", "t"), language="fr"))
    articles.append(articles[3])  # the same text twice in one batch
    return articles


def _tokens(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (
            t.text,
            t.lemma_,
            t.pos_,
            t.tag_,
            str(t.morph),
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.ent_id_,
            t.is_sent_start,
        )
        for t in doc
    ]


def _json(results: Sequence[Enrichment | Failure]) -> list[str]:
    return [json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False) for result in results]


def test_batched_enrichments_are_the_one_by_one_enrichments(models: NlpModels, settings: Settings) -> None:
    articles = _articles(settings)
    assert {a.language for a in articles} >= {"fr", "en", "de"}
    alone = [enrich_one(article, models) for article in articles]
    together = enrich_many(articles, models)
    assert all(isinstance(result, Enrichment) for result in together)
    assert _json(together) == _json(alone)


def test_docs_parsed_ahead_are_the_docs_parsed_alone(models: NlpModels, settings: Settings) -> None:
    texts = [(article.text, article.language) for article in _articles(settings)[:8]]
    alone = [_tokens(models.parse(text, str(language))) for text, language in texts]
    with models.parsed_ahead(texts):
        first = [models.parse(text, str(language)) for text, language in texts]
        again = [models.parse(text, str(language)) for text, language in texts]  # each ahead doc handed out once
    assert [_tokens(doc) for doc in first] == alone
    assert [_tokens(doc) for doc in again] == alone
    assert all(a is not b for a, b in zip(first, again, strict=True))


def test_a_failed_batch_is_parsed_one_by_one(
    models: NlpModels, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _articles(settings)[:4]
    alone = _json([enrich_one(article, models) for article in articles])

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("batch broke")

    monkeypatch.setattr(NlpModels, "parse_batch", broken)
    assert _json(enrich_many(articles, models)) == alone
