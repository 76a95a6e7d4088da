"""``StoriesMixin``: stories as the faces read them, and the cross-checks kept for them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from recoupe.errors import NotFoundError, QueryError
from recoupe.store import crosschecks
from recoupe.store import stories as story_table
from recoupe.store.core import StoreCore, check_page
from recoupe.store.rows import article_from_row
from recoupe.store.schema import articles, stories

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    import numpy as np
    from numpy.typing import NDArray

    from recoupe.model import Article, StoryRow

__all__ = ["StoriesMixin"]


class StoriesMixin(StoreCore):
    """Stories and cross-checks (see ``recoupe.store.protocol.Store``)."""

    def stories(
        self,
        *,
        order: str = "latest",
        min_articles: int = 1,
        min_outlets: int = 1,
        language: str | None = None,
        since: date | None = None,
        until: date | None = None,
        entity: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Stories: ``latest`` (last seen first), ``biggest`` (most independent outlets) or ``oldest``.

        ``min_outlets`` counts independent outlets (wire copies count for their original's outlet);
        ``since``/``until`` keep stories seen on or after / before the end of those days; ``entity`` is a
        folded entity key (``recoupe entities`` shows them) named by one of the story's articles.
        """
        check_page(limit, offset)
        if order not in story_table.STORY_ORDERS:
            raise QueryError(f"unknown story order {order!r} (known: {', '.join(story_table.STORY_ORDERS)})")
        with self._connect(write=False) as conn:
            return story_table.list_stories(
                conn,
                order=order,
                min_articles=min_articles,
                min_outlets=min_outlets,
                language=language,
                since=since.isoformat() if since else None,
                until=(until + timedelta(days=1)).isoformat() if until and until < date.max else None,
                entity_key=entity,
                limit=limit,
                offset=offset,
            )

    def story_row(self, story_id: str) -> StoryRow:
        """A story by id or unique prefix (6+ characters); a merged story's id leads to the story it joined."""
        with self._connect(write=False) as conn:
            found = story_table.resolve(conn, story_id)
            row = story_table.story_row(conn, found) if found else None
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}", where=self.where)
        return row

    def story_articles(self, story_id: str) -> list[tuple[Article, tuple[str, float] | None]]:
        """The articles of a story, oldest first (undated last), each with its copy mark (original, similarity)."""
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            ids = sorted(story_table.story_member_ids(conn, [row.id]))
            marks = story_table.copies_of(conn, ids)
            found = conn.execute(select(articles).where(articles.c.id.in_(ids))).mappings().all()
        items = [article_from_row(r, article_id=r["id"]) for r in found]
        items.sort(key=lambda a: (a.published.sort_key() if a.published else "~", a.id))
        return [(a, marks.get(a.id)) for a in items]

    def story_neighbours(self, story_id: str, *, limit: int = 20) -> list[Article]:
        """Articles outside a story linked to one of its members (an edge), best-linked first.

        Story pages show those that are not news (an op-ed, an explainer) as the story's related pieces.
        """
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            ids = story_table.neighbours(conn, row.id, limit)
            found = conn.execute(select(articles).where(articles.c.id.in_(ids))).mappings().all() if ids else []
        by_id = {r["id"]: article_from_row(r, article_id=r["id"]) for r in found}
        return [by_id[i] for i in ids if i in by_id]

    def story_entities(self, story_id: str, *, limit: int = 10) -> list[tuple[str, str, int]]:
        """``(name, label, articles naming it)`` for a story's most-named entities."""
        row = self.story_row(story_id)
        with self._connect(write=False) as conn:
            return story_table.top_entities(conn, row.id, limit)

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article (id or prefix) belongs to, ``None`` before it is assigned."""
        with self._connect(write=False) as conn:
            return story_table.story_of(conn, self._resolve(conn, article_id))

    def copy_of(self, article_id: str) -> tuple[str, float] | None:
        """``(original id, similarity)`` when the article (id or prefix) copies an earlier one from another outlet."""
        with self._connect(write=False) as conn:
            found = self._resolve(conn, article_id)
            return story_table.copies_of(conn, [found]).get(found)

    def story_count(self) -> int:
        """How many stories there are (merged stories not counted)."""
        query = select(func.count()).select_from(stories)
        with self._connect(write=False) as conn:
            return int(conn.execute(query).scalar_one())

    # -- cross-checks --------------------------------------------------------------------------------

    def sentence_vectors(self, model: str, hashes: Sequence[str]) -> dict[str, NDArray[np.float32]]:
        """The stored vectors of the sentences among ``hashes`` (sha256 of the text) embedded by ``model``."""
        with self._connect(write=False) as conn:
            return crosschecks.vectors_of(conn, model, hashes)

    def add_sentence_vectors(self, model: str, vectors: Mapping[str, NDArray[np.float32]]) -> None:
        """Keep sentence vectors (``{text hash: vector}``); one already stored is left as it is."""
        if not vectors:
            return
        with self._connect(write=True) as conn:
            crosschecks.add_sentence_vectors(conn, model, vectors)

    def save_crosscheck(self, story_id: str, signature: str, counts: Mapping[str, Any], report: str) -> None:
        """Store a story's cross-check (JSON ``report``, verdict ``counts``), replacing the one it had."""
        with self._connect(write=True) as conn:
            crosschecks.save_report(conn, story_id, signature, counts, report)

    def crosscheck_report(self, story_id: str) -> tuple[str, str] | None:
        """``(signature, JSON report)`` of the story's stored cross-check; ``None`` when there is none."""
        with self._connect(write=False) as conn:
            return crosschecks.load_report(conn, story_id)

    def crosscheck_counts(self, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """``{story id: {verdict: n}}`` for the stories among ``story_ids`` that were cross-checked."""
        with self._connect(write=False) as conn:
            return crosschecks.counts_of(conn, story_ids)
