"""``fetch_url`` against a real loopback HTTP server: pages, redirects, limits, charsets, and every failure."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.config import Settings
from recoupe.model import Failure, Record
from recoupe.sources.pages import read_html_file
from recoupe.sources.web import USER_AGENT, fetch_url, fetch_urls, make_client

from .conftest import ORANGESUM, LoopbackServer, article_of


def test_page_extracts_to_the_same_article_as_the_file(web: LoopbackServer, small: Settings) -> None:
    url = web("/pages/10686.html")
    record = fetch_url(url, small)
    assert isinstance(record, Record), record
    from_file = read_html_file(ORANGESUM / "10686.html", small)
    # shaped like the file's record: raw bytes, kind html; plus the URL and the fetch time
    assert (record.kind, record.data, record.provenance.kind) == ("html", from_file.data, "html")
    assert (record.url, record.provenance.source, record.provenance.encoding) == (url, url, "utf-8")
    assert record.provenance.fetched_at is not None
    assert abs((datetime.now(UTC) - record.provenance.fetched_at).total_seconds()) < 600
    assert record.fields["http"] == {
        "status": 200,
        "requested_url": url,
        "etag": '"10686"',
        "last_modified": "Wed, 24 Oct 2018 08:00:00 GMT",
    }

    fetched, read = article_of(record, small), article_of(from_file, small)
    assert fetched.title == read.title == "L'Élysée porte plainte contre un homme qui a appelé 195 fois en 24 heures"
    assert (fetched.body, fetched.lead, fetched.published, fetched.language, fetched.outlet) == (
        read.body,
        read.lead,
        read.published,
        read.language,
        read.outlet,
    )
    assert fetched.content_hash == read.content_hash
    # the page's canonical link wins over where it was fetched from: the same article, the same id
    assert fetched.canonical_url == read.canonical_url
    assert fetched.canonical_url is not None
    assert fetched.canonical_url.startswith("https://actu.orange.fr/")
    assert fetched.id == read.id
    assert fetched.url == url


def test_redirects_followed_and_the_final_url_kept(web: LoopbackServer, small: Settings) -> None:
    record = fetch_url(web("/redirect"), small)
    assert isinstance(record, Record), record
    assert record.url == record.provenance.source == web("/pages/10686.html")
    assert record.fields["http"]["requested_url"] == web("/redirect")


def test_user_agent_names_recoupe(web: LoopbackServer, small: Settings) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, html="<html><body><p>x</p></body></html>")

    with make_client(small) as client:
        assert client.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("recoupe/")
    assert "+https://" in USER_AGENT
    with httpx.Client(transport=httpx.MockTransport(handler), headers={"User-Agent": USER_AGENT}) as client:
        fetch_url("https://example.org/a", small, client=client)
    assert seen == [USER_AGENT]


def test_failures_have_reasons_and_the_others_go_through(web: LoopbackServer, small: Settings) -> None:
    urls = [
        web("/status/404"),
        web("/pages/10686.html"),
        web("/status/500"),
        web("/image.png"),
        web("/loop"),
        web("/big"),
        web("/big-stream"),
        "http://127.0.0.1:9/nothing-listens-here",
        web("/pages/13271.html"),
    ]
    results = list(fetch_urls(urls, small))
    assert [i for i, item in enumerate(results) if isinstance(item, Record)] == [1, 8]
    reasons = {item.provenance.source: (item.reason, item.error) for item in results if isinstance(item, Failure)}
    assert reasons[web("/status/404")] == ("HTTP 404 Not Found", "FetchError")
    assert reasons[web("/status/500")] == ("HTTP 500 Internal Server Error", "FetchError")
    assert reasons[web("/image.png")] == ("unsupported content type 'image/png'", "InputError")
    assert reasons[web("/loop")] == ("too many redirects (more than 10)", "FetchError")
    big, error = reasons[web("/big")]
    assert big.startswith("response too large (2.0 MB > max_file_mb=1)")
    assert error == "InputError"
    assert reasons[web("/big-stream")][0].startswith("response too large (more than 1 MB > max_file_mb=1)")
    refused, error = reasons["http://127.0.0.1:9/nothing-listens-here"]
    assert refused.startswith("cannot connect:")
    assert error == "FetchError"
    assert all(item.provenance.kind == "url" for item in results if isinstance(item, Failure))


def test_timeout_is_a_failure(web: LoopbackServer, small: Settings) -> None:
    with make_client(small, timeout=0.2) as client:
        result = fetch_url(web("/slow"), small, client=client)
    assert isinstance(result, Failure)
    assert result.reason.startswith("timed out (ReadTimeout")
    assert result.error == "FetchError"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("file:///etc/passwd", "file:"),
        ("ftp://example.org/article.html", "ftp:"),
        ("javascript:alert(1)", "javascript:"),
        ("example.org/article.html", "no scheme"),
    ],
)
def test_other_schemes_refused_without_a_request(url: str, shown: str, small: Settings) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, html="<html></html>")

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        result = fetch_url(url, small, client=client)
    assert isinstance(result, Failure)
    assert result.reason == f"only http and https URLs are fetched (got {shown})"
    assert (result.provenance.source, result.error) == (url, "InputError")
    assert requests == []
    assert fetch_url(url, small) == result  # no client made either


def test_latin1_page_decoded_with_the_http_charset(web: LoopbackServer, small: Settings) -> None:
    record = fetch_url(web("/latin1.html"), small)
    assert isinstance(record, Record), record
    assert record.provenance.encoding == "cp1252"  # what browsers read ISO-8859-1 as
    article = article_of(record, small)
    assert article.title == "Le festival de musique baroque d'Ambérieu change de dates"
    assert "l'église Saint-Étienne" in article.body
    assert "\ufffd" not in article.text
    # no canonical link in the page: the URL it was fetched from is its address
    assert (article.url, article.canonical_url) == (web("/latin1.html"), web("/latin1.html"))


def test_latin1_text_decoded_with_the_http_charset(web: LoopbackServer, small: Settings) -> None:
    record = fetch_url(web("/latin1.txt"), small)
    assert isinstance(record, Record), record
    assert (record.kind, record.provenance.encoding) == ("text", "cp1252")
    assert record.text is not None
    assert record.text.startswith("Le marché de Noël d'Épinal")
    assert "au cœur de la ville" in record.text
    article = article_of(record, small)
    assert article.title == "Le marché de Noël d'Épinal ouvrira plus tôt"
    assert article.url == web("/latin1.txt")


def test_cli_ingests_urls_and_reports_failures(web: LoopbackServer, cli_env: CliRunner, tmp_path: Path) -> None:
    ok, missing, ftp = web("/pages/10686.html"), web("/status/404"), "ftp://example.org/a.html"
    result = cli_env.invoke(cli, ["ingest", ok, missing, ftp, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["new"], report["failed"]) == (1, 2)
    assert report["failures"] == [
        {"where": missing, "reason": "HTTP 404 Not Found", "error": "FetchError"},
        {"where": ftp, "reason": "only http and https URLs are fetched (got ftp:)", "error": "InputError"},
    ]
    # a file and its page on the web are one article (the page's canonical URL)
    again = cli_env.invoke(cli, ["ingest", str(ORANGESUM / "10686.html"), "--json"], catch_exceptions=False)
    assert json.loads(again.stdout)["unchanged"] == 1

    text = cli_env.invoke(cli, ["ingest", missing])
    assert text.exit_code == 65  # nothing read
    assert f"failed {missing}: HTTP 404 Not Found" in " ".join(text.stderr.split())


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://", "not a URL: http: without a host"),
        ("http://[::1", "not a URL: Invalid IPv6 URL"),
        ("http://xn--bad-.test/", "not a valid URL: A-label must not end with a hyphen"),
        ("http://a\x00b/", "not a valid URL: Invalid non-printable ASCII character in URL, '\\x00' at position 8."),
    ],
)
def test_malformed_urls_are_failures_not_exceptions(url: str, reason: str, small: Settings) -> None:
    result = fetch_url(url, small)
    assert isinstance(result, Failure)
    assert (result.reason, result.error) == (reason, "InputError")
