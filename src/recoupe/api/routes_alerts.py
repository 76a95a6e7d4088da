"""Alert routes: ``GET /api/alerts`` (newest first) and ``GET /api/watchlists`` (secrets never shown)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from recoupe.api.routes_common import READ_RESPONSES, CachedRoute, Limit, Offset
from recoupe.api.schemas import _Out
from recoupe.faces import Faces, faces_of

__all__ = ["router"]

router = APIRouter(route_class=CachedRoute, tags=["alerts"], responses=READ_RESPONSES)


class WatchlistRef(_Out):
    id: int
    name: str


class AlertOut(_Out):
    id: int
    watchlist: WatchlistRef
    story_id: str
    kind: str = Field(description="new-story, new-outlet, conflicting or updated")
    title: str = Field(description="The story's title when the alert was raised.")
    detail: str = Field(description="The change in words, e.g. 'now 3 independent outlets (was 2)'.")
    created_at: str
    delivered_at: str | None = Field(description="When its webhook took it; null before (or without a webhook).")
    attempts: int
    last_error: str | None


class AlertList(_Out):
    items: list[AlertOut]


class WatchlistOut(_Out):
    id: int
    name: str
    entity: str | None = Field(description="An entity key (see /api/entities).")
    query: str | None = Field(description="A full-text query.")
    outlet: str | None
    min_outlets: int
    webhook: str | None
    signed: bool = Field(description="Whether webhook bodies are signed (X-Recoupe-Signature).")
    created_at: str


class WatchlistList(_Out):
    items: list[WatchlistOut]


@router.get("/alerts", response_model=AlertList, summary="Alerts")
def list_alerts(
    faces: Annotated[Faces, Depends(faces_of)],
    watchlist: Annotated[str | None, Query(max_length=200, description="Only this watchlist's alerts.")] = None,
    pending: Annotated[bool, Query(description="Only alerts not yet delivered to their webhook.")] = False,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Alerts raised by the watchlists after ingest and watch rounds, newest first."""
    found = faces.store.alerts(watchlist=watchlist, pending=pending, limit=limit, offset=offset)
    return {"items": [a.to_dict() for a in found]}


@router.get("/watchlists", response_model=WatchlistList, summary="Watchlists")
def list_watchlists(faces: Annotated[Faces, Depends(faces_of)]) -> dict[str, Any]:
    """The watchlists (made with ``recoupe watchlist add``); a secret shows only as ``signed``."""
    return {"items": [w.to_dict() for w in faces.store.watchlists()]}
