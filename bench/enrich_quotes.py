"""Quote extraction quality on French annotated articles, scored like the Gender Gap Tracker.

    .venv/bin/python bench/enrich_quotes.py [--set dev|tune|tune2|report|report2|report3|report4|report5|report6|
        report7|report8]
        [--gold DIR] [--show]

Sets: ``dev`` (default) the 30-article dev gold (tests/fixtures/gold, OrangeSum html_sample pages; the
rules were written while reading it); ``tune`` and ``report`` the two halves of
tests/fixtures/quotes_fr_test (OrangeSum test documents, issue 12): rules may be tuned on ``tune``
and on ``tune2`` (40 more test documents annotated in session 7 by an annotator who never ran recoupe;
scored once blind before anyone read it, then tuned on);
``report`` and ``report2`` were each scored blind and are read and tuned on since session 11; ``report3`` (30
articles annotated in session 10 by an annotator who never ran recoupe) was scored once blind at the end of
session 11 (F1 88.9, speaker accuracy 69.3) and is read and tuned on since session 12 (``--show`` allowed).
Each article string is parsed as is (offsets line up), entities come from
``recoupe.enrich.entities.find_mentions``, quotes from ``recoupe.enrich.quotes.extract_quotes``.
Scores (see ``recoupe.evaluate.quotes``): precision / recall / F1 at character-overlap thresholds 0.3 and
0.8 (share of the gold quote covered, one-to-one), for direct, indirect and all quotes, and speaker accuracy
over matched quotes. ``--show`` prints misses, spurious quotes and wrong speakers to stderr; the number of
predicted speakers flagged unresolved is printed too.
Published French figures (Radar de Parité): F1 81.7 at 0.3, speaker accuracy 80.4. The headline is last.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.evaluate.quotes import GoldQuote, load_gold_quotes, load_split_quotes, score_quotes, summary_lines

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def load_set(name: str, gold_dir: Path) -> list[tuple[str, str, list[GoldQuote]]]:
    """``(id, article, gold quotes)`` of a named set."""
    if name == "dev":
        return load_gold_quotes(gold_dir / "quotes_figures_fr_dev.jsonl", gold_dir / "articles")
    return load_split_quotes(FIXTURES / "quotes_fr_test" / f"{name}.jsonl")


#: the set nobody reads: scored once, at the end of a piece of work (report8 and report9 were scored in session 15)
BLIND = ("report10",)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        dest="which",
        choices=["dev", *sorted(path.stem for path in (FIXTURES / "quotes_fr_test").glob("*.jsonl"))],
        default="dev",
    )
    parser.add_argument("--gold", type=Path, default=FIXTURES / "gold", help="the dev gold folder (--set dev)")
    parser.add_argument("--show", action="store_true", help="print misses and wrong speakers to stderr")
    args = parser.parse_args()
    if args.show and args.which in BLIND:
        parser.error(f"--show is refused on {args.which}: it is a blind set, scored once and never read")
    gold = load_set(args.which, args.gold)
    models = NlpModels()
    models.pipeline("fr")
    items = []
    began = time.perf_counter()
    for article_id, text, quotes in gold:
        doc = models.parse(text, "fr")
        items.append((article_id, quotes, extract_quotes(doc, find_mentions(doc, "fr"), "fr")))
    elapsed = time.perf_counter() - began
    scores = score_quotes(items)
    if args.show:
        for article_id, q in scores.missed:
            print(f"MISS {article_id} {q.kind[:3]} {q.text[:90]!r} | {q.speaker}", file=sys.stderr)
        for article_id, p in scores.spurious:
            print(f"EXTRA {article_id} {p.kind[:3]} {p.text[:90]!r} | {p.speaker} | {p.cue}", file=sys.stderr)
        for article_id, g, p in scores.wrong_speaker:
            print(
                f"SPEAKER {article_id} {g.text[:50]!r}: gold {g.speaker!r}/{g.speaker_mention!r} got {p.speaker!r}",
                file=sys.stderr,
            )
    unresolved = sum(1 for _, _, predicted in items for q in predicted if getattr(q, "unresolved", False))
    total = sum(len(predicted) for _, _, predicted in items)
    print(f"set {args.which}: {len(gold)} articles, parse + entities + quotes in {elapsed:.1f} s")
    print(f"{unresolved} of {total} predicted speakers flagged unresolved")
    for line in summary_lines(scores):
        print(line)


if __name__ == "__main__":
    main()
