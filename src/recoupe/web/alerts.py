"""Alert pages: ``/alerts`` (the latest alerts and the watchlists) and ``/alerts.atom`` (the same as Atom).

A feed reader subscribes to ``/alerts.atom`` (``?watchlist=NAME`` for one watchlist's alerts); the page
links to it (``<link rel="alternate">``). Both read through the store; nothing here writes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from recoupe.alerts.atom import KIND_WORDS, feed
from recoupe.faces import faces_of
from recoupe.web.render import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

FEED_SIZE = 50
PAGE_SIZE = 100

Name = Annotated[str | None, Query(max_length=200, description="only this watchlist's alerts")]


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, watchlist: Name = None) -> Response:
    store = faces_of(request).store
    context = {
        "alerts": store.alerts(watchlist=watchlist or None, limit=PAGE_SIZE),
        "watchlists": store.watchlists(),
        "watchlist": watchlist or None,
        "kinds": KIND_WORDS,
    }
    return render(request, "alerts.html", context)


@router.get("/alerts.atom")
def alerts_feed(request: Request, watchlist: Name = None) -> Response:
    store = faces_of(request).store
    found = store.alerts(watchlist=watchlist or None, limit=FEED_SIZE)
    title = f"recoupe alerts: {watchlist}" if watchlist else "recoupe alerts"
    body = feed(found, base_url=str(request.base_url), title=title)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
