"""XML sitemaps: each page a sitemap lists, fetched with the polite fetcher of ``recoupe.sources.web``.

``read_sitemap`` takes a sitemap's URL or a file on disk and yields what ``fetch_url`` makes of each page
it lists (records and failures), in the sitemap's order. It reads:

- ``<urlset>`` sitemaps (``<loc>``, ``<lastmod>``) and Google News sitemaps (``news:publication_date``,
  ``news:title``; kept under ``Record.fields["sitemap"]``);
- ``<sitemapindex>`` files: each child sitemap is read in turn, at most ``max_depth`` levels of indexes
  deep and ``max_sitemaps`` sitemaps in all; a sitemap listed twice is read once;
- gzipped sitemaps (``.xml.gz``: the gzip magic bytes, whatever the name or media type), decompressed up
  to ``max_file_mb``.

``since`` (a date or an aware datetime) skips, without a request, the pages whose publication date (news)
or ``lastmod`` is older, and the child sitemaps whose ``lastmod`` is. Entries with no date are read.

Parsing is lxml's, with entities left unresolved and no network access (no XXE); trafilatura's
``sitemaps`` module was not used: it fetches by itself, matches ``<loc>`` with regular expressions and
reads neither ``lastmod`` nor news tags. Every request goes through our client (robots.txt, per-host
delay, conditional GETs). Sitemaps themselves are fetched unconditionally (a sitemap index answering 304
would hide a child that changed); their pages are conditional GETs with a ``FetchMemory``, and a child
sitemap whose ``lastmod`` is not after its last complete read is skipped. A sitemap's state is queued for
saving after its pages, only when none failed to fetch.

A sitemap that cannot be fetched, read or parsed, or that is neither a ``urlset`` nor a
``sitemapindex``, is one ``Failure`` (provenance kind ``sitemap``); so is a bound reached.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import lxml.etree

from recoupe.config import Settings
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.guard import guarded
from recoupe.sources.web import (
    Client,
    Fetched,
    Fetcher,
    fetch,
    fetch_url,
    fetcher_for,
    is_not_modified,
    is_web_url,
)

__all__ = ["MAX_DEPTH", "MAX_SITEMAPS", "SitemapEntry", "parse_sitemap", "read_sitemap", "read_sitemaps"]

MAX_DEPTH = 3
MAX_SITEMAPS = 200
_NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One ``<url>`` or ``<sitemap>`` of a sitemap: its URL, ``lastmod``, and the news tags when present."""

    url: str
    lastmod: datetime | None = None
    published: datetime | None = None
    title: str | None = None

    @property
    def date(self) -> datetime | None:
        """The date ``since`` is compared with: the news publication date, else ``lastmod``."""
        return self.published or self.lastmod


def _parse_date(value: str | None) -> datetime | None:
    if not value or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _local(tag: object) -> str:
    return lxml.etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(element: lxml.etree._Element, name: str, namespace: str | None = None) -> str | None:
    for child in element.iter():
        if child is element or not isinstance(child.tag, str):
            continue
        qname = lxml.etree.QName(child.tag)
        if qname.localname == name and (namespace is None or qname.namespace == namespace):
            return " ".join((child.text or "").split()) or None
    return None


def parse_sitemap(data: bytes, base_url: str | None = None) -> tuple[str, list[SitemapEntry]]:
    """``("urlset" | "sitemapindex", entries)`` of a sitemap's XML; raises ``ValueError`` saying why not.

    Relative ``<loc>`` values are resolved against ``base_url``; entries that are not http(s) are dropped.
    """
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise ValueError(f"sitemap does not parse: {exc}") from exc
    if root is None:
        raise ValueError("sitemap does not parse: empty document")
    kind = _local(root.tag)
    if kind not in {"urlset", "sitemapindex"}:
        raise ValueError(f"not a sitemap (root element <{kind}>, expected <urlset> or <sitemapindex>)")
    item = "url" if kind == "urlset" else "sitemap"
    entries: list[SitemapEntry] = []
    for element in root:
        if _local(element.tag) != item:
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        url = urldefrag(urljoin(base_url, loc) if base_url else loc).url
        if not is_web_url(url):
            continue
        entries.append(
            SitemapEntry(
                url,
                lastmod=_parse_date(_child_text(element, "lastmod")),
                published=_parse_date(_child_text(element, "publication_date", _NEWS)),
                title=_child_text(element, "title", _NEWS),
            )
        )
    return kind, entries


def _since(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _gunzip(data: bytes, settings: Settings) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        out = handle.read(settings.max_file_bytes + 1)
    if len(out) > settings.max_file_bytes:
        raise ValueError(f"sitemap too large once decompressed (> max_file_mb={settings.max_file_mb:g})")
    return out


def _sitemap_type(media: str) -> bool:
    return "xml" in media or "gzip" in media or media.startswith("text/") or media in {"", "application/octet-stream"}


class _Walk:
    """One ``read_sitemap`` call: the sitemaps seen, the bounds, the date filter, the fetcher."""

    def __init__(self, settings: Settings, fetcher: Fetcher, since: datetime | None, depth: int, count: int) -> None:
        self.settings = settings
        self.fetcher = fetcher
        self.since = since
        self.max_depth = depth
        self.max_sitemaps = count
        self.seen: set[str] = set()
        self.pages_seen: set[str] = set()

    def _load(self, source: str) -> tuple[bytes, Fetched | None] | Failure:
        if is_web_url(source) or "://" in source:
            plain = Fetcher(self.settings, client=self.fetcher.client)  # the sitemap itself: unconditional
            fetched = fetch(source, self.settings, plain, accept=_sitemap_type, kind="sitemap")
            return fetched if isinstance(fetched, Failure) else (fetched.data, fetched)
        try:
            with Path(source).open("rb") as handle:
                data = handle.read(self.settings.max_file_bytes + 1)
        except OSError as exc:
            return Failure(Provenance(source, "sitemap"), f"cannot read: {exc.strerror or exc}")
        if len(data) > self.settings.max_file_bytes:
            return Failure(
                Provenance(source, "sitemap"), f"file too large (> max_file_mb={self.settings.max_file_mb:g})"
            )
        return data, None

    def read(self, source: str, depth: int, unfetched: list[str]) -> Iterator[Record | Failure]:
        """The pages of the sitemap at ``source``; the URLs that failed to fetch appended to ``unfetched``."""
        self.seen.add(source)
        loaded = self._load(source)
        if isinstance(loaded, Failure):
            unfetched.append(source)
            yield loaded
            return
        data, fetched = loaded
        where = Provenance(
            fetched.url if fetched else source, "sitemap", fetched_at=fetched.fetched_at if fetched else None
        )
        try:
            kind, entries = parse_sitemap(_gunzip(data, self.settings), fetched.url if fetched else None)
        except (ValueError, OSError, EOFError, zlib.error) as exc:
            yield Failure(where, str(exc) if isinstance(exc, ValueError) else f"cannot decompress: {exc}")
            return
        mine: list[str] = []
        if kind == "sitemapindex":
            yield from self._index(entries, depth, where, mine)
        else:
            yield from self._pages(entries, mine)
        unfetched.extend(mine)
        if fetched is not None and not mine and self.fetcher.memory is not None:
            self.fetcher.memory.document(fetched)

    def _index(
        self, entries: list[SitemapEntry], depth: int, where: Provenance, unfetched: list[str]
    ) -> Iterator[Record | Failure]:
        if depth >= self.max_depth:
            yield Failure(where, f"sitemap index nested more than {self.max_depth} deep: not followed")
            return
        memory = self.fetcher.memory
        for entry in entries:
            if entry.url in self.seen or self._older(entry):
                continue
            state = memory.lookup(entry.url) if memory is not None else None
            if state is not None and entry.lastmod is not None and entry.lastmod <= state.fetched_at:
                continue  # read completely since it last changed
            if len(self.seen) >= self.max_sitemaps:
                yield Failure(where, f"more than {self.max_sitemaps} sitemaps: the rest are not read")
                return
            yield from self.read(entry.url, depth + 1, unfetched)

    def _older(self, entry: SitemapEntry) -> bool:
        when = entry.date
        return self.since is not None and when is not None and when < self.since

    def _pages(self, entries: list[SitemapEntry], unfetched: list[str]) -> Iterator[Record | Failure]:
        for entry in entries:
            if entry.url in self.pages_seen or self._older(entry):
                continue
            self.pages_seen.add(entry.url)
            page = fetch_url(entry.url, self.settings, client=self.fetcher)
            if is_not_modified(page):
                continue
            if isinstance(page, Failure):
                if page.error == "FetchError":
                    unfetched.append(entry.url)
                yield page
                continue
            news = {
                name: value
                for name, value in (
                    ("title", entry.title),
                    ("published", entry.published.isoformat() if entry.published else None),
                    ("lastmod", entry.lastmod.isoformat() if entry.lastmod else None),
                )
                if value
            }
            yield Record(
                kind=page.kind,
                provenance=page.provenance,
                text=page.text,
                data=page.data,
                fields={**page.fields, "sitemap": news} if news else page.fields,
                url=page.url,
            )


def read_sitemap(
    url_or_path: str,
    settings: Settings,
    *,
    since: date | datetime | None = None,
    client: Client | None = None,
    max_depth: int = MAX_DEPTH,
    max_sitemaps: int = MAX_SITEMAPS,
) -> Iterator[Record | Failure]:
    """The pages listed by the sitemap (or sitemap index) at ``url_or_path``, each fetched politely."""
    with fetcher_for(settings, client) as active:
        walk = _Walk(settings, active, _since(since), max_depth, max_sitemaps)
        yield from walk.read(url_or_path, 0, [])


def read_sitemaps(
    sources: list[str], settings: Settings, *, since: date | datetime | None = None, client: Client | None = None
) -> Iterator[Record | Failure]:
    """Every sitemap in ``sources`` (URLs or files), over one client."""
    with fetcher_for(settings, client) as active:
        for source in sources:
            reading = read_sitemap(source, settings, since=since, client=active)
            yield from guarded(reading, Provenance(source, "sitemap"))
