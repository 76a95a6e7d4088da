"""Hostile inputs through the API (issue 17): a feed that breaks the parser, a feed that cannot be fetched
(502), a page sent a byte a second (the ingest lock is released at the deadline), a bug's 500 with the
security headers, an outlet name with bidi controls that still has its page."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.procs import http_server

from recoupe.app import create_app
from recoupe.config import Settings, load_settings
from recoupe.faces import SECURITY_HEADERS

TOKEN = "hostile-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = (
    "Le conseil municipal de Rennes a voté jeudi soir un budget de douze millions d'euros pour la rénovation "
    "des écoles du quartier de Maurepas, a annoncé la mairie. Les travaux commenceront en septembre et "
    "dureront deux ans, soit moins que les trois ans prévus au départ."
)
BAD_DECLARATION = b'<?xml version="1.0" encoding="\xe9"?><rss version="2.0"><channel><item><title>a</title></item>'


_STOP = threading.Event()  # set when the module's site stops: ``/drip`` stops dripping


class _Site(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path == "/bad-declaration.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(BAD_DECLARATION)))
                self.end_headers()
                self.wfile.write(BAD_DECLARATION)
            elif self.path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(120):  # a byte every 0.25 s: well within the read timeout, 30 s in all
                    if _STOP.wait(0.25):
                        return
                    self.wfile.write(b"x")
                    self.wfile.flush()
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    _STOP.clear()
    with http_server(_Site) as url:
        try:
            yield url
        finally:
            _STOP.set()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    values: dict[str, Any] = {
        "db": str(tmp_path / "api.db"),
        "fetch_delay": 0,
        "fetch_timeout": 2,  # the whole response within 6 s
        "api_token": TOKEN,
        "api_fetch_private": True,  # the test site is on loopback
        "enrich": False,
        "stories": False,
    }
    return load_settings(values, env={}, config_file=None)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_feed_that_breaks_the_parser_is_one_failure(client: TestClient, site: str) -> None:
    response = client.post("/api/ingest", json={"feed": f"{site}/bad-declaration.xml"}, headers=AUTH)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["new"], report["failed"]) == (0, 1)
    assert report["failures"][0]["reason"].startswith("feed does not parse")


def test_feed_that_cannot_be_fetched_is_502(client: TestClient, site: str) -> None:
    response = client.post("/api/ingest", json={"feed": f"{site}/missing.xml"}, headers=AUTH)
    assert response.status_code == 502, response.text
    error = response.json()["error"]
    assert (error["status"], error["type"]) == (502, "FetchError")
    assert "HTTP 404" in error["message"]


def test_slow_page_fails_at_the_deadline_and_releases_the_ingest_lock(client: TestClient, site: str) -> None:
    response = client.post("/api/ingest", json={"urls": [f"{site}/drip"]}, headers=AUTH)
    assert response.status_code == 200, response.text
    (failure,) = response.json()["failures"]
    assert failure["reason"].startswith("timed out: the whole response took longer than 6 s")
    record = {"title": "Budget des écoles", "text": BODY, "url": "https://example.org/ecoles", "source": "Test"}
    after = client.post("/api/ingest", json={"records": [record]}, headers=AUTH)
    assert after.json()["new"] == 1


def test_a_bug_answers_500_with_the_security_headers(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    store = client.app.state.faces.store  # type: ignore[attr-defined]

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "count", broken)
    for path in ("/api/health", "/outlets/Test"):
        response = client.get(path)
        assert response.status_code == 500, (path, response.text)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)
    assert "a bug" not in response.text


def test_outlet_with_a_bidi_control_has_its_page(client: TestClient) -> None:
    record = {
        "title": "Budget des écoles",
        "text": BODY,
        "url": "https://example.org/bidi",
        "source": "Ouest\u202eÉclair",
    }
    report = client.post("/api/ingest", json={"records": [record]}, headers=AUTH).json()
    (article_id,) = report["article_ids"]
    outlet = client.get(f"/api/articles/{article_id}").json()["outlet"]
    assert outlet == "OuestÉclair"
    page = client.get("/outlets/" + quote("Ouest\u202eÉclair", safe=""))
    assert page.status_code == 200, page.text
    assert "OuestÉclair" in page.text
