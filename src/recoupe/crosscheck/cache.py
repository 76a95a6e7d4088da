"""What the cross-check keeps in the store: sentence vectors (by text) and computed cross-checks (by story)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import delete, insert, select

from recoupe.store.schema import crosschecks, sentence_vectors
from recoupe.store.stories import decode_vector, encode_vector

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from numpy.typing import NDArray

    from recoupe.crosscheck.report import CrossCheck
    from recoupe.enrich.embed import Embedder
    from recoupe.store import Store

__all__ = ["cached_embed", "load_report", "save_report", "stored_counts"]

_CHUNK = 500


def cached_embed(store: Store, embedder: Embedder) -> Callable[[Sequence[str]], NDArray[np.float32]]:
    """``embed(texts)`` through the store: a sentence embedded once is read back, never embedded again."""

    def embed(texts: Sequence[str]) -> NDArray[np.float32]:
        hashes = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        known: dict[str, NDArray[np.float32]] = {}
        unique = sorted(set(hashes))
        with store.transaction(write=False) as conn:
            for start in range(0, len(unique), _CHUNK):
                query = select(sentence_vectors.c.text_hash, sentence_vectors.c.vector).where(
                    sentence_vectors.c.model == embedder.name,
                    sentence_vectors.c.text_hash.in_(unique[start : start + _CHUNK]),
                )
                known.update({row.text_hash: decode_vector(row.vector) for row in conn.execute(query)})
        missing = [h for h in unique if h not in known]
        if missing:
            text_of = dict(zip(hashes, texts, strict=True))
            vectors = embedder.embed([text_of[h] for h in missing])
            fresh = dict(zip(missing, vectors, strict=True))
            known.update(fresh)
            with store.transaction(write=True) as conn:
                conn.execute(
                    insert(sentence_vectors).prefix_with("OR IGNORE", dialect="sqlite"),
                    [{"model": embedder.name, "text_hash": h, "vector": encode_vector(v)} for h, v in fresh.items()],
                )
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32)
        return np.stack([known[h] for h in hashes]).astype(np.float32)

    return embed


def save_report(store: Store, result: CrossCheck, report: str) -> None:
    with store.transaction(write=True) as conn:
        conn.execute(delete(crosschecks).where(crosschecks.c.story_id == result.story_id))
        conn.execute(
            insert(crosschecks).values(
                story_id=result.story_id,
                signature=result.signature,
                computed_at=datetime.now(UTC),
                counts=json.dumps(result.counts()),
                report=report,
            )
        )


def load_report(store: Store, story_id: str, signature: str) -> CrossCheck | None:
    """The stored cross-check of a story if it was computed from the same articles (``signature``)."""
    from recoupe.crosscheck.report import from_dict

    with store.transaction(write=False) as conn:
        row = conn.execute(select(crosschecks).where(crosschecks.c.story_id == story_id)).mappings().one_or_none()
    if row is None or row["signature"] != signature:
        return None
    return from_dict(json.loads(row["report"]))


def stored_counts(store: Store, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{story id: {verdict: n}}`` for the stories among ``story_ids`` that were cross-checked."""
    with store.transaction(write=False) as conn:
        query = select(crosschecks.c.story_id, crosschecks.c.counts).where(crosschecks.c.story_id.in_(list(story_ids)))
        return {row.story_id: json.loads(row.counts) for row in conn.execute(query)}
