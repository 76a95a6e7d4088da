"""REST routes under ``/api`` (placeholder: health only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(prefix="/api")


@router.get("/health")
def health() -> dict[str, Any]:
    return {"status": "ok"}
