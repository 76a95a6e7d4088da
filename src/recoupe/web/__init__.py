"""The web UI: server-rendered pages (Jinja2), vendored static files, no build step (placeholder)."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse

__all__ = ["error_page", "mount"]


def mount(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app``."""


def error_page(request: Request, status: int, message: str) -> Response:  # noqa: ARG001 (placeholder)
    """An HTML page for an error on a page (the message is escaped)."""
    from html import escape

    return HTMLResponse(f"<!doctype html><title>{status}</title><p>{escape(message)}</p>", status_code=status)
