"""``create_app(settings)``: one FastAPI application for the REST API (``/api``) and the web pages (``/``).

Both faces read through ``Faces``: the settings, the store, and the models a cross-check needs, loaded on
first use. Every response carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin) and the usual hardening headers. Errors have one shape: under ``/api`` a JSON body
``{"error": {"status": 404, "type": "NotFoundError", "message": "..."}}`` with the status the error tree
gives (``errors.py``); on a page, an HTML error page with the same status.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe.config import Settings
from recoupe.errors import RecoupeError
from recoupe.store import Store, open_store

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.enrich.embed import Embedder
    from recoupe.enrich.nlp import NlpModels
    from recoupe.stories.assign import StoryEngine

__all__ = ["CSP", "Faces", "create_app", "error_body", "faces_of"]

#: no inline script or style, no plugin, no framing, nothing from another origin
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(slots=True)
class Faces:
    """What the API and the pages read: settings, the store, and the cross-check models (loaded lazily)."""

    settings: Settings
    store: Store
    _embedder: Embedder | None = None
    _nlp: NlpModels | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    #: one ingest at a time (``POST /api/ingest``); reads go on meanwhile
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    def embedder(self) -> Embedder:
        from recoupe.enrich.embed import make_embedder

        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings.embedder)
            return self._embedder

    def nlp(self) -> NlpModels:
        from pathlib import Path

        from recoupe.enrich.nlp import NlpModels

        with self._lock:
            if self._nlp is None:
                gazetteer = Path(self.settings.gazetteer) if self.settings.gazetteer else None
                self._nlp = NlpModels(gazetteer=gazetteer)
            return self._nlp

    def story_engine(self) -> StoryEngine:
        """A story engine over the store, sharing this application's embedder (close it after use: it saves
        the vector index beside the database)."""
        from recoupe.stories.assign import StoryEngine

        return StoryEngine.from_settings(self.store, self.settings, embedder=self.embedder())

    def crosscheck(self, story_id: str) -> CrossCheck:
        """The story's stored cross-check while it is current; computed (and stored) otherwise.

        ``story_id`` may be a prefix or a merged story's old id. One computation at a time.
        """
        from recoupe.crosscheck.report import load_or_compute

        embedder, nlp = self.embedder(), self.nlp()
        with self._lock:
            return load_or_compute(self.store, self.store.story_row(story_id).id, embedder, nlp)


def error_body(status: int, kind: str, message: str) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    return {"error": {"status": status, "type": kind, "message": message}}


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _error_response(request: Request, status: int, kind: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(status, kind, message), status_code=status)
    from recoupe.web import error_page

    return error_page(request, status, message)


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """The application serving ``settings.db`` (or ``store``, which the caller then closes)."""
    from recoupe.api.routes import router as api_router
    from recoupe.web import mount as mount_web

    owned = store is None
    faces = Faces(settings, store if store is not None else open_store(settings.db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            faces.store.close()

    app = FastAPI(
        title="recoupe",
        version=version("recoupe"),
        description="Cross-check the news: stories told by several outlets, and what every source says.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI needs a CDN and inline scripts: web/apidocs.py renders /api/docs
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.faces = faces

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RecoupeError)
    async def recoupe_error(request: Request, exc: RecoupeError) -> Response:
        # the database's path is the server's business: an error about it says what, not where
        message = exc.message if exc.where == faces.store.where else str(exc)
        return _error_response(request, exc.http_status, type(exc).__name__, message)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:  # noqa: ARG001 - details stay in the log
        # a bug still answers in the one shape, and tells nothing of the server's insides
        return _error_response(request, 500, "InternalError", "internal error")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error_response(request, exc.status_code, "HTTPError", str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        return _error_response(request, 422, "ValidationError", problems)

    app.include_router(api_router)
    mount_web(app)
    return app


def faces_of(request: Request) -> Faces:
    """The ``Faces`` of the application serving ``request`` (a FastAPI dependency)."""
    faces: Faces = request.app.state.faces
    return faces
