"""Web archives: how fast ``read_warc`` reads a WARC, and how fast its pages extract.

    .venv/bin/python bench/warc.py [--path FILE.warc.gz ...] [--orangesum] [--repeat N]

With no ``--path``, the committed samples (``tests/fixtures/warc/``); ``--path`` takes any WARC or ARC file,
e.g. a CC-NEWS file downloaded from Common Crawl (``crawl-data/CC-NEWS/…``; nothing is downloaded here).
``--orangesum`` adds a WARC written in a temporary folder with warcio from the 60 committed OrangeSum pages
(``tests/fixtures/orangesum/raw/``), each captured as in a crawl: a request, a 302 redirect, the page, an
image (240 records), ``--repeat`` times.

Two passes per archive: reading only (``read_warc``: records/s, MB/s of archive), then reading and
extracting each page (``recoupe.pipeline.extract_one``: pages/s), with the counts by outcome. The summary is
printed last.

``--compare PYTHON`` (with ``--orangesum``): the same OrangeSum WARC read and extracted, in the same run and
in CPU seconds, by recoupe, by news-please (``NewsPlease.from_html``) and by newspaper4k
(``Article.download(input_html=…)`` then ``parse``), each in a child process (``PYTHON``: an interpreter
where news-please and newspaper4k are installed, e.g. a throwaway venv; they are not recoupe's
dependencies), after one warm-up page, ``--rounds`` times interleaved; and the whole default pipeline
(``recoupe ingest`` of the WARC into a new database: extraction, enrichment, stories, the process's start
and model loads included). Printed as pages per CPU-second, the median of the rounds.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from recoupe.config import Settings
from recoupe.model import Article, Failure, Provenance, Record
from recoupe.pipeline import extract_one
from recoupe.sources.warc import WarcStats, read_warc

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "tests" / "fixtures" / "warc").glob("*.warc.gz"))
ORANGESUM = sorted((ROOT / "tests" / "fixtures" / "orangesum" / "raw").glob("*.html"))
SETTINGS = Settings(db=":memory:")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(2000)


def _record(writer: WARCWriter, url: str, kind: str, body: bytes, http: StatusAndHeaders) -> None:
    writer.write_record(
        writer.create_warc_record(url, kind, payload=io.BytesIO(body), length=len(body), http_headers=http)
    )


def write_orangesum_warc(path: Path, repeat: int) -> Path:
    """The committed OrangeSum pages as a crawl would capture them: request, redirect, page, image."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for round_ in range(repeat):
            for page in ORANGESUM:
                url = f"https://actu.orange.fr/{round_}/{page.stem}.html"
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "actu.orange.fr")], is_http_request=True)
                _record(writer, url, "request", b"", request)
                moved = StatusAndHeaders("302 Found", [("Location", url), ("Content-Length", "0")], protocol="HTTP/1.1")
                _record(writer, url.replace("https:", "http:"), "response", b"", moved)
                body = page.read_bytes()
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
                _record(writer, url, "response", body, StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"))
                image = [("Content-Type", "image/png"), ("Content-Length", str(len(PNG)))]
                _record(writer, url + ".png", "response", PNG, StatusAndHeaders("200 OK", image, protocol="HTTP/1.1"))
    return path


def bench(path: Path) -> dict[str, object]:
    """Read ``path`` twice (read only; read and extract) and count outcomes."""
    size_mb = path.stat().st_size / 1_048_576
    stats = WarcStats()
    started = time.perf_counter()
    archive_failures = 0
    for item in read_warc(path, SETTINGS, stats):
        archive_failures += isinstance(item, Failure)
    read_s = time.perf_counter() - started

    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for item in read_warc(path, SETTINGS):
        if isinstance(item, Record):
            result = extract_one(item, SETTINGS)
            outcomes["article" if isinstance(result, Article) else "no article"] += 1
        else:
            outcomes["record failure"] += 1
    total_s = time.perf_counter() - started
    return {
        "file": path.name,
        "MB": round(size_mb, 2),
        **stats.to_dict(),
        "read_s": read_s,
        "records_per_s": stats.records / read_s if read_s else 0.0,
        "MB_per_s": size_mb / read_s if read_s else 0.0,
        "extract_s": total_s,
        "pages_per_s": stats.pages / total_s if total_s and stats.pages else 0.0,
        "outcomes": dict(outcomes),
    }


# Runs in a child process (``--compare``'s interpreter for the others, ours for recoupe): reads the WARC's
# HTML 2xx responses with warcio, extracts one page to warm up, then times reading and extracting them all.
EXTRACT_CHILD = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
from warcio.archiveiterator import ArchiveIterator
tool, path = sys.argv[1], sys.argv[2]
if tool == "news-please":
    from newsplease import NewsPlease
    def extract(body, url):
        found = NewsPlease.from_html(body.decode("utf-8", "replace"), url=url, fetch_images=False)
        return bool(found is not None and found.maintext)
elif tool == "newspaper4k":
    from newspaper import Article
    def extract(body, url):
        found = Article(url, fetch_images=False)
        found.download(input_html=body.decode("utf-8", "replace"))
        found.parse()
        return bool(found.text)
else:
    from recoupe.config import Settings
    from recoupe.model import Article, Provenance, Record
    from recoupe.pipeline import extract_one
    settings = Settings(db=":memory:")
    def extract(body, url):
        record = Record(kind="html", provenance=Provenance(url, "html"), data=body, url=url)
        return isinstance(extract_one(record, settings), Article)
def pages():
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            if record.rec_type != "response" or http is None or not http.get_statuscode().startswith("2"):
                continue
            if "html" in (http.get_header("Content-Type") or ""):
                yield record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()
url, body = next(pages())
extract(body, url)
start = time.process_time()
count = found = 0
for url, body in pages():
    count += 1
    found += extract(body, url)
print(json.dumps({"pages": count, "articles": found, "cpu": time.process_time() - start}))
"""
TOOLS = ("recoupe", "news-please", "newspaper4k")


def _child(command: list[str]) -> tuple[float, str]:
    """CPU seconds of ``command`` and its children (getrusage), and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{done.stderr[-3000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def compare(python: str, warc: Path, rounds: int, folder: Path) -> None:
    """Pages per CPU-second of each extractor on ``warc`` and of recoupe's whole pipeline, interleaved."""
    rates: dict[str, list[float]] = {name: [] for name in (*TOOLS, "recoupe ingest (whole)")}
    found: dict[str, int] = {}
    for round_ in range(rounds):
        for tool in TOOLS:
            interpreter = sys.executable if tool == "recoupe" else python
            _, out = _child([interpreter, "-c", EXTRACT_CHILD, tool, str(warc)])
            result = json.loads(out.strip().splitlines()[-1])
            rates[tool].append(result["pages"] / result["cpu"])
            found[tool] = result["articles"]
        db = folder / f"whole-{round_}.db"
        cpu, _ = _child([sys.executable, "-m", "recoupe.cli", "--db", str(db), "ingest", str(warc)])
        rates["recoupe ingest (whole)"].append(found["recoupe"] / cpu)
    print(f"same WARC ({warc.name}), {rounds} rounds interleaved, pages per CPU-second (median):", file=sys.stderr)
    for name, values in rates.items():
        articles = f", {found[name]} with an article text" if name in found else ""
        print(
            f"  {name:<24} {statistics.median(values):6.1f}  {[round(v, 1) for v in values]}{articles}", file=sys.stderr
        )
    recoupe, others = statistics.median(rates["recoupe"]), {t: statistics.median(rates[t]) for t in TOOLS[1:]}
    whole = statistics.median(rates["recoupe ingest (whole)"])
    print(
        f"extraction: recoupe {recoupe:.1f} pages/CPU-s = {recoupe / others['news-please']:.1f}x news-please, "
        f"{recoupe / others['newspaper4k']:.1f}x newspaper4k; whole pipeline {whole:.2f} = "
        f"{whole / others['news-please']:.2f}x news-please's extraction"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, action="append", help="a WARC or ARC file (repeatable)")
    parser.add_argument("--orangesum", action="store_true", help="also a WARC of the 60 OrangeSum pages")
    parser.add_argument("--repeat", type=int, default=1, help="OrangeSum pages written N times (default 1)")
    parser.add_argument("--compare", metavar="PYTHON", help="an interpreter with news-please and newspaper4k")
    parser.add_argument("--rounds", type=int, default=2, help="--compare rounds, interleaved (default 2)")
    args = parser.parse_args()
    if args.compare:
        with tempfile.TemporaryDirectory() as folder:
            warc = write_orangesum_warc(Path(folder) / "orangesum.warc.gz", args.repeat)
            compare(args.compare, warc, args.rounds, Path(folder))
        return 0
    paths: list[Path] = list(args.path or SAMPLES)
    warm_up = Record(kind="html", provenance=Provenance(str(ORANGESUM[0]), "html"), data=ORANGESUM[0].read_bytes())
    extract_one(warm_up, SETTINGS)  # imports trafilatura and loads its models outside the timings
    with tempfile.TemporaryDirectory() as folder:
        if args.orangesum:
            paths.append(write_orangesum_warc(Path(folder) / "orangesum.warc.gz", args.repeat))
        rows = [bench(path) for path in paths]
    for row in rows:
        print(
            f"{row['file']}: {row['MB']} MB, {row['records']} records ({row['pages']} pages, "
            f"{row['not_response']} not responses, {row['not_2xx']} not 2xx, {row['not_html']} not HTML, "
            f"{row['failed']} failed) · read {row['records_per_s']:,.0f} records/s, {row['MB_per_s']:.1f} MB/s · "
            f"read+extract {row['pages_per_s']:.1f} pages/s · {row['outcomes']}",
            file=sys.stderr,
        )
    records = sum(int(str(row["records"])) for row in rows)
    pages = sum(int(str(row["pages"])) for row in rows)
    read_s = sum(float(str(row["read_s"])) for row in rows)
    extract_s = sum(float(str(row["extract_s"])) for row in rows)
    print(
        f"WARC: {records} records read at {records / read_s:,.0f} records/s; "
        f"{pages} pages read and extracted at {pages / extract_s:.1f} pages/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
