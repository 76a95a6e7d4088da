"""The cross-check matrix of a story page: one row per group of statements, one column per independent source.

Each cell holds what that source says (its statements' text, conflicting spans and words only one source
adds marked, the source a statement gives and, for an update, its moment), each linked to the exact passage
on the article page. Conflicting, updated, differs-by-source, corroborated and differing rows lead; the
single-source rows are collapsed per outlet (``Matrix.collapsed``: a count and the rows, most central first)
unless the page asks for every row (``?all=1``) or for single-source rows. Built from a ``CrossCheck`` as
plain data; the template escapes every string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.crosscheck.present import attribution, collapse, moment, relation_lines, sources_of, timeline
from recoupe.crosscheck.verdict import VERDICTS
from recoupe.web.render import passage_url
from recoupe.web.text import Mark, Piece, pieces

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.verdict import Verdict

__all__ = ["Matrix", "MatrixRow", "OutletRows", "Said", "Step", "matrix"]

MAX_ROWS = 150
SHOWN_PER_CELL = 2
SUBJECT_CHARS = 90


@dataclass(frozen=True, slots=True)
class Said:
    """One statement in a cell: its text as pieces, the link to its passage, the source it gives
    (``selon la préfecture``) and the moment it speaks of (shown on updates and when the sentence gives one)."""

    pieces: tuple[Piece, ...]
    href: str
    outlet: str
    copy: bool
    attributed: str = ""
    moment: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """One value of an update's timeline, earliest first."""

    value: str
    moment: str
    outlet: str
    href: str


@dataclass(frozen=True, slots=True)
class MatrixRow:
    verdict: str
    kind: str
    subject: str
    relations: tuple[tuple[str, str], ...]  # (relation, what to read) for each conflict pair
    only: tuple[str, ...]
    copies: int
    cells: tuple[tuple[Said, ...], ...]  # one per source, in the matrix's source order
    timeline: tuple[Step, ...] = ()
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class OutletRows:
    """One outlet's single-source rows, collapsed: its column in the matrix, how many, the rows shown."""

    source: str
    column: int
    count: int
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    sources: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    counts: dict[str, int]
    matching: int  # leading rows matching the filter (every row when expanded), before the MAX_ROWS cut
    collapsed: tuple[OutletRows, ...] = ()  # single-source rows per outlet, when not expanded
    expanded: bool = False  # single-source rows are in ``rows``


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
        attribution(statement),
        moment(statement) if verdict.verdict == "updated" or statement.when else "",
    )


@dataclass(frozen=True, slots=True)
class _Columns:
    """The story's articles as the matrix places them."""

    sources: tuple[str, ...]
    source_of: dict[str, str]  # article id -> its independent source
    outlets: dict[str, str]  # article id -> its own outlet
    copies: set[str]  # ids of wire copies

    @classmethod
    def of(cls, result: CrossCheck) -> _Columns:
        sources, source_of = sources_of(result)
        outlets = {str(a["id"]): str(a.get("outlet") or a["source"]) for a in result.articles}
        return cls(sources, source_of, outlets, {str(a["id"]) for a in result.articles if a.get("copy_of")})

    def column(self, article_id: str) -> int | None:
        source = self.source_of.get(article_id)
        return self.sources.index(source) if source in self.sources else None


def _row(verdict: Verdict, columns: _Columns) -> MatrixRow:
    cells: list[list[Said]] = [[] for _ in columns.sources]
    for index, statement in enumerate(verdict.statements):
        column = columns.column(statement.article_id)
        if column is not None:
            outlet = columns.outlets.get(statement.article_id, "")
            cells[column].append(_said(verdict, index, outlet, statement.article_id in columns.copies))
    only = tuple(verdict.statements[i].text[start:end] for i, start, end in verdict.details if end - start >= 4)
    steps = tuple(
        Step(
            step.value,
            step.moment,
            step.outlet,
            passage_url(
                verdict.statements[step.index].article_id,
                verdict.statements[step.index].start,
                verdict.statements[step.index].end,
            ),
        )
        for step in timeline(verdict, columns.source_of)
    )
    return MatrixRow(
        verdict=verdict.verdict,
        kind=verdict.kind,
        subject=_subject(verdict),
        relations=tuple(relation_lines(verdict, columns.source_of)),
        only=tuple(dict.fromkeys(only)),
        copies=len(verdict.copies),
        cells=tuple(tuple(cell) for cell in cells),
        timeline=steps,
        score=verdict.score,
    )


def matrix(
    result: CrossCheck, *, verdict: str | None = None, kind: str | None = None, show_all: bool = False
) -> Matrix:
    """The matrix of ``result``, rows filtered by ``verdict`` and ``kind`` when given, at most ``MAX_ROWS``
    leading rows; single-source rows collapsed per outlet unless ``show_all`` or ``verdict`` asks for them."""
    columns = _Columns.of(result)
    sources = columns.sources
    wanted = [
        v for v in result.verdicts if (verdict is None or v.verdict == verdict) and (kind is None or v.kind == kind)
    ]
    leading, groups = collapse(wanted, columns.source_of, sources)
    expanded = show_all or verdict == "single-source"

    def row(v: Verdict) -> MatrixRow:
        return _row(v, columns)

    counts = result.counts()
    counts = {v: counts.get(v, 0) for v in VERDICTS}
    if expanded:
        every = leading + [v for group in groups for v in group.verdicts]
        return Matrix(sources, tuple(row(v) for v in every[:MAX_ROWS]), counts, len(every), (), expanded=True)
    collapsed = tuple(
        OutletRows(
            group.source,
            sources.index(group.source) if group.source in sources else 0,
            group.count,
            tuple(row(v) for v in group.verdicts[:MAX_ROWS]),
        )
        for group in groups
    )
    return Matrix(sources, tuple(row(v) for v in leading[:MAX_ROWS]), counts, len(leading), collapsed)
