"""The pages over the shared test database: each renders, errors are pages with their status, nothing inline."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from recoupe.faces import CSP
from recoupe.web.matrix import MAX_ROWS
from recoupe.web.pages import PAGE_SIZE, SEARCH_LIMIT


def _doc(client: TestClient, url: str, status: int = 200) -> lxml_html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    return lxml_html.fromstring(response.text)


def _no_inline_code(doc: lxml_html.HtmlElement) -> None:
    """No script at all, no style element or attribute, no event handler: the CSP would block them anyway."""
    assert doc.xpath("//script") == []
    assert doc.xpath("//style") == []
    assert doc.xpath("//*[@style]") == []
    handlers = [
        f"{el.tag} {name}"
        for el in doc.iter()
        if isinstance(el.tag, str)
        for name in el.attrib
        if name.startswith("on")
    ]
    assert handlers == []


def _pages(story: str) -> list[str]:
    return [
        "/",
        "/stories",
        "/stories?order=biggest&min_outlets=2",
        "/stories?order=oldest&language=fr&page=2",
        "/stories?entity=Elon+Musk",
        f"/stories/{story}",
        f"/stories/{story}?verdict=corroborated&kind=figure",
        "/entities",
        "/entities?label=PER&name=musk",
        "/entities/elon%20musk",
        "/search?q=Bret+Taylor",
        "/search",
        "/outlets",
        "/outlets/Clubic",
    ]


def test_every_page_renders_with_the_csp_and_no_inline_code(client: TestClient, seeds_story: str) -> None:
    for url in _pages(seeds_story):
        doc = _doc(client, url)
        _no_inline_code(doc)
        assert doc.xpath("//main[@id='main']"), url
        assert doc.xpath("//link[@rel='stylesheet']/@href") == ["/static/recoupe.css"]
        # the header search form is labelled
        assert doc.xpath("//label[@for='site-q']")
        assert doc.xpath("//input[@id='site-q']")


def test_static_files_are_served(client: TestClient) -> None:
    css = client.get("/static/recoupe.css")
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert ":focus-visible" in css.text  # keyboard focus is visible


@pytest.mark.parametrize(
    "url",
    [
        "/stories/ffffffffffffffff",
        "/articles/0123456789abcdef",
        "/entities/nobody%20at%20all",
        "/outlets/No+Such+Outlet",
        "/nowhere",
    ],
)
def test_unknown_ids_give_a_404_page(client: TestClient, url: str) -> None:
    doc = _doc(client, url, status=404)
    assert "404" in doc.findtext(".//h1")
    _no_inline_code(doc)


def test_a_story_prefix_leads_to_the_story(client: TestClient, seeds_story: str) -> None:
    response = client.get(f"/stories/{seeds_story[:8]}", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == f"/stories/{seeds_story}"


def test_the_seeds_matrix_shows_the_corroborated_bid_and_the_single_source_quote(
    client: TestClient, seeds_story: str
) -> None:
    doc = _doc(client, f"/stories/{seeds_story}")
    sources = doc.xpath("//table[contains(@class,'matrix')]/thead//th/text()")
    assert "Clubic" in sources
    bid = doc.xpath("//tr[@data-verdict='corroborated'][@data-kind='figure']")
    assert any("97,4 milliards" in row.text_content() and "Corroborated" in row.text_content() for row in bid)
    quotes = doc.xpath("//tr[@data-verdict='single-source'][@data-kind='quote']")
    taylor = [row for row in quotes if "Bret Taylor" in row.text_content()]
    assert taylor, "Bret Taylor's quote is single-source"
    assert "pas à vendre" in taylor[0].text_content()
    # the verdict is said in words, not only in colour
    assert "Single source" in taylor[0].xpath(".//th")[0].text_content()
    # the other sections of the story page
    # a dot per article with a time, a band per article dated to the day or month only
    assert doc.xpath(
        "//svg[contains(@class,'timeline')]//circle | //svg[contains(@class,'timeline')]//rect[contains(@class,'day')]"
    )
    assert "Bret Taylor" in doc.xpath("string(//section[@id='quotes'])")
    assert "97,4" in doc.xpath("string(//section[@id='figures'])")
    assert doc.xpath("//section[@id='entities']//a[starts-with(@href,'/entities/')]")


def test_a_passage_link_lands_on_the_cited_span(client: TestClient, seeds_story: str) -> None:
    doc = _doc(client, f"/stories/{seeds_story}?verdict=single-source&kind=quote")
    row = next(r for r in doc.xpath("//tr[@data-kind='quote']") if "Bret Taylor" in r.text_content())
    href = row.xpath(".//a[contains(@class,'passage')]/@href")[0]
    parts = urlsplit(href)
    anchor = parts.fragment
    assert re.fullmatch(r"s-\d+-\d+", anchor)
    article = _doc(client, f"{parts.path}?{parts.query}")
    cited = article.xpath(f"//*[@id='{anchor}']")
    assert len(cited) == 1
    marked = "".join(
        el.text_content()
        for el in article.xpath(
            "//section[contains(@class,'article-text')]//*[contains(concat(' ', @class, ' '), ' cited ')]"
        )
    )
    assert marked.startswith("OpenAI n'est pas à vendre")


def test_the_article_page_highlights_and_links_to_the_original(client: TestClient, seeds_story: str) -> None:
    story = _doc(client, f"/stories/{seeds_story}")
    first = next(href for href in story.xpath("//table[contains(@class,'articles')]//a/@href"))
    doc = _doc(client, first)
    assert doc.xpath("//span[contains(@class,'ent')]/a[starts-with(@href,'/entities/')]")
    assert doc.xpath("//span[contains(@class,'fig')]")
    assert doc.xpath("//span[contains(@class,'quote')]")
    english = _doc(client, next(h for h in story.xpath("//table[contains(@class,'articles')]//a/@href") if h != first))
    originals = [
        *doc.xpath("//a[contains(@class,'original')]/@href"),
        *english.xpath("//a[contains(@class,'original')]/@href"),
    ]
    assert originals == ["https://example.org/crosslingual/en/2025-02-14/openai-rejects-musk-97-billion-bid"]
    for href in doc.xpath("//a/@href"):
        assert href.startswith(("/", "#", "?", "https://", "http://")), href


def test_hostile_highlight_parameters_are_ignored(client: TestClient, seeds_story: str) -> None:
    story = _doc(client, f"/stories/{seeds_story}")
    article = story.xpath("//table[contains(@class,'articles')]//a/@href")[0]
    doc = _doc(client, f"{article}?hl=abc&hl=9-2&hl=0-99999999&hl=%3Cscript%3E")
    assert doc.xpath("//*[contains(concat(' ', @class, ' '), ' cited ')]") == []


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "OR AND NOT (",
        "*",
        "'; DROP TABLE articles; --",
        "NEAR(a b",
        "title:x",
        "^",
        "\x00\x01",
        "é" * 300,
    ],
)
def test_search_input_cannot_break_the_query(client: TestClient, query: str) -> None:
    response = client.get("/search", params={"q": query})
    assert response.status_code in {200, 400}, response.text[:300]
    assert "text/html" in response.headers["content-type"]
    assert client.get("/search", params={"q": "Bret Taylor"}).status_code == 200  # the store still works


def test_search_finds_the_seeds_and_links_to_stories(client: TestClient) -> None:
    doc = _doc(client, "/search?q=Bret+Taylor")
    results = doc.xpath("//ol[@class='results']/li")
    assert 1 <= len(results) <= SEARCH_LIMIT
    assert doc.xpath("//ol[@class='results']//span[contains(@class,'hit')]")
    assert doc.xpath("//ol[@class='results']//a[starts-with(@href,'/stories/')]")
    assert doc.xpath("//input[@id='s-q']/@value") == ["Bret Taylor"]


def test_lists_are_bounded(client: TestClient) -> None:
    assert len(_doc(client, "/stories").xpath("//ol[@class='stories']/li")) <= PAGE_SIZE
    assert client.get("/stories?page=100000").status_code == 422
    assert client.get("/stories?min_outlets=0").status_code == 422
    assert client.get("/search", params={"q": "x" * 5000}).status_code == 422
    doc = _doc(client, "/stories?page=2")
    assert doc.xpath("//a[@rel='prev']/@href") == ["/stories?order=latest"]
    assert MAX_ROWS <= 200


def test_entity_page_lists_its_stories_and_quotes(client: TestClient) -> None:
    doc = _doc(client, "/entities/elon%20musk")
    assert doc.findtext(".//h1") == "Elon Musk"
    # one story names him here (the seeds'): a list, not one giant bar (a chart needs two periods to compare)
    assert doc.xpath("//svg[contains(@class,'histogram')]") == []
    assert doc.xpath("//ol[@class='stories']/li")
    assert doc.xpath("//ul[@class='quotes']/li")


def test_outlets_page_counts_articles_and_wire_copies(client: TestClient) -> None:
    doc = _doc(client, "/outlets")
    rows = doc.xpath("//table[contains(@class,'outlets')]/tbody/tr")
    names = [row.xpath("string(td[1])").strip() for row in rows]
    assert "Clubic" in names
    assert all(row.xpath("string(td[5])").strip().endswith("%") for row in rows)  # wire copies: n · share


def test_api_reference_page_lists_every_operation(client: TestClient) -> None:
    """``/api/docs`` works under the CSP (no CDN, no script) and lists each operation of the spec."""
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "<script" not in page.text.lower()
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        for method in item:
            assert f"{method.upper()} {path}" in page.text, (method, path)
    assert "min_outlets" in page.text  # parameters are listed
