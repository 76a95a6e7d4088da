"""Real French press (gj-dev): events in a running story, wire provenance and press furniture, in one run.

    .venv/bin/python bench/press.py --db /tmp/me/gj.db [--neus-db /tmp/me/neus.db]
        [--half tune|report|report2|report3|report4]
        [--data ../shared/data/gj-dev] [--copies 40] [--no-recluster] [--conventions]

``--db`` is a store holding the gj-dev articles (``recoupe --db PATH ingest ../shared/data/gj-dev/articles.jsonl``;
work on a copy: the script re-assigns its stories). What it prints, in one run:

1. **Events** (``bench/data/gj_dev_events.json``: events labelled by hand before recoupe ran on the corpus,
   split into a tuning and a reporting half by a seeded draw written in the file): B-cubed precision,
   recall and F1 of recoupe's stories on the labelled articles of the chosen half (``--half``; the
   reporting half is scored once, at the end; ``report2``: a second reporting half of 41 events written
   blind in session 9, ``bench/data/gj_dev_events_report2.json``), against the **one-story-per-day
   baseline** (every article of a publication day in one story) on the same articles, and the events split
   or mixed.
2. **NeuS/AllSides dev** B-cubed in the same run (``--neus-db``: ingested there first when empty), so a
   change for French press is checked for a regression on the English set the calibration came from.
3. **Wire provenance**: dispatches recognised per agency and credit, copy marks (each with outlets, days,
   stamp times and similarity; the first ``--copies`` printed for reading by hand), **mutual pairs** (A copy
   of B and B copy of A: must be 0), stories whose independent-source count differs from their outlet count,
   and the marks by what they point to (``mark_kinds``: the stamped dispatch the copy reproduces best, another
   dispatch, or an unstamped text, with or without a stamped dispatch reproducing the copy in the corpus).
4. **Genres**: articles per genre, and news articles of the tuning half's labels not read as news.
5. **Furniture in what users read**: story titles and summary sentences of stories of two articles or more
   that carry press furniture ("LIRE AUSSI", "EN DIRECT", "VIDÉO -", "NDLR", found_credits, agency stamps,
   datelines, newsletter and paywall lines), story titles taken from a non-news article, and summary
   sentences that repeat an earlier one of the same summary (two sites' versions of one dispatch sentence).
6. **Press conventions** in the enrichment (``--conventions``, issue 13 item 3): short direct quotes (terms in
   guillemets), role and pronoun speakers, role fragments read as persons, furniture in article summaries.

Headline figures last. Without the corpus (a fresh clone) there is nothing to measure: the script says so.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from recoupe.config import load_settings
from recoupe.folding import fold
from recoupe.store import Store, open_store
from recoupe.store import stories as story_rows
from recoupe.stories.assign import StoryEngine
from recoupe.stories.dedup import containment, shingles
from recoupe.stories.genre import Genre, genre_of
from recoupe.stories.story import load_story, repeats
from recoupe.stories.wire import Credit, dispatch_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import bcubed, ingest_paths, neus_records, scored_items

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench/data/gj_dev_events.json"
#: a second reporting half (41 events written blind in session 9, none of the first file's articles)
LABELS_REPORT2 = ROOT / "bench/data/gj_dev_events_report2.json"
#: a third reporting half (30 events, 52 articles), labelled blind in session 11 by a reader who never ran recoupe
LABELS_REPORT3 = ROOT / "bench/data/gj_dev_events_report3.json"
#: a fourth reporting half (51 events, 57 articles, 45 of them alone), labelled blind in session 12
LABELS_REPORT4 = ROOT / "bench/data/gj_dev_events_report4.json"
DATA = ROOT.parent / "shared/data/gj-dev"
NEUS = ROOT / "demo/corpus/allsides/neus-allsides-dev.jsonl"

#: press furniture that should never reach a story's title or summary
FURNITURE = re.compile(
    r"LIRE AUSSI|Lire aussi|À VOIR AUSSI|A VOIR AUSSI|EN DIRECT|\bVID[ÉE]O\s*[-.:]|\bNDLR\b|Cr[ée]dits? photo|"
    r"Photo d['’]illustration|\(AFP\)\s*[-–]|©|Regarder sur|Consultez notre dossier|newsletter|abonn[ée]s?\b|"
    r"Abonnez|^[A-ZÉ][A-ZÉ' -]{2,}\s*[|–-]\s|\d{2}/\d{2}/\d{4} \d{2}:\d{2}",
    re.MULTILINE,
)


def load_labels(half: str) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """``{url: event id}`` of the chosen half (``all``: both) and the events by id."""
    labels = {"report2": LABELS_REPORT2, "report3": LABELS_REPORT3, "report4": LABELS_REPORT4}.get(half, LABELS)
    doc = json.loads(labels.read_text(encoding="utf-8"))
    events = {e["id"]: e for e in doc["events"]}
    urls = {a["url"]: e["id"] for e in doc["events"] if half in ("all", e["half"]) for a in e["articles"]}
    return urls, events


def story_of_all(store: Store) -> dict[str, str]:
    with store.transaction(write=False) as conn:
        rows = conn.execute(story_rows.story_articles.select()).all()  # type: ignore[attr-defined]
    return {row.article_id: row.story_id for row in rows}


def all_articles(store: Store) -> list[Any]:
    found, offset = [], 0
    while batch := store.articles(limit=5000, offset=offset):
        found.extend(batch)
        offset += len(batch)
    return found


def events_block(store: Store, half: str) -> dict[str, Any]:
    urls, events = load_labels(half)
    articles = {a.url: a for a in all_articles(store)}
    members = story_of_all(store)
    missing = [u for u in urls if u not in articles]
    items = [(articles[u], e) for u, e in urls.items() if u in articles]
    pred = [members.get(a.id, f"none:{a.id}") for a, _ in items]
    gold = [e for _, e in items]
    day = [a.published.value.date().isoformat() if a.published else "?" for a, _ in items]
    result = bcubed(pred, gold)
    base = bcubed(day, gold)
    by_event: dict[str, Counter[str]] = defaultdict(Counter)
    by_story: dict[str, Counter[str]] = defaultdict(Counter)
    for p, g in zip(pred, gold, strict=True):
        by_event[g][p] += 1
        by_story[p][g] += 1
    split = sorted(e for e, stories in by_event.items() if len(stories) > 1)
    mixed = sorted(s for s, evs in by_story.items() if len(evs) > 1)
    listed = half == "tune"  # the reporting half's misses are never read (nor "all"): its figures only
    print(
        f"\n== events ({half} half): {len(set(gold))} events, {len(items)} labelled articles "
        f"({len(missing)} not in the store)"
    )
    for event_id in split if listed else ():
        parts = ", ".join(str(n) for _, n in by_event[event_id].most_common())
        print(f"  split  {event_id} {events[event_id]['name'][:60]}: stories of {parts}")
    for story in mixed if listed else ():
        names = "; ".join(f"{e} x{n}" for e, n in by_story[story].most_common())
        print(f"  mixed  story {story[:8]}: {names}")
    return {"bcubed": result, "baseline": base, "split": len(split), "mixed": len(mixed), "events": len(set(gold))}


def neus_block(path: str, workers: int, recluster: bool) -> tuple[float, float, float, int]:
    store = open_store(path)
    settings = load_settings({"db": path})
    engine = StoryEngine.from_settings(store, settings, threads=workers)
    rows = neus_records(None)
    if store.count() == 0:
        tmp = Path(path).with_suffix(".neus.jsonl")
        tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        ingest_paths(store, [tmp], engine, workers, path)
    elif recluster:
        engine.recluster()
    engine.close()
    _, pred, gold = scored_items(store, rows)
    store.close()
    return bcubed(pred, gold)


def wire_block(store: Store, show: int) -> dict[str, Any]:
    articles = {a.id: a for a in all_articles(store)}
    found_credits: Counter[str] = Counter()
    stamps: dict[str, Any] = {}
    for a in articles.values():
        day = a.published.value.date() if a.published else None
        found = dispatch_of(a.body, day)
        if found is not None:
            found_credits[f"{found.agency} {found.credit.value}"] += 1
            stamps[a.id] = found
    with store.transaction(write=False) as conn:
        marks = story_rows.copies_of(conn, list(articles))
    mutual = sum(1 for a, (b, _) in marks.items() if marks.get(b, ("",))[0] == a) // 2
    print(f"\n== wire: dispatches {dict(found_credits)}; copy marks {len(marks)}, mutual pairs {mutual}")
    for copy, (original, similarity) in sorted(
        marks.items(), key=lambda kv: articles[kv[0]].published.sort_key() if articles[kv[0]].published else "~"
    )[:show]:
        a, b = articles[copy], articles[original]

        def when(x: Any) -> str:
            stamp = stamps.get(x.id)
            at = stamp.stamped_at.strftime("%d %H:%M") if stamp and stamp.stamped_at else "-"
            agency = f"{stamp.agency}/{stamp.credit.value}" if stamp else "own"
            return f"{x.outlet} {x.published.value.date() if x.published else '?'} [{agency} {at}]"

        print(f"  {similarity:.2f} COPY {when(a)} {a.title[:50]!r}\n       OF   {when(b)} {b.title[:50]!r}")
    rows = store.stories(limit=100_000)
    fewer = sum(1 for r in rows if r.independent < r.outlets)
    agency_sources = sum(1 for s in stamps.values() if s.credit is Credit.DISPATCH)
    kinds = mark_kinds(articles, marks, {i for i, s in stamps.items() if s.credit is Credit.DISPATCH})
    print(
        f"copy marks to the stamped dispatch the copy reproduces best {kinds['best dispatch']}, to another "
        f"dispatch {kinds['other dispatch']}, to an unstamped text while a stamped dispatch reproduces the copy "
        f"{kinds['unstamped, dispatch found']}, to an unstamped text with none found {kinds['unstamped, none']} "
        "(the last two are read by hand)"
    )
    return {"marks": len(marks), "mutual": mutual, "fewer": fewer, "dispatches": agency_sources} | kinds


def mark_kinds(articles: dict[str, Any], marks: dict[str, tuple[str, float]], dispatches: set[str]) -> Counter[str]:
    """Copy marks by what they point to, against every stamped dispatch within three days of the copy (shingle
    containment at the copy threshold, 0.6): the best-matching one, another one, or an unstamped text."""
    texts = {i: shingles(a.body) for i, a in articles.items() if i in dispatches or i in marks}
    kinds: Counter[str] = Counter(
        dict.fromkeys(("best dispatch", "other dispatch", "unstamped, dispatch found", "unstamped, none"), 0)
    )
    for copy, (original, _) in marks.items():
        day = articles[copy].published.value.date().toordinal() if articles[copy].published else None

        def near(other: str, day: int | None = day) -> bool:
            published = articles[other].published
            return day is None or published is None or abs(published.value.date().toordinal() - day) <= 3

        found = [(containment(texts[copy], texts[d]), d) for d in dispatches if d != copy and near(d)]
        best = max((f for f in found if f[0] >= 0.6), default=None)
        if original in dispatches:
            kinds["best dispatch" if best is not None and best[1] == original else "other dispatch"] += 1
        else:
            kinds["unstamped, dispatch found" if best is not None else "unstamped, none"] += 1
    return kinds


def furniture_block(store: Store, labelled: set[str]) -> dict[str, int]:
    articles = all_articles(store)
    genres = Counter(genre_of(a.title, a.lead or a.body[:300], a.url).value for a in articles)
    off = [
        a for a in articles if a.url in labelled and genre_of(a.title, a.lead or a.body[:300], a.url) is not Genre.NEWS
    ]
    print(f"\n== genres: {dict(genres)}; tuning-half labelled articles not read as news: {len(off)}")
    for a in off:
        print(f"  {genre_of(a.title, a.lead or a.body[:300], a.url).value}: {a.title[:80]}")
    titles = sentences = bad_titles = bad_sentences = op_titles = repeated = 0
    shown = 0
    for row in store.stories(limit=100_000):
        if row.articles < 2:
            continue
        story = load_story(store, row.id)
        titles += 1
        title_article = next((i.article for i in story.timeline if i.article.id == row.title_article), None)
        if (
            title_article is not None
            and genre_of(title_article.title, title_article.lead or title_article.body[:300], title_article.url)
            is not Genre.NEWS
        ):
            op_titles += 1
        if FURNITURE.search(row.title):
            bad_titles += 1
        said = [frozenset(re.findall(r"\w{3,}", fold(s).casefold())) for _, s in story.summary]
        repeated += sum(1 for i, w in enumerate(said) if any(repeats(w, v) for v in said[:i]))
        for _, sentence in story.summary:
            sentences += 1
            if FURNITURE.search(sentence):
                bad_sentences += 1
                if shown < 12:
                    shown += 1
                    print(f"  furniture in summary: {sentence[:110]!r}")
    print(
        f"story titles {titles}: furniture in {bad_titles}, from a non-news article {op_titles}; "
        f"summary sentences {sentences}: furniture in {bad_sentences}, repeating an earlier one {repeated}"
    )
    return {
        "titles": titles,
        "bad_titles": bad_titles,
        "op_titles": op_titles,
        "sentences": sentences,
        "bad_sentences": bad_sentences,
        "repeated": repeated,
    }


#: a speaker that is a pronoun or an article (``il``, ``la``): never a speaker
PRONOUN_SPEAKERS = frozenset(
    ["il", "elle", "ils", "elles", "on", "le", "la", "les", "l'", "lui", "eux", "celui", "celle", "ceux", "celles"]
)
#: a speaker that is a role ("le président de la République", "la ministre de la Justice"), not a person
ROLE_SPEAKER = re.compile(
    r"^(?:le |la |l'|les )?(?:president|presidente|premier ministre|premiere ministre|ministre|chef de l'etat|"
    r"chef du gouvernement|secretaire d'etat|porte-parole|prefet|prefete|procureur|procureure|maire)\b"
)

#: a short direct quote whose words are quoted so in this many articles is a term (« gilets jaunes »), not speech
TERM_ARTICLES = 5
#: the institution of a role ("de l'Intérieur", "de la République"), "Premier", and a role's capital first letter
INSTITUTION = re.compile(r"\b(?:de la |de l['’]|du |des |d['’]|de )[A-ZÉ][\w-]+|\bPremi[eè]re?\b|^\w")
#: a name left in a speaker once its role's institution is taken out ("Le Premier ministre Édouard Philippe")
NAMED = re.compile(r"\b[A-ZÉÈÀ][\w-]+")


def conventions_block(store: Store) -> dict[str, int]:
    """French press conventions in the stored enrichment (issue 13, item 3), counted over every article.

    - **scare quotes read as quotes**: direct quotes of three words or fewer (an upper bound: « gilets jaunes »,
      « anticasseurs » are terms in guillemets, « gouffre » after "a dénoncé le" is a partial quote), and among
      them those whose words are quoted so in ``TERM_ARTICLES`` articles or more (a term, not anyone's words);
    - **role speakers**: quotes whose speaker is a role ("le président de la République", "la ministre de la
      Justice") and names no person ("Le Premier ministre Édouard Philippe" does); persons whose name is a
      fragment of a role ("de la République");
    - **pronoun speakers**: quotes whose speaker is a pronoun or an article;
    - **furniture in article summaries** (``FURNITURE``).
    """
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    short: dict[str, set[str]] = defaultdict(set)  # short direct quotes (folded) and the articles quoting them
    for article in all_articles(store):
        found = store.enrichment(article.id)
        if found is None:
            continue
        counts["articles"] += 1
        fragment = False
        for quote in found.quotes:
            speaker = fold(quote.speaker or "").casefold().replace("\u2019", "'").strip()
            if quote.kind == "direct":
                counts["direct"] += 1
                if len(re.findall(r"\w+", quote.text)) <= 3:
                    counts["scare"] += 1
                    examples["scare"].append(quote.text)
                    short[fold(quote.text).casefold().strip()].add(article.id)
            counts["quotes"] += 1
            if speaker and ROLE_SPEAKER.match(speaker) and not NAMED.search(INSTITUTION.sub("", quote.speaker or "")):
                counts["role speakers"] += 1
                examples["role speakers"].append(quote.speaker or "")
            if speaker in PRONOUN_SPEAKERS:
                counts["pronoun speakers"] += 1
        for entity in found.entities:
            if entity.label == "PER" and re.match(r"(?:de la|de l'|du|des) ", fold(entity.canonical).casefold()):
                fragment = True
                examples["role fragments"].append(entity.canonical)
        counts["articles with a role fragment as a person"] += fragment
        if found.summary:
            counts["summaries"] += 1
            if FURNITURE.search(found.summary):
                counts["furniture in summaries"] += 1
                examples["furniture in summaries"].append(found.summary[:100])
    terms = {text: len(ids) for text, ids in short.items() if len(ids) >= TERM_ARTICLES}
    counts["terms"] = sum(1 for text in examples["scare"] if fold(text).casefold().strip() in terms)
    for name, shown in examples.items():
        common = "; ".join(f"{text!r} x{n}" for text, n in Counter(shown).most_common(6))
        print(f"  {name}: {common}")
    print(
        f"\n== conventions: {counts['articles']} articles; direct quotes {counts['direct']}, of three words or fewer "
        f"{counts['scare']}, of them a term quoted so in {TERM_ARTICLES} articles or more {counts['terms']}; "
        f"quotes {counts['quotes']}, role speakers {counts['role speakers']}, pronoun speakers "
        f"{counts['pronoun speakers']}; articles with a role fragment as a person "
        f"{counts['articles with a role fragment as a person']}; article summaries {counts['summaries']}, "
        f"with furniture {counts['furniture in summaries']}"
    )
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store holding gj-dev (a copy: stories are re-assigned)")
    parser.add_argument("--neus-db", default=None, help="a store for NeuS dev (ingested when empty)")
    parser.add_argument("--half", choices=("tune", "report", "report2", "report3", "report4", "all"), default="tune")
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--copies", type=int, default=40, help="copy marks printed for reading")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-recluster", action="store_true", help="score the stories as stored")
    parser.add_argument("--conventions", action="store_true", help="count press conventions in the enrichment")
    args = parser.parse_args()
    if not (Path(args.data) / "articles.jsonl").is_file():
        print(f"no gj-dev corpus at {args.data}: nothing to measure (it is not distributed with recoupe)")
        return
    store = open_store(args.db)
    if store.count() == 0:
        print(f"{args.db} holds no article: ingest {args.data}/articles.jsonl into it first")
        return
    seconds = 0.0
    if not args.no_recluster:
        engine = StoryEngine.from_settings(store, load_settings({"db": args.db}), threads=args.workers)
        start = time.perf_counter()
        engine.recluster()
        seconds = time.perf_counter() - start
        engine.close()
    urls, _ = load_labels("tune")  # genres are read on the tuning half's labels only
    ev = events_block(store, args.half)
    wire = wire_block(store, args.copies)
    furniture = furniture_block(store, set(urls))
    conventions = conventions_block(store) if args.conventions else None
    stories_count = store.story_count()
    store.close()
    neus = neus_block(args.neus_db, args.workers, not args.no_recluster) if args.neus_db else None

    p, r, f, k = ev["bcubed"]
    bp, br, bf, bk = ev["baseline"]
    print(f"\n== press (gj-dev, {stories_count} stories; recluster {seconds:.0f} s) ==")
    print(
        f"events ({args.half} half, {ev['events']} events): B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f} ({k} stories); "
        f"one story per day: P {bp:.3f} R {br:.3f} F1 {bf:.3f} ({bk}); "
        f"events split {ev['split']}, stories mixing events {ev['mixed']}"
    )
    if neus is not None:
        print(f"NeuS dev: B-cubed P {neus[0]:.3f} R {neus[1]:.3f} F1 {neus[2]:.3f} ({neus[3]} stories)")
    print(
        f"wire: {wire['dispatches']} agency dispatches, {wire['marks']} copy marks, {wire['mutual']} mutual pairs, "
        f"{wire['fewer']} stories with fewer independent sources than outlets; marks to the best dispatch "
        f"{wire['best dispatch']}, to another dispatch {wire['other dispatch']}, to an unstamped text "
        f"{wire['unstamped, dispatch found']} with and {wire['unstamped, none']} without a dispatch found"
    )
    print(
        f"furniture: story titles {furniture['bad_titles']}/{furniture['titles']}, "
        f"from non-news {furniture['op_titles']}; "
        f"summary sentences {furniture['bad_sentences']}/{furniture['sentences']}, "
        f"repeating another site's version {furniture['repeated']}"
    )
    if conventions is not None:
        print(
            f"conventions: direct quotes of three words or fewer {conventions.get('scare', 0)}/"
            f"{conventions.get('direct', 0)} (terms quoted in {TERM_ARTICLES}+ articles "
            f"{conventions.get('terms', 0)}), "
            f"role speakers {conventions.get('role speakers', 0)}/"
            f"{conventions.get('quotes', 0)}, pronoun speakers {conventions.get('pronoun speakers', 0)}, "
            f"articles with a role fragment as a person "
            f"{conventions.get('articles with a role fragment as a person', 0)}, article summaries with furniture "
            f"{conventions.get('furniture in summaries', 0)}/{conventions.get('summaries', 0)}"
        )


if __name__ == "__main__":
    main()
