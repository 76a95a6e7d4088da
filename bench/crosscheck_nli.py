"""How far the conflict rules go as a contradiction detector, on French NLI pairs (DACCORD, RTE3-FR).

Usage: ``python bench/crosscheck_nli.py [--data ../shared/data] [--no-parse] [--errors] [--sets ...]``

``recoupe.crosscheck.rules.contradicts(premise, hypothesis)`` is read as a binary classifier: contradiction
(label ``no``) vs not (``unknown``, ``yes``). For each set: accuracy, the majority-class baseline, precision,
recall and F1 of the contradiction class, and how many pairs each rule kind fired on (all pairs / true
contradictions). The rules were tuned ONLY on DACCORD's first half (ids in file order) and RTE3-FR dev; DACCORD's
second half and RTE3-FR test are held out and printed as such. ``--errors`` prints every false alarm (and,
with ``--misses``, every missed contradiction) to stderr. Headline figures last.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.crosscheck.rules import KINDS, find_conflicts
from recoupe.enrich.nlp import NlpModels

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Scores:
    name: str
    held_out: bool
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    fired: Counter[str] = field(default_factory=Counter)
    fired_true: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    def majority(self) -> float:
        positives = self.tp + self.fn
        return max(positives, self.total - positives) / self.total if self.total else 0.0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def line(self) -> str:
        p, r, f = self.prf()
        tag = "held-out" if self.held_out else "tuning"
        return (
            f"{self.name:<22} {tag:<8} n={self.total:<4} contradictions={self.tp + self.fn:<3} "
            f"acc {self.accuracy():.3f} (majority {self.majority():.3f})  P {p:.3f} R {r:.3f} F1 {f:.3f}  "
            f"tp {self.tp} fp {self.fp}"
        )


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def splits(data: Path) -> list[tuple[str, bool, list[dict[str, str]]]]:
    folder = data / "daccord-fr"
    daccord = load(folder / "daccord.jsonl")
    half = len(daccord) // 2
    return [
        ("daccord first half", False, daccord[:half]),
        ("rte3_fr dev", False, load(folder / "rte3_fr_dev.jsonl")),
        ("daccord second half", True, daccord[half:]),
        ("rte3_fr test", True, load(folder / "rte3_fr_test.jsonl")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--no-parse", action="store_true", help="rules without spaCy (folded words only)")
    parser.add_argument("--errors", action="store_true", help="print false alarms to stderr")
    parser.add_argument("--misses", action="store_true", help="with --errors, print missed contradictions too")
    parser.add_argument("--sets", nargs="*", help="only these sets (e.g. 'rte3_fr dev')")
    args = parser.parse_args()

    nlp = None if args.no_parse else NlpModels()
    if nlp is not None:
        nlp.parse("Échauffement du modèle.", "fr")
    results: list[Scores] = []
    started = time.perf_counter()
    pairs = 0
    for name, held_out, rows in splits(args.data):
        if args.sets and name not in args.sets:
            continue
        scores = Scores(name, held_out)
        for row in rows:
            conflicts = find_conflicts(row["premise"], row["hypothesis"], "fr", nlp=nlp)
            gold = row["label"] == "no"
            predicted = bool(conflicts)
            kinds = {c.kind for c in conflicts}
            scores.fired.update(kinds)
            if gold:
                scores.fired_true.update(kinds)
            scores.tp += gold and predicted
            scores.fp += predicted and not gold
            scores.fn += gold and not predicted
            scores.tn += not gold and not predicted
            if args.errors and predicted != gold and (predicted or args.misses):
                what = "FALSE ALARM" if predicted else "MISS"
                details = "; ".join(f"{c.kind}: {c.detail}" for c in conflicts)
                print(f"{what} {name} {row['id']} [{row['label']}] {details}", file=sys.stderr)
                print(f"  P: {row['premise']}\n  H: {row['hypothesis']}", file=sys.stderr)
        pairs += len(rows)
        results.append(scores)
    elapsed = time.perf_counter() - started

    mode = "folded words, no parse" if nlp is None else "spaCy fr_core_news_md parses"
    print(f"rules: {mode}; {pairs} pairs in {elapsed:.1f} s ({1000 * elapsed / max(pairs, 1):.1f} ms/pair)")
    print(
        "tuned on: DACCORD first half (ids in file order) + RTE3-FR dev; held out: DACCORD second half + RTE3-FR test"
    )
    print()
    print("rule kinds fired (pairs with that kind: all / true contradictions)")
    for scores in results:
        fired = ", ".join(f"{k} {scores.fired[k]}/{scores.fired_true[k]}" for k in KINDS if scores.fired[k])
        print(f"  {scores.name:<22} {fired or 'none'}")
    print()
    for scores in results:
        print(scores.line())
    for held_out in (False, True):
        total = Scores("held-out sets" if held_out else "tuning sets", held_out)
        for scores in results:
            if scores.held_out == held_out:
                total.tp, total.fp = total.tp + scores.tp, total.fp + scores.fp
                total.fn, total.tn = total.fn + scores.fn, total.tn + scores.tn
        if total.total:
            p, r, _ = total.prf()
            alarms = f"{total.tp}/{total.tp + total.fp} alarms right"
            found = f"{total.tp}/{total.tp + total.fn} contradictions found"
            print(f"headline, {total.name}: contradiction precision {p:.3f} ({alarms}), recall {r:.3f} ({found})")


if __name__ == "__main__":
    main()
