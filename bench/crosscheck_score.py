"""Scoring of the planted cross-check pairs (``crosscheck.py``): what each kind expects, which report finds
it, and the table per kind.

A report is *right* when it says what was planted where it was planted: a conflict of the planted kind over
the changed span of B, a ``differs-by-source`` verdict there, or an ``updated`` verdict whose timeline runs
from A's statement to B's.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

KINDS = (
    "figure",
    "figure_paraphrase",
    "date",
    "attributed",
    "quote_wording",
    "update",
    "speaker",
    "none_paraphrase",
    "none",
)
#: what recoupe should say over the planted change (``None``: nothing)
EXPECTED = {
    "figure": "conflicting",
    "figure_paraphrase": "conflicting",
    "date": "conflicting",
    "quote_wording": "conflicting",
    "speaker": "conflicting",
    "attributed": "differs-by-source",
    "update": "updated",
    "none": None,
    "none_paraphrase": None,
}
#: the conflict kind a conflicting report must have to find the change
CONFLICT_KIND = {
    "figure_paraphrase": "figure",
    "figure": "figure",
    "date": "date",
    "quote_wording": "quote_wording",
    "speaker": "speaker",
}
#: the row a report that is not a conflict counts on
RELATION_ROW = {"differs-by-source": "attributed", "updated": "update"}


def overlaps(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return span[0] < other[1] and other[0] < span[1]


def _timeline_ordered(verdict: Any, pair: Any) -> bool:
    """The verdict's timeline holds A's statement before B's."""
    ids = [verdict.statements[i].article_id for i in verdict.timeline]
    return pair.a.id in ids and pair.b.id in ids and ids.index(pair.a.id) < len(ids) - 1 - ids[::-1].index(pair.b.id)


def _right(pair: Any, verdict: Any, relation: str, kind: str, span: tuple[int, int]) -> bool:
    """Does this report say what was planted, where it was planted?"""
    if pair.changed is None or relation != pair.expected or not overlaps(span, pair.changed):
        return False
    if relation == "conflicting":
        return kind == CONFLICT_KIND[pair.kind]
    if relation == "updated":
        return verdict.verdict == "updated" and _timeline_ordered(verdict, pair)
    return verdict.verdict == "differs-by-source"


def reports_of(pair: Any, verdicts: Any) -> dict[tuple[str, str, int, int], bool]:
    """``(relation, row, start, end)`` in B → right? for every conflict, update or source difference reported."""
    out: dict[tuple[str, str, int, int], bool] = {}
    for verdict in verdicts:
        items: list[tuple[str, str, tuple[int, int]]] = []
        for conflict, _, y in verdict.conflicts:
            span = conflict.b_span if y.article_id == pair.b.id else conflict.a_span
            items.append((getattr(conflict, "relation", "conflicting"), conflict.kind, span))
        if not verdict.conflicts and verdict.verdict in RELATION_ROW:
            for statement in verdict.statements:
                if statement.article_id == pair.b.id:
                    figure = statement.figure
                    span = (figure.start, figure.end) if figure else (statement.start, statement.end)
                    items.append((verdict.verdict, "figure", span))
        for relation, kind, span in items:
            if relation in RELATION_ROW:
                row = RELATION_ROW[relation]
            elif kind == "figure" and any(overlaps(span, p) for p in pair.paraphrased):
                row = "figure_paraphrase"
            else:
                row = kind
            key = (relation, row, *span)
            out[key] = out.get(key, False) or _right(pair, verdict, relation, kind, span)
    return out


def print_table(
    planted: Counter[str],
    found: Counter[str],
    reported: Counter[str],
    right: Counter[str],
    *,
    wrong: Counter[str],
    nones: Counter[str],
) -> None:
    """One row per kind: what it expects, planted / found / R, reports / right / P; the all-kinds line last."""
    print(f"{'kind':18s} {'expects':18s} {'planted':>7s} {'found':>5s} {'R':>6s} {'reported':>8s} {'right':>5s} "
          f"{'P':>6s}  as conflicting")  # fmt: skip
    for kind in KINDS:
        expects = EXPECTED[kind] or "nothing"
        if EXPECTED[kind] is None:
            print(
                f"{kind:18s} {expects:18s} {nones[kind]:4d} pairs, {nones[kind + ' reports']} false alarms on them "
                "(counted on the rows above)"
            )
            continue
        recall = f"{found[kind] / planted[kind]:.3f}" if planted[kind] else "-"
        precision = f"{right[kind] / reported[kind]:.3f}" if reported[kind] else "-"
        extra = f"  {wrong[kind]}" if kind in RELATION_ROW.values() else ""
        print(
            f"{kind:18s} {expects:18s} {planted[kind]:7d} {found[kind]:5d} {recall:>6s} {reported[kind]:8d} "
            f"{right[kind]:5d} {precision:>6s}{extra}"
        )
    others = {k: n for k, n in reported.items() if k not in KINDS}
    if others:
        print(f"other conflict kinds reported (all false positives here): {dict(others)}")
