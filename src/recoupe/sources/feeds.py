"""RSS and Atom feeds: each entry's page fetched, the entry's own text when the page cannot be.

``read_feed`` fetches a feed with the client and limits of ``recoupe.sources.web`` and hands the bytes to
feedparser (never the URL: feedparser does no network I/O of its own). ``read_feed_bytes`` reads a feed
already in hand (``read_feed_file``: a feed saved on disk). For each entry:

- its link (resolved against the feed's URL) is fetched with ``fetch_url``; the page is the record, and
  the extract stage reads it like any page;
- when the page cannot be fetched (or the entry has no link), the entry's own content (the longest of
  ``content`` and ``summary``; HTML sanitised by feedparser) becomes a ``kind="fields"`` record when its text
  has at least ``settings.min_body_chars`` characters: the HTML under ``html`` (plain text under ``body``:
  content labelled ``text/plain``, or with no tag at all, as many RSS descriptions are),
  a summary the content does not contain as ``lead``, and the entry's title, link, date, authors, tags and
  language as fields, which the extract stage prefers to what the HTML says; otherwise the entry is a
  ``Failure`` giving both reasons;
- an entry whose link was already seen in this feed is skipped.

A feed that cannot be fetched, or does not parse (feedparser's ``bozo`` with no entry, or no feed format
recognised), is one ``Failure`` whose provenance kind is ``feed`` (the feed's URL or path); a feed with no
entries is one too. What comes from an entry's own text (a record or a failure) has the kind ``feed-entry``
and the entry's link as source; pages fetched are ``html`` or ``text`` records, as from ``fetch_url``.

Every request goes through the polite client of ``recoupe.sources.web`` (robots.txt, per-host delay). With a
``Fetcher`` holding a ``FetchMemory``, the feed and its pages are conditional GETs: a feed not modified
yields nothing, an entry whose page is not modified is skipped, and the feed's own validators are queued
for saving after its entries, only when none of its pages failed to fetch (so a page that failed is asked
for again at the next poll). Not done yet: a bound on the entries fetched per feed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import urldefrag, urljoin

import feedparser  # type: ignore[import-untyped]  # no stubs; only ``_parse`` below touches it
import lxml.etree
import lxml.html

from recoupe.config import Settings
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.guard import guarded, reason_of
from recoupe.sources.web import Client, fetch, fetch_url, fetcher_for, is_not_modified, is_web_url

__all__ = ["FEED_TYPES", "read_feed", "read_feed_bytes", "read_feed_file", "read_feeds"]

#: media types a feed is read from; ``text/*`` and any ``*xml*`` type are accepted too (servers vary)
FEED_TYPES = frozenset({"application/json", "application/feed+json", "application/octet-stream", ""})


def _feed_type(media: str) -> bool:
    return media in FEED_TYPES or "xml" in media or media.startswith("text/")


def _parse(data: bytes, base_url: str | None, content_type: str | None) -> dict[str, Any]:
    """feedparser on bytes (a stream, so it never opens a URL or a path), relative links resolved."""
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    return cast("dict[str, Any]", feedparser.parse(io.BytesIO(data), response_headers=headers))


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _plain(html: str) -> str:
    """The text of an HTML fragment (for the length check only)."""
    if not html.strip():
        return ""
    try:
        return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())
    except (ValueError, lxml.etree.ParserError):
        return " ".join(html.split())


_TAG = re.compile(r"<[A-Za-z!/?]")


def _is_html(value: str, media: str) -> bool:
    """HTML when labelled so and holding at least one tag: RSS says ``description`` is HTML, but many feeds
    put plain text there (unescaped by the parser: a ``<`` in it is a lesser-than), which is read as text."""
    return media != "text/plain" and bool(_TAG.search(value))


def _entry_content(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """The entry's longest content (or its summary) and whether it is HTML."""
    candidates: list[tuple[str, bool]] = []
    for content in entry.get("content") or []:
        value = str(content.get("value") or "")
        candidates.append((value, _is_html(value, content.get("type", "text/html"))))
    summary = str(entry.get("summary") or "")
    detail = entry.get("summary_detail") or {}
    candidates.append((summary, _is_html(summary, detail.get("type", "text/html"))))
    return max(candidates, key=lambda item: len(item[0]))


def _entry_fields(entry: Mapping[str, Any], link: str | None, feed: Mapping[str, Any]) -> dict[str, Any]:
    content, is_html = _entry_content(entry)
    fields: dict[str, Any] = {"html" if is_html else "body": content}
    summary = _plain(entry.get("summary") or "")
    if summary and summary.casefold() not in (_plain(content) if is_html else content).casefold():
        fields["lead"] = summary  # a standfirst beside the full content (RSS description + content:encoded)
    title = _text(entry.get("title"))
    if title:
        fields["title"] = title
    if link:
        fields["url"] = link
    date = entry.get("published") or entry.get("updated") or entry.get("created")
    if isinstance(date, str) and date.strip():
        fields["date"] = date.strip()  # the feed's own spelling: parse_date keeps its offset
    authors = [_text(author.get("name")) for author in entry.get("authors") or [] if isinstance(author, Mapping)]
    authors = [name for name in authors if name] or ([_text(entry.get("author"))] if entry.get("author") else [])
    if authors:
        fields["authors"] = authors
    tags = [_text(tag.get("term")) for tag in entry.get("tags") or [] if isinstance(tag, Mapping)]
    if any(tags):
        fields["tags"] = [tag for tag in tags if tag]
    language = _text(entry.get("language") or feed.get("language"))
    if language:
        fields["language"] = language
    return fields


def _link(entry: Mapping[str, Any], base_url: str | None) -> str | None:
    raw = _text(entry.get("link"))
    if not raw:
        return None
    try:
        link = urljoin(base_url, raw) if base_url else raw
        return urldefrag(link).url if is_web_url(link) else None
    except ValueError:  # a link urllib cannot split ("http://[::1")
        return None


def _fallback(
    entry: Mapping[str, Any],
    feed: Mapping[str, Any],
    settings: Settings,
    *,
    link: str | None,
    why: str,
    provenance: Provenance,
) -> Record | Failure:
    """The entry's own content as a record, or a ``Failure`` with ``why`` the page was not used."""
    fields = _entry_fields(entry, link, feed)
    text = _plain(fields["html"]) if "html" in fields else _text(fields.get("body"))
    if len(text) < settings.min_body_chars:
        reason = f"{why}; the feed's text for this entry is too short ({len(text)} characters)"
        return Failure(provenance, reason, "FetchError" if link else "InputError")
    return Record(kind="fields", provenance=provenance, fields=fields, url=link)


def read_feed_bytes(
    data: bytes,
    where: str,
    settings: Settings,
    *,
    base_url: str | None = None,
    content_type: str | None = None,
    fetched_at: datetime | None = None,
    client: Client | None = None,
    unfetched: list[str] | None = None,
) -> Iterator[Record | Failure]:
    """The entries of a feed in ``data`` (``where`` names it in provenance and failures).

    ``base_url`` resolves relative entry links (the feed's URL; defaults to ``where`` when it is a URL).
    Entry pages are fetched over ``client`` (one is made when needed); pages not modified are skipped; the
    links of pages that could not be fetched are appended to ``unfetched`` when it is given.
    """
    base_url = base_url or (where if is_web_url(where) else None)
    try:
        parsed = _parse(data, base_url, content_type)
    except Exception as exc:  # noqa: BLE001 - feedparser raises on hostile bytes (an XML declaration naming no encoding)
        yield Failure(Provenance(where, "feed", fetched_at=fetched_at), f"feed does not parse: {reason_of(exc)}")
        return
    entries: list[Mapping[str, Any]] = list(parsed.get("entries") or [])
    feed: Mapping[str, Any] = parsed.get("feed") or {}
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        if not parsed.get("version"):
            reason = "not a feed (no RSS, Atom or JSON Feed found)"
        elif problem is not None:
            reason = f"feed does not parse: {problem}"
        else:
            reason = "feed has no entries"
        yield Failure(Provenance(where, "feed", fetched_at=fetched_at), reason, "InputError")
        return
    seen: set[str] = set()
    with fetcher_for(settings, client) as active:
        for number, entry in enumerate(entries, start=1):
            link = _link(entry, base_url)
            if link in seen:
                continue
            provenance = Provenance(link or f"{where}#entry-{number}", "feed-entry", fetched_at=fetched_at)
            if link is None:
                yield _fallback(
                    entry, feed, settings, link=None, why="entry has no http(s) link", provenance=provenance
                )
                continue
            seen.add(link)
            page = fetch_url(link, settings, client=active)
            if isinstance(page, Record):
                yield page
            elif is_not_modified(page):
                continue
            else:
                if unfetched is not None and page.error == "FetchError":
                    unfetched.append(link)
                yield _fallback(
                    entry, feed, settings, link=link, why=f"page not fetched ({page.reason})", provenance=provenance
                )


def read_feed(url: str, settings: Settings, *, client: Client | None = None) -> Iterator[Record | Failure]:
    """The entries of the feed at ``url``; a feed that cannot be fetched or parsed is one ``Failure``.

    A feed not modified since the validators a ``FetchMemory`` saved yields nothing.
    """
    with fetcher_for(settings, client) as active:
        fetched = fetch(url, settings, active, accept=_feed_type, kind="feed")
        if is_not_modified(fetched):
            return
        if isinstance(fetched, Failure):
            yield fetched
            return
        unfetched: list[str] = []
        yield from read_feed_bytes(
            fetched.data,
            fetched.url,
            settings,
            content_type=str(fetched.headers.get("content-type", "")) or None,
            fetched_at=fetched.fetched_at,
            client=active,
            unfetched=unfetched,
        )
        if active.memory is not None and not unfetched:
            active.memory.document(fetched)


def read_feed_file(path: Path, settings: Settings, *, client: Client | None = None) -> Iterator[Record | Failure]:
    """The entries of a feed saved on disk (relative links cannot be resolved: those entries use their text)."""
    where = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
    except OSError as exc:
        yield Failure(Provenance(where, "feed"), f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > settings.max_file_bytes:
        yield Failure(Provenance(where, "feed"), f"file too large (> max_file_mb={settings.max_file_mb:g})")
        return
    if not data.strip():
        yield Failure(Provenance(where, "feed"), "empty file")
        return
    yield from read_feed_bytes(data, where, settings, client=client)


def read_feeds(sources: list[str], settings: Settings, *, client: Client | None = None) -> Iterator[Record | Failure]:
    """Every feed in ``sources`` (http(s) URLs, or paths of feed files), over one client."""
    with fetcher_for(settings, client) as active:
        for source in sources:
            if is_web_url(source) or "://" in source:
                reading = read_feed(source, settings, client=active)
            else:
                reading = read_feed_file(Path(source), settings, client=active)
            yield from guarded(reading, Provenance(source, "feed"))
