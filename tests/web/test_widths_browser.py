"""Every page at phone (390 px) and desktop (1280 px) width in Chromium: nothing scrolls sideways, the count and
download lines and the correction section are visible; full-page screenshots are kept under pytest's tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from recoupe.config import Settings
from recoupe.store import open_store

from .conftest import watch

if TYPE_CHECKING:
    from playwright.sync_api import Browser

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def test_pages_fit_both_widths(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    web_settings: Settings,
    seeds_story: str,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    with open_store(web_settings.db) as store:
        clubic = store.articles(outlet="Clubic", limit=1)[0].id
    #: page name, path, a selector that must be visible on it
    pages = [
        ("stories", "/stories", "p.showing"),
        ("stories-filtered", "/stories?min_outlets=2&order=biggest", "p.download"),
        ("search", "/search?q=Musk", "p.download"),
        ("entities", "/entities?label=PER", "p.download"),
        ("outlets", "/outlets", "p.download"),
        ("outlet", "/outlets/Clubic", "p.download"),
        ("alerts", "/alerts", "a[type='application/json']"),
        ("story", f"/stories/{seeds_story}", "#timeline p.download"),
        ("article", f"/articles/{clubic}", "#correct p.read-only"),
    ]
    with live_server(web_settings) as base:
        for width, viewport in WIDTHS.items():
            page = browser.new_page(viewport=viewport)
            dialogs, console = watch(page)
            for name, path, selector in pages:
                page.goto(base + path)
                target = page.locator(selector).first
                target.scroll_into_view_if_needed()
                expect(target).to_be_visible()
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, (width, name, overflow)
                page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)
            page.close()
            assert dialogs == []
            assert [m for m in console if m.startswith(("error", "pageerror"))] == []
