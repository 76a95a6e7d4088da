"""NER quality on HIPE-2022 NewsEye French (historical newspapers, OCR), scored like the HIPE scorer.

What runs: recoupe's entity stage (``NlpModels.parse`` with the gazetteer ruler, then ``find_mentions``
with its clean-up), and, for comparison, spaCy's bare entities (no ruler, no clean-up, same label map).
Coarse literal types; strict (exact tokens + type) and fuzzy (overlap + type) micro P/R/F1 as defined in
``recoupe.evaluate.ner``. Our model is trained on modern news (WikiNER-style French), not on OCR text of
1850-1950 newspapers; the best HIPE-2022 system on this set was fine-tuned on it.

Run:  .venv/bin/python bench/enrich_ner.py [--data ../shared/data/hipe2022-newseye-fr] [--split dev test]

Prints per split and per type, then the headline (test split, recoupe) last.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.evaluate.ner import NerScores, read_hipe, score_documents

BEST_HIPE_2022 = (0.656, 0.786)  # best system on newseye-fr NERC-coarse: strict F1, fuzzy F1


def _line(name: str, scores: NerScores) -> str:
    s, f = scores.strict, scores.fuzzy
    return (
        f"{name:<12} strict P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} | "
        f"fuzzy P {f.precision:.3f} R {f.recall:.3f} F1 {f.f1:.3f}"
    )


def _recoupe(models: NlpModels) -> Callable[[str], Iterable[tuple[int, int, str]]]:
    def predict(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.label) for m in find_mentions(models.parse(text, "fr"), "fr")]

    return predict


def _bare() -> Callable[[str], Iterable[tuple[int, int, str]]]:
    import spacy

    nlp = spacy.load("fr_core_news_md")

    def predict(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]

    return predict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/hipe2022-newseye-fr"
    )
    parser.add_argument("--split", nargs="+", default=["dev", "test"])
    parser.add_argument("--split-hyphenated", action="store_true", help="also score with mentions split at ¬")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare spaCy comparison")
    args = parser.parse_args()

    systems = {"recoupe": _recoupe(NlpModels())}
    if not args.no_bare:
        systems["bare spaCy"] = _bare()
    headline: NerScores | None = None
    for split in args.split:
        path = args.data / f"HIPE-2022-v2.1-newseye-{split}-fr.tsv"
        documents = read_hipe(path)
        gold = sum(len(d.gold) for d in documents)
        print(f"== {path.name}: {len(documents)} documents, {gold} gold mentions")
        for name, predict in systems.items():
            began = time.perf_counter()
            scores = score_documents(documents, predict)
            print(_line(name, scores), f"({time.perf_counter() - began:.0f} s)")
            if name == "recoupe" and args.split_hyphenated:
                print(_line("  split ¬", score_documents(documents, predict, split_hyphenated=True)))
            if name == "recoupe":
                for kind, (strict, fuzzy) in sorted(scores.per_type.items()):
                    print(
                        f"  {kind:<10} strict P {strict.precision:.3f} R {strict.recall:.3f} F1 {strict.f1:.3f} | "
                        f"fuzzy P {fuzzy.precision:.3f} R {fuzzy.recall:.3f} F1 {fuzzy.f1:.3f}"
                    )
                headline = scores
    if headline is not None:
        print(f"reference: best HIPE-2022 system strict F1 {BEST_HIPE_2022[0]} / fuzzy F1 {BEST_HIPE_2022[1]}")
        print(
            f"headline ({args.split[-1]}, recoupe): strict F1 {headline.strict.f1:.3f} fuzzy F1 {headline.fuzzy.f1:.3f}"
        )


if __name__ == "__main__":
    main()
