"""The read API on the shared stories database: what a user of /api relies on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


def _error(response: Any, status: int, kind: str | None = None) -> dict[str, Any]:
    """Assert the one error shape and return its inside."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "type", "message"}
    assert error["status"] == status
    assert error["message"]
    if kind is not None:
        assert error["type"] == kind
    return error


def test_health_counts_what_is_stored(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["schema_version"] >= 1
    assert health["articles"] == client.get("/api/articles").json()["total"]
    assert health["stories"] >= 10
    assert health["ingest_enabled"] is False


def test_openapi_spec_lists_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/health",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/crosscheck",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/entities/{key}",
        "/api/quotes",
        "/api/search",
        "/api/outlets",
        "/api/ingest",
    ):
        assert path in paths
    limit = next(p for p in spec["paths"]["/api/stories"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    errors = spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]["404"]
    assert errors["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


# -- stories ---------------------------------------------------------------------------------------------


def test_stories_filters(client: TestClient) -> None:
    several = client.get("/api/stories", params={"order": "biggest", "min_outlets": 2, "limit": 100}).json()["items"]
    assert several
    assert all(s["independent_outlets"] >= 2 for s in several)
    assert [s["independent_outlets"] for s in several] == sorted(
        (s["independent_outlets"] for s in several), reverse=True
    )
    french = client.get("/api/stories", params={"language": "fr", "limit": 100}).json()["items"]
    assert french
    assert all("fr" in s["languages"] for s in french)
    old = client.get("/api/stories", params={"until": "2019-12-31", "limit": 100}).json()["items"]
    assert all(s["first_seen"] < "2020" for s in old)
    assert client.get("/api/stories", params={"entity": "!!!"}).json()["items"] == []


def test_stories_pages_follow_next_links(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/stories?order=oldest&limit=7"
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= 7
        seen.extend(s["id"] for s in page["items"])
        url = page["next"]
    everything = client.get("/api/stories", params={"order": "oldest", "limit": 100}).json()
    assert seen == [s["id"] for s in everything["items"]]
    assert len(seen) == client.get("/api/health").json()["stories"]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"limit": 10**9}, {"offset": -1}, {"order": "random"}, {"since": "yesterday"}],
)
def test_stories_page_bounds(client: TestClient, params: dict[str, Any]) -> None:
    _error(client.get("/api/stories", params=params), 422, "ValidationError")


def test_story_by_prefix(client: TestClient, seeds_story: str) -> None:
    response = client.get(f"/api/stories/{seeds_story[:8].upper()}")
    assert response.status_code == 200
    story = response.json()
    assert story["id"] == seeds_story
    assert story["requested_id"] == seeds_story[:8].upper()
    assert response.headers["content-location"] == f"/api/stories/{seeds_story}"
    assert "97,4 milliards" in story["title"]
    assert story["articles"] == 3
    assert story["independent_outlets"] == 2  # Clubic and the English article; seed 000 gives no outlet
    assert set(story["languages"]) == {"fr", "en"}
    assert "Clubic" in story["outlet_names"]
    assert story["summary"]
    assert {"Elon Musk", "OpenAI"} <= {e["name"] for e in story["entities"]}
    timeline = story["timeline"]
    assert len(timeline) == 3
    dates = [t["published"] for t in timeline]
    dated = [d for d in dates if d is not None]
    assert dates == sorted(dated) + [None] * (len(dates) - len(dated))  # oldest first, undated last
    assert all(t["copy_of"] is None for t in timeline)
    assert story["crosscheck"] == f"/api/stories/{seeds_story}/crosscheck"


def test_seeds_crosscheck(client: TestClient, seeds_story: str) -> None:
    """The bid is corroborated by all three; Bret Taylor's quote is told by one source only."""
    report = client.get(f"/api/stories/{seeds_story[:10]}/crosscheck", params={"wait": "true"}).json()
    assert report["story_id"] == seeds_story
    assert len(report["articles"]) == 3
    verdicts = report["verdicts"]
    bid = [
        v
        for v in verdicts
        if v["kind"] == "figure" and any((s.get("figure") or {}).get("value") == 97.4e9 for s in v["statements"])
    ]
    assert bid
    assert bid[0]["verdict"] == "corroborated"
    assert len(bid[0]["sources"]) == 3
    assert bid[0]["statements"][0]["figure"]["unit"] == "USD"
    taylor = [v for v in verdicts if v["kind"] == "quote" and v["subject"] == "Bret Taylor"]
    assert taylor
    assert taylor[0]["verdict"] == "single-source"
    assert "pas à vendre" in taylor[0]["statements"][0]["text"]
    # offsets point into the article's text
    statement = bid[0]["statements"][0]
    article = client.get(f"/api/articles/{statement['article_id']}").json()
    assert article["text"][statement["start"] : statement["end"]] == statement["text"]


def test_crosscheck_verdict_filter(client: TestClient, seeds_story: str) -> None:
    everything = client.get(f"/api/stories/{seeds_story}/crosscheck", params={"wait": "true"}).json()
    single = client.get(f"/api/stories/{seeds_story}/crosscheck", params={"verdict": "single-source", "wait": 1}).json()
    assert single["verdicts"]
    assert {v["verdict"] for v in single["verdicts"]} == {"single-source"}
    assert len(single["verdicts"]) == everything["counts"]["single-source"]
    assert single["counts"] == everything["counts"]
    _error(client.get(f"/api/stories/{seeds_story}/crosscheck", params={"verdict": "true"}), 422)


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories/0000000000000000",
        "/api/stories/3a6",
        "/api/stories/0000000000000000/crosscheck",
        "/api/articles/ffffffffffffffff",
        "/api/articles/%22%3B%20DROP%20TABLE%20articles",
        "/api/entities/nobody%20at%20all",
        "/api/entities/%2A%2A%2A",
        "/api/nowhere",
    ],
)
def test_not_found_shape(client: TestClient, path: str) -> None:
    error = _error(client.get(path), 404)
    assert "faces.db" not in error["message"]  # the server's database path is not told


# -- articles, search, outlets ------------------------------------------------------------------------------


def test_articles_filters_and_total(client: TestClient) -> None:
    french = client.get("/api/articles", params={"language": "fr", "limit": 100}).json()
    assert french["total"] == len(french["items"]) > 0
    assert all(a["language"] == "fr" for a in french["items"])
    clubic = client.get("/api/articles", params={"outlet": "CLUBIC"}).json()
    assert clubic["total"] >= 1
    assert {a["outlet"] for a in clubic["items"]} == {"Clubic"}
    page = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert len(page["items"]) == 5
    assert page["next"] == "/api/articles?limit=5&offset=10"
    dated = client.get("/api/articles", params={"since": "2025-01-01", "until": "2025-12-31", "limit": 100}).json()
    assert dated["items"]
    assert all(a["published"] >= "2025" for a in dated["items"])


def test_article_detail_with_enrichment(client: TestClient, seeds_story: str) -> None:
    story = client.get(f"/api/stories/{seeds_story}").json()
    clubic = next(t for t in story["timeline"] if t["outlet"] == "Clubic")
    article = client.get(f"/api/articles/{clubic['id'][:7]}").json()
    assert article["id"] == clubic["id"]
    assert article["story_id"] == seeds_story
    assert article["copy_of"] is None
    assert article["text"].startswith(article["title"])
    assert "provenance" not in article  # the server's file paths are not told
    assert article["source_kind"] == "text"
    enrichment = article["enrichment"]
    assert enrichment["level"] == "full"
    assert "elon musk" in {e["key"] for e in enrichment["entities"]}
    assert any(f["kind"] == "money" and f["value"] == 97.4e9 for f in enrichment["figures"])
    assert enrichment["quotes"]
    assert enrichment["keywords"]
    for mention in enrichment["mentions"]:
        assert article["text"][mention["start"] : mention["end"]] == mention["text"]


def test_search_ignores_accents_and_gives_snippets(client: TestClient) -> None:
    plain = client.get("/api/search", params={"q": "societe"}).json()
    accented = client.get("/api/search", params={"q": "SOCIÉTÉ"}).json()
    assert plain["items"]
    assert [h["id"] for h in plain["items"]] == [h["id"] for h in accented["items"]]
    hit = plain["items"][0]
    assert hit["score"] > 0
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end].casefold() in {"société", "societe", "sociétés"}
    phrase = client.get("/api/search", params={"q": '"pas à vendre"'}).json()
    assert phrase["items"]
    assert all("vendre" in h["snippet"] for h in phrase["items"])


def test_search_pages(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "the", "limit": 3}).json()
    assert len(first["items"]) == 3
    assert first["next"] is not None
    second = client.get(first["next"]).json()
    assert not {h["id"] for h in first["items"]} & {h["id"] for h in second["items"]}
    _error(client.get("/api/search", params={"q": "the", "offset": 100_000}), 422)
    _error(client.get("/api/search"), 422)


HOSTILE = [
    '"',
    '""',
    '"unbalanced phrase',
    "NEAR(",
    "NEAR(a b, 2)",
    "musk NEAR/3 openai",
    "*",
    "**",
    "a*b*",
    "-",
    "-musk",
    "musk -openai",
    "(",
    "((musk)",
    ")",
    "title:musk",
    "{title body}: musk",
    "musk OR openai AND NOT x",
    "^musk",
    "'; DROP TABLE articles; --",
    "\x00",
    "\u202e\u200b",
    "😀 🙃",
    "société" * 70,
    " ".join(["mot"] * 65),
    "x" * 501,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_is_200_or_400(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in {200, 400}, response.text
    if response.status_code == 400:
        _error(response, 400, "QueryError")
    else:
        assert isinstance(response.json()["items"], list)


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%00", "%22%22%22", "q%25%26%3D"])
def test_search_with_bytes_that_are_not_utf8(client: TestClient, raw: str) -> None:
    response = client.get(f"/api/search?q={raw}")
    assert response.status_code in {200, 400}, response.text


def test_outlets_count_articles_and_copies(client: TestClient) -> None:
    outlets = client.get("/api/outlets").json()["items"]
    names = [o["name"] for o in outlets]
    assert "Clubic" in names
    assert [o["articles"] for o in outlets] == sorted((o["articles"] for o in outlets), reverse=True)
    for outlet in outlets:
        assert 0 <= outlet["copies"] <= outlet["articles"]
        assert outlet["copy_share"] == pytest.approx(outlet["copies"] / outlet["articles"], abs=1e-4)


# -- entities and quotes ---------------------------------------------------------------------------------


def test_entities_list_and_filters(client: TestClient) -> None:
    people = client.get("/api/entities", params={"label": "PER", "limit": 100}).json()["items"]
    assert people
    assert {e["label"] for e in people} == {"PER"}
    assert [e["articles"] for e in people] == sorted((e["articles"] for e in people), reverse=True)
    musk = client.get("/api/entities", params={"name": "MUSK"}).json()["items"]
    assert "elon musk" in {e["key"] for e in musk}
    _error(client.get("/api/entities", params={"label": "THING"}), 422)


def test_entity_page_has_its_stories_and_quotes(client: TestClient, seeds_story: str) -> None:
    by_name = client.get("/api/entities/%C3%89lon%20MUSK").json()  # a name is folded like a key
    entity = client.get("/api/entities/elon%20musk").json()
    assert by_name == entity
    assert entity["canonical"] == "Elon Musk"
    assert entity["label"] == "PER"
    assert seeds_story in [s["id"] for s in entity["stories"]]
    assert entity["quotes_given"]
    assert {q["speaker_key"] for q in entity["quotes_given"]} == {"elon musk"}


def test_quotes_by_speaker(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "bret taylor"}).json()["items"]
    assert quotes
    assert all(q["speaker"] == "Bret Taylor" for q in quotes)
    assert any("OpenAI n'est pas à vendre" in q["text"] for q in quotes)
    article = quotes[0]["article_id"]
    of_article = client.get("/api/quotes", params={"article": article[:8], "limit": 100}).json()["items"]
    assert {q["article_id"] for q in of_article} == {article}
    _error(client.get("/api/quotes", params={"article": "ffffffffffffffff"}), 404)


# -- caching and headers ---------------------------------------------------------------------------------


def test_etag_and_304(client: TestClient, seeds_story: str) -> None:
    path = f"/api/stories/{seeds_story}"
    first = client.get(path)
    tag = first.headers["etag"]
    assert tag.startswith('"')
    assert "max-age" in first.headers["cache-control"]
    again = client.get(path)
    assert again.headers["etag"] == tag  # the same body, the same tag
    cached = client.get(path, headers={"If-None-Match": tag})
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == tag
    assert client.get(path, headers={"If-None-Match": f'"other", W/{tag}'}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    other = client.get(f"/api/stories/{seeds_story}/crosscheck", params={"wait": "true"})
    assert other.headers["etag"] != tag
    assert client.get("/api/health").headers["cache-control"] == "no-cache"
    assert "etag" not in client.get("/api/stories/0000000000000000").headers


def test_security_headers_on_api(client: TestClient) -> None:
    response = client.get("/api/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles"])
def test_the_last_day_is_no_bound(client: TestClient, path: str) -> None:
    everything = client.get(path, params={"limit": 100}).json()["items"]
    until_the_end = client.get(path, params={"limit": 100, "until": "9999-12-31", "since": "0001-01-01"})
    assert until_the_end.status_code == 200
    dated = [item for item in everything if (item.get("published") or item.get("first_seen"))]
    assert len(until_the_end.json()["items"]) == len(dated)


def test_a_bug_still_answers_in_the_error_shape(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient as Client  # conftest imported it already (no warning now)

    def broken() -> list[tuple[str, int, int]]:
        message = "a bug"
        raise RuntimeError(message)

    monkeypatch.setattr(client.app.state.faces.store, "outlet_stats", broken)  # type: ignore[attr-defined]
    error = _error(Client(client.app, raise_server_exceptions=False).get("/api/outlets"), 500, "InternalError")
    assert "a bug" not in error["message"]
