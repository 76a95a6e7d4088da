"""The issue's scenario in headless Chromium: the seeds' story, its matrix, search, a passage link, screenshots."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from recoupe.config import Settings

from .conftest import watch

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PHONE = {"width": 390, "height": 844}


def test_story_matrix_search_and_passage(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    web_settings: Settings,
    seeds_story: str,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    with live_server(web_settings) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs, console = watch(page)
        page.goto(f"{base}/stories/{seeds_story}")
        expect(page.locator("h1")).to_contain_text("97,4 milliards")

        bid = page.locator("tr[data-verdict='corroborated'][data-kind='figure']").filter(has_text="97,4 milliards")
        expect(bid.first).to_be_visible()
        expect(bid.first.locator("th")).to_contain_text("Corroborated")
        quote = page.locator("tr[data-verdict='single-source'][data-kind='quote']").filter(has_text="Bret Taylor")
        expect(quote).to_have_count(1)
        expect(quote.locator("th")).to_contain_text("Single source")
        expect(quote).to_contain_text("OpenAI n'est pas à vendre")
        # single-source rows are folded per outlet: a count and a control that shows them, no script needed
        folded = page.locator("details.outlet-single").filter(has=quote)
        expect(folded.locator("summary")).to_contain_text("only this outlet carries")
        expect(quote).to_be_hidden()
        page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
        folded.locator("summary").click()
        expect(quote).to_be_visible()

        # follow the quote's passage link: the article page, scrolled to the cited words
        quote.locator("a.passage").first.click()
        page.wait_for_url("**/articles/**#s-*")
        anchor = page.url.split("#", 1)[1]
        cited = page.locator(f"[id='{anchor}']")
        expect(cited).to_be_in_viewport()
        expect(cited).to_have_class("cited ent quote")
        assert "".join(page.locator(".article-text .cited").all_text_contents()).startswith("OpenAI n'est pas à vendre")
        page.screenshot(path=str(tmp_path / "passage.png"))

        # search from the header, then follow a result
        page.fill("#site-q", "Bret Taylor")
        page.press("#site-q", "Enter")
        page.wait_for_url("**/search?q=Bret+Taylor*")
        results = page.locator("ol.results a.result-title")
        expect(results.first).to_be_visible()
        title = results.first.inner_text()
        results.first.click()
        page.wait_for_url("**/articles/**")
        expect(page.locator("h1")).to_have_text(title)
        page.screenshot(path=str(tmp_path / "search-result.png"))

        # phone width: the story page fits, the matrix stacks, nothing scrolls sideways
        phone = browser.new_page(viewport=PHONE)
        phone_dialogs, phone_console = watch(phone)
        phone.goto(f"{base}/stories/{seeds_story}#crosscheck")
        expect(phone.locator("table.matrix").first).to_be_visible()
        phone.locator("details.outlet-single > summary").first.click()  # an outlet's folded rows, opened
        expect(phone.locator("details.outlet-single table.matrix").first).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.screenshot(path=str(tmp_path / "story-phone.png"))
        phone.close()
        page.close()

    for name in ("story.png", "passage.png", "search-result.png", "story-phone.png"):
        assert (tmp_path / name).stat().st_size > 10_000
    assert dialogs == phone_dialogs == []
    assert [m for m in console + phone_console if m.startswith(("error", "pageerror"))] == []


def test_the_search_box_is_reachable_with_the_keyboard(
    browser: Browser, live_server: Callable[[Settings], AbstractContextManager[str]], web_settings: Settings
) -> None:
    from playwright.sync_api import expect

    with live_server(web_settings) as base:
        page = browser.new_page()
        page.goto(f"{base}/")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement && document.activeElement.id") == "site-q":
                break
        expect(page.locator("#site-q")).to_be_focused()
        # the focus is visible: an outline is drawn around the focused box
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.type("Musk")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search?q=Musk*")
        expect(page.locator("ol.results li").first).to_be_visible()
        # the skip link is the first stop and leads to the content
        page.keyboard.press("Tab")
        expect(page.locator("a.skip")).to_be_focused()
        page.close()
