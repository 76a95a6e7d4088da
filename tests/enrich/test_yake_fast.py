"""YAKE with ``yake_fast``'s methods gives the keywords and scores of the library as it ships, on real articles."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from recoupe.enrich import keywords, yake_fast

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _texts() -> list[tuple[str, str]]:
    """Seed articles, OrangeSum pages and cross-lingual articles, and a short text of odd tokens."""
    texts = [(path.read_text(encoding="utf-8"), "fr") for path in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in sorted((FIXTURES / "orangesum" / "parsed").glob("*.json"))[:30]:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.append((f"{data['title']}.\n\n{data['article']}", "fr"))
    for line in (FIXTURES / "crosslingual" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:30]:
        data = json.loads(line)
        texts.append((f"{data['title']}.\n\n{data['lead']}\n\n{data['text']}", data["language"]))
    texts.append(("PARIS, la ville de Paris ! Paris, 12 3,5 l'an 2020 ; Macron a dit : « Macron, c'est moi ».", "fr"))
    return texts


def _scored(texts: list[tuple[str, str]]) -> list[list[tuple[str, float]]]:
    return [
        keywords._extractor(keywords._yake_language(language), 10).extract_keywords(text) for text, language in texts
    ]


@pytest.mark.skipif(version("yake") != yake_fast.VERSION, reason="other YAKE versions are left as they are")
def test_same_keywords_and_scores_as_the_shipped_library() -> None:
    texts = _texts()
    keywords.extract_keywords("Un texte.", "fr")  # installs yake_fast
    assert len(yake_fast.SHIPPED) == 6
    fast = _scored(texts)
    replaced = {key: getattr(*key) for key in yake_fast.SHIPPED}
    try:
        for (owner, name), method in yake_fast.SHIPPED.items():
            setattr(owner, name, method)
        shipped = _scored(texts)
    finally:
        for (owner, name), method in replaced.items():
            setattr(owner, name, method)
    assert sum(len(phrases) for phrases in fast) > 1000
    assert fast == shipped  # the same phrases, in the same order, with the same float scores


def _state(core: Any) -> tuple[Any, ...]:
    """Everything a ``DataCore`` holds after its build, in order."""
    return (
        core.number_of_sentences,
        core.number_of_words,
        dict(core.freq_ns),
        core.sentences_str,
        [
            (key, c.tags, c.tf, c.kw, c.unique_kw, c.size, [t.id for t in c.terms], c.start_or_end_stopwords, c.h)
            for key, c in core.candidates.items()
        ],
        [(key, t.id, t.data, t._graph_metrics_cache, t._graph_version) for key, t in core.terms.items()],
        list(core.g.nodes),
        list(core.g.edges(data=True)),
        [
            [[(tag, word, term.id) for tag, word, term in block] for block in sentence]
            for sentence in core.sentences_obj
        ],
    )


@pytest.mark.skipif(version("yake") != yake_fast.VERSION, reason="other YAKE versions are left as they are")
def test_build_and_phrase_scores_leave_the_state_of_the_shipped_library() -> None:
    from yake.data.core import DataCore  # type: ignore[import-untyped]

    keywords.extract_keywords("Un texte.", "fr")  # installs yake_fast
    texts = [*_texts(), ("Σ ΟΔΟΣ. Ééé É-É 'x' x' l’État, l'État... !!! ?? 3e 1,5.", "fr"), ("…", "en")]
    config = {"windows_size": 1, "n": 3}

    def states() -> list[tuple[Any, ...]]:
        out = []
        for text, language in texts:
            stopwords = keywords._extractor(keywords._yake_language(language), 10).stopword_set
            core = DataCore(text=text.replace("\n", " "), stopword_set=stopwords, config=config)
            built = _state(core)
            core.build_single_terms_features(features=None)
            core.build_mult_terms_features(features=None)
            out.append((built, _state(core)))
        return out

    fast = states()
    names = ("_build", "build_mult_terms_features")
    replaced = {name: getattr(DataCore, name) for name in names}
    try:
        for name in names:
            setattr(DataCore, name, yake_fast.SHIPPED[DataCore, name])
        shipped = states()
    finally:
        for name, method in replaced.items():
            setattr(DataCore, name, method)
    assert fast == shipped  # built, then scored: every term's and phrase's score the same float
