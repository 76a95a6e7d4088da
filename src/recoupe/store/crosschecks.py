"""What the cross-check keeps: sentence vectors (by model and text hash) and computed reports (by story).

Functions over a ``Connection`` (the caller's transaction). ``add_sentence_vectors`` is an insert that
ignores the rows already there, on either engine (``ON CONFLICT DO NOTHING``): two processes that
embed the same sentence at once both succeed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select

from recoupe.store.schema import crosschecks, sentence_vectors
from recoupe.store.stories import decode_vector, encode_vector

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import numpy as np
    from numpy.typing import NDArray

__all__ = ["add_sentence_vectors", "counts_of", "load_report", "save_report", "vectors_of"]

_CHUNK = 500


def vectors_of(conn: Connection, model: str, hashes: Sequence[str]) -> dict[str, NDArray[np.float32]]:
    """The stored vectors among ``hashes`` (sha256 of the sentence) for ``model``."""
    unique = sorted(set(hashes))
    found: dict[str, NDArray[np.float32]] = {}
    for start in range(0, len(unique), _CHUNK):
        query = select(sentence_vectors.c.text_hash, sentence_vectors.c.vector).where(
            sentence_vectors.c.model == model,
            sentence_vectors.c.text_hash.in_(unique[start : start + _CHUNK]),
        )
        found.update({row.text_hash: decode_vector(row.vector) for row in conn.execute(query)})
    return found


def add_sentence_vectors(conn: Connection, model: str, vectors: Mapping[str, NDArray[np.float32]]) -> None:
    """Store each ``{text hash: vector}``; a hash already stored for ``model`` keeps its vector."""
    if not vectors:
        return
    from sqlalchemy.dialects import postgresql, sqlite  # the PostgreSQL dialect costs 70 ms to import

    rows = [{"model": model, "text_hash": h, "vector": encode_vector(v)} for h, v in vectors.items()]
    if conn.dialect.name == "postgresql":
        conn.execute(postgresql.insert(sentence_vectors).on_conflict_do_nothing(), rows)
    else:
        conn.execute(sqlite.insert(sentence_vectors).on_conflict_do_nothing(), rows)


def save_report(conn: Connection, story_id: str, signature: str, counts: Mapping[str, Any], report: str) -> None:
    """Store (replacing) the cross-check of a story: its signature, verdict counts and JSON report."""
    conn.execute(delete(crosschecks).where(crosschecks.c.story_id == story_id))
    conn.execute(
        insert(crosschecks).values(
            story_id=story_id,
            signature=signature,
            computed_at=datetime.now(UTC),
            counts=json.dumps(dict(counts)),
            report=report,
        )
    )


def load_report(conn: Connection, story_id: str) -> tuple[str, str] | None:
    """``(signature, JSON report)`` of a story's stored cross-check, ``None`` when it has none."""
    row = conn.execute(
        select(crosschecks.c.signature, crosschecks.c.report).where(crosschecks.c.story_id == story_id)
    ).one_or_none()
    return (str(row.signature), str(row.report)) if row is not None else None


def counts_of(conn: Connection, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{story id: {verdict: n}}`` for the stories among ``story_ids`` that were cross-checked."""
    query = select(crosschecks.c.story_id, crosschecks.c.counts).where(crosschecks.c.story_id.in_(list(story_ids)))
    return {row.story_id: json.loads(row.counts) for row in conn.execute(query)}
