"""Corrections from the article page: ``POST /articles/{id}/edit`` (outlet, title, date) and ``.../delete``.

They write what ``PATCH`` and ``DELETE /api/articles/{id}`` write, through the same store functions
(``Store.edit_article``, ``Store.delete_article``) and ``recoupe.corrections.bring_up_to_date``, under the same
ingest lock, and behind the same protection: the server's ``api_token``. A page has no script to send an
``Authorization`` header, so the form asks for the token and sends it in its body. With no ``api_token`` set
the server is read-only: the article page says so instead of showing the forms, and a POST is refused (403).

The token in the body is also what stops another site's form from correcting anything (it cannot know the
token); a POST whose ``Sec-Fetch-Site`` (or, without it, ``Origin``) says it comes from another site is refused
(403) before the token is even read. A wrong or missing token answers 401 with the page and what was typed (never the
token); a bad date or an empty title answers 400 the same way. After a correction the browser is sent
(303) to the article page, or after a delete to its story's page (the home page when the story went with
it), which says what was done (``?done=``: fixed words, ``recoupe.web.render.NOTICES``).
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from recoupe.corrections import bring_up_to_date, parse_published
from recoupe.errors import QueryError
from recoupe.faces import faces_of
from recoupe.web.detail import article_context
from recoupe.web.render import article_url, render, story_url

if TYPE_CHECKING:
    from fastapi import Response

    from recoupe.faces import Faces
    from recoupe.model import Article
    from recoupe.store.edits import StoryTouched

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

MAX_BODY = 16_384
#: the most characters kept of each field (the API's limits)
LIMITS = {"outlet": 200, "title": 2000, "date": 40, "token": 1000, "confirm": 10}
READ_ONLY = (
    "Corrections are off: this server has no api_token set, so it is read-only. Set one (RECOUPE_API_TOKEN or "
    "api_token in recoupe.toml) and restart recoupe serve, or correct from the command line (recoupe edit ID, "
    "recoupe delete ID)."
)


class FormError(Exception):
    """What was wrong with a correction form, and the status it answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _same_site(request: Request) -> bool:
    """``False`` when the browser says the request comes from another site.

    ``Sec-Fetch-Site`` decides when the browser sends it (every current one does); else an ``Origin`` must name
    this server. An ``Origin`` of ``null`` is what a browser sends for a form on a page with ``Referrer-Policy:
    no-referrer`` (these pages), so it proves nothing either way: the token decides.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return True
    return urlsplit(origin).netloc.lower() == (request.headers.get("host") or "").lower()


async def _form(request: Request) -> dict[str, str]:
    """The urlencoded body's fields (the first value of each, control characters dropped, cut to ``LIMITS``)."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "a correction is sent by the article page's form (application/x-www-form-urlencoded)")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise HTTPException(413, f"the form is larger than {MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"the form is larger than {MAX_BODY} bytes")
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=2 * len(LIMITS))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, "the form could not be read") from exc
    return {
        name: "".join(c for c in values[0] if c.isprintable())[: LIMITS[name]]
        for name, values in fields.items()
        if name in LIMITS
    }


def _check_token(faces: Faces, given: str) -> None:
    expected = faces.settings.api_token
    if not expected:  # checked before the form is read; kept here so nothing writes without a token
        raise HTTPException(403, READ_ONLY)
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise FormError(401, "That is not this server's api_token: nothing was changed.")


def _check_confirmed(form: dict[str, str]) -> None:
    if form.get("confirm") != "yes":
        raise FormError(400, "Tick the box to confirm the delete: nothing was deleted.")


def _changes(article: Article, form: dict[str, str]) -> dict[str, Any]:
    """What the edit form changes: only the fields whose text differs from what the article says."""
    changes: dict[str, Any] = {}
    outlet = form.get("outlet", article.outlet or "").strip() or None
    if outlet != article.outlet:
        changes["outlet"] = outlet
    title = form.get("title", article.title).strip()
    if title != article.title:
        if not title:
            raise FormError(400, "A title cannot be empty: nothing was changed.")
        changes["title"] = title
    date = form.get("date", "").strip()
    if date and date != (article.published.iso() if article.published else ""):
        try:
            changes["published"] = parse_published(date)
        except QueryError as exc:
            raise FormError(400, f"{exc}: nothing was changed.") from exc
    return changes


def _bring_up_to_date(faces: Faces, touched: StoryTouched) -> None:
    """The story recomputed and a retitled article enriched again, as the API does."""
    settings = faces.settings
    models = faces.nlp() if settings.enrich and "title" in touched.changed else None
    engine = faces.story_engine if settings.stories else None
    bring_up_to_date(faces.store, touched, engine=engine, models=models)


def _edit(faces: Faces, article: Article, changes: dict[str, Any]) -> tuple[str, ...]:
    with faces.ingest_lock:
        touched = faces.store.edit_article(article.id, **changes)
        _bring_up_to_date(faces, touched)
    return touched.changed


def _delete(faces: Faces, article: Article) -> StoryTouched:
    with faces.ingest_lock:
        touched = faces.store.delete_article(article.id)
        _bring_up_to_date(faces, touched)
    return touched


def _again(
    request: Request, faces: Faces, article: Article, form: dict[str, str], *, which: str, error: FormError
) -> Response:
    """The article page again, with what was typed (never the token) and what was wrong."""
    context = article_context(faces, article, [])
    if which == "edit":
        context["form"] = {name: form.get(name, context["form"][name]) for name in ("outlet", "title", "date")}
    context["form_error"], context["form_open"] = error.message, which
    return render(request, "article.html", context, status=error.status)


async def _guarded(request: Request, article_id: str) -> tuple[Faces, Article, dict[str, str]]:
    """The server's faces, the article and the form, once the request may correct anything at all."""
    faces = faces_of(request)
    if not faces.settings.api_token:
        raise HTTPException(403, READ_ONLY)
    if not _same_site(request):
        raise HTTPException(403, "a correction is only accepted from this server's own pages")
    article = await run_in_threadpool(faces.store.get, article_id[:64])
    return faces, article, await _form(request)


@router.post("/articles/{article_id}/edit")
async def edit_article(request: Request, article_id: str) -> Response:
    faces, article, form = await _guarded(request, article_id)
    try:
        _check_token(faces, form.get("token", ""))
        changes = _changes(article, form)
    except FormError as error:
        return await run_in_threadpool(_again, request, faces, article, form, which="edit", error=error)
    changed = await run_in_threadpool(_edit, faces, article, changes) if changes else ()
    done = "edited" if changed else "unchanged"
    return RedirectResponse(f"{article_url(article.id)}?done={done}", status_code=303)


@router.post("/articles/{article_id}/delete")
async def delete_article(request: Request, article_id: str) -> Response:
    faces, article, form = await _guarded(request, article_id)
    try:
        _check_token(faces, form.get("token", ""))
        _check_confirmed(form)
    except FormError as error:
        return await run_in_threadpool(_again, request, faces, article, form, which="delete", error=error)
    touched = await run_in_threadpool(_delete, faces, article)
    if touched.story_id is not None and touched.members:
        return RedirectResponse(f"{story_url(touched.story_id)}?done=deleted", status_code=303)
    return RedirectResponse("/?done=story-gone" if touched.story_id else "/?done=deleted", status_code=303)
