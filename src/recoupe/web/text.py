"""Highlighted text without markup in the data: a text cut at span offsets into plain ``Piece``s.

An article's text (title, lead and body joined by blank lines, the text every offset refers to) is cut at
every start and end of the spans to highlight and at every line break; each piece says which kinds of span
cover it. Templates print each piece's text autoescaped inside a ``<span class=...>``: the text is never
marked safe, so whatever an article contains shows as text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from recoupe.model import Article, Enrichment

__all__ = ["Block", "Mark", "Piece", "article_blocks", "pieces", "spans_from_query"]

_LINE = re.compile(r"[^\n]+")
_SPAN = re.compile(r"^(\d{1,7})-(\d{1,7})$")
MAX_CITED = 5


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: ``kind`` is a CSS class (``ent``, ``quote``, ``fig``, ``cited``, ``hit``, ...)."""

    start: int
    end: int
    kind: str
    key: str | None = None  # an entity key: the piece links to the entity page
    label: str | None = None  # shown on hover (the speaker of a quote, a figure's value)
    anchor: str | None = None  # id of the first piece (a link target)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by the same marks."""

    text: str
    classes: str = ""
    key: str | None = None
    label: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A line of an article's text: ``role`` is ``title``, ``lead`` or ``body``."""

    role: str
    pieces: tuple[Piece, ...]


def pieces(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[Piece]:
    """``text[start:end]`` cut into pieces at the marks' boundaries (marks outside are ignored)."""
    end = len(text) if end is None else end
    kept = [m for m in marks if m.start < m.end and m.start < end and m.end > start]
    cuts = sorted(
        {start, end} | {m.start for m in kept if start < m.start < end} | {m.end for m in kept if m.end < end}
    )
    anchored: set[str] = set()
    out: list[Piece] = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in kept if m.start <= left and m.end >= right]
        classes = " ".join(sorted({m.kind for m in covering}))
        key = next((m.key for m in covering if m.key), None)
        label = next((m.label for m in covering if m.label), None)
        anchor = None
        for mark in covering:
            if mark.anchor and mark.anchor not in anchored:
                anchored.add(mark.anchor)
                anchor = mark.anchor
                break
        out.append(Piece(text[left:right], classes, key, label, anchor))
    return out


def _carry_anchors(text: str, marks: Sequence[Mark]) -> list[Mark]:
    """Anchored marks that start on a line break start on the next character (the anchor must show)."""
    fixed = []
    for mark in marks:
        start = mark.start
        while start < mark.end and start < len(text) and text[start] == "\n":
            start += 1
        fixed.append(
            Mark(start, mark.end, mark.kind, mark.key, mark.label, mark.anchor) if start != mark.start else mark
        )
    return fixed


def article_blocks(article: Article, marks: Sequence[Mark]) -> list[Block]:
    """The article's text as lines of pieces, each line tagged title, lead or body by its offset."""
    text = article.text
    title_end = len(article.title) if article.title else 0
    lead_end = (title_end + 2 if article.title else 0) + len(article.lead) if article.lead else title_end
    marks = _carry_anchors(text, marks)
    blocks = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        role = "title" if line.start() < title_end else "lead" if line.start() < lead_end else "body"
        blocks.append(Block(role, tuple(pieces(text, marks, line.start(), line.end()))))
    return blocks


def enrichment_marks(enrichment: Enrichment | None) -> list[Mark]:
    """Entities (linked), quotes (with their speaker) and figures of an article, as marks."""
    if enrichment is None:
        return []
    marks = [Mark(m.start, m.end, "ent", key=m.key, label=f"{m.canonical} ({m.label})") for m in enrichment.mentions]
    marks += [
        Mark(q.start, q.end, "quote", label=f"quote: {q.speaker or 'speaker unknown'}") for q in enrichment.quotes
    ]
    marks += [Mark(f.start, f.end, "fig", label=_figure_label(f.kind, f.value, f.unit)) for f in enrichment.figures]
    return marks


def _figure_label(kind: str, value: float | str | None, unit: str | None) -> str:
    if isinstance(value, float):
        shown = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    else:
        shown = str(value) if value is not None else "?"
    return f"{kind}: {shown}{' ' + unit if unit else ''}"


def spans_from_query(values: Sequence[str], length: int) -> list[tuple[int, int]]:
    """``start-end`` strings (the ``hl`` query parameter) within a text of ``length``; at most ``MAX_CITED``."""
    spans = []
    for value in values[:MAX_CITED]:
        found = _SPAN.match(value.strip())
        if found:
            start, end = int(found.group(1)), int(found.group(2))
            if 0 <= start < end <= length:
                spans.append((start, end))
    return spans
