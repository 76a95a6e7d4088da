"""Corrections from the article page (``recoupe.web.corrections``): the forms write what the API's ``PATCH`` and
``DELETE`` write, behind the same ``api_token``; a server without one is read-only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from recoupe.app import create_app
from recoupe.config import Settings
from recoupe.store import open_store

from .conftest import settings_for, watch, writable_copy

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TOKEN = "web-token-\u00e9t\u00e9"  # non-ASCII on purpose: the form sends it as UTF-8
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _clubic(client: TestClient) -> dict[str, Any]:
    items = client.get("/api/articles", params={"outlet": "Clubic"}).json()["items"]
    assert len(items) == 1
    article: dict[str, Any] = items[0]
    return article


@pytest.fixture
def guarded(faces_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of a server with a token, over a copy of the shared database (enrichment off: no title is
    enriched again here)."""
    settings = settings_for(writable_copy(faces_db, tmp_path), api_token=TOKEN, enrich=False)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client


def test_without_a_token_the_server_is_read_only(faces_db: Path, tmp_path: Path) -> None:
    settings = settings_for(writable_copy(faces_db, tmp_path), enrich=False)
    with TestClient(create_app(settings), follow_redirects=False) as client:
        clubic = _clubic(client)
        page = client.get(f"/articles/{clubic['id']}")
        assert page.status_code == 200
        assert "Corrections are off: this server has no <code>api_token</code> set" in page.text
        assert f"recoupe edit {clubic['id']}" in page.text
        assert 'class="correction"' not in page.text
        assert "<form" in page.text  # the site search: the only form
        edit = client.post(f"/articles/{clubic['id']}/edit", data={"outlet": "X", "token": ""})
        assert edit.status_code == 403
        assert "no api_token set, so it is read-only" in edit.text
        assert client.post(f"/articles/{clubic['id']}/delete", data={"confirm": "yes"}).status_code == 403
        assert _clubic(client)["outlet"] == "Clubic"


def test_a_correction_needs_the_token_and_this_site(guarded: TestClient) -> None:
    client = guarded
    clubic = _clubic(client)
    path = f"/articles/{clubic['id']}"
    page = client.get(path)
    assert 'action="' + path + '/edit"' in page.text
    assert 'name="token" type="password"' in page.text
    assert 'value="Clubic"' in page.text

    missing = client.post(f"{path}/edit", data={"outlet": "Typed Outlet"})
    assert missing.status_code == 401
    assert "That is not this server&#39;s api_token: nothing was changed." in missing.text
    assert 'value="Typed Outlet"' in missing.text  # what was typed comes back
    assert '<details class="correct" id="correct-edit" open>' in missing.text
    wrong = client.post(f"{path}/edit", data={"outlet": "Typed Outlet", "token": "wrong-guess-42"})
    assert wrong.status_code == 401
    assert "wrong-guess-42" not in wrong.text  # a token is never written back
    deleted = client.post(f"{path}/delete", data={"confirm": "yes", "token": TOKEN[:-1]})
    assert deleted.status_code == 401

    # another site's form, even with the right token (a token it should not have)
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://testserver", "Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site
    ):
        refused = client.post(f"{path}/edit", data={"outlet": "X", "token": TOKEN}, headers=headers)
        assert refused.status_code == 403, headers
        assert "only accepted from this server&#39;s own pages" in refused.text
    assert (
        client.post(
            f"{path}/delete", data={"confirm": "yes", "token": TOKEN}, headers={"Origin": "http://evil.example"}
        ).status_code
        == 403
    )
    # not a form: JSON is the API's
    assert client.post(f"{path}/edit", json={"outlet": "X", "token": TOKEN}).status_code == 415
    assert (
        client.post(
            f"{path}/edit", content=b"x" * 20_000, headers={"Content-Type": "application/x-www-form-urlencoded"}
        ).status_code
        == 413
    )

    bad_date = client.post(f"{path}/edit", data={"date": "11 février", "token": TOKEN})
    assert bad_date.status_code == 400
    assert "a date is YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM" in bad_date.text
    assert 'value="11 février"' in bad_date.text
    no_title = client.post(f"{path}/edit", data={"title": "  ", "token": TOKEN})
    assert no_title.status_code == 400
    assert "A title cannot be empty" in no_title.text
    unconfirmed = client.post(f"{path}/delete", data={"token": TOKEN})
    assert unconfirmed.status_code == 400
    assert "Tick the box to confirm the delete" in unconfirmed.text
    assert _clubic(client)["outlet"] == "Clubic"  # nothing refused wrote anything
    assert client.get(f"/api/articles/{clubic['id']}").json()["published"] == clubic["published"]


def test_edit_and_delete_write_what_the_api_writes(guarded: TestClient) -> None:
    client = guarded
    clubic = _clubic(client)
    path = f"/articles/{clubic['id']}"
    story_id = client.get(f"/api/articles/{clubic['id']}").json()["story_id"]
    before = client.get(f"/api/stories/{story_id}").json()
    hostile = "<script>alert(1)</script> Clubic"
    form = {"outlet": hostile, "title": clubic["title"], "date": "2025-02-11", "token": TOKEN}
    same_site = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}  # what Chromium sends (no-referrer pages)
    edited = client.post(f"{path}/edit", data=form, headers=same_site)
    assert edited.status_code == 303, edited.text
    assert edited.headers["location"] == f"{path}?done=edited"
    now = client.get(f"/api/articles/{clubic['id']}").json()
    assert (now["outlet"], now["published"], now["title"]) == (hostile, "2025-02-11", clubic["title"])
    assert hostile in client.get(f"/api/stories/{story_id}").json()["outlet_names"]
    page = client.get(edited.headers["location"])
    assert "Article corrected: the version before is kept as a revision" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Clubic" in page.text
    assert "<script>" not in page.text
    assert len(client.app.state.faces.store.revisions(clubic["id"])) == 1  # type: ignore[attr-defined]
    # the same values again: nothing to change, no revision
    again = client.post(
        f"{path}/edit", data={**form, "outlet": f"  {hostile} "}, headers={"Origin": "http://testserver"}
    )
    assert again.headers["location"] == f"{path}?done=unchanged"
    # an empty outlet: not given (not an independent outlet)
    client.post(f"{path}/edit", data={"outlet": "", "token": TOKEN})
    assert client.get(f"/api/articles/{clubic['id']}").json()["outlet"] is None

    gone = client.post(f"{path}/delete", data={"confirm": "yes", "token": TOKEN}, headers=same_site)
    assert gone.status_code == 303
    assert gone.headers["location"] == f"/stories/{story_id}?done=deleted"
    assert client.get(f"/api/articles/{clubic['id']}").status_code == 404
    assert client.get(f"/articles/{clubic['id']}").status_code == 404
    assert client.get(f"/api/stories/{story_id}").json()["articles"] == before["articles"] - 1
    assert client.post(f"{path}/delete", data={"confirm": "yes", "token": TOKEN}).status_code == 404

    # a story's last article: the story goes with it, and the home page says so
    store = client.app.state.faces.store  # type: ignore[attr-defined]
    alone = next(row for row in store.stories(limit=1000) if row.articles == 1)
    (member,) = [a.id for a in store.articles(limit=1000) if store.story_of(a.id) == alone.id]
    last = client.post(f"/articles/{member}/delete", data={"confirm": "yes", "token": TOKEN})
    assert last.headers["location"] == "/?done=story-gone"
    assert "it was its story&#39;s last article, so the story went with it" in client.get(last.headers["location"]).text
    assert client.get(f"/stories/{alone.id}").status_code == 404


def test_edit_an_outlet_and_delete_an_article_in_chromium(
    browser: Browser,
    live_server: Callable[[Settings], AbstractContextManager[str]],
    faces_db: Path,
    seeds_story: str,
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    settings = settings_for(writable_copy(faces_db, tmp_path / "db"), api_token=TOKEN, enrich=False)
    with open_store(settings.db) as store:
        members = [item for item in store.articles(limit=1000) if store.story_of(item.id) == seeds_story]
        articles_before = store.story_row(seeds_story).articles
    clubic = next(a for a in members if a.outlet == "Clubic")
    other = next(a for a in members if a.outlet not in {None, "Clubic"})
    with live_server(settings) as base:
        page = browser.new_page(viewport=DESKTOP)
        dialogs, console = watch(page)
        page.goto(f"{base}/articles/{clubic.id}")
        page.get_by_role("link", name="Correct or delete").click()
        page.locator("#correct-edit > summary").click()
        expect(page.locator("#c-outlet")).to_have_value("Clubic")
        page.screenshot(path=str(tmp_path / "correct-1280.png"), full_page=True)
        page.fill("#c-outlet", "Clubic.com")
        page.fill("#c-token", TOKEN)
        page.get_by_role("button", name="Save the correction").click()
        page.wait_for_url(f"**/articles/{clubic.id}?done=edited")
        expect(page.locator("p.notice.done")).to_contain_text("Article corrected")
        expect(page.locator(".kicker")).to_have_text("Article · Clubic.com")
        page.get_by_role("link", name="The story and its cross-check").click()
        page.wait_for_url(f"**/stories/{seeds_story}")
        row = page.locator("table.articles tr").filter(has_text=clubic.title)
        expect(row.locator("td").nth(1)).to_have_text("Clubic.com")

        # delete another of the story's articles from a phone
        phone = browser.new_page(viewport=PHONE)
        phone_dialogs, phone_console = watch(phone)
        phone.goto(f"{base}/articles/{other.id}#correct")
        phone.locator("#correct-delete > summary").click()
        expect(phone.locator("#d-confirm")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.screenshot(path=str(tmp_path / "delete-390.png"), full_page=True)
        phone.check("#d-confirm")
        phone.fill("#d-token", TOKEN)
        phone.get_by_role("button", name="Delete the article").click()
        phone.wait_for_url(f"**/stories/{seeds_story}?done=deleted")
        expect(phone.locator("p.notice.done")).to_contain_text("Article deleted")
        expect(phone.locator(".page-head .meta")).to_contain_text(f"{articles_before - 1} articles")
        expect(phone.locator("table.articles")).not_to_contain_text(other.title)
        expect(phone.locator("table.articles")).to_contain_text("Clubic.com")
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.screenshot(path=str(tmp_path / "story-after-390.png"), full_page=True)
        assert phone.request.get(f"{base}/articles/{other.id}").status == 404
        assert (dialogs, phone_dialogs) == ([], [])
        assert [m for m in console + phone_console if m.startswith(("error", "pageerror", "verbose"))] == []
