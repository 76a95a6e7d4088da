"""Rendering: the Jinja2 environment (autoescape always on), URL helpers and small formatting filters.

Nothing extracted from an article is ever marked safe: templates receive plain strings and autoescape
them; highlighted text arrives as ``Piece`` objects (``recoupe.web.text``) whose text is escaped too.
Links to the outside world go through ``safe_href``: only ``http`` and ``https`` URLs become links.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from recoupe.crosscheck.present import LABELS, RELATION_LABELS, SYMBOLS

if TYPE_CHECKING:
    from fastapi import Request

    from recoupe.model import PublishedDate

__all__ = ["NOTICES", "TEMPLATES", "render", "safe_href"]

TEMPLATES = Path(__file__).parent / "templates"

#: each verdict in words (Updated, Differs by source …) and a symbol beside its colour (↻, ⇄ …), so colour is
#: never the only carrier; the CLI and the standalone page use the same (``recoupe.crosscheck.present``)
VERDICT_LABELS = LABELS
VERDICT_SYMBOLS = SYMBOLS


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL without credentials or control characters; else ``None``."""
    if not url or len(url) > 2048 or any(ord(c) < 0x21 or c in "\"'<>`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        return None
    return url


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def passage_url(article_id: str, start: int, end: int) -> str:
    """The article page with the passage ``start:end`` of its text marked and scrolled to."""
    return f"{article_url(article_id)}?hl={int(start)}-{int(end)}#s-{int(start)}-{int(end)}"


def story_url(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def entity_url(key: str) -> str:
    return "/entities/" + quote(key, safe="")


def outlet_url(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def query_url(path: str, params: dict[str, Any]) -> str:
    """``path?params`` with empty values left out (values are URL-encoded)."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(kept) if kept else "")


def day(value: str | datetime | None) -> str:
    """``2025-02-14`` from an ISO string or datetime; ``undated`` for ``None``."""
    if value is None:
        return "undated"
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value[:10]


def published(value: PublishedDate | None) -> str:
    """A publication date at the precision it is known, ``undated`` when unknown."""
    if value is None:
        return "undated"
    return value.iso().replace("T", " ")


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        article_url=article_url,
        passage_url=passage_url,
        story_url=story_url,
        entity_url=entity_url,
        outlet_url=outlet_url,
        query_url=query_url,
        safe_href=safe_href,
        VERDICT_LABELS=VERDICT_LABELS,
        VERDICT_SYMBOLS=VERDICT_SYMBOLS,
        RELATION_LABELS=RELATION_LABELS,
    )
    env.filters.update(day=day, published=published, plural=plural)
    return env


ENV = _environment()


#: what a page says after a correction redirected to it (``?done=KEY``): fixed words, never text from the query
NOTICES = {
    "edited": "Article corrected: the version before is kept as a revision, and its story was brought up to date.",
    "unchanged": "Nothing to change: the article already said so.",
    "deleted": "Article deleted: it is kept aside with its revisions, and its story was brought up to date.",
    "story-gone": "Article deleted: it was its story's last article, so the story went with it.",
}


def render(request: Request, template: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """``template`` rendered with ``context`` (plus the request path, for the navigation, and the notice a
    correction left, ``?done=``) as a response."""
    notice = NOTICES.get(request.query_params.get("done", ""))
    page = ENV.get_template(template).render({"path": request.url.path, "notice": notice, **context})
    return HTMLResponse(page, status_code=status)
