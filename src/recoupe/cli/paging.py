"""How a list command titles a page: how many there are, which of them are shown, how to see the next."""

from __future__ import annotations

__all__ = ["showing"]


def showing(nouns: tuple[str, str], offset: int, shown: int, total: int | None) -> str:
    """A list's title: "3 stories" when all are shown, else "showing 1–20 of 23 stories (--offset 20 for
    the next)"; ``total`` ``None`` means "more than shown", the count being unknown."""
    if total is not None and offset == 0 and shown == total:
        return f"{total} {nouns[0] if total == 1 else nouns[1]}"
    of = str(total) if total is not None else f"more than {offset + shown}"
    if not shown:
        return f"none from {offset + 1} ({of} {nouns[1]})"
    more = total is None or offset + shown < total
    hint = f" (--offset {offset + shown} for the next)" if more else ""
    return f"showing {offset + 1}–{offset + shown} of {of} {nouns[1]}{hint}"
