"""Enrichment quality and speed, all in one run; the summary is printed last.

    .venv/bin/python bench/enrich.py [--data ../shared/data] [--articles 200]

1. Quotes and speakers on the French gold set (``bench/enrich_quotes.py``): precision / recall / F1 at
   0.3 and 0.8 overlap, speaker accuracy (Radar de Parité, French: F1 81.7 at 0.3, speakers 80.4).
2. Figures on the same gold set (``bench/enrich_figures.py``): precision / recall / F1, value accuracy.
3. NER on HIPE-2022 newseye-fr (``bench/enrich_ner.py``): coarse micro F1, strict and fuzzy
   (best HIPE-2022 system 0.656 / 0.786; historical OCR text, for reference).
4. Throughput on one core over OrangeSum articles: ``recoupe.enrich.enrich`` (parse, entities, quotes,
   figures, keywords, summary) next to spaCy's own ``fr_core_news_md`` parse of the same texts, as a ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from recoupe.enrich import NlpModels, enrich
from recoupe.model import Article, Provenance

HERE = Path(__file__).resolve().parent


def _last_lines(script: str, extra: list[str], count: int) -> list[str]:
    run = subprocess.run(
        [sys.executable, str(HERE / script), *extra], capture_output=True, text=True, check=False, timeout=3600
    )
    if run.returncode != 0:
        return [f"{script} failed: {run.stderr.strip().splitlines()[-1:]}"]
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    print(run.stdout, file=sys.stderr)
    return lines[-count:]


def _articles(folder: Path, limit: int) -> list[Article]:
    items = []
    for path in sorted(folder.glob("*.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        items.append(
            Article.build(
                title=gold.get("title") or "",
                lead=gold.get("heading") or "",
                body=gold["article"],
                provenance=Provenance(str(path), "json"),
                language="fr",
            )
        )
    return items


def throughput(articles: list[Article]) -> dict[str, float]:
    models = NlpModels()
    nlp = models.pipeline("fr")
    enrich(articles[0], models)  # warm-up: lazy loads outside the timing
    words = sum(len(article.text.split()) for article in articles)
    spacy_seconds = enrich_seconds = float("inf")
    for _ in range(2):  # interleaved rounds, best of each: the machine's load drifts between runs
        start = time.perf_counter()
        for article in articles:
            nlp(article.text[: models.max_chars])
        spacy_seconds = min(spacy_seconds, time.perf_counter() - start)
        start = time.perf_counter()
        for article in articles:
            enrich(article, models)
        enrich_seconds = min(enrich_seconds, time.perf_counter() - start)
    return {
        "articles": len(articles),
        "words": words,
        "spacy_aps": len(articles) / spacy_seconds,
        "enrich_aps": len(articles) / enrich_seconds,
        "enrich_wps": words / enrich_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    parser.add_argument("--articles", type=int, default=200, help="OrangeSum articles timed")
    args = parser.parse_args()
    summary = ["quotes and speakers (French gold set, dev half):"]
    summary += ["  " + line for line in _last_lines("enrich_quotes.py", [], 1)]
    summary += ["figures (French gold set, dev half):"]
    summary += ["  " + line for line in _last_lines("enrich_figures.py", [], 1)]
    summary += ["NER, HIPE-2022 newseye-fr (coarse):"]
    summary += [
        "  " + line for line in _last_lines("enrich_ner.py", ["--data", str(args.data / "hipe2022-newseye-fr")], 1)
    ]
    speed = throughput(_articles(args.data / "orangesum" / "html_sample" / "parsed", args.articles))
    summary.append(
        f"throughput, one core, {speed['articles']:.0f} OrangeSum articles ({speed['words']:.0f} words):"
        f" enrich {speed['enrich_aps']:.2f} articles/s ({speed['enrich_wps']:.0f} words/s);"
        f" spaCy fr_core_news_md parse alone {speed['spacy_aps']:.2f} articles/s;"
        f" ratio {speed['enrich_aps'] / speed['spacy_aps']:.2f}"
    )
    print("\n== summary ==")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
