"""Reading and writing stories: embeddings, wire copies, story membership, edges and redirects.

Functions over a ``Connection`` (the caller's transaction), used by ``Store``'s story methods.

Embeddings are stored as little-endian float16 (half the size of float32; cosine changes by < 1e-3),
with the sha256 of the text they were computed on: an article whose embedded text did not change, or
that has the same text as another article, is never embedded again.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, case, delete, func, insert, or_, select, update

from recoupe.model import DatePrecision, EmbeddingRow, StoryMember, StoryRow
from recoupe.store.schema import (
    article_entities,
    articles,
    copies,
    embeddings,
    enrichments,
    stories,
    story_articles,
    story_edges,
    story_redirects,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from datetime import datetime

    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "EmbeddingRow",
    "StoryMember",
    "StoryRow",
    "day_interval",
    "decode_vector",
    "encode_vector",
    "outlets_of",
    "publication_days",
]

_CHUNK = 500  # ids per IN (...) clause
_HEAD = 600  # characters of the body read for a member's genre and agency stamps
_TAIL = 300


def encode_vector(vector: NDArray[np.float32]) -> bytes:
    import numpy as np  # numpy only where vectors are read or written (not for search, listing)

    return np.asarray(vector, dtype="<f2").tobytes()


def decode_vector(blob: bytes) -> NDArray[np.float32]:
    import numpy as np

    return np.frombuffer(blob, dtype="<f2").astype(np.float32)


def day_interval(published_value: str | None, precision: str | None) -> tuple[int, int] | None:
    """A stored publication date as an inclusive interval of day ordinals (``None``: undated)."""
    if not published_value or not precision:
        return None
    first = date.fromisoformat(published_value[:10])
    if precision == DatePrecision.YEAR.value:
        return first.toordinal(), date(first.year, 12, 31).toordinal()
    if precision == DatePrecision.MONTH.value:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.toordinal(), (following - timedelta(days=1)).toordinal()
    return first.toordinal(), first.toordinal()


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# -- embeddings -------------------------------------------------------------------------------------


def embedded_hashes(conn: Connection, ids: Sequence[str], model: str) -> dict[str, str]:
    """``{article id: text hash}`` of the articles among ``ids`` that have an embedding by ``model``."""
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        query = select(embeddings.c.article_id, embeddings.c.text_hash).where(
            embeddings.c.article_id.in_(chunk), embeddings.c.model == model
        )
        found.update({row.article_id: row.text_hash for row in conn.execute(query)})
    return found


def vectors_for_hashes(conn: Connection, hashes: Sequence[str], model: str) -> dict[str, NDArray[np.float32]]:
    """A stored vector for each text hash that any article already has (same text, same vector)."""
    found: dict[str, NDArray[np.float32]] = {}
    for chunk in _chunks(hashes):
        query = select(embeddings.c.text_hash, embeddings.c.vector).where(
            embeddings.c.text_hash.in_(chunk), embeddings.c.model == model
        )
        for row in conn.execute(query):
            found.setdefault(row.text_hash, decode_vector(row.vector))
    return found


def save_embeddings(conn: Connection, rows: Sequence[EmbeddingRow]) -> None:
    if not rows:
        return
    for chunk in _chunks([row.article_id for row in rows]):
        conn.execute(delete(embeddings).where(embeddings.c.article_id.in_(chunk)))
    conn.execute(
        insert(embeddings),
        [
            {
                "article_id": row.article_id,
                "model": row.model,
                "text_hash": row.text_hash,
                "dim": int(row.vector.shape[0]),
                "vector": encode_vector(row.vector),
                "day": row.day,
                "day_lo": row.days[0] if row.days else None,
                "day_hi": row.days[1] if row.days else None,
            }
            for row in rows
        ],
    )


def iter_embeddings(conn: Connection, model: str) -> Iterator[tuple[str, int | None, NDArray[np.float32]]]:
    """Every stored ``(article id, index day, vector)`` by ``model`` (to rebuild the vector index)."""
    query = select(embeddings.c.article_id, embeddings.c.day, embeddings.c.vector).where(embeddings.c.model == model)
    for row in conn.execute(query.execution_options(yield_per=2000)):
        yield row.article_id, row.day, decode_vector(row.vector)


def embedding_count(conn: Connection, model: str) -> int:
    query = select(func.count()).select_from(embeddings).where(embeddings.c.model == model)
    return int(conn.execute(query).scalar_one())


# -- wire copies ------------------------------------------------------------------------------------


def save_copies(conn: Connection, found: Mapping[str, tuple[str, float] | None]) -> None:
    """Record (or clear, for ``None``) the copy mark of each article in ``found``."""
    ids = list(found)
    for chunk in _chunks(ids):
        conn.execute(delete(copies).where(copies.c.article_id.in_(chunk)))
    rows = [
        {"article_id": article_id, "copy_of": match[0], "similarity": match[1]}
        for article_id, match in found.items()
        if match is not None
    ]
    if rows:
        conn.execute(insert(copies), rows)


def copies_of(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, float]]:
    """``{article id: (original id, similarity)}`` for the copies among ``ids``."""
    found: dict[str, tuple[str, float]] = {}
    for chunk in _chunks(ids):
        query = select(copies).where(copies.c.article_id.in_(chunk))
        found.update({row.article_id: (row.copy_of, float(row.similarity)) for row in conn.execute(query)})
    return found


# -- what assignment reads of articles ----------------------------------------------------------------


def publication_days(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[int, int] | None]:
    """``{article id: publication days}`` (``day_interval``) for the stored articles among ``ids``."""
    found: dict[str, tuple[int, int] | None] = {}
    for chunk in _chunks(ids):
        query = select(articles.c.id, articles.c.published_value, articles.c.published_precision).where(
            articles.c.id.in_(chunk)
        )
        found.update(
            {row.id: day_interval(row.published_value, row.published_precision) for row in conn.execute(query)}
        )
    return found


def outlets_of(conn: Connection, ids: Sequence[str]) -> dict[str, str | None]:
    """``{article id: outlet}`` for the stored articles among ``ids``."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        query = select(articles.c.id, articles.c.outlet).where(articles.c.id.in_(chunk))
        found.update({row.id: row.outlet for row in conn.execute(query)})
    return found


# -- members ----------------------------------------------------------------------------------------


def load_members(conn: Connection, ids: Sequence[str], model: str) -> list[StoryMember]:
    """The articles among ``ids`` that have an embedding by ``model``, with their entity keys."""
    keys: dict[str, set[str]] = defaultdict(set)
    members: list[StoryMember] = []
    for chunk in _chunks(ids):
        for entity_row in conn.execute(
            select(article_entities.c.article_id, article_entities.c.key).where(
                article_entities.c.article_id.in_(chunk)
            )
        ):
            keys[entity_row.article_id].add(entity_row.key)
        query = (
            select(
                articles.c.id,
                articles.c.title,
                articles.c.outlet,
                articles.c.language,
                articles.c.published_sort,
                articles.c.url,
                articles.c.lead,
                func.substr(articles.c.body, 1, _HEAD).label("head"),
                case(
                    (
                        func.length(articles.c.body) > _TAIL,
                        func.substr(articles.c.body, func.length(articles.c.body) - _TAIL + 1),
                    ),
                    else_=articles.c.body,
                ).label("tail"),
                embeddings.c.vector,
                embeddings.c.day_lo,
                embeddings.c.day_hi,
            )
            .join(embeddings, embeddings.c.article_id == articles.c.id)
            .where(articles.c.id.in_(chunk), embeddings.c.model == model)
        )
        for row in conn.execute(query).mappings():
            days = (int(row["day_lo"]), int(row["day_hi"])) if row["day_lo"] is not None else None
            members.append(
                StoryMember(
                    id=row["id"],
                    title=row["title"],
                    outlet=row["outlet"],
                    language=row["language"],
                    order=row["published_sort"] or "~",
                    days=days,
                    vector=decode_vector(row["vector"]),
                    entities=frozenset(keys.get(row["id"], ())),
                    url=row["url"],
                    head="\n".join(part for part in (row["lead"], row["head"]) if part),
                    tail=row["tail"] or "",
                )
            )
    return members


def document_frequency(conn: Connection, keys: Iterable[str]) -> tuple[dict[str, int], int]:
    """Articles naming each entity key, and the number of enriched articles."""
    wanted = sorted(set(keys))
    frequency: dict[str, int] = {}
    for chunk in _chunks(wanted):
        query = (
            select(article_entities.c.key, func.count())
            .where(article_entities.c.key.in_(chunk))
            .group_by(article_entities.c.key)
        )
        frequency.update({str(key): int(n) for key, n in conn.execute(query)})
    total = int(conn.execute(select(func.count()).select_from(enrichments)).scalar_one())
    return frequency, total


# -- edges and components ---------------------------------------------------------------------------


def replace_edges(conn: Connection, ids: Sequence[str], edges: Iterable[tuple[str, str, float]]) -> None:
    """Drop every edge touching ``ids``, then store ``edges`` (pairs scoring at least the threshold)."""
    for chunk in _chunks(ids):
        conn.execute(delete(story_edges).where(or_(story_edges.c.a.in_(chunk), story_edges.c.b.in_(chunk))))
    rows = {}
    for a, b, score in edges:
        low, high = (a, b) if a < b else (b, a)
        rows[low, high] = {"a": low, "b": high, "score": score}
    if rows:
        conn.execute(insert(story_edges), list(rows.values()))


def component(conn: Connection, seeds: Iterable[str], limit: int) -> tuple[set[str], bool]:
    """The articles linked to ``seeds`` through edges (breadth first); ``(ids, complete)``.

    ``complete`` is false when the walk stopped at ``limit`` articles.
    """
    seen = set(seeds)
    frontier = sorted(seen)
    while frontier:
        found: set[str] = set()
        for chunk in _chunks(frontier):
            query = select(story_edges.c.a, story_edges.c.b).where(
                or_(story_edges.c.a.in_(chunk), story_edges.c.b.in_(chunk))
            )
            for a, b in conn.execute(query):
                found.update((a, b))
        frontier = sorted(found - seen)
        if len(seen) + len(frontier) > limit:
            return seen, False
        seen.update(frontier)
    return seen, True


def memberships(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """``{article id: story id}`` for the articles among ``ids`` that are in a story."""
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        query = select(story_articles.c.article_id, story_articles.c.story_id).where(
            story_articles.c.article_id.in_(chunk)
        )
        found.update({row.article_id: row.story_id for row in conn.execute(query)})
    return found


def neighbours(conn: Connection, story_id: str, limit: int) -> list[str]:
    """Articles of other stories with an edge to a member of ``story_id``, by their best edge score."""
    members = story_member_ids(conn, [story_id])
    best: dict[str, float] = {}
    for chunk in _chunks(sorted(members)):
        query = select(story_edges).where(or_(story_edges.c.a.in_(chunk), story_edges.c.b.in_(chunk)))
        for row in conn.execute(query):
            other = row.b if row.a in members else row.a
            if other not in members:
                best[other] = max(best.get(other, -1.0), float(row.score))
    return sorted(best, key=lambda i: (-best[i], i))[:limit]


def story_member_ids(conn: Connection, story_ids: Iterable[str]) -> set[str]:
    wanted = sorted(set(story_ids))
    found: set[str] = set()
    for chunk in _chunks(wanted):
        query = select(story_articles.c.article_id).where(story_articles.c.story_id.in_(chunk))
        found.update(conn.execute(query).scalars())
    return found


def integrity_problems(conn: Connection) -> list[str]:
    """Embedded articles without a story, members of a story that is not stored, wrong article counts."""
    problems: list[str] = []
    lonely = conn.execute(
        select(func.count())
        .select_from(embeddings)
        .outerjoin(story_articles, story_articles.c.article_id == embeddings.c.article_id)
        .where(story_articles.c.article_id.is_(None))
    ).scalar_one()
    if lonely:
        problems.append(f"{lonely} embedded article(s) in no story (run `recoupe recluster`)")
    sizes = select(story_articles.c.story_id, func.count().label("n")).group_by(story_articles.c.story_id).subquery()
    orphans = conn.execute(
        select(func.count())
        .select_from(sizes)
        .outerjoin(stories, stories.c.id == sizes.c.story_id)
        .where(stories.c.id.is_(None))
    ).scalar_one()
    if orphans:
        problems.append(f"{orphans} story id(s) used by articles but not stored")
    wrong = conn.execute(
        select(stories.c.id, stories.c.articles, sizes.c.n)
        .outerjoin(sizes, sizes.c.story_id == stories.c.id)
        .where(or_(sizes.c.n.is_(None), sizes.c.n != stories.c.articles))
        .limit(5)
    ).all()
    problems.extend(f"story {row[0]} says {row[1]} article(s) but has {row[2] or 0}" for row in wrong)
    return problems


def write_stories(
    conn: Connection,
    assignment: Mapping[str, str],
    rows: Sequence[StoryRow],
    redirects: Mapping[str, str],
    now: datetime,
) -> None:
    """Store a re-clustered component: each article's story, the stories' rows and the redirects."""
    ids = list(assignment)
    for chunk in _chunks(ids):
        conn.execute(delete(story_articles).where(story_articles.c.article_id.in_(chunk)))
    if assignment:
        conn.execute(insert(story_articles), [{"article_id": a, "story_id": s} for a, s in assignment.items()])
    live = [row.id for row in rows]
    created = {
        row.id: row.created_at
        for row in conn.execute(select(stories.c.id, stories.c.created_at).where(stories.c.id.in_(live)))
    }
    for chunk in _chunks(live):
        conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
        conn.execute(delete(story_redirects).where(story_redirects.c.old_id.in_(chunk)))
    if rows:
        conn.execute(
            insert(stories),
            [
                {
                    "id": row.id,
                    "title": row.title,
                    "title_article": row.title_article,
                    "articles": row.articles,
                    "outlets": row.outlets,
                    "independent": row.independent,
                    "languages": json.dumps(list(row.languages)),
                    "first_seen": row.first_seen,
                    "last_seen": row.last_seen,
                    "created_at": created.get(row.id, now),
                    "updated_at": now,
                }
                for row in rows
            ],
        )
    for old, new in redirects.items():
        still_used = conn.execute(
            select(func.count()).select_from(story_articles).where(story_articles.c.story_id == old)
        ).scalar_one()
        if still_used:
            continue
        conn.execute(delete(stories).where(stories.c.id == old))
        conn.execute(delete(story_redirects).where(story_redirects.c.old_id == old))
        conn.execute(insert(story_redirects).values(old_id=old, new_id=new, at=now))
        conn.execute(update(story_redirects).where(story_redirects.c.new_id == old).values(new_id=new))


def drop_empty_stories(conn: Connection) -> None:
    """Delete story rows no article belongs to any more (after articles were re-clustered away)."""
    used = select(story_articles.c.story_id).distinct()
    conn.execute(delete(stories).where(stories.c.id.not_in(used)))


def clear(conn: Connection) -> None:
    """Forget every story, edge and redirect; embeddings and copies stay."""
    for table in (story_articles, story_edges, story_redirects, stories):
        conn.execute(delete(table))


def clear_edges(conn: Connection) -> None:
    """Forget every edge (``recoupe recluster`` computes them again); stories stay until re-clustered."""
    conn.execute(delete(story_edges))


# -- reading ----------------------------------------------------------------------------------------


def row_from(mapping: Any) -> StoryRow:
    return StoryRow(
        id=mapping["id"],
        title=mapping["title"],
        title_article=mapping["title_article"],
        articles=int(mapping["articles"]),
        outlets=int(mapping["outlets"]),
        independent=int(mapping["independent"]),
        languages=tuple(json.loads(mapping["languages"])),
        first_seen=mapping["first_seen"],
        last_seen=mapping["last_seen"],
        created_at=mapping["created_at"],
        updated_at=mapping["updated_at"],
    )


def resolve(conn: Connection, story_id: str) -> str | None:
    """A live story id for ``story_id`` or a unique prefix of it, following redirects; ``None`` if unknown."""
    wanted = story_id.strip().lower()
    for _ in range(32):
        hit = conn.execute(select(stories.c.id).where(stories.c.id == wanted)).scalar_one_or_none()
        if hit:
            return str(hit)
        moved = conn.execute(
            select(story_redirects.c.new_id).where(story_redirects.c.old_id == wanted)
        ).scalar_one_or_none()
        if moved is None:
            break
        wanted = str(moved)
    prefixed = (
        conn.execute(select(stories.c.id).where(and_(stories.c.id >= wanted, stories.c.id < wanted + "g")).limit(2))
        .scalars()
        .all()
    )
    return str(prefixed[0]) if len(prefixed) == 1 and len(wanted) >= 6 else None


STORY_ORDERS = {
    "latest": (stories.c.last_seen.desc().nulls_last(), stories.c.articles.desc(), stories.c.id),
    "biggest": (
        stories.c.independent.desc(),
        stories.c.articles.desc(),
        stories.c.last_seen.desc().nulls_last(),
        stories.c.id,
    ),
    "oldest": (stories.c.first_seen.asc().nulls_last(), stories.c.id),
}


def list_stories(
    conn: Connection,
    *,
    order: str,
    min_articles: int,
    min_outlets: int,
    language: str | None,
    since: str | None,
    until: str | None,
    entity_key: str | None,
    limit: int,
    offset: int,
) -> list[StoryRow]:
    query = select(stories).where(stories.c.articles >= min_articles)
    if min_outlets > 1:  # a story whose outlets are all not given has no independent outlet and is still a story
        query = query.where(stories.c.independent >= min_outlets)
    if language:
        query = query.where(stories.c.languages.contains(json.dumps(language.strip().lower())))
    if since:
        query = query.where(stories.c.last_seen >= since)
    if until:
        query = query.where(stories.c.first_seen < until)
    if entity_key:
        naming = (
            select(story_articles.c.story_id)
            .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
            .where(article_entities.c.key == entity_key)
        )
        query = query.where(stories.c.id.in_(naming))
    query = query.order_by(*STORY_ORDERS[order]).limit(limit).offset(offset)
    return [row_from(row) for row in conn.execute(query).mappings()]


def story_row(conn: Connection, story_id: str) -> StoryRow | None:
    row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().one_or_none()
    return row_from(row) if row else None


def story_of(conn: Connection, article_id: str) -> str | None:
    query = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
    found = conn.execute(query).scalar_one_or_none()
    return str(found) if found else None


def top_entities(conn: Connection, story_id: str, limit: int) -> list[tuple[str, str, int]]:
    """``(name, label, articles)`` of the entities named by most of the story's articles."""
    count = func.count(func.distinct(article_entities.c.article_id)).label("n")
    query = (
        select(
            article_entities.c.key, func.min(article_entities.c.canonical), func.min(article_entities.c.label), count
        )
        .join(story_articles, story_articles.c.article_id == article_entities.c.article_id)
        .where(story_articles.c.story_id == story_id)
        .group_by(article_entities.c.key)
        .order_by(count.desc(), func.sum(article_entities.c.mentions).desc(), article_entities.c.key)
        .limit(limit)
    )
    return [(str(name), str(label), int(n)) for _, name, label, n in conn.execute(query)]


def redirect_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(story_redirects)).scalar_one())
