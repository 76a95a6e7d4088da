"""Language identification with py3langid (ISO 639-1 codes)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language"]

_MIN_CHARS = 20
_MIN_PROBABILITY = 0.5
_SAMPLE = 3000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The most likely language of ``text``, or ``None`` when the text is too short or the model unsure."""
    sample = " ".join(text[:_SAMPLE].split())
    if sum(ch.isalpha() for ch in sample) < _MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= _MIN_PROBABILITY else None
