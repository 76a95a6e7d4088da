"""Quote extraction quality in English on PolNeAR (attribution source / cue / content spans), scored like the
Gender Gap Tracker (the metric of ``bench/enrich_quotes.py``).

    .venv/bin/python bench/enrich_quotes_en.py [--split train|dev] [--every N] [--polnear DIR] [--show]

PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018): 1,008 articles on the 2016 US campaign from 7
publishers, each attribution a Source, a Cue and a Content span (brat standoff). Its ``train`` split is ours
to tune on, ``dev`` to measure; its ``test`` split is not in the shared copy. The corpus has no licence:
nothing of its text goes into the repository (this script reads ``../shared/data/polnear`` in place).
One annotation file per article is read (the first, sorted, when an article was annotated twice).

Gold quotes are the attributions' Content spans (``direct`` when the content holds a quotation mark,
``indirect`` otherwise). PolNeAR annotates every attribution, beliefs and intentions included ("X wants
to …", "X is worried that …"), so recall is measured against more than reported speech. Scores: precision /
recall / F1 at character overlap ≥ 0.3 and ≥ 0.8 (share of the gold content covered, one-to-one), and
speaker accuracy over matched quotes whose gold Source is a name or a description (sources that are bare
pronouns, and attributions with no source, are left out of speaker accuracy: the corpus does not resolve
them); agreement is ``speaker_agrees`` (the Source text, lenient on titles and last names).
``--every N`` keeps every N-th article (sorted by name) for quicker tuning runs. The headline is last.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.evaluate.quotes import THRESHOLDS, GoldQuote, score_quotes, speaker_agrees, summary_lines

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "polnear"
PRONOUNS = frozenset(
    "i me we us you he him she her it they them his its their one who which that this these those".split()  # noqa: SIM905 - a word list
)


def read_ann(path: Path, text: str) -> list[GoldQuote]:
    """The attributions of one brat file as gold quotes (content span, source text as speaker)."""
    spans: dict[str, tuple[str, int, int]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            numbers = [int(n) for n in re.findall(r"\d+", where)]
            spans[parts[0]] = (label, min(numbers), max(numbers))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        contents = [spans[roles[r]] for r in ("Content", "Content2") if r in roles and roles[r] in spans]
        if not contents:
            continue
        start, end = min(c[1] for c in contents), max(c[2] for c in contents)
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        content = text[start:end]
        kind = "direct" if re.search('["“”]', content) else "indirect"
        speaker = text[source[1] : source[2]] if source else None
        out.append(GoldQuote(start, end, content, kind, speaker, speaker, text[cue[1] : cue[2]] if cue else None))
    return sorted(out, key=lambda q: q.start)


def load(polnear: Path, split: str, every: int) -> list[tuple[str, str, list[GoldQuote]]]:
    texts = sorted((polnear / "data" / split / "text").glob("*.txt"))[::every]
    annotations = sorted((polnear / "data" / split / "attributions").glob("*.ann"))
    out = []
    for path in texts:
        ann = next((a for a in annotations if a.name.startswith(path.stem + "_")), None)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        out.append((path.stem, text, read_ann(ann, text)))
    return out


def named(gold: GoldQuote) -> bool:
    """Whether a gold source counts for speaker accuracy: present and not a bare pronoun."""
    return bool(gold.speaker) and re.sub(r"[^\w ]", "", (gold.speaker or "").casefold()).strip() not in PRONOUNS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--every", type=int, default=1, help="keep every N-th article (sorted by name)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--show", action="store_true", help="print wrong speakers (named sources) to stderr")
    args = parser.parse_args()
    if not (args.polnear / "data" / args.split).is_dir():
        sys.exit(f"PolNeAR not found at {args.polnear} (the shared data copy)")
    gold = load(args.polnear, args.split, args.every)
    models = NlpModels()
    models.pipeline("en")
    items = []
    began = time.perf_counter()
    for article_id, text, quotes in gold:
        doc = models.parse(text, "en")
        items.append((article_id, quotes, extract_quotes(doc, find_mentions(doc, "en"), "en")))
    elapsed = time.perf_counter() - began
    scores = score_quotes(items)
    print(f"PolNeAR {args.split}: {len(gold)} articles, parse + entities + quotes in {elapsed:.1f} s")
    for line in summary_lines(scores)[-3:-1]:
        print(line)
    for threshold in THRESHOLDS:
        pairs = [(a, g, p) for a, g, p in scores.pairs.get(threshold, []) if named(g)]
        ok = sum(speaker_agrees(p.speaker, g) for _, g, p in pairs)
        if args.show and threshold == THRESHOLDS[0]:
            for a, g, p in pairs:
                if not speaker_agrees(p.speaker, g):
                    print(f"SPEAKER {a} {g.text[:50]!r}: gold {g.speaker!r} got {p.speaker!r}", file=sys.stderr)
        share = 100 * ok / len(pairs) if pairs else 0.0
        print(f"speaker accuracy @{threshold} (named sources): {share:.1f} ({ok} of {len(pairs)})")
    head = scores.result("all", 0.3)
    strict = scores.result("all", 0.8)
    named_pairs = [(g, p) for _, g, p in scores.pairs.get(0.3, []) if named(g)]
    accuracy = 100 * sum(speaker_agrees(p.speaker, g) for g, p in named_pairs) / max(1, len(named_pairs))
    print(
        f"HEADLINE content F1@0.3 {100 * head['f1']:.1f}  F1@0.8 {100 * strict['f1']:.1f}  "
        f"speaker accuracy {accuracy:.1f}"
    )


if __name__ == "__main__":
    main()
