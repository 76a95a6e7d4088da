"""``SqlStoryTx``: the ``StoryTx`` unit of work over one SQLAlchemy connection (both engines).

The SQL lives in ``recoupe.store.stories``; this class only binds it to the transaction's connection,
so that story assignment never holds a connection itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.store import stories as sql

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from datetime import datetime

    import numpy as np
    from numpy.typing import NDArray
    from sqlalchemy import Connection

    from recoupe.model import EmbeddingRow, StoryMember, StoryRow

__all__ = ["SqlStoryTx"]


class SqlStoryTx:
    """The story tables inside one transaction (see ``recoupe.store.protocol.StoryTx``)."""

    __slots__ = ("_conn",)

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def embedding_count(self, model: str) -> int:
        return sql.embedding_count(self._conn, model)

    def iter_embeddings(self, model: str) -> Iterator[tuple[str, int | None, NDArray[np.float32]]]:
        return sql.iter_embeddings(self._conn, model)

    def embedded_hashes(self, ids: Sequence[str], model: str) -> dict[str, str]:
        return sql.embedded_hashes(self._conn, ids, model)

    def vectors_for_hashes(self, hashes: Sequence[str], model: str) -> dict[str, NDArray[np.float32]]:
        return sql.vectors_for_hashes(self._conn, hashes, model)

    def save_embeddings(self, rows: Sequence[EmbeddingRow]) -> None:
        sql.save_embeddings(self._conn, rows)

    def publication_days(self, ids: Sequence[str]) -> dict[str, tuple[int, int] | None]:
        return sql.publication_days(self._conn, ids)

    def outlets_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        return sql.outlets_of(self._conn, ids)

    def load_members(self, ids: Sequence[str], model: str) -> list[StoryMember]:
        return sql.load_members(self._conn, ids, model)

    def document_frequency(self, keys: Iterable[str]) -> tuple[dict[str, int], int]:
        return sql.document_frequency(self._conn, keys)

    def copies_of(self, ids: Sequence[str]) -> dict[str, tuple[str, float]]:
        return sql.copies_of(self._conn, ids)

    def save_copies(self, found: Mapping[str, tuple[str, float] | None]) -> None:
        sql.save_copies(self._conn, found)

    def replace_edges(self, ids: Sequence[str], edges: Iterable[tuple[str, str, float]]) -> None:
        sql.replace_edges(self._conn, ids, edges)

    def component(self, seeds: Iterable[str], limit: int) -> tuple[set[str], bool]:
        return sql.component(self._conn, seeds, limit)

    def memberships(self, ids: Sequence[str]) -> dict[str, str]:
        return sql.memberships(self._conn, ids)

    def story_member_ids(self, story_ids: Iterable[str]) -> set[str]:
        return sql.story_member_ids(self._conn, story_ids)

    def write_stories(
        self,
        assignment: Mapping[str, str],
        rows: Sequence[StoryRow],
        redirects: Mapping[str, str],
        now: datetime,
    ) -> None:
        sql.write_stories(self._conn, assignment, rows, redirects, now)

    def clear_edges(self) -> None:
        sql.clear_edges(self._conn)

    def drop_empty_stories(self) -> None:
        sql.drop_empty_stories(self._conn)

    def clear_stories(self) -> None:
        sql.clear(self._conn)
