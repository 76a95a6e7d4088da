"""A story page whose cross-check is being computed says so and reloads itself, instead of hanging."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import recoupe.web.detail
from recoupe.app import create_app
from recoupe.config import load_settings
from recoupe.faces import Faces
from recoupe.store import open_store


def _copy(source: Path, folder: Path) -> Path:
    target = folder / source.name
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    if Path(f"{source}.vectors").is_dir():
        shutil.copytree(f"{source}.vectors", f"{target}.vectors")
    return target


def test_a_page_says_it_is_cross_checking_then_shows_the_matrix(
    faces_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _copy(faces_db, tmp_path)
    with open_store(str(db)) as store:
        clubic = store.articles(outlet="Clubic", limit=1)[0]
        story = store.story_of(clubic.id)
        assert story is not None
        touched = store.edit_article(clubic.id, outlet="Clubic.com")  # a correction drops the stored cross-check
        assert store.crosscheck_report(story) is None
        assert touched.story_id == story
    monkeypatch.setattr(recoupe.web.detail, "CROSSCHECK_WAIT_S", 0.0)  # answer at once while it is computed
    app = create_app(load_settings({"db": str(db)}, env={}, config_file=None))
    with TestClient(app) as client:
        working = client.get(f"/stories/{story}")
        assert working.status_code == 200
        assert "Cross-checking the 3 articles of this story" in working.text
        assert working.headers["refresh"] == "4"
        assert 'class="matrix"' not in working.text
        faces: Faces = app.state.faces
        assert faces.crosscheck_within(story, 300.0) is not None  # the same computation, waited for
        monkeypatch.setattr(recoupe.web.detail, "CROSSCHECK_WAIT_S", 3.0)  # a stored one is ready at once
        ready = client.get(f"/stories/{story}")
        assert "refresh" not in ready.headers
        assert "Cross-checking the" not in ready.text
        assert 'class="matrix"' in ready.text
