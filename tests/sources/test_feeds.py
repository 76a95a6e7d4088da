"""Feeds against a real loopback HTTP server: RSS and Atom entries, fallback to the entry's text, bad feeds."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.config import Settings
from recoupe.model import DatePrecision, Failure, Record
from recoupe.sources.feeds import read_feed, read_feed_bytes, read_feed_file, read_feeds

from .conftest import FEEDS, LoopbackServer, article_of

MEDIATHEQUE = "La médiathèque du quartier des Tanneurs rouvre après dix-huit mois de travaux"


def test_rss_entries_pages_fallback_and_duplicates(web: LoopbackServer, small: Settings) -> None:
    hits = len(web.hits)
    items = list(read_feed(web("/feeds/rss.xml"), small))
    asked = web.hits[hits:]
    # the feed, two pages, the duplicate link not asked again, two pages that 404
    assert asked == [
        "/feeds/rss.xml",
        "/pages/10686.html",
        "/pages/13271.html",
        "/pages/mediatheque-tanneurs.html",
        "/pages/breve-marche.html",
    ]
    assert len(items) == 4
    first, second, fallback, failure = items

    # pages fetched: relative links resolved against the feed's URL, read like any page
    assert isinstance(first, Record)
    assert (first.kind, first.url) == ("html", web("/pages/10686.html"))
    assert article_of(first, small).title.startswith("L'Élysée porte plainte")
    assert isinstance(second, Record)
    assert second.url == web("/pages/13271.html")

    # the page 404s: the entry's own content, with the feed's metadata
    assert isinstance(fallback, Record)
    assert (fallback.kind, fallback.url, fallback.provenance.kind) == (
        "fields",
        web("/pages/mediatheque-tanneurs.html"),
        "feed-entry",
    )
    assert fallback.provenance.fetched_at is not None
    article = article_of(fallback, small)
    assert article.title == MEDIATHEQUE
    assert article.lead == "La médiathèque rouvre samedi avec une salle de lecture agrandie."
    assert article.body.startswith("La médiathèque du quartier des Tanneurs rouvrira ses portes samedi 15 février")
    assert "4,2 millions d'euros" in article.body
    assert article.published is not None
    assert (article.published.iso(), article.published.precision) == ("2025-02-11T10:00+01:00", DatePrecision.MINUTE)
    assert article.published.tz == "+01:00"
    assert article.authors == ("Camille Martin",)
    assert article.tags == ("Culture", "Urbanisme")
    assert article.language == "fr"
    assert (article.url, article.canonical_url) == (fallback.url, fallback.url)

    # the page 404s and the entry's text is a one-liner: one failure giving both reasons
    assert isinstance(failure, Failure)
    assert (failure.provenance.source, failure.provenance.kind) == (web("/pages/breve-marche.html"), "feed-entry")
    assert failure.reason == (
        "page not fetched (HTTP 404 Not Found); the feed's text for this entry is too short (32 characters)"
    )


def test_atom_entries(web: LoopbackServer, small: Settings) -> None:
    items = list(read_feed(web("/feeds/atom.xml"), small))
    assert [item.url if isinstance(item, Record) else item for item in items] == [
        web("/pages/11997.html"),
        web("/pages/13720.html"),
    ]
    titles = [article_of(item, small).title for item in items]
    assert titles[1] == "Masques : la grande distribution sous pression, les pharmaciens en colère"


@pytest.mark.parametrize(
    ("path", "reason", "error"),
    [
        ("/feeds/broken.xml", "feed does not parse: <unknown>:8:0: no element found", "InputError"),
        ("/feeds/latin1.html", "not a feed (no RSS, Atom or JSON Feed found)", "InputError"),
        ("/feeds/missing.xml", "HTTP 404 Not Found", "FetchError"),
        ("/image.png", "unsupported content type 'image/png'", "InputError"),
    ],
)
def test_a_bad_feed_is_one_failure(web: LoopbackServer, small: Settings, path: str, reason: str, error: str) -> None:
    items = list(read_feed(web(path), small))
    assert items == [Failure(items[0].provenance, reason, error)]
    assert items[0].provenance.kind == "feed"


def test_feed_url_of_another_scheme_is_refused(small: Settings) -> None:
    items = list(read_feed("ftp://example.org/feed.xml", small))
    assert len(items) == 1
    assert isinstance(items[0], Failure)
    assert items[0].reason == "only http and https URLs are fetched (got ftp:)"


def test_feed_bytes_with_a_base_url(web: LoopbackServer, small: Settings) -> None:
    data = (FEEDS / "atom.xml").read_bytes()
    items = list(read_feed_bytes(data, "saved-atom.xml", small, base_url=web("/feeds/atom.xml")))
    assert [item.url for item in items if isinstance(item, Record)] == [
        web("/pages/11997.html"),
        web("/pages/13720.html"),
    ]
    assert all(item.kind == "html" for item in items if isinstance(item, Record))


def test_feed_file_without_a_base_uses_the_entries_text(small: Settings) -> None:
    # relative links cannot be resolved without the feed's URL: no request, the entries' own text
    items = list(read_feed_file(FEEDS / "rss.xml", small))
    records = [item for item in items if isinstance(item, Record)]
    assert [article_of(record, small).title for record in records] == [MEDIATHEQUE]
    assert records[0].url is None
    reasons = [item.reason for item in items if isinstance(item, Failure)]
    assert len(reasons) == 4
    assert all(
        reason.startswith("entry has no http(s) link; the feed's text for this entry is too short")
        for reason in reasons
    )
    first = next(item for item in items if isinstance(item, Failure))
    assert first.provenance.source == f"{FEEDS / 'rss.xml'}#entry-1"


def test_read_feeds_goes_on_after_a_bad_one(web: LoopbackServer, small: Settings) -> None:
    items = list(read_feeds([str(FEEDS / "no-such-feed.xml"), web("/feeds/broken.xml"), web("/feeds/atom.xml")], small))
    assert [type(item).__name__ for item in items] == ["Failure", "Failure", "Record", "Record"]
    first = items[0]
    assert isinstance(first, Failure)
    assert first.reason.startswith("cannot read: No such file")


def test_cli_feed_option(web: LoopbackServer, cli_env: CliRunner) -> None:
    args = ["ingest", "--feed", web("/feeds/rss.xml"), "--feed", web("/feeds/broken.xml"), "--json"]
    result = cli_env.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["new"], report["failed"]) == (3, 2)
    assert [failure["where"] for failure in report["failures"]] == [
        web("/pages/breve-marche.html"),
        web("/feeds/broken.xml"),
    ]
    listed = cli_env.invoke(cli, ["articles", "--json"], catch_exceptions=False)
    titles = {article["title"] for article in json.loads(listed.stdout)}
    assert MEDIATHEQUE in titles

    # with a page argument and a feed file together; the same articles again: the page fetched before is
    # not modified (a conditional GET answered 304), the entry's own text is unchanged
    both = cli_env.invoke(
        cli, ["ingest", web("/pages/10686.html"), "--feed", str(FEEDS / "rss.xml"), "--json"], catch_exceptions=False
    )
    again = json.loads(both.stdout)
    assert (again["new"], again["unchanged"], again["not_modified"], again["failed"]) == (0, 1, 1, 4)


def test_cli_needs_paths_or_a_feed(cli_env: CliRunner) -> None:
    result = cli_env.invoke(cli, ["ingest"])
    assert result.exit_code == 2
    assert "give PATHS or --feed" in result.output
