"""Does a learned speaker chooser (``recoupe.enrich.speaker_rank``) generalise better than the rules?

    .venv/bin/python bench/speaker_rank.py [--write] [--cache DIR] [--C 1.0]

For every annotated French set but the lead's blind ones (dev, tune, tune2, report, report2, report3, report4,
report5, report6, report7, report8, report9), each article is parsed, its quotes extracted by the rules
(``quotes.rule_quotes``) and, for each quote matched to a gold quote (overlap >= 0.3, as
``bench/enrich_quotes.py``), every candidate speaker (``speaker_rank.candidates``) is labelled by
``evaluate.quotes.speaker_agrees`` against the gold speaker. A logistic regression (scikit-learn, dev extra; only
here) is fitted on candidate rows; a quote's speaker is its best-scored candidate. Printed: speaker accuracy of the
rules and of the ranker on each set left out (trained on the eleven others), their mean, and the oracle (some
candidate agrees). ``--write`` fits on all twelve sets and writes ``src/recoupe/enrich/data/speaker_rank.json``.
report10 is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from enrich_quotes import FIXTURES, load_set
from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import rule_quotes
from recoupe.enrich.speaker_rank import FEATURES, WEIGHTS, candidates
from recoupe.evaluate.quotes import score_quotes, speaker_agrees

SETS = (
    "dev",
    "tune",
    "tune2",
    "report",
    "report2",
    "report3",
    "report4",
    "report5",
    "report6",
    "report7",
    "report8",
    "report9",
)
FORBIDDEN = frozenset({"report10"})


@dataclass(frozen=True)
class QuoteRows:
    """One matched quote: its candidates' features and whether each agrees with the gold speaker."""

    features: np.ndarray  # (candidates, features); row 0 is the rules' choice
    agrees: np.ndarray  # (candidates,) bool
    names: tuple[str | None, ...] = ()
    keyed: tuple[bool, ...] = ()  # the candidate is an entity of the article
    about: str = ""  # article id, quote text and gold speaker, for --show


def _docs(name: str, texts: list[str], models: NlpModels, cache: Path | None) -> list[Doc]:
    nlp = models.pipeline("fr")
    path = cache / f"{name}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = [models.parse(t, "fr") for t in texts]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def collect(name: str, models: NlpModels, cache: Path | None) -> list[QuoteRows]:
    """The candidate rows of every matched quote of set ``name``."""
    assert name not in FORBIDDEN
    gold = load_set(name, FIXTURES / "gold")
    docs = _docs(name, [text for _, text, _ in gold], models, cache)
    items, options = [], {}
    for (article_id, _, quotes), doc in zip(gold, docs, strict=True):
        ctx, found = rule_quotes(doc, find_mentions(doc, "fr"), "fr")
        items.append((article_id, quotes, [f.quote for f in found]))
        for f, cands in zip(found, candidates(ctx, found), strict=True):
            options[article_id, f.quote.start, f.quote.end] = cands
    out = []
    for article_id, g, q in score_quotes(items).pairs[0.3]:
        cands = options[article_id, q.start, q.end]
        out.append(
            QuoteRows(
                np.array([c.features for c in cands], dtype=float),
                np.array([speaker_agrees(c.name, g) for c in cands], dtype=bool),
                tuple(c.name for c in cands),
                tuple(c.key is not None for c in cands),
                f"{article_id} {q.text[:60]!r} gold {g.speaker!r}/{g.speaker_mention!r}",
            )
        )
    return out


def fit(rows: list[QuoteRows], c: float, loss: str = "binary") -> np.ndarray:
    """Weights of a logistic regression: ``binary`` over all candidate rows (scikit-learn; the intercept
    is dropped, only differences count), ``softmax`` over each quote's candidates (conditional logit: the
    probability mass of the agreeing candidates, L2 penalty ``1 / (2c)``), quotes with no agreeing
    candidate left out."""
    if loss == "binary":
        x = np.vstack([r.features for r in rows])
        y = np.concatenate([r.agrees for r in rows])
        model = LogisticRegression(C=c, max_iter=5000)
        model.fit(x, y)
        return np.asarray(model.coef_[0])
    usable = [r for r in rows if r.agrees.any()]

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = float(w @ w) / (2 * c), w / c
        for r in usable:
            s = r.features @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            good = p[r.agrees].sum()
            value -= float(np.log(good))
            # d(-log sum_good p)/dw = E_p[x] - E_{p | good}[x]
            grad = grad + p @ r.features - (p * r.agrees) @ r.features / good
        return value, grad

    found = minimize(objective, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B")
    return np.asarray(found.x)


def accuracy(rows: list[QuoteRows], weights: np.ndarray | None) -> float:
    """Share of quotes whose chosen candidate agrees (``None``: the rules' choice, row 0)."""
    if not rows:
        return 0.0
    ok = 0
    for r in rows:
        if weights is None:
            k = 0
        else:
            scores = r.features @ weights
            k = int(np.argmax(scores))  # first maximum: the rules' choice on a tie
        ok += bool(r.agrees[k])
    return ok / len(rows)


def show(rows: list[QuoteRows], weights: np.ndarray) -> None:
    """The quotes where the ranker and the rules differ, and those both miss though a candidate agrees."""
    for r in rows:
        k = int(np.argmax(r.features @ weights))
        if k != 0 or (not r.agrees[0] and r.agrees.any()):
            mark = "GAIN" if r.agrees[k] and not r.agrees[0] else "LOSS" if r.agrees[0] and not r.agrees[k] else "MISS"
            good = [n for n, a in zip(r.names, r.agrees, strict=True) if a]
            print(f"{mark} {r.about} rules {r.names[0]!r} ranker {r.names[k]!r} ok {good[:3]}", file=sys.stderr)


def changes(rows: list[QuoteRows], weights: np.ndarray) -> str:
    """How many quotes the ranker turns right and wrong against the rules."""
    ks = [int(np.argmax(r.features @ weights)) for r in rows]
    picks = [(bool(r.agrees[0]), bool(r.agrees[k])) for r, k in zip(rows, ks, strict=True)]
    # a name the rules gave traded for a description: the metric may still count it right
    unnamed = sum(r.keyed[0] and not r.keyed[k] for r, k in zip(rows, ks, strict=True))
    return f"+{sum(b and not a for a, b in picks)} -{sum(a and not b for a, b in picks)} ~{unnamed}"


def oracle(rows: list[QuoteRows]) -> float:
    return sum(bool(r.agrees.any()) for r in rows) / len(rows) if rows else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="fit on all twelve sets and write the weights")
    parser.add_argument("--cache", type=Path, default=None, help="folder for parsed docs (DocBin per set)")
    parser.add_argument("--C", dest="c", type=float, default=10.0, help="inverse regularisation strength")
    parser.add_argument("--loss", choices=("binary", "softmax"), default="binary")
    parser.add_argument("--show", choices=SETS, help="print the changed and missed speakers of a left-out set")
    args = parser.parse_args()
    models = NlpModels()
    data = {name: collect(name, models, args.cache) for name in SETS}
    print(f"features: {len(FEATURES)}; loss {args.loss}; C {args.c}")
    print(f"{'set':10s} {'quotes':>6s} {'rules':>6s} {'ranker':>6s} {'oracle':>6s}")
    rules_sum = ranker_sum = 0.0
    for name in SETS:
        w_out = fit([r for o in SETS if o != name for r in data[o]], args.c, args.loss)
        a, b = accuracy(data[name], None), accuracy(data[name], w_out)
        rules_sum, ranker_sum = rules_sum + a, ranker_sum + b
        print(
            f"{name:10s} {len(data[name]):6d} {100 * a:6.1f} {100 * b:6.1f} {100 * oracle(data[name]):6.1f}  "
            f"{changes(data[name], w_out):>10s} (left out)"
        )
        if name == args.show:
            show(data[name], w_out)
    n = len(SETS)
    w = fit([r for name in SETS for r in data[name]], args.c, args.loss)
    print("weights (all sets):", ", ".join(f"{f} {x:+.2f}" for f, x in zip(FEATURES, w, strict=True)))
    if args.write:
        record = {
            "trained_on": list(SETS),
            "loss": args.loss,
            "C": args.c,
            "weights": {f: round(float(x), 4) for f, x in zip(FEATURES, w, strict=True)},
        }
        WEIGHTS.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    print(
        f"HEADLINE leave-one-set-out mean speaker accuracy rules {100 * rules_sum / n:.1f} "
        f"ranker {100 * ranker_sum / n:.1f}"
    )


if __name__ == "__main__":
    main()
