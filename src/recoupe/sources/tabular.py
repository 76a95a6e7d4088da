"""Structured records: JSONL (one JSON object per line), a JSON array of objects, CSV and TSV.

Each row becomes a ``Record`` of kind ``fields`` whose ``fields`` use recoupe's names. Column names are
found from common spellings (``FIELD_NAMES``); ``mapping`` overrides them (``{"body": "newBody"}``),
and a dotted name reaches into nested objects (``"outlet": "source.name"``). Large files are streamed;
one bad line is one ``Failure`` with its line number, and reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from recoupe.config import Settings
from recoupe.errors import InputError
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.decode import decode_bytes
from recoupe.sources.files import open_binary

__all__ = ["FIELD_NAMES", "map_fields", "read_csv", "read_json_array", "read_jsonl"]

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


def _skip_rest_of_line(handle: IO[bytes], chunk: bytes, limit: int) -> None:
    while chunk and not chunk.endswith(b"\n"):
        chunk = handle.readline(limit)


def read_jsonl(
    handle: IO[bytes], where: str, settings: Settings, mapping: Mapping[str, str] | None = None
) -> Iterator[Record | Failure]:
    """One record per non-blank line; lines over ``max_record_mb`` are refused without being held whole."""
    limit = settings.max_record_bytes
    line_no = 0
    seen_any = False
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            break
        line_no += 1
        provenance = Provenance(where, "jsonl", line=line_no)
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(handle, raw, limit)
            yield Failure(provenance, f"record larger than max_record_mb={settings.max_record_mb:g}")
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Failure(provenance, f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Failure(provenance, f"not JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _record(row, where, line_no, "jsonl", mapping)
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
    except json.JSONDecodeError:
        with open_binary(path) as handle:
            yield from read_jsonl(handle, where, settings, mapping)
        return
    rows = data if isinstance(data, list) else [data]
    if not rows:
        yield Failure(Provenance(where, "json"), "empty JSON array")
    for index, row in enumerate(rows):
        record = _record(row, where, index + 1, "json", mapping)
        yield record


def _sniff_encoding(handle: IO[bytes], where: str) -> str:
    sample = handle.read(256 * 1024)
    handle.seek(0)
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a multi-byte character cut at the sample's end
            return decode_bytes(sample, where=where)[1]
    return "utf-8-sig"


def read_csv(
    handle: IO[bytes],
    where: str,
    settings: Settings,
    mapping: Mapping[str, str] | None = None,
    *,
    delimiter: str = ",",
) -> Iterator[Record | Failure]:
    """CSV/TSV with a header row; the encoding is detected on the first 256 KB."""
    encoding = _sniff_encoding(handle, where)
    csv.field_size_limit(settings.max_record_bytes)
    reader = codecs.getreader(encoding)(handle, "strict")
    rows = csv.DictReader(reader, delimiter=delimiter)
    kind = "tsv" if delimiter == "\t" else "csv"
    count = 0
    try:
        for row in rows:
            line = rows.line_num
            if None in row:
                yield Failure(Provenance(where, kind, line=line), "more cells than header columns")
                continue
            count += 1
            yield _record(dict(row), where, line, kind, mapping)
    except UnicodeDecodeError as exc:
        yield Failure(Provenance(where, kind, line=rows.line_num + 1), f"cannot decode as {encoding}: {exc.reason}")
    except csv.Error as exc:
        yield Failure(Provenance(where, kind, line=rows.line_num), f"bad CSV: {exc}")
    if count == 0 and rows.fieldnames is None:
        raise InputError("no header row", where=where)
