"""Story routes: ``GET /api/stories``, ``GET /api/stories/{id}``, ``GET /api/stories/{id}/crosscheck``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator

from recoupe.api.csv_answer import CSV_RESPONSES, Format, csv_or_json, csv_response, prefers_csv
from recoupe.api.routes_common import READ_RESPONSES, CachedRoute, Limit, Offset, next_link
from recoupe.api.schemas import CrossCheckOut, CrossCheckPending, StoryDetail, StoryPage, VerdictName
from recoupe.enrich.entities import entity_key
from recoupe.export import COLUMNS, statement_rows
from recoupe.faces import Faces, faces_of
from recoupe.stories.story import load_story

__all__ = ["router"]

router = APIRouter(route_class=CachedRoute, tags=["stories"], responses=READ_RESPONSES)


def _split_commas(value: object) -> object:
    """``?verdict=a,b&verdict=c`` as ``[a, b, c]``: the filter is repeatable or a comma list."""
    values = value if isinstance(value, list) else [value]
    return [part.strip() for item in values for part in str(item).split(",") if part.strip()]


Verdicts = Annotated[
    list[VerdictName] | None,
    BeforeValidator(_split_commas),
    Query(
        description="Only these verdicts: repeat it (verdict=conflicting&verdict=updated) or give a comma list "
        f"(verdict=conflicting,updated). One of: {', '.join(get_args(VerdictName))}.",
    ),
]

StoryId = Annotated[
    str,
    Path(description="A story id, a unique prefix of it (6+ characters), or the id of a story merged into another."),
]


@router.get("/stories", response_model=StoryPage, summary="List stories", responses=CSV_RESPONSES)
def list_stories(
    *,
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    order: Annotated[
        Literal["latest", "biggest", "oldest"],
        Query(description="latest: last seen first; biggest: most independent outlets first; oldest."),
    ] = "latest",
    min_outlets: Annotated[int, Query(ge=1, le=10_000, description="Independent outlets at least.")] = 1,
    min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    language: Annotated[str | None, Query(max_length=16, description="Stories with an article in it.")] = None,
    since: Annotated[date | None, Query(description="Seen on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Seen on or before this day.")] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Stories naming this entity (accents and case ignored).")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """Stories (articles from any outlet and language about one event), a page at a time."""
    key = entity_key(entity) if entity else None
    if entity and not key:  # a name with nothing left once folded names no entity
        rows = []
    else:
        rows = faces.store.stories(
            order=order,
            min_outlets=min_outlets,
            min_articles=min_articles,
            language=language or None,
            since=since,
            until=until,
            entity=key,
            limit=limit + 1,
            offset=offset,
        )
    page = {
        "items": [row.to_dict() for row in rows[:limit]],
        "limit": limit,
        "offset": offset,
        "next": next_link(request, offset=offset, limit=limit, more=len(rows) > limit),
    }
    return csv_or_json(request, fmt, page, StoryPage, "stories")


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story")
def get_story(story_id: StoryId, response: Response, faces: Annotated[Faces, Depends(faces_of)]) -> dict[str, Any]:
    """The story: title, summary, first and last seen, outlets (independent ones counted), languages, top
    entities and its articles oldest first, each with its wire-copy mark. ``id`` is the story's own id
    whatever was asked for; ``Content-Location`` gives its canonical path."""
    story = load_story(faces.store, story_id)
    response.headers["Content-Location"] = f"/api/stories/{story.row.id}"
    return story.to_dict() | {
        "requested_id": story_id,
        "timeline": [
            item.to_dict() | {"published": item.article.published.iso() if item.article.published else None}
            for item in story.timeline
        ],
        "related": [
            item.to_dict() | {"published": item.article.published.iso() if item.article.published else None}
            for item in story.related
        ],
        "crosscheck": f"/api/stories/{story.row.id}/crosscheck",
    }


#: seconds a cross-check request waits for one being computed before it answers 202 (a stored one is at once)
CROSSCHECK_WAIT_S = 2.0
#: the ``Retry-After`` of that 202 (a first cross-check takes 20-50 s; the story page reloads every 4 s)
CROSSCHECK_RETRY_S = 5

PENDING_RESPONSES: dict[int | str, dict[str, Any]] = {
    **CSV_RESPONSES,
    202: {
        "model": CrossCheckPending,
        "description": "Not computed yet: it is being computed in the background (one computation per story "
        "however many ask). Ask again at `poll` after `Retry-After` seconds, or add `wait=true` to wait for it.",
        "headers": {
            "Retry-After": {"description": "Seconds to wait before asking again.", "schema": {"type": "integer"}},
            "Location": {"description": "Where to ask again (the same as `poll`).", "schema": {"type": "string"}},
        },
    },
}


def _pending(request: Request, story_id: str) -> JSONResponse:
    """The 202 answer for a cross-check still being computed."""
    path = f"/api/stories/{story_id}/crosscheck"
    poll = f"{path}?{request.url.query}" if request.url.query else path
    body = {
        "status": "computing",
        "story_id": story_id,
        "poll": poll,
        "retry_after": CROSSCHECK_RETRY_S,
        "message": "the cross-check is being computed (a first one takes 20-50 s): ask again at poll, "
        "or add wait=true to wait for it",
    }
    headers = {"Retry-After": str(CROSSCHECK_RETRY_S), "Location": poll, "Cache-Control": "no-store"}
    return JSONResponse(body, status_code=202, headers=headers)


@router.get(
    "/stories/{story_id}/crosscheck",
    response_model=CrossCheckOut,
    summary="A story's cross-check",
    responses=PENDING_RESPONSES,
)
def get_crosscheck(
    *,
    story_id: StoryId,
    request: Request,
    response: Response,
    faces: Annotated[Faces, Depends(faces_of)],
    verdict: Verdicts = None,
    wait: Annotated[
        bool,
        Query(
            description="true: wait for a cross-check being computed and answer it (200), never 202 "
            "(a first one takes 20-50 s). A CSV answer always waits."
        ),
    ] = False,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """What every source says: groups of statements (figures, quotes, claims, what is said about an entity),
    each with its verdict (conflicting; updated: a count given at two moments, with its timeline;
    differs-by-source: outlets report different sources, each statement's ``attributed_to``; corroborated;
    differing; single-source), the independent sources behind it, each conflict pair's relation, how central
    it is (``score``) and the exact passage of every article. The stored report while the story is
    unchanged (200 at once); otherwise it is computed in the background, once per story, and a request that
    has waited a few seconds for it answers **202 Accepted** with ``Retry-After`` and where to ask again
    (``poll``), until it is ready (200); ``wait=true`` waits for it instead. As CSV (which waits): one row per
    statement with its group's verdict (the columns of ``recoupe export statements``)."""
    resolved = faces.store.story_row(story_id).id  # a prefix or a merged story's id: one computation per story
    csv = prefers_csv(request, fmt)
    if wait or csv:
        done = faces.crosscheck(resolved)  # a computation under way for the story is waited for, not repeated
    else:
        pending = faces.crosscheck_within(resolved, CROSSCHECK_WAIT_S)  # what the story page does
        if pending is None:
            return _pending(request, resolved)
        done = pending
    report = done.to_dict()
    response.headers["Content-Location"] = f"/api/stories/{report['story_id']}/crosscheck"
    if verdict:
        wanted = set(verdict)
        report["verdicts"] = [v for v in report["verdicts"] if v["verdict"] in wanted]
    if csv:
        columns = [name for name, _ in COLUMNS["statements"]]
        return csv_response(statement_rows(report), columns, f"crosscheck-{report['story_id']}")
    return report
