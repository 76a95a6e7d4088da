"""Outlet profiles and blind spots: ``GET /api/outlets/{name}`` and ``GET /api/stories/{id}/not-covered-by``.

The list of outlets is ``GET /api/outlets`` (``routes_corpus``); what is counted is in ``recoupe.profiles``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import Field

from recoupe.api.routes_common import READ_RESPONSES, CachedRoute
from recoupe.api.schemas import StoryOut, _Out
from recoupe.faces import Faces, faces_of

__all__ = ["router"]

router = APIRouter(route_class=CachedRoute, tags=["outlets"], responses=READ_RESPONSES)

MAX_ITEMS = 50


class BlindSpotOut(_Out):
    story: StoryOut
    entities: list[str] = Field(description="The people and organisations the outlet usually covers it is about.")


class OutletProfileOut(_Out):
    name: str
    articles: int
    copies: int = Field(description="Articles that are wire copies of an earlier article from another outlet.")
    copy_share: float = Field(description="copies / articles")
    stories: int = Field(description="Stories it has an article in.")
    exclusive_stories: int = Field(description="Stories no other outlet covers.")
    checked_statements: int = Field(description="Rows of the stored cross-checks it has a statement in.")
    verdicts: dict[str, int] = Field(description="Those rows by verdict (corroborated, single-source, ...).")
    blind_spots: list[BlindSpotOut] = Field(
        description="Stories told by several independent outlets about people or organisations it usually "
        "covers (named in 2+ of its stories), without it; most independent outlets first."
    )
    exclusives: list[StoryOut] = Field(description="Stories only it covers, latest first.")


class NotCoveringOut(_Out):
    outlet: str
    entities: list[str] = Field(description="The story's main people or organisations that outlet usually covers.")


class NotCoveredBy(_Out):
    story_id: str
    items: list[NotCoveringOut]


@router.get("/outlets/{name}", response_model=OutletProfileOut, summary="One outlet's profile")
def get_outlet(
    name: Annotated[str, Path(max_length=200, description="The outlet's name (case-insensitive).")],
    faces: Annotated[Faces, Depends(faces_of)],
    limit: Annotated[int, Query(ge=0, le=MAX_ITEMS, description="Blind spots and exclusives listed.")] = 10,
) -> dict[str, Any]:
    """How the outlet's statements fare in the stored cross-checks, its share of wire copies, the stories
    only it covers, and its blind spots."""
    store = faces.store
    profile = store.outlet_profile(name)
    return profile.to_dict() | {
        "blind_spots": [b.to_dict() for b in store.outlet_blind_spots(profile.name, limit=limit)],
        "exclusives": [s.to_dict() for s in store.outlet_exclusives(profile.name, limit=limit)],
    }


@router.get("/stories/{story_id}/not-covered-by", response_model=NotCoveredBy, summary="Who does not cover a story")
def get_not_covered_by(
    story_id: Annotated[str, Path(max_length=64, description="A story id or a unique prefix (6+ characters).")],
    faces: Annotated[Faces, Depends(faces_of)],
) -> dict[str, Any]:
    """Outlets that usually cover the story's main people or organisations (named in 2+ of their stories)
    and have no article in it, those sharing the most of them first."""
    store = faces.store
    row = store.story_row(story_id)
    return {"story_id": row.id, "items": [n.to_dict() for n in store.not_covered_by(row.id)]}
