"""Story routes: ``GET /api/stories``, ``GET /api/stories/{id}``, ``GET /api/stories/{id}/crosscheck``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BeforeValidator

from recoupe.api.csv_answer import CSV_RESPONSES, Format, csv_or_json, csv_response, prefers_csv
from recoupe.api.routes_common import READ_RESPONSES, CachedRoute, Limit, Offset, next_link
from recoupe.api.schemas import CrossCheckOut, StoryDetail, StoryPage, VerdictName
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


@router.get(
    "/stories/{story_id}/crosscheck",
    response_model=CrossCheckOut,
    summary="A story's cross-check",
    responses=CSV_RESPONSES,
)
def get_crosscheck(
    *,
    story_id: StoryId,
    request: Request,
    response: Response,
    faces: Annotated[Faces, Depends(faces_of)],
    verdict: Verdicts = None,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """What every source says: groups of statements (figures, quotes, claims, what is said about an entity),
    each with its verdict (conflicting; updated: a count given at two moments, with its timeline;
    differs-by-source: outlets report different sources, each statement's ``attributed_to``; corroborated;
    differing; single-source), the independent sources behind it, each conflict pair's relation, how central
    it is (``score``) and the exact passage of every article. The stored report while the story is
    unchanged, computed otherwise (the first time can take a few seconds). As CSV: one row per statement
    with its group's verdict (the columns of ``recoupe export statements``)."""
    report = faces.crosscheck(story_id).to_dict()
    response.headers["Content-Location"] = f"/api/stories/{report['story_id']}/crosscheck"
    if verdict:
        wanted = set(verdict)
        report["verdicts"] = [v for v in report["verdicts"] if v["verdict"] in wanted]
    if prefers_csv(request, fmt):
        columns = [name for name, _ in COLUMNS["statements"]]
        return csv_response(statement_rows(report), columns, f"crosscheck-{report['story_id']}")
    return report
