"""HTML extraction quality and speed: recoupe's ``extract_html`` on three public sets, and its throughput.

    .venv/bin/python bench/extract.py [--data ../shared/data] [--focus balanced precision recall]

1. Zyte/Scrapinghub article-extraction-benchmark (181 pages): the official ``evaluate.py`` shingle metric
   (imported from the data folder) on ``articleBody`` = our body, and = our lead + body (a lead taken from
   a meta description that is not on the page costs precision there).
2. trafilatura's evaluation set: only the pages whose HTML is present (the 18 French ones of 990), scored
   like trafilatura's ``tests/eval_common.py``: each "with" snippet found in lead + body is a true positive,
   each "without" snippet found a false positive (whitespace-normalised substring matching).
3. OrangeSum (200 French pages, gold title / lead / text / date): rates from ``recoupe.evaluate.extraction``.
4. Throughput over the OrangeSum pages: ``extract_html`` against bare ``trafilatura.extract``, same run,
   and the whole ingest (read + extract + store in SQLite) on 1 and 2 worker processes.

The summary is printed last.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import trafilatura

from recoupe.config import Settings, load_settings
from recoupe.errors import ExtractionError
from recoupe.evaluate.extraction import GoldScores, load_gold
from recoupe.execute import make_executor
from recoupe.extract.html import FOCUSES, extract_html
from recoupe.model import Article, Provenance, Record
from recoupe.pipeline import ingest
from recoupe.sources import read_inputs
from recoupe.store import open_store

SETTINGS = Settings(db=":memory:")


def record_for(path: Path, data: bytes, url: str | None = None) -> Record:
    return Record(kind="html", provenance=Provenance(source=str(path), kind="html"), data=data, url=url)


def article_text(article: Article | None) -> str:
    if article is None:
        return ""
    return "\n".join(part for part in (article.lead, article.body) if part)


def try_extract(record: Record, focus: str) -> Article | None:
    try:
        return extract_html(record, SETTINGS, focus=focus)
    except ExtractionError:
        return None


def zyte(folder: Path, focus: str) -> dict[str, float]:
    spec = importlib.util.spec_from_file_location("zyte_evaluate", folder / "evaluate.py")
    assert spec is not None
    assert spec.loader is not None
    official = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(official)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    body_only: dict[str, dict[str, str]] = {}
    with_lead: dict[str, dict[str, str]] = {}
    for key, item in truth.items():
        path = folder / "html" / f"{key}.html.gz"
        data = gzip.decompress(path.read_bytes())
        article = try_extract(record_for(path, data, item.get("url")), focus)
        body_only[key] = {"articleBody": article.body if article else ""}
        with_lead[key] = {"articleBody": article_text(article)}
    scores = {"pages": float(len(truth))}
    for name, prediction in (("body", body_only), ("lead+body", with_lead)):
        metrics = official.evaluate(truth, prediction, n_bootstrap=200)
        scores |= {f"{name} {k}": float(metrics[k]) for k in ("f1", "precision", "recall", "accuracy")}
    return scores


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def trafilatura_eval(folder: Path, focus: str) -> dict[str, float]:
    evaldata: dict[str, dict[str, Any]] = json.loads((folder / "evaldata_full.json").read_text("utf-8"))
    tp = fp = fn = tn = present = 0
    for url, item in evaldata.items():
        path = folder / "html" / item["file"]
        if not path.is_file():
            continue
        present += 1
        text = _ws(article_text(try_extract(record_for(path, path.read_bytes(), url), focus)))
        hits = sum(1 for snippet in item["with"] if _ws(snippet) in text)
        misses = sum(1 for snippet in item["without"] if _ws(snippet) in text)
        tp, fn = tp + hits, fn + len(item["with"]) - hits
        fp, tn = fp + misses, tn + len(item["without"]) - misses
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if present else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": accuracy,
        "pages": present,
        "described": len(evaldata),
    }


def orangesum_pages(folder: Path) -> list[tuple[Path, bytes, dict[str, Any]]]:
    return [
        (path, path.read_bytes(), load_gold(folder / "parsed" / f"{path.stem}.json"))
        for path in sorted((folder / "raw").glob("*.html"))
    ]


def orangesum(pages: list[tuple[Path, bytes, dict[str, Any]]], focus: str) -> GoldScores:
    scores = GoldScores()
    for path, data, gold in pages:
        scores.add(path.stem, try_extract(record_for(path, data), focus), gold)
    return scores


def throughput(pages: list[tuple[Path, bytes, dict[str, Any]]], focus: str, rounds: int) -> dict[str, float]:
    records = [record_for(path, data) for path, data, _ in pages]
    timings: dict[str, float] = {}
    runners = {
        "recoupe": lambda r: try_extract(r, focus),
        "trafilatura.extract": lambda r: trafilatura.extract(r.data),
        "trafilatura.extract+metadata": lambda r: trafilatura.extract(r.data, with_metadata=True),
    }
    for name, run in runners.items():
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for record in records:
                run(record)
            best = min(best, time.perf_counter() - start)
        timings[name] = len(records) / best
    return timings


def ingest_throughput(folder: Path, workers: int) -> float:
    """Articles/s through the whole ingest (read files, extract, store in a fresh SQLite database)."""
    settings = load_settings({"db": ":memory:"}, env={}, config_file=None)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        executor = make_executor(workers)
        try:
            start = time.perf_counter()
            report = ingest(read_inputs([str(folder)], settings), store, settings, executor=executor)
            elapsed = time.perf_counter() - start
        finally:
            executor.close()
    return report.read / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--focus", nargs="+", default=list(FOCUSES), choices=list(FOCUSES))
    parser.add_argument("--rounds", type=int, default=2, help="timing rounds (best one kept)")
    args = parser.parse_args()
    data: Path = args.data
    pages = orangesum_pages(data / "orangesum" / "html_sample")

    summary: list[str] = []
    for focus in args.focus:
        z = zyte(data / "article-extraction-benchmark", focus)
        t = trafilatura_eval(data / "trafilatura-eval-fr", focus)
        o = orangesum(pages, focus)
        print(f"[{focus}] orangesum misses: {json.dumps(o.misses)}; refused: {o.failed}", file=sys.stderr)
        zyte_lines = [
            f"    articleBody = {name:<9}: F1 {z[name + ' f1']:.3f}  precision {z[name + ' precision']:.3f}"
            f"  recall {z[name + ' recall']:.3f}  accuracy {z[name + ' accuracy']:.3f}"
            for name in ("body", "lead+body")
        ]
        summary.append(f"focus={focus}")
        summary.append(
            f"  zyte article-extraction-benchmark ({z['pages']:.0f} pages, official shingle metric,"
            " published: trafilatura 2.0.0 F1 0.958):"
        )
        summary.extend(zyte_lines)
        summary.append(
            f"  trafilatura eval set ({t['pages']:.0f} of {t['described']:.0f} described pages have HTML here,"
            f" the French ones): F1 {t['f1']:.3f}  precision {t['precision']:.3f}  recall {t['recall']:.3f}"
            f"  accuracy {t['accuracy']:.3f}   (published on all 990: trafilatura 2.2.0 F1 0.924)"
        )
        summary.append(
            f"  orangesum ({o.pages} pages, {len(o.failed)} refused): title {o.rate('title'):.1%}"
            f"  date {o.rate('date'):.1%}  lead {o.rate('lead'):.1%} (of {o.lead_pages} with a gold lead)"
            f"  body token F1 {o.rate('f1'):.3f}"
        )
    speed = throughput(pages, args.focus[0], args.rounds)
    ratio = speed["recoupe"] / speed["trafilatura.extract"]
    raw = data / "orangesum" / "html_sample" / "raw"
    full = {workers: ingest_throughput(raw, workers) for workers in (1, 2)}
    summary.append(
        f"throughput over {len(pages)} OrangeSum pages (focus={args.focus[0]}, best of {args.rounds}):"
        f" recoupe extract_html {speed['recoupe']:.1f} articles/s;"
        f" bare trafilatura.extract {speed['trafilatura.extract']:.1f}/s (ratio {ratio:.2f});"
        f" trafilatura.extract with metadata {speed['trafilatura.extract+metadata']:.1f}/s"
    )
    summary.append(
        f"full ingest (read + extract + store in SQLite) of the same pages: {full[1]:.1f} articles/s on 1 process"
        f" (ratio to bare trafilatura.extract {full[1] / speed['trafilatura.extract']:.2f}),"
        f" {full[2]:.1f}/s with --workers 2"
    )
    print("\n== summary ==")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
