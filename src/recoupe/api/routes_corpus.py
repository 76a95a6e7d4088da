"""Article routes: ``GET /api/articles``, ``GET /api/articles/{id}``, ``GET /api/search``, ``GET /api/outlets``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from recoupe.api.csv_answer import CSV_RESPONSES, Format, csv_or_json
from recoupe.api.routes_common import (
    READ_RESPONSES,
    CachedRoute,
    Limit,
    Offset,
    article_summary,
    next_link,
    published_iso,
)
from recoupe.api.schemas import ArticleDetail, ArticlePage, OutletList, SearchResults
from recoupe.errors import QueryError
from recoupe.faces import Faces, faces_of

__all__ = ["MAX_QUERY_CHARS", "MAX_SEARCH_OFFSET", "router"]

router = APIRouter(route_class=CachedRoute, tags=["articles"], responses=READ_RESPONSES)

MAX_QUERY_CHARS = 500
MAX_SEARCH_OFFSET = 900  # search ranks every hit up to offset + limit: deep pages are refused

Outlet = Annotated[str | None, Query(max_length=200, description="Only this outlet (case-insensitive).")]
Language = Annotated[str | None, Query(max_length=16, description="Only this language (ISO 639-1, e.g. fr).")]


@router.get("/articles", response_model=ArticlePage, summary="List articles", responses=CSV_RESPONSES)
def list_articles(
    *,
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    outlet: Outlet = None,
    language: Language = None,
    since: Annotated[date | None, Query(description="Published on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """Stored articles, newest first (undated last); ``since``/``until`` leave out undated articles."""
    filters: dict[str, Any] = {
        "outlet": outlet,
        "language": language or None,
        "since": since,
        "until": until,
    }
    rows = faces.store.articles(**filters, limit=limit, offset=offset)
    total = faces.store.count(**filters)
    page = {
        "items": [article_summary(article) for article in rows],
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": next_link(request, offset=offset, limit=limit, more=offset + len(rows) < total),
    }
    return csv_or_json(request, fmt, page, ArticlePage, "articles")


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article")
def get_article(
    article_id: Annotated[str, Path(description="An article id or a unique prefix of it (6+ characters).")],
    faces: Annotated[Faces, Depends(faces_of)],
) -> dict[str, Any]:
    """The article's text and metadata, its enrichment (entities, mentions, quotes, figures, keywords), its
    story, and the article it copies when it is a wire copy."""
    store = faces.store
    article = store.get(article_id)
    enrichment = store.enrichment(article.id)
    copy = store.copy_of(article.id)
    provenance = article.provenance
    return article.to_dict() | {
        "text": article.text,
        "published": published_iso(article),
        "published_precision": article.published.precision.value if article.published else None,
        # where a file was read from on the server is not the API's business; the kind of input is
        "source_kind": provenance.kind,
        "fetched_at": provenance.fetched_at.isoformat() if provenance.fetched_at else None,
        "story_id": store.story_of(article.id),
        "copy_of": {"id": copy[0], "similarity": copy[1]} if copy else None,
        "enrichment": enrichment.to_dict() if enrichment else None,
    }


@router.get("/search", response_model=SearchResults, summary="Full-text search", responses=CSV_RESPONSES)
def search(
    *,
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    q: Annotated[
        str,
        Query(
            description=(
                'Words, all required; accents and case are ignored. A "quoted phrase" must match as written; '
                f"a trailing * matches a prefix. Any other character is text, never syntax. At most {MAX_QUERY_CHARS} "
                "characters."
            )
        ),
    ],
    outlet: Outlet = None,
    language: Language = None,
    since: Annotated[date | None, Query(description="Published on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day.")] = None,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_SEARCH_OFFSET, description="Hits to skip.")] = 0,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """Articles matching ``q``, best first (title weighs more than lead, lead more than body), each with a
    snippet and the spans of the matched words in it. A search with no word in it finds nothing."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the search is {len(q)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    hits = faces.store.search(
        q, limit=offset + limit + 1, outlet=outlet, language=language or None, since=since, until=until
    )
    page = hits[offset : offset + limit]
    best = hits[0].score if hits else 0.0  # best first: the best of all, whatever the page
    answer = {
        "query": q,
        "items": [
            article_summary(hit.article)
            | {
                "relevance": round(100 * hit.score / best) if best > 0 else 0,
                "score": hit.score,
                "snippet": hit.snippet,
                "highlights": [list(span) for span in hit.highlights],
            }
            for hit in page
        ],
        "limit": limit,
        "offset": offset,
        "next": next_link(
            request,
            offset=offset,
            limit=limit,
            more=len(hits) > offset + limit and offset + limit <= MAX_SEARCH_OFFSET,
        ),
    }
    return csv_or_json(request, fmt, answer, SearchResults, "search")


@router.get("/outlets", response_model=OutletList, summary="Outlets", responses=CSV_RESPONSES)
def list_outlets(
    request: Request, faces: Annotated[Faces, Depends(faces_of)], fmt: Format = None
) -> dict[str, Any] | Response:
    """Every outlet with its article count and how many of those are wire copies of another outlet's article,
    most articles first."""
    answer = {
        "items": [
            {"name": name, "articles": n, "copies": copies, "copy_share": round(copies / n, 4) if n else 0.0}
            for name, n, copies in faces.store.outlet_stats()
        ]
    }
    return csv_or_json(request, fmt, answer, OutletList, "outlets")
