"""The charts in headless Chromium at 390 px and 1280 px: the layout for the width is the one shown, its
labels are drawn at a legible size and inside the screen, day-only articles are bands, a one-story entity is
a list; screenshots of both widths are taken (kept under pytest's tmp_path)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.store.corpus import CLUBIC_BODY, MUSK_BODY, SUMMIT_BODY, article

from recoupe.config import Settings, load_settings
from recoupe.model import DatePrecision, Enrichment, EnrichmentLevel, EntityRef, PublishedDate, StoryRow
from recoupe.store import open_store

from .conftest import watch

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

NOW = datetime(2025, 2, 11, 12, 0, tzinfo=UTC)
LONG = "Le Parisien – Aujourd'hui en France"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SMALLEST_TEXT = 10.0  # px: rendered height of the smallest chart label we accept


@pytest.fixture(scope="module")
def chart_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    db = tmp_path_factory.mktemp("charts") / "charts.db"
    with open_store(str(db)) as store:
        timed = PublishedDate(datetime(2018, 11, 17, 14, 5), DatePrecision.MINUTE)  # noqa: DTZ001 - as the source said
        later = PublishedDate(datetime(2018, 11, 18, 9, 30), DatePrecision.MINUTE)  # noqa: DTZ001
        day_only = PublishedDate(datetime(2018, 11, 17), DatePrecision.DAY)  # noqa: DTZ001
        added = store.add(
            [
                article("Gilets jaunes : premier samedi", MUSK_BODY, outlet=LONG, published=timed),
                article(
                    "Les gilets jaunes bloquent les routes", CLUBIC_BODY, outlet="Ouest-France", published=day_only
                ),
                article("Mobilisation : le bilan du samedi", SUMMIT_BODY, outlet="Libération", published=later),
            ]
        )
        ids = [article_id for article_id, _ in added]
        solo = EntityRef("priscillia ludosky", "Priscillia Ludosky", "PER", (), (), 1)
        store.save_enrichments([Enrichment(ids[0], "fr", EnrichmentLevel.FULL, entities=(solo,))], version=1)
        row = StoryRow(
            "c0ffee0000000001", "Gilets jaunes : premier samedi", ids[0], 3, 3, 1, ("fr",), None, None, NOW, NOW
        )
        with store.story_tx(write=True) as tx:
            tx.write_stories(dict.fromkeys(ids, row.id), [row], {}, NOW)
    return load_settings({"db": str(db)}, env={}, config_file=None)


def _visible_chart(page: Page, kind: str) -> str:
    shown = [layout for layout in ("wide", "narrow") if page.locator(f"svg.{kind}.chart-{layout}").first.is_visible()]
    assert len(shown) == 1, shown
    return shown[0]


def _text_boxes(page: Page, selector: str) -> list[dict[str, float]]:
    boxes: list[dict[str, float]] = page.eval_on_selector_all(
        selector,
        "els => els.map(e => { const r = e.getBoundingClientRect(); "
        "return {left: r.left, right: r.right, height: r.height, text: e.textContent}; })",
    )
    return boxes


def test_story_timeline_at_phone_and_desktop_widths(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    chart_settings: Settings,
    tmp_path: Path,
) -> None:
    with live_server(chart_settings) as base:
        for name, viewport, layout in (("phone", PHONE, "narrow"), ("desktop", DESKTOP, "wide")):
            page = browser.new_page(viewport=viewport)
            dialogs, console = watch(page)
            page.goto(f"{base}/stories/c0ffee0000000001")
            assert _visible_chart(page, "timeline") == layout
            svg = f"svg.timeline.chart-{layout}"
            labels = _text_boxes(page, f"{svg} text")
            assert labels
            assert min(box["height"] for box in labels) >= SMALLEST_TEXT, labels
            assert all(box["left"] >= 0 and box["right"] <= viewport["width"] for box in labels), labels
            texts = [box["text"] for box in labels]
            if layout == "narrow":
                assert LONG in texts  # the whole name, above its lane
            assert not any("T" in t and ":" in t for t in texts)  # no ISO timestamps
            assert page.locator(f"{svg} rect.day").count() == 1  # Ouest-France: the 17th, a day
            assert page.locator(f"{svg} circle.dot").count() == 2
            day_title = page.locator(f"{svg} rect.day title").text_content() or ""
            assert day_title.endswith("17 nov. 2018")
            page.screenshot(path=str(tmp_path / f"story-{name}.png"), full_page=True)
            page.locator(svg).screenshot(path=str(tmp_path / f"timeline-{name}.png"))
            assert (tmp_path / f"story-{name}.png").stat().st_size > 0
            assert dialogs == []
            assert console == []
            page.close()


def test_a_one_story_entity_is_a_list_not_a_bar(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    chart_settings: Settings,
    tmp_path: Path,
) -> None:
    with live_server(chart_settings) as base:
        for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            page = browser.new_page(viewport=viewport)
            page.goto(f"{base}/entities/priscillia ludosky")
            assert page.locator("svg.histogram").count() == 0
            assert page.locator("ol.stories li").count() == 1
            page.screenshot(path=str(tmp_path / f"entity-{name}.png"), full_page=True)
            page.close()
