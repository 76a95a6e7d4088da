"""Verdicts: for each group of aligned statements, is it corroborated, single-source, conflicting or differing?

- **conflicting**: two statements of *different* independent sources in the group are incompatible by the
  rules of ``recoupe.crosscheck.rules``: the same figure slot with values that rounding cannot reconcile,
  two different years or days, a quote whose words differ beyond punctuation or that is given to different
  speakers, a negated or opposite predicate. Each conflict cites the exact span in each article.
- **corroborated**: no conflict and at least two independent sources. A wire copy counts for the outlet of
  the article it copies: five sites running one AFP dispatch corroborate nothing by themselves; the copies
  are listed as copies.
- **differing** (entity groups only): several sources say things about one entity that neither align nor
  conflict by rule; they are shown side by side for a person to judge.
- **single-source**: one independent source says it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from recoupe.crosscheck.rules import Conflict, figure_conflicts, polarity_conflicts, quote_conflicts, values_compatible

if TYPE_CHECKING:
    from collections.abc import Mapping

    from recoupe.crosscheck.align import Group
    from recoupe.crosscheck.statements import Statement
    from recoupe.enrich.nlp import NlpModels

__all__ = ["VERDICTS", "Verdict", "judge"]

VERDICTS = ("conflicting", "corroborated", "differing", "single-source")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A group of statements with its verdict, the independent sources behind it and its conflicts.

    ``conflicts`` pairs each ``Conflict`` with the two statements it was found between.
    """

    kind: str
    verdict: str
    subject: str
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]  # independent sources, by name
    copies: tuple[tuple[str, str], ...]  # (article id, id of the article it copies)
    conflicts: tuple[tuple[Conflict, Statement, Statement], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "subject": self.subject,
            "sources": list(self.sources),
            "statements": [s.to_dict() for s in self.statements],
            "copies": [{"article_id": a, "copy_of": b} for a, b in self.copies],
            "conflicts": [
                {
                    **c.to_dict(),
                    "a_article": a.article_id,
                    "b_article": b.article_id,
                    "a_statement": self.statements.index(a),
                    "b_statement": self.statements.index(b),
                }
                for c, a, b in self.conflicts
            ],
        }


def _pair_conflicts(a: Statement, b: Statement, kind: str, nlp: NlpModels | None) -> list[Conflict]:
    if kind == "figure" and a.figure is not None and b.figure is not None:
        if values_compatible(a.figure, b.figure):
            return []
        return figure_conflicts(a.text, [_local(a.figure, a.start)], b.text, [_local(b.figure, b.start)])
    if kind == "quote" and a.quote is not None and b.quote is not None:
        return quote_conflicts(a.quote, b.quote)
    if kind in {"claim", "entity"}:
        found = figure_conflicts(
            a.text, [_local(f, a.start) for f in a.figures], b.text, [_local(f, b.start) for f in b.figures]
        )
        if a.language == b.language:
            found += polarity_conflicts(a.text, b.text, a.language or "fr", nlp)
        return found
    return []


def _local(figure: Any, offset: int) -> Any:
    """A figure with offsets relative to its statement's text (the rules work on the statement alone)."""
    from dataclasses import replace

    return replace(figure, start=figure.start - offset, end=figure.end - offset)


def judge(
    group: Group,
    source_of: Mapping[str, str],
    copy_of: Mapping[str, str],
    nlp: NlpModels | None = None,
) -> Verdict:
    """The verdict of ``group``; ``source_of`` maps an article to its independent source, ``copy_of`` copies."""
    statements = group.statements
    sources = tuple(dict.fromkeys(source_of[s.article_id] for s in statements))
    copies = tuple((a, copy_of[a]) for a in group.articles if a in copy_of)
    conflicts: list[tuple[Conflict, Statement, Statement]] = []
    for i, a in enumerate(statements):
        for b in statements[i + 1 :]:
            if source_of[a.article_id] == source_of[b.article_id]:
                continue
            conflicts.extend((c, a, b) for c in _pair_conflicts(a, b, group.kind, nlp))
    if conflicts:
        verdict = "conflicting"
    elif group.kind == "entity":
        verdict = "differing"
    elif len(sources) > 1:
        verdict = "corroborated"
    else:
        verdict = "single-source"
    return Verdict(group.kind, verdict, group.subject, statements, sources, copies, tuple(conflicts))
