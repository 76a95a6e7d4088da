"""Entity and quote routes: ``GET /api/entities``, ``GET /api/entities/{key}``, ``GET /api/quotes``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from recoupe.api.csv_answer import CSV_RESPONSES, Format, csv_or_json
from recoupe.api.routes_common import READ_RESPONSES, CachedRoute, Limit, Offset, next_link
from recoupe.api.schemas import EntityDetail, EntityPage, QuotePage
from recoupe.enrich.entities import entity_key
from recoupe.errors import NotFoundError
from recoupe.faces import Faces, faces_of

__all__ = ["ENTITY_STORIES", "router"]

router = APIRouter(route_class=CachedRoute, tags=["entities"], responses=READ_RESPONSES)

ENTITY_STORIES = 100  # stories listed on an entity's page
ENTITY_QUOTES = 100  # quotes listed on an entity's page
_SCAN = 1000  # entities whose key contains the wanted key, searched for the exact one


@router.get("/entities", response_model=EntityPage, summary="List entities", responses=CSV_RESPONSES)
def list_entities(
    *,
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    label: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query(description="Only this type.")] = None,
    name: Annotated[
        str | None, Query(max_length=200, description="Names containing this (accents, case and titles ignored).")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """People, organisations, places and other names across the corpus, most-covered first, with how many
    articles name them and how many quotes they are given."""
    key = entity_key(name) if name else None
    rows = [] if name and not key else faces.store.entities(label=label, name=key, limit=limit + 1, offset=offset)
    page = {
        "items": [row.to_dict() for row in rows[:limit]],
        "limit": limit,
        "offset": offset,
        "next": next_link(request, offset=offset, limit=limit, more=len(rows) > limit),
    }
    return csv_or_json(request, fmt, page, EntityPage, "entities")


@router.get("/entities/{key}", response_model=EntityDetail, summary="One entity")
def get_entity(
    key: Annotated[str, Path(description="An entity key (as listed) or a name, folded the same way.")],
    faces: Annotated[Faces, Depends(faces_of)],
) -> dict[str, Any]:
    """The entity with the stories naming it (oldest first: its story over time) and what it is quoted saying."""
    store = faces.store
    wanted = entity_key(key)
    found = next((e for e in store.entities(name=wanted, limit=_SCAN) if e.key == wanted), None) if wanted else None
    if found is None:
        raise NotFoundError(f"no entity with key {key!r}")
    stories = store.stories(order="oldest", entity=found.key, limit=ENTITY_STORIES)
    said = store.quotes(speaker_key=found.key, limit=ENTITY_QUOTES * 2)
    quoted = [q for q in said if q.quote.speaker_key == found.key]
    return found.to_dict() | {
        "stories": [row.to_dict() for row in stories],
        "quotes_given": [q.to_dict() for q in quoted[:ENTITY_QUOTES]],
    }


@router.get("/quotes", response_model=QuotePage, summary="List quotes", responses=CSV_RESPONSES)
def list_quotes(
    *,
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    speaker: Annotated[
        str | None, Query(max_length=200, description="Speakers whose name contains this (accents and case ignored).")
    ] = None,
    article: Annotated[
        str | None, Query(max_length=64, description="Only quotes from this article (id or unique prefix).")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    fmt: Format = None,
) -> dict[str, Any] | Response:
    """Direct and reported speech with its speaker, cue and role, and the article it comes from; newest first."""
    key = entity_key(speaker) if speaker else None
    if speaker and not key:
        rows = []
    else:
        rows = faces.store.quotes(speaker_key=key, article_id=article or None, limit=limit + 1, offset=offset)
    page = {
        "items": [row.to_dict() for row in rows[:limit]],
        "limit": limit,
        "offset": offset,
        "next": next_link(request, offset=offset, limit=limit, more=len(rows) > limit),
    }
    return csv_or_json(request, fmt, page, QuotePage, "quotes")
