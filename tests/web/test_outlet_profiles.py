"""Outlet profiles and blind spots on the outlets pages and in the API, on the hand-counted archive of
``tests/store/test_store_profiles.py`` (Le Monde: one exclusive story, one blind spot; s1 cross-checked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html
from tests.store.test_store_profiles import _archive

from recoupe.app import create_app
from recoupe.config import load_settings
from recoupe.store import open_store


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "profiles.db"
    with open_store(str(db)) as store:
        _archive(store)
        settings = load_settings({"db": str(db)}, env={}, config_file=None)
        with TestClient(create_app(settings, store=store)) as test_client:
            yield test_client


def _cells(row: html.HtmlElement) -> list[str]:
    return [" ".join(td.text_content().split()) for td in row.xpath("td")]


def test_outlets_page_shows_each_profile(client: TestClient) -> None:
    doc = html.fromstring(client.get("/outlets").text)
    head = [" ".join(th.text_content().split()) for th in doc.xpath("//table[contains(@class,'outlets')]//th")]
    assert head == [
        "Outlet",
        "Articles",
        "Stories",
        "Only it",
        "Wire copies",
        "Statements",
        "Corroborated",
        "Single source",
        "Conflicting",
    ]
    rows = {cells[0]: cells[1:] for cells in map(_cells, doc.xpath("//table[contains(@class,'outlets')]/tbody/tr"))}
    assert rows["Le Monde"] == ["2", "2", "1", "0 · 0%", "3", "33% (1)", "33% (1)", "33% (1)"]
    assert rows["Clubic"] == ["2", "2", "0", "0 · 0%", "2", "50% (1)", "0% (0)", "50% (1)"]
    assert rows["Libération"] == ["2", "2", "0", "1 · 50%", "0", "—", "—", "—"]


def test_outlet_page_lists_blind_spots_and_exclusives(client: TestClient) -> None:
    doc = html.fromstring(client.get("/outlets/Le Monde").text)
    spots = doc.xpath("//ol[contains(@class,'blind-spots')]/li")
    assert [li.xpath("string(a)") for li in spots] == ["story s3"]
    assert "about Elon Musk" in spots[0].text_content()
    assert spots[0].xpath("a/@href") == ["/stories/s3"]
    assert [li.xpath("string(a)") for li in doc.xpath("//ol[contains(@class,'exclusives')]/li")] == ["story s2"]
    shares = [" ".join(li.text_content().split()[1:]) for li in doc.xpath("//ul[@class='verdict-shares']/li")]
    assert shares == ["Corroborated: 33% (1 of 3)", "Single source: 33% (1 of 3)", "Conflicting: 33% (1 of 3)"]
    clubic = html.fromstring(client.get("/outlets/Clubic").text)
    assert clubic.xpath("//ol[contains(@class,'blind-spots')]/li") == []
    assert "None found." in clubic.text_content()


def test_api_outlet_profile_and_not_covered_by(client: TestClient) -> None:
    monde = client.get("/api/outlets/le monde").json()
    assert (monde["name"], monde["articles"], monde["stories"], monde["exclusive_stories"]) == ("Le Monde", 2, 2, 1)
    assert monde["verdicts"] == {"conflicting": 1, "corroborated": 1, "single-source": 1}
    assert [(b["story"]["id"], b["entities"]) for b in monde["blind_spots"]] == [("s3", ["Elon Musk"])]
    assert [s["id"] for s in monde["exclusives"]] == ["s2"]
    assert client.get("/api/outlets/Libération").json()["copy_share"] == 0.5
    assert client.get("/api/outlets/Le Figaro").status_code == 404
    assert client.get("/api/stories/s3/not-covered-by").json() == {
        "story_id": "s3",
        "items": [{"outlet": "Le Monde", "entities": ["Elon Musk"]}],
    }
    assert client.get("/api/stories/s1/not-covered-by").json()["items"] == []
    assert client.get("/api/stories/nosuch/not-covered-by").status_code == 404


def test_story_page_says_which_outlets_do_not_cover_it(client: TestClient) -> None:
    doc = html.fromstring(client.get("/stories/s3").text)
    (line,) = doc.xpath("//p[@class='not-covered']")
    assert " ".join(line.text_content().split()) == "Not covered by: Le Monde (usually covers Elon Musk)"
    assert line.xpath("a/@href") == ["/outlets/Le%20Monde"]
    assert html.fromstring(client.get("/stories/s1").text).xpath("//p[@class='not-covered']") == []
