"""Story objects: what a story is made of and how it reads.

``summarise`` computes the stored row of a story when it is (re-)clustered: its title (the most central
headline: the article closest to the mean of the story's embeddings), first and last seen, article and
outlet counts, languages, and the **independent outlet count**: a wire copy counts for the outlet of the
article it copies, so five sites running one AFP dispatch are one source, not five.

``Story`` is what ``recoupe story ID`` and the API show, built by ``Store.story``: the row, the timeline of
articles (with outlet and copy marks), the top entities and an extractive summary: the sentences from the
articles' leads and first paragraphs that other outlets echo most (word overlap with the other articles,
accents and case folded), at most one per article, in the order of the timeline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from recoupe.extract.furniture import strip_furniture, strip_stamps
from recoupe.folding import fold
from recoupe.model import StoryRow
from recoupe.stories.genre import Genre, genre_of, is_news
from recoupe.stories.wire import Credit, Dispatch, dispatch_of

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from recoupe.model import Article, Enrichment, Figure, StoryMember
    from recoupe.store import Store

__all__ = [
    "Story",
    "StoryArticle",
    "independent_outlets",
    "key_figures",
    "load_story",
    "member_agencies",
    "read_enrichment",
    "repeats",
    "source_keys",
    "summarise",
    "summary_sentences",
]

SUMMARY_SENTENCES = 3
#: word Jaccard from which a summary sentence repeats one already chosen (two sites' versions of one dispatch)
REPEAT = 0.6
#: the source key of an article whose outlet is not given starts so (``?`` and its id): no independent outlet
NOT_GIVEN = "?"
#: figures shown with a story's summary: those several of its independent sources give alike
KEY_FIGURES = 5
#: articles whose figures are read for them (the earliest originals)
KEY_FIGURE_ARTICLES = 40
_SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[«\"A-ZÀ-ÖØ-Þ0-9])")
_WORD = re.compile(r"\w{3,}")
_ENDINGS = frozenset('.!?…»"”)')


def _outlet_key(outlet: str | None, fallback: str) -> str:
    return outlet.strip().casefold() if outlet and outlet.strip() else f"{NOT_GIVEN}{fallback}"


def source_keys(
    members: Sequence[tuple[str, str | None]],
    copies: Mapping[str, tuple[str, float]],
    outlets: Mapping[str, str | None],
    agencies: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Each member's independent source: the agency whose dispatch it is or copies, else its original's outlet.

    ``members`` are ``(article id, outlet)``; ``outlets`` gives the outlet of originals by id; ``agencies``
    the agency of each article that is an agency's dispatch (``recoupe.stories.wire``, ``Credit.DISPATCH``).
    A copy counts for its original (followed through copies of copies); one whose outlet is not given counts alone.
    """
    agencies = agencies or {}
    keys: dict[str, str] = {}
    for article_id, outlet in members:
        origin, hops = article_id, 0
        while origin in copies and origin not in agencies and hops < 8:
            origin, hops = copies[origin][0], hops + 1
        if origin in agencies:
            keys[article_id] = f"agency:{agencies[origin]}"
        else:
            keys[article_id] = _outlet_key(outlets.get(origin, outlet) if origin != article_id else outlet, origin)
    return keys


def independent_outlets(
    members: Sequence[tuple[str, str | None]],
    copies: Mapping[str, tuple[str, float]],
    outlets: Mapping[str, str | None],
    agencies: Mapping[str, str] | None = None,
) -> int:
    """Independent sources: distinct outlets and agencies once each copy counts for its original and each
    agency dispatch for its agency, so five sites running one AFP dispatch are one source (``source_keys``).
    An article whose outlet is not given is no independent outlet (it may be a copy of anyone's).
    """
    keys = source_keys(members, copies, outlets, agencies).values()
    return len({key for key in keys if not key.startswith(NOT_GIVEN)})


def member_agencies(members: Sequence[StoryMember]) -> dict[str, str]:
    """``{article id: agency}`` of the members that are an agency's dispatch (their stamps say so)."""
    found = {}
    for member in members:
        day = date.fromordinal(member.days[0]) if member.days and member.days[0] == member.days[1] else None
        dispatch = dispatch_of(f"{member.head}\n{member.tail}", day)
        if dispatch is not None and dispatch.credit is Credit.DISPATCH:
            found[member.id] = dispatch.agency
    return found


def summarise(
    story_id: str,
    members: Sequence[StoryMember],
    copies: Mapping[str, tuple[str, float]],
    original_outlets: Mapping[str, str | None],
    now: datetime,
) -> StoryRow:
    """The stored row of a story made of ``members`` (in chronological order)."""
    vectors = np.stack([m.vector for m in members]).astype(np.float64)
    centre = vectors.mean(axis=0)
    closeness = vectors @ centre
    central = members[int(np.argmax(closeness))]  # the first of equals: the earliest
    outlets = {m.id: m.outlet for m in members} | dict(original_outlets)
    dated = sorted(m.order for m in members if m.order != "~")
    languages = Counter(m.language for m in members if m.language)
    return StoryRow(
        id=story_id,
        title=strip_furniture(central.title) or central.title,
        title_article=central.id,
        articles=len(members),
        outlets=len({_outlet_key(m.outlet, m.id) for m in members}),
        independent=independent_outlets([(m.id, m.outlet) for m in members], copies, outlets, member_agencies(members)),
        languages=tuple(sorted(languages, key=lambda lang: (-languages[lang], lang))),
        first_seen=dated[0] if dated else None,
        last_seen=dated[-1] if dated else None,
        created_at=now,
        updated_at=now,
    )


def _sentences(article: Article, limit: int = 6) -> list[str]:
    """The first sentences of the lead and body (a line is never joined to the next: subheadings stay apart)."""
    text = strip_stamps(strip_furniture("\n".join(part for part in (article.lead, article.body[:2000]) if part)))
    found = (s.strip() for line in text.splitlines() for s in _SENTENCE_END.split(line))
    return [s for s in found if 40 <= len(s) <= 400 and s[-1] in _ENDINGS][:limit]


def _words(sentence: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(sentence).casefold()))


def repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences' words (``_words``) say the same thing: word Jaccard at least ``REPEAT``."""
    return bool(a and b) and len(a & b) / len(a | b) >= REPEAT


def summary_sentences(articles: Sequence[Article], count: int = SUMMARY_SENTENCES) -> list[tuple[str, str]]:
    """``(article id, sentence)`` pairs: the most central sentences across ``articles``, one per article,
    none repeating another (``repeats``: sites running one dispatch print its sentence almost alike).

    A sentence's centrality is the mean, over the *other* articles, of its best word overlap (Jaccard)
    with their sentences; a story of one article gives its first sentences.
    """
    pools = [(a.id, [(s, _words(s)) for s in _sentences(a)]) for a in articles]
    pools = [(i, pool) for i, pool in pools if pool]
    if len(pools) == 1:
        article_id, pool = pools[0]
        return [(article_id, s) for s, _ in pool[:count]]
    scored: list[tuple[float, int, int, str, str]] = []
    for position, (article_id, pool) in enumerate(pools):
        for rank, (sentence, words) in enumerate(pool):
            overlaps = []
            for other_id, other in pools:
                if other_id == article_id or not words:
                    continue
                overlaps.append(max((len(words & w) / len(words | w) for _, w in other if w), default=0.0))
            centrality = sum(overlaps) / len(overlaps) if overlaps else 0.0
            scored.append((-centrality, rank, position, article_id, sentence))
    chosen: list[tuple[int, int, str, str]] = []
    used_articles: set[str] = set()
    said: list[frozenset[str]] = []
    for _, rank, position, article_id, sentence in sorted(scored):
        if article_id in used_articles:
            continue
        words = _words(sentence)
        if any(repeats(words, other) for other in said):
            continue  # another site's version of a sentence already chosen (one dispatch, two sites)
        used_articles.add(article_id)
        said.append(words)
        chosen.append((position, rank, article_id, sentence))
        if len(chosen) == count:
            break
    return [(article_id, sentence) for _, _, article_id, sentence in sorted(chosen)]


def key_figures(
    found: Sequence[tuple[str, Figure]], source_of: Mapping[str, str], limit: int = KEY_FIGURES
) -> list[tuple[str, int]]:
    """``(figure as first written, sources giving it)``: amounts (not dates) that at least two independent
    sources give with the same value and unit ("97,4 milliards de dollars" and "97.4 billion dollars"), most
    sources first, then in the order they first appear in ``found`` ((article id, figure) pairs)."""
    groups: dict[tuple[str, str, float], tuple[int, str, set[str]]] = {}
    for position, (article_id, figure) in enumerate(found):
        if figure.kind == "date" or figure.relative or not isinstance(figure.value, int | float):
            continue
        unit = fold(figure.unit or "").casefold().rstrip("sx")
        key = (figure.kind, unit, round(float(figure.value), 6))
        first, text, sources = groups.get(key, (position, figure.text, set()))
        sources.add(source_of.get(article_id, article_id))
        groups[key] = (first, text, sources)
    shared = [(len(sources), first, text) for first, text, sources in groups.values() if len(sources) >= 2]
    return [(text, count) for count, _, text in sorted(shared, key=lambda g: (-g[0], g[1]))[:limit]]


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article in a story's timeline."""

    article: Article
    copy_of: str | None
    similarity: float | None
    genre: str = "news"  # ``recoupe.stories.genre.Genre`` value
    dispatch: Dispatch | None = None  # the agency stamp it carries, if any

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published.to_dict() if a.published else None,
            "language": a.language,
            "url": a.url,
            "copy_of": self.copy_of,
            "copy_similarity": self.similarity,
            "genre": self.genre,
            "wire": self.dispatch.to_dict() if self.dispatch else None,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """A story as shown to users: its row, its articles in time order, top entities and a summary."""

    row: StoryRow
    timeline: tuple[StoryArticle, ...]
    entities: tuple[tuple[str, str, int], ...]  # (name, label, articles naming it)
    summary: tuple[tuple[str, str], ...]  # (article id, sentence)
    related: tuple[StoryArticle, ...] = ()  # op-eds, analyses, explainers, live blogs linked to the story
    sources: tuple[str, ...] = ()  # the independent sources: agencies ("AFP (agency)") and outlets
    key_figures: tuple[tuple[str, int], ...] = ()  # (figure as written, independent sources giving it)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.article.outlet or "(outlet not given)" for a in self.timeline))

    def to_dict(self) -> dict[str, Any]:
        return self.row.to_dict() | {
            "outlet_names": list(self.outlets),
            "summary": [{"article_id": a, "sentence": s} for a, s in self.summary],
            "entities": [{"name": n, "label": lab, "articles": c} for n, lab, c in self.entities],
            "timeline": [item.to_dict() for item in self.timeline],
            "related": [item.to_dict() for item in self.related],
            "sources": list(self.sources),
            "key_figures": [{"text": text, "sources": count} for text, count in self.key_figures],
        }


def _dispatch(article: Article) -> Dispatch | None:
    day = article.published.value.date() if article.published else None
    return dispatch_of(article.body, day)


def _genre(article: Article) -> Genre:
    return genre_of(article.title, article.lead or article.body[:600], article.url)


def read_enrichment(store: Store, article_id: str, cache: dict[str, Enrichment | None] | None) -> Enrichment | None:
    """``store.enrichment(article_id)``, read once per ``cache`` (a page showing a story reads them again)."""
    if cache is None:
        return store.enrichment(article_id)
    if article_id not in cache:
        cache[article_id] = store.enrichment(article_id)
    return cache[article_id]


def load_story(
    store: Store,
    story_id: str,
    *,
    entities: int = 10,
    related: int = 8,
    enrichments: dict[str, Enrichment | None] | None = None,
) -> Story:
    """The story ``story_id`` (id, unique prefix or the id of a story merged into it) from ``store``.

    The summary is drawn from the story's original news articles (copies and non-news members left out
    while others remain); ``related`` lists up to that many linked articles that are not news.
    ``enrichments``: a cache the enrichments read for the key figures are kept in (see ``read_enrichment``).
    """
    row = store.story_row(story_id)
    items = store.story_articles(row.id)
    timeline = tuple(
        StoryArticle(a, mark[0] if mark else None, mark[1] if mark else None, _genre(a).value, _dispatch(a))
        for a, mark in items
    )
    originals = [i.article for i in timeline if i.copy_of is None and i.genre == Genre.NEWS.value]
    originals = originals or [i.article for i in timeline if i.copy_of is None] or [i.article for i in timeline]
    neighbours = [a for a in store.story_neighbours(row.id) if not is_news(_genre(a))][:related]
    agencies = {
        i.article.id: i.dispatch.agency for i in timeline if i.dispatch and i.dispatch.credit is Credit.DISPATCH
    }
    marks = {i.article.id: (i.copy_of, i.similarity or 0.0) for i in timeline if i.copy_of}
    outlets = {i.article.id: i.article.outlet for i in timeline}  # a copy counts for its original's outlet
    keys = source_keys([(i.article.id, i.article.outlet) for i in timeline], marks, outlets, agencies)
    sources = tuple(
        dict.fromkeys(f"{k.removeprefix('agency:')} (agency)" if k.startswith("agency:") else k for k in keys.values())
    )
    found = [
        (article.id, figure)
        for article in originals[:KEY_FIGURE_ARTICLES]
        if (enrichment := read_enrichment(store, article.id, enrichments)) is not None
        for figure in enrichment.figures
    ]
    return Story(
        row=row,
        timeline=timeline,
        entities=tuple(store.story_entities(row.id, limit=entities)),
        summary=tuple(summary_sentences(originals)),
        related=tuple(StoryArticle(a, None, None, _genre(a).value, _dispatch(a)) for a in neighbours),
        sources=sources,
        key_figures=tuple(key_figures(found, keys)),
    )
