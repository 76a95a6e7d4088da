"""What every API route shares: caching of reads (ETag, Cache-Control, 304), page bounds, next links, errors.

Every successful GET answer carries a strong ``ETag`` (a hash of its body) and ``Cache-Control``; a request
whose ``If-None-Match`` names the current ETag gets ``304 Not Modified`` with no body.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request, Response
from fastapi.routing import APIRoute

from recoupe.api.schemas import ErrorBody

if TYPE_CHECKING:
    from recoupe.model import Article

__all__ = [
    "ERRORS",
    "MAX_LIMIT",
    "READ_RESPONSES",
    "CachedRoute",
    "Limit",
    "Offset",
    "article_summary",
    "etag_of",
    "next_link",
    "published_iso",
]

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
#: reads may be reused for a short while, then revalidated with If-None-Match
READ_CACHE = "public, max-age=30, must-revalidate"
NO_CACHE = "no-cache"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1 to {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


#: the error statuses every route may answer, all in the one error shape
ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("A search or filter that cannot be understood (QueryError), e.g. an ambiguous id prefix."),
    404: _error("No such id (NotFoundError)."),
    422: _error("A parameter of the wrong type or out of bounds (ValidationError)."),
    503: _error("The database cannot be read (StoreError)."),
}
READ_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    304: {"description": "Not modified: If-None-Match named the current ETag."},
}


def etag_of(body: bytes) -> str:
    """A strong ETag for a response body."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(if_none_match: str, tag: str) -> bool:
    wanted = {part.strip().removeprefix("W/") for part in if_none_match.split(",")}
    return "*" in wanted or tag in wanted


class CachedRoute(APIRoute):
    """A route whose successful GET answers get an ETag and Cache-Control, and 304 on a matching If-None-Match."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def cached(request: Request) -> Response:
            response = await handler(request)
            if request.method != "GET" or response.status_code != 200:
                return response
            cache = NO_CACHE if request.url.path == "/api/health" else READ_CACHE
            tag = etag_of(bytes(response.body))
            if _matches(request.headers.get("if-none-match", ""), tag):
                return Response(status_code=304, headers={"ETag": tag, "Cache-Control": cache})
            response.headers["ETag"] = tag
            response.headers["Cache-Control"] = cache
            return response

        return cached


def next_link(request: Request, *, offset: int, limit: int, more: bool) -> str | None:
    """The path and query of the next page (same filters, offset moved on), ``None`` on the last page."""
    if not more:
        return None
    params = [(key, value) for key, value in request.query_params.multi_items() if key != "offset"]
    params.append(("offset", str(offset + limit)))
    return f"{request.url.path}?{urlencode(params)}"


def published_iso(article: Article) -> str | None:
    return article.published.iso() if article.published else None


def article_summary(article: Article) -> dict[str, Any]:
    """The fields a list of articles shows."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": published_iso(article),
        "language": article.language,
        "url": article.url,
    }
