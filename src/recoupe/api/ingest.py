"""``POST /api/ingest``: add articles through the API (records, URLs or a feed), with the configured token.

The request needs ``Authorization: Bearer <api_token>``; with no ``api_token`` in the settings every
request is refused (401). The body is JSON with exactly one of:

- ``{"records": [{...}, ...]}``: objects like JSONL records (``title``, ``text``/``body``, ``date``, ``url``,
  ``outlet``…; the same column names as ``recoupe ingest dump.jsonl``), at most ``MAX_INGEST_RECORDS``;
- ``{"urls": ["https://...", ...]}``: pages fetched and extracted, at most ``MAX_INGEST_URLS``;
- ``{"feed": "https://..."}``: an RSS/Atom feed, each entry's page fetched.

``outlet`` may name the outlet of articles whose source does not say it. The body may not exceed
``max_file_mb``. Records are extracted, stored, enriched and grouped into stories as ``recoupe ingest``
does, one ingest at a time; the answer gives the counts and, for each input that could not be read, where
(``records[3]``, the URL) and why. Bad items never stop the good ones from being stored.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from recoupe.api.routes_common import ERRORS
from recoupe.api.schemas import ErrorBody, IngestRequest, IngestResult
from recoupe.errors import FetchError, RecoupeError
from recoupe.extract import clean_name
from recoupe.faces import Faces, faces_of
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.guard import failure_of
from recoupe.sources.tabular import UrlTexts, map_fields

if TYPE_CHECKING:
    from recoupe.config import Settings
    from recoupe.pipeline import IngestReport

__all__ = ["check_token", "records_from", "router"]

router = APIRouter(tags=["ingest"])
bearer = HTTPBearer(auto_error=False, description="The api_token of the server's settings.")
MAX_URL_CHARS = 2000


def check_token(expected: str, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Refuse (401) a request without the configured bearer token; with no token configured, refuse them all."""
    # a header arrives decoded as latin-1: encoding it back gives the bytes sent, compared with the token's UTF-8
    given = credentials.credentials.encode("latin-1", "replace") if credentials is not None else b""
    if not expected or not given or not hmac.compare_digest(given, expected.encode()):
        reason = "ingesting through the API is disabled (no api_token is set)" if not expected else "a valid token"
        message = reason if not expected else f"this needs {reason}: Authorization: Bearer <api_token>"
        raise HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes without holding more than that."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _invalid(message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body",), "msg": message, "type": "value_error"}])


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://")) and len(url) <= MAX_URL_CHARS and url.isprintable()


def records_from(rows: Sequence[Any]) -> Iterator[Record | Failure]:
    """A ``Record`` per JSON object (fields mapped as for JSONL), a ``Failure`` for anything else."""
    urls = UrlTexts()  # two texts for one URL in one body: the first is kept, the other refused
    for index, row in enumerate(rows):
        provenance = Provenance(f"records[{index}]", "api")
        if not isinstance(row, dict):
            yield Failure(provenance, f"expected a JSON object, got {type(row).__name__}")
            continue
        try:
            fields = map_fields(row)
        except RecursionError as exc:
            yield failure_of(exc, provenance)
            continue
        url = fields.get("canonical_url") or fields.get("url")
        record = Record(kind="fields", provenance=provenance, fields=fields, url=url if isinstance(url, str) else None)
        yield urls.check(record, f"records[{index}]")


def _client(settings: Settings) -> httpx.Client:
    """The HTTP client of one ingest: polite, and public addresses only unless ``api_fetch_private``."""
    from recoupe.sources.polite import PublicOnlyTransport
    from recoupe.sources.web import make_client

    return make_client(settings, transport=None if settings.api_fetch_private else PublicOnlyTransport())


def _pages(urls: Sequence[str], settings: Settings) -> Iterator[Record | Failure]:
    from recoupe.sources.web import fetch_url

    with _client(settings) as client:
        for url in urls:
            if not _is_http(url):
                yield Failure(Provenance(url[:200], "url"), "not an http(s) URL", "InputError")
                continue
            try:
                yield fetch_url(url, settings, client=client)
            except RecoupeError as exc:
                yield Failure(Provenance(url, "url"), exc.message, type(exc).__name__)


def _feed(url: str, settings: Settings) -> Iterator[Record | Failure]:
    """The feed's entries, read up to the first one before the ingest starts: a feed that cannot be fetched
    raises ``FetchError`` (502); a feed that does not parse, and any later problem, is one failure."""
    from recoupe.sources.feeds import read_feed
    from recoupe.sources.guard import guarded

    with _client(settings) as client:
        items = guarded(read_feed(url, settings, client=client), Provenance(url, "feed"))
        first = next(items, None)
        if isinstance(first, Failure) and first.provenance.kind == "feed" and first.error == "FetchError":
            raise FetchError(f"the feed could not be fetched: {first.reason}", where=url)
        if first is not None:
            yield first
        yield from items


def _run(faces: Faces, items: Iterator[Record | Failure], outlet: str | None) -> IngestReport:
    """The pipeline over ``items``, as ``recoupe ingest`` runs it; one ingest at a time."""
    from recoupe.alerts import after_round
    from recoupe.pipeline import ingest

    settings = faces.settings
    models = faces.nlp() if settings.enrich else None
    with faces.ingest_lock:
        engine = faces.story_engine() if settings.stories else None
        try:
            report = ingest(items, faces.store, settings, default_outlet=outlet, models=models, stories=engine)
        finally:
            if engine is not None:
                engine.close()
        after_round(faces.store)  # watchlists: alerts for what this ingest changed, as after `recoupe ingest`
        return report


@router.post(
    "/ingest",
    response_model=IngestResult,
    summary="Add articles",
    responses={
        **ERRORS,
        401: {"model": ErrorBody, "description": "No token, a wrong token, or no api_token configured."},
        413: {"model": ErrorBody, "description": "The body is larger than max_file_mb."},
        502: {"model": ErrorBody, "description": "The feed could not be fetched (FetchError)."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": IngestRequest.model_json_schema()}},
        }
    },
)
async def ingest_route(
    request: Request,
    faces: Annotated[Faces, Depends(faces_of)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> dict[str, Any]:
    """Extract, store, enrich and group into stories the records, pages or feed entries of the body, then
    say what was new, updated or unchanged and why each failed input failed."""
    settings = faces.settings
    check_token(settings.api_token, credentials)
    raw = await _read_body(request, settings.max_file_bytes)
    try:
        body = IngestRequest.model_validate_json(raw or b"null")
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_input=False)) from exc
    given = [name for name in ("records", "urls", "feed") if getattr(body, name) is not None]
    if len(given) != 1:
        raise _invalid("give exactly one of records, urls or feed")
    items: Iterator[Record | Failure]
    if body.records is not None:
        items = records_from(body.records)
    elif body.urls is not None:
        items = _pages(body.urls, settings)
    else:
        feed = body.feed or ""
        if not _is_http(feed):
            raise _invalid("feed must be an http(s) URL")
        items = _feed(feed, settings)
    report = await run_in_threadpool(_run, faces, items, clean_name(body.outlet or "") or None)
    return report.to_dict() | {"article_ids": report.article_ids}
