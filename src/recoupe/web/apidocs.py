"""``/api/docs``: the REST API's reference, rendered on the server from its OpenAPI spec.

FastAPI's Swagger UI loads scripts from a CDN and runs inline ones, which the Content-Security-Policy
forbids (and a laptop may be offline): this page lists every operation, its parameters and its answers
as plain HTML instead. The machine-readable spec stays at ``/api/openapi.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from recoupe.web.render import render

if TYPE_CHECKING:
    from fastapi import Response

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    where: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: str
    answers: tuple[tuple[str, str], ...]
    anchor: str


def _kind(schema: dict[str, Any]) -> str:
    """A short type name for a parameter's schema: ``integer (1–100)``, ``string``, ``a | b``."""
    if "anyOf" in schema:
        kinds = [_kind(option) for option in schema["anyOf"] if option.get("type") != "null"]
        return " | ".join(kinds) or "null"
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    kind = str(schema.get("type", schema.get("$ref", "object").rsplit("/", 1)[-1]))
    if "format" in schema:
        kind += f" ({schema['format']})"
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None or high is not None:
        kind += f" ({'' if low is None else low}–{'' if high is None else high})"
    return kind


def operations(spec: dict[str, Any]) -> list[Operation]:
    """The spec's operations, in its order, with what a reader needs of each."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = tuple(
                Parameter(
                    p["name"],
                    p.get("in", ""),
                    _kind(p.get("schema", {})),
                    bool(p.get("required")),
                    p.get("description") or p.get("schema", {}).get("description", ""),
                )
                for p in operation.get("parameters", ())
            )
            content = operation.get("requestBody", {}).get("content", {})
            body = ", ".join(f"{media}: {_kind(value.get('schema', {}))}" for media, value in content.items())
            responses = operation.get("responses", {})
            answers = tuple((str(code), str(answer.get("description", ""))) for code, answer in responses.items())
            found.append(
                Operation(
                    method.upper(),
                    path,
                    operation.get("summary", ""),
                    operation.get("description", ""),
                    parameters,
                    body,
                    answers,
                    f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                )
            )
    return found


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    context = {"operations": operations(spec), "title": spec["info"]["title"], "version": spec["info"]["version"]}
    return render(request, "api_docs.html", context)
