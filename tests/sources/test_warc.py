"""``read_warc`` on real web archives: the committed WARC samples, WARCs written here with warcio holding real
OrangeSum pages, a hand-written ARC, archives damaged on purpose, and ``recoupe ingest`` on an archive."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from recoupe.cli.main import cli
from recoupe.config import Settings
from recoupe.model import Failure, Record
from recoupe.sources import read_inputs, read_path
from recoupe.sources.files import kind_of
from recoupe.sources.pages import read_html_file
from recoupe.sources.warc import WarcStats, read_warc

from .conftest import FIXTURES, ORANGESUM, article_of

SAMPLES = FIXTURES / "warc"
CUT_SAMPLE = SAMPLES / "small-arcs-and-warcs_IAH-20080430204825-00000-blackbook-truncated.warc.gz"
WGET_SAMPLE = SAMPLES / "small-arcs-and-warcs_IAH-urls-wget.warc.gz"
PAGE = ORANGESUM / "10686.html"
PAGE_TITLE = "L'Élysée porte plainte contre un homme qui a appelé 195 fois en 24 heures"
OTHER_PAGE = ORANGESUM / "1489.html"
PAGE_URL = "https://actu.orange.fr/france/elysee-plainte-195-appels.html"
CAPTURED = "2018-10-24T09:15:00Z"
EMPTY_PAGE = b"<html><head><title>Accueil</title></head><body><nav>Menu</nav></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class Archive:
    """A WARC written with warcio's ``WARCWriter``; ``offsets`` maps each response's URL to its record's offset."""

    def __init__(self, path: Path, *, gzipped: bool = True) -> None:
        self.path = path
        self._out = path.open("wb")
        self._writer = WARCWriter(self._out, gzip=gzipped)
        self.offsets: dict[str, int] = {}

    def response(
        self, url: str, body: bytes, content_type: str | None, status: str = "200 OK", date: str = CAPTURED
    ) -> None:
        headers = [("Content-Type", content_type)] if content_type else []
        headers += [("Content-Length", str(len(body))), ("ETag", '"v1"')]
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        self.offsets[url] = self._out.tell()
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # with a length warcio spools nothing to a temporary file
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        self._writer.write_record(record)

    def request(self, url: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "actu.orange.fr")], is_http_request=True)
        self._writer.write_record(
            self._writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0, http_headers=http)
        )

    def close(self) -> Path:
        self._out.close()
        return self.path


def _news_archive(path: Path, *, gzipped: bool = True) -> Archive:
    """A request and a response for a real French news page, a 404 page and a PDF."""
    archive = Archive(path, gzipped=gzipped)
    archive.request(PAGE_URL)
    archive.response(PAGE_URL, PAGE.read_bytes(), "text/html; charset=utf-8")
    archive.request(PAGE_URL + "?missing")
    archive.response(
        PAGE_URL + "?missing", b"<html><body><h1>Page introuvable</h1></body></html>", "text/html", "404 Not Found"
    )
    archive.response("https://actu.orange.fr/rapport.pdf", PDF, "application/pdf")
    archive.close()
    return archive


def _records(items: list[Record | Failure]) -> list[Record]:
    return [item for item in items if isinstance(item, Record)]


def _failures(items: list[Record | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_only_the_page_is_read_and_it_extracts_as_the_file_does(tmp_path: Path, small: Settings, gzipped: bool) -> None:
    archive = _news_archive(tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc"), gzipped=gzipped)
    stats = WarcStats()
    items = list(read_warc(archive.path, small, stats))
    assert len(items) == 1
    record = items[0]
    assert isinstance(record, Record)
    # shaped like read_html_file's and page_record's records: raw bytes, kind html, the HTTP charset as hint
    from_file = read_html_file(PAGE, small)
    assert (record.kind, record.data, record.url) == ("html", from_file.data, PAGE_URL)
    assert record.provenance.source == str(archive.path)
    assert (record.provenance.kind, record.provenance.encoding) == ("warc", "utf-8")
    assert record.provenance.offset == archive.offsets[PAGE_URL]
    assert record.provenance.where() == f"{archive.path}@{archive.offsets[PAGE_URL]}"
    assert record.provenance.fetched_at == datetime(2018, 10, 24, 9, 15, tzinfo=UTC)
    assert record.fields["http"] == {"status": 200, "requested_url": PAGE_URL, "etag": '"v1"'}
    assert record.fields["warc"]["date"] == CAPTURED
    assert str(record.fields["warc"]["record_id"]).startswith("<urn:uuid:")
    assert stats.to_dict() == {"records": 5, "pages": 1, "not_response": 2, "not_2xx": 1, "not_html": 1, "failed": 0}

    archived, read = article_of(record, small), article_of(from_file, small)
    assert archived.title == read.title == PAGE_TITLE
    assert (archived.body, archived.lead, archived.published, archived.outlet, archived.language) == (
        read.body,
        read.lead,
        read.published,
        read.outlet,
        read.language,
    )
    assert archived.url == PAGE_URL
    assert archived.provenance == record.provenance


def test_offsets_are_warcio_s(small: Settings) -> None:
    """The offset in a record's provenance is the one ``ArchiveIterator.get_record_offset`` gives (a CDX's)."""
    expected = {}
    with WGET_SAMPLE.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for entry in iterator:
            http = entry.http_headers
            html = http is not None and http.get_header("Content-Type", "").startswith("text/html")
            if entry.rec_type == "response" and html and http.get_statuscode() == "200":
                expected[iterator.get_record_offset()] = entry.rec_headers.get_header("WARC-Target-URI")
    records = _records(list(read_warc(WGET_SAMPLE, small)))
    assert {record.provenance.offset: record.url for record in records} == expected
    assert len(expected) == 2


def test_committed_samples(small: Settings) -> None:
    stats = WarcStats()
    items = list(read_warc(CUT_SAMPLE, small, stats))
    assert not _failures(items)  # cut after a whole record by its makers: a complete archive
    assert [(r.url, r.provenance.offset) for r in _records(items)] == [
        ("http://www.archive.org/", 2052),
        ("http://www.archive.org/index.php", 3380),
    ]
    assert stats.to_dict() == {"records": 23, "pages": 2, "not_response": 16, "not_2xx": 0, "not_html": 5, "failed": 0}
    index = article_of(_records(items)[1], small)
    assert index.title == "Institutional Support"
    assert index.provenance.fetched_at == datetime(2008, 4, 30, 20, 48, 26, tzinfo=UTC)

    stats = WarcStats()
    records = _records(list(read_warc(WGET_SAMPLE, small, stats)))
    assert [record.url for record in records] == ["https://archive.org/", "https://archive.org/"]
    assert stats.not_2xx == 9  # wget's 301 and 302 responses: skipped, not failures
    assert stats.failed == 0
    assert "Internet Archive" in article_of(records[0], small).title


def test_a_body_over_the_limit_is_one_failure_and_reading_goes_on(tmp_path: Path, settings: Settings) -> None:
    archive = Archive(tmp_path / "big.warc.gz")
    archive.response(PAGE_URL, PAGE.read_bytes(), "text/html; charset=utf-8")  # about 60 KB
    archive.response("https://actu.orange.fr/court.html", OTHER_PAGE.read_bytes()[:30_000], "text/html")
    archive.close()
    tight = dataclasses.replace(settings, max_file_mb=40_000 / 1_048_576)
    items = list(read_warc(archive.path, tight))
    assert len(items) == 2
    failure, record = items
    assert isinstance(failure, Failure)
    assert failure.provenance.where() == f"{archive.path}@0"
    assert "record too large" in failure.reason
    assert "max_file_mb" in failure.reason
    assert isinstance(record, Record)
    assert record.url == "https://actu.orange.fr/court.html"
    assert record.provenance.offset == archive.offsets["https://actu.orange.fr/court.html"]


def _damaged(items: list[Record | Failure], path: Path) -> Failure:
    failures = _failures(items)
    assert len(failures) == 1
    assert items[-1] is failures[0]  # the last item: reading stopped there
    failure = failures[0]
    assert failure.provenance.source == str(path)
    assert "archive truncated or corrupt" in failure.reason
    return failure


def test_an_archive_cut_inside_a_record(tmp_path: Path, small: Settings) -> None:
    data = CUT_SAMPLE.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:5000])  # inside the gzip member of /index.php's response (bytes 3380 to 9499)
    items = list(read_warc(cut, small))
    assert [record.url for record in _records(items)] == ["http://www.archive.org/"]
    failure = _damaged(items, cut)
    assert failure.provenance.offset == 3380
    assert "record cut short" in failure.reason
    assert failure.provenance.where() == f"{cut}@3380"


def test_an_uncompressed_archive_cut_inside_a_record_header(tmp_path: Path, small: Settings) -> None:
    archive = _news_archive(tmp_path / "full.warc", gzipped=False)
    data = archive.path.read_bytes()
    pdf_offset = archive.offsets["https://actu.orange.fr/rapport.pdf"]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: pdf_offset + 40])  # the PDF response's WARC header, cut before its Content-Length
    items = list(read_warc(cut, small))
    assert [record.url for record in _records(items)] == [PAGE_URL]
    failure = _damaged(items, cut)
    assert failure.provenance.offset == pdf_offset
    assert "a record without a valid length" in failure.reason


def test_a_compressed_archive_cut_inside_a_record_header(tmp_path: Path, small: Settings) -> None:
    """warcio ends quietly there: the bytes left after the last record it read are the damage."""
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(CUT_SAMPLE.read_bytes()[: 3380 + 13])
    items = list(read_warc(cut, small))
    assert [record.url for record in _records(items)] == ["http://www.archive.org/"]
    failure = _damaged(items, cut)
    assert failure.provenance.offset == 3380
    assert "13 bytes after the last complete record cannot be read" in failure.reason


def test_corrupt_gzip_data(tmp_path: Path, small: Settings) -> None:
    data = bytearray(CUT_SAMPLE.read_bytes())
    data[6000] ^= 0xFF  # inside /index.php's response
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = list(read_warc(bad, small))
    assert [record.url for record in _records(items)] == ["http://www.archive.org/"]
    failure = _damaged(items, bad)
    assert failure.provenance.offset == 3380
    assert failure.reason.isprintable()  # not the binary line warcio quotes


def test_an_archive_gzipped_whole(tmp_path: Path, small: Settings) -> None:
    """One gzip stream for the whole file (``gzip crawl.warc``) is not a valid WARC.gz: one failure that says so."""
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(gzip.decompress(WGET_SAMPLE.read_bytes())))
    items = list(read_warc(whole, small))
    failure = _damaged(items, whole)
    assert "warcio recompress" in failure.reason
    assert failure.provenance.offset is not None


def test_not_an_archive(tmp_path: Path, small: Settings) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("Ceci n'est pas une archive.\n", encoding="utf-8")
    failure = _damaged(list(read_warc(fake, small)), fake)
    assert failure.provenance.offset == 0
    missing = list(read_warc(tmp_path / "absent.warc.gz", small))
    assert len(missing) == 1
    assert isinstance(missing[0], Failure)
    assert "cannot read" in missing[0].reason


def _arc(path: Path, url: str, body: bytes) -> Path:
    """An ARC v1 file, written by hand (warcio reads ARC but does not write it)."""
    fields = b"1 0 recoupe-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = b"filedesc://%s 0.0.0.0 20181024091500 text/plain %d\n" % (path.name.encode(), len(fields))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    header = b"%s 192.0.2.10 20181024091500 text/html %d\n" % (url.encode(), len(http))
    data = filedesc + fields + b"\n" + header + http + b"\n"
    if path.suffix == ".gz":
        data = gzip.compress(filedesc + fields + b"\n") + gzip.compress(header + http + b"\n")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz"])
def test_arc_files(tmp_path: Path, small: Settings, name: str) -> None:
    arc = _arc(tmp_path / name, PAGE_URL, PAGE.read_bytes())
    items = list(read_warc(arc, small))
    assert len(items) == 1
    article = article_of(items[0], small)
    assert article.title == PAGE_TITLE
    assert article.url == PAGE_URL
    assert article.provenance.fetched_at == datetime(2018, 10, 24, 9, 15, tzinfo=UTC)


def test_archives_are_dispatched_by_name_and_content(tmp_path: Path, small: Settings) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    _news_archive(folder / "a.warc.gz")
    _arc(folder / "b.arc", "https://actu.orange.fr/autre.html", OTHER_PAGE.read_bytes())
    plain = _news_archive(tmp_path / "capture.bin", gzipped=False)
    assert [kind_of(folder / "a.warc.gz"), kind_of(folder / "b.arc"), kind_of(plain.path)] == ["warc"] * 3
    items = list(read_inputs([str(folder), str(plain.path)], small))
    assert [(item.provenance.kind, item.url) for item in _records(items)] == [
        ("warc", PAGE_URL),
        ("warc", "https://actu.orange.fr/autre.html"),
        ("warc", PAGE_URL),
    ]
    assert not _failures(items)
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert [item.reason for item in read_path(empty, small) if isinstance(item, Failure)] == ["empty file"]


def test_cli_ingests_an_archive_once(cli_env: CliRunner, tmp_path: Path) -> None:
    archive = _news_archive(tmp_path / "crawl.warc.gz")
    # the same archive plus another page, a page with no article, and a record cut short at the end
    grown = Archive(tmp_path / "grown.warc.gz")
    grown.response(PAGE_URL, PAGE.read_bytes(), "text/html; charset=utf-8")
    grown.response("https://actu.orange.fr/autre.html", OTHER_PAGE.read_bytes(), "text/html")
    grown.response("https://actu.orange.fr/", EMPTY_PAGE, "text/html")
    grown.close()
    tail = tmp_path / "tail.warc.gz"
    tail_archive = Archive(tail)
    tail_archive.response("https://actu.orange.fr/coupe.html", OTHER_PAGE.read_bytes(), "text/html")
    tail_archive.close()
    cut_at = grown.path.stat().st_size
    with grown.path.open("ab") as out:
        out.write(tail.read_bytes()[:1000])

    first = cli_env.invoke(cli, ["ingest", str(archive.path), "--json"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    counts = ("new", "updated", "unchanged", "enriched", "failed")
    assert [report[key] for key in counts] == [1, 0, 0, 0, 0]
    assert report["stories"] is None

    second = cli_env.invoke(cli, ["ingest", str(grown.path), "--json"], catch_exceptions=False)
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert (report["new"], report["unchanged"], report["failed"]) == (1, 1, 2)
    reasons = {failure["where"]: failure["reason"] for failure in report["failures"]}
    empty_at = grown.offsets["https://actu.orange.fr/"]
    assert sorted(reasons) == sorted([f"{grown.path}@{empty_at}", f"{grown.path}@{cut_at}"])
    assert reasons[f"{grown.path}@{empty_at}"].startswith("no article text found")
    assert reasons[f"{grown.path}@{cut_at}"].startswith("archive truncated or corrupt")

    shown = cli_env.invoke(cli, ["ingest", str(grown.path)], catch_exceptions=False)  # the human summary
    assert shown.exit_code == 0, shown.output
    assert f"failed {grown.path}@{cut_at}: archive truncated or corrupt" in " ".join(shown.output.split())
    again = json.loads(cli_env.invoke(cli, ["ingest", str(grown.path), "--json"], catch_exceptions=False).stdout)
    assert (again["new"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 2, 2)  # stable ids
