"""Correction routes: ``PATCH /api/articles/{id}`` (outlet, title, date) and ``DELETE /api/articles/{id}``.

Like ``POST /api/ingest`` they need the configured bearer token (401 without it) and take the ingest lock
(one write at a time). The store keeps what was there (a revision; a deleted article in
``deleted_articles``), the article's story is recomputed and its stored cross-check dropped, as with
``recoupe edit`` and ``recoupe delete`` (``recoupe.corrections``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field

from recoupe.api.ingest import bearer, check_token
from recoupe.api.routes_common import ERRORS
from recoupe.api.schemas import ErrorBody
from recoupe.corrections import bring_up_to_date, parse_published
from recoupe.faces import Faces, faces_of

__all__ = ["router"]

router = APIRouter(tags=["corrections"])

ArticleId = Annotated[str, Path(max_length=64, description="An article id or a unique prefix of it (6+ characters).")]
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorBody, "description": "No token, a wrong token, or no api_token configured."},
}


class Correction(BaseModel):
    """What to change; a field left out stays as it is. ``outlet`` null: the outlet is not known."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, min_length=1, max_length=2000)
    date: str | None = Field(default=None, max_length=40, description="YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM.")


class Corrected(BaseModel):
    id: str
    changed: list[str] = Field(description="The fields changed (none: the article already said so).")
    deleted: bool
    story_id: str | None = Field(description="The article's story (a deleted article's former story).")
    story_recomputed: bool
    story_gone: bool = Field(description="The story had no other article and went with it.")


def _after(faces: Faces, touched: Any) -> bool:
    settings = faces.settings
    models = faces.nlp() if settings.enrich and "title" in touched.changed else None
    engine = faces.story_engine if settings.stories else None
    return bring_up_to_date(faces.store, touched, engine=engine, models=models)[0]


@router.patch("/articles/{article_id}", response_model=Corrected, summary="Correct an article", responses=_WRITE_ERRORS)
def correct_article(
    article_id: ArticleId,
    correction: Correction,
    faces: Annotated[Faces, Depends(faces_of)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict[str, Any]:
    """Change an article's outlet, title or date; the version before is kept as a revision."""
    check_token(faces.settings.api_token, credentials)
    changes: dict[str, Any] = {}
    if "outlet" in correction.model_fields_set:
        changes["outlet"] = correction.outlet
    if correction.title is not None:
        changes["title"] = correction.title
    if correction.date is not None:
        changes["published"] = parse_published(correction.date)
    with faces.ingest_lock:
        touched = faces.store.edit_article(article_id, **changes)
        recomputed = _after(faces, touched)
    return {
        "id": touched.article.id,
        "changed": list(touched.changed),
        "deleted": False,
        "story_id": touched.story_id,
        "story_recomputed": recomputed,
        "story_gone": False,
    }


@router.delete("/articles/{article_id}", response_model=Corrected, summary="Delete an article", responses=_WRITE_ERRORS)
def delete_article(
    article_id: ArticleId,
    faces: Annotated[Faces, Depends(faces_of)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict[str, Any]:
    """Take an article out of search, stories and cross-checks; it is kept, with its revisions, aside."""
    check_token(faces.settings.api_token, credentials)
    with faces.ingest_lock:
        touched = faces.store.delete_article(article_id)
        recomputed = _after(faces, touched)
    return {
        "id": touched.article.id,
        "changed": ["deleted"],
        "deleted": True,
        "story_id": touched.story_id,
        "story_recomputed": recomputed,
        "story_gone": touched.story_id is not None and not touched.members,
    }
