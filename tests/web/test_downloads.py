"""What every list page offers besides itself: how many match ("showing 1–20 of N") and the same list from the
API, as CSV and JSON (the page's filters and page), with the ``recoupe export`` command for all of it."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from fastapi.testclient import TestClient
from lxml import html as lxml_html

from recoupe.config import Settings
from recoupe.store import open_store


def _page(client: TestClient, url: str) -> lxml_html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return lxml_html.fromstring(response.text)


def _downloads(doc: lxml_html.HtmlElement) -> tuple[str, str]:
    """The page's CSV and JSON links (the first download line)."""
    line = doc.xpath("//p[contains(@class, 'download')]")[0]
    csv_href = line.xpath(".//a[text()='CSV']/@href")[0]
    json_href = line.xpath(".//a[text()='JSON']/@href")[0]
    return str(csv_href), str(json_href)


def _csv_rows(client: TestClient, href: str) -> list[dict[str, str]]:
    response = client.get(href)
    assert response.status_code == 200, (href, response.text[:300])
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def _ids(doc: lxml_html.HtmlElement, xpath: str, prefix: str) -> list[str]:
    return [str(href).removeprefix(prefix) for href in doc.xpath(xpath)]


def test_the_stories_page_counts_what_matches_and_downloads_its_page(
    client: TestClient, web_settings: Settings
) -> None:
    with open_store(web_settings.db) as store:
        every = store.stories(limit=100_000)
        multi = store.stories(min_outlets=2, limit=100_000)
    assert len(every) > 20 > len(multi) > 1
    doc = _page(client, "/stories")
    assert doc.xpath("string(//p[contains(@class, 'showing')])") == f"Showing 1–20 of {len(every)} stories."
    second = _page(client, "/stories?page=2")
    shown = min(40, len(every))
    assert second.xpath("string(//p[contains(@class, 'showing')])") == f"Showing 21–{shown} of {len(every)} stories."
    filtered = _page(client, "/stories?min_outlets=2&order=biggest")
    assert (
        filtered.xpath("string(//p[contains(@class, 'showing')])") == f"Showing 1–{len(multi)} of {len(multi)} stories."
    )

    for doc_ in (second, filtered):
        listed = _ids(doc_, "//ol[@class='stories']//a[@class='story-title']/@href", "/stories/")
        csv_href, json_href = _downloads(doc_)
        assert [row["id"] for row in _csv_rows(client, csv_href)] == listed
        assert [item["id"] for item in client.get(json_href).json()["items"]] == listed
    assert "recoupe export stories" in filtered.xpath("string(//p[contains(@class, 'download')])")


def test_search_entities_and_outlets_download_what_they_list(client: TestClient) -> None:
    search = _page(client, "/search?q=Musk")
    hits = _ids(search, "//ol[@class='results']//a[@class='result-title']/@href", "/articles/")
    assert hits
    csv_href, _ = _downloads(search)
    assert [row["id"] for row in _csv_rows(client, csv_href)] == hits

    entities = _page(client, "/entities?label=PER")
    names = [str(n) for n in entities.xpath("//table[@class='entities']//td[1]/a/text()")]
    assert len(names) > 5
    csv_href, json_href = _downloads(entities)
    rows = _csv_rows(client, csv_href)
    assert [row["canonical"] for row in rows] == names
    assert {row["label"] for row in rows} == {"PER"}
    assert [item["canonical"] for item in client.get(json_href).json()["items"]] == names

    outlets = _page(client, "/outlets")
    listed = sorted(str(n) for n in outlets.xpath("//table[@class='outlets']//tbody//td[1]/a/text()"))
    assert len(listed) > 3
    csv_href, _ = _downloads(outlets)
    assert sorted(row["name"] for row in _csv_rows(client, csv_href)) == listed

    clubic = _page(client, "/outlets/Clubic")
    articles = _ids(clubic, "//ol[@class='results']//a[@class='result-title']/@href", "/articles/")
    csv_href, _ = _downloads(clubic)
    assert [row["id"] for row in _csv_rows(client, csv_href)] == articles
    assert 'recoupe export articles --outlet "Clubic"' in clubic.xpath("string(//p[contains(@class, 'download')])")
    profile = clubic.xpath("//a[text()='JSON' and contains(@href, '/api/outlets/')]/@href")[0]
    assert client.get(str(profile)).json()["name"] == "Clubic"


def test_the_story_and_alerts_pages_link_to_their_json(client: TestClient, seeds_story: str) -> None:
    story = _page(client, f"/stories/{seeds_story}")
    href = story.xpath("//a[text()='JSON' and starts-with(@href, '/api/stories/')]/@href")
    assert client.get(str(href[0])).json()["id"] == seeds_story
    assert f"recoupe export articles --story {seeds_story}" in story.text_content()
    alerts = _page(client, "/alerts")
    href = alerts.xpath("//a[@type='application/json']/@href")[0]
    assert client.get(str(href)).json() == {"items": []}
    assert client.get(f"/alerts?watchlist={quote('no such list')}").status_code == 200
