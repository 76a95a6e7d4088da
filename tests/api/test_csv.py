"""CSV answers: ``?format=csv`` and ``Accept: text/csv`` on the list routes, a story's cross-check as CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

VERDICTS = {"conflicting", "updated", "differs-by-source", "corroborated", "differing", "single-source"}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_articles_as_csv_match_the_json_page(client: TestClient) -> None:
    params = {"language": "fr", "limit": 100}
    page = client.get("/api/articles", params=params).json()
    answer = client.get("/api/articles", params={**params, "format": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="articles.csv"'
    assert answer.text.splitlines()[0] == "id,title,outlet,published,language,url"
    rows = _rows(answer.text)
    assert [row["id"] for row in rows] == [item["id"] for item in page["items"]]
    clubic = [row for row in rows if row["outlet"] == "Clubic"]
    assert [row["published"] for row in clubic] == ["2025-02"]
    assert all(row["language"] == "fr" for row in rows)


@pytest.mark.parametrize(
    ("accept", "csv_wanted"),
    [
        ("text/csv", True),
        ("text/csv, application/json;q=0.5", True),
        ("application/json, text/csv;q=0.5", False),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),  # a browser
        ("*/*", False),
    ],
)
def test_accept_header_picks_csv(client: TestClient, accept: str, csv_wanted: bool) -> None:
    answer = client.get("/api/stories", params={"limit": 5}, headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv" if csv_wanted else "application/json")


def test_stories_csv_joins_lists_and_an_empty_page_keeps_its_header(client: TestClient) -> None:
    answer = client.get("/api/stories", params={"entity": "Bret Taylor"}, headers={"Accept": "text/csv"})
    (row,) = _rows(answer.text)
    assert set(row["languages"].split("; ")) == {"en", "fr"}  # a list, joined
    assert row["articles"] == "3"
    empty = client.get("/api/entities", params={"name": "!!!", "format": "csv"})
    assert empty.text == "key,canonical,label,aliases,roles,articles,quotes\n"


def test_quotes_and_outlets_as_csv(client: TestClient) -> None:
    quotes = _rows(client.get("/api/quotes", params={"speaker": "Sam Altman", "format": "csv"}).text)
    assert quotes
    assert all("Altman" in row["speaker"] for row in quotes)
    outlets = _rows(client.get("/api/outlets", params={"format": "csv"}).text)
    assert "Clubic" in {row["name"] for row in outlets}
    assert list(outlets[0]) == ["name", "articles", "copies", "copy_share"]


def test_crosscheck_as_csv_has_one_row_per_statement(client: TestClient, seeds_story: str) -> None:
    report = client.get(f"/api/stories/{seeds_story}/crosscheck", params={"wait": "true"}).json()
    answer = client.get(f"/api/stories/{seeds_story}/crosscheck", params={"format": "csv"})
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == f'attachment; filename="crosscheck-{seeds_story}.csv"'
    rows = _rows(answer.text)
    assert len(rows) == sum(len(v["statements"]) for v in report["verdicts"])
    assert {row["verdict"] for row in rows} <= VERDICTS
    assert {row["story_id"] for row in rows} == {seeds_story}
    # statements of one group share its number and verdict
    groups = {(row["group"], row["verdict"]) for row in rows}
    assert len({group for group, _ in groups}) == len(groups) == len(report["verdicts"])
    conflicting = client.get(
        f"/api/stories/{seeds_story}/crosscheck", params={"format": "csv", "verdict": "single-source"}
    )
    assert {row["verdict"] for row in _rows(conflicting.text)} == {"single-source"}


def test_story_page_links_its_crosscheck_csv(client: TestClient, seeds_story: str) -> None:
    page = client.get(f"/stories/{seeds_story}")
    assert page.status_code == 200
    assert f'href="/api/stories/{seeds_story}/crosscheck?format=csv"' in page.text
