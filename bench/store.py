"""Store speed: full-text search latency by archive size and query kind, and ingest throughput, SQLite vs PostgreSQL.

    .venv/bin/python bench/store.py [--sizes 10000 100000] [--backends sqlite postgresql]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--queries 10] [--rounds 3]
        [--ingest 2000] [--dask 0 [--dask-rounds 2]] [--data ../shared/data] [--keep DIR [--reuse]]
        [--skip-before]

Synthetic archives from real French press text: the sentences of the 1,134 gj-dev articles
(``<data>/gj-dev/articles.jsonl``; the seeds in ``tests/fixtures/seeds`` when it is missing) are recombined,
seeded: article *i* takes a title sentence and 6 to 18 body sentences drawn at random, one of 40 outlets, a
day in 2018-2020, language ``fr``, a URL of its own. Every size is built fresh, written straight into
``articles`` and the full-text index (``build``: every generated article is distinct, so the ingest rules
would store each one anyway; no extraction, enrichment or stories), on SQLite (a file under ``--keep`` or a
temporary folder) and on a PostgreSQL schema of its own, dropped afterwards unless ``--reuse``.

Queries, picked from the archive's own word counts (``--queries`` of each kind):

- ``common``: the most frequent words of 6 letters or more (each in 10-40 % of the articles);
- ``rare``: words in about 1 article in 10,000;
- ``phrase``: the most frequent two-word phrases of words of 5 letters or more, as written (``"gilets jaunes"``);
- ``prefix``: the 5-letter prefixes of the common words (``manif*``);
- ``odd phrase``: two common words as a phrase they (almost) never form (``"contre gouvernement"``): the
  worst case of a phrase, every article holding both words is checked.

Each query runs ``--rounds`` times (``Store.search``, limit 20, snippets included) after one warm-up run;
p50 and p95 are over all runs of a kind. On SQLite the search as it was before the bounds (``snippet()``
in the ranking statement, every match joined and given a snippet before the limit) runs too, on the
``common`` and ``prefix`` queries, for a before/after ratio in the same run.

Ingest: ``recoupe ingest FILE.jsonl --no-enrich --no-stories`` as a user runs it (a subprocess: reading,
extraction, the store), on ``--ingest`` generated articles, into a fresh SQLite file and a fresh PostgreSQL
schema in the same run; articles per second and the ratio. ``--dask N``: ``recoupe ingest`` of N generated
articles with enrichment on (stories off) into fresh PostgreSQL schemas, inline and on a local Dask
cluster of 1 and of 2 worker processes, which write their partitions (``recoupe.partitions``), in
``--dask-rounds`` interleaved rounds (the load average is printed before each run); the 2 / 1 workers
ratio of each round says what the cluster gains on this machine, the 1 worker / inline ratio what it costs.
The headline figures are printed last.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, text

from recoupe.model import Article, DatePrecision, Provenance, PublishedDate
from recoupe.store import Store, open_store, phrase_pairs, postgres
from recoupe.store.rows import article_values
from recoupe.store.schema import articles
from recoupe.store.sqlite import fts_rowid

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = os.environ.get("RECOUPE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
OUTLETS = tuple(f"Journal {chr(65 + i // 10)}{i % 10}" for i in range(40))
BATCH = 2_000
CHUNK = 20_000  # articles per transaction when building
KINDS = ("common", "rare", "phrase", "prefix", "odd phrase")
_SENTENCE = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])")
_WORDS = re.compile(r"[^\W\d_]+")


def sentences(data: Path) -> list[str]:
    """Sentences of real French articles (gj-dev, else the test seeds), 40 to 400 characters long."""
    texts: list[str] = []
    source = data / "gj-dev" / "articles.jsonl"
    if source.exists():
        for line in source.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(f"{record.get('title', '')}. {record.get('text', '')}")
    else:
        texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))]
    return [part for text in texts for part in _SENTENCE.split(" ".join(text.split())) if 40 <= len(part) <= 400]


def make_articles(pool: list[str], count: int, *, seed: int = 7, start: int = 0) -> Iterator[Article]:
    """``count`` recombined articles, deterministic for a seed (see the module docstring)."""
    rng = random.Random(seed + start)
    first = date(2018, 1, 1)
    for index in range(start, start + count):
        day = first + timedelta(days=rng.randrange(3 * 365))
        yield Article.build(
            title=rng.choice(pool)[:150],
            body="\n\n".join(rng.sample(pool, rng.randint(6, 18))),
            provenance=Provenance(source="bench.jsonl", kind="fields", line=index + 1),
            canonical_url=f"https://bench.example/{index}",
            url=f"https://bench.example/{index}",
            outlet=OUTLETS[index % len(OUTLETS)],
            published=PublishedDate(
                datetime(day.year, day.month, day.day, 8, index % 60),  # noqa: DTZ001 - a source without zone
                DatePrecision.MINUTE,
            ),
            language="fr",
        )


@contextmanager
def postgres_schema(server: str, name: str | None = None) -> Iterator[str]:
    """A schema on ``server`` as a URL ``open_store`` takes: fresh and dropped afterwards, or ``name``, kept."""
    import psycopg

    schema = name or f"recoupe_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        if name is None:
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def database(backend: str, folder: Path, name: str, server: str, *, reuse: bool = False) -> Iterator[str]:
    """A fresh database: an SQLite file in ``folder`` or a PostgreSQL schema; with ``reuse`` one kept from an
    earlier run (the file, or the schema ``recoupe_bench_<name>``), completed by ``build``."""
    if backend == "postgresql":
        with postgres_schema(server, f"recoupe_bench_{name.replace('-', '_')}" if reuse else None) as url:
            yield url
    else:
        path = folder / f"{name}.db"
        if not reuse:
            for leftover in folder.glob(f"{name}.db*"):
                leftover.unlink()
        yield str(path)


def build(store: Store, url: str, backend: str, pool: list[str], size: int) -> float:
    """Fill ``store`` with ``size`` articles (from the last whole chunk it has); articles per second.

    The rows go straight into ``articles`` and the full-text index (SQLite: executemany; PostgreSQL: ``COPY``,
    then the tsvectors computed by the server and their word pairs here, the GIN indexes built once at the end),
    one transaction per ``CHUNK`` articles: the ingest rules would store every generated article anyway (each
    has a URL and a text of its own), and going through them cost 70 min for 1 M articles on SQLite.
    """
    first = store.count() // CHUNK * CHUNK
    started = time.perf_counter()
    if backend == "postgresql" and first < size:
        with store.transaction(write=True) as conn:  # type: ignore[attr-defined] - SqlStore's own
            postgres.drop_fts_indexes(conn)
    for offset in range(first, size, CHUNK):
        items = [
            item
            for start in range(offset, min(offset + CHUNK, size), BATCH)
            for item in make_articles(pool, min(BATCH, size - start), start=start)
        ]
        with store.transaction(write=True) as conn:  # type: ignore[attr-defined] - SqlStore's own
            (_write_postgres if backend == "postgresql" else _write_sqlite)(conn, items)
        print(f"    {offset + len(items):,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    if backend == "postgresql":
        with store.transaction(write=True) as conn:  # type: ignore[attr-defined] - SqlStore's own
            conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '1GB'")
            postgres.fts_indexes(conn, pairs=True)
        import psycopg

        with psycopg.connect(url, autocommit=True) as raw:  # VACUUM runs outside a transaction
            raw.execute("VACUUM ANALYZE articles")
            raw.execute("VACUUM ANALYZE articles_fts")
    return (size - first) / max(time.perf_counter() - started, 1e-9)


def _rows(items: list[Article]) -> list[dict[str, object]]:
    now = datetime.now(UTC)
    return [{"id": item.id, **article_values(item), "ingested_at": now, "updated_at": now} for item in items]


def _write_sqlite(conn: Connection, items: list[Article]) -> None:
    conn.execute(articles.insert(), _rows(items))
    conn.execute(
        text(
            "INSERT INTO articles_fts (rowid, title, lead, body, article_id) "
            "VALUES (:rowid, :title, :lead, :body, :article_id)"
        ),
        [
            {"rowid": fts_rowid(i.id), "title": i.title, "lead": i.lead, "body": i.body, "article_id": i.id}
            for i in items
        ],
    )


def _write_postgres(conn: Connection, items: list[Article]) -> None:
    rows = _rows(items)
    columns = list(rows[0])
    raw = conn.connection.driver_connection
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY articles ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[name] for name in columns])
        document = " || ".join(
            f"setweight(to_tsvector('recoupe_french', {column}), '{weight}')"
            for column, weight in (("title", "A"), ("lead", "B"), ("body", "D"))
        )
        # the tsvectors computed by the server, their word pairs here (as the store's fts_insert does)
        cursor.execute(
            f"SELECT id, CAST({document} AS TEXT) FROM articles WHERE id = ANY(%s)", ([item.id for item in items],)
        )
        vectors = cursor.fetchall()
        with cursor.copy("COPY articles_fts (article_id, config, document, pairs) FROM STDIN") as copy:
            for article_id, vector in vectors:
                copy.write_row([article_id, "recoupe_french", vector, phrase_pairs.pairs_of(vector)])


def pick_queries(pool: list[str], size: int, per_kind: int) -> dict[str, list[str]]:
    """Queries of each kind from the word and phrase counts of a 5,000-article sample of the archive."""
    sample = min(size, 5_000)
    documents: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for item in make_articles(pool, sample):
        words = [w.lower() for w in _WORDS.findall(f"{item.title} {item.body}")]
        documents.update({w for w in words if len(w) >= 6})
        pairs.update({f"{a} {b}" for a, b in itertools.pairwise(words) if len(a) >= 5 and len(b) >= 5})
    common = [w for w, n in documents.most_common() if 0.10 <= n / sample <= 0.40][:per_kind]
    # about 1 in 10,000 articles: in the sample, words seen in 1 or 2 articles, spread over the list
    rare_pool = sorted(w for w, n in documents.items() if n <= max(1, sample // 5_000))
    step = max(1, len(rare_pool) // per_kind)
    rare = rare_pool[::step][:per_kind]
    phrases = [f'"{p}"' for p, _ in pairs.most_common(per_kind)]
    prefixes = list(dict.fromkeys(f"{w[:5]}*" for w in common))[:per_kind]
    # two common words that (almost) never stand together: every article with both is checked for the phrase
    odd = [f'"{a} {b}"' for a, b in itertools.permutations(common, 2) if pairs[f"{a} {b}"] <= sample // 5_000]
    return {"common": common, "rare": rare, "phrase": phrases, "prefix": prefixes, "odd phrase": odd[:per_kind]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(run: Callable[[], object], rounds: int) -> list[float]:
    run()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def old_sqlite_search(store: Store, query: str) -> int:
    """The search as it was before the bounds: snippet() for every match, inside the ranked statement."""
    from sqlalchemy import text

    from recoupe.store.query import match_of, search_terms
    from recoupe.store.sqlite import BM25_WEIGHTS, FTS_MARK_END, FTS_MARK_START

    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    statement = (
        f"SELECT a.*, bm25(articles_fts, {weights}) AS rank, "
        f"snippet(articles_fts, -1, '{FTS_MARK_START}', '{FTS_MARK_END}', '…', 24) AS snip "
        "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.article_id "
        "WHERE articles_fts MATCH :match ORDER BY rank, a.id LIMIT 20"
    )
    with store.transaction(write=False) as conn:  # type: ignore[attr-defined] - SqlStore's own
        rows = conn.execute(text(statement), {"match": match_of(search_terms(query))}).all()
    return len(rows)


def ingest_rate(backend: str, folder: Path, server: str, pool: list[str], count: int) -> float:
    """``recoupe ingest --no-enrich --no-stories`` of ``count`` articles in a JSONL file: articles per second."""
    source = write_jsonl(folder / "ingest.jsonl", pool, count, seed=11)
    with database(backend, folder, "ingest", server) as url:
        command = [sys.executable, "-m", "recoupe.cli", "--db", url, "ingest", str(source), "--no-enrich"]
        command += ["--no-stories", "--json"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"ingest failed on {backend}: {done.stderr[-2000:]}")
        with open_store(url) as store:
            stored = store.count()
    if stored != count:
        raise SystemExit(f"ingest on {backend} stored {stored} of {count} articles")
    return count / seconds


def write_jsonl(path: Path, pool: list[str], count: int, *, seed: int) -> Path:
    """``count`` generated articles as the JSON Lines ``recoupe ingest`` reads (kept when already there)."""
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            for item in make_articles(pool, count, seed=seed, start=10_000_000):
                record = {
                    "url": item.url,
                    "title": item.title,
                    "text": item.body,
                    "outlet": item.outlet,
                    "date": item.published.value.date().isoformat() if item.published else None,
                    "language": "fr",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def dask_rates(folder: Path, server: str, pool: list[str], count: int, rounds: int) -> dict[str, list[float]]:
    """``recoupe ingest`` (enrichment on, stories off) of ``count`` articles into PostgreSQL: articles per second
    inline, then on a local Dask cluster of 1 and of 2 worker processes (the workers write), ``rounds`` times,
    the three interleaved (each round in another order) so that a change in the machine's load falls on all."""
    source = write_jsonl(folder / "dask.jsonl", pool, count, seed=13)
    runs = (
        ("inline", ["--executor", "local"]),
        ("dask 1 worker", ["--executor", "dask", "--workers", "1"]),
        ("dask 2 workers", ["--executor", "dask", "--workers", "2"]),
    )
    rates: dict[str, list[float]] = {label: [] for label, _ in runs}
    for round_ in range(rounds):
        for label, options in runs[round_ % 3 :] + runs[: round_ % 3]:
            with postgres_schema(server) as url:
                command = [sys.executable, "-m", "recoupe.cli", "--db", url, "ingest", str(source), *options]
                load = os.getloadavg()[0]
                cpu = _children_cpu()
                started = time.perf_counter()
                done = subprocess.run([*command, "--no-stories", "--json"], capture_output=True, text=True, check=False)
                seconds = time.perf_counter() - started
                cpu = _children_cpu() - cpu
                if done.returncode != 0:
                    raise SystemExit(f"ingest {label} failed: {done.stderr[-2000:]}")
                summary = json.loads(done.stdout)
                if (summary["new"], summary["enriched"]) != (count, count):
                    raise SystemExit(f"ingest {label}: {summary['new']} new, {summary['enriched']} enriched of {count}")
            rates[label].append(count / seconds)
            print(
                f"round {round_ + 1} ingest with enrichment, {label}: {count / seconds:.2f} articles/s ({seconds:.1f} s"
                f" wall, {cpu:.1f} CPU-s of the command and what it waited for, load {load:.1f} before)",
                flush=True,
            )
    return rates


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--queries", type=int, default=10, help="queries of each kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ingest", type=int, default=2_000, help="articles for the ingest figure (0: skip)")
    parser.add_argument("--dask", type=int, default=0, help="articles for the Dask 1 vs 2 workers figure (0: skip)")
    parser.add_argument("--skip-before", action="store_true", help="do not time the SQLite search before the bounds")
    parser.add_argument("--dask-rounds", type=int, default=2, help="interleaved rounds of the Dask figure")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the SQLite files (default: temporary)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the archives (SQLite files in --keep, PostgreSQL schemas) and reuse them",
    )
    args = parser.parse_args()

    pool = sentences(args.data)
    print(f"{len(pool)} sentences from {args.data / 'gj-dev'}", flush=True)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="recoupe-bench-store-"))
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, int, str], list[float]] = {}
    before: dict[tuple[int, str], list[float]] = {}
    builds: dict[tuple[str, int], float] = {}
    for size in args.sizes:
        queries = pick_queries(pool, size, args.queries)
        print(f"size {size}: queries {json.dumps(queries, ensure_ascii=False)}", flush=True)
        for backend in args.backends:
            reuse = args.reuse
            with (
                database(backend, folder, f"search-{size}", args.postgres, reuse=reuse) as url,
                open_store(url) as store,
            ):
                if reuse and store.count() == size:
                    print(f"  {backend}: reusing {url}", flush=True)
                else:
                    builds[backend, size] = build(store, url, backend, pool, size)
                    print(f"  {backend}: built at {builds[backend, size]:.0f} articles/s", flush=True)
                for kind in KINDS:
                    times: list[float] = []
                    for query in queries[kind]:
                        times += timed(lambda q=query: store.search(q, limit=20), args.rounds)
                    results[backend, size, kind] = times
                    line = f"  {backend} {size} {kind}: p50 {percentile(times, 0.5):.1f} ms"
                    print(f"{line}, p95 {percentile(times, 0.95):.1f} ms", flush=True)
                    if backend == "sqlite" and kind in {"common", "prefix"} and not args.skip_before:
                        old: list[float] = []
                        for query in queries[kind]:
                            old += timed(lambda q=query: old_sqlite_search(store, q), args.rounds)
                        before[size, kind] = old
                        line = f"  sqlite {size} {kind} before the bounds: p50 {percentile(old, 0.5):.1f} ms"
                        print(f"{line}, p95 {percentile(old, 0.95):.1f} ms", flush=True)
    rates = {}
    if args.ingest:
        for backend in args.backends:
            rates[backend] = ingest_rate(backend, folder, args.postgres, pool, args.ingest)
            print(f"ingest --no-enrich {backend}: {rates[backend]:.0f} articles/s", flush=True)

    dask = dask_rates(folder, args.postgres, pool, args.dask, args.dask_rounds) if args.dask else {}

    if results:
        print("\nsearch, limit 20, snippets included (ms): p50 / p95")
        print("| size | backend | " + " | ".join(KINDS) + " |")
        print("|---|---|" + "---|" * len(KINDS))
    for size in args.sizes:
        for backend in args.backends:
            cells = []
            for kind in KINDS:
                times = results[backend, size, kind]
                cells.append(f"{percentile(times, 0.5):.1f} / {percentile(times, 0.95):.1f}")
            print(f"| {size:,} | {backend} | " + " | ".join(cells) + " |")
    for (size, kind), old in sorted(before.items()):
        now = results["sqlite", size, kind]
        ratio = percentile(old, 0.95) / percentile(now, 0.95)
        print(f"sqlite {size:,} {kind}: p95 before the bounds {percentile(old, 0.95):.1f} ms, now", end=" ")
        print(f"{percentile(now, 0.95):.1f} ms ({ratio:.1f}x)")
    for (backend, size), rate in sorted(builds.items()):
        print(f"build (bulk rows and full-text index): {backend} {size:,} at {rate:.0f} articles/s")
    if len(rates) == 2:
        ratio = rates["postgresql"] / rates["sqlite"]
        print(
            f"ingest --no-enrich of {args.ingest:,} articles: sqlite {rates['sqlite']:.0f}/s, "
            f"postgresql {rates['postgresql']:.0f}/s (postgresql / sqlite {ratio:.2f})"
        )

    if dask:
        best = {label: max(values) for label, values in dask.items()}
        ratios = [two / one for one, two in zip(dask["dask 1 worker"], dask["dask 2 workers"], strict=True)]
        print(
            f"ingest with enrichment of {args.dask:,} articles into PostgreSQL, best of {args.dask_rounds} interleaved"
            f" rounds: inline {best['inline']:.2f}/s, dask 1 worker {best['dask 1 worker']:.2f}/s, 2 workers"
            f" {best['dask 2 workers']:.2f}/s (2 / 1 workers per round: {', '.join(f'{r:.2f}' for r in ratios)};"
            f" 1 worker / inline {best['dask 1 worker'] / best['inline']:.2f})"
        )


if __name__ == "__main__":
    main()
