"""Corpus-wide name resolution: a person named by surname alone joins the full name the corpus knows.

Within an article, "Biden" already resolves to "Joe Biden" when the article gives the full name. Across
articles, an article that only says "Biden" would otherwise make a second entity. After each save, a
one-word person key ``k`` is merged into the person whose key ends with `` k`` ("joe biden"), when
there is one such person, or when one of them is in at least ``DOMINANCE`` times as many articles as
any other ("Donald Trump" over "Melania Trump"). The short form becomes an alias; its mentions,
per-article rows and quotes move to the full name. Nothing is merged when the choice is not clear.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, func, select, update

from recoupe.store.schema import article_entities, entities, mentions, quotes

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DOMINANCE", "merge_surnames"]

DOMINANCE = 3


def _article_counts(conn: Connection, keys: list[str]) -> dict[str, int]:
    query = (
        select(article_entities.c.key, func.count())
        .where(article_entities.c.key.in_(keys))
        .group_by(article_entities.c.key)
    )
    return {key: int(count) for key, count in conn.execute(query)}


def _target(conn: Connection, short: str) -> str | None:
    candidates = list(
        conn.execute(
            select(entities.c.key).where(entities.c.label == "PER", entities.c.key.like(f"% {short}", escape="\\"))
        ).scalars()
    )
    if not candidates:
        return None
    if len(candidates) == 1:
        return str(candidates[0])
    counts = _article_counts(conn, candidates)
    ranked = sorted(candidates, key=lambda key: counts.get(key, 0), reverse=True)
    best, second = counts.get(ranked[0], 0), counts.get(ranked[1], 0)
    return str(ranked[0]) if best >= DOMINANCE * max(second, 1) else None


def _move(conn: Connection, short: str, target: str) -> None:
    both = select(article_entities.c.article_id).where(article_entities.c.key == target)
    for row in conn.execute(
        select(article_entities).where(article_entities.c.key == short, article_entities.c.article_id.in_(both))
    ).mappings():
        conn.execute(
            update(article_entities)
            .where(and_(article_entities.c.article_id == row["article_id"], article_entities.c.key == target))
            .values(mentions=article_entities.c.mentions + row["mentions"])
        )
    conn.execute(
        delete(article_entities).where(article_entities.c.key == short, article_entities.c.article_id.in_(both))
    )
    conn.execute(update(article_entities).where(article_entities.c.key == short).values(key=target))
    conn.execute(update(mentions).where(mentions.c.key == short).values(key=target))
    conn.execute(update(quotes).where(quotes.c.speaker_key == short).values(speaker_key=target))
    short_row = conn.execute(select(entities).where(entities.c.key == short)).mappings().one()
    target_row = conn.execute(select(entities).where(entities.c.key == target)).mappings().one()
    aliases = list(json.loads(target_row["aliases"]))
    for alias in [short_row["canonical"], *json.loads(short_row["aliases"])]:
        if alias not in aliases and alias != target_row["canonical"]:
            aliases.append(alias)
    roles = list(json.loads(target_row["roles"]))
    roles += [role for role in json.loads(short_row["roles"]) if role not in roles]
    conn.execute(
        update(entities)
        .where(entities.c.key == target)
        .values(aliases=json.dumps(aliases[:30], ensure_ascii=False), roles=json.dumps(roles[:30], ensure_ascii=False))
    )
    conn.execute(delete(entities).where(entities.c.key == short))


def merge_surnames(conn: Connection, keys: Iterable[str]) -> None:
    """Merge one-word person keys touched by a save (or the surnames of full names it added)."""
    touched = set(keys)
    shorts = {key for key in touched if " " not in key}
    shorts |= {key.rsplit(" ", 1)[1] for key in touched if " " in key}
    if not shorts:
        return
    present = set(
        conn.execute(
            select(entities.c.key).where(entities.c.key.in_(sorted(shorts)), entities.c.label == "PER")
        ).scalars()
    )
    for short in sorted(present):
        if "%" in short or "_" in short or "\\" in short:
            continue  # not a name; LIKE patterns would need escaping
        target = _target(conn, short)
        if target is not None:
            _move(conn, short, target)
