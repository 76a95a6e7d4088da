"""Folding text for comparison: case-folded, accents removed. Stored and displayed text is never folded."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "fold_in_place"]


def fold(text: str) -> str:
    """``text`` case-folded, with its accents and other combining marks removed ("Élysée" → "elysee")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_in_place(text: str) -> str:
    """``text`` folded letter by letter, one character for each, so that offsets into it are offsets into
    ``text`` (a letter that folds to nothing is a space)."""
    return "".join(fold(ch)[:1] or " " for ch in text)
