"""Score extracted figures against the French gold set (``tests/fixtures/gold/quotes_figures_fr_dev.jsonl``).

Used by ``bench/enrich_figures.py`` and the quality-floor test, so both score the same way.

- A predicted figure matches a gold one when their spans overlap and their kinds are equal; matching is
  one-to-one, greedy by largest overlap. Precision, recall and F1 are given overall and per kind.
- Strict scores ask for the exact same span and kind.
- Value accuracy, among matched pairs: values equal (numbers within 1e-6 relative, date strings equal)
  and units equal after ``norm_unit`` (case, accents and spaces folded; ``mètres`` → ``m`` …).
- Relative dates (``relative=True``) are left out of the predictions: the gold set does not annotate
  them (guide §4.1), so they neither count against precision nor can match.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from recoupe.model import Figure

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = ["FigureScores", "GoldArticle", "load_gold_figures", "norm_unit", "score_figures", "values_equal"]

KINDS = ("money", "percent", "count", "quantity", "date")
_UNIT_SYNONYMS = {"metre": "m", "metres": "m", "kilometre": "km", "kilometres": "km", "ans": "an", "annee": "an"}


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its id, the annotated text and the gold figures on it."""

    id: str
    text: str
    figures: tuple[Figure, ...]


def load_gold_figures(gold_file: Path, articles_dir: Path) -> list[GoldArticle]:
    """The gold figures with the ``article`` text they are offsets into."""
    out: list[GoldArticle] = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = json.loads((articles_dir / f"{row['id']}.json").read_text(encoding="utf-8"))["article"]
        figures = tuple(
            Figure(f["start"], f["end"], f["text"], f["kind"], f["value"], f.get("unit")) for f in row["figures"]
        )
        out.append(GoldArticle(str(row["id"]), text, figures))
    return out


def norm_unit(unit: str | None) -> str:
    """Unit folded for comparison: case, accents, spaces, a few spellings."""
    if unit is None:
        return ""
    folded = unicodedata.normalize("NFKD", unit.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.replace("’", "'").split())
    return _UNIT_SYNONYMS.get(folded, folded)


def values_equal(predicted: Figure, gold: Figure) -> bool:
    """Same value (1e-6 relative for numbers) and same normalised unit."""
    if norm_unit(predicted.unit) != norm_unit(gold.unit) and gold.kind != "date":
        return False
    a, b = predicted.value, gold.value
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


@dataclass
class FigureScores:
    """Counts accumulated over articles; ratios computed on demand."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    strict_tp: int = 0
    value_ok: int = 0
    matched: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def overall(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_kind(self, kind: str) -> tuple[float, float, float]:
        return self._prf(self.tp[kind], self.fp[kind], self.fn[kind])

    def strict(self) -> tuple[float, float, float]:
        predicted = sum(self.tp.values()) + sum(self.fp.values())
        gold = sum(self.tp.values()) + sum(self.fn.values())
        return self._prf(self.strict_tp, predicted - self.strict_tp, gold - self.strict_tp)

    def value_accuracy(self) -> float:
        return self.value_ok / self.matched if self.matched else 1.0


def _overlap(a: Figure, b: Figure) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_figures(
    pairs: Iterable[tuple[str, list[Figure], tuple[Figure, ...]]], scores: FigureScores | None = None
) -> FigureScores:
    """Score (article id, predicted, gold) triples; relative predictions are dropped first."""
    scores = scores or FigureScores()
    for article_id, predicted_all, gold in pairs:
        predicted = [f for f in predicted_all if not f.relative]
        candidates = sorted(
            ((_overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)
             if p.kind == g.kind and _overlap(p, g) > 0),
            reverse=True,
        )  # fmt: skip
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in candidates:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = predicted[i], gold[j]
            scores.tp[g.kind] += 1
            scores.matched += 1
            scores.strict_tp += (p.start, p.end) == (g.start, g.end)
            if values_equal(p, g):
                scores.value_ok += 1
            else:
                scores.errors.append({"id": article_id, "type": "value", "gold": g.to_dict(), "ours": p.to_dict()})
        for i, p in enumerate(predicted):
            if i not in used_p:
                scores.fp[p.kind] += 1
                scores.errors.append({"id": article_id, "type": "fp", "ours": p.to_dict()})
        for j, g in enumerate(gold):
            if j not in used_g:
                scores.fn[g.kind] += 1
                scores.errors.append({"id": article_id, "type": "fn", "gold": g.to_dict()})
    return scores
