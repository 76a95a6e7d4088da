"""Hostile inputs (issue 17): nothing one bad file, feed or server does stops a run or loses the records
read before it. Real files, a real loopback server, the real CLI."""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.config import Settings
from recoupe.model import Failure, Provenance, Record
from recoupe.sources import read_inputs
from recoupe.sources.feeds import read_feed_bytes
from recoupe.sources.web import fetch_url

BODY = (
    "Le conseil municipal de Rennes a voté jeudi soir un budget de douze millions d'euros pour la rénovation "
    "des écoles du quartier de Maurepas, a annoncé la mairie. Les travaux commenceront en septembre et "
    "dureront deux ans, soit moins que les trois ans prévus au départ."
)
#: an XML declaration whose encoding name is not even UTF-8: feedparser raised UnicodeDecodeError on it
BAD_DECLARATION = b'<?xml version="1.0" encoding="\xe9"?><rss version="2.0"><channel><item><title>a</title></item>'


def _rss(title: str, description: str) -> bytes:
    escaped = description.replace("&", "&amp;").replace("<", "&lt;")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><description>{escaped}</description>"
        "<pubDate>Thu, 13 Feb 2025 18:00:00 +0100</pubDate></item></channel></rss>"
    ).encode()


def _line(title: str, url: str) -> str:
    return json.dumps({"title": title, "text": BODY, "url": url, "source": "Test"}) + "\n"


@dataclasses.dataclass
class Site:
    url: str
    drip_done: threading.Event = dataclasses.field(default_factory=threading.Event)
    stop: threading.Event = dataclasses.field(default_factory=threading.Event)

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    """A loopback server: a good feed of plain text, a feed with a bad XML declaration, a page sent byte by
    byte (``/drip``: a byte every 0.25 s for 30 s; ``drip_done`` is set only if all of them were sent)."""
    state = Site(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def _send(self, status: int, body: bytes, media: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if self.path == "/robots.txt":
                    self._send(404, b"", "text/plain")
                elif self.path == "/feeds/plain.xml":
                    self._send(
                        200,
                        _rss("Budget des écoles de Maurepas", BODY + " Deux ans < trois ans."),
                        "application/rss+xml",
                    )
                elif self.path == "/feeds/bad-declaration.xml":
                    self._send(200, BAD_DECLARATION, "application/rss+xml")
                elif self.path == "/drip":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    for _ in range(120):  # a byte every 0.25 s: well within the read timeout, 30 s in all
                        if state.stop.wait(0.25):
                            return
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    state.drip_done.set()
                else:
                    self._send(404, b"not found", "text/plain")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _ingest(runner: CliRunner, *args: str) -> dict[str, object]:
    result = runner.invoke(cli, ["ingest", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report: dict[str, object] = json.loads(result.stdout)
    return report


def _titles(runner: CliRunner) -> set[str]:
    listed = runner.invoke(cli, ["articles", "--json"], catch_exceptions=False)
    return {article["title"] for article in json.loads(listed.stdout)}


def _reasons(report: dict[str, object]) -> dict[str, str]:
    failures = report["failures"]
    assert isinstance(failures, list)
    return {Path(str(f["where"]).split(":")[0]).name: str(f["reason"]) for f in failures}


# -- item 2: one bad input is one failure, the rest is stored ---------------------------------------------------


def test_deeply_nested_jsonl_line_is_one_failure(tmp_path: Path, cli_env: CliRunner) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        _line("Avant la ligne piégée", "https://example.org/a")
        + "[" * 100_000
        + "\n"
        + '{"n": '
        + "9" * 5000
        + "}\n"  # an integer Python refuses to convert (ValueError, not a JSON error)
        + _line("Après la ligne piégée", "https://example.org/b"),
        encoding="utf-8",
    )
    report = _ingest(cli_env, str(dump))
    assert (report["new"], report["failed"]) == (2, 2)
    failures = report["failures"]
    assert isinstance(failures, list)
    assert [f["where"] for f in failures] == [f"{dump}:2", f"{dump}:3"]
    assert "nested too deeply" in failures[0]["reason"]
    assert "ValueError" in failures[1]["reason"]
    assert _titles(cli_env) == {"Avant la ligne piégée", "Après la ligne piégée"}


def test_deeply_nested_json_file_and_binary_csv_do_not_stop_the_run(tmp_path: Path, cli_env: CliRunner) -> None:
    (tmp_path / "a-deep.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "b-four.csv").write_bytes(b"\x1eIB\x06\x90\x15S\xa0")  # not text: UnicodeDecodeError before
    (tmp_path / "c-header.csv").write_bytes(b"title,text\n\x90\x91\x92\n")
    (tmp_path / "d-good.jsonl").write_text(_line("Lu après les fichiers piégés", "https://example.org/c"))
    report = _ingest(cli_env, str(tmp_path))
    assert report["new"] == 1
    reasons = _reasons(report)
    assert "nested too deeply" in reasons["a-deep.json"]
    assert reasons["b-four.csv"].startswith("header row cannot be read: cannot decode")
    assert "cannot decode" in reasons["c-header.csv"]
    assert _titles(cli_env) == {"Lu après les fichiers piégés"}


def test_feed_with_a_bad_xml_declaration_is_one_failure(site: Site, settings: Settings) -> None:
    (failure,) = read_feed_bytes(BAD_DECLARATION, "bad.xml", settings)
    assert isinstance(failure, Failure)
    assert failure.provenance.kind == "feed"
    assert failure.reason.startswith("feed does not parse: cannot read: UnicodeDecodeError")


def test_ingest_feed_goes_on_after_a_bad_feed(site: Site, cli_env: CliRunner) -> None:
    report = _ingest(cli_env, "--feed", site("/feeds/bad-declaration.xml"), "--feed", site("/feeds/plain.xml"))
    assert (report["new"], report["failed"]) == (1, 1)
    assert _titles(cli_env) == {"Budget des écoles de Maurepas"}


def test_watch_survives_a_bad_feed(site: Site, cli_env: CliRunner) -> None:
    args = ["watch", "--once", "--feed", site("/feeds/bad-declaration.xml"), "--feed", site("/feeds/plain.xml")]
    result = cli_env.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "round 1 · 1 new" in result.stdout
    assert "feed does not parse" in result.stderr


# -- item 5: plain-text RSS descriptions ---------------------------------------------------------------------


def test_plain_text_rss_description_is_read_as_text(settings: Settings) -> None:
    from recoupe.pipeline import extract_one

    (record,) = read_feed_bytes(_rss("Budget des écoles", BODY + " Deux ans < trois ans."), "f.xml", settings)
    assert isinstance(record, Record)
    article = extract_one(record, settings)
    assert not isinstance(article, Failure), article
    assert article.title == "Budget des écoles"
    assert article.body.endswith("Deux ans < trois ans.")


# -- item 4: a whole-response deadline -----------------------------------------------------------------------


def test_a_page_sent_a_byte_a_second_fails_at_the_deadline(site: Site, settings: Settings) -> None:
    quick = dataclasses.replace(settings, fetch_timeout=2.0)  # 6 s for the whole response; 30 s to send it
    failure = fetch_url(site("/drip"), quick)
    assert isinstance(failure, Failure)
    assert failure.error == "FetchError"
    assert failure.reason.startswith("timed out: the whole response took longer than 6 s")
    assert not site.drip_done.is_set()  # given up long before the server was done


def test_records_before_a_failing_reader_are_kept(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text(_line("Premier", "https://example.org/1") + _line("Second", "https://example.org/2"))
    deep = tmp_path / "b.json"
    deep.write_text("[" * 50_000)
    items = list(read_inputs([str(good), str(deep)], settings))
    assert [type(item).__name__ for item in items] == ["Record", "Record", "Failure"]


# -- item 4: byte bounds on lines and decompressed streams -----------------------------------------------------


def test_csv_line_over_the_bound_is_reported_and_the_rows_after_are_read(tmp_path: Path, settings: Settings) -> None:
    small = dataclasses.replace(settings, max_record_mb=0.01)  # 10 KB a line
    path = tmp_path / "export.csv"
    path.write_text(
        "title,text,url\n"
        f'Premier,"{BODY}",https://example.org/1\n'
        f'Trop long,"{"x" * 50_000}",https://example.org/2\n'
        f'Troisième,"{BODY}",https://example.org/3\n',
        encoding="utf-8",
    )
    items = list(read_inputs([str(path)], small))
    assert [type(item).__name__ for item in items] == ["Record", "Failure", "Record"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert (failure.provenance.line, failure.reason) == (3, "line longer than max_record_mb=0.01")
    third = items[2]
    assert isinstance(third, Record)
    assert (third.fields["title"], third.provenance.line) == ("Troisième", 4)


def test_gzipped_jsonl_of_blank_lines_is_bounded(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(_line("Avant les lignes vides", "https://example.org/1").encode())
        for _ in range(120):
            handle.write(b"\n" * 1024 * 1024)  # 120 MB of blank lines in about 120 KB
    items = list(read_inputs([str(path)], settings))
    assert [type(item).__name__ for item in items] == ["Record", "Failure"]
    assert isinstance(items[1], Failure)
    assert items[1].reason.startswith("decompresses to more than 100 times its size")


def test_warc_record_with_ten_megabytes_of_header_lines_is_refused(tmp_path: Path, settings: Settings) -> None:
    page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" + BODY.encode() + b"</p></body></html>"
    flood = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X: y\r\n" * 1_700_000 + b"\r\n<html></html>"

    def record(uri: str, block: bytes) -> bytes:
        head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {len(block)}\r\n\r\n"
        return head.encode() + block + b"\r\n\r\n"

    path = tmp_path / "crawl.warc"
    path.write_bytes(record("https://example.org/ok", page) + record("https://example.org/flood", flood))
    items = list(read_inputs([str(path)], settings))
    assert [type(item).__name__ for item in items] == ["Record", "Failure"]
    assert isinstance(items[1], Failure)
    assert "a record's headers are longer than 256 KB" in items[1].reason


# -- item 5: UTF-16, one URL one text, IPv6 literals, outlet names -------------------------------------------


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path, settings: Settings) -> None:
    from recoupe.pipeline import extract_one

    (tmp_path / "note.txt").write_text(f"Budget des écoles\n\n{BODY}\n", encoding="utf-16")
    (tmp_path / "export.csv").write_text(f'title,text\nBudget des écoles,"{BODY}"\n', encoding="utf-16")
    items = list(read_inputs([str(tmp_path)], settings))
    assert [type(item).__name__ for item in items] == ["Record", "Record"]
    for item in items:
        assert isinstance(item, Record)
        article = extract_one(item, settings)
        assert not isinstance(article, Failure), article
        assert (article.title, article.body) == ("Budget des écoles", BODY)


def test_two_texts_for_one_url_add_no_revision_on_each_run(tmp_path: Path, cli_env: CliRunner) -> None:
    dump = tmp_path / "dump.jsonl"
    second = json.dumps(
        {"title": "Budget des écoles (mis à jour)", "text": BODY + " Mis à jour.", "url": "https://example.org/1"}
    )
    dump.write_text(_line("Budget des écoles", "https://example.org/1") + second + "\n", encoding="utf-8")
    first_run = _ingest(cli_env, str(dump))
    again = _ingest(cli_env, str(dump))
    assert (first_run["new"], first_run["updated"], first_run["failed"]) == (1, 0, 1)
    assert (again["new"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 1, 1)
    failures = again["failures"]
    assert isinstance(failures, list)
    assert failures[0]["reason"] == "another text for the URL of line 1 (kept); one URL, one text per input"


def test_ipv6_literal_url_with_robots_txt(settings: Settings) -> None:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_GET(self) -> None:
            robots = self.path == "/robots.txt"
            body = (
                b"User-agent: *\nDisallow: /private\n"
                if robots
                else f"<html><body><p>{BODY}</p></body></html>".encode()
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if robots else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server6(ThreadingHTTPServer):
        address_family = socket.AF_INET6

    try:
        httpd = Server6(("::1", 0), Handler)
    except OSError:
        pytest.skip("no IPv6 loopback here")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://[::1]:{httpd.server_address[1]}"
        page = fetch_url(f"{base}/article", settings)
        refused = fetch_url(f"{base}/private/page", settings)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
    assert isinstance(page, Record), page
    assert isinstance(refused, Failure)
    assert refused.reason == "disallowed by robots.txt"


def test_outlet_name_with_bidi_controls_is_stored_clean(settings: Settings) -> None:
    from recoupe.pipeline import extract_one

    fields = {"title": "Budget des écoles", "body": BODY, "outlet": "Ouest\u202e\u200b Éclair\u202c"}
    record = Record(kind="fields", provenance=Provenance("x.jsonl", "jsonl", line=1), fields=fields)
    article = extract_one(record, settings)
    assert not isinstance(article, Failure), article
    assert article.outlet == "Ouest Éclair"
