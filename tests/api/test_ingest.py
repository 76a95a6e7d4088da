"""``POST /api/ingest``: the token, the body's bounds, records with bad ones among them, pages and a feed
fetched from a loopback server serving committed OrangeSum pages."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from tests.procs import http_server

from recoupe.api.schemas import MAX_INGEST_RECORDS

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from recoupe.config import Settings

TOKEN = "test-token-\u00e9t\u00e9"  # the one conftest's ApiKit configures: non-ASCII, compared as UTF-8 bytes

ORANGESUM = Path(__file__).resolve().parent.parent / "fixtures" / "orangesum" / "raw"
AUTH: dict[str, str | bytes] = {"Authorization": f"Bearer {TOKEN}".encode()}  # the token's UTF-8 bytes

GOOD = {
    "title": "Le Conseil d'État valide la réforme des retraites des marins pêcheurs de Bretagne",
    "text": (
        "Le Conseil d'État a validé mercredi la réforme du régime de retraite des marins pêcheurs, "
        "contestée depuis deux ans par les syndicats de Bretagne. Les juges ont estimé que le décret "
        "respectait le principe d'égalité entre les assurés. La Confédération des marins annonce déjà "
        "un nouveau recours devant la Cour européenne des droits de l'homme."
    ),
    "date": "2024-03-06",
    "url": "https://example.org/api-test/retraites-marins",
    "source": "Le Télégramme (test)",
}


@pytest.fixture(scope="module")
def writable(faces_db: Path, tmp_path_factory: pytest.TempPathFactory, kit: Any) -> Settings:
    assert kit.token == TOKEN
    # the test site is on loopback: allowed here; test_private_addresses_are_refused checks the default
    db = kit.copy_db(faces_db, tmp_path_factory.mktemp("api-ingest"))
    settings: Settings = kit.settings(db, api_token=TOKEN, api_fetch_private=True)
    return settings


@pytest.fixture(scope="module")
def ingest_client(writable: Settings, kit: Any) -> Iterator[TestClient]:
    """A client of an API over a writable copy of the shared database, with an ingest token."""
    with kit.client(writable) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A loopback web server: two OrangeSum pages under /pages/ and an RSS feed of them at /feed.xml."""
    root = tmp_path_factory.mktemp("site")
    (root / "pages").mkdir()
    for name in ("10686.html", "13271.html"):
        shutil.copy(ORANGESUM / name, root / "pages" / name)
    items = "".join(
        f"<item><title>{title}</title><link>/pages/{name}</link><guid>{name}</guid></item>"
        for name, title in (("10686.html", "Plainte de l'Élysée"), ("13271.html", "Sportifs militaires"))
    )
    (root / "feed.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>test</title>'
        f"<link>/</link><description>test</description>{items}</channel></rss>",
        encoding="utf-8",
    )

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

    with http_server(partial(Quiet, directory=str(root))) as url:
        yield url


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["status"] == status
    return error


# -- the token ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Basic {TOKEN}".encode()},
        {"Authorization": f"Bearer {TOKEN}x".encode()},
        {"Authorization": "Bearer test-token-"},
    ],
)
def test_ingest_needs_the_token(ingest_client: TestClient, headers: dict[str, str | bytes]) -> None:
    before = ingest_client.get("/api/health").json()["articles"]
    response = ingest_client.post("/api/ingest", json={"records": [GOOD]}, headers=headers)
    _error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert ingest_client.get("/api/health").json()["articles"] == before


def test_no_token_configured_refuses_everything(client: TestClient) -> None:
    """The shared read client has no api_token: even an empty bearer or the test token is refused."""
    for headers in ({}, AUTH, {"Authorization": "Bearer "}):
        error = _error(client.post("/api/ingest", json={"records": [GOOD]}, headers=headers), 401)
        assert "disabled" in error["message"]


# -- the body ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"records": [GOOD], "urls": ["https://example.org/"]},
        {"records": "not a list"},
        {"records": [GOOD] * (MAX_INGEST_RECORDS + 1)},
        {"urls": ["https://example.org/"] * 51},
        {"feed": "file:///etc/passwd"},
        {"records": [GOOD], "unknown": 1},
        [GOOD],
        "records",
        None,
    ],
)
def test_bad_bodies_are_422(ingest_client: TestClient, body: Any) -> None:
    _error(ingest_client.post("/api/ingest", json=body, headers=AUTH), 422)


def test_not_json_is_422(ingest_client: TestClient) -> None:
    _error(ingest_client.post("/api/ingest", content=b"{records: [", headers=AUTH), 422)
    _error(ingest_client.post("/api/ingest", content=b"\xff\xfe\x00", headers=AUTH), 422)


def test_body_too_large_is_413(faces_db: Path, tmp_path: Path, kit: Any) -> None:
    settings = kit.settings(kit.copy_db(faces_db, tmp_path), api_token=TOKEN, max_file_mb=0.01)
    with kit.client(settings) as small:
        error = _error(small.post("/api/ingest", json={"records": [GOOD] * 40}, headers=AUTH), 413)
        assert "larger than" in error["message"]


# -- what is stored ----------------------------------------------------------------------------------------


def test_records_good_stored_bad_reported(ingest_client: TestClient) -> None:
    body = {
        "records": [
            GOOD,
            "just a string",
            {"title": "Trop court", "text": "Deux mots."},
            {"headline": "Sans texte"},
            {"title": None, "text": 12, "date": {"nested": True}, "tags": [1, None, {"x": []}]},
        ]
    }
    report = ingest_client.post("/api/ingest", json=body, headers=AUTH).json()
    assert report["new"] == 1
    assert report["failed"] == 4
    where = [f["where"] for f in report["failures"]]
    assert where == ["records[1]", "records[2]", "records[3]", "records[4]"]
    assert all(f["reason"] for f in report["failures"])
    assert "JSON object" in report["failures"][0]["reason"]
    assert report["enriched"] == 1
    assert report["stories"]["assigned"] == 1
    (article_id,) = report["article_ids"]

    article = ingest_client.get(f"/api/articles/{article_id}").json()
    assert article["title"] == GOOD["title"]
    assert article["outlet"] == "Le Télégramme (test)"
    assert article["published"] == "2024-03-06"
    assert article["source_kind"] == "api"
    assert article["story_id"] is not None
    assert article["enrichment"]["level"] == "full"
    assert "conseil etat" in {e["key"] for e in article["enrichment"]["entities"]}
    hits = ingest_client.get("/api/search", params={"q": "marins pecheurs"}).json()["items"]
    assert [h["id"] for h in hits] == [article_id]
    story = ingest_client.get(f"/api/stories/{article['story_id']}").json()
    assert article_id in [t["id"] for t in story["timeline"]]

    again = ingest_client.post("/api/ingest", json={"records": [GOOD]}, headers=AUTH).json()
    assert (again["new"], again["unchanged"], again["failed"]) == (0, 1, 0)


def test_default_outlet(ingest_client: TestClient) -> None:
    record = {k: v for k, v in GOOD.items() if k != "source"} | {
        "url": "https://example.org/api-test/other",
        "title": "Les marins pêcheurs de Bretagne saisissent la Cour européenne des droits de l'homme",
    }
    report = ingest_client.post("/api/ingest", json={"records": [record], "outlet": "Ouest (test)"}, headers=AUTH)
    (article_id,) = report.json()["article_ids"]
    assert ingest_client.get(f"/api/articles/{article_id}").json()["outlet"] == "Ouest (test)"


def test_urls_fetched_from_a_loopback_server(ingest_client: TestClient, site: str) -> None:
    urls = [f"{site}/pages/10686.html", f"{site}/pages/missing.html", "ftp://example.org/x", "javascript:alert(1)"]
    report = ingest_client.post("/api/ingest", json={"urls": urls}, headers=AUTH).json()
    assert report["new"] == 1
    reasons = {f["where"]: f["reason"] for f in report["failures"]}
    assert any("404" in reason for where, reason in reasons.items() if "missing.html" in where), reasons
    assert reasons["ftp://example.org/x"]
    assert reasons["javascript:alert(1)"]
    (article_id,) = report["article_ids"]
    article = ingest_client.get(f"/api/articles/{article_id}").json()
    assert article["url"] == urls[0]
    assert article["language"] == "fr"
    assert "Élysée" in article["text"]


def test_feed_fetched_from_a_loopback_server(ingest_client: TestClient, site: str) -> None:
    report = ingest_client.post("/api/ingest", json={"feed": f"{site}/feed.xml"}, headers=AUTH).json()
    assert report["failed"] == 0, report["failures"]
    assert report["new"] + report["unchanged"] == 2  # 10686 may be there already from the URL test
    assert report["new"] >= 1
    missing = ingest_client.post("/api/ingest", json={"feed": f"{site}/nofeed.xml"}, headers=AUTH)
    assert missing.status_code == 502  # the feed could not be fetched: FetchError, as the docs say
    assert "404" in _error(missing, 502)["message"]


def test_private_addresses_are_refused(writable: Settings, kit: Any, site: str) -> None:
    """By default a client of the API cannot make the server fetch its own network (loopback here)."""
    import dataclasses

    with kit.client(dataclasses.replace(writable, api_fetch_private=False)) as client:
        pages = client.post("/api/ingest", json={"urls": [f"{site}/pages/10686.html"]}, headers=AUTH).json()
        feed = client.post("/api/ingest", json={"feed": f"{site}/feed.xml"}, headers=AUTH)
    assert pages["new"] == 0
    assert "not a public address" in pages["failures"][0]["reason"]
    assert feed.status_code in {200, 502}
    body = feed.json()
    reason = body["failures"][0]["reason"] if feed.status_code == 200 else body["error"]["message"]
    assert "not a public address" in reason
