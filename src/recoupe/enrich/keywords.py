"""Keywords: YAKE, unsupervised and language-aware (its stop-word list per language), for any language.

What is resolved: up to ``top`` key phrases of one to three words, best first, near-duplicates removed
(YAKE's own ``dedup_lim`` plus a case/accent-folded check that drops a phrase contained in a better
one, e.g. "Musk" after "Elon Musk"). What is guessed: YAKE scores statistics of one text (position,
frequency, casing, spread), so phrases are the text's salient terms, not a topic classification.
Languages YAKE has no stop words for use its language-neutral list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.folding import fold

if TYPE_CHECKING:
    from yake import KeywordExtractor  # type: ignore[import-untyped]  # yake ships no type hints

__all__ = ["extract_keywords"]

#: ISO 639-1 codes whose YAKE stop-word file has another name
_YAKE_CODES = {"cs": "cz"}
#: languages YAKE ships stop words for (yake/core/StopwordsList)
_YAKE_LANGUAGES = frozenset(
    [
        "ar",
        "bg",
        "br",
        "cz",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fa",
        "fi",
        "fr",
        "hi",
        "hr",
        "hu",
        "hy",
        "id",
        "it",
        "ja",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sv",
        "tr",
        "uk",
        "zh",
    ]
)
_ELISION = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)

#: YAKE reads at most this much of an article (its cost grows with the number of candidate phrases)
MAX_KEYWORD_CHARS = 20_000


@lru_cache(maxsize=32)
def _extractor(language: str, top: int) -> KeywordExtractor:
    import yake

    from recoupe.enrich import yake_fast

    yake_fast.install()
    return yake.KeywordExtractor(lan=language, n=3, dedup_lim=0.8, top=top * 2)


def _fold(text: str) -> str:
    return " ".join(fold(text.replace("'", " ").replace("’", " ")).split())


def _yake_language(language: str | None) -> str:
    code = _YAKE_CODES.get(language or "", language or "")
    return code if code in _YAKE_LANGUAGES else "noLang"


def extract_keywords(text: str, language: str | None, *, top: int = 10) -> list[str]:
    """Up to ``top`` keywords of ``text``, best first, as written in the text."""
    text = text[:MAX_KEYWORD_CHARS]
    if not re.search(r"\w\w", text):
        return []
    scored = _extractor(_yake_language(language), top).extract_keywords(text)
    kept: list[str] = []
    folded: list[str] = []
    for phrase, _score in scored:
        phrase = phrase.strip(" \t\n'’\"«»-–")  # noqa: PLW2901 - cleaned in place
        phrase = _ELISION.sub("", phrase)  # noqa: PLW2901 - "d'Elon Musk" is the keyword "Elon Musk"
        key = _fold(phrase)
        if len(key) < 2 or key.isdigit():
            continue
        padded = f" {key} "
        if any(padded in f" {other} " or f" {other} " in padded for other in folded):
            continue
        kept.append(phrase)
        folded.append(key)
        if len(kept) == top:
            break
    return kept
