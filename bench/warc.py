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
"""

from __future__ import annotations

import argparse
import io
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, action="append", help="a WARC or ARC file (repeatable)")
    parser.add_argument("--orangesum", action="store_true", help="also a WARC of the 60 OrangeSum pages")
    parser.add_argument("--repeat", type=int, default=1, help="OrangeSum pages written N times (default 1)")
    args = parser.parse_args()
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
