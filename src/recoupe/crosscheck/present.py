"""How the faces (CLI table, standalone HTML page, web matrix) read a cross-check, said once.

- **Leading and collapsed rows**: every verdict but ``single-source`` leads, in ``VERDICTS`` order; the
  single-source rows are collapsed per outlet, each outlet's rows ordered by ``Verdict.score`` (how central
  the statement is to the story), highest first.
- **Labels and symbols** of each verdict and of each conflict's ``relation``; a symbol beside the colour so
  colour is never the only carrier.
- **Sources and moments**: the source a statement gives (``selon la préfecture``), the moment it speaks of
  (the time the sentence gives, the article's publication date), an update's timeline of values and a
  differs-by-source pair as "X says a, Y says b".

Plain functions over the frozen model; nothing here formats for one face only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.crosscheck.verdict import VERDICTS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement
    from recoupe.crosscheck.verdict import Verdict

__all__ = [
    "COLLAPSED",
    "LABELS",
    "RELATION_LABELS",
    "SYMBOLS",
    "Collapsed",
    "Step",
    "attribution",
    "by_score",
    "collapse",
    "expanded",
    "label",
    "moment",
    "relation_lines",
    "says",
    "source_of_verdict",
    "sources_of",
    "symbol",
    "timeline",
    "value_of",
]

#: the verdict whose rows are collapsed per outlet
COLLAPSED = "single-source"

LABELS = {
    "conflicting": "Conflicting",
    "updated": "Updated",
    "differs-by-source": "Differs by source",
    "corroborated": "Corroborated",
    "differing": "Differing",
    "single-source": "Single source",
}
#: a symbol beside each verdict's colour, so colour is never the only carrier
SYMBOLS = {
    "conflicting": "✗",
    "updated": "↻",
    "differs-by-source": "⇄",
    "corroborated": "✓",
    "differing": "≠",
    "single-source": "①",
}
RELATION_LABELS = {"conflicting": "conflict", "updated": "update", "differs-by-source": "differs by source"}
_WHEN = {"provisional": "provisional", "final": "final", "latest": "latest"}


def label(verdict: str) -> str:
    """A verdict in words (an unknown one as it is written)."""
    return LABELS.get(verdict, verdict)


def symbol(verdict: str) -> str:
    return SYMBOLS.get(verdict, "•")


@dataclass(frozen=True, slots=True)
class Collapsed:
    """One outlet's single-source rows, most central first."""

    source: str
    verdicts: tuple[Verdict, ...]

    @property
    def count(self) -> int:
        return len(self.verdicts)


def source_of_verdict(verdict: Verdict, source_of: Mapping[str, str]) -> str:
    """The independent source of a single-source verdict: its first statement's, else the one it names."""
    for statement in verdict.statements:
        if statement.article_id in source_of:
            return source_of[statement.article_id]
    return verdict.sources[0] if verdict.sources else "unknown source"


def sources_of(result: CrossCheck) -> tuple[tuple[str, ...], dict[str, str]]:
    """The story's independent sources in article order, and each article id's source."""
    source_of = {str(a["id"]): str(a["source"]) for a in result.articles}
    return tuple(dict.fromkeys(source_of.values())), source_of


def by_score(verdicts: Iterable[Verdict]) -> list[Verdict]:
    """Most central first; ties keep their order (the cross-check's own)."""
    return sorted(verdicts, key=lambda v: -v.score)


def collapse(
    verdicts: Sequence[Verdict], source_of: Mapping[str, str], order: Sequence[str] = ()
) -> tuple[list[Verdict], list[Collapsed]]:
    """The leading rows (every verdict but single-source, in ``VERDICTS`` order, stable) and the single-source
    rows collapsed per outlet (outlets in ``order`` first, then by count), each outlet's rows by score."""
    rank = {verdict: i for i, verdict in enumerate(VERDICTS)}
    leading = sorted((v for v in verdicts if v.verdict != COLLAPSED), key=lambda v: rank.get(v.verdict, len(rank)))
    groups: dict[str, list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.verdict == COLLAPSED:
            groups.setdefault(source_of_verdict(verdict, source_of), []).append(verdict)
    position = {name: i for i, name in enumerate(order)}
    names = sorted(groups, key=lambda name: (position.get(name, len(position)), -len(groups[name]), name))
    return leading, [Collapsed(name, tuple(by_score(groups[name]))) for name in names]


def expanded(verdicts: Sequence[Verdict], source_of: Mapping[str, str], order: Sequence[str] = ()) -> list[Verdict]:
    """Every row: the leading ones, then the single-source ones outlet by outlet, each outlet's by score."""
    leading, collapsed = collapse(verdicts, source_of, order)
    return leading + [v for group in collapsed for v in group.verdicts]


def attribution(statement: Statement) -> str:
    """``selon la préfecture`` (``according to the police`` in another language); ``""`` when none is given."""
    source = (statement.attributed_to or "").strip()
    if not source:
        return ""
    if (statement.language or "fr").startswith("fr"):
        return f"selon {source}"
    return f"according to {source}"


def _published(value: str | None) -> str:
    """``2025-02-11 09:30`` from an ISO date at its precision (seconds and zone left out)."""
    if not value:
        return ""
    day, _, time = value.partition("T")
    return f"{day} {time[:5]}" if time else day


def moment(statement: Statement) -> str:
    """When the statement speaks of: the moment its sentence gives, then the article's publication date
    (``14:00 · 2025-02-11 09:30``); ``""`` when neither is known."""
    parts = []
    if statement.when:
        parts.append(_WHEN.get(statement.when, statement.when))
    if statement.published:
        parts.append(_published(statement.published))
    return " · ".join(parts)


def value_of(statement: Statement, span: tuple[int, int] | None = None) -> str:
    """What a statement gives as its value: the conflicting span when given, its figure, else its text."""
    if span is not None:
        start, end = span[0] - statement.start, span[1] - statement.start
        if 0 <= start < end <= len(statement.text):
            return statement.text[start:end]
    if statement.figure is not None and statement.figure.text:
        return statement.figure.text
    return " ".join(statement.text.split())


@dataclass(frozen=True, slots=True)
class Step:
    """One value of an update's timeline."""

    index: int  # into the verdict's statements
    value: str
    moment: str
    outlet: str


def _outlet(statement: Statement, source_of: Mapping[str, str]) -> str:
    return statement.outlet or source_of.get(statement.article_id, "outlet not given")


def timeline(verdict: Verdict, source_of: Mapping[str, str] | None = None) -> list[Step]:
    """An updated verdict's values from the earliest to the latest (``Verdict.timeline``); ``[]`` otherwise."""
    names = source_of or {}
    steps = []
    for index in verdict.timeline:
        if 0 <= index < len(verdict.statements):
            statement = verdict.statements[index]
            steps.append(Step(index, value_of(statement), moment(statement), _outlet(statement, names)))
    return steps


def says(conflict: Conflict, a: Statement, b: Statement, source_of: Mapping[str, str] | None = None) -> str:
    """A differs-by-source pair as a person says it: ``la préfecture (Le Monde) says 8 000 manifestants,
    les organisateurs (Libération) say 30 000``; a side without a source is its outlet's own word."""
    names = source_of or {}

    def side(statement: Statement, span: tuple[int, int]) -> str:
        outlet = _outlet(statement, names)
        who = f"{statement.attributed_to.strip()} ({outlet})" if statement.attributed_to else outlet
        return f"{who} says {value_of(statement, span)}"

    return f"{side(a, conflict.a_span)}, {side(b, conflict.b_span)}"


def relation_lines(verdict: Verdict, source_of: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Each conflict pair as (relation, what to read): a differs-by-source pair as "X says a, Y says b",
    the others as their detail labelled with their relation."""
    lines = []
    for conflict, a, b in verdict.conflicts:
        relation = conflict.relation or "conflicting"
        text = says(conflict, a, b, source_of) if relation == "differs-by-source" else conflict.detail
        lines.append((relation, f"{RELATION_LABELS.get(relation, relation)}: {text}"))
    return list(dict.fromkeys(lines))
