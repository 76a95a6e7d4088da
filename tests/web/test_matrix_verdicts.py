"""The story page's matrix on a cross-check built by hand: what a reader sees of every verdict.

Leading rows (conflicting, updated, differs by source, corroborated, differing) in that order with their
label and symbol, the sources statements give, an update's values in time order, and the single-source rows
folded per outlet (a count and a <details> control) until ``?all=1`` or the single-source filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import html as lxml_html

from recoupe.faces import CSP, Faces

from .conftest import handmade_check

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

LEADING = ["conflicting", "updated", "differs-by-source", "corroborated", "differing"]


@pytest.fixture
def handmade(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The web client, every story's cross-check being the hand-built one."""
    monkeypatch.setattr(Faces, "crosscheck", lambda _self, _story_id: handmade_check())
    monkeypatch.setattr(Faces, "stored_crosscheck", lambda _self, _story_id: handmade_check())  # read first
    return client


def _page(client: TestClient, url: str) -> lxml_html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-security-policy"] == CSP
    doc = lxml_html.fromstring(response.text)
    assert doc.xpath("//script | //style | //*[@style]") == []
    return doc


def _words(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _main_rows(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    rows: list[lxml_html.HtmlElement] = doc.xpath(
        "//section[@id='crosscheck']/div/table[contains(@class,'matrix')]/tbody/tr"
    )
    return rows


def test_leading_rows_with_their_labels_and_symbols(handmade: TestClient, seeds_story: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}")
    rows = _main_rows(doc)
    assert [row.get("data-verdict") for row in rows] == LEADING  # no single-source row in the matrix
    labels = [_words(row.xpath(".//span[contains(@class,'verdict')]")[0]) for row in rows]
    assert labels == ["✗ Conflicting", "↻ Updated", "⇄ Differs by source", "✓ Corroborated", "≠ Differing"]
    # the filters list every verdict with its count
    legend = {_words(a) for a in doc.xpath("//ul[@aria-label='Filter by verdict']/li/a")}
    assert {
        "✗ Conflicting 1",
        "↻ Updated 1",
        "⇄ Differs by source 1",
        "✓ Corroborated 1",
        "≠ Differing 1",
        "① Single source 6",
    } <= legend
    assert doc.xpath("//a[contains(@class,'count-updated')]/@href")[0].endswith("?verdict=updated#crosscheck")


def test_differs_by_source_shows_who_says_what(handmade: TestClient, seeds_story: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}")
    (row,) = doc.xpath("//tr[@data-verdict='differs-by-source']")
    relation = _words(row.xpath(".//*[contains(@class,'relation-differs-by-source')]")[0])
    assert relation == (
        "differs by source: la préfecture (Le Monde) says 8 000 manifestants, "
        "les organisateurs (Ouest-France) says 30 000 manifestants"
    )
    cells = {td.get("data-source"): td for td in row.xpath("./td")}
    assert [_words(a) for a in cells["Le Monde"].xpath(".//span[@class='attr']")] == ["selon la préfecture"]
    assert [_words(a) for a in cells["Ouest-France"].xpath(".//span[@class='attr']")] == ["selon les organisateurs"]
    assert cells["Libération"].get("class") == "silent"
    (conflict,) = doc.xpath("//tr[@data-verdict='conflicting']//*[contains(@class,'relation-conflicting')]")
    assert _words(conflict) == "conflict: 120 millions d'euros vs 210 millions d'euros"


def test_an_update_shows_its_values_in_time_order(handmade: TestClient, seeds_story: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}")
    (row,) = doc.xpath("//tr[@data-verdict='updated']")
    steps = [_words(li) for li in row.xpath(".//ol[@class='steps']/li")]
    assert steps == ["3 morts provisional · 2025-03-01 09:00 Le Monde", "5 morts 21:00 · 2025-03-01 21:00 Libération"]
    assert _words(row.xpath(".//*[contains(@class,'relation-updated')]")[0]) == "update: 3 morts vs 5 morts"
    # each cell says when its value was given
    cells = {td.get("data-source"): td for td in row.xpath("./td")}
    assert [_words(w) for w in cells["Le Monde"].xpath(".//span[@class='when']")] == ["provisional · 2025-03-01 09:00"]
    assert [_words(w) for w in cells["Libération"].xpath(".//span[@class='when']")] == ["21:00 · 2025-03-01 21:00"]


def test_single_source_rows_are_folded_per_outlet_most_central_first(handmade: TestClient, seeds_story: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}")
    folds = doc.xpath("//section[@id='crosscheck']//details[contains(@class,'outlet-single')]")
    summaries = [_words(d.xpath("./summary")[0]) for d in folds]
    assert summaries == [
        "Le Monde: 3 statements only this outlet carries — show",
        "Libération: 2 statements only this outlet carries — show",
        "Ouest-France: 1 statement only this outlet carries — show",
    ]
    assert all(d.get("open") is None for d in folds)  # closed until the reader opens one
    le_monde = [_words(tr.xpath("./td")[0]) for tr in folds[0].xpath(".//tbody/tr")]
    assert [text.split(" passage")[0][:20] for text in le_monde] == [
        "Le maire de Rennes a",  # score 0.9
        "Le préfet Philippe G",  # 0.5
        "Le Monde cite un rap",  # 0.2
    ]
    assert all(tr.get("data-verdict") == "single-source" for tr in folds[0].xpath(".//tbody/tr"))
    (show_all,) = doc.xpath("//a[contains(@class,'show-all')]/@href")
    assert show_all == f"/stories/{seeds_story}?all=1#crosscheck"


@pytest.mark.parametrize("query", ["all=1", "verdict=single-source"])
def test_all_shows_the_single_source_rows_in_the_matrix(handmade: TestClient, seeds_story: str, query: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}?{query}")
    assert doc.xpath("//details[contains(@class,'outlet-single')]") == []
    rows = _main_rows(doc)
    single = [row for row in rows if row.get("data-verdict") == "single-source"]
    assert len(single) == 6
    if query == "all=1":
        assert [row.get("data-verdict") for row in rows[:5]] == LEADING
    by_outlet = [
        (next(td.get("data-source") for td in row.xpath("./td") if td.get("class") == "said-cell"), _words(row))
        for row in single
    ]
    assert [outlet for outlet, _ in by_outlet] == ["Le Monde"] * 3 + ["Libération"] * 2 + ["Ouest-France"]
    assert "Clément Beaune" in by_outlet[3][1]  # Libération's most central (0.7) before its 0.4


def test_the_verdict_filter_keeps_one_verdict(handmade: TestClient, seeds_story: str) -> None:
    doc = _page(handmade, f"/stories/{seeds_story}?verdict=updated")
    assert [row.get("data-verdict") for row in _main_rows(doc)] == ["updated"]
    assert doc.xpath("//details[contains(@class,'outlet-single')]") == []
    assert handmade.get(f"/stories/{seeds_story}?verdict=nonsense").status_code == 422
