"""``read_sitemap`` against the loopback server: indexes, gzip, Google News with ``since``, broken sitemaps."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.model import Failure, Record
from recoupe.sources.sitemaps import parse_sitemap, read_sitemap

from .conftest import LoopbackServer

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _urlset(*locs: str, lastmod: str = "2024-05-01") -> bytes:
    items = "".join(f"<url><loc>{{base}}{loc}</loc><lastmod>{lastmod}</lastmod></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>{items}</urlset>'.encode()


def _index(child: str) -> bytes:
    return f"<sitemapindex {NS}><sitemap><loc>{{base}}/sitemaps/{child}</loc></sitemap></sitemapindex>".encode()


SITEMAPS = {
    "index.xml": (
        f'<?xml version="1.0"?><sitemapindex {NS}>'
        "<sitemap><loc>{base}/sitemaps/a.xml</loc><lastmod>2024-05-01</lastmod></sitemap>"
        "<sitemap><loc>{base}/sitemaps/b.xml.gz</loc></sitemap>"
        "<sitemap><loc>{base}/sitemaps/a.xml</loc></sitemap>"
        "</sitemapindex>"
    ).encode(),
    "a.xml": _urlset("/pages/10686.html", "/pages/13271.html"),
    "b.xml.gz": _urlset("/pages/11997.html", "/pages/10686.html"),
    "news.xml": (
        f'<?xml version="1.0"?><urlset {NS} {NEWS}>'
        "<url><loc>{base}/pages/13720.html</loc><news:news><news:publication>"
        "<news:name>OrangeSum</news:name><news:language>fr</news:language></news:publication>"
        "<news:publication_date>2024-06-02T08:00:00+02:00</news:publication_date>"
        "<news:title>Un titre récent</news:title></news:news></url>"
        "<url><loc>{base}/pages/1489.html</loc><news:news>"
        "<news:publication_date>2023-01-01</news:publication_date><news:title>Ancien</news:title>"
        "</news:news></url>"
        "</urlset>"
    ).encode(),
    "broken.xml": b'<?xml version="1.0"?><urlset><url><loc>oops</url>',
    "feed.xml": b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
    "loop.xml": _index("loop2.xml"),
    "loop2.xml": _index("loop3.xml"),
    "loop3.xml": _index("loop.xml"),
}


@pytest.fixture
def site(web: LoopbackServer) -> Iterator[LoopbackServer]:
    web.sitemaps.update(SITEMAPS)
    yield web
    web.sitemaps.clear()


def test_index_children_and_gzip(site: LoopbackServer, settings: Settings) -> None:
    before = len(site.hits)
    items = list(read_sitemap(site("/sitemaps/index.xml"), settings))
    assert all(isinstance(item, Record) for item in items), items
    assert [item.url for item in items] == [
        site("/pages/10686.html"),
        site("/pages/13271.html"),
        site("/pages/11997.html"),  # from the gzipped child; 10686 already read
    ]
    assert site.hits[before:] == [
        "/sitemaps/index.xml",
        "/sitemaps/a.xml",
        "/pages/10686.html",
        "/pages/13271.html",
        "/sitemaps/b.xml.gz",
        "/pages/11997.html",
    ]
    assert items[0].fields["sitemap"] == {"lastmod": "2024-05-01T00:00:00+00:00"}


def test_news_sitemap_and_since(site: LoopbackServer, settings: Settings) -> None:
    before = len(site.hits)
    items = list(read_sitemap(site("/sitemaps/news.xml"), settings, since=date(2024, 1, 1)))
    assert len(items) == 1
    record = items[0]
    assert isinstance(record, Record)
    assert record.url == site("/pages/13720.html")
    assert record.fields["sitemap"]["title"] == "Un titre récent"
    assert record.fields["sitemap"]["published"] == "2024-06-02T08:00:00+02:00"
    assert "/pages/1489.html" not in site.hits[before:]  # older than since: never requested
    assert len(list(read_sitemap(site("/sitemaps/news.xml"), settings))) == 2


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken.xml", "sitemap does not parse"),
        ("feed.xml", "not a sitemap (root element <rss>"),
        ("missing.xml", "HTTP 404"),
    ],
)
def test_broken_sitemap_is_one_failure(site: LoopbackServer, settings: Settings, name: str, reason: str) -> None:
    items = list(read_sitemap(site(f"/sitemaps/{name}"), settings))
    assert len(items) == 1
    assert isinstance(items[0], Failure)
    assert items[0].reason.startswith(reason), items[0].reason


def test_index_loops_are_bounded(site: LoopbackServer, settings: Settings) -> None:
    items = list(read_sitemap(site("/sitemaps/loop.xml"), settings))
    assert items == []  # each sitemap read once: the loop ends
    deep = list(read_sitemap(site("/sitemaps/loop.xml"), settings, max_depth=1))
    assert len(deep) == 1
    assert isinstance(deep[0], Failure)
    assert "nested more than 1 deep" in deep[0].reason


def test_sitemap_file_gzipped(site: LoopbackServer, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(SITEMAPS["a.xml"].replace(b"{base}", site.url.encode())))
    items = list(read_sitemap(str(path), settings))
    assert [item.url for item in items if isinstance(item, Record)] == [
        site("/pages/10686.html"),
        site("/pages/13271.html"),
    ]


def test_parse_refuses_entities() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&x;</loc></url></urlset>'
    )
    kind, entries = parse_sitemap(evil)
    assert kind == "urlset"
    assert all("root:" not in entry.url for entry in entries)
