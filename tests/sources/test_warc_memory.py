"""Reading a WARC holds one record's body at most, whatever the archive's size (issue 17).

``read_warc`` streams the archive record by record; a body is read up to ``max_file_mb`` (a larger one is
that record's failure, and reading goes on), held once, and decompressed in small blocks: one 16 KB block
of gzip inflates to up to 16 MB, so warcio's default block size alone could hold four times a small cap.
Archives are generated in a temporary folder (not committed); the peak is Python's own allocations
(tracemalloc), zlib's buffers included.
"""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

from recoupe.config import Settings, load_settings
from recoupe.model import Failure, Record
from recoupe.sources.warc import read_warc

MB = 1024 * 1024
CAP_MB = 4
#: what reading holds beside the body: an inflated block (4 KB of this HTML inflate to some 1.2 MB), warcio's
#: buffers, the record's headers. Measured: 2.8 MB beside a 3 MB body, 3.3 MB beside the 4 MB cap; before,
#: 6.2 MB and 10.6 MB (the body copied once more, blocks of 16 KB)
OVERHEAD = int(4.5 * MB)
PARAGRAPH = b"<p>Le conseil municipal a vote un budget de douze millions d'euros pour les ecoles.</p>\n"


def _body(size: int) -> bytes:
    """About ``size`` bytes of HTML that compresses some 300 times (the worst case for inflating)."""
    return b"<html><body>" + PARAGRAPH * (size // len(PARAGRAPH)) + b"</body></html>"


def _record(uri: str, block: bytes) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T08:00:00Z\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 6)  # one gzip member per record, as crawlers write


def _response(body: bytes, *headers: str) -> bytes:
    lines = "".join(f"{header}\r\n" for header in ("HTTP/1.1 200 OK", "Content-Type: text/html", *headers))
    return lines.encode() + b"\r\n" + body


def _archive(path: Path, bodies: list[bytes]) -> Path:
    with path.open("wb") as handle:
        for number, body in enumerate(bodies):
            handle.write(_record(f"https://example.org/{number}", _response(body)))
    return path


def _settings() -> Settings:
    return load_settings({"db": ":memory:", "max_file_mb": CAP_MB}, env={}, config_file=None)


def _peak(path: Path) -> tuple[int, list[tuple[str, int]]]:
    """Peak bytes allocated while the archive is read item by item (each dropped before the next, as the
    pipeline's batches do), and each item's type and body size."""
    seen: list[tuple[str, int]] = []
    tracemalloc.start()
    try:
        for item in read_warc(path, _settings()):
            seen.append((type(item).__name__, len(item.data or b"") if isinstance(item, Record) else 0))
            del item
        return tracemalloc.get_traced_memory()[1], seen
    finally:
        tracemalloc.stop()


def test_a_record_over_the_cap_is_its_failure_and_costs_the_cap_at_most(tmp_path: Path) -> None:
    path = _archive(tmp_path / "huge.warc.gz", [_body(40 * MB), _body(200_000)])
    assert path.stat().st_size < 2 * MB  # 40 MB of page in some 130 KB
    peak, seen = _peak(path)
    assert seen == [("Failure", 0), ("Record", len(_body(200_000)))]  # reading went on after it
    assert peak < CAP_MB * MB + OVERHEAD, peak / MB
    (failure,) = [item for item in read_warc(path, _settings()) if isinstance(item, Failure)]
    assert failure.reason.startswith(f"record too large (more than {CAP_MB} MB > max_file_mb={CAP_MB})")
    assert failure.provenance.offset == 0


def test_a_body_under_the_cap_is_held_once(tmp_path: Path) -> None:
    size = 3 * MB
    peak, seen = _peak(_archive(tmp_path / "big.warc.gz", [_body(size)]))
    assert seen == [("Record", len(_body(size)))]
    # held once: copied on its way (a bytearray, then bytes), it passed this by 1.6 MB
    assert peak < size + OVERHEAD, peak / MB


def test_the_peak_does_not_grow_with_the_archive(tmp_path: Path) -> None:
    small = _peak(_archive(tmp_path / "four.warc.gz", [_body(MB)] * 4))
    large = _peak(_archive(tmp_path / "sixty-four.warc.gz", [_body(MB)] * 64))
    assert [kind for kind, _ in large[1]] == ["Record"] * 64
    assert large[0] < small[0] * 1.25 + 256 * 1024, (small[0] / MB, large[0] / MB)
    assert large[0] < MB + OVERHEAD


def test_chunked_and_gzip_encoded_bodies_are_read_whole(tmp_path: Path) -> None:
    body = _body(300_000)
    packed = gzip.compress(body)
    chunked = b"".join(
        f"{len(packed[i : i + 5000]):x}\r\n".encode() + packed[i : i + 5000] + b"\r\n"
        for i in range(0, len(packed), 5000)
    )
    path = tmp_path / "encoded.warc.gz"
    with path.open("wb") as handle:
        handle.write(_record("https://example.org/gz", _response(packed, "Content-Encoding: gzip")))
        block = _response(chunked + b"0\r\n\r\n", "Content-Encoding: gzip", "Transfer-Encoding: chunked")
        handle.write(_record("https://example.org/chunked", block))
    items = list(read_warc(path, _settings()))
    assert [item.data for item in items if isinstance(item, Record)] == [body, body]
