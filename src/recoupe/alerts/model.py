"""What a watchlist is and what an alert says: plain frozen values, shared by the store and the faces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["ALERT_KINDS", "Alert", "StoryCounts", "Watchlist"]

#: why an alert was raised: a story matching the watchlist appeared, gained an independent outlet, or
#: gained a conflicting or an updated statement (from its stored cross-check counts)
ALERT_KINDS = ("new-story", "new-outlet", "conflicting", "updated")


@dataclass(frozen=True, slots=True)
class Watchlist:
    """What to watch for: every condition given must hold (entity key, full-text query, outlet, outlets).

    ``webhook`` receives each alert as a JSON POST, signed with ``secret`` when one is set.
    """

    id: int
    name: str
    entity: str | None
    query: str | None
    outlet: str | None
    min_outlets: int
    webhook: str | None
    secret: str | None
    created_at: datetime

    def describe(self) -> str:
        """The conditions in words, e.g. ``entity "emmanuel macron" · 2+ outlets``."""
        parts = []
        if self.entity:
            parts.append(f"entity {self.entity!r}")
        if self.query:
            parts.append(f"text {self.query!r}")
        if self.outlet:
            parts.append(f"outlet {self.outlet!r}")
        if self.min_outlets > 1:
            parts.append(f"{self.min_outlets}+ independent outlets")
        return " · ".join(parts) or "every story"

    def to_dict(self) -> dict[str, Any]:
        """The watchlist for JSON, without its secret (only whether it has one)."""
        return {
            "id": self.id,
            "name": self.name,
            "entity": self.entity,
            "query": self.query,
            "outlet": self.outlet,
            "min_outlets": self.min_outlets,
            "webhook": self.webhook,
            "signed": bool(self.secret),
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class StoryCounts:
    """What a watchlist last saw of a story: independent outlets, articles, conflicting and updated statements."""

    independent: int
    articles: int
    conflicting: int
    updated: int


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert of the outbox: raised once, delivered (to its watchlist's webhook) at most once."""

    id: int
    watch_id: int
    watch_name: str
    story_id: str
    kind: str
    title: str
    detail: str
    created_at: datetime
    delivered_at: datetime | None
    attempts: int
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        """The alert as the webhook and ``--json`` give it."""
        return {
            "id": self.id,
            "watchlist": {"id": self.watch_id, "name": self.watch_name},
            "story_id": self.story_id,
            "kind": self.kind,
            "title": self.title,
            "detail": self.detail,
            "created_at": self.created_at.isoformat(),
            "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None,
            "attempts": self.attempts,
            "last_error": self.last_error,
        }
