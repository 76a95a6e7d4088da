"""``PATCH`` and ``DELETE /api/articles/{id}``: corrections through the API, behind the ingest token."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


def _clubic(client: TestClient) -> dict[str, Any]:
    items = client.get("/api/articles", params={"outlet": "Clubic"}).json()["items"]
    assert len(items) == 1
    article: dict[str, Any] = items[0]
    return article


def test_corrections_need_the_token_and_keep_what_was_there(faces_db: Path, tmp_path: Path, kit: Any) -> None:
    settings = kit.settings(kit.copy_db(faces_db, tmp_path), api_token=kit.token, enrich=False)
    auth = {"Authorization": f"Bearer {kit.token}".encode()}  # the token is not ASCII: its UTF-8 bytes
    with kit.client(settings) as client:
        clubic = _clubic(client)
        refused = client.patch(f"/api/articles/{clubic['id']}", json={"outlet": "X"})
        assert refused.status_code == 401
        assert client.delete(f"/api/articles/{clubic['id']}").status_code == 401
        story_id = client.get(f"/api/articles/{clubic['id']}").json()["story_id"]
        before = client.get(f"/api/stories/{story_id}").json()

        edited = client.patch(
            f"/api/articles/{clubic['id'][:8]}", json={"outlet": "Clubic.com", "date": "2025-02-11"}, headers=auth
        )
        assert edited.status_code == 200, edited.text
        assert edited.json() == {
            "id": clubic["id"],
            "changed": ["outlet", "published"],
            "deleted": False,
            "story_id": story_id,
            "story_recomputed": True,
            "story_gone": False,
        }
        now = client.get(f"/api/articles/{clubic['id']}").json()
        assert (now["outlet"], now["published"]) == ("Clubic.com", "2025-02-11")
        assert "Clubic.com" in client.get(f"/api/stories/{story_id}").json()["outlet_names"]
        bad = client.patch(f"/api/articles/{clubic['id']}", json={"date": "11 février"}, headers=auth)
        assert bad.status_code == 400
        unknown_field = client.patch(f"/api/articles/{clubic['id']}", json={"author": "x"}, headers=auth)
        assert unknown_field.status_code == 422

        gone = client.delete(f"/api/articles/{clubic['id']}", headers=auth)
        assert gone.status_code == 200
        assert (gone.json()["deleted"], gone.json()["story_id"]) == (True, story_id)
        assert client.get(f"/api/articles/{clubic['id']}").status_code == 404
        after = client.get(f"/api/stories/{story_id}").json()
        assert after["articles"] == before["articles"] - 1
        assert client.delete(f"/api/articles/{clubic['id']}", headers=auth).status_code == 404
