"""Fuzz targets (issue 17): the readers, parsers, search-query escaping and what the stages after a reader
do with an article (``article``: extracted and stored), each with a Hypothesis strategy.

Each target takes one generated input and checks what a caller relies on: a reader yields only ``Record``
and ``Failure`` items and raises nothing but ``InputError`` (which ``read_path`` turns into a failure); a
parser raises nothing but its documented errors; a search query either is refused with ``QueryError`` or
becomes an FTS5 expression SQLite accepts. Any other exception is a crash. The same targets run briefly in
``tests/fuzz/test_fuzz.py`` and long in ``bench/fuzz_readers.py`` (which counts crashes and hangs).

No network: feed entries and sitemap pages are "fetched" through an ``httpx.MockTransport`` answering 404.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import json
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from hypothesis import strategies as st

from recoupe.config import Settings, load_settings
from recoupe.errors import InputError, QueryError, RecoupeError
from recoupe.extract import extract
from recoupe.model import Failure, Provenance, Record
from recoupe.pipeline import extract_one
from recoupe.sources.decode import decode_bytes
from recoupe.sources.feeds import read_feed_bytes
from recoupe.sources.sitemaps import parse_sitemap
from recoupe.sources.tabular import read_csv, read_json_array, read_jsonl
from recoupe.sources.warc import read_warc
from recoupe.sources.web import Fetcher
from recoupe.store import Store, open_store
from recoupe.store.query import fts_match

__all__ = ["TARGETS", "Target"]

SETTINGS: Settings = dataclasses.replace(
    load_settings({"fetch_delay": 0, "respect_robots": False}, env={}, config_file=None),
    max_record_mb=0.05,  # small bounds: the bounded paths are reached with small inputs
    max_file_mb=0.2,
)
_FOLDER = Path(tempfile.mkdtemp(prefix="recoupe-fuzz-"))


def _items(items: Any) -> None:
    for item in items:
        if not isinstance(item, Record | Failure):
            raise TypeError(f"a reader yielded {type(item).__name__}")


# -- strategies ----------------------------------------------------------------------------------------------

_NASTY_TEXT = st.sampled_from(
    ["", "\x00", "\ufeff", "\u202e", "\ud800", "\r", "\r\n", "\n\n", '"', "'", "\\", "<", "&", "]]>", "é", "𝔘", "\x85"]
)
_TEXT = st.one_of(st.text(max_size=60), _NASTY_TEXT, st.text(alphabet="\"'\\,;\t\r\n<>&{}[]:", max_size=30))
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"])


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_FIELD_NAMES = st.sampled_from(["title", "text", "body", "url", "date", "source", "tags", "author", "html", "lead"])


@st.composite
def _jsonl_bytes(draw: st.DrawFn) -> bytes:
    lines: list[bytes] = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["row", "value", "deep", "bytes", "blank", "long"]))
        if kind == "row":
            row = draw(st.dictionaries(_FIELD_NAMES, _JSON_VALUES, max_size=6))
            lines.append(json.dumps(row, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
        elif kind == "value":
            lines.append(json.dumps(draw(_JSON_VALUES)).encode("utf-8", "surrogatepass"))
        elif kind == "deep":
            depth = draw(st.integers(500, 50_000))
            lines.append(draw(st.sampled_from([b"[", b'{"a":'])) * depth)
        elif kind == "long":
            lines.append(b'{"text": "' + b"x" * draw(st.integers(40_000, 80_000)) + b'"}')
        elif kind == "blank":
            lines.append(b" " * draw(st.integers(0, 3)))
        else:
            lines.append(draw(st.binary(max_size=80)))
    joiner = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    return joiner.join(lines)


@st.composite
def _csv_bytes(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", "\t", ";"]))
    header = draw(st.lists(st.one_of(_FIELD_NAMES, _TEXT), max_size=5))
    rows = draw(st.lists(st.lists(_TEXT, max_size=6), max_size=5))
    quote = draw(st.booleans())

    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if quote else value

    text = "\n".join(delimiter.join(cell(v) for v in row) for row in [header, *rows])
    if draw(st.booleans()):
        text += "\n" + '"' + "y" * draw(st.integers(0, 60_000))  # an unclosed quoted field, maybe oversized
    return draw(st.one_of(st.just(_encoded(text, draw(_ENCODINGS))), st.binary(max_size=64)))


@st.composite
def _feed_bytes(draw: st.DrawFn) -> bytes:
    encoding = draw(st.one_of(st.sampled_from(["utf-8", "utf-16", "latin-1", "ascii", "bogus", "utf-32"]), _TEXT))
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        declaration = declaration.replace(b'encoding="', b'encoding="' + draw(st.binary(max_size=4)))
    field = draw(st.sampled_from(["title", "description", "link", "pubDate", "guid", "content:encoded", "author"]))
    value = draw(_TEXT).replace("&", "&amp;").replace("<", "&lt;") if draw(st.booleans()) else draw(_TEXT)
    item = f"<item><title>{draw(_TEXT)}</title><{field}>{value}</{field.split(':')[0]}></item>"
    atom = (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{draw(_TEXT)}</title>'
        f'<link href="{draw(_TEXT)}"/><content type="{draw(_TEXT)}">{value}</content></entry></feed>'
    )
    body = draw(st.sampled_from([f'<rss version="2.0"><channel>{item * 2}</channel></rss>', atom, "<rss>", value]))
    data = declaration + body.encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), st.binary(max_size=100)))


@st.composite
def _sitemap_bytes(draw: st.DrawFn) -> bytes:
    loc = draw(_TEXT).replace("&", "&amp;").replace("<", "&lt;")
    body = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{loc}</loc><lastmod>{draw(_TEXT)}</lastmod></url></urlset>"
    ).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        body = (
            body.replace(b"urlset", b"sitemapindex").replace(b"<url>", b"<sitemap>").replace(b"</url>", b"</sitemap>")
        )
    return draw(st.one_of(st.just(body), st.binary(max_size=100)))


@st.composite
def _warc_bytes(draw: st.DrawFn) -> bytes:
    records: list[bytes] = []
    for _ in range(draw(st.integers(1, 3))):
        media = draw(st.sampled_from(["text/html", "text/html; charset=" + draw(_TEXT), "image/png", ""]))
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "abc", "", "200"]))
        html = draw(st.sampled_from(["<html><body><p>", "", "<"])) + draw(_TEXT)
        block = f"HTTP/1.1 {status}\r\nContent-Type: {media}\r\n\r\n{html}".encode("utf-8", "surrogatepass")
        declared = len(block) + draw(st.sampled_from([0, 0, 0, -3, 5]))
        length = draw(st.sampled_from([str(declared), str(declared), "-1", "x", ""]))
        record_type = draw(st.sampled_from(["response", "response", "request", "warcinfo", "revisit"]))
        head = (
            f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Target-URI: http://example.org/{draw(_TEXT)}\r\n"
            f"WARC-Date: {draw(st.sampled_from(['2024-01-01T00:00:00Z', 'x', '']))}\r\nContent-Length: {length}\r\n\r\n"
        ).encode("utf-8", "surrogatepass")
        record = head + block + b"\r\n\r\n"
        records.append(gzip.compress(record) if draw(st.booleans()) else record)
    data = b"".join(records)
    cut = draw(st.integers(0, len(data)))
    return data[:cut] if draw(st.booleans()) else data


_QUERIES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet='"*^:()-+ NEARORNOTANDéa\u0301\ufeff\x00', max_size=40),
    st.lists(
        st.sampled_from(['"', "*", "OR", "NOT", "AND", "NEAR", "(", ")", "-", "^", "col:", "é", "l'", "x"]), max_size=12
    ).map(" ".join),
)


#: dates at the edges: Python's calendar, UTC offsets that move a day past it, timestamps, placeholders
_EDGE_DATES = st.sampled_from(
    [
        "9999-12-31T23:00:00-14:00",
        "Fri, 31 Dec 9999 23:00:00 -1400",
        "9999-12-31",
        "0001-01-01T00:00:00+14:00",
        "0001-01-01",
        "31 décembre 9999 à 23h59",
        "2999-12-31T23:59:00-14:00",
        "1000-01-01T00:00:00+14:00",
        "253402300799999",
        "99999999999999999999",
        "-62135596800",
        "1e308",
        "0000-00-00",
    ]
)
_DATES = st.one_of(
    _EDGE_DATES,
    st.datetimes(timezones=st.sampled_from([None, *(timezone(timedelta(hours=h)) for h in (-14, -1, 0, 5, 14))])).map(
        datetime.isoformat
    ),
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=True),
    _TEXT,
)
_WORDS = st.text(alphabet="abcdefghij éèà\x00\u202e\ufeff.,'", min_size=1, max_size=40)


@st.composite
def _article_rows(draw: st.DrawFn) -> bytes:
    """A JSON Lines row that reads as an article, with hostile dates and characters in its fields."""
    body = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=30)))
    row: dict[str, object] = {
        "title": draw(st.one_of(_WORDS, _TEXT)),
        "text": body + " Le conseil municipal a voté jeudi un budget pour la rénovation des écoles du quartier.",
        "date": draw(_DATES),
    }
    for name, value in (("url", _TEXT.map(lambda s: f"https://example.org/{s}")), ("outlet", _TEXT), ("lead", _TEXT)):
        if draw(st.booleans()):
            row[name] = draw(value)
    return json.dumps(row, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


# -- targets ---------------------------------------------------------------------------------------------------


def jsonl(data: bytes) -> None:
    _items(read_jsonl(io.BytesIO(data), "fuzz.jsonl", SETTINGS))


def json_array(data: bytes) -> None:
    path = _FOLDER / "fuzz.json"
    path.write_bytes(data)
    with contextlib.suppress(InputError):  # decode_bytes refuses binary content: read_path reports it
        _items(read_json_array(path, SETTINGS))


def csv_file(data: bytes) -> None:
    with contextlib.suppress(InputError):  # no header row, an undecodable header: read_path reports it
        _items(read_csv(io.BytesIO(data), "fuzz.csv", SETTINGS))


def feed(data: bytes) -> None:
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404, request=request)))
    with Fetcher(SETTINGS, client=client) as fetcher:
        _items(read_feed_bytes(data, "http://example.org/feed.xml", SETTINGS, client=fetcher))
    client.close()


def sitemap(data: bytes) -> None:
    with contextlib.suppress(ValueError):  # documented: "not a sitemap", with the reason
        parse_sitemap(data, "http://example.org/sitemap.xml")


def warc(data: bytes) -> None:
    path = _FOLDER / "fuzz.warc"
    path.write_bytes(data)
    _items(read_warc(path, SETTINGS))


def text(data: bytes) -> None:
    """decode_bytes, then the plain-text extractor on what it decoded."""
    try:
        decoded, _ = decode_bytes(data, where="fuzz.txt")
    except InputError:
        return
    record = Record(kind="text", provenance=Provenance("fuzz.txt", "text"), text=decoded)
    with contextlib.suppress(RecoupeError):  # ExtractionError: no article in it, with the reason
        extract(record, SETTINGS)


_STORE: list[Store] = []


def article(data: bytes) -> None:
    """A row read, extracted and stored: what a stage after the reader does with the article must not raise
    (a date Python cannot move to UTC raised OverflowError in the store, the story window past 9999-12-31
    ValueError, a NUL StoreError on PostgreSQL)."""
    if not _STORE:
        _STORE.append(open_store(str(_FOLDER / "fuzz.db")))
    for item in read_jsonl(io.BytesIO(data), "fuzz.jsonl", SETTINGS):
        if not isinstance(item, Record):
            continue
        found = extract_one(item, SETTINGS)
        if isinstance(found, Failure):
            continue
        if any("\x00" in str(value) for value in (found.title, found.lead, found.body, found.url, found.outlet)):
            raise ValueError("a NUL character left in an article's text")
        if found.published is not None:
            found.published.sort_key()
            day = found.published.value.date()
            _ = (day - timedelta(days=400), day + timedelta(days=400))  # a story window's days either side
        _STORE[0].add([found])


_FTS = sqlite3.connect(":memory:")
_FTS.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
_FTS.execute("INSERT INTO t VALUES ('Grève à la SNCF', 'Les syndicats dénoncent la réforme.')")


def search(query: str) -> None:
    """A user query is refused (QueryError) or its MATCH expression is one SQLite accepts."""
    try:
        match = fts_match(query)
    except QueryError:
        return
    if match is not None:
        _FTS.execute("SELECT count(*) FROM t WHERE t MATCH ?", (match,)).fetchone()


@dataclasses.dataclass(frozen=True, slots=True)
class Target:
    name: str
    run: Callable[[Any], None]
    strategy: st.SearchStrategy[Any]
    weight: int  # share of a long run's inputs (the slow targets get fewer)


TARGETS: tuple[Target, ...] = (
    Target("jsonl", jsonl, st.one_of(_jsonl_bytes(), st.binary(max_size=200)), 3),
    Target("json", json_array, st.one_of(_jsonl_bytes(), st.binary(max_size=200)), 1),
    Target("csv", csv_file, _csv_bytes(), 3),
    Target("feed", feed, _feed_bytes(), 2),
    Target("sitemap", sitemap, _sitemap_bytes(), 2),
    Target("warc", warc, _warc_bytes(), 2),
    Target("text", text, st.one_of(st.binary(max_size=300), _TEXT.map(lambda s: _encoded(s, "utf-8"))), 2),
    Target("search", search, _QUERIES, 4),
    Target("article", article, _article_rows(), 2),
)
