"""Quote extraction quality on the French gold set (30 dev articles), scored like the Gender Gap Tracker.

    .venv/bin/python bench/enrich_quotes.py [--gold tests/fixtures/gold] [--show]

Each gold article's ``article`` string is parsed as is (offsets line up), entities come from
``recoupe.enrich.entities.find_mentions``, quotes from ``recoupe.enrich.quotes.extract_quotes``.
Scores (see ``recoupe.evaluate.quotes``): precision / recall / F1 at character-overlap thresholds 0.3 and
0.8 (share of the gold quote covered, one-to-one), for direct, indirect and all quotes, and speaker accuracy
over matched quotes. ``--show`` prints misses, spurious quotes and wrong speakers to stderr.
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
from recoupe.evaluate.quotes import load_gold_quotes, score_quotes, summary_lines

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "gold")
    parser.add_argument("--show", action="store_true", help="print misses and wrong speakers to stderr")
    args = parser.parse_args()
    gold = load_gold_quotes(args.gold / "quotes_figures_fr_dev.jsonl", args.gold / "articles")
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
    print(f"{len(gold)} articles, parse + entities + quotes in {elapsed:.1f} s")
    for line in summary_lines(scores):
        print(line)


if __name__ == "__main__":
    main()
