"""Quality floors for HTML extraction, on the 60 OrangeSum pages in tests/fixtures/orangesum (gold JSON).

Measured when pinned (2026-11-22, trafilatura 2.3.1, htmldate 1.11.0): title 100 %, date 100 %,
lead 90.6 % (of 53 pages with a gold lead; the misses are gold quirks: leads spanning two paragraphs),
body token F1 0.970. The full 200-page set is scored by bench/extract.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.evaluate.extraction import GoldScores, load_gold
from recoupe.extract.html import extract_html
from recoupe.model import Provenance, Record

ORANGESUM = Path(__file__).resolve().parent / "fixtures" / "orangesum"

TITLE_FLOOR = 0.95
DATE_FLOOR = 0.95
LEAD_FLOOR = 0.85
BODY_F1_FLOOR = 0.955


@pytest.fixture(scope="module")
def scores() -> GoldScores:
    settings = Settings(db=":memory:")
    result = GoldScores()
    pages = sorted((ORANGESUM / "raw").glob("*.html"))
    assert len(pages) >= 50, "the OrangeSum fixture slice is missing"
    for path in pages:
        record = Record(kind="html", provenance=Provenance(source=str(path), kind="html"), data=path.read_bytes())
        try:
            article = extract_html(record, settings)
        except ExtractionError:
            article = None
        result.add(path.stem, article, load_gold(ORANGESUM / "parsed" / f"{path.stem}.json"))
    return result


@pytest.mark.slow
def test_no_page_is_refused(scores: GoldScores) -> None:
    assert scores.failed == []


@pytest.mark.slow
def test_title_floor(scores: GoldScores) -> None:
    assert scores.rate("title") >= TITLE_FLOOR, scores.misses.get("title")


@pytest.mark.slow
def test_date_floor(scores: GoldScores) -> None:
    assert scores.rate("date") >= DATE_FLOOR, scores.misses.get("date")


@pytest.mark.slow
def test_lead_floor(scores: GoldScores) -> None:
    assert scores.rate("lead") >= LEAD_FLOOR, scores.misses.get("lead")


@pytest.mark.slow
def test_body_f1_floor(scores: GoldScores) -> None:
    assert scores.rate("f1") >= BODY_F1_FLOOR
