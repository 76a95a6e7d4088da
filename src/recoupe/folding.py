"""Folding text for comparison: case-folded, accents removed. Stored and displayed text is never folded."""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]


def fold(text: str) -> str:
    """``text`` case-folded, with its accents and other combining marks removed ("Élysée" → "elysee")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
