"""Compare extracted articles with gold annotations (OrangeSum's parsed pages).

Used by ``bench/extract.py`` and the quality-floor test, so both score the same way:

- title: equal after whitespace, quote and case normalisation; a gold title carrying an SEO suffix after
  `` : `` also matches our title without it (ours must never carry it);
- date: same calendar day;
- lead: equal after the same normalisation (pages with an empty gold lead are not counted);
- body: bag-of-tokens F1 (lower-cased word tokens) between our body and the gold article text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from recoupe.model import Article

__all__ = ["GoldScores", "body_f1", "load_gold", "norm", "score_article", "title_matches"]

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u00ad": None,  # soft hyphen: invisible
    }
)
_TOKEN = re.compile(r"\w+")


def norm(text: str | None) -> str:
    """NFC, quotes unified, whitespace collapsed, case-folded, spaces before punctuation removed."""
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    text = re.sub(r"\s+([:;!?,.])", r"\1", text)
    text = re.sub(r'"\s+|\s+"', '"', text)
    return " ".join(text.split()).casefold()


def title_matches(ours: str, gold: str) -> bool:
    """Our title equals the gold one, or the gold one minus a trailing `` : suffix`` segment."""
    mine, target = norm(ours), norm(gold)
    if not mine:
        return False
    if mine == target:
        return True
    while ": " in target:
        target = target.rsplit(": ", 1)[0].rstrip()
        if mine == target:
            return True
    return False


def body_f1(ours: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of lower-cased word tokens (multiset overlap)."""
    mine, target = Counter(_TOKEN.findall(norm(ours))), Counter(_TOKEN.findall(norm(gold)))
    common = sum((mine & target).values())
    if not mine or not target or not common:
        return (0.0, 0.0, 0.0) if (mine or target) else (1.0, 1.0, 1.0)
    precision, recall = common / sum(mine.values()), common / sum(target.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass
class GoldScores:
    """Running totals over a set of pages."""

    pages: int = 0
    failed: list[str] = field(default_factory=list)
    title: int = 0
    date: int = 0
    lead: int = 0
    lead_pages: int = 0
    f1_sum: float = 0.0
    misses: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, article: Article | None, gold: dict[str, Any]) -> None:
        self.pages += 1
        if article is None:
            self.failed.append(name)
            if (gold.get("heading") or "").strip():
                self.lead_pages += 1
            return
        checks = score_article(article, gold)
        self.title += checks["title"]
        self.date += checks["date"]
        self.f1_sum += checks["f1"]
        if "lead" in checks:
            self.lead_pages += 1
            self.lead += checks["lead"]
        for key in ("title", "date", "lead"):
            if key in checks and not checks[key]:
                self.misses.setdefault(key, []).append(name)

    def rate(self, what: str) -> float:
        if what == "lead":
            return self.lead / self.lead_pages if self.lead_pages else 0.0
        if what == "f1":
            return self.f1_sum / self.pages if self.pages else 0.0
        return float(getattr(self, what)) / self.pages if self.pages else 0.0


def score_article(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    """Per-page checks: ``title``, ``date``, ``lead`` (absent when the gold has none) and body ``f1``."""
    gold_date = (gold.get("date") or "")[:10]
    ours_date = article.published.value.date().isoformat() if article.published else ""
    checks: dict[str, Any] = {
        "title": title_matches(article.title, gold.get("title") or ""),
        "date": bool(gold_date) and ours_date == gold_date,
        "f1": body_f1(article.body, gold.get("article") or "")[2],
    }
    heading = norm(gold.get("heading"))
    if heading:
        checks["lead"] = norm(article.lead) == heading
    return checks
