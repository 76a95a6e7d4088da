"""``ProfilesMixin``: outlet profiles and blind spots, read from the stories, entities and stored cross-checks.

What counts (see ``recoupe.profiles``): verdicts come from the stored cross-check reports (a story never
cross-checked adds nothing), each verdict counted once per outlet having a statement in it; an exclusive
story has articles from one outlet only; a story's *main* entities are the people and organisations (``PER``,
``ORG``: places and events are named everywhere) that at least half of its articles name.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import Connection, distinct, func, select

from recoupe.errors import NotFoundError
from recoupe.profiles import USUAL_STORIES, BlindSpot, NotCovering, OutletProfile
from recoupe.store import stories as story_table
from recoupe.store.core import StoreCore
from recoupe.store.rows import outlet_key
from recoupe.store.schema import article_entities, articles, copies, crosschecks, stories, story_articles

if TYPE_CHECKING:
    from collections.abc import Iterable

    from recoupe.model import StoryRow

__all__ = ["ProfilesMixin"]

PEOPLE = ("PER", "ORG")
#: main entities of a story considered for its "not covered by" list
MAIN_ENTITIES = 5


def _names(conn: Connection) -> dict[str, str]:
    """``{outlet key: display name}`` (the first spelling in sort order, as ``Store.outlets``)."""
    query = (
        select(articles.c.outlet_key, func.min(articles.c.outlet))
        .where(articles.c.outlet_key.is_not(None))
        .group_by(articles.c.outlet_key)
    )
    return {str(k): str(n) for k, n in conn.execute(query)}


def _verdicts(conn: Connection, only: str | None) -> dict[str, Counter[str]]:
    """``{outlet key: {verdict: n}}`` over the stored cross-checks (those of ``only``'s stories)."""
    query = select(crosschecks.c.story_id, crosschecks.c.report)
    if only is not None:
        covered = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(articles.c.outlet_key == only)
        )
        query = query.where(crosschecks.c.story_id.in_(covered))
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for _story_id, report in conn.execute(query):
        verdicts = json.loads(report).get("verdicts", [])
        ids = {s.get("article_id") for v in verdicts for s in v.get("statements", [])}
        keys = _outlet_keys(conn, [i for i in ids if isinstance(i, str)])
        for verdict in verdicts:
            seen = {keys.get(s.get("article_id")) for s in verdict.get("statements", [])}
            for key in seen - {None}:
                if only is None or key == only:
                    out[str(key)][str(verdict.get("verdict"))] += 1
    return out


def _outlet_keys(conn: Connection, ids: list[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        query = select(articles.c.id, articles.c.outlet_key).where(articles.c.id.in_(ids[start : start + 500]))
        found.update({str(i): k for i, k in conn.execute(query)})
    return found


def _story_outlets(conn: Connection) -> tuple[Counter[str], Counter[str]]:
    """Per outlet key: stories it has an article in, and stories it alone covers."""
    query = (
        select(story_articles.c.story_id, articles.c.outlet_key)
        .join(articles, articles.c.id == story_articles.c.article_id)
        .distinct()
    )
    by_story: dict[str, set[str | None]] = defaultdict(set)
    for story_id, key in conn.execute(query):
        by_story[str(story_id)].add(key)
    covered: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for keys in by_story.values():
        for key in keys - {None}:
            covered[str(key)] += 1
        if len(keys) == 1 and None not in keys:
            alone[str(next(iter(keys)))] += 1
    return covered, alone


def _usual(conn: Connection, key: str) -> dict[str, str]:
    """``{entity key: name}`` of the people and organisations named in ``USUAL_STORIES``+ of the outlet's stories."""
    stories_naming = func.count(distinct(story_articles.c.story_id))
    query = (
        select(article_entities.c.key, func.min(article_entities.c.canonical))
        .join(articles, articles.c.id == article_entities.c.article_id)
        .join(story_articles, story_articles.c.article_id == article_entities.c.article_id)
        .where(articles.c.outlet_key == key, article_entities.c.label.in_(PEOPLE))
        .group_by(article_entities.c.key)
        .having(stories_naming >= USUAL_STORIES)
    )
    return {str(k): str(n) for k, n in conn.execute(query)}


def _main_entities(conn: Connection, story_ids: Iterable[str], keys: Iterable[str] | None) -> dict[str, list[str]]:
    """``{story id: [entity key]}``: the people and organisations at least half of each story's articles name."""
    naming = func.count(distinct(story_articles.c.article_id)).label("n")
    query = (
        select(story_articles.c.story_id, article_entities.c.key, naming, stories.c.articles)
        .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
        .join(stories, stories.c.id == story_articles.c.story_id)
        .where(article_entities.c.label.in_(PEOPLE))
        .group_by(story_articles.c.story_id, article_entities.c.key, stories.c.articles)
    )
    wanted = sorted(set(story_ids))
    if keys is not None:
        query = query.where(article_entities.c.key.in_(sorted(set(keys))))
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, max(len(wanted), 1), 500):
        chunk = query.where(story_articles.c.story_id.in_(wanted[start : start + 500]))
        for story_id, entity, n, total in conn.execute(chunk):
            if 2 * int(n) >= int(total):
                out[str(story_id)].append((-int(n), str(entity)))
    return {s: [k for _, k in sorted(v)][:MAIN_ENTITIES] for s, v in out.items()}


class ProfilesMixin(StoreCore):
    """Outlet profiles and blind spots (see ``recoupe.store.protocol.Store``)."""

    def outlet_profiles(self) -> list[OutletProfile]:
        """Every outlet's profile, most articles first (as ``outlets()``)."""
        count = func.count().label("n")
        copied = func.count(copies.c.article_id).label("c")
        query = (
            select(articles.c.outlet_key, func.min(articles.c.outlet), count, copied)
            .select_from(articles.outerjoin(copies, copies.c.article_id == articles.c.id))
            .where(articles.c.outlet_key.is_not(None))
            .group_by(articles.c.outlet_key)
            .order_by(count.desc(), articles.c.outlet_key)
        )
        with self._connect(write=False) as conn:
            rows = conn.execute(query).all()
            covered, alone = _story_outlets(conn)
            verdicts = _verdicts(conn, None)
        return [
            OutletProfile(str(name), int(n), int(c), covered[key], alone[key], dict(verdicts.get(key, {})))
            for key, name, n, c in rows
        ]

    def outlet_profile(self, outlet: str) -> OutletProfile:
        """One outlet's profile (its name case-insensitive)."""
        key = outlet_key(outlet)
        found = [p for p in self.outlet_profiles() if outlet_key(p.name) == key] if key else []
        if not found:
            raise NotFoundError(f"no articles from an outlet named {outlet!r}", where=self.where)
        return found[0]

    def outlet_exclusives(self, outlet: str, *, limit: int = 20) -> list[StoryRow]:
        """Stories only this outlet covers, latest first."""
        key = outlet_key(outlet)
        others = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where((articles.c.outlet_key != key) | articles.c.outlet_key.is_(None))
        )
        mine = (
            select(story_articles.c.story_id)
            .join(articles, articles.c.id == story_articles.c.article_id)
            .where(articles.c.outlet_key == key)
        )
        query = (
            select(stories)
            .where(stories.c.id.in_(mine), stories.c.id.not_in(others))
            .order_by(*story_table.STORY_ORDERS["latest"])
            .limit(limit)
        )
        with self._connect(write=False) as conn:
            return [story_table.row_from(r) for r in conn.execute(query).mappings()]

    def outlet_blind_spots(self, outlet: str, *, min_outlets: int = 2, limit: int = 20) -> list[BlindSpot]:
        """Stories told by ``min_outlets``+ independent outlets about people or organisations this outlet
        usually covers, that it has no article in; most independent outlets first."""
        key = outlet_key(outlet)
        if key is None:
            return []
        with self._connect(write=False) as conn:
            usual = _usual(conn, key)
            if not usual:
                return []
            mine = (
                select(story_articles.c.story_id)
                .join(articles, articles.c.id == story_articles.c.article_id)
                .where(articles.c.outlet_key == key)
            )
            naming = (
                select(story_articles.c.story_id)
                .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
                .where(article_entities.c.key.in_(sorted(usual)))
            )
            candidates = (
                select(stories)
                .where(
                    stories.c.independent >= min_outlets,
                    stories.c.id.in_(naming),
                    stories.c.id.not_in(mine),
                )
                .order_by(*story_table.STORY_ORDERS["biggest"])
                .limit(limit * 5)
            )
            rows = [story_table.row_from(r) for r in conn.execute(candidates).mappings()]
            main = _main_entities(conn, [r.id for r in rows], usual)
        spots = [BlindSpot(r, tuple(usual[k] for k in main[r.id])) for r in rows if main.get(r.id)]
        return spots[:limit]

    def not_covered_by(self, story_id: str, *, limit: int = 10) -> list[NotCovering]:
        """Outlets that usually cover the story's main people or organisations and have no article in it,
        those sharing the most of them first."""
        with self._connect(write=False) as conn:
            found = story_table.resolve(conn, story_id)
            if found is None:
                raise NotFoundError(f"no story with id {story_id!r}", where=self.where)
            main = _main_entities(conn, [found], None).get(found, [])
            if not main:
                return []
            present = (
                select(articles.c.outlet_key)
                .join(story_articles, story_articles.c.article_id == articles.c.id)
                .where(story_articles.c.story_id == found, articles.c.outlet_key.is_not(None))
            )
            stories_naming = func.count(distinct(story_articles.c.story_id))
            query = (
                select(articles.c.outlet_key, article_entities.c.key, func.min(article_entities.c.canonical))
                .join(articles, articles.c.id == article_entities.c.article_id)
                .join(story_articles, story_articles.c.article_id == article_entities.c.article_id)
                .where(
                    article_entities.c.key.in_(main),
                    articles.c.outlet_key.is_not(None),
                    articles.c.outlet_key.not_in(present),
                )
                .group_by(articles.c.outlet_key, article_entities.c.key)
                .having(stories_naming >= USUAL_STORIES)
            )
            covering: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for key, entity, name in conn.execute(query):
                covering[str(key)].append((main.index(str(entity)), str(name)))
            names = _names(conn)
        ranked = sorted(covering.items(), key=lambda item: (-len(item[1]), min(item[1])[0], item[0]))
        return [NotCovering(names[k], tuple(n for _, n in sorted(v))) for k, v in ranked[:limit]]
