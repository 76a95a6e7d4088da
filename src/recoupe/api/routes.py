"""REST routes under ``/api``: health here; stories, articles, entities and ingest in their own modules.

Every read is open and cached (``ETag``, ``Cache-Control``, ``304`` on ``If-None-Match``: see
``routes_common``); pages are bounded (``limit`` at most 100); every error has the one JSON shape of
``recoupe.faces.error_body``. ``POST /api/ingest`` needs the configured bearer token (``ingest``), and so do
``PATCH``/``DELETE /api/articles/{id}`` (``corrections``).
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from recoupe.api import (
    corrections,
    ingest,
    routes_alerts,
    routes_corpus,
    routes_entities,
    routes_outlets,
    routes_stories,
)
from recoupe.api.routes_common import READ_RESPONSES, CachedRoute
from recoupe.api.schemas import Health
from recoupe.faces import Faces, faces_of
from recoupe.store.migrations import LATEST

__all__ = ["router"]

router = APIRouter(prefix="/api")
_health = APIRouter(route_class=CachedRoute, tags=["health"], responses=READ_RESPONSES)


@_health.get("/health", response_model=Health, summary="Health")
def health(faces: Annotated[Faces, Depends(faces_of)]) -> dict[str, Any]:
    """The service is up and its database readable: recoupe's version, the schema version, how many
    articles and stories it holds, and whether ingesting through the API is enabled."""
    return {
        "status": "ok",
        "version": version("recoupe"),
        "schema_version": LATEST,
        "articles": faces.store.count(),
        "stories": faces.store.story_count(),
        "ingest_enabled": bool(faces.settings.api_token),
    }


for _part in (
    _health,
    routes_stories.router,
    routes_corpus.router,
    routes_entities.router,
    routes_alerts.router,
    routes_outlets.router,
    ingest.router,
    corrections.router,
):
    router.include_router(_part)
