"""CSV answers for the list routes: ``?format=csv`` or ``Accept: text/csv`` gets the page's items as CSV.

Columns are those of the route's item schema, in its order (so an empty page still has its header); a list
of plain values is joined with ``; ``, anything nested is JSON, a null is an empty cell (the rules of
``recoupe export``). The JSON answer is unchanged; ``next`` paging works the same (the link keeps
``format``). A story's cross-check answers one row per statement, like ``recoupe export statements``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from fastapi import Query, Request, Response

from recoupe.export import csv_bytes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pydantic import BaseModel

__all__ = ["CSV_RESPONSES", "Format", "csv_or_json", "prefers_csv"]

Format = Annotated[
    Literal["json", "csv"] | None,
    Query(
        alias="format",
        description="csv: the items as CSV (text/csv), like an `Accept: text/csv` header; json by default.",
    ),
]
#: the extra content type list routes declare for their 200 answer
CSV_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "JSON, or CSV on request."}
}


def _quality(accept: str, media: str) -> float:
    """The ``q`` the ``Accept`` header gives ``media`` by its most specific matching range (0 when none)."""
    kind = media.split("/", maxsplit=1)[0]
    best, rank = 0.0, -1
    for part in accept.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        name = pieces[0].lower()
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        specific = {media: 2, f"{kind}/*": 1, "*/*": 0}.get(name, -1)
        if specific > rank:
            best, rank = quality, specific
    return best


def prefers_csv(request: Request, fmt: str | None) -> bool:
    """Whether to answer CSV: ``format`` decides when given, else ``Accept`` must rank text/csv above JSON."""
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    if "csv" not in accept.lower():
        return False
    return _quality(accept, "text/csv") > 0 and _quality(accept, "text/csv") >= _quality(accept, "application/json")


def _columns(page_model: type[BaseModel]) -> list[str]:
    item = get_args(page_model.model_fields["items"].annotation)[0]
    return list(item.model_fields)


def csv_response(rows: Iterable[dict[str, Any]], columns: list[str], name: str) -> Response:
    """``rows`` as a CSV download named ``name``.csv."""
    return Response(
        csv_bytes(rows, columns),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"', "Vary": "Accept"},
    )


def csv_or_json(
    request: Request, fmt: str | None, page: dict[str, Any], page_model: type[BaseModel], name: str
) -> dict[str, Any] | Response:
    """``page`` as it is (JSON), or its ``items`` as CSV when the request asks for it."""
    if not prefers_csv(request, fmt):
        return page
    return csv_response(page["items"], _columns(page_model), name)
