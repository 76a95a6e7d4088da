"""Reading and writing enrichment: per-article entities, mentions, quotes, figures, keywords, summary.

``save`` replaces an article's enrichment as a whole (in the caller's transaction) and merges its
entities into the corpus-wide ``entities`` table: one row per entity key, with the union of the
aliases and roles seen in every article.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, bindparam, delete, func, or_, select

from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, EntityStat, Figure, Mention, Quote, QuoteHit
from recoupe.store.names import merge_surnames
from recoupe.store.schema import article_entities, articles, enrichments, entities, figures, mentions, quotes

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

__all__ = ["EntityStat", "QuoteHit", "list_entities", "list_quotes", "load", "missing", "save"]

_MAX_MERGED = 30  # aliases / roles kept per corpus entity


def _merge(existing: str, new: Sequence[str]) -> str:
    merged = list(json.loads(existing))
    seen = {item.casefold() for item in merged}
    for item in new:
        if item.casefold() not in seen and len(merged) < _MAX_MERGED:
            merged.append(item)
            seen.add(item.casefold())
    return json.dumps(merged, ensure_ascii=False)


#: keys per ``IN (...)`` list when reading the corpus entities a batch touches
_KEYS_PER_QUERY = 500


class _EntityMerge:
    """The corpus entities a batch of enrichments touches, merged in memory in the order the refs come (as one
    ``SELECT`` and one ``INSERT`` or ``UPDATE`` per ref would), read in a few queries and written once."""

    def __init__(self, conn: Connection, keys: Sequence[str]) -> None:
        self.conn = conn
        self.rows: dict[str, dict[str, str]] = {}
        self.new: list[str] = []
        unique = sorted(set(keys))
        for at in range(0, len(unique), _KEYS_PER_QUERY):
            query = select(entities).where(entities.c.key.in_(unique[at : at + _KEYS_PER_QUERY]))
            self.rows.update((row["key"], dict(row)) for row in conn.execute(query).mappings())
        self.changed: set[str] = set()

    def add(self, ref: EntityRef) -> None:
        row = self.rows.get(ref.key)
        if row is None:
            self.rows[ref.key] = {
                "key": ref.key,
                "canonical": ref.canonical,
                "label": ref.label,
                "aliases": json.dumps(list(ref.aliases), ensure_ascii=False),
                "roles": json.dumps(list(ref.roles), ensure_ascii=False),
            }
            self.new.append(ref.key)
            return
        row["aliases"] = _merge(
            row["aliases"], [*ref.aliases, *([ref.canonical] if ref.canonical != row["canonical"] else [])]
        )
        row["roles"] = _merge(row["roles"], ref.roles)
        self.changed.add(ref.key)

    def write(self) -> None:
        if self.new:
            self.conn.execute(entities.insert(), [self.rows[key] for key in self.new])
        fresh = set(self.new)
        updates = [
            {"k": key, "a": self.rows[key]["aliases"], "r": self.rows[key]["roles"]}
            for key in sorted(self.changed - fresh)
        ]
        if updates:
            statement = (
                entities.update()
                .where(entities.c.key == bindparam("k"))
                .values(aliases=bindparam("a"), roles=bindparam("r"))
            )
            self.conn.execute(statement, updates)


def _relabel(conn: Connection, keys: Sequence[str]) -> None:
    """Give each corpus entity the label most articles give it (a model may call "Biden" an ORG once)."""
    majority = (
        select(article_entities.c.label)
        .where(article_entities.c.key == entities.c.key)
        .group_by(article_entities.c.label)
        .order_by(func.count().desc(), article_entities.c.label)
        .limit(1)
        .scalar_subquery()
    )
    unique = sorted(set(keys))
    for at in range(0, len(unique), _KEYS_PER_QUERY):
        chunk = unique[at : at + _KEYS_PER_QUERY]
        conn.execute(entities.update().where(entities.c.key.in_(chunk)).values(label=majority))


def save(conn: Connection, items: Sequence[tuple[Enrichment, str]], version: int, now: datetime) -> None:
    """Store each ``(enrichment, content_hash)``, replacing what the article had before.

    The corpus entities are merged article after article in memory (``_EntityMerge``), written and relabelled
    once for the batch: the label of a key is the majority of its article rows, all in by then either way."""
    merge = _EntityMerge(conn, [ref.key for enrichment, _ in items for ref in enrichment.entities])
    for enrichment, digest in items:
        article_id = enrichment.article_id
        for table in (mentions, quotes, figures, article_entities, enrichments):
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(
            enrichments.insert().values(
                article_id=article_id,
                content_hash=digest,
                version=version,
                language=enrichment.language,
                level=enrichment.level.value,
                keywords=json.dumps(list(enrichment.keywords), ensure_ascii=False),
                summary=enrichment.summary,
                notes=json.dumps(list(enrichment.notes), ensure_ascii=False),
                enriched_at=now,
            )
        )
        if enrichment.mentions:
            seen_starts: set[int] = set()
            rows = []
            for m in enrichment.mentions:
                if m.start not in seen_starts:
                    seen_starts.add(m.start)
                    rows.append({"article_id": article_id, **m.to_dict()})
            conn.execute(mentions.insert(), rows)
        if enrichment.entities:
            conn.execute(
                article_entities.insert(),
                [
                    {
                        "article_id": article_id,
                        "key": e.key,
                        "canonical": e.canonical,
                        "label": e.label,
                        "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
                        "roles": json.dumps(list(e.roles), ensure_ascii=False),
                        "mentions": e.mentions,
                    }
                    for e in enrichment.entities
                ],
            )
            for ref in enrichment.entities:
                merge.add(ref)
        if enrichment.quotes:
            conn.execute(
                quotes.insert(),
                [{"article_id": article_id, "seq": i, **q.to_dict()} for i, q in enumerate(enrichment.quotes)],
            )
        if enrichment.figures:
            conn.execute(
                figures.insert(),
                [
                    {
                        "article_id": article_id,
                        "seq": i,
                        "start": f.start,
                        "end": f.end,
                        "text": f.text,
                        "kind": f.kind,
                        "value_number": f.value if isinstance(f.value, int | float) else None,
                        "value_text": f.value if isinstance(f.value, str) else None,
                        "unit": f.unit,
                        "about": f.about,
                        "relative": f.relative,
                    }
                    for i, f in enumerate(enrichment.figures)
                ],
            )
    merge.write()
    _relabel(conn, [ref.key for enrichment, _ in items for ref in enrichment.entities])
    # last, once the batch's mentions and quotes are in: a surname alone joins the full name
    merge_surnames(conn, [ref.key for enrichment, _ in items for ref in enrichment.entities])


def missing(conn: Connection, ids: Sequence[str], version: int) -> list[str]:
    """The ids among ``ids`` with no enrichment for their current text by this enricher ``version``."""
    if not ids:
        return []
    fresh = (
        select(enrichments.c.article_id)
        .join(articles, articles.c.id == enrichments.c.article_id)
        .where(
            enrichments.c.article_id.in_(list(ids)),
            enrichments.c.version == version,
            enrichments.c.content_hash == articles.c.content_hash,
        )
    )
    done = set(conn.execute(fresh).scalars())
    return [article_id for article_id in dict.fromkeys(ids) if article_id not in done]


def _figure(row: Any) -> Figure:
    value = row.value_text if row.value_text is not None else row.value_number
    return Figure(row.start, row.end, row.text, row.kind, value, row.unit, row.about, bool(row.relative))


def load(conn: Connection, article_id: str) -> Enrichment | None:
    """The stored enrichment of one article, or ``None`` if it has none yet."""
    head = conn.execute(select(enrichments).where(enrichments.c.article_id == article_id)).first()
    if head is None:
        return None
    mention_rows = conn.execute(select(mentions).where(mentions.c.article_id == article_id).order_by(mentions.c.start))
    entity_rows = conn.execute(
        select(article_entities)
        .where(article_entities.c.article_id == article_id)
        .order_by(article_entities.c.mentions.desc(), article_entities.c.key)
    )
    quote_rows = conn.execute(select(quotes).where(quotes.c.article_id == article_id).order_by(quotes.c.seq))
    figure_rows = conn.execute(select(figures).where(figures.c.article_id == article_id).order_by(figures.c.seq))
    quote_fields = [c.name for c in quotes.columns if c.name not in {"article_id", "seq"}]
    return Enrichment(
        article_id=article_id,
        language=head.language,
        level=EnrichmentLevel(head.level),
        mentions=tuple(Mention(r.start, r.end, r.text, r.label, r.canonical, r.key) for r in mention_rows),
        entities=tuple(
            EntityRef(r.key, r.canonical, r.label, tuple(json.loads(r.aliases)), tuple(json.loads(r.roles)), r.mentions)
            for r in entity_rows
        ),
        quotes=tuple(Quote(**{name: getattr(r, name) for name in quote_fields}) for r in quote_rows),
        figures=tuple(_figure(r) for r in figure_rows),
        keywords=tuple(json.loads(head.keywords)),
        summary=head.summary,
        notes=tuple(json.loads(head.notes)),
    )


def list_entities(
    conn: Connection, *, label: str | None, key_contains: str | None, limit: int, offset: int
) -> list[EntityStat]:
    """Corpus entities, most-mentioned first (by number of articles)."""
    article_count = select(article_entities.c.key, func.count().label("n")).group_by(article_entities.c.key).subquery()
    quote_count = (
        select(quotes.c.speaker_key.label("key"), func.count().label("q"))
        .where(quotes.c.speaker_key.is_not(None))
        .group_by(quotes.c.speaker_key)
        .subquery()
    )
    query = (
        select(entities, func.coalesce(article_count.c.n, 0).label("n"), func.coalesce(quote_count.c.q, 0).label("q"))
        .outerjoin(article_count, article_count.c.key == entities.c.key)
        .outerjoin(quote_count, quote_count.c.key == entities.c.key)
    )
    if label:
        query = query.where(entities.c.label == label.upper())
    if key_contains:
        query = query.where(entities.c.key.contains(key_contains, autoescape=True))
    query = query.order_by(func.coalesce(article_count.c.n, 0).desc(), entities.c.key).limit(limit).offset(offset)
    return [
        EntityStat(
            r.key,
            r.canonical,
            r.label,
            tuple(json.loads(r.aliases)),
            tuple(json.loads(r.roles)),
            int(r.n),
            int(r.q),
        )
        for r in conn.execute(query)
    ]


def list_quotes(
    conn: Connection, *, speaker_key: str | None, article_id: str | None, limit: int, offset: int
) -> list[QuoteHit]:
    """Stored quotes, newest articles first; ``speaker_key`` matches a folded key or a part of it."""
    query = select(quotes, articles.c.title, articles.c.outlet).join(articles, articles.c.id == quotes.c.article_id)
    if speaker_key:
        query = query.where(
            or_(
                quotes.c.speaker_key == speaker_key,
                quotes.c.speaker_key.contains(speaker_key, autoescape=True),
                and_(
                    quotes.c.speaker_key.is_(None), func.lower(quotes.c.speaker).contains(speaker_key, autoescape=True)
                ),
            )
        )
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    query = (
        query.order_by(articles.c.published_sort.desc(), quotes.c.article_id, quotes.c.seq).limit(limit).offset(offset)
    )
    quote_fields = [c.name for c in quotes.columns if c.name not in {"article_id", "seq"}]
    return [
        QuoteHit(Quote(**{name: getattr(r, name) for name in quote_fields}), r.article_id, r.title, r.outlet)
        for r in conn.execute(query)
    ]
