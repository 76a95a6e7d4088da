"""The story, article and entity pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from recoupe.enrich.entities import entity_key
from recoupe.errors import NotFoundError, RecoupeError
from recoupe.faces import faces_of
from recoupe.model import DatePrecision
from recoupe.stories.story import load_story, read_enrichment
from recoupe.web.charts import Month, histogram, timeline
from recoupe.web.matrix import matrix
from recoupe.web.pages import MAX_QUERY, story_moment
from recoupe.web.render import article_url, passage_url, render
from recoupe.web.text import Mark, article_blocks, enrichment_marks, spans_from_query

if TYPE_CHECKING:
    from fastapi import Response

    from recoupe.faces import Faces
    from recoupe.model import Article, Enrichment, Figure, Quote
    from recoupe.store import Store
    from recoupe.stories.story import Story

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: outlets listed as not covering a story (``Store.not_covered_by``)
NOT_COVERED_SHOWN = 8
#: the most articles of a story whose quotes and figures the story page reads
ENRICHED_ARTICLES = 60
TIMELINE_LIST = 100
PER_SPEAKER = 6
FIGURES_SHOWN = 40
ENTITY_STORIES = 200
ENTITY_QUOTES = 50


@dataclass(frozen=True, slots=True)
class QuoteItem:
    text: str
    kind: str
    outlet: str
    href: str


@dataclass(frozen=True, slots=True)
class FigureItem:
    text: str
    kind: str
    about: str
    outlet: str
    href: str


def _moment(article: Article) -> datetime | date | Month | None:
    """Where the timeline draws an article: its time as the source gave it, its day or month when only that
    is known (drawn as the whole period), ``None`` for a year or no date."""
    when = article.published
    if when is None or when.precision is DatePrecision.YEAR:
        return None
    value = when.value.replace(tzinfo=None) if when.value.tzinfo else when.value
    if when.precision is DatePrecision.MONTH:
        return Month(value.year, value.month)
    return value.date() if when.precision is DatePrecision.DAY else value


def _quotes_and_figures(
    store: Store, story: Story, enrichments: dict[str, Enrichment | None]
) -> tuple[list[tuple[str, list[QuoteItem]]], list[FigureItem], int]:
    speakers: dict[str, list[QuoteItem]] = defaultdict(list)
    figures: list[FigureItem] = []
    read = 0
    for item in story.timeline[:ENRICHED_ARTICLES]:
        article = item.article
        enrichment = read_enrichment(store, article.id, enrichments)
        if enrichment is None:
            continue
        read += 1
        outlet = article.outlet or "outlet not given"
        quote: Quote
        for quote in enrichment.quotes:
            speaker = quote.speaker or "Speaker not named"
            href = passage_url(article.id, quote.start, quote.end)
            speakers[speaker].append(QuoteItem(quote.text, quote.kind, outlet, href))
        figure: Figure
        for figure in enrichment.figures:
            if figure.relative:
                continue
            href = passage_url(article.id, figure.start, figure.end)
            figures.append(FigureItem(figure.text, figure.kind, figure.about or "", outlet, href))
    ordered = sorted(speakers.items(), key=lambda kv: (kv[0] == "Speaker not named", -len(kv[1]), kv[0]))
    return ordered, figures[:FIGURES_SHOWN], read


#: seconds a story page waits for a cross-check being computed before it answers "working on it"
CROSSCHECK_WAIT_S = 3.0
#: seconds after which such a page reloads itself (the ``Refresh`` header)
CROSSCHECK_REFRESH_S = 4


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    request: Request,
    story_id: str,
    verdict: Literal[
        "conflicting", "updated", "differs-by-source", "corroborated", "differing", "single-source", ""
    ] = "",
    kind: Literal["figure", "quote", "claim", "entity", ""] = "",
    show_all: Annotated[
        bool, Query(alias="all", description="single-source rows in the matrix, not collapsed")
    ] = False,
) -> Response:
    faces = faces_of(request)
    enrichments: dict[str, Enrichment | None] = {}  # read once for the key figures and the page's lists
    story = load_story(faces.store, story_id[:64], enrichments=enrichments)
    if story.row.id != story_id:  # a prefix or a merged story's id: the story's own address
        query = urlencode({k: v for k, v in {"verdict": verdict, "kind": kind, "all": int(show_all)}.items() if v})
        return RedirectResponse(f"/stories/{story.row.id}" + (f"?{query}" if query else ""), status_code=302)
    items = [
        (
            item.article.outlet or "outlet not given",
            _moment(item.article),
            item.copy_of is not None,
            article_url(item.article.id),
            f"{item.article.title} ({item.article.outlet or 'outlet not given'})",
        )
        for item in story.timeline
    ]
    check, check_error, check_pending = None, None, False
    if story.row.independent >= 2:
        try:
            # a first cross-check takes 20-50 s: past a few seconds the page says it is working and reloads
            done = faces.crosscheck_within(story.row.id, CROSSCHECK_WAIT_S)
            if done is None:
                check_pending = True
            else:
                check = matrix(done, verdict=verdict or None, kind=kind or None, show_all=show_all)
        except RecoupeError as exc:
            check_error = str(exc)
    speakers, figures, enriched = _quotes_and_figures(faces.store, story, enrichments)
    titles = {item.article.id: item.article for item in story.timeline}
    context = {
        "story": story,
        "row": story.row,
        "chart": timeline(items),
        "chart_narrow": timeline(items, layout="narrow"),
        "timeline": story.timeline[:TIMELINE_LIST],
        "titles": titles,
        "check": check,
        "check_error": check_error,
        "check_pending": check_pending,
        "verdict": verdict,
        "kind": kind,
        "show_all": show_all,
        "speakers": speakers,
        "per_speaker": PER_SPEAKER,
        "figures": figures,
        "enriched": enriched,
        "entity_keys": {name: entity_key(name) for name, _, _ in story.entities},
        # outlets that usually cover the story's main people or organisations and have no article in it
        "not_covered": faces.store.not_covered_by(story.row.id, limit=NOT_COVERED_SHOWN),
    }
    page = render(request, "story.html", context)
    if check_pending:
        page.headers["Refresh"] = str(CROSSCHECK_REFRESH_S)  # a header: no inline script, nothing to allow
    return page


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    hl: Annotated[list[str] | None, Query(max_length=20)] = None,
) -> Response:
    faces = faces_of(request)
    article = faces.store.get(article_id[:64])
    if article.id != article_id:
        query = urlencode([("hl", value) for value in (hl or [])[:5]])
        return RedirectResponse(article_url(article.id) + (f"?{query}" if query else ""), status_code=302)
    return render(request, "article.html", article_context(faces, article, hl or []))


def article_context(faces: Faces, article: Article, hl: list[str]) -> dict[str, Any]:
    """What the article page shows: its text with marks, its story, what it copies, and the correction forms
    (filled with the article's values; ``recoupe.web.corrections`` fills them with what was typed instead)."""
    store = faces.store
    enrichment = store.enrichment(article.id)
    cited = spans_from_query(hl, len(article.text))
    marks = enrichment_marks(enrichment)
    marks += [Mark(start, end, "cited", anchor=f"s-{start}-{end}") for start, end in cited]
    copy = store.copy_of(article.id)
    original = None
    if copy is not None:
        try:
            original = store.get(copy[0])
        except NotFoundError:
            original = None
    entities = sorted(enrichment.entities, key=lambda e: (-e.mentions, e.canonical)) if enrichment else []
    return {
        "article": article,
        "blocks": article_blocks(article, marks),
        "enrichment": enrichment,
        "entities": entities,
        "story_id": store.story_of(article.id),
        "copy": copy,
        "original": original,
        "cited": cited,
        # corrections (``recoupe.web.corrections``): only when the server has a token to ask for
        "corrections": bool(faces.settings.api_token),
        "form": {
            "outlet": article.outlet or "",
            "title": article.title,
            "date": article.published.iso() if article.published else "",
        },
        "form_error": None,
        "form_open": None,
    }


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity_page(request: Request, key: str) -> Response:
    store = faces_of(request).store
    key = key[:MAX_QUERY]
    found = next((e for e in store.entities(name=key, limit=200) if e.key == key), None) if key else None
    if found is None:
        raise NotFoundError(f"no entity with key {key!r}")
    stories = store.stories(entity=key, order="latest", limit=ENTITY_STORIES)
    moments = [m for m in (story_moment(row) for row in stories) if m is not None]
    quotes = [hit for hit in store.quotes(speaker_key=key, limit=200) if hit.quote.speaker_key == key]
    context = {
        "entity": found,
        "stories": stories,
        "chart": histogram(moments),
        "chart_narrow": histogram(moments, layout="narrow"),
        "quotes": quotes[:ENTITY_QUOTES],
        "quote_count": len(quotes),
        "limit": ENTITY_STORIES,
    }
    return render(request, "entity.html", context)
