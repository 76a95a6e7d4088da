"""The XSS corpus (``tests/fixtures/xss``) ingested as articles: every page shows the payloads as text and the
browser executes nothing (no dialog, no console error, no live payload element, no script URL as a link)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from recoupe.config import Settings
from recoupe.store import open_store

from .conftest import settings_for, watch

if TYPE_CHECKING:
    from playwright.sync_api import Browser

#: every element, attribute or link a payload would leave if it were rendered as markup
LIVE_PAYLOADS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)
          && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  const live = 'script, iframe, object, embed, style, img, math, input[autofocus], details[open], '
    + 'body svg:not(.chart):not(.meter)';
  for (const el of document.querySelectorAll(live)) {
    found.push(`element ${el.tagName}`);
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!/^(\\/|#|\\?|https?:\\/\\/)/.test(href)) found.push(`link ${href}`);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def xss_settings(xss_db: Path) -> Settings:
    return settings_for(xss_db)


@pytest.fixture(scope="module")
def xss_pages(xss_settings: Settings) -> list[str]:
    """Every page on which the hostile articles show."""
    with open_store(xss_settings.db) as store:
        hostile = store.search("Doucet pistes cyclables", limit=10)
        ids = [hit.article.id for hit in hostile]
        story = store.story_of(ids[0])
        outlets = [hit.article.outlet for hit in hostile if hit.article.outlet]
    assert len(ids) == 3
    assert story is not None
    pages = [
        "/",
        "/stories",
        f"/stories/{story}",
        f"/stories/{story}?verdict=single-source",
        "/search?q=Doucet",
        "/search?q=" + quote("<script>alert(1)</script>"),
        "/search?q=" + quote('"><svg onload=alert(1)>'),
        "/entities/gregory%20doucet",
        "/entities?name=doucet",
        "/outlets",
    ]
    pages += [f"/articles/{article_id}" for article_id in ids]
    pages += [f"/articles/{article_id}?hl=0-40#s-0-40" for article_id in ids]
    pages += ["/outlets/" + quote(outlet, safe="") for outlet in outlets]
    return pages


def test_hostile_text_is_escaped_in_the_html(xss_settings: Settings, xss_pages: list[str]) -> None:
    from fastapi.testclient import TestClient

    from recoupe.app import create_app

    with TestClient(create_app(xss_settings)) as client:
        for url in xss_pages:
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:300])
            body = response.text
            assert "<script" not in body.lower(), url
            assert "<img" not in body.lower(), url
            assert 'href="javascript:' not in body.lower(), url
            assert 'href="data:' not in body.lower(), url
        story = client.get(xss_pages[2]).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story  # shown as text
        articles = [client.get(url).text for url in xss_pages if url.startswith("/articles/") and "?" not in url]
        assert any("{{7*7}}" in text for text in articles)  # template syntax in data stays data
        # the javascript: and data: addresses (and an https one full of markup) are never links to originals
        assert not any("Read the original" in text for text in articles)
        assert any("javascript:alert(1)" in text for text in articles)  # shown as text


def test_the_browser_executes_nothing(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    xss_settings: Settings,
    xss_pages: list[str],
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    with live_server(xss_settings) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs, console = watch(page)
        for url in xss_pages:
            page.goto(base + url)
            page.wait_for_load_state("load")
            expect(page.locator("main")).to_be_visible()
            page.keyboard.press("Tab")  # focus handlers would fire now
            assert page.evaluate(LIVE_PAYLOADS) == [], url
            assert dialogs == [], url
            assert console == [], url
        page.goto(base + xss_pages[2])
        expect(page.locator("h1")).to_contain_text("<script>alert(1)</script>")
        page.screenshot(path=str(tmp_path / "xss-story.png"), full_page=True)
        originals = page.locator("a.original")
        for url in (u for u in xss_pages if u.startswith("/articles/") and "?" not in u):
            page.goto(base + url)
            hrefs = originals.evaluate_all("links => links.map(a => a.getAttribute('href'))")
            assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
        page.close()
    assert dialogs == []
