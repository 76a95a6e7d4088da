"""Page routes: home, story lists, search, outlets and entities lists (story and article pages: ``detail``).

Every page reads through the store's query API (``faces_of(request).store``); every list is bounded
(a fixed page size and a highest page number), and user input only ever reaches the store as parameters.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from recoupe.enrich.entities import entity_key
from recoupe.errors import NotFoundError, QueryError
from recoupe.faces import faces_of
from recoupe.web.render import query_url, render
from recoupe.web.text import Mark, pieces

if TYPE_CHECKING:
    from fastapi import Response

    from recoupe.model import StoryRow
    from recoupe.store import Store

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_PAGE = 500
SEARCH_LIMIT = 50
MAX_QUERY = 200
OUTLETS_PAGE = 50
#: the most stories counted for a filtered list ("showing 1–20 of more than 1000")
COUNT_CAP = 1000
OUTLET_LISTS = 10  # blind spots and exclusive stories shown on an outlet's page
#: the verdicts an outlet profile shows as shares of its checked statements
SHOWN_VERDICTS = ("corroborated", "single-source", "conflicting")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page number")]


def _language(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value if _LANGUAGE.match(value) else None


def _text(value: str | None, limit: int = MAX_QUERY) -> str:
    """A user-typed value, trimmed and cut to ``limit`` characters, control characters dropped."""
    return "".join(c for c in (value or "") if c.isprintable())[:limit].strip()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    store = faces_of(request).store
    context = {
        "latest": store.stories(order="latest", limit=8),
        "biggest": store.stories(order="biggest", min_outlets=2, limit=8),
        "article_count": store.count(),
        "outlet_count": len(store.outlets()),
        "entities": store.entities(limit=12),
    }
    return render(request, "home.html", context)


@router.get("/stories", response_class=HTMLResponse)
def stories(
    request: Request,
    *,
    order: Literal["latest", "biggest", "oldest"] = "latest",
    min_outlets: Annotated[int, Query(ge=1, le=100)] = 1,
    language: Annotated[str | None, Query(max_length=16)] = None,
    entity: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    page: Page = 1,
) -> Response:
    store = faces_of(request).store
    wanted = entity_key(_text(entity)) if _text(entity) else None
    found = store.stories(
        order=order,
        min_outlets=min_outlets,
        language=_language(language),
        entity=wanted,
        limit=PAGE_SIZE + 1,
        offset=(page - 1) * PAGE_SIZE,
    )
    filters: dict[str, str | int | None] = {"order": order, "min_outlets": min_outlets if min_outlets > 1 else None}
    filters |= {"language": _language(language), "entity": wanted}
    offset = (page - 1) * PAGE_SIZE
    context = {
        "stories": found[:PAGE_SIZE],
        "page": page,
        "has_next": len(found) > PAGE_SIZE,
        "filters": filters,
        "offset": offset,
        "total": _story_total(store, min_outlets=min_outlets, language=_language(language), entity=wanted),
        "count_cap": COUNT_CAP,
        "downloads": downloads("/api/stories", {**filters, "limit": PAGE_SIZE, "offset": offset}),
    }
    return render(request, "stories.html", context)


def _story_total(store: Store, *, min_outlets: int, language: str | None, entity: str | None) -> int:
    """How many stories match: all of them (a count) without a filter, else up to ``COUNT_CAP`` + 1 (a list:
    the page then says "more than ``COUNT_CAP``")."""
    if min_outlets <= 1 and not language and not entity:
        return store.story_count()
    return len(store.stories(min_outlets=min_outlets, language=language, entity=entity, limit=COUNT_CAP + 1))


def downloads(path: str, params: dict[str, str | int | None]) -> dict[str, str]:
    """The API's answer to what a page lists, as CSV and as JSON (the same filters and page)."""
    return {"csv": query_url(path, {**params, "format": "csv"}), "json": query_url(path, params)}


def _story_links(store: Store, article_ids: list[str]) -> dict[str, str]:
    links = {}
    for article_id in article_ids:
        story = store.story_of(article_id)
        if story:
            links[article_id] = story
    return links


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=2000)] = "",
    outlet: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
) -> Response:
    store = faces_of(request).store
    query = _text(q)
    outlet_name = _text(outlet) or None
    error, hits, entities = None, [], []
    if query:
        try:
            hits = store.search(query, limit=SEARCH_LIMIT, outlet=outlet_name, language=_language(language))
        except QueryError as exc:
            error = str(exc)
        key = entity_key(query)
        if len(key) >= 3:
            entities = store.entities(name=key, limit=8)
    results = [(hit, pieces(hit.snippet, [Mark(start, end, "hit") for start, end in hit.highlights])) for hit in hits]
    context = {
        "q": query,
        "outlet": outlet_name,
        "language": _language(language),
        "results": results,
        "stories": _story_links(store, [hit.article.id for hit in hits]),
        "entities": entities,
        "error": error,
        "limit": SEARCH_LIMIT,
        "downloads": downloads(
            "/api/search", {"q": query, "outlet": outlet_name, "language": _language(language), "limit": SEARCH_LIMIT}
        ),
    }
    return render(request, "search.html", context, status=400 if error else 200)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, page: Page = 1) -> Response:
    """Each outlet's profile: articles, stories (and those only it covers), wire copies, cross-check verdicts."""
    store = faces_of(request).store
    every = store.outlet_profiles()
    rows = every[(page - 1) * OUTLETS_PAGE : page * OUTLETS_PAGE]
    total = sum(profile.articles for profile in every)
    context = {
        "rows": rows,
        "total": total,
        "outlet_count": len(every),
        "unknown": store.count() - total,
        "page": page,
        "has_next": len(every) > page * OUTLETS_PAGE,
        "shown_verdicts": SHOWN_VERDICTS,
        "downloads": downloads("/api/outlets", {}),
    }
    return render(request, "outlets.html", context)


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str, page: Page = 1) -> Response:
    """An outlet's profile, its blind spots, the stories only it covers, and its articles."""
    store = faces_of(request).store
    name = _text(name)
    total = store.count(outlet=name) if name else 0
    if not total:
        raise NotFoundError(f"no articles from an outlet named {name!r}")
    found = store.articles(outlet=name, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    marks = {article.id: store.copy_of(article.id) for article in found}
    first = page == 1
    context = {
        "name": name,
        "total": total,
        "profile": store.outlet_profile(name),
        "blind_spots": store.outlet_blind_spots(name, limit=OUTLET_LISTS) if first else [],
        "exclusives": store.outlet_exclusives(name, limit=OUTLET_LISTS) if first else [],
        "shown_verdicts": SHOWN_VERDICTS,
        "articles": found,
        "copies": {k: v for k, v in marks.items() if v},
        "stories": _story_links(store, [a.id for a in found]),
        "page": page,
        "has_next": total > page * PAGE_SIZE,
        "downloads": downloads("/api/articles", {"outlet": name, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}),
        "profile_json": "/api/outlets/" + quote(name, safe=""),
    }
    return render(request, "outlet.html", context)


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    label: Literal["PER", "ORG", "LOC", "MISC", ""] = "",
    name: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    page: Page = 1,
) -> Response:
    store = faces_of(request).store
    key = entity_key(_text(name)) if _text(name) else None
    found = store.entities(label=label or None, name=key, limit=PAGE_SIZE * 2 + 1, offset=(page - 1) * PAGE_SIZE * 2)
    context = {
        "entities": found[: PAGE_SIZE * 2],
        "label": label,
        "name": _text(name),
        "page": page,
        "has_next": len(found) > PAGE_SIZE * 2,
        "downloads": downloads(
            "/api/entities",
            {"label": label or None, "name": _text(name), "limit": PAGE_SIZE * 2, "offset": (page - 1) * PAGE_SIZE * 2},
        ),
    }
    return render(request, "entities.html", context)


def story_moment(row: StoryRow) -> datetime | None:
    """When a story was first seen, as a datetime (``None`` when none of its articles is dated)."""
    if not row.first_seen:
        return None
    try:
        return datetime.fromisoformat(row.first_seen).replace(tzinfo=None)
    except ValueError:
        return None
