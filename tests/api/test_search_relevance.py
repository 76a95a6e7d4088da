"""Search answers a relevance people can read: the best hit is 100, the others a share of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


def test_relevance_is_a_percentage_of_the_best_hit(client: TestClient) -> None:
    items = client.get("/api/search", params={"q": "Musk", "limit": 20}).json()["items"]
    assert len(items) >= 2
    assert items[0]["relevance"] == 100
    assert all(0 <= item["relevance"] <= 100 for item in items)
    assert [item["relevance"] for item in items] == sorted((item["relevance"] for item in items), reverse=True)
    second_page = client.get("/api/search", params={"q": "Musk", "limit": 1, "offset": 1}).json()["items"]
    assert second_page[0]["relevance"] == items[1]["relevance"]  # a share of the best of all, not of the page
