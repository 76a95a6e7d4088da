"""Figure extraction quality and speed on the French gold set (30 dev articles).

Usage: ``python bench/enrich_figures.py [--errors] [--no-parse]``

Runs ``extract_figures`` on each gold article's ``article`` string (with its spaCy parse unless
``--no-parse``), scores with ``recoupe.evaluate.figures`` and prints per-kind scores, value accuracy,
strict-span scores, per-article time, then the headline last. Relative dates are not scored (the gold
set does not annotate them).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from recoupe.enrich.figures import extract_figures
from recoupe.enrich.nlp import NlpModels
from recoupe.evaluate.figures import KINDS, FigureScores, load_gold_figures, score_figures

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "gold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every miss, false alarm and wrong value")
    parser.add_argument("--no-parse", action="store_true", help="run without the spaCy parse")
    args = parser.parse_args()

    gold = load_gold_figures(GOLD / "quotes_figures_fr_dev.jsonl", GOLD / "articles")
    models = NlpModels()
    scores = FigureScores()
    extract_figures("warm up: 3 millions d'euros le 2 mai 2020", "fr", None)
    figure_time = parse_time = 0.0
    for article in gold:
        started = time.perf_counter()
        doc = None if args.no_parse else models.parse(article.text, "fr")
        parse_time += time.perf_counter() - started
        started = time.perf_counter()
        predicted = extract_figures(article.text, "fr", None, doc)
        figure_time += time.perf_counter() - started
        score_figures([(article.id, predicted, article.figures)], scores)

    if args.errors:
        for error in scores.errors:
            print(json.dumps(error, ensure_ascii=False))
    print(f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind in KINDS:
        p, r, f = scores.per_kind(kind)
        print(f"{kind:<10} {p:6.3f} {r:6.3f} {f:6.3f} {scores.tp[kind]:4d} {scores.fp[kind]:4d} {scores.fn[kind]:4d}")
    sp, sr, sf = scores.strict()
    print(f"strict span: P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    print(f"value accuracy among matched: {scores.value_accuracy():.3f} ({scores.value_ok}/{scores.matched})")
    count = len(gold)
    print(f"time per article: figures {1000 * figure_time / count:.1f} ms, parse {1000 * parse_time / count:.1f} ms")
    p, r, f = scores.overall()
    print(f"figures (overlap+kind): P {p:.3f} R {r:.3f} F1 {f:.3f}  value acc {scores.value_accuracy():.3f}")


if __name__ == "__main__":
    main()
