"""Structured records: JSONL (one JSON object per line), a JSON array of objects, CSV and TSV.

Each row becomes a ``Record`` of kind ``fields`` whose ``fields`` use recoupe's names. Column names are
found from common spellings (``FIELD_NAMES``); ``mapping`` overrides them (``{"body": "newBody"}``),
and a dotted name reaches into nested objects (``"outlet": "source.name"``). Large files are streamed;
one bad line is one ``Failure`` with its line number, and reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from recoupe.config import Settings
from recoupe.errors import InputError
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.decode import decode_bytes
from recoupe.sources.files import open_binary
from recoupe.sources.guard import failure_of

__all__ = ["FIELD_NAMES", "UrlTexts", "map_fields", "read_csv", "read_json_array", "read_jsonl"]

#: recoupe field -> names looked for in a record, first found wins (compared case-insensitively).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "newsTitle", "name"),
    "body": ("text", "body", "content", "maintext", "article", "article_text", "newBody", "full_text", "story"),
    "lead": ("lead", "description", "summary", "heading", "standfirst", "abstract", "excerpt", "chapo"),
    "date": (
        "date",
        "published",
        "published_at",
        "publication_date",
        "pubdate",
        "date_publish",
        "datepublished",
        "publish_date",
        "created_at",
        "timestamp",
        "time",
    ),
    "url": ("url", "link", "href", "newsLink", "source_url"),
    "canonical_url": ("canonical_url", "canonical"),
    "outlet": ("outlet", "source", "newsSource", "site", "sitename", "site_name", "source_name", "publisher", "media"),
    "tags": ("tags", "keywords", "categories", "topics"),
    "authors": ("authors", "author", "byline", "creator"),
    "section": ("section", "category", "rubrique", "topic"),
    "language": ("language", "lang", "locale"),
    "html": ("html", "raw_html", "page"),
}
_NESTED_NAME_KEYS = ("name", "title", "value", "text")


def _lookup(row: Mapping[str, Any], dotted: str) -> Any:
    value: Any = row
    for part in dotted.split("."):
        if not isinstance(value, Mapping):
            return None
        if part in value:
            value = value[part]
            continue
        folded = {str(key).casefold(): key for key in value}
        key = folded.get(part.casefold())
        if key is None:
            return None
        value = value[key]
    return value


def _flatten(value: Any) -> Any:
    """A nested ``{"name": ...}`` becomes its name; a list keeps its items flattened the same way.

    Lone surrogates (JSON allows ``"\\ud800"``) cannot be stored as UTF-8: they become ``?``.
    """
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, Mapping):
        for key in _NESTED_NAME_KEYS:
            if isinstance(value.get(key), str):
                return _flatten(value[key])
        return None
    if isinstance(value, list):
        return [item for item in (_flatten(v) for v in value) if item not in (None, "")]
    return value


def map_fields(row: Mapping[str, Any], mapping: Mapping[str, str] | None = None) -> dict[str, Any]:
    """recoupe's fields from one input row; unknown columns are kept under ``extra``."""
    mapping = mapping or {}
    out: dict[str, Any] = {}
    used: set[str] = set()
    for name, candidates in FIELD_NAMES.items():
        names = (mapping[name],) if name in mapping else candidates
        for candidate in names:
            value = _flatten(_lookup(row, candidate))
            if value not in (None, "", []):
                out[name] = value
                used.add(candidate.split(".")[0].casefold())
                break
    out["extra"] = {k: v for k, v in row.items() if str(k).casefold() not in used}
    return out


def _record(row: Any, where: str, line: int, kind: str, mapping: Mapping[str, str] | None) -> Record | Failure:
    provenance = Provenance(where, kind, line=line)
    if not isinstance(row, Mapping):
        return Failure(provenance, f"expected a JSON object, got {type(row).__name__}")
    fields = map_fields(row, mapping)
    url = fields.get("canonical_url") or fields.get("url")
    return Record(kind="fields", provenance=provenance, fields=fields, url=url if isinstance(url, str) else None)


class UrlTexts:
    """One input's URLs and the text each came with: a second, different text for a URL is refused.

    A dump holding two texts for one URL would otherwise store the one, then the other as its revision, on
    every run: re-reading a file must change nothing. The first text is kept; a later copy with the same
    fields passes (the store says it is unchanged). Only hashes are kept (16 bytes a URL).
    """

    def __init__(self) -> None:
        self._first: dict[bytes, tuple[bytes, str]] = {}

    def check(self, item: Record | Failure, place: str) -> Record | Failure:
        """``item`` (at ``place``: "line 3"), or a ``Failure`` when its URL came earlier with other fields."""
        if not isinstance(item, Record) or not item.url:
            return item
        key = hashlib.blake2b(item.url.encode("utf-8", "replace"), digest_size=8).digest()
        fields = json.dumps(item.fields, sort_keys=True, default=str, ensure_ascii=False)
        digest = hashlib.blake2b(fields.encode("utf-8", "replace"), digest_size=8).digest()
        first = self._first.setdefault(key, (digest, place))
        if first[0] == digest:
            return item
        reason = f"another text for the URL of {first[1]} (kept); one URL, one text per input"
        return Failure(item.provenance, reason)


_BLOCK = 1024 * 1024
_NEWLINES = re.compile(rb"\n+")


def _lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each non-blank line, ``None`` for a line over ``limit`` bytes (never held).

    Read in blocks of 1 MB: a run of blank lines costs one regular-expression match, not a call per line.
    """
    read = getattr(handle, "read1", handle.read)  # what is there now: a pipe is read as it comes
    pending = bytearray()
    skipping = False
    number = 0
    while block := read(_BLOCK):
        start = 0
        while start < len(block):
            if not pending and not skipping:
                run = _NEWLINES.match(block, start)
                if run is not None:  # blank lines: counted, skipped at once
                    number += run.end() - start
                    start = run.end()
                    continue
            end = block.find(b"\n", start)
            if end < 0:
                if not skipping:
                    pending += block[start:]
                    if len(pending) > limit:
                        skipping = True
                        pending.clear()
                break
            number += 1
            if skipping:
                skipping = False
                yield number, None
            else:
                pending += block[start:end]
                if len(pending) > limit:
                    yield number, None
                elif pending.strip():
                    yield number, bytes(pending)
                pending.clear()
            start = end + 1
    if skipping or pending.strip():  # a last line without its newline
        yield number + 1, None if skipping else bytes(pending)


def read_jsonl(
    handle: IO[bytes], where: str, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Record | Failure]:
    """One record per non-blank line; lines over ``max_record_mb`` are refused without being held whole."""
    seen_any = False
    urls = UrlTexts()
    for line_no, raw in _lines(handle, settings.max_record_bytes):
        provenance = Provenance(where, "jsonl", line=line_no)
        seen_any = True
        if raw is None:
            yield Failure(provenance, f"record larger than max_record_mb={settings.max_record_mb:g}")
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Failure(provenance, f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        try:
            row = json.loads(text)
            item = urls.check(_record(row, where, line_no, "jsonl", mapping), f"line {line_no}")
        except json.JSONDecodeError as exc:
            yield Failure(provenance, f"not JSON: {exc.msg} (column {exc.colno})")
            continue
        except (RecursionError, ValueError) as exc:  # JSON nested thousands deep; an integer of 5000 digits
            yield failure_of(exc, provenance)
            continue
        yield item
    if not seen_any:
        yield Failure(Provenance(where, "jsonl"), "no records (empty input)")


def read_json_array(
    path: Path, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Record | Failure]:
    """A ``.json`` file: an array of objects, one object, or (if it fails as JSON) JSON Lines."""
    where = str(path)
    with open_binary(path) as handle:
        raw = handle.read(settings.max_file_bytes + 1)
    if len(raw) > settings.max_file_bytes:
        with open_binary(path) as handle:
            yield from read_jsonl(handle, where, settings, mapping)
        return
    text, _ = decode_bytes(raw, where=where)
    try:
        data = json.loads(text)
    except (RecursionError, ValueError):  # not JSON, nested too deeply, a huge integer: line by line, each told
        with open_binary(path) as handle:
            yield from read_jsonl(handle, where, settings, mapping)
        return
    rows = data if isinstance(data, list) else [data]
    urls = UrlTexts()
    if not rows:
        yield Failure(Provenance(where, "json"), "empty JSON array")
    for index, row in enumerate(rows):
        try:
            record = urls.check(_record(row, where, index + 1, "json", mapping), f"record {index + 1}")
        except RecursionError as exc:
            record = failure_of(exc, Provenance(where, "json", line=index + 1))
        yield record


def _sniff_encoding(handle: IO[bytes], where: str) -> str:
    sample = handle.read(256 * 1024)
    handle.seek(0)
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # the codec reads the mark and drops it
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a multi-byte character cut at the sample's end
            return decode_bytes(sample, where=where)[1]
    return "utf-8-sig"


class _LineTooLong(Exception):  # noqa: N818 - a signal between the line reader and read_csv, never seen outside
    """A line longer than the bound: skipped without being held, its number given."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _BoundedLines:
    """The lines of a text stream for ``csv``, each read in time linear in its length and at most ``limit``
    characters: a longer line is read past in pieces (never held whole) and raises ``_LineTooLong`` once,
    then the next line is read as usual. ``number`` counts the lines read (the CSV line of a failure).

    A class, not a generator: a generator that raises is over, and the rows after a long line must be read.
    """

    def __init__(self, stream: IO[str], limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.number = 0

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            while line and not line.endswith(("\n", "\r")):
                line = self.stream.readline(_PIECE)
            raise _LineTooLong(self.number)
        return line


_PIECE = 1024 * 1024


def read_csv(
    handle: IO[bytes],
    where: str,
    settings: Settings,
    mapping: Mapping[str, str] | None = None,
    *,
    delimiter: str = ",",
) -> Iterator[Record | Failure]:
    """CSV/TSV with a header row; the encoding is detected on the first 256 KB (a UTF-16 or UTF-32 mark read).

    A line or a field longer than ``max_record_mb`` is one ``Failure`` (the line is read past, never held
    whole) and so is a row the ``csv`` module cannot parse; the rows after it are read. Bytes that cannot be
    decoded end the file with a ``Failure`` naming the line (the rows before are kept).
    """
    encoding = _sniff_encoding(handle, where)
    limit = settings.max_record_bytes
    csv.field_size_limit(limit)
    text = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")
    try:
        yield from _csv_rows(
            _BoundedLines(text, limit), where, settings, mapping, encoding=encoding, delimiter=delimiter
        )
    finally:
        text.detach()  # the caller closes its handle


def _csv_rows(
    lines: _BoundedLines,
    where: str,
    settings: Settings,
    mapping: Mapping[str, str] | None,
    *,
    encoding: str,
    delimiter: str,
) -> Iterator[Record | Failure]:
    rows = csv.DictReader(lines, delimiter=delimiter)
    kind = "tsv" if delimiter == "\t" else "csv"
    urls = UrlTexts()
    too_long = f"line longer than max_record_mb={settings.max_record_mb:g}"
    try:
        header = rows.fieldnames
    except _LineTooLong:
        raise InputError(f"header row {too_long}", where=where) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise InputError(f"header row cannot be read: {_csv_reason(exc, encoding)}", where=where) from exc
    if header is None:
        raise InputError("no header row", where=where)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except _LineTooLong as exc:
            yield Failure(Provenance(where, kind, line=exc.line), too_long)
            continue
        except csv.Error as exc:
            yield Failure(Provenance(where, kind, line=lines.number), f"bad CSV: {exc}")
            continue
        except UnicodeDecodeError as exc:  # the decoder's place in the stream is lost: the rest is not read
            yield Failure(Provenance(where, kind, line=lines.number + 1), _csv_reason(exc, encoding))
            break
        line = lines.number
        if None in row:
            yield Failure(Provenance(where, kind, line=line), "more cells than header columns")
            continue
        yield urls.check(_record(dict(row), where, line, kind, mapping), f"line {line}")


def _csv_reason(exc: Exception, encoding: str) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"cannot decode as {encoding}: {exc.reason}"
    return f"bad CSV: {exc}"
