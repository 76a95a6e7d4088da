"""Outlet profiles and blind spots: plain frozen values the store computes and the faces show.

An outlet's profile says how its statements fare in the stored cross-checks (how many verdicts it has a
statement in, by verdict: corroborated, single-source, conflicting ...), how many of its articles are wire
copies, how many stories it covers and how many of those no other outlet covers. Its blind spots are the
stories several independent outlets tell about someone it usually covers (a person or organisation named in
at least ``USUAL_STORIES`` of its stories) that it does not carry; a story's "not covered by" list is the
outlets that usually cover its main people and organisations and have no article in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recoupe.model import StoryRow

__all__ = ["USUAL_STORIES", "BlindSpot", "NotCovering", "OutletProfile"]

#: an outlet usually covers a person or organisation named in at least this many of its stories
USUAL_STORIES = 2


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """One outlet in figures (``verdicts``: verdict -> cross-check rows it has a statement in)."""

    name: str
    articles: int
    copies: int
    stories: int
    exclusive: int
    verdicts: dict[str, int] = field(default_factory=dict)

    @property
    def copy_share(self) -> float:
        return self.copies / self.articles if self.articles else 0.0

    @property
    def checked(self) -> int:
        """Cross-check rows (verdicts) the outlet has a statement in."""
        return sum(self.verdicts.values())

    def share(self, verdict: str) -> float:
        """The part of its checked statements with ``verdict`` (0 when none was checked)."""
        return self.verdicts.get(verdict, 0) / self.checked if self.checked else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": self.articles,
            "copies": self.copies,
            "copy_share": round(self.copy_share, 4),
            "stories": self.stories,
            "exclusive_stories": self.exclusive,
            "checked_statements": self.checked,
            "verdicts": dict(sorted(self.verdicts.items())),
        }


@dataclass(frozen=True, slots=True)
class BlindSpot:
    """A story other outlets tell about people or organisations the outlet usually covers, without it."""

    story: StoryRow
    entities: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.story.to_dict(), "entities": list(self.entities)}


@dataclass(frozen=True, slots=True)
class NotCovering:
    """An outlet that usually covers a story's main people or organisations and has no article in it."""

    outlet: str
    entities: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "entities": list(self.entities)}
