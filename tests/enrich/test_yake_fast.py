"""YAKE with ``yake_fast``'s methods gives the keywords and scores of the library as it ships, on real articles."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

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
    assert len(yake_fast.SHIPPED) == 4
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
