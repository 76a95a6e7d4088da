"""``create_app(settings)``: one FastAPI application for the REST API (``/api``) and the web pages (``/``).

The two faces are routers (``recoupe.api.routes``, ``recoupe.web.mount``) that never import each other;
both read through ``recoupe.faces.Faces``. Errors have one shape: under ``/api`` a JSON body
``{"error": {"status": 404, "type": "NotFoundError", "message": "..."}}`` with the status the error tree
gives (``errors.py``); on a page, an HTML error page with the same status.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from recoupe.api.routes import router as api_router
from recoupe.config import Settings
from recoupe.errors import RecoupeError
from recoupe.faces import SECURITY_HEADERS, Faces, error_body
from recoupe.store import Store, open_store
from recoupe.web import error_page
from recoupe.web import mount as mount_web

__all__ = ["create_app"]


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _error_response(request: Request, status: int, kind: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse(error_body(status, kind, message), status_code=status)
    return error_page(request, status, message)


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """The application serving ``settings.db`` (or ``store``, which the caller then closes)."""
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
        # a bug still answers in the one shape, and tells nothing of the server's insides; Starlette answers it
        # outside every middleware, so the security headers are set here
        response = _error_response(request, 500, "InternalError", "internal error")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

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
