"""Web archives: the HTML pages captured in a WARC or ARC file (Common Crawl's CC-NEWS, Heritrix, wget, …).

``read_warc`` streams the archive with warcio's ``ArchiveIterator`` (``.warc``, ``.warc.gz``, ``.arc``,
``.arc.gz``; ARC records are read as WARC ``response`` records) and yields one ``Record`` per captured page,
one record at a time (a record's body is read up to ``settings.max_file_bytes``, never the whole archive):

- only ``response`` records are read; ``request``, ``metadata``, ``warcinfo``, ``revisit``, ``resource``
  and ``conversion`` records are skipped without a word, and so are responses whose HTTP status is not 2xx
  (a redirect or a 404 in a crawl is no error) and responses that are not HTML or XHTML (images, scripts,
  PDFs, robots.txt); ``WarcStats`` counts every one of them;
- a page becomes the record ``recoupe.sources.web.page_record`` makes of a page fetched over HTTP (raw
  bytes, the HTTP charset as decoding hint, ``Record.url`` the ``WARC-Target-URI``,
  ``fields["http"]`` the status and validators), so the extract stage reads it exactly the same; its
  provenance names the archive and the record's offset in it (``kind="warc"``, ``where()`` gives
  ``crawl.warc.gz@1234``, the offset a CDX index gives) and ``fetched_at`` is the capture date
  (``WARC-Date``); ``fields["warc"]`` keeps the ``WARC-Record-ID`` and the ``WARC-Date`` as written;
- a body over ``max_file_mb`` is a ``Failure`` for that record, and reading goes on; a record's WARC or
  HTTP header block over ``MAX_HEADER_BYTES`` (warcio holds each header line as a tuple: ten megabytes of
  short lines took 240 MB) is damage, below;
- memory: one record at a time, its body held once (never past ``max_file_mb``), the archive's gzip members
  and the HTTP ``Content-Encoding`` inflated ``BLOCK_BYTES`` of input at a time. Reading holds at most the
  cap plus a few MB, whatever the archive's size (``tests/sources/test_warc_memory.py``,
  ``bench/hostile.py``); a 3 MB body cost 9.2 MB before (copied once more, 16 KB blocks), 5.8 MB now;
- a truncated or corrupt archive yields the records before the damage, then one ``Failure`` naming the
  archive, the offset of the damaged record and the reason, and reading stops there. warcio itself ends
  quietly on a file cut short and only prints a gzip error when a compressed record is damaged, so the
  damage is found here: a record whose block is shorter than its ``Content-Length``, or bytes left after
  the last record that could be read.

The capture date is not used as the publication date: extract does not read one from a record (an
archived page's date comes from the page, by htmldate), and a crawl can capture a page long after it was
published. It is kept as ``Provenance.fetched_at``, as for a page fetched live.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParser

from recoupe.config import Settings
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.web import HTML_TYPES, Fetched, page_record

__all__ = ["MAX_HEADER_BYTES", "HeadersTooLong", "WarcStats", "read_warc"]

_CHUNK = 64 * 1024
#: compressed bytes warcio reads at a time: one block inflates to at most some 1 000 times its size (zlib's
#: limit), so 4 KB bound what one read holds to about 4 MB (warcio's 16 KB, to 16 MB)
BLOCK_BYTES = 4 * 1024
#: the bytes a record's WARC headers, or its HTTP headers, may take (a browser allows some 256 KB of headers)
MAX_HEADER_BYTES = 256 * 1024
#: HTTP headers a page record uses (the charset, and the validators ``fields["http"]`` keeps)
_KEPT_HEADERS = ("content-type", "etag", "last-modified")


@dataclass(slots=True)
class WarcStats:
    """What ``read_warc`` saw: every record read, by what became of it."""

    records: int = 0
    pages: int = 0
    not_response: int = 0
    not_2xx: int = 0
    not_html: int = 0
    failed: int = 0

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def read_warc(path: Path, settings: Settings, stats: WarcStats | None = None) -> Iterator[Record | Failure]:
    """The HTML pages archived in the WARC or ARC file ``path``, each a ``Record``; ``Failure`` for the rest.

    ``stats``, when given, is updated as the archive is read. Never raises for a bad archive.
    """
    counts = stats if stats is not None else WarcStats()
    where = str(path)
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        counts.failed += 1
        yield Failure(Provenance(where, "warc"), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        iterator = ArchiveIterator(handle, arc2warc=True, block_size=BLOCK_BYTES)
        _bound_headers(iterator)
        try:
            for entry in iterator:
                counts.records += 1
                if _status(entry.rec_headers.get_header("Content-Length")) is None:  # mandatory in WARC and ARC
                    counts.failed += 1
                    yield _damaged(where, iterator.offset, "a record without a valid length (not a WARC or ARC file?)")
                    return
                item = _page(entry, settings, counts)
                offset: int = iterator.get_record_offset()  # reads what is left of the record
                stream = entry.raw_stream
                if isinstance(stream, LimitReader) and stream.limit > 0:
                    counts.failed += 1
                    yield _damaged(where, offset, f"record cut short ({stream.limit} of its bytes missing)")
                    return
                if item is None:
                    continue
                item = _placed(item, where, offset, entry)
                if isinstance(item, Failure):
                    counts.failed += 1
                else:
                    counts.pages += 1
                yield item
                item = None  # not held while the next record is read: one body at a time
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds (AttributeError included) on damaged input
            counts.failed += 1
            yield _damaged(where, getattr(iterator, "offset", None), _reason(exc))
            return
        end: int | None = getattr(iterator, "offset", None)
        if end is not None and end < size:
            counts.failed += 1
            yield _damaged(where, end, f"{size - end} bytes after the last complete record cannot be read as a record")


class HeadersTooLong(Exception):  # noqa: N818 - named for what the reader reports
    """A record's WARC or HTTP header block longer than ``MAX_HEADER_BYTES``."""


class _HeaderBudget:
    """A stream whose ``readline`` stops a header block at ``MAX_HEADER_BYTES`` (one long line included)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.left = MAX_HEADER_BYTES

    def readline(self, size: int = -1) -> bytes:
        want = self.left + 1 if size is None or size < 0 else min(size, self.left + 1)
        line: bytes = self.stream.readline(want)
        self.left -= len(line)
        if self.left < 0:
            raise HeadersTooLong(f"a record's headers are longer than {MAX_HEADER_BYTES // 1024} KB")
        return line


class _BoundedParser(StatusAndHeadersParser):  # type: ignore[misc]  # warcio has no type hints
    """warcio's header parser reading through a ``_HeaderBudget``: it keeps every header line as a tuple,
    so ten megabytes of ``X: y`` lines cost some 240 MB; with the budget, at most ``MAX_HEADER_BYTES``."""

    def parse(self, stream: Any, full_statusline: Any = None) -> Any:
        return super().parse(_HeaderBudget(stream), full_statusline)


def _bound_headers(iterator: ArchiveIterator) -> None:
    loader = iterator.loader
    for name in ("warc_parser", "arc_parser", "http_parser", "http_req_parser"):
        parser: Any = getattr(loader, name, None)
        if type(parser) is StatusAndHeadersParser:  # the ARC parser is another class, its lines are short
            setattr(loader, name, _BoundedParser(parser.statuslist, parser.verify))


def _page(entry: Any, settings: Settings, counts: WarcStats) -> Record | Failure | None:
    """The page in one archive record, a ``Failure``, or ``None`` for a record that holds no page."""
    http = entry.http_headers
    if entry.rec_type != "response" or http is None:
        counts.not_response += 1
        return None
    status = _status(http.get_statuscode())
    if status is None or not 200 <= status < 300:  # the 2xx range
        counts.not_2xx += 1
        return None
    headers = httpx.Headers([(name.encode(), value.encode("utf-8", "replace")) for name, value in _kept(http)])
    media = str(headers.get("content-type", "")).split(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        counts.not_html += 1
        return None
    data = _read_bounded(_content_stream(entry, http), settings.max_file_bytes)
    if data is None:
        return Failure(
            Provenance("", "warc"),
            f"record too large (more than {settings.max_file_mb:g} MB > max_file_mb={settings.max_file_mb:g}); "
            "raise max_file_mb to read it",
        )
    if not media and data.lstrip()[:1] != b"<":
        counts.not_html += 1
        return None
    url = str(entry.rec_headers.get_header("WARC-Target-URI") or "").strip()
    captured = _capture_date(entry.rec_headers.get_header("WARC-Date"))
    fetched = Fetched(
        url=url, requested=url, status=status, headers=headers, data=data, fetched_at=captured or datetime.now(UTC)
    )
    return page_record(fetched)


def _content_stream(entry: Any, http: Any) -> Any:
    """The record's HTTP body, de-chunked and decompressed (``content-encoding``) as warcio's own
    ``content_stream`` does, but in ``BLOCK_BYTES`` reads."""
    encoding = str(http.get_header("content-encoding") or "").strip().lower()
    decomp = encoding if encoding in BufferedReader.get_supported_decompressors() else None
    if str(http.get_header("transfer-encoding") or "").strip().lower() == "chunked":
        return ChunkedDataReader(entry.raw_stream, decomp_type=decomp, block_size=BLOCK_BYTES)
    if decomp:
        return BufferedReader(entry.raw_stream, decomp_type=decomp, block_size=BLOCK_BYTES)
    return entry.raw_stream


def _placed(item: Record | Failure, where: str, offset: int, entry: Any) -> Record | Failure:
    """``item`` with its provenance naming the archive, the record's offset and its capture date."""
    raw_date = entry.rec_headers.get_header("WARC-Date")
    provenance = Provenance(
        where, "warc", offset=offset, fetched_at=_capture_date(raw_date), encoding=item.provenance.encoding
    )
    if isinstance(item, Failure):
        return replace(item, provenance=provenance)
    warc = {"record_id": entry.rec_headers.get_header("WARC-Record-ID"), "date": raw_date}
    return replace(item, provenance=provenance, fields={**item.fields, "warc": warc})


def _kept(http: Any) -> Iterator[tuple[str, str]]:
    for name, value in http.headers:
        if name.strip().lower() in _KEPT_HEADERS:
            yield name.strip().lower(), value


def _status(code: object) -> int | None:
    """A status code or a length as a non-negative number; ``None`` when it is not one."""
    try:
        value = int(str(code))
    except ValueError:
        return None
    return value if value >= 0 else None


def _capture_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # WARC-Date is UTC


def _read_bounded(stream: Any, limit: int) -> bytes | None:
    """The body, or ``None`` once it passes ``limit`` bytes (the rest is left for warcio to skip).

    Read into a ``BytesIO``, whose ``getvalue`` hands its buffer over: the body is held once (a
    ``bytearray`` turned into ``bytes`` held it twice, and over-allocated it while it grew).
    """
    body = io.BytesIO()
    size = 0
    while chunk := stream.read(_CHUNK):
        size += body.write(chunk)
        if size > limit:
            return None
    return body.getvalue()


def _reason(exc: BaseException) -> str:  # noqa: PLR0911 - one reason per kind of damage
    message = " ".join(str(exc).split())
    if isinstance(exc, HeadersTooLong):
        return message
    if isinstance(exc, ArchiveLoadFailed) and "non-chunked gzip" in message:
        return "the whole file is one gzip stream, not one per record (`warcio recompress` fixes it)"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({message})"
    if isinstance(exc, EOFError):
        return "unexpected end of file"
    if isinstance(exc, ArchiveLoadFailed) and "Unknown archive format" in message:
        return "no WARC or ARC record where one should start (corrupt or compressed data there)"
    if isinstance(exc, ArchiveLoadFailed):
        return message[:200]
    return f"a record cannot be parsed ({type(exc).__name__}: {message[:200]})"


def _damaged(where: str, offset: int | None, reason: str) -> Failure:
    return Failure(Provenance(where, "warc", offset=offset), f"archive truncated or corrupt: {reason}; reading stopped")
