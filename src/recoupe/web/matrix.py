"""The cross-check matrix of a story page: one row per group of statements, one column per independent source.

Each cell holds what that source says (its statements' text, conflicting spans and words only one source
adds marked), each linked to the exact passage on the article page. Built from a ``CrossCheck`` as plain
data; the template escapes every string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.crosscheck.verdict import VERDICTS
from recoupe.web.render import passage_url
from recoupe.web.text import Mark, Piece, pieces

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.verdict import Verdict

__all__ = ["Matrix", "MatrixRow", "Said", "matrix"]

MAX_ROWS = 150
SHOWN_PER_CELL = 2
SUBJECT_CHARS = 90


@dataclass(frozen=True, slots=True)
class Said:
    """One statement in a cell: its text as pieces, and the link to its passage."""

    pieces: tuple[Piece, ...]
    href: str
    outlet: str
    copy: bool


@dataclass(frozen=True, slots=True)
class MatrixRow:
    verdict: str
    kind: str
    subject: str
    conflicts: tuple[str, ...]
    only: tuple[str, ...]
    copies: int
    cells: tuple[tuple[Said, ...], ...]  # one per source, in the matrix's source order


@dataclass(frozen=True, slots=True)
class Matrix:
    sources: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    counts: dict[str, int]
    matching: int  # rows matching the filter, before the MAX_ROWS cut


def _subject(verdict: Verdict) -> str:
    """What the row is about: a figure's slot, a quote's speaker, an entity; claims speak for themselves."""
    if verdict.kind == "claim":
        return ""
    subject = verdict.subject
    return subject if len(subject) <= SUBJECT_CHARS else subject[: SUBJECT_CHARS - 1] + "…"


def _said(verdict: Verdict, index: int, outlet: str, copy: bool) -> Said:
    statement = verdict.statements[index]
    marks = [
        Mark(span[0] - statement.start, span[1] - statement.start, "conflict")
        for conflict, a, b in verdict.conflicts
        for span, side in ((conflict.a_span, a), (conflict.b_span, b))
        if side is statement
    ]
    marks += [Mark(start, end, "only") for i, start, end in verdict.details if i == index]
    return Said(
        tuple(pieces(statement.text, marks)),
        passage_url(statement.article_id, statement.start, statement.end),
        outlet,
        copy,
    )


def _row(
    verdict: Verdict, column_of: dict[str, int], width: int, outlets: dict[str, str], copies: set[str]
) -> MatrixRow:
    cells: list[list[Said]] = [[] for _ in range(width)]
    for index, statement in enumerate(verdict.statements):
        column = column_of.get(statement.article_id)
        if column is not None:
            cells[column].append(
                _said(verdict, index, outlets.get(statement.article_id, ""), statement.article_id in copies)
            )
    only = tuple(verdict.statements[i].text[start:end] for i, start, end in verdict.details if end - start >= 4)
    return MatrixRow(
        verdict=verdict.verdict,
        kind=verdict.kind,
        subject=_subject(verdict),
        conflicts=tuple(conflict.detail for conflict, _, _ in verdict.conflicts),
        only=tuple(dict.fromkeys(only)),
        copies=len(verdict.copies),
        cells=tuple(tuple(cell) for cell in cells),
    )


def matrix(result: CrossCheck, *, verdict: str | None = None, kind: str | None = None) -> Matrix:
    """The matrix of ``result``, rows filtered by ``verdict`` and ``kind`` when given, at most ``MAX_ROWS``."""
    sources = tuple(dict.fromkeys(str(a["source"]) for a in result.articles))
    column_of = {str(a["id"]): sources.index(str(a["source"])) for a in result.articles}
    outlets = {str(a["id"]): str(a.get("outlet") or a["source"]) for a in result.articles}
    copies = {str(a["id"]) for a in result.articles if a.get("copy_of")}
    wanted = [
        v for v in result.verdicts if (verdict is None or v.verdict == verdict) and (kind is None or v.kind == kind)
    ]
    rows = tuple(_row(v, column_of, len(sources), outlets, copies) for v in wanted[:MAX_ROWS])
    counts = result.counts()
    return Matrix(sources, rows, {v: counts.get(v, 0) for v in VERDICTS}, len(wanted))
