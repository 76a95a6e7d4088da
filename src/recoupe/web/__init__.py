"""The web UI: server-rendered pages (Jinja2, autoescaped), one stylesheet, no script, no build step.

``mount(app)`` adds the pages and ``/static``; ``error_page`` is the HTML page of an error on a page.
Pages: ``/`` (latest and biggest stories), ``/stories`` and ``/stories/{id}`` (summary, timeline chart,
cross-check matrix, quotes by speaker, figures, entities), ``/articles/{id}`` (text with entities, quotes,
figures and a cited passage highlighted), ``/entities`` and ``/entities/{key}``, ``/search``,
``/outlets`` and ``/outlets/{name}``, ``/alerts`` and ``/alerts.atom`` (``alerts``), and the article page's
correction forms, ``POST /articles/{id}/edit`` and ``/delete`` (``corrections``: behind the ``api_token``, like
the API's writes). Modules: ``render`` (environment, URLs, notices), ``text`` (highlighting),
``charts`` (SVG geometry), ``matrix`` (cross-check table), ``pages`` and ``detail`` (routes).
"""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi.staticfiles import StaticFiles

if TYPE_CHECKING:
    from fastapi import FastAPI, Request, Response

__all__ = ["STATIC", "error_page", "mount"]

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app``."""
    from recoupe.web import alerts, apidocs, corrections, detail, pages

    app.include_router(apidocs.router)
    app.include_router(alerts.router)
    app.include_router(pages.router)
    app.include_router(detail.router)
    app.include_router(corrections.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def error_page(request: Request, status: int, message: str) -> Response:
    """An HTML page for an error on a page, with its status (the message is escaped like everything else)."""
    from recoupe.web.render import render

    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    return render(request, "error.html", {"status": status, "reason": reason, "message": message}, status=status)
