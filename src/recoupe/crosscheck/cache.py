"""What the cross-check keeps in the store: sentence vectors (by text) and computed cross-checks (by story).

Through the ``Store`` protocol only (``sentence_vectors``, ``add_sentence_vectors``, ``*_crosscheck``):
no SQL here. Reports travel as JSON text; ``recoupe.crosscheck.report`` turns them into ``CrossCheck``.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from numpy.typing import NDArray

    from recoupe.enrich.embed import Embedder
    from recoupe.store import Store

__all__ = ["cached_embed", "load_report", "save_report", "stored_counts"]


def cached_embed(store: Store, embedder: Embedder) -> Callable[[Sequence[str]], NDArray[np.float32]]:
    """``embed(texts)`` through the store: a sentence embedded once is read back, never embedded again."""

    def embed(texts: Sequence[str]) -> NDArray[np.float32]:
        hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        unique = sorted(set(hashes))
        known: dict[str, NDArray[np.float32]] = store.sentence_vectors(embedder.name, unique) if unique else {}
        missing = [h for h in unique if h not in known]
        if missing:
            text_of = dict(zip(hashes, texts, strict=True))
            vectors = embedder.embed([text_of[h] for h in missing])
            fresh = dict(zip(missing, vectors, strict=True))
            known.update(fresh)
            store.add_sentence_vectors(embedder.name, fresh)
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        return np.stack([known[h] for h in hashes]).astype(np.float32)

    return embed


def save_report(store: Store, story_id: str, signature: str, counts: Mapping[str, Any], report: str) -> None:
    """Store a story's cross-check (its JSON ``report``), replacing the one it had."""
    store.save_crosscheck(story_id, signature, counts, report)


def load_report(store: Store, story_id: str, signature: str) -> dict[str, Any] | None:
    """The stored cross-check of a story, as a dict, if it was computed from the same articles (``signature``)."""
    found = store.crosscheck_report(story_id)
    if found is None or found[0] != signature:
        return None
    data: dict[str, Any] = json.loads(found[1])
    return data


def stored_counts(store: Store, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{story id: {verdict: n}}`` for the stories among ``story_ids`` that were cross-checked."""
    return store.crosscheck_counts(story_ids)
